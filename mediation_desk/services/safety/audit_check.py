"""Checking the audit trail against the data: was anything changed behind the app's back?

The hash chain (:func:`audit.verify_chain`) shows an event edited, inserted or removed from
the middle of a device's history. This module adds what the chain alone cannot see:

* a case, party, record… edited with a plain SQLite tool: every audited write stores a hash
  of the row as written, so a row whose current hash differs from its last event's hash was
  changed outside the program;
* the newest events removed from the end of the chain: this device remembers its chain head
  (sequence and hash) outside the audit table, and the head must still be there.
"""

from __future__ import annotations

from peewee import SQL

from mediation_desk.services.shared.audit import row_hash, verify_chain
from mediation_desk.store.base import BaseModel, StoreContext
from mediation_desk.store.database import Store
from mediation_desk.store.models import (
    Account,
    Agreement,
    AgreementTerm,
    Appointment,
    Attachment,
    AuditEvent,
    Case,
    CaseMediator,
    DictEntry,
    FollowUp,
    Mediator,
    Party,
    Record,
    Setting,
    Village,
)

#: Tables every write of which goes through an audited service, and their Chinese names.
AUDITED: tuple[tuple[type[BaseModel], str], ...] = (
    (Case, "案件"), (Party, "当事人"), (Record, "记录"), (Agreement, "协议"),
    (AgreementTerm, "协议条款"), (FollowUp, "回访"), (Appointment, "预约"),
    (CaseMediator, "案件调解员"), (Account, "账户"), (Setting, "设置"), (Village, "村（社区）"),
    (DictEntry, "字典"), (Mediator, "调解员"), (Attachment, "附件"),
)


def _latest_row_hashes() -> tuple[dict[tuple[str, str], tuple[str, int]],
                                  dict[str, tuple[str, int, str]]]:
    """The newest recorded hash of every row: per (entity id, device) by that device's
    sequence, and over all devices in the order written into this file (for rows written
    before devices synced).

    Why per device: with patrol laptops the events of several devices meet in one register,
    and their clocks may be years apart; only each device's own sequence orders its events
    for sure. A row names the device that last wrote it (``updated_by_device``); that
    device's newest event for the row must hold its hash — a merge of two devices' edits
    is vouched for by an event of the device that merged it (services/sync/fixups.py).
    """
    per_device: dict[tuple[str, str], tuple[str, int]] = {}
    by_time: dict[str, tuple[str, int, str]] = {}
    query = (AuditEvent.select(AuditEvent.entity_id, AuditEvent.row_hash, AuditEvent.seq,
                               AuditEvent.device)
             .where(AuditEvent.row_hash != "")
             # In the order the events were written into this file: clocks never decide
             # (a clock set back, or two processes started under a pinned test clock, would
             # put the newest event first).
             .order_by(SQL("rowid")).tuples())
    for entity_id, hashed, seq, device in query.iterator():
        by_time[entity_id] = (hashed, seq, device)
        known = per_device.get((entity_id, device))
        if known is None or known[1] < seq:
            per_device[entity_id, device] = (hashed, seq)
    return per_device, by_time


def _describe(model: type[BaseModel], label: str, row: BaseModel) -> str:
    name = getattr(row, "number", None) or getattr(row, "name", None) or \
        getattr(row, "username", None) or getattr(row, "key", None) or row.id[:8]
    return f"{label}“{name}”"


def verify_rows() -> str | None:
    """The first row changed outside the program, described in Chinese; ``None`` if none."""
    per_device, by_time = _latest_row_hashes()
    here = StoreContext.device_id
    for model, label in AUDITED:
        for row in model.select().iterator():
            found = by_time.get(row.id)
            if found is None:
                return f"{_describe(model, label, row)}没有任何操作记录：可能是在程序之外添加的"
            current = row_hash(row)
            candidates = {found[0]}
            for device in (row.updated_by_device, here):
                latest = per_device.get((row.id, device))
                if latest is not None:
                    candidates.add(latest[0])
            if current not in candidates:
                _, seq, device = found
                return (f"{_describe(model, label, row)}在程序之外被修改过"
                        f"（最后一次记录的操作是设备 {device[:8]} 的第{seq}条）")
    return None


def verify_head(store: Store) -> str | None:
    """Whether this device's newest audit events are all still there."""
    head = store.local("audit_head")
    if not head:
        return None
    seq_text, _, hashed = head.partition(":")
    device = StoreContext.device_id
    event = AuditEvent.get_or_none(AuditEvent.device == device, AuditEvent.seq == int(seq_text))
    if event is None or event.hash != hashed:
        return f"本设备的最新操作记录（第{seq_text}条）不见了：操作记录的末尾被删除或改动过"
    return None


def verify_audit(store: Store) -> list[str]:
    """Every kind of tampering found (empty when the trail and the data agree)."""
    problems = [p for p in (verify_chain(), verify_head(store), verify_rows()) if p]
    return problems
