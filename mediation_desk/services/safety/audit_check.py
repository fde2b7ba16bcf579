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


def _latest_row_hashes() -> dict[str, tuple[str, int, str]]:
    """entity id → (row hash, event seq, device) of the newest event that recorded the row."""
    latest: dict[str, tuple[str, int, str]] = {}
    query = (AuditEvent.select(AuditEvent.entity_id, AuditEvent.row_hash, AuditEvent.seq,
                               AuditEvent.device)
             .where(AuditEvent.row_hash != "")
             # In the order the events were written into this file: clocks never decide
             # (a clock set back, or two processes started under a pinned test clock, would
             # put the newest event first).
             .order_by(SQL("rowid")).tuples())
    for entity_id, hashed, seq, device in query.iterator():
        latest[entity_id] = (hashed, seq, device)
    return latest


def _describe(model: type[BaseModel], label: str, row: BaseModel) -> str:
    name = getattr(row, "number", None) or getattr(row, "name", None) or \
        getattr(row, "username", None) or getattr(row, "key", None) or row.id[:8]
    return f"{label}“{name}”"


def verify_rows() -> str | None:
    """The first row changed outside the program, described in Chinese; ``None`` if none."""
    latest = _latest_row_hashes()
    for model, label in AUDITED:
        for row in model.select().iterator():
            found = latest.get(row.id)
            if found is None:
                return f"{_describe(model, label, row)}没有任何操作记录：可能是在程序之外添加的"
            expected, seq, device = found
            if row_hash(row) != expected:
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
