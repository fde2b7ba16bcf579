"""Backups and checks: the administrator's tools for knowing the register is whole.

A backup is an online copy through SQLite's backup API (consistent while the window is in
use) plus a copy of the key slots file, without which an encrypted copy cannot be opened.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from mediation_desk import clock
from mediation_desk.errors import Problem, StoreUnavailable, ValidationError
from mediation_desk.instance_lock import window_holder
from mediation_desk.services.safety.accounts import open_register
from mediation_desk.services.safety.audit_check import verify_audit
from mediation_desk.services.shared import audit
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store import migrations
from mediation_desk.store.backup import copy_database, inspect_backup, online_backup
from mediation_desk.store.database import Store
from mediation_desk.store.keys import KeyFile, keyfile_path


def backup_to(store: Store, actor: Actor, out: Path) -> Path:
    if out.exists():
        raise StoreUnavailable(f"备份文件已存在，不会覆盖：{out}")
    out.parent.mkdir(parents=True, exist_ok=True)
    online_backup(store.connection(), store.db_key, out)
    if store.db_key is not None:
        shutil.copyfile(keyfile_path(store.path), keyfile_path(out))
    with store.write():
        audit.record(actor, "backup", entity="register", detail=str(out))
    return out


def verify_register(store: Store, *, integrity: bool = True) -> list[str]:
    """Chinese descriptions of every problem found (empty when all is well)."""
    problems: list[str] = []
    if integrity:
        rows = [r[0] for r in store.execute("PRAGMA integrity_check").fetchall()]
        if rows != ["ok"]:
            problems.append("数据库完整性检查未通过：" + "；".join(str(r) for r in rows[:5]))
        fk = store.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            problems.append(f"有{len(fk)}处记录引用了不存在的数据")
    problems += verify_audit(store)
    return problems


@dataclass(frozen=True)
class Restored:
    path: Path
    replaced: Path | None  # where the database it replaced was kept


def restore_backup(backup: Path, target: Path, username: str, password: str, *,
                   force: bool = False) -> Restored:
    """Write ``backup`` to ``target``; the backup must open with this account's password.

    Refuses a file that is not a valid backup or comes from a newer version. An existing
    database is replaced only with ``force``, and then kept beside it (nothing is lost) —
    never while a window has it open: that window would go on writing into the replaced file.
    """
    holder = window_holder(target)
    if holder is not None:
        raise StoreUnavailable(f"数据库 {target} 正在调解工作台窗口中打开（{holder.describe()}），"
                               "请先关闭该窗口再恢复")
    if not backup.exists():
        raise StoreUnavailable(f"备份文件不存在：{backup}")
    db_key = None
    backup_keys = keyfile_path(backup)
    if backup_keys.exists():
        db_key = KeyFile.load(backup_keys).unlock(username, password)
    inspect_backup(backup, db_key, migrations.LATEST)
    if target.exists() and not force:
        raise ValidationError(Problem("", "--db", f"数据库文件已存在：{target}。确认要用备份替换它时请加 --force"))
    target.parent.mkdir(parents=True, exist_ok=True)
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    staging = target.with_name(f"{target.name}.restoring-{stamp}")
    copy_database(backup, staging, db_key)
    replaced = None
    if target.exists():
        replaced = target.with_name(f"{target.name}.replaced-{stamp}")
        for suffix in ("", "-wal", "-shm"):
            old = Path(str(target) + suffix)
            if old.exists():
                os.replace(old, Path(str(replaced) + suffix))
        if keyfile_path(target).exists():
            os.replace(keyfile_path(target), keyfile_path(replaced))
    os.replace(staging, target)
    if db_key is not None:
        shutil.copyfile(backup_keys, keyfile_path(target))
    # The restored file must open with the same account before we call it done.
    store, actor = open_register(target, username, password)
    try:
        with store.write():
            audit.record(actor, "restore", entity="register", detail=str(backup))
    finally:
        store.close()
    return Restored(target, replaced)


# -- automatic daily backups -------------------------------------------------------------------
DEFAULT_KEEP = 14
AUTO_PREFIX = "自动备份-"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: datetime
    size: int


def backup_settings(store: Store) -> tuple[Path, int]:
    """Where daily backups go (a USB stick is typical) and how many are kept."""
    folder = store.setting("backup_dir") or str(store.path.parent / "backups")
    return Path(str(folder)), int(store.setting("backup_keep", DEFAULT_KEEP))


def list_backups(folder: Path) -> list[BackupInfo]:
    """Backups in ``folder``, newest first (only files that have the app's backup names)."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        if path.is_file() and path.suffix == ".db" and path.name.startswith(AUTO_PREFIX):
            stat = path.stat()
            found.append(BackupInfo(path, datetime.fromtimestamp(stat.st_mtime), stat.st_size))
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def auto_backup(store: Store, actor: Actor, now: datetime | None = None) -> Path | None:
    """Today's backup if there is none yet; older ones beyond the number kept are removed.

    Called at start-up and then once a day by the window. Returns the new file, or ``None``
    when today's backup already exists.
    """
    now = now or clock.now()
    folder, keep = backup_settings(store)
    target = folder / f"{AUTO_PREFIX}{now:%Y%m%d}.db"
    if target.exists():
        return None
    # Check every page first: a damaged register must never push good backups out.
    store.check_integrity()
    backup_to(store, actor, target)
    for old in list_backups(folder)[max(keep, 1):]:
        old.path.unlink(missing_ok=True)
        keyfile_path(old.path).unlink(missing_ok=True)
    return target
