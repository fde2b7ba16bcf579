"""研判, 督办, 联席处置 and 反馈: the steps of a request after it is received.

Part of :class:`~mediation_desk.services.petitions.service.PetitionService` (a mixin, one job
per module). Every step checks that the loop allows it now
(:func:`mediation_desk.domain.petitions.step_problem`) together with its fields, so a
refusal names every problem at once and writes nothing. Edits keep their before and after
(:mod:`mediation_desk.services.shared.field_history`).

Roles: any account may take the steps; an extension of a deadline needs the head's approval
(信访工作条例 Art 34), so only the committee director or an administrator may grant one.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

from mediation_desk import clock
from mediation_desk.domain import petitions as rules
from mediation_desk.errors import NotFound, PermissionDenied, Problem, ValidationError
from mediation_desk.services.petitions import views
from mediation_desk.services.petitions.lists import ALLIANCE_MARK, seed_lists
from mediation_desk.services.petitions.types import (
    AnswerDraft,
    AssignmentView,
    MeetingDraft,
    PetitionResult,
)
from mediation_desk.services.petitions.validation import (
    check_answer,
    check_due,
    check_meeting,
    check_risk,
    check_target,
    one_of,
)
from mediation_desk.services.shared import audit, field_history
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.database import Store
from mediation_desk.store.models import Assignment, JointMeeting, Petition, ReturnVisit

ASSESS_LABELS = {"route": "处理方式", "assessment": "研判意见", "risk_level": "风险等级",
                 "status": "状态", "assessed_on": "研判日期", "assessed_by": "研判人"}
ANSWER_LABELS = {"answer": "答复内容", "answer_method": "答复方式", "answered_on": "答复日期",
                 "answered_by": "答复人", "decision": "处理意见", "facts_reasons": "事实和理由",
                 "legal_basis": "法律政策依据", "status": "状态"}
RESULT_LABELS = {"result": "办理结果", "result_on": "办结日期"}
EXTEND_LABELS = {"extension_days": "延长天数", "extension_reason": "延长理由", "due_on": "办理期限"}


def _record(p: Petition) -> str:
    return f"信访事项{p.number}" if p.number else "信访事项"


class LoopActions:
    store: Store
    actor: Actor

    def _facts(self, p: Petition) -> dict[str, bool]:
        assignments = list(Assignment.live().where(Assignment.petition == p.id))
        visits = list(ReturnVisit.live().where(ReturnVisit.petition == p.id,
                                               ReturnVisit.done_on.is_null()))
        return {"has_open_assignments": any(a.result_on is None for a in assignments),
                "has_case": bool(p.case_id), "return_visit_due": bool(visits)}

    def _step(self, p: Petition, step: str) -> list[Problem]:
        reason = rules.step_problem(step, p.status, p.route, **self._facts(p))
        return [Problem(_record(p), "", reason)] if reason else []

    def _edited(self, p: Petition, before: dict[str, object], labels: dict[str, str],
                detail: str) -> None:
        p.save()
        field_history.record_edit(self.actor, p, field_history.diff(before, p, labels),
                                  case_id=p.case_id, record=_record(p), detail=detail)

    # -- 研判 ------------------------------------------------------------------------------------
    def assess(self, petition_id: str, route: str, note: str, risk_level: str | None = None,
               today: date | None = None) -> PetitionResult:
        """Decide how the request is handled — mediated here, referred, joint handling or
        answered directly — with the reasoning and (optionally) a risk level."""
        p = views.get_petition(petition_id)
        today = today or clock.today()
        record = _record(p)
        problems = self._step(p, rules.ASSESS)
        if route not in rules.ROUTES:
            problems.append(Problem(record, "处理方式", one_of(route, rules.ROUTES)))
        if not note.strip():
            problems.append(Problem(record, "研判意见", "不能为空，请写明研判理由"))
        problems += check_risk(risk_level, record) if risk_level is not None else []
        if problems:
            raise ValidationError(problems)
        with self.store.write() as changes:
            before = field_history.snapshot(p)
            p.route, p.assessment = route, note.strip()
            p.risk_level = risk_level or p.risk_level
            p.assessed_on, p.assessed_by = today, self.actor.name
            p.status = "assessed"
            self._edited(p, before, ASSESS_LABELS, f"研判：{rules.ROUTES[route]}")
            changes.touch("petition")
        return PetitionResult(p.id, changes)

    # -- 督办 ------------------------------------------------------------------------------------
    def assign(self, petition_id: str, department: str, due_on: date | None = None, *,
               task: str = "handle", responsible: str = "", request: str = "",
               today: date | None = None) -> PetitionResult:
        """Hand the request to a department (or an alliance member) with a deadline; with no
        deadline given, the 信访 clock's for what is asked (办理 60 days, 转送 15 days from the
        day it was received). Several assignments are allowed (联席处置)."""
        p = views.get_petition(petition_id)
        today = today or clock.today()
        record = _record(p)
        received = p.received_at.date()
        problems = self._step(p, rules.ASSIGN)
        problems += check_target(department, record)
        if task not in rules.TASKS:
            problems.append(Problem(record, "交办事项", one_of(task, rules.TASKS)))
        elif due_on is None:
            due_on = rules.default_due(received, task)
        problems += check_due(due_on, received, record)
        if problems:
            raise ValidationError(problems)
        assert due_on is not None
        with self.store.write() as changes:
            seed_lists(self.actor)
            row = self._write_assignment(p, department, task, responsible, request, today,
                                         due_on, None)
            changes.touch("petition")
        return PetitionResult(row.id, changes)

    def _write_assignment(self, p: Petition, department: str, task: str, responsible: str,
                          request: str, today: date, due_on: date,
                          meeting: JointMeeting | None) -> Assignment:
        position = Assignment.select().where(Assignment.petition == p.id).count()
        row = Assignment.create(
            petition=p.id, position=position,
            department=department.strip().removeprefix(ALLIANCE_MARK), task=task,
            request=request.strip(), responsible=responsible.strip(),
            assigned_on=max(today, p.received_at.date()), due_on=due_on, meeting=meeting)
        audit.record(self.actor, "create", row,
                     detail=f"{p.number} 交办{row.department}，{due_on.isoformat()}前")
        if p.status in ("assessed", "registered"):
            before = field_history.snapshot(p)
            p.status = "supervising"
            self._edited(p, before, {"status": "状态"}, "督办中")
        return row

    def _assignment(self, assignment_id: str) -> tuple[Assignment, Petition]:
        row = Assignment.get_live(assignment_id)
        if row is None:
            raise NotFound(f"找不到交办记录 {assignment_id}")
        return row, views.get_petition(row.petition_id)

    def assignment(self, assignment_id: str, today: date | None = None) -> AssignmentView:
        row, p = self._assignment(assignment_id)
        return views.assignment_view(row, p, today or clock.today())

    def extend(self, assignment_id: str, days: int, reason: str) -> PetitionResult:
        """One extension of at most 30 days, with the reason the person is told (Art 34);
        the head approves it, so only the director or an administrator may grant it."""
        if self.actor.role not in ("director", "admin"):
            raise PermissionDenied("延长办理期限须经负责人批准：只有调委会主任或管理员可以延期")
        row, p = self._assignment(assignment_id)
        record = f"{_record(p)} 交办{row.department}"
        problems = self._step(p, rules.EXTEND)
        problems += [Problem(record, "延长期限", reason_text) for reason_text in
                     rules.extension_problems(days, reason, row.extension_days > 0)]
        if row.result_on is not None:
            problems.append(Problem(record, "延长期限", "该部门已报送办理结果，无需延期"))
        if problems:
            raise ValidationError(problems)
        with self.store.write() as changes:
            before = field_history.snapshot(row)
            row.extension_days, row.extension_reason = days, reason.strip()
            row.due_on = row.due_on + timedelta(days=days)
            row.save()
            field_history.record_edit(self.actor, row, field_history.diff(
                before, row, EXTEND_LABELS), case_id=p.case_id, record=record,
                detail=f"延长{days}天：{reason.strip()}")
            changes.touch("petition")
        return PetitionResult(row.id, changes)

    def record_result(self, assignment_id: str, result: str, result_on: date | None = None,
                      today: date | None = None) -> PetitionResult:
        """The department's result (its reply to the supervision)."""
        row, p = self._assignment(assignment_id)
        today = today or clock.today()
        result_on = result_on or today
        record = f"{_record(p)} 交办{row.department}"
        problems = []
        if not result.strip():
            problems.append(Problem(record, "办理结果", "不能为空"))
        if result_on > today:
            problems.append(Problem(record, "办结日期", "不能晚于今天"))
        elif result_on < row.assigned_on:
            problems.append(Problem(record, "办结日期",
                                    f"早于交办日期（{row.assigned_on.isoformat()}）"))
        if p.status == "closed":
            problems.append(Problem(record, "", "事项已办结"))
        if problems:
            raise ValidationError(problems)
        with self.store.write() as changes:
            before = field_history.snapshot(row)
            row.result, row.result_on = result.strip(), result_on
            row.save()
            field_history.record_edit(self.actor, row, field_history.diff(
                before, row, RESULT_LABELS), case_id=p.case_id, record=record,
                detail=f"{row.department}报送办理结果")
            changes.touch("petition")
        return PetitionResult(row.id, changes)

    # -- 联席处置 ---------------------------------------------------------------------------------
    def hold_meeting(self, petition_id: str, draft: MeetingDraft,
                     today: date | None = None) -> PetitionResult:
        """Record a joint meeting on the request; each task it decided (who does what by
        when) becomes an assignment, chased like any other. ``ids`` are the assignments."""
        p = views.get_petition(petition_id)
        today = today or clock.today()
        record = f"{_record(p)} 联席会议"
        problems = self._step(p, rules.MEETING)
        problems += check_meeting(draft, p.received_at.date(), today, record)
        if problems:
            raise ValidationError(problems)
        assert draft.held_on is not None
        with self.store.write() as changes:
            seed_lists(self.actor)
            meeting = JointMeeting.create(
                petition=p.id, held_on=draft.held_on, place=draft.place.strip(),
                chaired_by=draft.chaired_by.strip(),
                departments=json.dumps(draft.departments, ensure_ascii=False),
                decisions=draft.decisions.strip())
            audit.record(self.actor, "create", meeting,
                         detail=f"{p.number} 联席会议：{'、'.join(draft.departments)}")
            ids = [self._write_assignment(
                p, t.department, "handle", t.responsible, t.request, draft.held_on,
                t.due_on or rules.handle_due(p.received_at.date()), meeting).id
                for t in draft.tasks]
            changes.touch("petition")
        return PetitionResult(meeting.id, changes, ids=ids)

    # -- 反馈 ------------------------------------------------------------------------------------
    def reply(self, petition_id: str, answer: AnswerDraft,
              today: date | None = None) -> PetitionResult:
        """The answer given to the person: how, when, by whom (and for a written answer the
        decision, facts and reasons, and legal basis the 信访处理意见书 prints). Given again,
        it corrects the answer (the history keeps the earlier one)."""
        p = views.get_petition(petition_id)
        today = today or clock.today()
        record = _record(p)
        problems = self._step(p, rules.REPLY)
        problems += check_answer(answer, p.received_at.date(), today, record)
        if problems:
            raise ValidationError(problems)
        with self.store.write() as changes:
            before = field_history.snapshot(p)
            p.answer, p.answer_method = answer.text.strip(), answer.method
            p.answered_on = answer.answered_on or today
            p.answered_by = answer.answered_by.strip() or self.actor.name
            p.decision = answer.decision
            p.facts_reasons, p.legal_basis = answer.facts_reasons.strip(), answer.legal_basis.strip()
            p.status = "answered"
            self._edited(p, before, ANSWER_LABELS,
                         f"答复来访人（{rules.ANSWER_METHODS[answer.method]}）")
            changes.touch("petition")
        return PetitionResult(p.id, changes)

    def close(self, petition_id: str, satisfaction: str,
              today: date | None = None) -> PetitionResult:
        """Close an answered request with the person's satisfaction; an unsatisfied person gets
        a return visit (回访) on 工作台 a week later. Closing without an answer is refused."""
        p = views.get_petition(petition_id)
        today = today or clock.today()
        record = _record(p)
        problems = self._step(p, rules.CLOSE)
        if satisfaction not in rules.SATISFACTION:
            problems.append(Problem(record, "满意度", one_of(satisfaction, rules.SATISFACTION)))
        if problems:
            raise ValidationError(problems)
        warnings = []
        with self.store.write() as changes:
            before = field_history.snapshot(p)
            p.satisfaction, p.closed_on, p.status = satisfaction, today, "closed"
            self._edited(p, before, {"satisfaction": "满意度", "closed_on": "办结日期",
                                     "status": "状态"},
                         f"办结：{rules.SATISFACTION[satisfaction]}")
            if satisfaction == "unsatisfied":
                due = today + timedelta(days=rules.RETURN_VISIT_DAYS)
                visit = ReturnVisit.create(petition=p.id, due_on=due, visitor=self.actor.name)
                audit.record(self.actor, "create", visit, detail=f"{p.number} 回访 {due}")
                warnings.append(f"来访人不满意：已安排{due.month}月{due.day}日回访；"
                                "来访人可在收到书面答复之日起30日内请求复查")
            changes.touch("petition")
        return PetitionResult(p.id, changes, warnings)

    def record_return_visit(self, visit_id: str, result: str, satisfaction: str,
                            done_on: date | None = None,
                            today: date | None = None) -> PetitionResult:
        """What the return visit found and how satisfied the person is now."""
        visit = ReturnVisit.get_live(visit_id)
        if visit is None:
            raise NotFound(f"找不到回访记录 {visit_id}")
        p = views.get_petition(visit.petition_id)
        today = today or clock.today()
        done_on = done_on or today
        record = f"{_record(p)} 回访"
        problems = []
        if not result.strip():
            problems.append(Problem(record, "回访情况", "不能为空"))
        if satisfaction not in rules.SATISFACTION:
            problems.append(Problem(record, "满意度", one_of(satisfaction, rules.SATISFACTION)))
        if done_on > today:
            problems.append(Problem(record, "回访日期", "不能晚于今天"))
        elif p.closed_on and done_on < p.closed_on:
            problems.append(Problem(record, "回访日期", "早于办结日期"))
        if problems:
            raise ValidationError(problems)
        with self.store.write() as changes:
            before = field_history.snapshot(visit)
            visit.result, visit.satisfaction, visit.done_on = result.strip(), satisfaction, done_on
            visit.visitor = visit.visitor or self.actor.name
            visit.save()
            field_history.record_edit(self.actor, visit, field_history.diff(
                before, visit, {"result": "回访情况", "satisfaction": "满意度",
                                "done_on": "回访日期"}), case_id=p.case_id, record=record)
            changes.touch("petition")
        return PetitionResult(visit.id, changes)
