"""The backup a sync import makes first is a restorable pair like every other backup: in
``backups/`` with its ``.keys``, private, listed and rotated with the pre-import backups,
and put back by the restore protocol (services/safety/restore.py)."""

from __future__ import annotations

import stat
from pathlib import Path

from mediation_desk.services.safety.backups import import_backups
from mediation_desk.services.safety.restore import restore_backup
from mediation_desk.store import migrations
from mediation_desk.store.database import Store
from mediation_desk.store.keys import keyfile_path
from mediation_desk.store.models import Case
from tests.conftest import PASSWORD
from tests.services.sync.conftest import Room, new_case


def test_the_pre_import_backup_restores(room: Room, tmp_path: Path) -> None:
    laptop = room.enroll("巡查一号")
    with room.on(room.desk):
        before = {c.id for c in Case.select()}
    with room.on(laptop):
        new_case(laptop)
    done = room.send(laptop, room.desk)
    backup = done.backup
    assert backup is not None and done.applied == 1
    with room.on(room.desk):
        assert backup.parent == migrations.backup_folder(room.desk.store)
        assert backup in [b.path for b in import_backups(room.desk.store)]
    keys = keyfile_path(backup)
    assert keys.is_file()
    for path in (backup, keys):
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path

    target = tmp_path / "restored" / "register.db"
    restore_backup(backup, target, "admin", PASSWORD)
    restored = Store.open(target, room.desk.store.db_key)
    try:
        restored.activate()
        assert {c.id for c in Case.select()} == before  # the register as it was before
    finally:
        restored.close()
        room.desk.store.activate()


def test_two_imports_in_one_clock_tick_keep_two_backups(room: Room) -> None:
    laptop = room.enroll("巡查一号")
    made = []
    for _ in range(2):  # the suite's clock stands still
        with room.on(laptop):
            new_case(laptop)
        made.append(room.send(laptop, room.desk).backup)
    assert made[0] != made[1] and all(p is not None and p.is_file() for p in made)
