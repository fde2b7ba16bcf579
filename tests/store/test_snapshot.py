"""The fast whole-file copy taken before a sync import (store/snapshot.py)."""

from __future__ import annotations

from pathlib import Path

import apsw
import pytest

from mediation_desk.services.cases.intake import IntakeService
from mediation_desk.store.keys import key_pragma
from mediation_desk.store.snapshot import file_snapshot
from tests.conftest import Register, neighbour_draft


def test_a_snapshot_holds_every_commit_including_the_wals(register: Register,
                                                          tmp_path: Path) -> None:
    IntakeService(register.store, register.actor).register_many(
        [neighbour_draft() for _ in range(5)])
    wal = Path(str(register.path) + "-wal")
    assert wal.exists() and wal.stat().st_size > 0  # commits not yet in the main file
    target = file_snapshot(register.store, tmp_path / "copy.db")
    assert not Path(str(target) + "-wal").exists()  # one file, like any backup
    copy = apsw.Connection(str(target))
    assert register.store.db_key is not None
    copy.execute(f"PRAGMA key = {key_pragma(register.store.db_key)}")
    assert copy.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    assert copy.execute('SELECT count(*) FROM "case"').fetchone()[0] == 5
    copy.close()
    assert b"neighbour" not in target.read_bytes() and "张喆".encode() not in target.read_bytes()
    # The register goes on working, and a snapshot never overwrites a file.
    IntakeService(register.store, register.actor).register(neighbour_draft())
    with pytest.raises(FileExistsError):
        file_snapshot(register.store, target)
