"""Checking a case before anything is written, naming every problem in Chinese.

Why collect all problems instead of stopping at the first: an administrator importing an old
register of 300 rows wants the whole list in one go, and a mediator wants every field that
needs fixing marked at once. Valid values are normalised in place (ID numbers upper-case
half-width, phones canonical, birth date and gender filled from the ID).
"""

from __future__ import annotations

from datetime import date

from mediation_desk.domain.phone import validate_phone
from mediation_desk.domain.resident_id import check_consistency, parse_resident_id
from mediation_desk.errors import DomainError, Problem
from mediation_desk.services.cases.draft_limits import check_draft_limits
from mediation_desk.services.cases.drafts import CaseDraft, PartyDraft

SIDES = {"applicant": "申请人", "respondent": "被申请人", "third_party": "第三人"}
PARTY_KINDS = ("person", "organization")
GENDERS = ("male", "female")
ID_TYPES = ("resident_id", "other")
MEDIATOR_ROLES = ("lead", "member", "recorder")
RECORD_KINDS = ("investigation", "mediation", "note", "followup")
RISK_LEVELS = ("blue", "yellow", "orange", "red")
PROCEDURES = ("normal", "simple")
AGREEMENT_FORMS = ("written", "oral")
PERFORMANCE = ("immediate", "promised", "done", "not_done")

FIELD_LABELS = {
    "received_on": "受理日期",
    "source": "案件来源",
    "dispute_type": "纠纷类型",
    "village": "村（社区）",
    "summary": "纠纷简要情况",
    "risk_level": "风险等级",
    "procedure": "程序",
    "amount_involved": "涉及金额",
    "people_involved": "涉及人数",
    "parties": "当事人",
    "number": "案件编号",
}


def _one_of(value: str, allowed: tuple[str, ...] | dict[str, str]) -> str | None:
    if value in allowed:
        return None
    return "应为 " + " / ".join(allowed) + f" 之一，实际为“{value}”"


class _Collector:
    def __init__(self, record: str) -> None:
        self.record = record
        self.problems: list[Problem] = []

    def add(self, field: str, reason: str) -> None:
        self.problems.append(Problem(self.record, field, reason))


def validate_party(party: PartyDraft, label: str, out: _Collector, today: date) -> None:
    if not party.name.strip():
        out.add(f"{label} 姓名", "不能为空")
    party.name = party.name.strip()
    for attr, allowed, name in (
        ("side", SIDES, "身份"),
        ("kind", PARTY_KINDS, "类型"),
        ("id_type", ID_TYPES, "证件类型"),
    ):
        reason = _one_of(getattr(party, attr), allowed)
        if reason:
            out.add(f"{label} {name}", reason)
    if party.gender and party.gender not in GENDERS:
        out.add(f"{label} 性别", _one_of(party.gender, GENDERS) or "")
    if party.birth_date and party.birth_date > today:
        out.add(f"{label} 出生日期", "不能晚于今天")
    if party.id_number and party.id_type == "resident_id" and party.kind == "person":
        try:
            rid = parse_resident_id(party.id_number, today=today)
        except DomainError as exc:
            out.add(f"{label} 身份证号码", exc.reason)
        else:
            for reason in check_consistency(rid, party.birth_date, party.gender or None):
                out.add(f"{label} 身份证号码", reason)
            party.id_number = rid.number
            party.birth_date = party.birth_date or rid.birth_date
            party.gender = party.gender or rid.gender
    if party.phone:
        try:
            party.phone = validate_phone(party.phone)
        except DomainError as exc:
            out.add(f"{label} 联系电话", exc.reason)


def validate_case(draft: CaseDraft, today: date, record: str = "") -> list[Problem]:
    """Every problem with ``draft`` (empty when it may be registered)."""
    out = _Collector(record)
    check_draft_limits(draft, out.add)
    if draft.received_on is None:
        out.add("受理日期", "不能为空")
    elif draft.received_on > today:
        out.add("受理日期", "不能晚于今天")
    if not draft.dispute_type.strip():
        out.add("纠纷类型", "不能为空")
    if not draft.source.strip():
        out.add("案件来源", "不能为空")
    for attr, allowed in (("risk_level", RISK_LEVELS), ("procedure", PROCEDURES)):
        reason = _one_of(getattr(draft, attr), allowed)
        if reason:
            out.add(FIELD_LABELS[attr], reason)
    if draft.people_involved is not None and draft.people_involved < 0:
        out.add("涉及人数", "不能为负数")

    for i, party in enumerate(draft.parties, start=1):
        validate_party(party, f"当事人[{i}]", out, today)
    sides = [p.side for p in draft.parties]
    if draft.procedure == "simple":
        if len(draft.parties) < 2:
            out.add("当事人", "简易程序也至少需要两方当事人")
    else:
        if "applicant" not in sides:
            out.add("当事人", "至少需要一名申请人")
        if "respondent" not in sides:
            out.add("当事人", "至少需要一名被申请人")

    for i, mediator in enumerate(draft.mediators, start=1):
        if not mediator.name.strip():
            out.add(f"调解员[{i}] 姓名", "不能为空")
        reason = _one_of(mediator.role, MEDIATOR_ROLES)
        if reason:
            out.add(f"调解员[{i}] 角色", reason)

    for i, rec in enumerate(draft.records, start=1):
        reason = _one_of(rec.kind, RECORD_KINDS)
        if reason:
            out.add(f"记录[{i}] 类型", reason)
        if rec.at.date() > today:
            out.add(f"记录[{i}] 时间", "不能晚于今天")
        if draft.received_on and rec.at.date() < draft.received_on and rec.kind != "note":
            out.add(f"记录[{i}] 时间", "早于受理日期")

    if draft.agreement is not None:
        _validate_agreement(draft, out, today)
    return out.problems


def _validate_agreement(draft: CaseDraft, out: _Collector, today: date) -> None:
    agreement = draft.agreement
    assert agreement is not None
    reason = _one_of(agreement.form, AGREEMENT_FORMS)
    if reason:
        out.add("协议 形式", reason)
    if agreement.reached_on is None:
        out.add("协议 达成日期", "不能为空")
    elif agreement.reached_on > today:
        out.add("协议 达成日期", "不能晚于今天")
    elif draft.received_on and agreement.reached_on < draft.received_on:
        out.add("协议 达成日期", "早于受理日期")
    if agreement.form == "written" and not agreement.terms and not _closed_arrival(draft):
        out.add("协议 条款", "书面协议至少需要一条协议条款")
    names = {p.name for p in draft.parties}
    for i, term in enumerate(agreement.terms, start=1):
        if not term.text.strip():
            out.add(f"协议条款[{i}] 内容", "不能为空")
        if not term.obligor.strip():
            out.add(f"协议条款[{i}] 义务人", "不能为空，应为本案当事人之一")
        elif term.obligor not in names:
            out.add(f"协议条款[{i}] 义务人", f"“{term.obligor}”不是本案当事人")
        if term.obligee and term.obligee not in names:
            out.add(f"协议条款[{i}] 权利人", f"“{term.obligee}”不是本案当事人")


def _closed_arrival(draft: CaseDraft) -> bool:
    """A case imported closed, or from a hand-kept register that never listed the terms: the
    signed agreement is in the paper dossier, and refusing the row would lose the case."""
    arrival = draft.arrival
    if arrival is None or arrival.settled is None:
        return False
    return arrival.register_row or arrival.settled.status in ("closed", "archived")
