"""Attachment bytes in and out of the register, a chunk at a time.

Why streamed: a scanned agreement or a phone video can be tens of megabytes, and a desk PC in
a township office may have 4 GB of memory shared with a browser. Writing reads the file one
chunk at a time and inserts that chunk; reading selects one chunk at a time. Neither ever
holds the whole file (architecture.md §10 budgets the peak at twice the file; this stays at
a few chunks). The content is keyed by its SHA-256 and checked against it on the way in
(the file may change between hashing and storing) and on the way out.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from typing import BinaryIO

from mediation_desk.store.base import utc_now
from mediation_desk.store.models import AttachmentContent

CHUNK_SIZE = 1024 * 1024


class ContentChanged(Exception):
    """The bytes read do not match the hash they were filed under."""


def hash_file(source: BinaryIO, progress: Callable[[int], None] | None = None,
              ) -> tuple[str, int, bytes]:
    """``(sha256, size, first bytes)`` of ``source``, read from its current position."""
    digest = hashlib.sha256()
    size = 0
    head = b""
    while chunk := source.read(CHUNK_SIZE):
        if not head:
            head = chunk[:64]
        digest.update(chunk)
        size += len(chunk)
        if progress is not None:
            progress(size)
    return digest.hexdigest(), size, head


def has_content(sha256: str) -> bool:
    db = AttachmentContent._meta.database
    return bool(db.execute_sql("SELECT 1 FROM attachment_content WHERE sha256 = ?",
                               (sha256,)).fetchall())


def write_content(source: BinaryIO, sha256: str, size: int,
                  progress: Callable[[int], None] | None = None) -> bool:
    """Store ``source``'s bytes under ``sha256`` inside the caller's transaction; False when
    that content is already stored (identical files are kept once). Raises ContentChanged —
    and the caller's transaction rolls back — if the bytes are not the ones hashed."""
    if has_content(sha256):
        return False
    db = AttachmentContent._meta.database
    digest = hashlib.sha256()
    written = 0
    seq = 0
    while chunk := source.read(CHUNK_SIZE):
        digest.update(chunk)
        db.execute_sql("INSERT INTO attachment_chunk (sha256, seq, data) VALUES (?, ?, ?)",
                       (sha256, seq, chunk))
        written += len(chunk)
        seq += 1
        if progress is not None:
            progress(written)
    if digest.hexdigest() != sha256 or written != size:
        raise ContentChanged(sha256)
    db.execute_sql(
        "INSERT INTO attachment_content (sha256, size, chunk_size, chunks, created_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (sha256, size, CHUNK_SIZE, seq, AttachmentContent.created_at.db_value(utc_now())))
    return True


def iter_content(sha256: str) -> Iterator[bytes]:
    """The stored bytes, chunk by chunk, checked against their hash at the end (raises
    ContentChanged if a chunk is missing or altered; KeyError if nothing is stored)."""
    db = AttachmentContent._meta.database
    found = db.execute_sql("SELECT chunks, size FROM attachment_content WHERE sha256 = ?",
                           (sha256,)).fetchall()
    if not found:
        raise KeyError(sha256)
    chunks, size = int(found[0][0]), int(found[0][1])
    digest = hashlib.sha256()
    total = 0
    for seq in range(chunks):
        rows = db.execute_sql("SELECT data FROM attachment_chunk WHERE sha256 = ? AND seq = ?",
                              (sha256, seq)).fetchall()
        if not rows:
            raise ContentChanged(sha256)
        data = bytes(rows[0][0])
        digest.update(data)
        total += len(data)
        yield data
    if total != size or digest.hexdigest() != sha256:
        raise ContentChanged(sha256)


def delete_content(sha256: str) -> None:
    """Remove a content for good (retention's purge; the caller checked nobody uses it)."""
    db = AttachmentContent._meta.database
    db.execute_sql("DELETE FROM attachment_chunk WHERE sha256 = ?", (sha256,))
    db.execute_sql("DELETE FROM attachment_content WHERE sha256 = ?", (sha256,))


def stored_bytes() -> int:
    """All attachment content in the register, in bytes (each distinct file once)."""
    db = AttachmentContent._meta.database
    return int(db.execute_sql("SELECT COALESCE(SUM(size), 0) FROM attachment_content")
               .fetchall()[0][0])
