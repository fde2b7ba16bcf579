"""Exceptions to a patrol plan's cadence: one occurrence cancelled, moved, or an extra visit.

Part of :class:`mediation_desk.services.patrols.service.PatrolService` (a mixin, to keep each module
to one job); an exception is a ``PatrolChange`` row, never a stored occurrence, so the rule
and its exceptions always give the calendar.
"""

from __future__ import annotations

from datetime import date

from mediation_desk import clock
from mediation_desk.domain import recurrence
from mediation_desk.errors import DomainError, Problem, ValidationError
from mediation_desk.services.patrols import plans as pp
from mediation_desk.services.patrols.types import Occurrence, PatrolResult
from mediation_desk.services.shared import audit
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.database import Store
from mediation_desk.store.models import PatrolChange, PatrolPlan


def _refuse(record: str, field: str, reason: str) -> ValidationError:
    return ValidationError(Problem(record, field, reason))


class PlanExceptions:
    store: Store
    actor: Actor

    # -- exceptions -----------------------------------------------------------------------------
    def _occurrence(self, plan: PatrolPlan, on: date, extra_id: str) -> Occurrence:
        """The occurrence named by ``on`` — its planned date or the day it happens on — or,
        for an extra visit, by ``extra_id`` (see :func:`plans.candidates`)."""
        occ = pp.find_occurrence(plan, on, clock.today(), extra_id=extra_id)
        if occ is None:
            raise _refuse(plan.title, "日期", f"{on.isoformat()} 没有安排排查")
        return occ

    def _change_row(self, plan: PatrolPlan, occ: Occurrence) -> PatrolChange | None:
        """The exception row behind a moved or extra occurrence (None for a planned one)."""
        if occ.kind == "planned":
            return None
        if occ.extra_id:
            extra: PatrolChange | None = PatrolChange.get_live(occ.extra_id)
            return extra
        row: PatrolChange | None = PatrolChange.live().where(
            PatrolChange.plan == plan.id, PatrolChange.kind == "move",
            PatrolChange.original_on == occ.original_on).first()
        return row

    def cancel_occurrence(self, plan_id: str, on: date, reason: str, *,
                          extra_id: str = "") -> PatrolResult:
        """Cancel the occurrence named by ``on`` (its planned date, or the day it happens
        on) or by ``extra_id`` (an extra visit). It stays listed, struck out; an extra visit
        cancelled is removed. Refused once a visit is recorded against it."""
        plan = pp.get_plan(plan_id)
        occ = self._occurrence(plan, on, extra_id)
        self._check_changeable(plan, occ, reason, "取消原因")
        with self.store.write() as changes:
            row = self._change_row(plan, occ)
            if row is None:
                row = PatrolChange.create(plan=plan, kind="cancel", original_on=occ.key,
                                          reason=reason.strip())
                audit.record(self.actor, "create", row, detail=f"取消 {occ.on.isoformat()}")
            elif row.kind == "move":
                row.kind, row.new_on, row.new_time = "cancel", None, ""
                row.reason = reason.strip()
                row.save()
                audit.record(self.actor, "update", row, detail=f"取消 {occ.on.isoformat()}")
            else:
                row.reason = reason.strip()
                row.soft_delete()
                audit.record(self.actor, "delete", row, detail=f"取消专项排查 {occ.on.isoformat()}")
            changes.touch("patrol")
        return PatrolResult(row.id, changes, [])

    def move_occurrence(self, plan_id: str, on: date, new_on: date, new_time: str,
                        reason: str, *, extra_id: str = "") -> PatrolResult:
        """Move the occurrence named by ``on`` (or ``extra_id``, as for
        :meth:`cancel_occurrence`) to ``new_on`` at ``new_time`` (HH:MM). It keeps its name:
        visits and calendar entries stay attached to it."""
        plan = pp.get_plan(plan_id)
        occ = self._occurrence(plan, on, extra_id)
        self._check_changeable(plan, occ, reason, "改期原因")
        new_time = self._time(plan.title, new_time or plan.start_time)
        warnings = self._clash_on(plan, new_on, new_time, exclude=occ)
        with self.store.write() as changes:
            row = self._change_row(plan, occ)
            if row is None:
                row = PatrolChange.create(plan=plan, kind="move", original_on=occ.key,
                                          new_on=new_on, new_time=new_time,
                                          reason=reason.strip())
                audit.record(self.actor, "create", row,
                             detail=f"{occ.on.isoformat()} 改到 {new_on.isoformat()} {new_time}")
            else:
                row.new_on, row.new_time, row.reason = new_on, new_time, reason.strip()
                row.save()
                audit.record(self.actor, "update", row,
                             detail=f"{occ.on.isoformat()} 改到 {new_on.isoformat()} {new_time}")
            changes.touch("patrol")
        return PatrolResult(row.id, changes, warnings)

    def add_extra(self, plan_id: str, on: date, time: str, reason: str) -> PatrolResult:
        """A single extra visit of the plan's team (专项排查), e.g. before a festival."""
        plan = pp.get_plan(plan_id)
        time = self._time(plan.title, time or plan.start_time)
        if not reason.strip():
            raise _refuse(plan.title, "专项排查事由", "不能为空")
        warnings = self._clash_on(plan, on, time, exclude=None)
        with self.store.write() as changes:
            row = PatrolChange.create(plan=plan, kind="extra", new_on=on, new_time=time,
                                      reason=reason.strip())
            audit.record(self.actor, "create", row, detail=f"专项排查 {on.isoformat()} {time}")
            changes.touch("patrol")
        return PatrolResult(row.id, changes, warnings)

    def _check_changeable(self, plan: PatrolPlan, occ: Occurrence, reason: str,
                          label: str) -> None:
        problems = []
        if occ.mark == "cancelled":
            problems.append(Problem(plan.title, "日期", f"{occ.on.isoformat()} 的排查已经取消"))
        if occ.visit_ids:
            problems.append(Problem(plan.title, "日期",
                                    f"{occ.on.isoformat()} 的排查已有记录，不能取消或改期"))
        if not reason.strip():
            problems.append(Problem(plan.title, label, "不能为空"))
        if problems:
            raise ValidationError(problems)

    def _time(self, record: str, text: str) -> str:
        try:
            return recurrence.format_time(recurrence.parse_time(text))
        except DomainError as exc:
            raise _refuse(record, "时间", exc.reason) from exc

    def _clash_on(self, plan: PatrolPlan, on: date, time: str,
                  exclude: Occurrence | None) -> list[str]:
        mine = [pp.Booking(plan.title, on, time, plan.duration_minutes,
                           pp.team_names(pp.team_of(plan)))]
        day = [o for o in pp.occurrences(list(PatrolPlan.live()), on, on, clock.today())
               if exclude is None
               or (o.plan_id, o.identity) != (exclude.plan_id, exclude.identity)]
        return pp.clashes(mine, pp.bookings_of(day))
