"""Restoring a backup as a protocol: check everything, hold the register alone, stage, swap.

Why a protocol (issue 11): a restore replaces the room's only register. It used to move the
live file aside *before* finding that the password did not open the backup, replace a file
another process was still writing, and leave no register (or one without its keys) when killed
between its renames. Now, in order:

1. the files named are checked — the backup is not the target, the target is not replaced
   without ``force``;
2. the backup and its ``.keys`` must open with the given password, pass SQLite's check and
   name an account allowed to restore (and so must the current register, when it opens) —
   all read-only, before anything is touched;
3. the register is taken alone: the window's lock (so no window starts on it) and the
   exclusive use (so no command-line process or window has it open);
4. the backup is copied beside the target (owner-only, flushed) with its keys, and the copy
   checked again;
5. the swap (store/swap.py) puts the pair in place under a journal; the old pair is kept as
   ``.replaced-<time>`` (never over an existing one), and staging files are removed.
"""

from __future__ import annotations

import contextlib
import os
import socket
from dataclasses import dataclass
from pathlib import Path

import apsw
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from mediation_desk import clock
from mediation_desk.errors import (
    Problem,
    StoreUnavailable,
    ValidationError,
    WrongPassword,
)
from mediation_desk.instance_lock import WindowLock, same_host
from mediation_desk.register_lock import RegisterUse
from mediation_desk.services.safety.accounts import open_register
from mediation_desk.services.shared import audit
from mediation_desk.services.shared.actor import Actor
from mediation_desk.services.shared.permissions import require
from mediation_desk.store import migrations, swap
from mediation_desk.store.backup import copy_database, copy_private, inspect_backup
from mediation_desk.store.files import SIDECARS, readonly_uri, sidecars
from mediation_desk.store.keys import KeyFile, key_pragma, keyfile_path


@dataclass(frozen=True)
class Restored:
    path: Path
    replaced: Path | None  # where the database it replaced was kept


def _check_paths(backup: Path, target: Path, force: bool) -> None:
    if not backup.exists():
        raise StoreUnavailable(f"备份文件不存在：{backup}")
    if backup.is_dir():
        raise StoreUnavailable(f"{backup} 是一个文件夹，不是备份文件")
    if target.is_dir():
        raise ValidationError(Problem("", "--db", f"“{target}”是一个文件夹，应为数据库文件"))
    if target.exists() and not target.is_file():  # a device or pipe is never moved aside
        raise ValidationError(Problem("", "--db", f"“{target}”不是普通文件，不能作为数据库"))
    same = os.path.abspath(backup) == os.path.abspath(target)
    if not same and target.exists():
        with contextlib.suppress(OSError):
            same = os.path.samefile(backup, target)
    if same:
        raise ValidationError(Problem("", "--db", "备份文件就是要恢复到的数据库本身，无法自己恢复自己"))
    if target.exists() and not force:
        raise ValidationError(Problem(
            "", "--db", f"数据库文件已存在：{target}。确认要用备份替换它时请加 --force"))


def _unlock_backup(backup: Path, username: str, password: str) -> tuple[bytes | None, str]:
    """The backup's key (None when unencrypted) and the account's role in it; WrongPassword
    unless the password opens it, PermissionDenied unless that role may restore."""
    db_key = None
    keys = keyfile_path(backup)
    if keys.exists():
        db_key = KeyFile.load(keys).unlock(username, password)
    facts = inspect_backup(backup, db_key, migrations.LATEST, username)
    if facts.role is None:
        raise WrongPassword("用户名或密码不正确")
    if db_key is None:
        try:
            PasswordHasher().verify(facts.password_hash, password)
        except (VerificationError, InvalidHashError) as exc:
            raise WrongPassword("用户名或密码不正确") from exc
    require(Actor("", username, facts.role), "restore")
    return db_key, facts.role


def _role_in_register(target: Path, username: str, password: str) -> str | None:
    """The account's role in the register about to be replaced, when this password opens it
    (None when it does not, or the file is damaged: a restore must still be possible).
    Called while the register is held alone: the WAL files this look makes are removed."""
    made = [p for p in sidecars(target) if not p.exists()]
    try:
        return _read_role(target, username, password)
    finally:
        for leftover in made:
            leftover.unlink(missing_ok=True)


def _read_role(target: Path, username: str, password: str) -> str | None:
    db_key = None
    keys = keyfile_path(target)
    try:
        if keys.exists():
            db_key = KeyFile.load(keys).unlock(username, password)
        conn = apsw.Connection(readonly_uri(target),
                               flags=apsw.SQLITE_OPEN_READONLY | apsw.SQLITE_OPEN_URI)
    except (WrongPassword, StoreUnavailable, apsw.Error):
        return None
    try:
        if db_key is not None:
            conn.execute(f"PRAGMA key = {key_pragma(db_key)}")
        rows = conn.execute("SELECT role FROM account WHERE username = ? AND active AND "
                            "deleted_at IS NULL", (username,)).fetchall()
    except apsw.Error:
        return None
    finally:
        conn.close()
    return str(rows[0][0]) if rows else None


def _replaced_name(target: Path, stamp: str) -> Path:
    """``<register>.replaced-<time>``, with ``-2``, ``-3`` … when that pair already exists."""
    for n in range(1, 1000):
        name = target.with_name(f"{target.name}.replaced-{stamp}" + (f"-{n}" if n > 1 else ""))
        if not any(Path(str(name) + s).exists() for s in ("", *SIDECARS, ".keys")):
            return name
    raise StoreUnavailable(f"{target} 旁已有太多替换下来的旧数据库，请先整理")


def _hold_alone(target: Path, own_window: bool) -> tuple[WindowLock, RegisterUse]:
    """The window's lock and the exclusive use of ``target``, or StoreUnavailable naming
    who has it. ``own_window``: this process is the window doing the restore (its store
    already closed), so its own lock does not count."""
    window = WindowLock(target)
    holder = window.try_acquire()
    if holder is not None and not (own_window and holder.pid == os.getpid()
                                    and same_host(holder.host, socket.gethostname())):
        raise StoreUnavailable(f"数据库 {target} 正在调解工作台窗口中打开（{holder.describe()}），"
                               "请先关闭该窗口再恢复")
    use = RegisterUse(target)
    if not use.try_exclusive():
        use.close()
        window.release()
        raise StoreUnavailable(f"数据库 {target} 正被另一个程序使用（命令行或窗口），"
                               "请等它结束或关闭后再恢复")
    return window, use


def restore_backup(backup: Path, target: Path, username: str, password: str, *,
                   force: bool = False, own_window: bool = False) -> Restored:
    """Put ``backup`` (with its keys) in place of ``target``; see the module docstring."""
    backup, target = Path(backup), Path(target)
    _check_paths(backup, target, force)
    db_key, _role = _unlock_backup(backup, username, password)
    swap.step("verified")
    target.parent.mkdir(parents=True, exist_ok=True)
    window, use = _hold_alone(target, own_window)
    replaced: Path | None = None
    try:
        swap.recover(target)  # an earlier restore that was killed: finish it first
        if target.exists():  # the account must be allowed to restore here too
            current = _role_in_register(target, username, password)
            if current is not None:
                require(Actor("", username, current), "restore")
        swap.step("locked")
        stamp = clock.now().strftime("%Y%m%d-%H%M%S")
        staged = swap.staging_path(target, stamp)
        try:
            copy_database(backup, staged, db_key)
            swap.step("staged")
            if db_key is not None:
                copy_private(keyfile_path(backup), keyfile_path(staged))
                swap.step("staged-keys")
            inspect_backup(staged, db_key, migrations.LATEST)
            swap.step("checked")
            existed = target.exists() or keyfile_path(target).exists() or any(
                Path(str(target) + s).exists() for s in SIDECARS)
            replaced = _replaced_name(target, stamp) if existed else None
            swap.swap_in(target, staged, replaced)
        finally:
            swap.remove_staging_leftovers(target)
    except OSError as exc:
        raise StoreUnavailable(f"恢复时读写文件出错（{exc.strerror or exc}），原数据库没有被替换"
                               ) from exc
    finally:
        use.close()
        window.release()
    _note_restore(target, username, password, backup)
    return Restored(target, replaced)


def _note_restore(target: Path, username: str, password: str, backup: Path) -> None:
    """The restored file must open with the same account; the restore goes on its trail."""
    store, actor = open_register(target, username, password)
    try:
        with store.write():
            audit.record(actor, "restore", entity="register", detail=str(backup))
    finally:
        store.close()
