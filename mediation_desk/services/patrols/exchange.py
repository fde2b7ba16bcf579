"""The contract's patrol documents (``patrol-plan@1``, ``patrol-visit@1``) read into drafts.

Why every problem is collected before refusing: an administrator fixing a file wants the whole
list at once; the drafts then go through the same checks as the window's forms, so a file and
a form refuse the same bad input with the same reasons.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from mediation_desk import clock
from mediation_desk.errors import NotFound, Problem, ValidationError
from mediation_desk.services.patrols.plans import plan_named
from mediation_desk.services.patrols.types import FindingDraft, PlanDraft, TeamMember, VisitDraft

PLAN_FORMAT = "mediation-desk/patrol-plan@1"
VISIT_FORMAT = "mediation-desk/patrol-visit@1"


class _Reader:
    """Reads typed fields of one document, collecting what is wrong."""

    def __init__(self, doc: Any, record: str, expected_format: str) -> None:
        self.record = record
        self.problems: list[Problem] = []
        #: Set when a problem leaves the draft unfit for the service's own checks (a date or
        #: plan it would judge by is missing), so those checks would only add noise.
        self.fatal = False
        if not isinstance(doc, dict):
            self.add("", "应为一个 JSON 对象")
            self.fatal = True
            doc = {}
        elif doc.get("format") != expected_format:
            self.add("format", f"应为“{expected_format}”，实际为“{doc.get('format', '')}”")
            self.fatal = True
        self.doc: dict[str, Any] = doc

    def add(self, field: str, reason: str, record: str | None = None) -> None:
        self.problems.append(Problem(record or self.record, field, reason))

    def text(self, key: str, label: str, required: bool = False, src: Any = None,
             record: str | None = None) -> str:
        value = (src if src is not None else self.doc).get(key)
        if value is None:
            if required:
                self.add(label, "不能为空", record)
            return ""
        if not isinstance(value, str):
            self.add(label, "应为文字", record)
            return ""
        if required and not value.strip():
            self.add(label, "不能为空", record)
        return value

    def day(self, key: str, label: str, required: bool = False, src: Any = None,
            record: str | None = None) -> date | None:
        text = self.text(key, label, required, src, record)
        if not text:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            self.add(label, f"日期格式应为 YYYY-MM-DD，实际为“{text}”", record)
            return None

    def integer(self, key: str, label: str, default: int | None, src: Any = None,
                record: str | None = None) -> int | None:
        value = (src if src is not None else self.doc).get(key, default)
        if value is None or (isinstance(value, int) and not isinstance(value, bool)):
            return value
        self.add(label, f"应为整数，实际为“{value}”", record)
        return default

    def names(self, key: str, label: str, src: Any = None) -> list[str]:
        value = (src if src is not None else self.doc).get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.add(label, "应为文字列表")
            return []
        return list(value)

    def done(self) -> list[Problem]:
        """The problems found so far; raises at once when the service cannot check further."""
        if self.fatal:
            raise ValidationError(self.problems)
        return self.problems


def plan_from_doc(doc: Any) -> tuple[PlanDraft, list[Problem]]:
    """The draft and the problems of the document itself; the service adds its checks and
    refuses with all of them (raises now only when the document is unusable)."""
    r = _Reader(doc, "排查计划", PLAN_FORMAT)
    title = r.text("title", "计划名称（title）", required=True)
    team: list[TeamMember] = []
    raw_team = r.doc.get("team", [])
    if not isinstance(raw_team, list):
        r.add("排查人员（team）", "应为列表")
        raw_team = []
    for i, m in enumerate(raw_team, start=1):
        if isinstance(m, str):
            team.append(TeamMember(m))
        elif isinstance(m, dict):
            team.append(TeamMember(r.text("name", f"排查人员[{i}] 姓名", True, m),
                                   r.text("role", f"排查人员[{i}] 角色", False, m) or "member"))
        else:
            r.add(f"排查人员[{i}]", "应为 {\"name\", \"role\"}")
    starts_on = r.day("starts_on", "开始日期（starts_on）", required=True)
    until = r.day("until", "结束日期（until）")
    r.fatal |= starts_on is None
    draft = PlanDraft(
        title=title, villages=r.names("villages", "村（社区）（villages）"), team=team,
        starts_on=starts_on or clock.today(), until=until,
        time=r.text("time", "时间（time）") or "09:00",
        duration_minutes=r.integer("duration_minutes", "时长（duration_minutes）", 120) or 0,
        rule=r.text("rule", "排查周期（rule）", required=True),
        focus=r.names("focus", "排查重点（focus）"), note=r.text("note", "备注（note）"))
    return draft, r.done()


def visit_from_doc(doc: Any) -> tuple[VisitDraft, list[Problem]]:
    """As :func:`plan_from_doc`, for a visit."""
    r = _Reader(doc, "排查记录", VISIT_FORMAT)
    ad_hoc = r.doc.get("ad_hoc", False)
    if not isinstance(ad_hoc, bool):
        r.add("临时排查（ad_hoc）", "应为 true 或 false")
        ad_hoc = False
    plan_id: str | None = None
    title = r.text("plan", "排查计划（plan）", required=not ad_hoc)
    if title.strip():
        try:
            plan_id = plan_named(title).id
        except NotFound as exc:
            r.add("排查计划（plan）", str(exc))
            r.fatal = True
    on = r.day("on", "排查日期（on）", required=True)
    r.fatal |= on is None
    zero = r.doc.get("zero_report", False)
    if not isinstance(zero, bool):
        r.add("零报告（zero_report）", "应为 true 或 false")
        zero = False
    findings: list[FindingDraft] = []
    raw = r.doc.get("findings", [])
    if not isinstance(raw, list):
        r.add("排查发现（findings）", "应为列表")
        raw = []
    for i, f in enumerate(raw, start=1):
        label = f"发现[{i}]"
        if not isinstance(f, dict):
            r.add(label, "应为一个对象")
            continue
        amount = f.get("amount_involved", "")
        findings.append(FindingDraft(
            summary=r.text("summary", "简要情况", True, f, label),
            parties=r.text("parties", "当事人", False, f, label),
            dispute_type=r.text("dispute_type", "纠纷类型", False, f, label),
            people_involved=r.integer("people_involved", "涉及人数", None, f, label),
            amount=str(amount) if isinstance(amount, int | float | str) else "",
            risk_level=r.text("risk_level", "风险等级", False, f, label),
            measure=r.text("measure", "处置措施", False, f, label) or "watch",
            responsible=r.text("responsible", "责任人", False, f, label),
            due_on=r.day("due_on", "办结期限", False, f, label),
            escalated_to=r.text("escalated_to", "上报单位", False, f, label),
            escalated_on=r.day("escalated_on", "上报日期", False, f, label),
            result=r.text("result", "处理结果", False, f, label)))
    draft = VisitDraft(
        plan_id=plan_id, occurrence_on=r.day("occurrence_on", "对应排查日期（occurrence_on）"),
        on=on or clock.today(), village=r.text("village", "村（社区）（village）", required=True),
        team=r.names("team", "排查人员（team）"), places=r.text("places", "走访地点（places）"),
        households_visited=r.integer("households_visited", "走访户数", 0) or 0,
        zero_report=zero, note=r.text("note", "备注（note）"), findings=findings, ad_hoc=ad_hoc)
    return draft, r.done()
