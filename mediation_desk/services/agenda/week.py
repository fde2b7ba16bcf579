"""本周安排 and the reminders at start: the next seven days of sessions, follow-up visits,
patrols, judicial-confirmation windows and mediation deadlines — the user's own ("mine") or the
whole room's.

Why a list of dated lines rather than 工作台's sections: a mediator plans a week by day (周二
下午调解, 周四排查), so the lines come in date and time order, each saying what it is. "Mine":
the cases where the user is a mediator (services/cases/mine.py), a follow-up the user is to
make, and a patrol whose team names the user.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TypeVar

import peewee

from mediation_desk import clock
from mediation_desk.domain.deadlines import confirmation_deadline
from mediation_desk.domain.lifecycle import OPEN_STATUSES
from mediation_desk.services.cases.mine import my_cases, my_mediators
from mediation_desk.services.exchange.review import under_review
from mediation_desk.services.patrols.service import PatrolService
from mediation_desk.services.patrols.types import Occurrence
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.database import Store
from mediation_desk.store.models import Agreement, Appointment, Case, FollowUp

M = TypeVar("M", bound=peewee.Model)
WEEK_DAYS = 7
#: Lines of one day in this order when they share a time (or have none).
KIND_ORDER = ("session", "patrol", "followup", "confirmation", "deadline")
KIND_LABELS = {"session": "约谈", "patrol": "排查", "followup": "回访",
               "confirmation": "司法确认", "deadline": "调解期限"}
#: A session says what it is for: 调解 (a mediation session), 调查, 回访 (a visit booked).
SESSION_LABELS = {"mediation": "调解", "investigation": "调查", "followup": "回访"}
#: Patrols already held, zero-reported or cancelled are not on the week's list.
PATROL_MARKS_SHOWN = frozenset({"due", "upcoming", "missed"})


@dataclass(frozen=True)
class WeekItem:
    """One line of the week: the day (and time), what it is, and which case or patrol."""

    on: date
    time: str  # "15:00", or "" for a whole-day item (a deadline, a follow-up)
    kind: str  # session | patrol | followup | confirmation | deadline
    case_id: str
    number: str
    title: str  # the case's title, or the patrol plan's
    text: str
    ref_id: str = ""
    occurrence: Occurrence | None = None  # a patrol's, to open its visit form
    label: str = ""  # what it is, in a word or two (调解, 回访, 排查, 调解期限…)

    @property
    def kind_label(self) -> str:
        return self.label or KIND_LABELS[self.kind]

    def sort_key(self) -> tuple[date, str, int]:
        return self.on, self.time or "99:99", KIND_ORDER.index(self.kind)


class WeekService:
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor

    def week(self, today: date | None = None, *, mine: bool = False,
             days: int = WEEK_DAYS) -> list[WeekItem]:
        """The lines of ``today`` and the ``days - 1`` days after it, in date and time
        order."""
        start = today or clock.today()
        end = start + timedelta(days=days - 1)
        items = (self._sessions(start, end, mine) + self._followups(start, end, mine)
                 + self._patrols(start, end, mine) + self._confirmations(start, end, mine)
                 + self._deadlines(start, end, mine))
        return sorted(items, key=WeekItem.sort_key)

    def mediates(self) -> bool:
        """Whether the user is a mediator of the room (so "mine" is the sensible default):
        a director or administrator who mediates nothing sees the whole room."""
        return bool(my_mediators(self.actor).exists())

    def reminders(self, today: date | None = None, *, mine: bool = True) -> list[WeekItem]:
        """What falls due today and tomorrow: the list shown at start."""
        return self.week(today, mine=mine, days=2)

    # -- each kind ------------------------------------------------------------------------------
    def _mine(self, query: peewee.ModelSelect[M], mine: bool) -> peewee.ModelSelect[M]:
        return query.where(Case.id.in_(my_cases(self.actor))) if mine else query

    def _sessions(self, start: date, end: date, mine: bool) -> list[WeekItem]:
        first = datetime.combine(start, datetime.min.time())
        query = (Appointment.select(Appointment, Case).join(Case)
                 .where(Appointment.deleted_at.is_null(), Appointment.done == False,  # noqa: E712
                        Appointment.at >= first, Appointment.at < first + timedelta(
                            days=(end - start).days + 1), Case.deleted_at.is_null()))
        return [WeekItem(ap.at.date(), f"{ap.at:%H:%M}", "session", ap.case.id,
                         ap.case.number or "", ap.case.title,
                         "　".join(p for p in (ap.place, ap.note) if p), ap.id,
                         label=SESSION_LABELS.get(ap.kind, KIND_LABELS["session"]))
                for ap in self._mine(query, mine)]

    def _followups(self, start: date, end: date, mine: bool) -> list[WeekItem]:
        query = (FollowUp.select(FollowUp, Case).join(Case)
                 .where(FollowUp.deleted_at.is_null(), FollowUp.done_on.is_null(),
                        FollowUp.due_on.between(start, end), Case.deleted_at.is_null()))
        if mine:  # my case's follow-up, or one I was named to make
            query = query.where(Case.id.in_(my_cases(self.actor))
                                | (FollowUp.visitor == self.actor.name))
        return [WeekItem(fu.due_on, "", "followup", fu.case.id, fu.case.number or "",
                         fu.case.title, f"回访人：{fu.visitor}" if fu.visitor else "",
                         fu.id) for fu in query]

    def _patrols(self, start: date, end: date, mine: bool) -> list[WeekItem]:
        found = []
        for o in PatrolService(self.store, self.actor).schedule(start, end, start):
            if o.mark not in PATROL_MARKS_SHOWN or (mine and self.actor.name not in o.team):
                continue
            team = "、".join(o.team)
            found.append(WeekItem(o.on, o.time, "patrol", "", "", o.plan_title,
                                  "　".join(p for p in ("、".join(o.villages), team) if p),
                                  f"{o.plan_id}|{o.key.isoformat()}|{o.extra_id}", o))
        return found

    def _confirmations(self, start: date, end: date, mine: bool) -> list[WeekItem]:
        # The window is 30 days from the agreement's effect: those ending this week began
        # 30 days before it.
        query = (Agreement.select(Agreement, Case).join(Case)
                 .where(Agreement.deleted_at.is_null(), Agreement.form == "written",
                        Agreement.effective_on.between(start - timedelta(days=31), end),
                        Agreement.identity_relation == False,  # noqa: E712
                        Agreement.ownership_confirmation == False,  # noqa: E712
                        Case.status.in_(["agreed", "following_up"]),
                        Case.deleted_at.is_null()))
        found = []
        for ag in self._mine(query, mine):
            last = confirmation_deadline(ag.effective_on)
            if start <= last <= end:
                found.append(WeekItem(last, "", "confirmation", ag.case.id,
                                      ag.case.number or "", ag.case.title,
                                      "申请的最后一天", ag.id))
        return found

    def _deadlines(self, start: date, end: date, mine: bool) -> list[WeekItem]:
        query = Case.live().where(Case.status.in_([s.value for s in OPEN_STATUSES]),
                                  Case.deadline_on.between(start, end),
                                  Case.id.not_in(under_review()))
        return [WeekItem(c.deadline_on, "", "deadline", c.id, c.number or "", c.title,
                         "最后一天") for c in self._mine(query, mine)]
