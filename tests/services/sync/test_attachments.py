"""Attachments on the patrol laptops (issue 13 × issue 16): the row travels in the changeset,
the bytes as a blob named by their SHA-256 beside it; a damaged blob refuses the bundle; the
desk relays a laptop's scan to the other laptops; retention's purge reaches the bytes on
every device. And the bundle keys survive the desk's re-key (an account disabled)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from mediation_desk.errors import ValidationError
from mediation_desk.services.attachments.service import AttachmentService, purge_case_files
from mediation_desk.services.safety.backups import verify_register
from mediation_desk.services.safety.rekey import rekey
from mediation_desk.services.sync import bundle as bundles
from mediation_desk.store import attachment_content as content
from mediation_desk.store.models import Attachment, Case, SyncConflict
from tests.services.sync.conftest import Device, Room, new_case

SCAN = os.urandom(300_000)  # less than one chunk
PHOTO = os.urandom(2 * 1024 * 1024 + 17)  # three chunks, the last short


def attach(device: Device, case_id: str, data: bytes, folder: Path, name: str) -> str:
    path = folder / name
    path.write_bytes(data)
    return AttachmentService(device.store, device.actor).add("case", case_id, path).id


def copy_out(device: Device, attachment_id: str, target: Path) -> bytes:
    AttachmentService(device.store, device.actor).save_copy(attachment_id, target)
    return target.read_bytes()


def test_a_laptops_files_reach_the_desk_and_the_other_laptop(room: Room, tmp_path: Path) -> None:
    one, two = room.enroll("巡查一号"), room.enroll("巡查二号")
    with room.on(one):
        case_id = new_case(one)
        scan = attach(one, case_id, SCAN, tmp_path, "协议签字页.pdf")
        photo = attach(one, case_id, PHOTO, tmp_path, "现场.jpg")
    room.round()
    for device in (room.desk, two):
        with room.on(device):
            assert copy_out(device, scan, tmp_path / f"{device.name}-scan") == SCAN
            assert copy_out(device, photo, tmp_path / f"{device.name}-photo") == PHOTO
            assert verify_register(device.store) == []
            assert not SyncConflict.select().exists()


def test_the_desks_files_reach_a_laptop(room: Room, tmp_path: Path) -> None:
    laptop = room.enroll("巡查一号")
    with room.on(room.desk):
        case_id = new_case(room.desk)
        scan = attach(room.desk, case_id, SCAN, tmp_path, "收据.pdf")
    room.round()
    with room.on(laptop):
        assert copy_out(laptop, scan, tmp_path / "copy") == SCAN


def test_a_damaged_blob_refuses_the_bundle(room: Room, tmp_path: Path) -> None:
    laptop = room.enroll("巡查一号")
    with room.on(laptop):
        case_id = new_case(laptop)
        attach(laptop, case_id, SCAN, tmp_path, "签字页.pdf")
        [written] = laptop.sync.export(room.stick).bundles
    blob = written.path / bundles.BLOBS / hashlib.sha256(SCAN).hexdigest()
    data = bytearray(blob.read_bytes())
    data[100] ^= 0x01
    blob.write_bytes(bytes(data))
    with room.on(room.desk), pytest.raises(ValidationError) as caught:
        room.desk.sync.import_(room.stick)
    assert "附件文件" in str(caught.value)
    with room.on(room.desk):
        assert not Case.select().where(Case.id == case_id).exists()
        assert not content.has_content(hashlib.sha256(SCAN).hexdigest())


def test_a_missing_blob_refuses_the_bundle(room: Room, tmp_path: Path) -> None:
    laptop = room.enroll("巡查一号")
    with room.on(laptop):
        case_id = new_case(laptop)
        attach(laptop, case_id, SCAN, tmp_path, "签字页.pdf")
        [written] = laptop.sync.export(room.stick).bundles
    (written.path / bundles.BLOBS / hashlib.sha256(SCAN).hexdigest()).unlink()
    with room.on(room.desk), pytest.raises(ValidationError) as caught:
        room.desk.sync.import_(room.stick)
    assert "缺少附件文件" in str(caught.value)
    with room.on(room.desk):
        assert not Case.select().where(Case.id == case_id).exists()


def test_retentions_purge_removes_the_bytes_on_the_laptop(room: Room, tmp_path: Path) -> None:
    laptop = room.enroll("巡查一号")
    with room.on(room.desk):
        case_id = new_case(room.desk)
        attach(room.desk, case_id, SCAN, tmp_path, "身份证.jpg")
    room.round()
    sha256 = hashlib.sha256(SCAN).hexdigest()
    with room.on(laptop):
        assert content.has_content(sha256)
    with room.on(room.desk), room.desk.store.write():
        purge_case_files(room.desk.actor, case_id, "（已删除）")
        Case.update(anonymised_on=Case.received_on).where(Case.id == case_id).execute()
    room.round()
    with room.on(laptop):
        assert not content.has_content(sha256)
        assert Attachment.get(Attachment.case == case_id).deleted_at is not None


def test_bundles_still_open_after_the_desk_is_rekeyed(room: Room, tmp_path: Path) -> None:
    laptop = room.enroll("巡查一号")
    old_key = room.desk.store.db_key
    with room.on(room.desk):
        rekey(room.desk.store)
    assert room.desk.store.db_key != old_key
    with room.on(laptop):
        case_id = new_case(laptop)
    room.round()
    with room.on(room.desk):
        assert Case.select().where(Case.id == case_id).exists()
    with room.on(room.desk):
        desk_case = new_case(room.desk)
    room.round()
    with room.on(laptop):
        assert Case.select().where(Case.id == desk_case).exists()
