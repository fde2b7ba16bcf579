"""以案释法: the reviewed, anonymised brief saved with its case, and the room's edits to the
library of law articles the briefs quote."""

from __future__ import annotations

import peewee
from playhouse import apsw_ext

from mediation_desk.store.base import BaseModel
from mediation_desk.store.models.cases import Case


class Brief(BaseModel):
    """A case's 以案释法 brief as the mediator reviewed and saved it (one per case).

    Stored as the four sections the brief prints, already anonymised: it is meant for the
    public (notice boards, talks in villages), so nothing here may name a party.
    """

    #: One per case: the key derives from the case, so the rows two devices make for one
    #: case are one row to laptop sync's merge (field by field), not a unique clash.
    natural_key = ("case",)

    case = peewee.ForeignKeyField(Case, backref="briefs", unique=True, on_delete="CASCADE")
    case_id: str
    title = peewee.CharField()
    facts = peewee.TextField(default="")  # 基本案情
    process = peewee.TextField(default="")  # 调解过程 (with the result)
    legal_basis = peewee.TextField(default="")  # 法律依据
    reasoning = peewee.TextField(default="")  # 释法说理
    articles = peewee.TextField(default="[]")  # JSON list of article keys quoted
    generalise_villages = apsw_ext.BooleanField(default=False)
    reviewed_by = peewee.CharField(default="")
    reviewed_at = apsw_ext.DateTimeField()


class LawArticle(BaseModel):
    """The room's version of one article of the brief library.

    The library's defaults live in code (``domain/law_articles.py``); a row here is an edit
    of a default (same ``key``, so its id is derived from the key and two devices editing the
    same default meet on one row), a retired default (``active`` false) or an article the
    room added.
    """

    key = peewee.CharField(unique=True)  # "民法典:288" for defaults, a uuid for added ones
    law = peewee.CharField()  # 中华人民共和国民法典
    article = peewee.CharField()  # 第二百八十八条
    text = peewee.TextField()
    topics = peewee.TextField(default="[]")  # JSON list of topic codes
    position = peewee.IntegerField(default=0)
    active = apsw_ext.BooleanField(default=True)
