"""Changing the database key: after an account is disabled, or a password may have leaked.

Why: every account's slot unwraps the same database key. Removing a slot from ``.keys`` does
not stop someone who kept a copy of the old ``.keys`` and knows the old password: the key it
yields would still open the register. So the database itself gets a fresh random key
(``PRAGMA rekey``, every page re-encrypted in one transaction), and every remaining slot is
resealed to it — possible without their passwords because each slot keeps a public key
(store/keys.py). An old ``.keys`` then no longer opens the register.

Why ``.keys.pending``: the new slots and the re-encrypted file must switch together, and no
file system renames a file *and* changes a database in one step. The new slots are written
first, flushed, beside the old; then the database is re-keyed; then they replace the old.
A kill in between leaves both slot files; the next login tries the pending one against the
file and keeps whichever opens it (:func:`settle_pending`).

A backup is made first (its ``.keys`` without the accounts being removed), so a re-key that
fails half-way for a reason outside the program loses nothing.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from pathlib import Path

import apsw

from mediation_desk import clock
from mediation_desk.errors import StoreUnavailable, WrongPassword
from mediation_desk.store import migrations
from mediation_desk.store.backup import backup_pair, prune
from mediation_desk.store.database import Store
from mediation_desk.store.files import fsync_dir, glob_escape, readonly_uri
from mediation_desk.store.keys import (
    RECOVERY_SLOT,
    KeyFile,
    key_pragma,
    keyfile_path,
    new_database_key,
    new_recovery_key,
)
from mediation_desk.store.sqlite_errors import environment_errors

REKEY_MARK = ".before-rekey-"
KEEP_REKEY_BACKUPS = 5


@dataclass
class Rekeyed:
    """What a re-key changed that people must act on."""

    backup: Path | None = None
    new_recovery_key: str | None = None  # the old recovery slot could not take the new key
    need_new_password: list[str] = field(default_factory=list)  # slots of the first format


def pending_path(register: Path) -> Path:
    keys = keyfile_path(register)
    return keys.with_name(keys.name + ".pending")


def _backup_first(store: Store, drop: set[str]) -> Path:
    """The register as it is, with key slots minus the accounts being removed (so the backup
    does not keep opening for them)."""
    folder = migrations.backup_folder(store)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = clock.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{store.path.name}{REKEY_MARK}{stamp}.bak"
    slots = KeyFile.load(keyfile_path(store.path))
    for name in drop:
        slots.remove(name)
    filtered = folder / f".{target.name}.keys-source"
    filtered.unlink(missing_ok=True)
    slots.save(filtered)
    try:
        backup_pair(store.connection(), store.db_key, filtered, target)
    finally:
        filtered.unlink(missing_ok=True)
    made = sorted(folder.glob(f"{glob_escape(store.path.name)}{REKEY_MARK}*.bak"), reverse=True)
    prune(made, KEEP_REKEY_BACKUPS)
    return target


def rekey(store: Store, *, drop: set[str] | None = None,
          new_password: tuple[str, str] | None = None) -> Rekeyed:
    """Give the open register a new random key; slots of ``drop`` are removed and, with
    ``new_password`` = (account, password), that account's slot is made anew. The caller
    writes the audit event. StoreUnavailable when another process has the register open."""
    result = Rekeyed()
    if store.db_key is None:
        return result  # an unencrypted register has no key to change
    drop = set(drop or ())
    if store.use is None or not store.use.try_exclusive():
        raise StoreUnavailable("另一个程序（命令行或另一个窗口）正在使用数据库，无法更换数据库密钥；"
                               "请关闭它后重试，账户没有改动")
    try:
        result.backup = _backup_first(store, drop)
        keys = keyfile_path(store.path)
        pending = pending_path(store.path)
        new_key = new_database_key()
        new_slots, lost = KeyFile.load(keys).resealed(keys, new_key, drop)
        if RECOVERY_SLOT in lost:
            lost.remove(RECOVERY_SLOT)
            result.new_recovery_key = new_recovery_key()
            new_slots.set_recovery(result.new_recovery_key, new_key)
        if new_password is not None:
            new_slots.set_password(new_password[0], new_password[1], new_key)
            lost = [name for name in lost if name != new_password[0]]
        result.need_new_password = lost
        pending.unlink(missing_ok=True)
        new_slots.save(pending)
        with environment_errors(store.path):
            store.change_key(new_key)
            store.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        os.replace(pending, keys)
        fsync_dir(keys.parent)
    finally:
        store.use.downgrade()
    return result


def opens_with(register: Path, db_key: bytes) -> bool:
    """Whether ``db_key`` opens ``register`` (read-only look)."""
    try:
        conn = apsw.Connection(readonly_uri(register),
                               flags=apsw.SQLITE_OPEN_READONLY | apsw.SQLITE_OPEN_URI)
    except apsw.Error:
        return False
    try:
        conn.execute(f"PRAGMA key = {key_pragma(db_key)}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
        return True
    except apsw.Error:
        return False
    finally:
        conn.close()


def settle_pending(register: Path, db_key: bytes | None, pending_key: bytes | None) -> bytes:
    """After a re-key that was killed: keep the slot file whose key opens the register.

    ``db_key`` is what the current ``.keys`` gave this account (None if it has no slot
    there), ``pending_key`` what ``.keys.pending`` gave (None likewise)."""
    pending = pending_path(register)
    if pending_key is not None and opens_with(register, pending_key):
        with contextlib.suppress(FileNotFoundError):
            os.replace(pending, keyfile_path(register))
        fsync_dir(register.parent)
        return pending_key
    if db_key is not None and opens_with(register, db_key):
        pending.unlink(missing_ok=True)
        return db_key
    if db_key is None and pending_key is None:
        raise WrongPassword("用户名或密码不正确")
    raise StoreUnavailable(f"数据库 {register} 与它的密钥文件对不上：请从备份恢复")
