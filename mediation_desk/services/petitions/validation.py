"""Checking what is typed about a visitor request before anything is written, naming every
problem in Chinese (record, field, reason).

The person is checked as a party is (GB 11643 ID check with a real birth date, mainland
phone formats); valid values are normalised in place, as intake does. Dates are checked
against the request and against ``today`` (a parameter: no clock is read here).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from mediation_desk.domain import petitions as rules
from mediation_desk.domain.dictionaries import RISK_LEVELS
from mediation_desk.domain.phone import validate_phone
from mediation_desk.domain.resident_id import parse_resident_id
from mediation_desk.errors import DomainError, Problem
from mediation_desk.services.petitions.lists import ALLIANCE_MARK, is_target
from mediation_desk.services.petitions.types import AnswerDraft, MeetingDraft, RequestDraft

REQUEST = "来访登记"
MAX_PEOPLE = 100_000


def one_of(value: str, allowed: Iterable[str]) -> str:
    return "应为 " + " / ".join(allowed) + f" 之一，实际为“{value}”"


def check_request(draft: RequestDraft, today: date, record: str = REQUEST) -> list[Problem]:
    """Every problem with a request as received (empty when it may be registered)."""
    out: list[Problem] = []

    def add(field: str, reason: str) -> None:
        out.append(Problem(record, field, reason))

    if draft.received_at is None:
        add("来访时间", "不能为空")
    elif draft.received_at.date() > today:
        add("来访时间", "不能晚于今天")
    if draft.channel not in rules.CHANNELS:
        add("来访方式", one_of(draft.channel, rules.CHANNELS))
    draft.person_name = draft.person_name.strip()
    if not draft.person_name:
        add("来访人 姓名", "不能为空")
    if draft.person_gender and draft.person_gender not in ("male", "female"):
        add("来访人 性别", one_of(draft.person_gender, ("male", "female")))
    if draft.person_id_number.strip():
        try:
            rid = parse_resident_id(draft.person_id_number, today=today)
        except DomainError as exc:
            add("来访人 身份证号码", exc.reason)
        else:
            draft.person_id_number = rid.number
            if draft.person_gender and draft.person_gender != rid.gender:
                add("来访人 性别", "与身份证号码不符")
            draft.person_gender = draft.person_gender or rid.gender
    else:
        draft.person_id_number = ""
    if draft.person_phone.strip():
        try:
            draft.person_phone = validate_phone(draft.person_phone)
        except DomainError as exc:
            add("来访人 联系电话", exc.reason)
    else:
        draft.person_phone = ""
    if not draft.category.strip():
        add("事项类别", "不能为空")
    if not draft.content.strip():
        add("诉求内容", "不能为空（口头提出的也应如实记录）")
    if draft.people_involved is not None and not 1 <= draft.people_involved <= MAX_PEOPLE:
        add("涉及人数", f"应在1至{MAX_PEOPLE}之间")
    draft.representatives = [n.strip() for n in draft.representatives if n.strip()]
    reason = rules.representatives_problem(draft.people_involved, draft.representatives)
    if reason:
        add("代表", reason)
    return out


def check_due(due_on: date | None, received_on: date, record: str, field: str = "办理期限"
              ) -> list[Problem]:
    if due_on is None:
        return [Problem(record, field, "不能为空")]
    if due_on < received_on:
        return [Problem(record, field, f"早于来访日期（{received_on.isoformat()}）")]
    return []


def check_target(name: str, record: str, field: str = "承办部门") -> list[Problem]:
    """A department (or an alliance member) must be on the room's list."""
    if not name.strip():
        return [Problem(record, field, "不能为空")]
    if not is_target(name):
        return [Problem(record, field, f"“{name.strip().removeprefix(ALLIANCE_MARK)}”不在部门名单"
                                       "或物业管理司法联盟成员中，请先在接访名录中添加")]
    return []


def check_answer(draft: AnswerDraft, received_on: date, today: date,
                 record: str = "答复") -> list[Problem]:
    out = []
    if not draft.text.strip():
        out.append(Problem(record, "答复内容", "不能为空"))
    if draft.method not in rules.ANSWER_METHODS:
        out.append(Problem(record, "答复方式", one_of(draft.method, rules.ANSWER_METHODS)))
    if draft.decision and draft.decision not in rules.DECISIONS:
        out.append(Problem(record, "处理意见", one_of(draft.decision, rules.DECISIONS)))
    if draft.answered_on is not None:
        if draft.answered_on > today:
            out.append(Problem(record, "答复日期", "不能晚于今天"))
        elif draft.answered_on < received_on:
            out.append(Problem(record, "答复日期", f"早于来访日期（{received_on.isoformat()}）"))
    return out


def check_meeting(draft: MeetingDraft, received_on: date, today: date,
                  record: str = "联席会议") -> list[Problem]:
    out = []
    if draft.held_on is None:
        out.append(Problem(record, "会议日期", "不能为空"))
    elif draft.held_on > today:
        out.append(Problem(record, "会议日期", "不能晚于今天"))
    elif draft.held_on < received_on:
        out.append(Problem(record, "会议日期", f"早于来访日期（{received_on.isoformat()}）"))
    present = list(dict.fromkeys(d.strip() for d in draft.departments if d.strip()))
    draft.departments = present
    if len(present) < 2:
        out.append(Problem(record, "参加部门", "联席处置至少需要两个部门参加"))
    for name in present:
        out += check_target(name, record, "参加部门")
    if not draft.decisions.strip():
        out.append(Problem(record, "会议决定", "不能为空"))
    start = draft.held_on or received_on
    for i, task in enumerate(draft.tasks, start=1):
        label = f"分工[{i}]"
        out += check_target(task.department, record, f"{label} 承办部门")
        if not task.request.strip():
            out.append(Problem(record, f"{label} 工作内容", "不能为空"))
        if task.due_on is not None and task.due_on < start:
            out.append(Problem(record, f"{label} 完成期限",
                               f"早于会议日期（{start.isoformat()}）"))
    return out


def check_risk(level: str, record: str) -> list[Problem]:
    if level not in RISK_LEVELS:
        return [Problem(record, "风险等级", one_of(level, RISK_LEVELS))]
    return []
