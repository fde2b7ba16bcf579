"""Backups as pairs: a consistent online copy of the database and a copy of its key slots.

Why not a file copy: with WAL the main file alone is not the database, and copying while a
write runs gives a torn file. The backup API copies a consistent snapshot page by page; the
copy is encrypted with the same key as the source. Why a pair, always: an encrypted copy
without the ``.keys`` of its day can never be opened — automatic backups made before imports
and migrations used to be exactly that. Why ``.part``: the copy is written under a temporary
name, flushed, its keys put beside it, and only then renamed to its final name, so a backup
killed half-way never leaves a file that looks like a backup.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import apsw

from mediation_desk.errors import StoreUnavailable
from mediation_desk.store.files import create_private, fsync_dir, fsync_file, readonly_uri
from mediation_desk.store.keys import key_pragma, keyfile_path
from mediation_desk.store.sqlite_errors import describe_environment_error

PART_SUFFIX = ".part"


def part_path(target: Path) -> Path:
    return target.with_name(target.name + PART_SUFFIX)


def _copy_pages(dest_path: Path, source: apsw.Connection, db_key: bytes | None,
                pages_per_step: int) -> None:
    """The backup API into a new private file ``dest_path``, left in rollback-journal mode."""
    create_private(dest_path)
    dest = apsw.Connection(str(dest_path))
    try:
        if db_key is not None:
            dest.execute(f"PRAGMA key = {key_pragma(db_key)}")
        with dest.backup("main", source, "main") as job:
            while not job.done:
                job.step(pages_per_step)
        dest.execute("PRAGMA journal_mode = delete")
    finally:
        dest.close()
    fsync_file(dest_path)


def copy_private(source: Path, target: Path) -> None:
    """Copy a small file (the key slots) to a new owner-only file, flushed."""
    tmp = target.with_name(target.name + ".tmp")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
        shutil.copyfileobj(src, out)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, target)


def backup_pair(source: apsw.Connection, db_key: bytes | None, keys: Path | None,
                target: Path, pages_per_step: int = 1024) -> Path:
    """A whole, restorable backup at ``target``: the database copy, and beside it a copy of
    ``keys`` (the live ``.keys``; None for an unencrypted register). Never overwrites a
    backup; a ``.keys`` left alone by a backup killed before its rename is replaced."""
    if target.exists():
        raise FileExistsError(str(target))
    part = part_path(target)
    part.unlink(missing_ok=True)  # left by a backup that was killed
    try:
        _copy_pages(part, source, db_key, pages_per_step)
        if db_key is not None:
            if keys is None:
                raise ValueError("an encrypted backup needs its key slots")
            copy_private(keys, keyfile_path(target))
        os.replace(part, target)
        fsync_dir(target.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            part.unlink()
        raise
    return target


def online_backup(source: apsw.Connection, db_key: bytes | None, target: Path,
                  pages_per_step: int = 1024) -> Path:
    """The database copy alone (for a caller that puts the keys beside it itself)."""
    if target.exists():
        raise FileExistsError(str(target))
    part = part_path(target)
    part.unlink(missing_ok=True)
    try:
        _copy_pages(part, source, db_key, pages_per_step)
        os.replace(part, target)
        fsync_dir(target.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            part.unlink()
        raise
    return target


def remove_pair(path: Path) -> None:
    for leftover in (path, keyfile_path(path)):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()


def prune(newest_first: Sequence[Path], keep: int) -> list[Path]:
    """Remove every backup pair after the ``keep`` newest; returns what was removed."""
    removed = list(newest_first[max(keep, 1):])
    for path in removed:
        remove_pair(path)
    return removed


@dataclass(frozen=True)
class BackupFacts:
    version: int  # schema version
    role: str | None  # the role of the account asked about, if it exists and is active
    password_hash: str = ""  # that account's argon2 hash (checked for unencrypted files)


def inspect_backup(path: Path, db_key: bytes | None, latest_schema: int,
                   username: str | None = None) -> BackupFacts:
    """Check that ``path`` is a whole register this program can read (schema version at
    most ``latest_schema``), and what role ``username`` has in it.

    Opened read-only so that a check never changes the file it checks.
    """
    if not path.is_file():
        raise StoreUnavailable(f"{path} 不是备份文件" + ("（这是一个文件夹）" if path.is_dir() else ""))
    if path.stat().st_size == 0:
        raise StoreUnavailable(f"{path} 是空文件，不是备份")
    try:
        conn = apsw.Connection(readonly_uri(path),
                               flags=apsw.SQLITE_OPEN_READONLY | apsw.SQLITE_OPEN_URI)
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
            role, password_hash = None, ""
            if username is not None and "account" in tables:
                rows = conn.execute(
                    "SELECT role, password_hash FROM account WHERE username = ? AND active "
                    "AND deleted_at IS NULL", (username,)).fetchall()
                if rows:
                    role, password_hash = str(rows[0][0]), str(rows[0][1])
        except apsw.Error as exc:
            message = describe_environment_error(exc, path) or str(exc)
            raise StoreUnavailable(f"{path} 不是有效的备份：{message}") from exc
        if check != ["ok"]:
            raise StoreUnavailable(f"备份文件 {path} 已损坏：{check[0]}")
        version = int(str(found[0][0])) if found else 0
        if version > latest_schema:
            raise StoreUnavailable(
                f"备份由较新版本的调解工作台创建（结构版本 {version}），请先升级程序")
        return BackupFacts(version, role, password_hash)
    finally:
        conn.close()


def copy_database(source: Path, target: Path, db_key: bytes | None) -> None:
    """Copy a (backup) file page by page into a new private ``target``, flushed to disk."""
    if target.exists():
        raise FileExistsError(str(target))
    src = apsw.Connection(readonly_uri(source),
                          flags=apsw.SQLITE_OPEN_READONLY | apsw.SQLITE_OPEN_URI)
    try:
        if db_key is not None:
            src.execute(f"PRAGMA key = {key_pragma(db_key)}")
        _copy_pages(target, src, db_key, 1024)
    except BaseException:
        with contextlib.suppress(OSError):
            target.unlink()
        raise
    finally:
        src.close()
