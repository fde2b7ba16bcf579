"""How a case came in by import: from which file and row, what the import assumed, and
whether a person still has to check it (导入待核对).

Why a table of its own and not columns on the case: a case typed at the desk has none of
this, and the review list (one list, not scattered over 工作台) is a query over these rows
alone. One row per imported case; it stays after the review as the record of the arrival."""

from __future__ import annotations

import peewee
from playhouse import apsw_ext

from mediation_desk.store.base import BaseModel
from mediation_desk.store.models.cases import Case
from mediation_desk.store.models.room import Account


class CaseArrival(BaseModel):
    """A case brought in by import (台账 or case@1 file) and what became of its review."""

    #: One per case: the key derives from the case, so the rows two devices make for one
    #: case are one row to laptop sync's merge (field by field), not a unique clash.
    natural_key = ("case",)

    case = peewee.ForeignKeyField(Case, backref="arrivals", unique=True, on_delete="CASCADE")
    case_id: str
    source = peewee.CharField(default="")  # "台账.xlsx 第5行"
    at = apsw_ext.DateTimeField()  # when it was imported (local time)
    account = peewee.ForeignKeyField(Account, null=True, backref="+")
    account_id: str | None
    inferred = peewee.TextField(default="[]")  # JSON list: what the import assumed
    review = peewee.TextField(default="")  # why it must be checked, "\n"-separated; "" = none
    reviewed_on = apsw_ext.DateField(null=True)
    reviewed_by = peewee.CharField(default="")
    review_note = peewee.TextField(default="")
