"""Files filed to a case — scans, photos, PDFs, office files — kept encrypted inside the
register.

Two layers, as a content-addressed store has them:

* :class:`Attachment` is what a user filed: to which case and which part of it (a record,
  the agreement, a follow-up, a patrol finding), under what title and kind, by whom and when.
  It is an ordinary synced row (UUID key, soft deletion): removing a file is a soft delete.
* :class:`AttachmentContent` and :class:`AttachmentChunk` hold the bytes, keyed by their
  SHA-256. The same scan filed twice is stored once. Content rows are never changed after
  they are written, so laptop sync can carry them as files named by hash, outside the
  session changeset (architecture.md §7), and a receiver can check every byte it got.

Why chunks of fixed size rather than one blob per file: a 20 MB scan is written and read a
chunk at a time, so neither filing nor saving a copy out ever holds the file in memory, and
the chunks work the same through any SQLite driver (no incremental-blob handle to manage).
"""

from __future__ import annotations

import peewee
from playhouse import apsw_ext

from mediation_desk.store.base import BaseModel, database_proxy, utc_now
from mediation_desk.store.models.cases import Case
from mediation_desk.store.models.room import Account

#: Owners an attachment may be filed to (``owner_kind``); the id is that row's.
OWNER_KINDS = ("case", "record", "agreement", "followup", "finding")


class Attachment(BaseModel):
    """One file filed by a user, pointing at its content by SHA-256."""

    case = peewee.ForeignKeyField(Case, null=True, backref="attachments", index=True,
                                  on_delete="CASCADE")
    case_id: str | None
    owner_kind = peewee.CharField(default="case")  # one of OWNER_KINDS
    owner_id = peewee.CharField(max_length=36, index=True)
    title = peewee.CharField()
    kind = peewee.CharField(default="other")  # signed_agreement|evidence|receipt|photo|other
    file_name = peewee.CharField(default="")
    mime_type = peewee.CharField(default="application/octet-stream")
    size = peewee.BigIntegerField()
    sha256 = peewee.CharField(max_length=64, index=True)
    added_at = apsw_ext.DateTimeField()  # local wall-clock time, as people read it
    added_by = peewee.ForeignKeyField(Account, null=True, backref="+")
    added_by_id: str | None
    added_by_name = peewee.CharField(default="")


class AttachmentContent(peewee.Model):
    """The bytes of one distinct file: written once, never changed, found by hash."""

    sha256 = peewee.CharField(max_length=64, primary_key=True)
    size = peewee.BigIntegerField()
    chunk_size = peewee.IntegerField()
    chunks = peewee.IntegerField()
    created_at = apsw_ext.DateTimeField(default=utc_now)

    class Meta:
        database = database_proxy
        table_name = "attachment_content"


class AttachmentChunk(peewee.Model):
    """One fixed-size piece of a content (the last may be shorter), in order by ``seq``."""

    sha256 = peewee.CharField(max_length=64)
    seq = peewee.IntegerField()
    data = peewee.BlobField()

    class Meta:
        database = database_proxy
        table_name = "attachment_chunk"
        primary_key = peewee.CompositeKey("sha256", "seq")
