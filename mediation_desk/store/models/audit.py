"""The audit trail's events."""

from __future__ import annotations

import peewee
from playhouse import apsw_ext

from mediation_desk.store.base import BaseModel


class AuditEvent(BaseModel):
    """Append-only, hash-chained trail of who did what (per device chain)."""

    seq = peewee.IntegerField()
    device = peewee.CharField(max_length=36)
    at = apsw_ext.DateTimeField()
    account = peewee.CharField(default="")
    action = peewee.CharField()
    entity = peewee.CharField(default="")
    entity_id = peewee.CharField(default="")
    row_hash = peewee.CharField(default="")
    detail = peewee.TextField(default="")
    prev_hash = peewee.CharField(default="")
    hash = peewee.CharField()

    class Meta:
        indexes = ((("device", "seq"), True),)
