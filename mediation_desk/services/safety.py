"""Backups and checks: the administrator's tools for knowing the register is whole.

A backup is an online copy through SQLite's backup API (consistent while the window is in
use) plus a copy of the key slots file, without which an encrypted copy cannot be opened.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mediation_desk.errors import StoreUnavailable
from mediation_desk.services import audit
from mediation_desk.services.actor import Actor
from mediation_desk.store.backup import online_backup
from mediation_desk.store.database import Store
from mediation_desk.store.keys import keyfile_path


def backup_to(store: Store, actor: Actor, out: Path) -> Path:
    if out.exists():
        raise StoreUnavailable(f"备份文件已存在，不会覆盖：{out}")
    out.parent.mkdir(parents=True, exist_ok=True)
    online_backup(store, out)
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
    broken = audit.verify_chain()
    if broken:
        problems.append(broken)
    return problems
