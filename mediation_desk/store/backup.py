"""Consistent online copies of the open database through SQLite's backup API.

Why not a file copy: with WAL the main file alone is not the database, and copying while a
write runs gives a torn file. The backup API copies a consistent snapshot page by page; the
copy is encrypted with the same key as the source.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

import apsw

from mediation_desk.store.keys import key_pragma

if TYPE_CHECKING:
    from mediation_desk.store.database import Store


def online_backup(store: Store, target: Path, pages_per_step: int = 1024) -> Path:
    """Copy the open database into ``target`` (which must not exist)."""
    if target.exists():
        raise FileExistsError(str(target))
    dest = apsw.Connection(str(target))
    try:
        if store.db_key is not None:
            dest.execute(f"PRAGMA key = {key_pragma(store.db_key)}")
        with dest.backup("main", store.connection(), "main") as job:
            while not job.done:
                job.step(pages_per_step)
        dest.execute("PRAGMA journal_mode = delete")
    except BaseException:
        dest.close()
        with contextlib.suppress(OSError):
            target.unlink()
        raise
    dest.close()
    return target
