"""Tables of laptop sync that travel between devices: number leases and conflicts.

The sync bookkeeping that must *not* travel (the outbox, the ledger of bundles applied, how
far each peer has seen) lives in plain local tables made by the migration: see
``mediation_desk.store.capture``.
"""

from __future__ import annotations

import peewee
from playhouse import apsw_ext

from mediation_desk.store.base import BaseModel


class NumberLease(BaseModel):
    """A block of one year's official case numbers the desk leased to one patrol laptop.

    Only the desk creates leases (and moves its own sequence past them), so two devices can
    never issue the same number without a network.
    """

    device = peewee.CharField(max_length=36, index=True)
    year = peewee.IntegerField()
    first = peewee.IntegerField()
    last = peewee.IntegerField()


class SyncConflict(BaseModel):
    """A clash the merge could not settle by itself, kept until a person reviews it.

    ``kind``: ``value`` (the same field changed on two devices), ``restored`` (an edit met a
    deletion: the row was restored), ``deleted`` (a deletion met an edit), ``duplicate``
    (two devices made rows with the same unique name or number), ``missing`` (a change for
    a row this device never had), ``same_dispute`` (two new cases that may be one dispute).
    Values are JSON (``base``: before either change; ``mine``: the value the recording
    device held; ``theirs``: the value that arrived, which is now current).
    """

    kind = peewee.CharField(default="value")
    table_name = peewee.CharField()
    row_id = peewee.CharField(max_length=36)
    column = peewee.CharField(default="")
    case_id = peewee.CharField(max_length=36, default="", index=True)
    base = peewee.TextField(null=True)
    mine = peewee.TextField(null=True)
    theirs = peewee.TextField(null=True)
    mine_device = peewee.CharField(max_length=36, default="")
    theirs_device = peewee.CharField(max_length=36, default="")
    bundle = peewee.CharField(default="")
    status = peewee.CharField(default="open", index=True)  # open | resolved
    resolution = peewee.CharField(default="")  # mine | theirs | merged | dismissed
    resolved_by = peewee.CharField(default="")
    resolved_at = apsw_ext.DateTimeField(null=True)
