"""Enrolling a patrol laptop at the desk: a full copy of the register with its own identity.

Why a copy and not an empty register filled by a first exchange: the laptop must work in a
village the same afternoon, with every case, party and account the room has, and a copy
made with SQLite's backup API is consistent and fast. The copy keeps the same register key
and the same key slots (the same accounts open it with the same passwords); what makes it
another device is its local state: its own device id, the role ``laptop``, the desk it
exchanges with, an empty outbox and ledger, and the mark "has seen the desk up to here".
Unfinished drafts stay on the desk: they belong to the person typing there.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import apsw

from mediation_desk.errors import Problem, StoreUnavailable, ValidationError
from mediation_desk.services.cases.numbering import ROLE_KEY
from mediation_desk.services.shared import audit
from mediation_desk.services.shared.actor import Actor
from mediation_desk.services.shared.permissions import require
from mediation_desk.services.sync import leases, state
from mediation_desk.store.backup import online_backup
from mediation_desk.store.capture import CAPTURE_KEY
from mediation_desk.store.database import OPEN_STATE, Store
from mediation_desk.store.keys import KeyFile, key_pragma, keyfile_path
from mediation_desk.store.models import Device, NumberLease
from mediation_desk.store.sqlite_errors import describe_environment_error

MAX_NAME = 20


@dataclass(frozen=True)
class Enrolled:
    device_id: str
    name: str
    path: Path
    year: int
    numbers: tuple[int, int]  # the first block of the year: first, last


def check_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise ValidationError(Problem("巡查笔记本", "名称", "不能为空"))
    if len(name) > MAX_NAME or any(c in name for c in "/\\:*?\"<>|") or \
            any(c.isspace() for c in name):
        raise ValidationError(Problem("巡查笔记本", "名称",
                                      f"最多{MAX_NAME}个字，不能含空格或 / \\ : * ? \" < > |"))
    if Device.live().where(Device.name == name).exists():
        raise ValidationError(Problem("巡查笔记本", "名称", f"“{name}”已被另一台设备使用"))
    return name


def enroll(store: Store, actor: Actor, name: str, out: Path, today: date,
           block: int = leases.DEFAULT_BLOCK) -> Enrolled:
    """Make ``out``, the register of a new patrol laptop called ``name``."""
    require(actor, "sync.enroll")
    if state.role(store) == "laptop":
        raise ValidationError(Problem("巡查笔记本", "", "巡查笔记本不能登记其他笔记本，请在调解室主机上操作"))
    name = check_name(name)
    if out.exists() or keyfile_path(out).exists():
        raise ValidationError(Problem("巡查笔记本", "数据库文件", f"文件已存在，不会覆盖：{out}"))
    if not 1 <= block <= 1000:
        raise ValidationError(Problem("巡查笔记本", "号段大小", "应为1至1000"))
    with store.write() as changes:
        store.capture.turn_on()  # every later write is captured for the laptop
        state.ensure_secret(store)  # the bundle keys' secret, copied to the laptop below
        device = Device.create(name=name, kind="laptop")
        granted = [leases.grant(actor, device.id, year, block)
                   for year in leases.lease_years(today)]
        audit.record(actor, "enroll", device, detail=f"登记巡查笔记本“{name}”")
        state.save_peer(store, state.Peer(device.id))
        changes.touch("sync")
    mark = state.outbox_head(store)  # the copy holds everything captured up to here
    try:
        _make_copy(store, out, device.id, mark)
    except BaseException:
        with store.write() as changes:
            for lease in NumberLease.live().where(NumberLease.device == device.id):
                lease.soft_delete()
            device.soft_delete()
            audit.record(actor, "enroll_failed", device, detail=f"未能写出“{name}”的数据库")
            store.execute("DELETE FROM sync_peer WHERE device_id = ?", (device.id,))
            changes.touch("sync")
        raise
    desk_peer = state.peer(store, device.id) or state.Peer(device.id)
    desk_peer.acked_seq = mark
    state.save_peer(store, desk_peer)
    first = granted[0]
    return Enrolled(device.id, name, out, first.year, (first.first, first.last))


def _make_copy(store: Store, out: Path, device_id: str, mark: int) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    part = out.with_name(out.name + ".part")
    part.unlink(missing_ok=True)
    try:
        online_backup(store.connection(), store.db_key, part)
        _make_it_a_laptop(part, store.db_key, device_id, store.local_device_id(), mark)
        if store.db_key is not None:
            keys = KeyFile.load(keyfile_path(store.path))
            KeyFile(keyfile_path(out), dict(keys.data)).save()
        os.replace(part, out)
    except OSError as exc:
        part.unlink(missing_ok=True)
        keyfile_path(out).unlink(missing_ok=True)
        raise StoreUnavailable(f"无法写出笔记本的数据库 {out}：{exc.strerror or exc}") from exc
    except apsw.Error as exc:
        part.unlink(missing_ok=True)
        keyfile_path(out).unlink(missing_ok=True)
        message = describe_environment_error(exc, out)
        if message is None:
            raise
        raise StoreUnavailable(message) from exc


def _make_it_a_laptop(path: Path, db_key: bytes | None, device_id: str, desk: str,
                      mark: int) -> None:
    conn = apsw.Connection(str(path))
    try:
        if db_key is not None:
            conn.execute(f"PRAGMA key = {key_pragma(db_key)}")
        with conn:
            conn.execute("DELETE FROM local_state WHERE key IN "
                         "('audit_head', 'provisional_seq', 'device_id', ?, ?, ?, ?)",
                         (ROLE_KEY, state.DESK_KEY, CAPTURE_KEY, OPEN_STATE))
            conn.executemany("INSERT INTO local_state (key, value) VALUES (?, ?)", [
                ("device_id", device_id), (ROLE_KEY, "laptop"), (state.DESK_KEY, desk),
                (CAPTURE_KEY, "1"), (OPEN_STATE, "closed")])
            conn.execute("DELETE FROM sync_outbox")
            conn.execute("DELETE FROM sqlite_sequence WHERE name = 'sync_outbox'")
            conn.execute("DELETE FROM sync_ledger")
            conn.execute("DELETE FROM sync_peer")
            conn.execute("INSERT INTO sync_peer (device_id, applied_seq) VALUES (?, ?)",
                         (desk, mark))
            conn.execute("DELETE FROM draft")
    finally:
        with contextlib.suppress(apsw.Error):
            conn.close()
