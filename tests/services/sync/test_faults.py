"""Bad bundles and faults (slice e): every one refused with a Chinese reason, nothing applied,
nothing in the ledger, the register as it was."""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
import shutil
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import apsw
import pytest
from playhouse.apsw_ext import APSWDatabase

from mediation_desk.errors import StoreUnavailable, ValidationError
from mediation_desk.services.safety.backups import verify_register
from mediation_desk.services.sync import bundle as bundles
from mediation_desk.services.sync import state
from mediation_desk.store import database, migrations
from mediation_desk.store.database import Store
from mediation_desk.store.models import Case
from tests.faults.vfs import FaultVFS, fault_vfs
from tests.services.sync.conftest import Device, Room, new_case


@pytest.fixture
def sent(room: Room) -> tuple[Device, Path]:
    """A laptop that registered two cases and wrote its bundle onto the stick."""
    laptop = room.enroll("巡查一号")
    with room.on(laptop):
        new_case(laptop)
        new_case(laptop)
        [written] = laptop.sync.export(room.stick).bundles
    return laptop, written.path


def keys(room: Room) -> tuple[bytes, bytes]:
    found = bundles.bundle_keys(state.bundle_secret(room.desk.store))
    assert found is not None
    return found


def reseal(room: Room, folder: Path, edit: Callable[[dict[str, Any]], None]) -> None:
    """Change the manifest and sign it again, as a buggy program of this room would."""
    path = folder / bundles.MANIFEST
    manifest = json.loads(path.read_text(encoding="utf-8"))
    edit(manifest)
    manifest["mac"] = hmac.new(keys(room)[1], bundles._canonical(manifest),
                               hashlib.sha256).hexdigest()
    path.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")


def refused(room: Room, *reasons: str) -> None:
    with room.on(room.desk):
        cases = Case.select().count()
        with pytest.raises(ValidationError) as caught:
            room.desk.sync.import_(room.stick)
        message = str(caught.value)
        for reason in reasons:
            assert reason in message, message
        assert Case.select().count() == cases
        assert state.ledger(room.desk.store) == []
        assert state.peer(room.desk.store, room.laptops[0].store.local_device_id()
                          ).applied_seq == 0  # type: ignore[union-attr]


def test_a_truncated_bundle(room: Room, sent: tuple[Device, Path]) -> None:
    changes = sent[1] / bundles.CHANGES
    changes.write_bytes(changes.read_bytes()[:-100])
    refused(room, "大小与清单不符")


def test_a_flipped_bit(room: Room, sent: tuple[Device, Path]) -> None:
    changes = sent[1] / bundles.CHANGES
    data = bytearray(changes.read_bytes())
    data[len(data) // 2] ^= 0x10
    changes.write_bytes(bytes(data))
    refused(room, "校验值（SHA-256）与清单不符")


def test_a_manifest_edited_without_the_key(room: Room, sent: tuple[Device, Path]) -> None:
    path = sent[1] / bundles.MANIFEST
    path.write_text(path.read_text(encoding="utf-8").replace('"acked": 0', '"acked": 9'),
                    encoding="utf-8")
    refused(room, "清单的校验码不符")


def test_a_wrong_hash_in_the_manifest(room: Room, sent: tuple[Device, Path]) -> None:
    reseal(room, sent[1], lambda m: m["members"][bundles.CHANGES].update(sha256="0" * 64))
    refused(room, "校验值（SHA-256）与清单不符")


def test_counts_that_disagree(room: Room, sent: tuple[Device, Path]) -> None:
    def more_cases(manifest: dict[str, Any]) -> None:
        manifest["tables"]["case"] += 1
        manifest["changes"] += 1

    reseal(room, sent[1], more_cases)
    refused(room, "修改条数与清单不符")


def test_an_unknown_device(room: Room, sent: tuple[Device, Path]) -> None:
    stranger = str(uuid.uuid4())
    folder = bundles.sync_root(room.stick) / stranger / sent[1].name
    shutil.move(sent[1], folder)
    reseal(room, folder, lambda m: m.update({"from": stranger}))
    refused(room, "发送设备没有在本机登记")


def test_a_newer_schema(room: Room, sent: tuple[Device, Path]) -> None:
    reseal(room, sent[1], lambda m: m.update(schema=migrations.LATEST + 1))
    refused(room, "较新版本的程序", "请先升级本机程序")


def test_path_traversal_in_member_names(room: Room, sent: tuple[Device, Path]) -> None:
    def escape(manifest: dict[str, Any]) -> None:
        manifest["members"]["../../../etc/cron.d/x"] = manifest["members"][bundles.CHANGES]

    reseal(room, sent[1], escape)
    refused(room, "清单列出的文件不对", "../../../etc/cron.d/x")


def test_an_oversized_member(room: Room, sent: tuple[Device, Path]) -> None:
    with open(sent[1] / bundles.CHANGES, "r+b") as fh:  # sparse: costs no disk
        fh.truncate(bundles.MAX_MEMBER_BYTES + 1)
    refused(room, "过大")


def test_a_bundle_from_another_room(room: Room, sent: tuple[Device, Path]) -> None:
    other = bundles.bundle_keys(b"\x01" * 32)
    assert other is not None
    path = sent[1] / bundles.MANIFEST
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["mac"] = hmac.new(other[1], bundles._canonical(manifest), hashlib.sha256).hexdigest()
    path.write_text(json.dumps(manifest), encoding="utf-8")
    refused(room, "清单的校验码不符")


def test_columns_that_differ_are_refused_not_silently_skipped(
        room: Room, sent: tuple[Device, Path]) -> None:
    """A changeset of a "case" table with one column less (another schema, same version
    number): SQLite would skip the table without a word; the import refuses it."""
    scratch = apsw.Connection(":memory:")
    columns = [r[1] for r in room.desk.store.execute('PRAGMA table_info("case")').fetchall()]
    scratch.execute(f'CREATE TABLE "case" ({", ".join(f"{c!r}" for c in columns[:-1])},'
                    ' PRIMARY KEY ("id"))')
    session = apsw.Session(scratch, "main")
    session.attach()
    scratch.execute('INSERT INTO "case" (id) VALUES (?)', (str(uuid.uuid4()),))
    changeset = session.changeset()
    session.close()
    laptop = room.laptops[0]
    shutil.rmtree(sent[1])
    entry = bundles.Entry(1, laptop.store.local_device_id(), changeset, 1, {"case": 1})
    bundles.write_bundle(room.stick, {
        "from": laptop.store.local_device_id(), "to": room.desk.store.local_device_id(),
        "schema": migrations.LATEST, "acked": 0}, [entry], keys(room))
    refused(room, f"有{len(columns) - 1}列，本数据库为{len(columns)}列")


def test_one_bad_bundle_stops_the_good_ones_too(room: Room, sent: tuple[Device, Path]) -> None:
    laptop, _ = sent
    with room.on(laptop):
        new_case(laptop)
        [second] = laptop.sync.export(room.stick).bundles
    (second.path / bundles.CHANGES).write_bytes(b"garbage")
    refused(room, second.path.name)


def test_partial_bundles_from_a_pulled_stick_are_passed_over(
        room: Room, sent: tuple[Device, Path]) -> None:
    _, folder = sent
    partial = folder.with_name(folder.name.replace(folder.name[-8:], "0" * 8) + bundles.PART)
    shutil.copytree(folder, partial)
    (partial / bundles.CHANGES).write_bytes(b"half")
    with room.on(room.desk):
        done = room.desk.sync.import_(room.stick)
        assert done.applied == 1
        assert any("未写完的交换包" in note for note in done.notes)


def test_a_bundle_for_another_device_is_left_alone(room: Room, sent: tuple[Device, Path]) -> None:
    other = room.enroll("巡查二号")
    with room.on(other):
        done = other.sync.import_(room.stick)  # only the laptop→desk bundle is there
        assert (done.applied, done.skipped, done.notes) == (0, 0, [])


# -- faults while importing -------------------------------------------------------------------
@pytest.fixture
def vfs() -> FaultVFS:
    v = fault_vfs()
    v.reset()
    yield v  # type: ignore[misc]
    v.reset()


def test_disk_full_during_import_changes_nothing(room: Room, sent: tuple[Device, Path],
                                                 vfs: FaultVFS,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    desk = room.desk
    path, key = desk.store.path, desk.store.db_key
    desk.store.close()
    monkeypatch.setattr(database, "APSWDatabase",
                        functools.partial(APSWDatabase, vfs=vfs.open_name))
    desk.store = Store.open(path, key)
    with room.on(desk):
        cases = Case.select().count()
        vfs.fill_disk(0)
        with pytest.raises(StoreUnavailable, match="磁盘已满"):
            desk.sync.import_(room.stick)
        vfs.free_disk()
        assert Case.select().count() == cases and state.ledger(desk.store) == []
        assert desk.sync.import_(room.stick).applied == 1
        assert Case.select().count() == cases + 2
        assert verify_register(desk.store) == []
    desk.store.close()
    monkeypatch.undo()
    desk.store = room.register.store = Store.open(path, key)  # closed by the fixture
