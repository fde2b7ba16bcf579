"""What is done about a finding: its measure and status, escalations and receipts, and the
finding becoming a case (or linked to one).

Part of :class:`mediation_desk.services.patrols.service.PatrolService` (a mixin, to keep each module
to one job); the rules themselves live in :mod:`mediation_desk.services.patrols.findings`.
"""

from __future__ import annotations

import json
from datetime import date, datetime

from mediation_desk import clock
from mediation_desk.errors import NotFound, Problem, ValidationError
from mediation_desk.services.attachments.service import follow_finding
from mediation_desk.services.cases.drafts import CaseDraft
from mediation_desk.services.patrols import findings as pf
from mediation_desk.services.patrols import plans as pp
from mediation_desk.services.patrols.types import (
    FINDING_STATUSES,
    MEASURES,
    FindingFilter,
    FindingView,
    PatrolResult,
)
from mediation_desk.services.shared import audit, field_history
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.database import Store
from mediation_desk.store.models import Escalation, PatrolPlan, PatrolVisit, Village


def _refuse(record: str, field: str, reason: str) -> ValidationError:
    return ValidationError(Problem(record, field, reason))


#: A finding's follow-through fields with their Chinese names (history's before and after).
FINDING_LABELS = {"measure": "处置措施", "responsible": "责任人", "due_on": "办结期限",
                  "result": "处置结果", "status": "状态", "resolved_on": "化解日期"}
RECEIPT_LABELS = {"received_by": "接收人", "received_at": "接收时间", "result": "处理结果"}

class FindingActions:
    store: Store
    actor: Actor

    # -- findings -------------------------------------------------------------------------------
    def findings(self, flt: FindingFilter | None = None,
                 today: date | None = None) -> list[FindingView]:
        """Findings matching ``flt``, newest visit first."""
        flt = flt or FindingFilter()
        if flt.status and flt.status not in FINDING_STATUSES:
            raise _refuse("", "状态", "应为 " + " / ".join(FINDING_STATUSES) + " 之一")
        return pf.finding_views(pf.query_findings(flt), today or clock.today())

    def finding(self, finding_id: str) -> FindingView:
        return pf.finding_views([pf.get_finding(finding_id)], clock.today())[0]

    def update_finding(self, finding_id: str, *, measure: str | None = None,
                       responsible: str | None = None, due_on: date | None = None,
                       result: str | None = None, status: str | None = None,
                       resolved_on: date | None = None) -> PatrolResult:
        """Change what is being done about a finding; resolving sets ``resolved_on`` (the
        given day, else today), reopening clears it. Arguments left ``None`` stay as they
        are."""
        row = pf.get_finding(finding_id)
        problems = []
        if measure is not None and measure not in MEASURES:
            problems.append(Problem("排查发现", "处置措施", "应为 " + " / ".join(MEASURES) + " 之一"))
        if status is not None and status not in FINDING_STATUSES:
            problems.append(Problem("排查发现", "状态",
                                    "应为 " + " / ".join(FINDING_STATUSES) + " 之一"))
        if problems:
            raise ValidationError(problems)
        with self.store.write() as changes:
            said = []
            before = field_history.snapshot(row)
            for name, value in (("measure", measure), ("responsible", responsible),
                                ("due_on", due_on), ("result", result), ("status", status)):
                if value is None:
                    continue
                value = value.strip() if isinstance(value, str) else value
                if getattr(row, name) != value:
                    setattr(row, name, value)
                    said.append(f"{name}={value}")
            if status is not None:
                if status == "open":
                    row.resolved_on = None
                elif row.resolved_on is None or resolved_on is not None:
                    row.resolved_on = resolved_on or clock.today()
                    said.append(f"resolved_on={row.resolved_on.isoformat()}")
            if said:
                row.save()
                field_history.record_edit(
                    self.actor, row, field_history.diff(before, row, FINDING_LABELS),
                    case_id=row.case_id, record=f"排查发现 {row.summary[:20]}",
                    detail="；".join(said))
                changes.touch("patrol")
        return PatrolResult(row.id, changes, [])

    def escalate(self, finding_id: str, target: str, at: datetime, method: str = "",
                 summary: str = "") -> PatrolResult:
        """Record a report or hand-over of a finding (上报/移交) to ``target``."""
        row = pf.get_finding(finding_id)
        if not target.strip():
            raise _refuse("上报", "上报单位", "不能为空")
        with self.store.write() as changes:
            esc = Escalation.create(finding=row, case=row.case_id, target=target.strip(), at=at,
                                    method=method.strip(), summary=summary.strip() or row.summary)
            audit.record(self.actor, "create", esc, detail=f"上报{esc.target}")
            changes.touch("patrol")
            if row.case_id:
                changes.touch("case", row.case_id)
        return PatrolResult(esc.id, changes, [])

    def record_receipt(self, escalation_id: str, received_by: str, received_at: datetime,
                       result: str = "") -> PatrolResult:
        """Who received an escalation, when, and what became of it (回执)."""
        esc = Escalation.get_live(escalation_id)
        if esc is None:
            raise NotFound(f"找不到上报记录 {escalation_id}")
        problems = []
        if not received_by.strip():
            problems.append(Problem("回执", "接收人", "不能为空"))
        if received_at < esc.at:
            problems.append(Problem("回执", "接收时间",
                                    f"早于上报时间（{esc.at:%Y-%m-%d %H:%M}）"))
        if problems:
            raise ValidationError(problems)
        with self.store.write() as changes:
            before = field_history.snapshot(esc)
            esc.received_by, esc.received_at = received_by.strip(), received_at
            esc.result = result.strip() or esc.result
            esc.save()
            field_history.record_edit(
                self.actor, esc, field_history.diff(before, esc, RECEIPT_LABELS),
                case_id=esc.case_id, record=f"上报{esc.target}", detail=f"回执：{esc.received_by}")
            changes.touch("patrol")
        return PatrolResult(esc.id, changes, [])

    # -- a finding becomes a case ---------------------------------------------------------------
    def case_draft_for(self, finding_id: str) -> CaseDraft:
        """The intake draft prefilled from a finding (source 排查发现), for the intake form."""
        row = pf.get_finding(finding_id)
        visit = PatrolVisit.get_by_id(row.visit_id)
        village = Village.get_live(visit.village_id) if visit.village_id else None
        plan = PatrolPlan.get_live(visit.plan_id) if visit.plan_id else None
        lead = pp.lead_of(pp.team_of(plan)) if plan else \
            (json.loads(visit.team or "[]") or [""])[0]
        return pf.case_draft(row, visit, village.name if village else "", lead, clock.today())

    def finding_to_case(self, finding_id: str, draft: CaseDraft | None = None) -> PatrolResult:
        """Register the finding as a case (``draft``, else :meth:`case_draft_for`) and link
        them both ways, in one transaction. ``id`` is the case id; the number is on
        :meth:`finding` (``case_number``). Refused if the finding already is a case."""
        from mediation_desk.services.cases.intake import IntakeService

        row = pf.get_finding(finding_id)
        if row.case_id:
            number = self.finding(finding_id).case_number
            raise _refuse("排查发现", "", f"已登记为案件 {number}")
        draft = draft or self.case_draft_for(finding_id)
        intake = IntakeService(self.store, self.actor)
        with self.store.write() as changes:
            registered = intake.register_within(draft, changes)
            row.case_id = registered.case_id
            row.measure = "registered"
            row.status = "closed"  # now followed as a case, no longer on the patrol's list
            row.result = row.result or f"已登记为案件{registered.number}"
            row.save()
            audit.record(self.actor, "update", row, detail=f"登记为案件 {registered.number}")
            for esc in Escalation.live().where(Escalation.finding == row.id,
                                               Escalation.case.is_null()):
                esc.case_id = registered.case_id
                esc.save()
                audit.record(self.actor, "update", esc, detail=f"归入案件 {registered.number}")
            follow_finding(self.actor, row.id, registered.case_id)
            changes.touch("patrol")
            changes.touch("case", registered.case_id)
        return PatrolResult(registered.case_id, changes,
                            registered.notices + registered.warnings, [row.id])

    def link_case(self, finding_id: str, case_id: str) -> PatrolResult:
        """Link a finding to a case already registered (the dispute came to the room before
        the finding was written up), both ways, like :meth:`finding_to_case` does."""
        from mediation_desk.store.models import Case

        row = pf.get_finding(finding_id)
        case = Case.get_live(case_id)
        if case is None:
            raise NotFound(f"找不到案件 {case_id}")
        if row.case_id:
            raise _refuse("排查发现", "", f"已登记为案件 {self.finding(finding_id).case_number}")
        with self.store.write() as changes:
            row.case_id, row.measure, row.status = case.id, "registered", "closed"
            row.result = row.result or f"已登记为案件{case.number}"
            row.save()
            audit.record(self.actor, "update", row, detail=f"关联案件 {case.number}")
            follow_finding(self.actor, row.id, case.id)
            changes.touch("patrol")
            changes.touch("case", case.id)
        return PatrolResult(case.id, changes, [], [row.id])
