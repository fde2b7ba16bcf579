"""Consistent online copies of the open database through SQLite's backup API.

Why not a file copy: with WAL the main file alone is not the database, and copying while a
write runs gives a torn file. The backup API copies a consistent snapshot page by page; the
copy is encrypted with the same key as the source.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import apsw

from mediation_desk.errors import StoreUnavailable
from mediation_desk.store.keys import key_pragma
from mediation_desk.store.sqlite_errors import describe_environment_error


def online_backup(source: apsw.Connection, db_key: bytes | None, target: Path,
                  pages_per_step: int = 1024) -> Path:
    """Copy the open database on ``source`` into ``target`` (which must not exist), keyed
    with ``db_key``; a consistent copy while others keep writing."""
    if target.exists():
        raise FileExistsError(str(target))
    dest = apsw.Connection(str(target))
    try:
        if db_key is not None:
            dest.execute(f"PRAGMA key = {key_pragma(db_key)}")
        with dest.backup("main", source, "main") as job:
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


def inspect_backup(path: Path, db_key: bytes | None, latest_schema: int) -> int:
    """Check that ``path`` is a whole register this program can read (schema version at
    most ``latest_schema``); returns its schema version.

    Opened read-only so that a check never changes the file it checks.
    """
    try:
        conn = apsw.Connection(f"file:{path}?mode=ro", flags=apsw.SQLITE_OPEN_READONLY
                               | apsw.SQLITE_OPEN_URI)
    except apsw.Error as exc:
        raise StoreUnavailable(f"无法打开备份文件 {path}：{exc}") from exc
    try:
        if db_key is not None:
            conn.execute(f"PRAGMA key = {key_pragma(db_key)}")
        try:
            check = [row[0] for row in conn.execute("PRAGMA quick_check")]
            tables = {row[0] for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            if "local_state" not in tables or "case" not in tables:
                raise StoreUnavailable(f"{path} 不是调解工作台的备份文件")
            found = conn.execute(
                "SELECT value FROM local_state WHERE key = 'schema_version'").fetchall()
        except apsw.Error as exc:
            message = describe_environment_error(exc, path) or str(exc)
            raise StoreUnavailable(f"{path} 不是有效的备份：{message}") from exc
        if check != ["ok"]:
            raise StoreUnavailable(f"备份文件 {path} 已损坏：{check[0]}")
        version = int(str(found[0][0])) if found else 0
        if version > latest_schema:
            raise StoreUnavailable(
                f"备份由较新版本的调解工作台创建（结构版本 {version}），请先升级程序")
        return version
    finally:
        conn.close()


def copy_database(source: Path, target: Path, db_key: bytes | None) -> None:
    """Copy a (backup) file page by page into a new ``target`` with the backup API."""
    if target.exists():
        raise FileExistsError(str(target))
    src = apsw.Connection(f"file:{source}?mode=ro", flags=apsw.SQLITE_OPEN_READONLY
                          | apsw.SQLITE_OPEN_URI)
    dest = apsw.Connection(str(target))
    try:
        if db_key is not None:
            src.execute(f"PRAGMA key = {key_pragma(db_key)}")
            dest.execute(f"PRAGMA key = {key_pragma(db_key)}")
        with dest.backup("main", src, "main") as job:
            while not job.done:
                job.step(1024)
    except BaseException:
        dest.close()
        src.close()
        with contextlib.suppress(OSError):
            target.unlink()
        raise
    dest.close()
    src.close()
