"""Printed documents filed back to their case."""

from __future__ import annotations

import peewee
from playhouse import apsw_ext

from mediation_desk.store.base import BaseModel
from mediation_desk.store.models.cases import Case
from mediation_desk.store.models.room import Account


class PrintedDocument(BaseModel):
    """A document printed or saved as PDF, filed back to its case (architecture.md §4):
    which form, when, by whom, how many copies, and the SHA-256 of the PDF bytes, so a paper
    in the dossier can be matched to what the program produced."""

    case = peewee.ForeignKeyField(Case, backref="printed_documents", on_delete="CASCADE")
    case_id: str
    kind = peewee.CharField()  # a contract.md print kind: agreement, notice, dossier, …
    title = peewee.CharField(default="")
    at = apsw_ext.DateTimeField()
    account = peewee.ForeignKeyField(Account, null=True, backref="+")
    account_id: str | None
    user_name = peewee.CharField(default="")
    action = peewee.CharField(default="print")  # print | save
    copies = peewee.IntegerField(default=1)
    pages = peewee.IntegerField(default=0)
    sha256 = peewee.CharField()
