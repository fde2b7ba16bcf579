"""Screening patrols (矛盾纠纷排查): plans, their calendar, visits, findings, escalations.

Each public method is one use case and (for writes) one transaction with its audit events;
refused input raises :class:`ValidationError` naming every problem and writes nothing.
Villages not yet in the list are added and named in the warnings, so a typo ("湖二材")
shows up instead of quietly splitting one village in two. Plain data types live in
:mod:`mediation_desk.services.patrols.types` and are re-exported here; the calendar, findings
and output each have a helper module (``patrol_plans``, ``patrol_findings``,
``patrol_output``, ``patrol_exchange``); the exceptions of a plan and the actions on a
finding and the correction of a visit are mixins (``patrol_exceptions``,
``patrol_finding_actions``, ``patrol_visit_edit``).
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from mediation_desk import clock
from mediation_desk.documents.data import PatrolMonth, PatrolVisitSheet
from mediation_desk.domain import recurrence
from mediation_desk.errors import NotFound, Problem, ValidationError
from mediation_desk.services.patrols import findings as pf
from mediation_desk.services.patrols import plans as pp
from mediation_desk.services.patrols.finding_actions import FindingActions
from mediation_desk.services.patrols.plan_changes import PlanExceptions
from mediation_desk.services.patrols.risk_levels import PatrolSettingsService
from mediation_desk.services.patrols.types import (
    FINDING_STATUSES,
    MARK_LABELS,
    MEASURES,
    OCCURRENCE_KINDS,
    TEAM_ROLES,
    EscalationView,
    FindingDraft,
    FindingFilter,
    FindingView,
    Occurrence,
    PatrolAgenda,
    PatrolCounts,
    PatrolResult,
    PlanDraft,
    PlanView,
    TeamMember,
    VisitDraft,
    VisitView,
)
from mediation_desk.services.patrols.visit_edit import VisitEdits
from mediation_desk.services.shared import audit, field_history
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.database import Store
from mediation_desk.store.models import (
    Finding,
    PatrolPlan,
    PatrolVisit,
    Village,
)

__all__ = [
    "FINDING_STATUSES", "MARK_LABELS", "MEASURES", "OCCURRENCE_KINDS", "TEAM_ROLES",
    "EscalationView", "FindingDraft", "FindingFilter", "FindingView", "Occurrence",
    "PatrolAgenda", "PatrolCounts", "PatrolResult", "PatrolService", "PlanDraft", "PlanView",
    "TeamMember", "VisitDraft", "VisitView",
]

#: How far back 工作台 lists patrols that were due and not held.
OVERDUE_DAYS = 30


def _refuse(record: str, field: str, reason: str) -> ValidationError:
    return ValidationError(Problem(record, field, reason))


#: A plan's fields with their Chinese names (history's before and after).
PLAN_LABELS = {"title": "计划名称", "villages": "排查范围", "team": "排查人员",
               "starts_on": "开始日期", "until": "结束日期", "start_time": "时间",
               "duration_minutes": "时长（分钟）", "rule": "周期", "focus": "排查重点",
               "note": "备注", "active": "有效"}

class PatrolService(PlanExceptions, FindingActions, VisitEdits):
    """The patrol use cases; exceptions, finding actions and corrections of a recorded visit
    come from the mixins."""

    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor
        self.settings = PatrolSettingsService(store, actor)

    # -- plans ----------------------------------------------------------------------------------
    def add_plan(self, draft: PlanDraft) -> PatrolResult:
        """Add a plan. Warnings name team members booked twice at overlapping times (the
        person, both plans, the date) and villages added to the list."""
        return self._add_plan(draft, [])

    def _add_plan(self, draft: PlanDraft, prior: list[Problem]) -> PatrolResult:
        problems = _unique(prior + pp.check_plan(draft))
        if problems:
            raise ValidationError(problems)
        warnings = self._booking_warnings(draft, exclude_id=None)
        with self.store.write() as changes:
            warnings += pp.villages_added(draft.villages, self.actor, changes)
            plan = PatrolPlan.create(**self._plan_fields(draft))
            audit.record(self.actor, "create", plan,
                         detail=f"{plan.title}：{recurrence.describe(plan.rule, plan.starts_on)}")
            changes.touch("patrol")
        return PatrolResult(plan.id, changes, warnings)

    def update_plan(self, plan_id: str, draft: PlanDraft) -> PatrolResult:
        """Change a plan; its exceptions and recorded visits stay as they are."""
        plan = pp.get_plan(plan_id)
        problems = pp.check_plan(draft, exclude_id=plan_id)
        if problems:
            raise ValidationError(problems)
        warnings = self._booking_warnings(draft, exclude_id=plan_id)
        with self.store.write() as changes:
            warnings += pp.villages_added(draft.villages, self.actor, changes)
            before = field_history.snapshot(plan)
            for key, value in self._plan_fields(draft).items():
                setattr(plan, key, value)
            plan.save()
            event = audit.record(self.actor, "update", plan, detail=plan.title)
            field_history.write_changes(event, field_history.diff(before, plan, PLAN_LABELS),
                                        case_id=None, record=f"排查计划 {plan.title}")
            changes.touch("patrol")
        return PatrolResult(plan.id, changes, warnings)

    def plan_warnings(self, draft: PlanDraft, plan_id: str | None = None) -> list[str]:
        """What saving ``draft`` would warn about — double bookings and villages new to the
        list — worked out without writing, so the window can show them before the user
        saves. Bad input is refused exactly as :meth:`add_plan` / :meth:`update_plan` do."""
        problems = pp.check_plan(draft, exclude_id=plan_id)
        if problems:
            raise ValidationError(problems)
        known = {v.name for v in Village.live()}
        new = [n for n in dict.fromkeys(v.strip() for v in draft.villages if v.strip())
               if n not in known]
        warnings = self._booking_warnings(draft, exclude_id=plan_id)
        return warnings + ([f"新增村（社区）：{'、'.join(new)}，请核对是否笔误"] if new else [])

    def end_plan(self, plan_id: str, on: date) -> PatrolResult:
        """End a plan on ``on`` (its last possible day); occurrences after it disappear,
        those before stay on the calendar with their visits. The plan counts as active
        (``PlanView.active``) until that day has passed."""
        plan = pp.get_plan(plan_id)
        if on < plan.starts_on:
            raise _refuse(plan.title, "结束日期", f"早于开始日期（{plan.starts_on.isoformat()}）")
        with self.store.write() as changes:
            before = field_history.snapshot(plan)
            plan.until = min(on, plan.until) if plan.until else on
            plan.save()
            event = audit.record(self.actor, "update", plan,
                                 detail=f"结束于 {plan.until.isoformat()}")
            field_history.write_changes(event, field_history.diff(before, plan, {
                "until": PLAN_LABELS["until"]}), case_id=None, record=f"排查计划 {plan.title}")
            changes.touch("patrol")
        return PatrolResult(plan.id, changes, [])

    def plans(self, active_only: bool = True) -> list[PlanView]:
        views = [pp.plan_view(p) for p in PatrolPlan.live().order_by(PatrolPlan.title)]
        return [v for v in views if v.active] if active_only else views

    def plan(self, plan_id: str) -> PlanView:
        return pp.plan_view(pp.get_plan(plan_id))

    def plan_by_title(self, title: str) -> PlanView:
        return pp.plan_view(pp.plan_named(title))

    def _plan_fields(self, draft: PlanDraft) -> dict[str, Any]:
        return {
            "title": draft.title, "villages": json.dumps(draft.villages, ensure_ascii=False),
            "team": json.dumps([{"name": m.name, "role": m.role} for m in draft.team],
                               ensure_ascii=False),
            "starts_on": draft.starts_on, "until": draft.until, "start_time": draft.time,
            "duration_minutes": draft.duration_minutes, "rule": draft.rule,
            "focus": json.dumps(draft.focus, ensure_ascii=False), "note": draft.note.strip(),
            "active": True,
        }

    def _booking_warnings(self, draft: PlanDraft, exclude_id: str | None) -> list[str]:
        start = max(draft.starts_on, clock.today() - timedelta(days=OVERDUE_DAYS))
        end = draft.until or start + timedelta(days=pp.BOOKING_HORIZON_DAYS)
        if end < start:
            return []
        others = [p for p in PatrolPlan.live() if p.id != exclude_id]
        existing = pp.bookings_of(pp.occurrences(others, start, end, clock.today()))
        return pp.clashes(pp.draft_bookings(draft, start, end), existing)

    # -- the calendar ---------------------------------------------------------------------------
    def schedule(self, start: date, end: date, today: date | None = None) -> list[Occurrence]:
        """Occurrences of every plan in ``start``…``end`` (inclusive), sorted by date and
        time, cancelled ones included with mark "cancelled"."""
        if end < start:
            raise _refuse("", "结束日期", f"早于开始日期（{start.isoformat()}）")
        return pp.occurrences(list(PatrolPlan.live()), start, end, today or clock.today())

    def double_bookings(self, start: date, end: date) -> list[str]:
        """People booked on two overlapping patrols in ``start``…``end``."""
        return pp.all_clashes(self.schedule(start, end))

    # -- visits ---------------------------------------------------------------------------------
    def record_visit(self, draft: VisitDraft) -> PatrolResult:
        """Record a patrol held, with its findings or as a zero report.

        Refused (nothing written): a date on which the plan has no occurrence unless
        ``ad_hoc``; a cancelled occurrence; a village already recorded for it; a finding
        without a risk level; a zero report with findings; a date in the future.
        """
        return self._record_visit(draft, [])

    def _record_visit(self, draft: VisitDraft, prior: list[Problem]) -> PatrolResult:
        today = clock.today()
        problems, plan, (occurrence_on, extra_id), amounts = self._check_visit(draft, today)
        problems = _unique(prior + problems)
        if problems:
            raise ValidationError(problems)
        warnings: list[str] = []
        if plan is not None and draft.village.strip() not in json.loads(plan.villages):
            warnings.append(f"{draft.village.strip()}不在计划“{plan.title}”的排查范围内")
        levels = {lv.code: lv for lv in self.settings.risk_levels()}
        with self.store.write() as changes:
            warnings += pp.villages_added([draft.village], self.actor, changes)
            village = Village.get(Village.name == draft.village.strip())
            visit = PatrolVisit.create(
                plan=plan, occurrence_on=occurrence_on, extra=extra_id or None, on=draft.on,
                village=village,
                team=json.dumps(draft.team, ensure_ascii=False), places=draft.places.strip(),
                households_visited=draft.households_visited,
                zero_report=not draft.findings, note=draft.note.strip(),
                recorded_by=self.actor.account_id or None)
            audit.record(self.actor, "create", visit,
                         detail=f"{draft.village} {draft.on.isoformat()}"
                         + ("零报告" if not draft.findings else f"发现{len(draft.findings)}条"))
            at = plan.start_time if plan is not None else "12:00"
            ids = [pf.write_finding(self.actor, visit, i, f, amounts[i], levels[f.risk_level],
                                    at).id for i, f in enumerate(draft.findings)]
            changes.touch("patrol")
        return PatrolResult(visit.id, changes, warnings, ids)

    def _check_visit(self, draft: VisitDraft, today: date
                     ) -> tuple[list[Problem], PatrolPlan | None, tuple[date | None, str],
                                list[int | None]]:
        record = "排查记录"
        problems: list[Problem] = []
        plan: PatrolPlan | None = None
        occurrence_on: date | None = None
        extra_id = ""
        if draft.on > today:
            problems.append(Problem(record, "排查日期", "不能晚于今天"))
        if not draft.village.strip():
            problems.append(Problem(record, "村（社区）", "不能为空"))
        if draft.plan_id:
            plan = PatrolPlan.get_live(draft.plan_id)
            if plan is None:
                problems.append(Problem(record, "排查计划", f"找不到排查计划 {draft.plan_id}"))
        if plan is not None and not draft.ad_hoc:
            occ, problem = self._occurrence_for(plan, draft, today)
            if problem:
                problems.append(Problem(record, *problem))
            elif occ is not None:
                occurrence_on, extra_id = occ.key, occ.extra_id
        elif plan is None and not draft.ad_hoc:
            problems.append(Problem(record, "排查计划", "未指定；不属于任何计划的请标明临时排查"))
        if not any(n.strip() for n in draft.team) and plan is not None:
            draft.team = list(pp.team_names(pp.team_of(plan)))
        found, amounts = pf.check_visit_contents(draft, record, draft.on)
        return problems + found, plan, (occurrence_on, extra_id), amounts

    def _occurrence_for(self, plan: PatrolPlan, draft: VisitDraft, today: date
                        ) -> tuple[Occurrence | None, tuple[str, str] | None]:
        """The occurrence a visit fulfils, or the (field, reason) it is refused for.

        Of the occurrences the draft may mean (:func:`plans.candidates`), the first neither
        cancelled nor already recorded for this village: on a day with a planned patrol and
        an extra one, or an extra one on the planned date of a patrol moved away, each
        village can be recorded once for each, whichever is typed first."""
        village = draft.village.strip()
        named = draft.occurrence_on or draft.on
        found = pp.candidates(plan, named, today, extra_id=draft.extra_id,
                              planned=draft.occurrence_on is not None)
        for occ in found:
            if occ.mark != "cancelled" and not self._already_recorded(plan.id, occ, village):
                return occ, None
        if not found:
            return None, ("排查日期", f"计划“{plan.title}”在 {named.isoformat()} 没有安排排查"
                                     "（如属临时排查，请标明临时排查）")
        occ = found[0]
        if occ.mark == "cancelled":
            return None, ("排查日期", f"计划“{plan.title}”{occ.on.isoformat()} 的排查已取消")
        return None, ("村（社区）", f"{village}在这次排查（{occ.on.isoformat()}）已有记录")

    def _already_recorded(self, plan_id: str, occ: Occurrence, village: str) -> bool:
        return bool(PatrolVisit.live().join(Village).where(
            PatrolVisit.plan == plan_id, PatrolVisit.occurrence_on == occ.key,
            PatrolVisit.extra == (occ.extra_id or None), Village.name == village).exists())

    def visit(self, visit_id: str) -> VisitView:
        row = PatrolVisit.get_live(visit_id)
        if row is None:
            raise NotFound(f"找不到排查记录 {visit_id}")
        return self._visit_views([row])[0]

    def visits(self, start: date, end: date) -> list[VisitView]:
        """Visits held in ``start``…``end``, oldest first."""
        rows = list(PatrolVisit.live().where(PatrolVisit.on.between(start, end))
                    .order_by(PatrolVisit.on, PatrolVisit.created_at))
        return self._visit_views(rows)

    def _visit_views(self, rows: list[PatrolVisit]) -> list[VisitView]:
        if not rows:
            return []
        ids = [r.id for r in rows]
        findings = list(Finding.live().where(Finding.visit.in_(ids))
                        .order_by(Finding.position))
        by_visit: dict[str, list[FindingView]] = {i: [] for i in ids}
        for view in pf.finding_views(findings, clock.today()):
            by_visit[view.visit_id].append(view)
        plan_ids = list({r.plan_id for r in rows if r.plan_id})
        titles = {p.id: p.title for p in PatrolPlan.select(PatrolPlan.id, PatrolPlan.title)
                  .where(PatrolPlan.id.in_(plan_ids))} if plan_ids else {}
        village_ids = list({r.village_id for r in rows if r.village_id})
        villages = {v.id: v.name for v in Village.select().where(Village.id.in_(village_ids))}
        return [VisitView(
            id=r.id, plan_id=r.plan_id, plan_title=titles.get(r.plan_id or "", ""),
            occurrence_on=r.occurrence_on, on=r.on, village=villages.get(r.village_id or "", ""),
            team=tuple(json.loads(r.team or "[]")), places=r.places,
            households_visited=r.households_visited, zero_report=bool(r.zero_report),
            note=r.note, findings=tuple(by_visit[r.id])) for r in rows]

    # -- 工作台, counts and output -------------------------------------------------------------
    def agenda(self, today: date | None = None) -> PatrolAgenda:
        """Today's patrols, patrols of the last 30 days neither held nor cancelled, and open
        red/orange findings (overdue first)."""
        today = today or clock.today()
        recent = self.schedule(today - timedelta(days=OVERDUE_DAYS), today, today)
        urgent = [v for v in self.findings(FindingFilter(status="open"), today)
                  if v.risk_level in ("red", "orange")]
        return PatrolAgenda(today=[o for o in recent if o.on == today],
                            overdue=[o for o in recent if o.mark == "missed"],
                            urgent_findings=pf.urgent_first(urgent))

    def month_counts(self, year: int, month: int) -> PatrolCounts:
        from mediation_desk.services.patrols.output import month_counts

        return month_counts(year, month)

    def month_sheet(self, year: int, month: int) -> PatrolMonth:
        """The month's timetable as plain data for ``documents.patrol_timetable``."""
        from mediation_desk.services.patrols.output import month_sheet

        return month_sheet(self.store, self.schedule(*_month_span(year, month)), year, month)

    def visit_sheet(self, visit_id: str) -> PatrolVisitSheet:
        """One visit's record form as plain data for ``documents.patrol_record``."""
        from mediation_desk.services.patrols.output import visit_sheet

        view = self.visit(visit_id)
        plan = pp.get_plan(view.plan_id) if view.plan_id else None
        return visit_sheet(self.store, view, pp.plan_view(plan) if plan else None)

    def export_ics(self, start: date, end: date) -> bytes:
        """The schedule as RFC 5545 iCalendar (one VEVENT per occurrence, stable UIDs;
        cancelled ones as STATUS:CANCELLED so phones drop them)."""
        from mediation_desk.services.patrols.output import to_ics

        occs = self.schedule(start, end)
        plans = {p.id: p for p in self.plans(active_only=False)}
        return to_ics(occs, plans)

    # -- exchange (contract.md) -----------------------------------------------------------------
    def import_plan(self, doc: dict[str, Any]) -> PatrolResult:
        """A ``mediation-desk/patrol-plan@1`` document; all or nothing, every problem named."""
        from mediation_desk.services.patrols.exchange import plan_from_doc

        return self._add_plan(*plan_from_doc(doc))

    def import_visit(self, doc: dict[str, Any]) -> PatrolResult:
        """A ``mediation-desk/patrol-visit@1`` document; all or nothing, every problem named."""
        from mediation_desk.services.patrols.exchange import visit_from_doc

        return self._record_visit(*visit_from_doc(doc))


def _unique(problems: list[Problem]) -> list[Problem]:
    """Problems in order, each once (a document's reader and the service may both see one)."""
    return list(dict.fromkeys(problems))


def _month_span(year: int, month: int) -> tuple[date, date]:
    start = date(year, month, 1)
    end = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return start, end
