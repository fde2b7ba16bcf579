"""Reading requests for the window and the command line: list rows, the detail of one, and
the assignments' state on a given day (overdue, due soon).

Why one place: 工作台, the 接访 list, ``petition list --json`` and the statistics must agree on
what "overdue" means — an assignment past its due date with neither the department's result
nor the answer to the person (:func:`mediation_desk.domain.petitions.is_overdue`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date

from mediation_desk.domain import petitions as rules
from mediation_desk.domain.phone import mask_phone
from mediation_desk.domain.resident_id import mask_id_number
from mediation_desk.errors import NotFound
from mediation_desk.services.petitions.types import (
    AssignmentView,
    MeetingView,
    PetitionDetail,
    PetitionRow,
    ReturnVisitView,
)
from mediation_desk.store.models import (
    Assignment,
    Case,
    Compound,
    JointMeeting,
    Party,
    Petition,
    PetitionDocument,
    ReturnVisit,
    Village,
)


def get_petition(petition_id: str) -> Petition:
    row = Petition.get_live(petition_id)
    if row is None:
        raise NotFound(f"找不到信访事项 {petition_id}")
    return row


def replied(assignment: Assignment, petition: Petition) -> bool:
    """Whether an assignment has had its answer: the department's result, or the answer given
    to the person (which settles the request whatever the department still owes)."""
    return assignment.result_on is not None or petition.answered_on is not None


def assignment_view(a: Assignment, petition: Petition, today: date) -> AssignmentView:
    done = replied(a, petition)
    return AssignmentView(
        id=a.id, department=a.department, task=a.task,
        task_label=rules.TASKS.get(a.task, a.task), request=a.request,
        responsible=a.responsible, assigned_on=a.assigned_on, due_on=a.due_on,
        extension_days=a.extension_days, extension_reason=a.extension_reason,
        result=a.result, result_on=a.result_on,
        overdue=rules.is_overdue(a.due_on, today, done),
        due_soon=rules.due_soon(a.due_on, today, done), meeting_id=a.meeting_id)


def _names(model: type[Village] | type[Compound], ids: Iterable[str | None]) -> dict[str, str]:
    wanted = [i for i in set(ids) if i]
    if not wanted:
        return {}
    return {r.id: r.name for r in model.select(model.id, model.name).where(model.id.in_(wanted))}


def rows(petitions: list[Petition], today: date) -> list[PetitionRow]:
    """List rows for these requests (one query per table, not per row)."""
    if not petitions:
        return []
    ids = [p.id for p in petitions]
    by_petition: dict[str, list[Assignment]] = {i: [] for i in ids}
    for a in (Assignment.live().where(Assignment.petition.in_(ids))
              .order_by(Assignment.position)):
        by_petition[a.petition_id].append(a)
    villages = _names(Village, (p.village_id for p in petitions))
    compounds = _names(Compound, (p.compound_id for p in petitions))
    case_ids = [p.case_id for p in petitions if p.case_id]
    numbers = {c.id: c.number or "" for c in Case.select(Case.id, Case.number)
               .where(Case.id.in_(case_ids))} if case_ids else {}
    out = []
    for p in petitions:
        assigned = by_petition[p.id]
        open_ones = [a for a in assigned if not replied(a, p)]
        shown = open_ones or assigned
        due = min((a.due_on for a in shown), default=None)
        out.append(PetitionRow(
            id=p.id, number=p.number or "", received_at=p.received_at, person=p.person_name,
            category=p.category, village=villages.get(p.village_id or "", ""),
            compound=compounds.get(p.compound_id or "", ""), status=p.status,
            status_label=rules.STATUSES.get(p.status, p.status), route=p.route,
            assigned_to=tuple(dict.fromkeys(a.department for a in shown)), due_on=due,
            overdue=any(rules.is_overdue(a.due_on, today, False) for a in open_ones),
            risk_level=p.risk_level, case_number=numbers.get(p.case_id or "", ""),
            person_id_number=mask_id_number(p.person_id_number) if p.person_id_number else "",
            person_phone=mask_phone(p.person_phone) if p.person_phone else ""))
    return out


def earlier_of(person_id_number: str, person_name: str, person_phone: str,
               exclude_petition: str | None = None) -> list[str]:
    """Earlier requests and cases of the same person: by ID number when there is one, else by
    name and phone together (a name alone is far too common: 林, 陈, 黄 …)."""
    lines: list[str] = []
    query = Petition.live()
    if person_id_number:
        query = query.where(Petition.person_id_number == person_id_number)
    elif person_phone and person_name:
        query = query.where(Petition.person_name == person_name,
                            Petition.person_phone == person_phone)
    else:
        return []
    for p in query.order_by(Petition.received_at):
        if p.id == exclude_petition:
            continue
        lines.append(f"来访 {p.number or ''} {p.received_at:%Y-%m-%d} {p.category} "
                     f"{rules.STATUSES.get(p.status, p.status)}".replace("  ", " "))
    parties = Party.live().join(Case).where(Case.deleted_at.is_null())
    if person_id_number:
        parties = parties.where(Party.id_number == person_id_number)
    else:
        parties = parties.where(Party.name == person_name, Party.phone == person_phone)
    seen: set[str] = set()
    for party in parties.order_by(Case.received_on):
        case = party.case
        if case.id in seen:
            continue
        seen.add(case.id)
        lines.append(f"案件 {case.number or ''} {case.received_on:%Y-%m-%d} {case.title}")
    return lines


def detail(p: Petition, today: date) -> PetitionDetail:
    assignments = [assignment_view(a, p, today) for a in
                   Assignment.live().where(Assignment.petition == p.id)
                   .order_by(Assignment.position)]
    tasks: dict[str, list[str]] = {}
    for a in assignments:
        if a.meeting_id:
            tasks.setdefault(a.meeting_id, []).append(a.id)
    meetings = tuple(MeetingView(m.id, m.held_on, m.place, m.chaired_by,
                                 tuple(json.loads(m.departments or "[]")), m.decisions,
                                 tuple(tasks.get(m.id, ())))
                     for m in JointMeeting.live().where(JointMeeting.petition == p.id)
                     .order_by(JointMeeting.held_on, JointMeeting.created_at))
    visits = tuple(ReturnVisitView(v.id, v.due_on, v.done_on, v.visitor, v.result,
                                   v.satisfaction)
                   for v in ReturnVisit.live().where(ReturnVisit.petition == p.id)
                   .order_by(ReturnVisit.due_on))
    village = Village.get_by_id(p.village_id).name if p.village_id else ""
    compound = Compound.get_by_id(p.compound_id).name if p.compound_id else ""
    case = Case.get_live(p.case_id) if p.case_id else None
    received = p.received_at.date()
    open_assignments = any(a.result_on is None for a in assignments)
    steps = rules.next_steps(p.status, p.route, has_open_assignments=open_assignments,
                             has_case=case is not None,
                             return_visit_due=any(v.done_on is None for v in visits))
    printed = tuple(
        f"{d.at:%Y-%m-%d %H:%M} {d.title} "
        + (f"打印{d.copies}份" if d.action == "print" else "保存为PDF") + f" {d.user_name}"
        for d in PetitionDocument.live().where(PetitionDocument.petition == p.id)
        .order_by(PetitionDocument.at.desc()))
    return PetitionDetail(
        id=p.id, number=p.number or "", received_at=p.received_at, channel=p.channel,
        channel_label=rules.CHANNELS.get(p.channel, p.channel), received_by=p.received_by,
        person_name=p.person_name, person_gender=p.person_gender,
        person_id_number=mask_id_number(p.person_id_number) if p.person_id_number else "",
        person_phone=mask_phone(p.person_phone) if p.person_phone else "",
        person_address=p.person_address, village=village, compound=compound,
        category=p.category, content=p.content, respondent=p.respondent,
        people_involved=p.people_involved,
        representatives=tuple(json.loads(p.representatives or "[]")), status=p.status,
        status_label=rules.STATUSES.get(p.status, p.status), route=p.route,
        route_label=rules.ROUTES.get(p.route, p.route), assessment=p.assessment,
        risk_level=p.risk_level, assessed_on=p.assessed_on, assessed_by=p.assessed_by,
        forward_due=rules.forward_due(received), handle_due=rules.handle_due(received),
        answer=p.answer, answer_method=p.answer_method, answered_on=p.answered_on,
        answered_by=p.answered_by, decision=p.decision, facts_reasons=p.facts_reasons,
        legal_basis=p.legal_basis, satisfaction=p.satisfaction, closed_on=p.closed_on,
        case_id=case.id if case else None, case_number=(case.number or "") if case else "",
        assignments=tuple(assignments), meetings=meetings, return_visits=visits,
        next_steps=steps,
        earlier=tuple(earlier_of(p.person_id_number, p.person_name, p.person_phone, p.id)),
        printed=printed)
