"""Backups and checks: the administrator's tools for knowing the register is whole.

Every backup is a pair — the online copy through SQLite's backup API (consistent while the
window is in use) and a copy of the key slots file, without which an encrypted copy cannot be
opened — written under a temporary name and renamed only when whole (store/backup.py). Four
kinds are made: by hand (``backup --out``, 立即备份; never removed by the program), daily by
the window, before each import and before each schema migration. The automatic kinds rotate:
only the newest so many of each are kept, counts the director or administrator can set.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from mediation_desk import clock
from mediation_desk.errors import Problem, StoreUnavailable, ValidationError
from mediation_desk.services.safety.audit_check import verify_audit
from mediation_desk.services.shared import audit
from mediation_desk.services.shared.actor import Actor
from mediation_desk.services.shared.permissions import require
from mediation_desk.services.shared.setting_rows import write_setting
from mediation_desk.store import migrations
from mediation_desk.store.backup import backup_pair, prune
from mediation_desk.store.database import Store
from mediation_desk.store.files import glob_escape
from mediation_desk.store.keys import keyfile_path
from mediation_desk.store.snapshot import file_snapshot
from mediation_desk.store.sqlite_errors import environment_errors

DEFAULT_KEEP = 14  # daily backups
DEFAULT_KEEP_IMPORT = 10
AUTO_PREFIX = "自动备份-"
IMPORT_MARK = ".before-import-"
#: setting key → (what it counts, default, smallest, largest)
KEEP_SETTINGS: dict[str, tuple[str, int, int, int]] = {
    "backup_keep": ("每日自动备份保留份数", DEFAULT_KEEP, 1, 365),
    "backup_keep_import": ("导入前备份保留份数", DEFAULT_KEEP_IMPORT, 1, 365),
    "backup_keep_migration": ("升级前备份保留份数", migrations.KEEP_MIGRATION_BACKUPS, 1, 365),
}


def _write_failed(exc: OSError, out: Path) -> Exception:
    """A Chinese reason for a file that could not be written: input (exit 1) when the name
    is wrong, the environment's (exit 4) when the disk is full or cannot be written."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return StoreUnavailable(f"磁盘已满，备份没有写完（{out}）：请腾出空间或换一个位置")
    if exc.errno in (errno.ENOTDIR, errno.EISDIR, errno.ENAMETOOLONG, errno.EINVAL):
        return ValidationError(Problem("", "--out", f"“{out}”不能作为备份文件名（{exc.strerror}）"))
    return StoreUnavailable(f"无法写入备份 {out}：{exc.strerror or exc}")


def write_backup(store: Store, out: Path) -> Path:
    """A backup pair at ``out`` (its folder is made if missing); nothing under that name
    when it fails."""
    if out.exists() and not out.is_dir():
        raise ValidationError(Problem("", "--out", f"备份文件已存在，不会覆盖：{out}"))
    if out.is_dir():
        raise ValidationError(Problem("", "--out", f"“{out}”是一个文件夹，应为备份文件名"))
    keys = keyfile_path(store.path) if store.db_key is not None else None
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with environment_errors(out):
            backup_pair(store.connection(), store.db_key, keys, out)
    except FileExistsError as exc:
        raise ValidationError(Problem("", "--out", f"备份文件已存在，不会覆盖：{out}")) from exc
    except OSError as exc:
        raise _write_failed(exc, out) from exc
    return out


def backup_to(store: Store, actor: Actor, out: Path) -> Path:
    """A backup made by hand (director or administrator), audited."""
    require(actor, "backup")
    write_backup(store, out)
    with store.write():
        audit.record(actor, "backup", entity="register", detail=str(out))
    return out


def verify_register(store: Store, actor: Actor | None = None, *,
                    integrity: bool = True) -> list[str]:
    """Chinese descriptions of every problem found (empty when all is well)."""
    if actor is not None:
        require(actor, "verify")
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


# -- automatic backups -------------------------------------------------------------------------
@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: datetime
    size: int


def keep_counts(store: Store) -> dict[str, int]:
    """How many of each automatic kind are kept (setting key → count)."""
    return {key: int(store.setting(key, default) or default)
            for key, (_label, default, _lo, _hi) in KEEP_SETTINGS.items()}


def set_keep_counts(store: Store, actor: Actor, counts: dict[str, int]) -> None:
    """Change how many automatic backups of each kind are kept (director or administrator)."""
    require(actor, "backup.settings")
    problems = []
    for key, value in counts.items():
        if key not in KEEP_SETTINGS:
            raise ValueError(key)
        label, _default, low, high = KEEP_SETTINGS[key]
        if not low <= value <= high:
            problems.append(Problem("", label, f"应在{low}至{high}之间，实际为{value}"))
    if problems:
        raise ValidationError(problems)
    with store.write() as changes:
        for key, value in counts.items():
            if write_setting(actor, key, str(value), f"{KEEP_SETTINGS[key][0]}：{value}"):
                changes.touch("settings")


def backup_settings(store: Store) -> tuple[Path, int]:
    """Where daily backups go (a USB stick is typical) and how many are kept."""
    folder = store.setting("backup_dir") or str(store.path.parent / "backups")
    return Path(str(folder)), keep_counts(store)["backup_keep"]


def _infos(paths: list[Path]) -> list[BackupInfo]:
    found = []
    for path in paths:
        if path.is_file():
            stat = path.stat()
            found.append(BackupInfo(path, datetime.fromtimestamp(stat.st_mtime), stat.st_size))
    return sorted(found, key=lambda b: (b.made_at, b.path.name), reverse=True)


def list_backups(folder: Path) -> list[BackupInfo]:
    """Daily backups in ``folder``, newest first (only files with the daily backups' name)."""
    if not folder.is_dir():
        return []
    return _infos([p for p in folder.iterdir()
                   if p.suffix == ".db" and p.name.startswith(AUTO_PREFIX)])


def import_backups(store: Store) -> list[BackupInfo]:
    """Backups made before imports of this register, newest first."""
    folder = migrations.backup_folder(store)
    if not folder.is_dir():
        return []
    return _infos(list(folder.glob(f"{glob_escape(store.path.name)}{IMPORT_MARK}*.bak")))


def automatic_backups(store: Store, actor: Actor) -> list[tuple[str, BackupInfo]]:
    """The automatic backups there are to restore: ("daily" | "before_import", info)."""
    require(actor, "backup")
    folder, _keep = backup_settings(store)
    return [("daily", b) for b in list_backups(folder)] + [
        ("before_import", b) for b in import_backups(store)]


def auto_backup(store: Store, actor: Actor, now: datetime | None = None) -> Path | None:
    """Today's backup if there is none yet; older ones beyond the number kept are removed.

    Called at start-up and then once a day by the window, whoever is logged in (it is the
    program's, not the user's). Returns the new file, or ``None`` when today's exists.
    """
    now = now or clock.now()
    folder, keep = backup_settings(store)
    target = folder / f"{AUTO_PREFIX}{now:%Y%m%d}.db"
    if target.exists():
        return None
    # Check every page first: a damaged register must never push good backups out.
    store.check_integrity()
    write_backup(store, target)
    with store.write():
        audit.record(actor, "backup", entity="register", detail=f"每日自动备份 {target}")
    prune([b.path for b in list_backups(folder)], keep)
    return target


def _import_target(store: Store) -> Path:
    """A new name for a pre-import backup: two imports within one clock tick (or under a
    clock standing still) get ``-2``, ``-3``… rather than refusing the second."""
    stamp = clock.now().strftime("%Y%m%d-%H%M%S-%f")
    folder = migrations.backup_folder(store)
    target = folder / f"{store.path.name}{IMPORT_MARK}{stamp}.bak"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{store.path.name}{IMPORT_MARK}{stamp}-{n}.bak"
    return target


def backup_before_import(store: Store) -> Path:
    """The pair an import makes first, in ``backups/`` beside the register; rotated."""
    target = write_backup(store, _import_target(store))
    prune([b.path for b in import_backups(store)], keep_counts(store)["backup_keep_import"])
    return target


def snapshot_before_import(store: Store) -> Path:
    """The pair a laptop-sync import makes first: named, kept and rotated exactly as
    :func:`backup_before_import`'s (so 恢复 lists it and the same count is kept), but the
    database copied as its encrypted file (store/snapshot.py) rather than through the backup
    API, which re-encrypts every page (6.8 s against 0.7 s for a 276 MB register: more than
    the whole import's budget)."""
    target = _import_target(store)
    keys = keyfile_path(store.path) if store.db_key is not None else None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with environment_errors(target):
            file_snapshot(store, target, keys)
    except OSError as exc:
        raise _write_failed(exc, target) from exc
    prune([b.path for b in import_backups(store)], keep_counts(store)["backup_keep_import"])
    return target
