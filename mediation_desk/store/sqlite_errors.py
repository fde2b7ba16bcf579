"""SQLite's failures sorted into the environment's (disk, lock, damaged file, wrong key) and
ours (bugs).

Why its own module: the store, backups and the command line all need the same sorting, and
none of them should have to import the module that opens the register to get it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import apsw
import peewee

from mediation_desk.errors import StoreUnavailable


def describe_environment_error(exc: BaseException, path: Path | str = "") -> str | None:
    """A Chinese message for an SQLite failure that is the environment's, else ``None``.

    Why: a full disk or a lock held by another program is not a bug — the user needs to know
    what to do, and that nothing was lost — so these never reach the crash dialog.
    """
    where = f"（{path}）" if path else ""
    if isinstance(exc, apsw.NotADBError):
        return f"数据库文件无法打开{where}：不是数据库、密钥不对或文件已损坏"
    if isinstance(exc, apsw.CorruptError):
        return f"数据库文件已损坏{where}：请从备份恢复"
    if isinstance(exc, apsw.BusyError | apsw.LockedError):
        return f"数据库正被另一个程序使用{where}：请关闭它后重试"
    if isinstance(exc, apsw.FullError):
        return f"磁盘已满{where}：刚才的操作没有保存，请腾出空间后重试"
    if isinstance(exc, apsw.ReadOnlyError):
        return f"数据库文件只读{where}：无法保存"
    if isinstance(exc, apsw.CantOpenError):
        return f"无法打开数据库文件{where}：文件不存在或没有权限"
    if isinstance(exc, apsw.IOError):
        return f"读写数据库文件时出错{where}：请检查磁盘或U盘"
    return None


@contextlib.contextmanager
def environment_errors(path: Path | str = "") -> Iterator[None]:
    """Turn SQLite's environment failures into :class:`StoreUnavailable`; bugs pass through."""
    try:
        yield
    except (apsw.Error, peewee.PeeweeException) as exc:
        original = original_sqlite_error(exc)
        message = describe_environment_error(original, path) if original else None
        if message is None:
            raise
        raise StoreUnavailable(message) from exc


def environment_message(exc: BaseException) -> str | None:
    """The Chinese message for any failure that is the environment's (disk, lock, file),
    whether it arrived as StoreUnavailable or as a raw driver error from a plain read."""
    if isinstance(exc, StoreUnavailable):
        return str(exc)
    original = original_sqlite_error(exc)
    return describe_environment_error(original) if original is not None else None


def original_sqlite_error(exc: BaseException) -> apsw.Error | None:
    """The apsw error behind ``exc``: peewee re-raises driver errors as its own classes,
    chained to (or carrying) the driver's exception."""
    for candidate in (exc, exc.__cause__, exc.__context__, *exc.args[:1]):
        if isinstance(candidate, apsw.Error):
            return candidate
    return None
