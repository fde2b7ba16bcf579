"""The audit trail: append-only, hash-chained, each event holding a hash of the row it changed.

Why a chain per device: events are made on the desk and on patrol laptops offline; each device
extends its own chain, so merging never reorders anyone's history. Each event's hash covers the
previous one, so deleting or editing an event breaks the chain; the row hash lets a check find a
case or party edited with a plain SQLite tool behind the app's back.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from typing import Any

from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.base import BaseModel, StoreContext, utc_now
from mediation_desk.store.models import AuditEvent

GENESIS = "0" * 64


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def row_hash(row: BaseModel) -> str:
    """A stable hash of a row's stored values (column name → value)."""
    data = {f.column_name: _plain(row.__data__.get(f.name)) for f in row._meta.sorted_fields}
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False,
                                     default=str).encode("utf-8")).hexdigest()


def event_hash(prev_hash: str, fields: dict[str, Any]) -> str:
    body = json.dumps(fields, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


def chain_fields(event: AuditEvent) -> dict[str, Any]:
    """The fields an event's hash covers (everything a reader of the trail relies on)."""
    return {
        "id": event.id,
        "seq": event.seq,
        "device": event.device,
        "at": _plain(event.at),
        "account": event.account,
        "action": event.action,
        "entity": event.entity,
        "entity_id": event.entity_id,
        "row_hash": event.row_hash,
        "detail": event.detail,
    }


def record(actor: Actor | None, action: str, row: BaseModel | None = None, *,
           entity: str = "", entity_id: str = "", detail: str = "") -> AuditEvent:
    """Append one event to this device's chain (inside the caller's transaction)."""
    device = StoreContext.device_id
    # The chain's head, on every write: plain SQL, since building it with peewee each time
    # cost more than running it (the (device, seq) index answers it at once).
    db = AuditEvent._meta.database
    last = db.execute_sql(
        "SELECT seq, hash FROM audit_event WHERE device = ? ORDER BY seq DESC LIMIT 1",
        (device,)).fetchall()
    seq, prev = (last[0][0], last[0][1]) if last else (0, GENESIS)
    # The head remembered outside the table: if the newest events were deleted, continue
    # after the remembered head so the gap stays visible to verify_chain.
    head = db.execute_sql("SELECT value FROM local_state WHERE key = 'audit_head'").fetchall()
    if head:
        head_seq, _, head_hash = str(head[0][0]).partition(":")
        if int(head_seq) > seq:
            seq, prev = int(head_seq), head_hash
    event = AuditEvent(
        seq=seq + 1,
        device=device,
        at=utc_now(),
        account=actor.username if actor else "",
        action=action,
        entity=entity or (row._meta.table_name if row is not None else ""),
        entity_id=entity_id or (row.id if row is not None else ""),
        row_hash=row_hash(row) if row is not None else "",
        detail=detail,
        prev_hash=prev,
        hash="",
    )
    event.hash = event_hash(event.prev_hash, chain_fields(event))
    event.save(force_insert=True)
    # Remember the head outside the chain, so removing the newest events is noticed too.
    db.execute_sql(
        "INSERT INTO local_state(key, value) VALUES ('audit_head', ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (f"{event.seq}:{event.hash}",))
    return event


def verify_chain() -> str | None:
    """``None`` if every device's chain is whole, else a Chinese description of the first
    broken event (an event edited, deleted or inserted behind the app's back)."""
    devices = [r.device for r in AuditEvent.select(AuditEvent.device).distinct()]
    for device in sorted(devices):
        prev = GENESIS
        expected_seq = 1
        for event in (AuditEvent.select().where(AuditEvent.device == device)
                      .order_by(AuditEvent.seq)):
            if event.seq != expected_seq:
                return f"设备 {device[:8]} 的第{expected_seq}条操作记录缺失（下一条为第{event.seq}条）"
            if event.prev_hash != prev or event.hash != event_hash(prev, chain_fields(event)):
                return (f"操作记录第{event.seq}条（设备 {device[:8]}，{event.action} "
                        f"{event.entity}）被改动过")
            prev = event.hash
            expected_seq += 1
    return None
