"""Every text, count and date of a case within the documented limits (domain/limits.py).

Why apart from :mod:`validation`: that module judges whether a case makes sense (an applicant
and a respondent, an ID that checks out); this one only whether each value is one the
register can hold and print — length, characters, range — whichever way it came in (the
intake form, an import, a correction). Problems are named like validation's own.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from mediation_desk.domain.limits import (
    DATE_MIN,
    MAX_PEOPLE,
    count_problem,
    date_problem,
    text_problem,
)
from mediation_desk.services.cases.drafts import CaseDraft

#: Most parties, mediators, records and terms one case may hold.
MAX_ITEMS = 500

Add = Callable[[str, str], None]


def _texts(add: Add, label: str, pairs: list[tuple[str, str, str]]) -> None:
    for field, value, kind in pairs:
        reason = text_problem(value, kind)
        if reason:
            add(f"{label}{field}", reason)


def _day(add: Add, field: str, day: date | None, earliest: date | None = None) -> None:
    if day is not None:
        reason = date_problem(day, earliest) if earliest else date_problem(day)
        if reason:
            add(field, reason)


def check_draft_limits(draft: CaseDraft, add: Add) -> None:
    """Call ``add(field, reason)`` for every value of ``draft`` outside the limits."""
    _texts(add, "", [("案件标题", draft.title, "short"), ("纠纷类型", draft.dispute_type, "name"),
                     ("案件来源", draft.source, "name"), ("村（社区）", draft.village, "name"),
                     ("纠纷简要情况", draft.summary, "long"), ("案件编号", draft.number, "short")])
    for i, request in enumerate(draft.requests, start=1):
        _texts(add, "", [(f"申请事项[{i}]", request, "long")])
    _day(add, "受理日期", draft.received_on)
    if draft.people_involved is not None:
        reason = count_problem(draft.people_involved, MAX_PEOPLE)
        if reason and draft.people_involved >= 0:  # negative: validation says so already
            add("涉及人数", reason)
    for name, items in (("当事人", draft.parties), ("调解员", draft.mediators),
                        ("记录", draft.records), ("申请事项", draft.requests)):
        if len(items) > MAX_ITEMS:
            add(name, f"太多：最多{MAX_ITEMS}项，实际{len(items)}项")
    for i, p in enumerate(draft.parties, start=1):
        _texts(add, f"当事人[{i}] ", [
            ("姓名", p.name, "name"), ("民族", p.ethnicity, "name"),
            ("身份证号码", p.id_number, "name"), ("联系电话", p.phone, "name"),
            ("住址", p.address, "short"), ("职业", p.occupation, "short"),
            ("法定代表人", p.legal_representative, "name"), ("代理人", p.agent, "short")])
        _day(add, f"当事人[{i}] 出生日期", p.birth_date, DATE_MIN)
    for i, m in enumerate(draft.mediators, start=1):
        _texts(add, f"调解员[{i}] ", [("姓名", m.name, "name")])
    for i, r in enumerate(draft.records, start=1):
        _texts(add, f"记录[{i}] ", [("地点", r.place, "short"), ("记录人", r.author, "name"),
                                   ("内容", r.body, "long")]
               + [("参加人", name, "name") for name in r.participants])
        _day(add, f"记录[{i}] 时间", r.at.date())
    if draft.agreement is not None:
        a = draft.agreement
        _texts(add, "协议 ", [("纠纷主要事实", a.facts, "long"), ("争议事项", a.issues, "long"),
                             ("各方责任", a.responsibilities, "long")])
        _day(add, "协议 达成日期", a.reached_on)
        if len(a.terms) > MAX_ITEMS:
            add("协议 条款", f"太多：最多{MAX_ITEMS}条，实际{len(a.terms)}条")
        for i, t in enumerate(a.terms, start=1):
            _texts(add, f"协议条款[{i}] ", [
                ("内容", t.text, "long"), ("义务人", t.obligor, "name"),
                ("权利人", t.obligee, "name"), ("履行地点", t.place, "short"),
                ("履行方式", t.method, "short")])
            _day(add, f"协议条款[{i}] 履行期限", t.due_on)
