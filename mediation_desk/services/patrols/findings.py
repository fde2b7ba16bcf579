"""Findings of patrols (排查发现): checked, written, read, and prefilled as a case.

Why apart from the service: the visit form, the import, the findings list, 工作台 and the
case intake all meet findings; the rules (a risk level is required, the default due date
follows the level's response time, the parties' text splits into a case's parties) live here
once, and the service only adds the transaction around them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time

from mediation_desk.domain.dictionaries import RISK_LEVELS
from mediation_desk.domain.money import parse_yuan
from mediation_desk.errors import DomainError, NotFound, Problem
from mediation_desk.services.cases.drafts import CaseDraft, MediatorDraft, PartyDraft
from mediation_desk.services.patrols.risk_levels import RiskLevelSetting, due_date
from mediation_desk.services.patrols.types import (
    FINDING_STATUSES,
    MEASURES,
    EscalationView,
    FindingDraft,
    FindingFilter,
    FindingView,
    VisitDraft,
)
from mediation_desk.services.shared import audit
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.models import Case, Escalation, Finding, PatrolVisit, Village

CASE_SOURCE = "排查发现"
DEFAULT_DISPUTE_TYPE = "其他纠纷"
#: Risk codes, most urgent first (lists sort by this).
RISK_ORDER = {"red": 0, "orange": 1, "yellow": 2, "blue": 3}
_PARTY_SEPARATORS = re.compile(r"[与、，,；;/及]|以及")


def check_finding(f: FindingDraft, label: str, found_on: date) -> tuple[list[Problem], int | None]:
    """Problems with one finding, and its amount in fen. Normalises text fields in place."""
    problems: list[Problem] = []

    def add(field: str, reason: str) -> None:
        problems.append(Problem(label, field, reason))

    f.summary = f.summary.strip()
    if not f.summary:
        add("简要情况", "不能为空")
    if not f.risk_level:
        add("风险等级", "不能为空（红 / 橙 / 黄 / 蓝）")
    elif f.risk_level not in RISK_LEVELS:
        add("风险等级", "应为 " + " / ".join(RISK_LEVELS) + f" 之一，实际为“{f.risk_level}”")
    if f.measure not in MEASURES:
        add("处置措施", "应为 " + " / ".join(MEASURES) + f" 之一，实际为“{f.measure}”")
    if f.people_involved is not None and f.people_involved < 0:
        add("涉及人数", "不能为负数")
    amount: int | None = None
    if f.amount.strip():
        try:
            amount = parse_yuan(f.amount)
        except DomainError as exc:
            add("涉及金额", exc.reason)
    if f.due_on is not None and f.due_on < found_on:
        add("办结期限", f"早于发现日期（{found_on.isoformat()}）")
    f.escalated_to = f.escalated_to.strip()
    if f.escalated_on is not None:
        if not f.escalated_to:
            add("上报单位", "填写了上报日期，但没有填写上报单位")
        elif f.escalated_on < found_on:
            add("上报日期", f"早于发现日期（{found_on.isoformat()}）")
    f.parties, f.dispute_type = f.parties.strip(), f.dispute_type.strip()
    f.responsible, f.result = f.responsible.strip(), f.result.strip()
    return problems, amount


def check_visit_contents(draft: VisitDraft, record: str, found_on: date
                         ) -> tuple[list[Problem], list[int | None]]:
    """What recording and correcting a visit check alike: a team, households not negative,
    a zero report without findings, and each finding (with its amount in fen). The team is
    trimmed in place; the caller fills a plan's team before, if it does."""
    problems: list[Problem] = []
    draft.team = [n.strip() for n in draft.team if n.strip()]
    if not draft.team:
        problems.append(Problem(record, "排查人员", "不能为空"))
    if draft.households_visited < 0:
        problems.append(Problem(record, "走访户数", "不能为负数"))
    if draft.zero_report and draft.findings:
        problems.append(Problem(record, "零报告",
                                f"零报告不能同时填写排查发现（有{len(draft.findings)}条）"))
    amounts: list[int | None] = []
    for i, f in enumerate(draft.findings, start=1):
        found, amount = check_finding(f, f"发现[{i}]", found_on)
        problems += found
        amounts.append(amount)
    return problems, amounts


def write_finding(actor: Actor, visit: PatrolVisit, position: int, f: FindingDraft,
                  amount_fen: int | None, level: RiskLevelSetting, at: str) -> Finding:
    """One finding, and its escalation when one was named (inside the caller's write).

    Mediated on the spot means dealt with: it is written resolved on the visit's day."""
    on_site = f.measure == "mediated_on_site"
    row = Finding.create(
        visit=visit, position=position, summary=f.summary, parties=f.parties,
        dispute_type=f.dispute_type, people_involved=f.people_involved, amount_fen=amount_fen,
        risk_level=f.risk_level, measure=f.measure, responsible=f.responsible,
        due_on=f.due_on or due_date(visit.on, level.response_hours),
        status="resolved" if on_site else "open", result=f.result,
        resolved_on=visit.on if on_site else None)
    audit.record(actor, "create", row, detail=f"{RISK_LEVELS[f.risk_level]}色：{f.summary[:40]}")
    if f.escalated_to:
        when = datetime.combine(f.escalated_on or visit.on, _time_of(at))
        esc = Escalation.create(finding=row, target=f.escalated_to, at=when,
                                summary=f.summary[:200])
        audit.record(actor, "create", esc, detail=f"上报{f.escalated_to}")
    return row


def _time_of(text: str) -> time:
    try:
        hour, minute = (int(x) for x in text.split(":"))
        return time(hour, minute)
    except ValueError:
        return time(12, 0)


# -- reading -----------------------------------------------------------------------------------
def escalation_view(e: Escalation) -> EscalationView:
    return EscalationView(e.id, e.target, e.at, e.method, e.summary, e.received_by,
                          e.received_at, e.result)


def finding_views(rows: Sequence[Finding], today: date) -> list[FindingView]:
    """Views of ``rows`` with their visit, village, case number and escalations, read in
    four queries whatever the number of rows."""
    if not rows:
        return []
    visits = {v.id: v for v in PatrolVisit.select().where(
        PatrolVisit.id.in_(list({r.visit_id for r in rows})))}
    village_ids = {v.village_id for v in visits.values() if v.village_id}
    villages = {v.id: v.name for v in Village.select().where(Village.id.in_(list(village_ids)))}
    case_ids = [r.case_id for r in rows if r.case_id]
    numbers = {c.id: c.number or "" for c in
               Case.select(Case.id, Case.number).where(Case.id.in_(case_ids))} if case_ids \
        else {}
    escalations: dict[str, list[EscalationView]] = defaultdict(list)
    for e in (Escalation.live().where(Escalation.finding.in_([r.id for r in rows]))
              .order_by(Escalation.at)):
        escalations[e.finding_id or ""].append(escalation_view(e))
    views = []
    for r in rows:
        visit = visits[r.visit_id]
        views.append(FindingView(
            id=r.id, visit_id=r.visit_id, found_on=visit.on,
            village=villages.get(visit.village_id or "", ""), summary=r.summary,
            parties=r.parties, dispute_type=r.dispute_type, people_involved=r.people_involved,
            amount_fen=r.amount_fen, risk_level=r.risk_level,
            risk_label=RISK_LEVELS.get(r.risk_level, r.risk_level), measure=r.measure,
            measure_label=MEASURES.get(r.measure, r.measure), responsible=r.responsible,
            due_on=r.due_on,
            overdue=r.status == "open" and r.due_on is not None and r.due_on < today,
            status=r.status, status_label=FINDING_STATUSES.get(r.status, r.status),
            result=r.result, resolved_on=r.resolved_on, case_id=r.case_id,
            case_number=numbers.get(r.case_id or "", ""),
            escalations=tuple(escalations.get(r.id, []))))
    return views


def query_findings(flt: FindingFilter) -> list[Finding]:
    query = (Finding.select(Finding).join(PatrolVisit)
             .where(Finding.deleted_at.is_null(), PatrolVisit.deleted_at.is_null()))
    if flt.risk_level:
        query = query.where(Finding.risk_level == flt.risk_level)
    if flt.status:
        query = query.where(Finding.status == flt.status)
    if flt.village:
        query = query.switch(PatrolVisit).join(Village).where(Village.name == flt.village.strip())
    text = flt.text.strip()
    if text:
        query = query.where(Finding.summary.contains(text) | Finding.parties.contains(text)
                            | Finding.responsible.contains(text) | Finding.result.contains(text))
    return list(query.order_by(PatrolVisit.on.desc(), Finding.position))


def get_finding(finding_id: str) -> Finding:
    row = Finding.get_live(finding_id)
    if row is None:
        raise NotFound(f"找不到排查发现 {finding_id}")
    return row


def urgent_first(views: Iterable[FindingView]) -> list[FindingView]:
    """Overdue first, then by colour (red before orange) and due date."""
    return sorted(views, key=lambda v: (not v.overdue, RISK_ORDER.get(v.risk_level, 9),
                                        v.due_on or date.max, v.found_on))


# -- a finding as a case ---------------------------------------------------------------------------
def split_parties(text: str) -> list[str]:
    """"张三与李四、王五" → [张三, 李四, 王五]. 和 separates only when every piece is still a
    name of two characters or more, so 王和平 stays whole."""
    names: list[str] = []
    for piece in _PARTY_SEPARATORS.split(text):
        piece = piece.strip()
        if not piece:
            continue
        parts = [p.strip() for p in piece.split("和")]
        if len(parts) > 1 and all(len(p) >= 2 for p in parts):
            names += parts
        else:
            names.append(piece)
    return names


def case_draft(finding: Finding, visit: PatrolVisit, village: str, lead: str,
               today: date) -> CaseDraft:
    """The intake draft a finding prefills: source 排查发现, its type, village, facts, risk
    level, people and money; the first party named applies, the others respond."""
    names = split_parties(finding.parties)
    parties = [PartyDraft(side="applicant" if i == 0 else "respondent", name=name)
               for i, name in enumerate(names)]
    responsible = finding.responsible or lead
    summary = finding.summary
    if village:
        summary += f"（{visit.on.year}年{visit.on.month}月{visit.on.day}日在{village}排查发现）"
    return CaseDraft(
        received_on=max(today, visit.on), source=CASE_SOURCE,
        dispute_type=finding.dispute_type or DEFAULT_DISPUTE_TYPE, village=village,
        summary=summary, risk_level=finding.risk_level, amount_fen=finding.amount_fen,
        people_involved=finding.people_involved,
        mediators=[MediatorDraft(responsible, "lead")] if responsible else [],
        parties=parties)
