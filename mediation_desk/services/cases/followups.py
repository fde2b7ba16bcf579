"""Supervising performance after the agreement (Art 31): follow-up visits, and the planned
sessions that appear on 工作台.

Why a mixin of :class:`~mediation_desk.services.cases.casework.CaseworkService`: these are
casework use cases (one transaction each, the case moved along its lifecycle) but a group of
their own; kept apart, the casework module stays readable. A follow-up found per term is
recorded with each term's performance before and after, so the 操作记录 says what the visit
found and not only that it happened.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from mediation_desk import clock
from mediation_desk.domain.lifecycle import CaseStatus, Step
from mediation_desk.errors import NotFound
from mediation_desk.services.cases import agreement_edit, indexing
from mediation_desk.services.cases.results import CLOSED_STATUSES, StepResult
from mediation_desk.services.cases.results import refuse as _refuse
from mediation_desk.services.cases.validation import PERFORMANCE
from mediation_desk.services.shared import audit, field_history
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.database import Store
from mediation_desk.store.models import (
    Agreement,
    AgreementTerm,
    Appointment,
    Case,
    FollowUp,
    Record,
)

if TYPE_CHECKING:
    from mediation_desk.store.changes import ChangeSet

FOLLOWUP_LABELS = {"done_on": "回访日期", "visited": "回访对象", "performance": "履行情况",
                   "satisfaction": "满意程度", "sued": "是否起诉", "renewed_conflict": "矛盾反复情况",
                   "measures": "采取措施"}


class FollowUpWork:
    store: Store
    actor: Actor

    if TYPE_CHECKING:
        def case(self, case_id: str) -> Case: ...

        def _move(self, case: Case, step: Step, reason: str = "") -> CaseStatus: ...

        def _finish(self, case: Case, changes: ChangeSet, *kinds: str) -> None: ...

    # -- follow-ups -------------------------------------------------------------------------
    def schedule_followup(self, case_id: str, due_on: date, visitor: str = "") -> StepResult:
        with self.store.write() as changes:
            case = self.case(case_id)
            if not Agreement.live().where(Agreement.case == case).exists():
                raise _refuse("回访", "本案还没有调解协议，无需回访履行情况")
            row = FollowUp.create(case=case, due_on=due_on, visitor=visitor or self.actor.name)
            audit.record(self.actor, "create", row)
            self._finish(case, changes, "followup")
        return StepResult(CaseStatus(case.status), changes, [])

    def record_followup(self, followup_id: str, *, done_on: date, visited: str,
                        performance: str, body: str, satisfaction: str = "",
                        sued: bool = False, renewed_conflict: str = "", measures: str = "",
                        term_performance: Sequence[tuple[str, str]] = ()) -> StepResult:
        """The visit happened: its record, the performance found, and per-term status."""
        if performance not in PERFORMANCE:
            raise _refuse("履行情况", "应为 " + " / ".join(PERFORMANCE) + " 之一")
        if done_on > clock.today():
            raise _refuse("回访日期", "不能晚于今天")
        if not body.strip():
            raise _refuse("回访记录", "不能为空")
        with self.store.write() as changes:
            row = FollowUp.get_live(followup_id)
            if row is None:
                raise NotFound(f"找不到回访 {followup_id}")
            case = self.case(row.case_id)
            status = CaseStatus(case.status)
            if status in (CaseStatus.AGREED, CaseStatus.FOLLOWING_UP):
                status = self._move(case, Step.FOLLOW_UP)
            visit_time = clock.now().time() if done_on == clock.today() else time(12)
            rec = Record.create(case=case, kind="followup",
                                at=datetime.combine(done_on, visit_time).replace(microsecond=0),
                                author=self.actor.name, body=body,
                                participants=json.dumps([visited], ensure_ascii=False),
                                addendum=status in CLOSED_STATUSES,
                                author_account=self.actor.account_id or None)
            audit.record(self.actor, "create", rec)
            before = field_history.snapshot(row)
            row.done_on, row.record, row.visited, row.performance = done_on, rec, visited, \
                performance
            row.satisfaction, row.sued = satisfaction, sued
            row.renewed_conflict, row.measures = renewed_conflict, measures
            row.save()
            field_history.record_edit(
                self.actor, row, field_history.diff(before, row, FOLLOWUP_LABELS),
                case_id=case.id, record=f"{row.due_on.isoformat()}回访", action="visit")
            for term_id, term_status in term_performance:
                if term_status not in PERFORMANCE:
                    raise _refuse("条款履行情况", "应为 " + " / ".join(PERFORMANCE) + " 之一")
                term = AgreementTerm.get_by_id(term_id)
                before = field_history.snapshot(term)
                term.performance = term_status
                term.performed_on = done_on if term_status == "done" else None
                term.save()
                found = field_history.diff(before, term, agreement_edit.TERM_LABELS)
                # Confirmed as it was is still a finding of this visit: audited either way.
                field_history.record_edit(self.actor, term, found, case_id=case.id,
                                          record=f"协议第{term.position + 1}条",
                                          action="perform",
                                          detail=None if found else "履行情况未变")
            indexing.index_record(self.store, rec)
            self._finish(case, changes, "followup")
        return StepResult(status, changes, [])

    # -- appointments -----------------------------------------------------------------------
    def schedule_session(self, case_id: str, at: datetime, *, kind: str = "mediation",
                         place: str = "", note: str = "") -> StepResult:
        """Plan a session or visit; it appears on 工作台 on its day."""
        if kind not in ("mediation", "investigation", "followup"):
            raise _refuse("预约类型", "应为 mediation / investigation / followup 之一")
        with self.store.write() as changes:
            case = self.case(case_id)
            if CaseStatus(case.status) in CLOSED_STATUSES:
                raise _refuse("预约", "案件已结案，不能再预约调解")
            row = Appointment.create(case=case, at=at, kind=kind, place=place, note=note)
            audit.record(self.actor, "create", row)
            self._finish(case, changes, "appointment")
        return StepResult(CaseStatus(case.status), changes, [])

    def finish_session(self, appointment_id: str) -> None:
        with self.store.write() as changes:
            row = Appointment.get_by_id(appointment_id)
            before = field_history.snapshot(row)
            row.done = True
            row.save()
            field_history.record_edit(
                self.actor, row, field_history.diff(before, row, {"done": "已举行"}),
                case_id=row.case_id, record=f"{row.at:%Y-%m-%d %H:%M}预约", action="held")
            changes.touch("appointment", row.case_id)
