"""The files of a register on disk: created private, flushed before they count, and recognised
before anything is written into them.

Why here and not in each caller: the register, its key slots and every backup hold the
parties' personal data or the means to read it, so each is created readable by its owner
only (0600); a file counts as written only once its bytes *and* its directory entry reached
the disk (a power cut after a rename otherwise loses the rename); and a file the program did
not make — another program's SQLite database, an empty file, a text file given by mistake —
must be refused before SQLite switches it to WAL or writes a schema into it.
"""

from __future__ import annotations

import contextlib
import os
import sys
import urllib.parse
from pathlib import Path

import apsw

from mediation_desk.errors import StoreUnavailable
from mediation_desk.store.keys import key_pragma
from mediation_desk.store.sqlite_errors import describe_environment_error

SQLITE_MAGIC = b"SQLite format 3\x00"
#: SQLite's companion files: while open (WAL), and a rollback journal during some writes.
SIDECARS = ("-wal", "-shm", "-journal")


def sidecars(path: Path) -> list[Path]:
    return [Path(str(path) + suffix) for suffix in SIDECARS]


def glob_escape(name: str) -> str:
    """``name`` as a literal inside a glob pattern (a register may be called ``a[1].db``)."""
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


def create_private(path: Path) -> None:
    """Create ``path`` empty, readable and writable by its owner only; never replaces."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                 0o600)
    os.close(fd)


def write_private(path: Path, data: bytes) -> None:
    """Write a new file (0600) and flush it to disk; refuses to replace one."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                 0o600)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    """Make renames and new names in ``folder`` durable (POSIX; Windows has no such call and
    its renames go through the file system's journal)."""
    if sys.platform == "win32":  # pragma: no cover - Windows only
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def refuse_odd_file(path: Path) -> None:
    """A folder, device or pipe where a register should be: refused before anything is
    created beside it (not even the use marker)."""
    if path.is_dir():
        raise _not_ours(path, "这是一个文件夹")
    if path.exists() and not path.is_file():
        raise _not_ours(path, "不是普通文件")


def readonly_uri(path: Path) -> str:
    """An SQLite URI opening ``path`` read-only, whatever characters its name holds (``?``,
    ``#``, ``%`` and spaces are escaped; a Windows drive gets the ``file:///C:/`` form)."""
    text = Path(os.path.abspath(path)).as_posix()
    lead = "file:///" if not text.startswith("/") else "file:"
    return lead + urllib.parse.quote(text, safe="/:") + "?mode=ro"


def _not_ours(path: Path, why: str) -> StoreUnavailable:
    return StoreUnavailable(f"{path} 不是调解工作台的数据库（{why}），程序没有改动它")


def check_register_file(path: Path, db_key: bytes | None) -> None:
    """Refuse ``path`` unless it is a register of this program: checked read-only, so a file
    that is not ours is left exactly as it was (no schema, no WAL switch, no -wal/-shm).

    Ours means: an SQLite file (encrypted with ``db_key`` when given) holding the tables
    ``local_state`` (with a schema version) and ``case``.
    """
    if path.is_dir():
        raise _not_ours(path, "这是一个文件夹")
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        raise StoreUnavailable(f"数据库文件不存在：{path}") from None
    except OSError as exc:
        raise StoreUnavailable(f"无法读取数据库文件 {path}：{exc.strerror or exc}") from exc
    if size == 0:
        raise _not_ours(path, "空文件")
    plaintext = head == SQLITE_MAGIC
    if db_key is None and not plaintext:
        raise _not_ours(path, "不是 SQLite 数据库，或是加密的数据库却没有密钥文件")
    if db_key is not None and plaintext:
        raise _not_ours(path, "这是未加密的 SQLite 数据库，旁边的密钥文件不属于它")
    existed = {p for p in sidecars(path) if p.exists()}
    ours = False
    try:
        ours = _probe(path, db_key)
    finally:
        if not ours:
            for leftover in sidecars(path):  # what the read-only look may have made
                if leftover not in existed:
                    with contextlib.suppress(OSError):
                        leftover.unlink()
    if not ours:
        raise _not_ours(path, "其中没有调解工作台的数据表")


def _probe(path: Path, db_key: bytes | None) -> bool:
    try:
        return _look(path, db_key, readonly=True)
    except StoreUnavailable:
        # A write killed in rollback-journal mode (the first switch to WAL after a restore,
        # say) leaves a hot journal that only a writable connection may roll back; reading
        # the file as any SQLite reader would (rolling back to its last commit) is then the
        # way to see whether it is ours.
        if not Path(str(path) + "-journal").exists():
            raise
        return _look(path, db_key, readonly=False)


def _look(path: Path, db_key: bytes | None, *, readonly: bool) -> bool:
    try:
        if readonly:
            conn = apsw.Connection(readonly_uri(path),
                                   flags=apsw.SQLITE_OPEN_READONLY | apsw.SQLITE_OPEN_URI)
        else:
            conn = apsw.Connection(str(path), flags=apsw.SQLITE_OPEN_READWRITE)
    except apsw.Error as exc:
        raise StoreUnavailable(describe_environment_error(exc, path) or str(exc)) from exc
    try:
        if db_key is not None:
            conn.execute(f"PRAGMA key = {key_pragma(db_key)}")
        tables = {row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {"local_state", "case"} <= tables:
            return False
        return bool(conn.execute(
            "SELECT 1 FROM local_state WHERE key = 'schema_version'").fetchall())
    except apsw.NotADBError as exc:
        if db_key is None:
            return False
        raise StoreUnavailable(describe_environment_error(exc, path) or str(exc)) from exc
    except apsw.Error as exc:
        message = describe_environment_error(exc, path)
        if message is None:
            return False  # an SQLite file of another shape (no such table, …)
        raise StoreUnavailable(message) from exc
    finally:
        conn.close()
