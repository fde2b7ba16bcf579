"""操作记录: a case's history that explains itself — who did what, when, on which device,
and for an edit, each field's value before and after.

Why actions are named here, at reading time: the audit trail stores codes (``create`` on
``case_mediator``), and what a mediator did is "指定调解员", not "新建调解员". Naming from
(action, table) also names every event already in old registers. The values come from
:class:`~mediation_desk.store.models.FieldChange` rows (masked where personal); lifecycle
steps carry the status they moved from and to.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from mediation_desk.domain.dictionaries import MEDIATOR_ROLES, PARTY_SIDES, RECORD_KINDS
from mediation_desk.domain.lifecycle import STATUS_LABELS, STEP_LABELS, CaseStatus, Step
from mediation_desk.store.base import to_local
from mediation_desk.store.models import (
    Account,
    Agreement,
    AgreementTerm,
    Appointment,
    Attachment,
    AuditEvent,
    Case,
    CaseEvent,
    CaseMediator,
    Device,
    FieldChange,
    FollowUp,
    Mediator,
    Party,
    Record,
)

#: (audit action, table) → what the user did.
ACTION_NAMES: dict[tuple[str, str], str] = {
    ("update", "case"): "修改案件信息",
    ("read", "case"): "查看案件",
    ("export", "case"): "导出案件",
    ("print", "case"): "打印文书",
    ("extend", "case"): "延长调解期限",
    ("create", "party"): "添加当事人",
    ("update", "party"): "修改当事人",
    ("reveal", "party"): "查看当事人完整信息",
    ("create", "record"): "添加记录",
    ("create", "agreement"): "记录协议",
    ("update", "agreement"): "修改协议",
    ("create", "agreement_term"): "添加协议条款",
    ("update", "agreement_term"): "修改协议条款",
    ("delete", "agreement_term"): "删除协议条款",
    ("create", "follow_up"): "安排回访",
    ("update", "follow_up"): "修改回访",
    ("visit", "follow_up"): "记录回访情况",
    ("perform", "agreement_term"): "记录条款履行情况",
    ("create", "appointment"): "预约调解",
    ("update", "appointment"): "修改预约",
    ("held", "appointment"): "调解已举行",
    ("create", "case_mediator"): "指定调解员",
    ("update", "case_mediator"): "调整调解员",
    ("delete", "case_mediator"): "撤销指定调解员",
    ("create", "attachment"): "添加附件",
    ("update", "attachment"): "修改附件",
    ("delete", "attachment"): "删除附件",
    ("export", "attachment"): "另存附件",
    ("update", "finding"): "修改排查发现",
}
VERBS = {"create": "新建", "update": "修改", "delete": "删除", "read": "查看",
         "reveal": "显示完整信息", "print": "打印", "export": "导出", "anonymise": "匿名化处理",
         "import": "导入", "review": "核对导入案件",
         **{step.value: label for step, label in STEP_LABELS.items()}}
ENTITIES = {"case": "案件", "party": "当事人", "record": "记录", "agreement": "协议",
            "agreement_term": "协议条款", "follow_up": "回访", "appointment": "预约",
            "case_mediator": "调解员", "attachment": "附件", "finding": "排查发现"}
#: Audit events on the case row itself that its lifecycle events do not already show.
CASE_ACTIONS = ["read", "reveal", "print", "export", "update", "extend", "anonymise", "review"]


@dataclass(frozen=True)
class FieldChangeView:
    field: str  # the column's code (contract.md's names for case fields)
    label: str  # its Chinese name
    record: str  # which record, in words ("当事人 李明", "协议第2条"); "" for the case
    before: str
    after: str


@dataclass(frozen=True)
class HistoryLine:
    at: datetime
    who: str
    what: str  # the whole line in words: "修改当事人（联系电话、住址）"
    order: int = 0  # ties at the same second: lifecycle steps first, then audit sequence
    action: str = ""  # what the user did: 修改协议条款, 指定调解员, 结案
    device: str = ""
    detail: str = ""
    changes: tuple[FieldChangeView, ...] = ()
    user: str = ""  # the account's login name (``who`` is the name people know)


def action_name(action: str, entity: str, kind_label: str = "") -> str:
    """What the user did, in words, for an audit event's action on a table."""
    if (action, entity) == ("create", "record") and kind_label:
        return f"添加{kind_label}"
    named = ACTION_NAMES.get((action, entity))
    if named:
        return named
    return f"{VERBS.get(action, action)}{ENTITIES.get(entity, entity)}"


def _owned_ids(case: Case) -> set[str]:
    ids = {case.id}
    for model in (Party, Record, FollowUp, Appointment, CaseMediator, Attachment):
        ids |= {row.id for row in model.select(model.id).where(model.case == case)}
    agreement_ids = {a.id for a in Agreement.select(Agreement.id).where(Agreement.case == case)}
    ids |= agreement_ids
    ids |= {t.id for t in AgreementTerm.select(AgreementTerm.id)
            .where(AgreementTerm.agreement.in_(list(agreement_ids)))}
    return ids


def _names() -> tuple[dict[str, str], dict[str, str]]:
    devices = {d.id: d.name for d in Device.select(Device.id, Device.name)}
    accounts = {a.username: a.display_name or a.username
                for a in Account.select(Account.username, Account.display_name)}
    return devices, accounts


def case_history(case: Case) -> list[HistoryLine]:
    """The case's lifecycle steps and the audit events of it and its parts, oldest first."""
    devices, accounts = _names()
    lines: list[HistoryLine] = []
    for e in CaseEvent.live().where(CaseEvent.case == case):
        if e.step == Step.EXTEND.value:
            continue  # its audit event says more: the deadline before and after
        step = "受理登记" if e.step == "register" else VERBS.get(e.step, e.step)
        user = e.account.username if e.account is not None else ""
        who = (e.account.display_name or user) if e.account is not None else ""
        status = (FieldChangeView("status", "状态", "", _status(e.from_status),
                                  _status(e.to_status)),) if e.from_status != e.to_status \
            else ()
        lines.append(HistoryLine(e.at, who, f"{step}：{e.reason}" if e.reason else step, -1,
                                 step, devices.get(e.updated_by_device, ""), e.reason, status,
                                 user))
    ids = _owned_ids(case)
    changes: dict[str, list[FieldChangeView]] = {}
    for fc in (FieldChange.live().where(FieldChange.case_id == case.id)
               .order_by(FieldChange.position)):
        changes.setdefault(fc.event_id, []).append(
            FieldChangeView(fc.field, fc.label, fc.record, fc.before, fc.after))
    kinds = {r.id: RECORD_KINDS.get(r.kind, r.kind)
             for r in Record.select(Record.id, Record.kind).where(Record.case == case)}
    subjects = _subjects(case)
    query = AuditEvent.select().where(
        (AuditEvent.entity_id.in_(list(ids))
         & ((AuditEvent.entity != "case") | AuditEvent.action.in_(CASE_ACTIONS)))
        | AuditEvent.id.in_(list(changes)))
    for ev in query:
        name = action_name(ev.action, ev.entity, kinds.get(ev.entity_id, ""))
        detail = ev.detail or (subjects.get(ev.entity_id, "") if ev.action == "create" else "")
        what = f"{name}（{detail}）" if detail else name
        lines.append(HistoryLine(to_local(ev.at).replace(microsecond=0),
                                 accounts.get(ev.account, ev.account), what, ev.seq, name,
                                 devices.get(ev.device, ""), detail,
                                 tuple(changes.get(ev.id, ())), ev.account))
    return sorted(lines, key=lambda line: (line.at, line.order))


def _subjects(case: Case) -> dict[str, str]:
    """Who a party or a mediator's role is, for events that did not say: "申请人张喆",
    "主持人林春梅" (names as they are now; a party's earlier name is in its edits)."""
    out = {p.id: f"{PARTY_SIDES.get(p.side, p.side)}{p.name}"
           for p in Party.select(Party.id, Party.name, Party.side).where(Party.case == case)}
    for role in (CaseMediator.select(CaseMediator.id, CaseMediator.role, Mediator.name)
                 .join(Mediator).where(CaseMediator.case == case)):
        out[role.id] = f"{MEDIATOR_ROLES.get(role.role, role.role)}{role.mediator.name}"
    return out


def _status(code: str) -> str:
    try:
        return STATUS_LABELS[CaseStatus(code)]
    except ValueError:
        return code


def as_rows(lines: list[HistoryLine]) -> list[dict[str, Any]]:
    """contract.md's ``history --json``: one row per changed field (an event without field
    changes is one row with empty field, before and after), oldest first."""
    rows: list[dict[str, Any]] = []
    for line in lines:
        base = {"at": line.at.isoformat(timespec="seconds"), "user": line.user,
                "user_name": line.who,
                "device": line.device, "action": line.action, "detail": line.detail}
        if not line.changes:
            rows.append({**base, "field": "", "label": "", "record": "", "before": "",
                         "after": ""})
        for change in line.changes:
            rows.append({**base, "field": change.field, "label": change.label,
                         "record": change.record, "before": change.before,
                         "after": change.after})
    return rows
