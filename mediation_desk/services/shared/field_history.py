"""Edits that explain themselves: each audited change keeps, field by field, what it replaced
and what it wrote (issue 16: 操作记录 said 修改协议条款 again and again and never what).

How a service uses it, inside its ``store.write()``::

    before = field_history.snapshot(row)
    … change row, row.save() …
    field_history.record_edit(actor, row, before, labels, case_id=case.id, record="当事人 张喆")

:func:`record_edit` writes the audit event (its detail names the fields, never the values,
as before) and one :class:`~mediation_desk.store.models.FieldChange` per changed field with
the values as a person reads them: codes become words (申请人, 承诺履行), fen become yuan,
dates ISO. ID numbers and phones are masked on the way in (3505**********1234): the history is
shown to everyone who opens the case, and must not be a way round the mask (PIPL Art 51).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from mediation_desk.domain.dictionaries import (
    MEDIATOR_ROLES,
    PARTY_SIDES,
    PERFORMANCE,
    RECORD_KINDS,
    RISK_LEVELS,
)
from mediation_desk.domain.money import format_yuan
from mediation_desk.domain.phone import mask_phone
from mediation_desk.domain.resident_id import mask_id_number
from mediation_desk.services.shared import audit
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.base import BaseModel
from mediation_desk.store.models import AuditEvent, FieldChange

#: Fields holding personal identifiers, stored masked in the history.
PERSONAL = {"id_number": mask_id_number, "phone": mask_phone}
#: Codes shown as the words the forms use.
CODE_WORDS: Mapping[str, Mapping[str, str]] = {
    "side": PARTY_SIDES,
    "performance": PERFORMANCE,
    "risk_level": RISK_LEVELS,
    "role": MEDIATOR_ROLES,
    "record_kind": RECORD_KINDS,
    "gender": {"male": "男", "female": "女"},
    "party_kind": {"person": "自然人", "organization": "法人或其他组织"},
    "id_type": {"resident_id": "居民身份证", "other": "其他证件"},
    "form": {"written": "书面协议", "oral": "口头协议"},
    "procedure": {"normal": "普通程序", "simple": "简易程序"},
}
#: Columns holding a JSON list (of texts, or of {"name": …} entries).
JSON_LISTS = ("requests", "participants", "team", "villages", "focus")
#: Which code list a (table, column) uses where the column name alone is ambiguous.
_CODES_OF = {("party", "kind"): "party_kind", ("record", "kind"): "record_kind"}


@dataclass(frozen=True)
class Change:
    """One field's before and after, as shown (already masked)."""

    field: str
    label: str
    before: str
    after: str


def show_value(entity: str, field: str, value: Any) -> str:
    """A stored value as a person reads it in the history (masked where personal)."""
    if value is None or value == "":
        return ""
    if field in PERSONAL and isinstance(value, str):
        return PERSONAL[field](value)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if field.endswith("_fen") and isinstance(value, int):
        return f"{format_yuan(value)}元"
    if field == "position" and isinstance(value, int):
        return f"第{value + 1}条" if entity == "agreement_term" else str(value + 1)
    codes = CODE_WORDS.get(_CODES_OF.get((entity, field), field))
    if codes is not None and isinstance(value, str):
        return codes.get(value, value)
    if field in JSON_LISTS and isinstance(value, str):
        try:
            items = json.loads(value)
        except ValueError:
            return value
        if isinstance(items, list):
            return "；".join(str(item.get("name", item)) if isinstance(item, dict) else str(item)
                            for item in items)
    return str(value)


def snapshot(row: BaseModel) -> dict[str, Any]:
    """The row's stored values now (before the caller changes it)."""
    return dict(row.__data__)


def diff(before: Mapping[str, Any], row: BaseModel, labels: Mapping[str, str],
         shown: Mapping[str, tuple[str, str]] | None = None) -> list[Change]:
    """The fields named in ``labels`` whose value differs from ``before``, in that order
    (a field not named — a link to another row, a derived column — is not a user's edit).

    ``shown`` gives ready-made (before, after) texts for fields whose stored value is not
    what a person reads (a village id → its name)."""
    entity = row._meta.table_name
    after = row.__data__
    out: list[Change] = []
    for name in labels:
        if before.get(name) == after.get(name):
            continue
        old, new = (shown or {}).get(name) or (show_value(entity, name, before.get(name)),
                                                show_value(entity, name, after.get(name)))
        out.append(Change(name, labels.get(name, name), old, new))
    return out


def record_edit(actor: Actor | None, row: BaseModel, changes: list[Change], *,
                case_id: str | None, record: str = "", action: str = "update",
                detail: str | None = None) -> AuditEvent:
    """Audit a write of ``row`` that was just saved, with its field changes.

    The event is written even when no named field changed: the row was saved (its version
    moved), and every saved row must have its event, or ``audit verify`` would take it for
    an edit made behind the app's back. The event's detail names the fields (or ``detail``);
    each change becomes a FieldChange linked to the event, so the history reads
    "联系电话：139****5678 → 139****5670"."""
    text = detail if detail is not None else "、".join(c.label for c in changes)
    event = audit.record(actor, action, row, detail=text)
    write_changes(event, changes, case_id=case_id, record=record)
    return event


def write_changes(event: AuditEvent, changes: list[Change], *, case_id: str | None,
                  record: str = "") -> None:
    """The FieldChange rows of an event already recorded."""
    for position, change in enumerate(changes):
        FieldChange.create(event_id=event.id, case_id=case_id, entity=event.entity,
                           entity_id=event.entity_id, record=record, field=change.field,
                           label=change.label, before=change.before, after=change.after,
                           position=position)
