"""Every backup can be restored (issue 11, item 2): each kind the program makes — by hand,
daily, before an import, before a migration, before a re-key — is a pair (database and key
slots), owner-only, restored here with the account's password; the automatic kinds rotate;
a backup killed half-way leaves nothing under its final name."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from mediation_desk.services.cases.intake import IntakeService
from mediation_desk.services.exchange.importer import import_cases
from mediation_desk.services.safety.accounts import AccountService, open_register
from mediation_desk.services.safety.backups import (
    auto_backup,
    backup_to,
    import_backups,
    set_keep_counts,
)
from mediation_desk.services.safety.restore import restore_backup
from mediation_desk.store import migrations
from mediation_desk.store.keys import keyfile_path
from mediation_desk.store.models import Case
from tests.conftest import PASSWORD, Register, neighbour_draft
from tests.safety_support import REPO, make_register

CASE = {"received_on": "2026-11-02", "dispute_type": "邻里纠纷", "village": "湖二村",
        "parties": [{"side": "applicant", "name": "张喆"}, {"side": "respondent", "name": "李明"}]}


def _private(path: Path) -> bool:
    return (path.stat().st_mode & 0o777) == 0o600


def _restores(backup: Path, target: Path, cases: int) -> None:
    assert backup.exists() and keyfile_path(backup).exists(), f"{backup} is not a pair"
    assert _private(backup) and _private(keyfile_path(backup))
    restore_backup(backup, target, "admin", PASSWORD)
    store, _ = open_register(target, "admin", PASSWORD)
    try:
        assert Case.select().count() == cases
    finally:
        store.close()


def test_each_kind_of_backup_restores(register: Register, tmp_path: Path) -> None:
    """Before: the backups taken before an import had no ``.keys`` (never restorable)."""
    IntakeService(register.store, register.actor).register(neighbour_draft())
    manual = backup_to(register.store, register.actor, tmp_path / "usb" / "manual.db")
    daily = auto_backup(register.store, register.actor, datetime(2026, 12, 1, 9, 0))
    assert daily is not None
    source = tmp_path / "cases.json"
    source.write_text(json.dumps([CASE], ensure_ascii=False), encoding="utf-8")
    import_cases(IntakeService(register.store, register.actor), source)
    (before_import,) = [b.path for b in import_backups(register.store)]
    rekeyed = AccountService(register.store, register.actor)
    rekeyed.add("chen", "mediator", "chen-pass-1")
    done = rekeyed.set_active("chen", False)
    assert done is not None and done.backup is not None
    store = register.store
    store.execute('ALTER TABLE "case" DROP COLUMN "anonymised_on"')
    store.set_local("schema_version", "1")
    store.close()
    store, _ = open_register(register.path, "admin", PASSWORD)  # migrates, backing up first
    store.close()
    (before_migration,) = (register.path.parent / "backups").glob("*.before-migration-v1-*.bak")
    for n, (backup, cases) in enumerate(((manual, 1), (daily, 1), (before_import, 1),
                                        (done.backup, 2), (before_migration, 2))):
        _restores(backup, tmp_path / f"restored{n}" / "register.db", cases)
    assert _private(register.path) and _private(keyfile_path(register.path))


def test_automatic_backups_rotate_by_kind(register: Register, tmp_path: Path) -> None:
    set_keep_counts(register.store, register.actor, {"backup_keep": 2, "backup_keep_import": 3})
    start = datetime(2026, 11, 1, 9, 0)
    for day in range(4):
        made = auto_backup(register.store, register.actor, start + timedelta(days=day))
        assert made is not None
        stamp = (start + timedelta(days=day)).timestamp()
        import os

        os.utime(made, (stamp, stamp))
    folder = register.path.parent / "backups"
    assert sorted(p.name for p in folder.glob("自动备份-*")) == [
        "自动备份-20261103.db", "自动备份-20261103.db.keys",
        "自动备份-20261104.db", "自动备份-20261104.db.keys"]
    intake = IntakeService(register.store, register.actor)
    for n in range(5):
        source = tmp_path / f"cases{n}.json"
        source.write_text(json.dumps([dict(CASE, summary=f"第{n}次导入")], ensure_ascii=False),
                          encoding="utf-8")
        import_cases(intake, source)
    kept = import_backups(register.store)
    assert len(kept) == 3 and all(keyfile_path(b.path).exists() for b in kept)
    assert len(list(folder.glob("*.before-import-*.keys"))) == 3  # no orphaned keys


KILLED_BACKUP = '''
import sys
from mediation_desk.services.safety.accounts import open_register
from mediation_desk.services.safety.backups import backup_to
store, actor = open_register(sys.argv[1], "admin", sys.argv[2])
print("ready", flush=True)
backup_to(store, actor, __import__("pathlib").Path(sys.argv[3]))
print("done", flush=True)
'''


@pytest.mark.slow
def test_a_killed_backup_leaves_nothing_under_its_final_name(tmp_path: Path) -> None:
    """Before: the copy was written under its final name, so a kill left a torn file that
    looked like a backup (and no keys beside it)."""
    register = tmp_path / "register.db"
    make_register(register, cases=300)
    script = tmp_path / "backup.py"
    script.write_text(KILLED_BACKUP, encoding="utf-8")
    rng = random.Random(11)
    torn = killed = 0
    for run in range(12):
        out = tmp_path / f"out{run}" / "backup.db"
        proc = subprocess.Popen([sys.executable, str(script), str(register), PASSWORD,
                                 str(out)], stdout=subprocess.PIPE, text=True, cwd=REPO)
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0, 0.25))
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
        killed += proc.returncode == -signal.SIGKILL
        if out.exists():  # it finished: then it must be whole, with its keys
            try:
                _restores(out, tmp_path / f"check{run}" / "register.db", 300)
            except Exception:  # the finding
                torn += 1
    print(f"\nbackups killed: {killed} of 12, torn files under the final name: {torn}")
    assert torn == 0 and killed > 0
    # The register the backups were taken from is whole, and opens.
    store, _ = open_register(register, "admin", PASSWORD)
    try:
        assert Case.select().count() == 300
    finally:
        store.close()


def test_migration_backups_rotate(register: Register) -> None:
    for version in range(migrations.KEEP_MIGRATION_BACKUPS + 2):
        migrations.backup_before_migration(register.store, version)
    made = list((register.path.parent / "backups").glob("*.before-migration-*.bak"))
    assert len(made) == migrations.KEEP_MIGRATION_BACKUPS
    assert all(keyfile_path(p).exists() for p in made)
