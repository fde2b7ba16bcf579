"""Exporting: a bundle for each device this one exchanges with, holding what it lacks.

A laptop writes one bundle, for the desk; the desk writes one for every enrolled laptop,
and each holds every entry of the desk's outbox that laptop has not acknowledged — the
desk's own work and what it applied from the other laptops (the relay). Nothing is
removed from the outbox on export: an entry goes only when its receiver says, in a bundle
of its own, that it has applied it; so a lost stick costs nothing but a second trip.

Before writing, the desk tops up each laptop's case numbers, and the export itself is
put on the audit trail (personal data leaving the room on a stick); both are captured, so
they travel in the very bundles they describe.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from mediation_desk import __version__, clock
from mediation_desk.errors import Problem, StoreUnavailable, ValidationError
from mediation_desk.services.shared import audit
from mediation_desk.services.shared.actor import Actor
from mediation_desk.services.shared.permissions import require
from mediation_desk.services.sync import changes as cs
from mediation_desk.services.sync import leases, state
from mediation_desk.services.sync.bundle import Entry, bundle_keys, write_bundle
from mediation_desk.store import attachment_content as content
from mediation_desk.store import migrations
from mediation_desk.store.database import Store
from mediation_desk.store.models import Device


@dataclass(frozen=True)
class Written:
    path: Path
    to: str
    to_name: str
    changes: int
    entries: int


@dataclass
class Exported:
    bundles: list[Written] = field(default_factory=list)
    leased: list[str] = field(default_factory=list)  # "巡查一号 2026年第21至40号"


def _targets(store: Store) -> list[Device]:
    if state.role(store) == "laptop":
        desk = Device.get_or_none(Device.id == state.desk_id(store))
        return [desk] if desk is not None else []
    known = {p.device_id for p in state.peers(store)}
    return [d for d in Device.live().where(Device.kind == "laptop").order_by(Device.name)
            if d.id in known]


def _blobs(entries: list[Entry], schema: cs.Schema) -> list[tuple[str, Callable[[], bytes]]]:
    """The attachment contents the entries' rows point at, each read only when written (a
    content this register no longer holds — purged by retention since — is left out; the
    row's own deletion follows in a later entry)."""
    return [(sha256, functools.partial(_read_content, sha256))
            for sha256 in cs.content_hashes((e.changeset for e in entries), schema)
            if content.has_content(sha256)]


def _read_content(sha256: str) -> bytes:
    try:
        return b"".join(content.iter_content(sha256))
    except content.ContentChanged as exc:
        raise StoreUnavailable(f"附件内容 {sha256[:12]}… 在本机数据库中已损坏，无法导出；"
                               "请运行“检查数据库”或从备份恢复") from exc


def export_to(store: Store, actor: Actor, folder: Path, today: date) -> Exported:
    """Write the bundles into ``folder`` (a stick or a shared folder)."""
    require(actor, "sync.exchange")
    targets = _targets(store)
    if not targets:
        raise ValidationError(Problem("同步", "", "本机还没有登记任何巡查笔记本，没有可导出的对象"))
    # The stick or folder is checked before anything is written here (leases, audit): a
    # mistyped path must leave the register as it was.
    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise ValidationError(Problem("同步", "导出到", f"“{folder}”不是文件夹"))
    if not target.exists() and not target.parent.is_dir():
        raise ValidationError(Problem("同步", "导出到",
                                      f"文件夹“{target.parent}”不存在（U盘是否已插好？）"))
    result = Exported()
    me = Device.get_or_none(Device.id == store.local_device_id())
    with store.write() as changes:
        if state.role(store) == "desk":
            for device in targets:
                for lease in leases.top_up(actor, device.id, today):
                    result.leased.append(f"{device.name} {lease.year}年第{lease.first}至{lease.last}号")
        audit.record(actor, "sync_export", entity="register",
                     detail=f"导出交换包给{'、'.join(d.name for d in targets)}")
        changes.touch("sync")
    keys = bundle_keys(state.bundle_secret(store))
    schema = cs.schema_of(store)
    for device in targets:
        peer = state.peer(store, device.id) or state.Peer(device.id)
        entries = state.outbox_after(store, peer.acked_seq)
        for entry in entries:
            entry.changes, entry.tables = cs.count(entry.changeset)
        manifest = {
            "from": store.local_device_id(), "from_name": me.name if me else "",
            "from_kind": state.role(store), "to": device.id, "to_name": device.name,
            "schema": migrations.LATEST, "acked": peer.applied_seq,
            "acked_bundle": peer.last_in_bundle or "",
            "created_at": clock.utc_now().isoformat(timespec="seconds"),
            "program": __version__,
        }
        path = write_bundle(folder, manifest, entries, keys, _blobs(entries, schema))
        peer.last_out_at = clock.now().isoformat(timespec="seconds")
        peer.last_out_bundle = path.name
        state.save_peer(store, peer)
        result.bundles.append(Written(path, device.id, device.name,
                                      sum(e.changes for e in entries), len(entries)))
    return result
