"""Unfinished typing, kept on this device only."""

from __future__ import annotations

import peewee

from mediation_desk.store.base import BaseModel


class Draft(BaseModel):
    """Unfinished typing (an intake form, a record, agreement terms), saved as it is typed.

    Local to this device and its user: a crash or power cut loses nothing, and the draft is
    offered again at the next start. Kept inside the encrypted file, never in a temp file.
    """

    account = peewee.CharField(index=True)
    kind = peewee.CharField()  # intake | record | agreement
    case_ref = peewee.CharField(default="")  # the case a record/agreement draft belongs to
    title = peewee.CharField(default="")
    payload = peewee.TextField()
