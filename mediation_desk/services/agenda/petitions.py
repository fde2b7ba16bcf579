"""工作台's visitor-request lines: today's duty (坐班接访) and appointments, assignments past
their deadline with no reply (red), replies due within a few days, requests still to be
forwarded within the 15 days of Arts 22–23, and return visits due.

Each line is an :class:`~mediation_desk.services.agenda.today.AgendaItem` whose ``ref_id``
names what it is about (an assignment, a request, an appointment, a rota);
:attr:`PetitionAgenda.petition_of` says which request each line opens.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from mediation_desk.domain import petitions as rules
from mediation_desk.services.agenda.items import AgendaItem
from mediation_desk.services.petitions.rota import RotaService
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.database import Store
from mediation_desk.store.models import Assignment, Petition, ReturnVisit

#: Requests still waiting to be handed on: registered or assessed, nothing assigned yet.
WAITING = ("registered", "assessed")


@dataclass
class PetitionAgenda:
    duty: list[AgendaItem] = field(default_factory=list)
    visits: list[AgendaItem] = field(default_factory=list)
    overdue: list[AgendaItem] = field(default_factory=list)
    due: list[AgendaItem] = field(default_factory=list)
    #: ref_id of a line → the id of the request it opens
    petition_of: dict[str, str] = field(default_factory=dict)


def _who(p: Petition) -> str:
    return f"{p.person_name}：{p.category}"


def petition_agenda(store: Store, actor: Actor, today: date) -> PetitionAgenda:
    out = PetitionAgenda()
    rota = RotaService(store, actor)
    for day in rota.duty(today, today):
        out.duty.append(AgendaItem(
            "duty", "", f"{day.start_time}–{day.end_time}", day.title,
            "　".join(part for part in ("、".join(day.receivers), day.place) if part), today,
            False, day.rota_id))
    for booked in rota.appointments(today, today):
        if booked.status != "booked":
            continue
        out.visits.append(AgendaItem(
            "visit_appointment", "", f"{booked.at:%H:%M}", booked.person_name,
            "　".join(part for part in (booked.topic, booked.receiver) if part), today, False,
            booked.id))
    soon = today + timedelta(days=rules.REMIND_DAYS)
    query = (Assignment.select(Assignment, Petition).join(Petition)
             .where(Assignment.deleted_at.is_null(), Petition.deleted_at.is_null(),
                    Assignment.result_on.is_null(), Petition.answered_on.is_null(),
                    Petition.status != "closed", Assignment.due_on <= soon)
             .order_by(Assignment.due_on))
    for a in query:
        p = a.petition
        late = rules.is_overdue(a.due_on, today, False)
        text = (f"{a.department}逾期{(today - a.due_on).days}天未回复" if late
                else f"{a.department}应于{a.due_on:%m月%d日}前回复")
        item = AgendaItem("petition_overdue" if late else "petition_due", "", p.number or "",
                          _who(p), text, a.due_on, late, a.id)
        (out.overdue if late else out.due).append(item)
        out.petition_of[a.id] = p.id
    for p in (Petition.live().where(Petition.status.in_(WAITING),
                                    Petition.received_at < datetime.combine(
                                        soon - timedelta(days=rules.FORWARD_DAYS) +
                                        timedelta(days=1), time.min))
              .order_by(Petition.received_at)):
        if Assignment.live().where(Assignment.petition == p.id).exists():
            continue
        due = rules.forward_due(p.received_at.date())
        late = today > due
        text = (f"受理已超过{rules.FORWARD_DAYS}日，尚未转送或告知去向" if late
                else f"应于{due:%m月%d日}前转送、交办或告知去向")
        item = AgendaItem("petition_forward", "", p.number or "", _who(p), text, due, late,
                          p.id)
        (out.overdue if late else out.due).append(item)
        out.petition_of[p.id] = p.id
    for v in (ReturnVisit.select(ReturnVisit, Petition).join(Petition)
              .where(ReturnVisit.deleted_at.is_null(), Petition.deleted_at.is_null(),
                     ReturnVisit.done_on.is_null(), ReturnVisit.due_on <= soon)
              .order_by(ReturnVisit.due_on)):
        p = v.petition
        late = v.due_on < today
        item = AgendaItem("petition_return_visit", "", p.number or "", _who(p),
                          f"不满意的来访人待回访（{v.due_on:%m月%d日}）", v.due_on, late, v.id)
        out.due.append(item)
        out.petition_of[v.id] = p.id
    out.due.sort(key=lambda i: (i.due or today, i.number))
    out.overdue.sort(key=lambda i: (i.due or today, i.number))
    return out
