"""本周安排 and the reminders at start (issue 16, item 3): the next seven days of sessions,
follow-ups, patrols, confirmation windows and mediation deadlines, the user's own or the whole
room's — on a real register with the program's clock pinned to days that cross a month, a
year and 29 February."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from mediation_desk import clock
from mediation_desk.domain.lifecycle import Step
from mediation_desk.services.agenda.week import WeekItem, WeekService
from mediation_desk.services.cases.casework import CaseworkService
from mediation_desk.services.cases.drafts import (
    AgreementDraft,
    MediatorDraft,
    RecordDraft,
    TermDraft,
)
from mediation_desk.services.cases.intake import IntakeService
from mediation_desk.services.cases.register import CaseFilter, RegisterService
from mediation_desk.services.patrols.service import PatrolService
from mediation_desk.services.patrols.types import PlanDraft, TeamMember
from mediation_desk.services.shared.actor import Actor
from tests.conftest import SUITE_NOW, Register, neighbour_draft
from tests.days import moment

#: The suite's Monday, the year's last week, and the week over 29 February 2028.
TODAYS = (SUITE_NOW.date(), date(2026, 12, 29), date(2028, 2, 26))


def lin() -> Actor:
    """林春梅, a mediator whose account is known by her name."""
    return Actor("no-such-account", "lin", "mediator", "林春梅")


class Week:
    """A room's week: 林春梅's case and the others', built relative to ``today``."""

    def __init__(self, register: Register, today: date) -> None:
        intake = IntakeService(register.store, register.actor)
        work = CaseworkService(register.store, register.actor)
        self.today = today
        # Hers: received 25 days ago (the period ends in 5 days), a session tomorrow.
        self.mine = intake.register(neighbour_draft(
            received_on=today - timedelta(days=25))).cases[0]
        work.schedule_session(self.mine.case_id, datetime.combine(today + timedelta(1),
                                                                  time(15, 0)),
                              place="湖二村村委会")
        # Someone else's: an agreement 27 days old (its confirmation window closes in 3 days),
        # a follow-up in 2 days that she was asked to make, a session in 6 days and one in 7.
        others = [MediatorDraft("王大山", "lead"), MediatorDraft("陈志强", "recorder")]
        self.other = intake.register(neighbour_draft(
            received_on=today - timedelta(days=28), mediators=others,
            summary="双方因院墙修复费用发生争执。")).cases[0]
        agreed_on = today - timedelta(days=27)
        work.take_step(self.other.case_id, Step.NOTIFY_RIGHTS)
        work.add_record(self.other.case_id, RecordDraft(
            "mediation", datetime.combine(agreed_on, time(9, 0)), body="双方陈述。"))
        work.record_agreement(self.other.case_id, AgreementDraft(
            reached_on=agreed_on, facts="院墙", terms=[TermDraft(
                "李明修复院墙", obligor="李明", obligee="张喆", due_on=today + timedelta(20))]))
        work.schedule_followup(self.other.case_id, today + timedelta(days=2), visitor="林春梅")
        work.schedule_session(self.other.case_id, datetime.combine(today + timedelta(6),
                                                                   time(10, 0)))
        work.schedule_session(self.other.case_id, datetime.combine(today + timedelta(7),
                                                                   time(10, 0)))
        # A third, recused: she stepped aside, so it is not hers.
        self.recused = intake.register(neighbour_draft(
            received_on=today - timedelta(days=26), summary="两家因排水沟发生争执。",
            mediators=[MediatorDraft("王大山", "lead"),
                       MediatorDraft("林春梅", "member", recused=True)])).cases[0]
        # Patrols: hers every 4 days from today, another team's on day 3.
        patrols = PatrolService(register.store, register.actor)
        patrols.add_plan(PlanDraft(
            title="湖二村定期排查", villages=["湖二村"],
            team=[TeamMember("林春梅", "lead"), TeamMember("陈志强")], starts_on=today,
            until=None, time="09:00", duration_minutes=120, rule="FREQ=DAILY;INTERVAL=4"))
        patrols.add_plan(PlanDraft(
            title="美溪村专项排查", villages=["美溪村"], team=[TeamMember("王大山", "lead")],
            starts_on=today + timedelta(days=3), until=today + timedelta(days=3),
            time="14:30", duration_minutes=120, rule="FREQ=DAILY"))


def _lines(items: list[WeekItem]) -> list[tuple[int, str, str, str]]:
    start = items[0].on if items else date.min
    return [((i.on - start).days, i.time, i.kind, i.number or i.title) for i in items]


@pytest.mark.parametrize("today", TODAYS, ids=lambda d: d.isoformat())
def test_the_week_for_me_and_for_the_room(register: Register, today: date) -> None:
    with clock.travelled(moment(today)):
        week = Week(register, today)
        room = WeekService(register.store, register.actor).week()
        hers = WeekService(register.store, lin()).week(mine=True)
    mine, other = week.mine.number, week.other.number
    plan = "湖二村定期排查"
    assert room[0].on == today and room[-1].on <= today + timedelta(days=6)
    assert [(d, t, k, n) for d, t, k, n in _lines(room) if n != week.recused.number] == [
        (0, "09:00", "patrol", plan),
        (1, "15:00", "session", mine),
        (2, "", "followup", other),
        (3, "14:30", "patrol", "美溪村专项排查"),
        (3, "", "confirmation", other),
        (4, "09:00", "patrol", plan),
        (5, "", "deadline", mine),
        (6, "10:00", "session", other),
    ]
    # Hers: her case, the follow-up she is to make, her team's patrols; not 王大山's.
    assert _lines(hers) == [
        (0, "09:00", "patrol", plan),
        (1, "15:00", "session", mine),
        (2, "", "followup", other),
        (4, "09:00", "patrol", plan),
        (5, "", "deadline", mine),
    ]
    session = hers[1]
    assert session.on == today + timedelta(days=1) and "湖二村村委会" in session.text
    assert session.case_id == week.mine.case_id and session.kind_label == "调解"
    patrol = hers[0]
    assert patrol.occurrence is not None and "湖二村" in patrol.text and "林春梅" in patrol.text
    assert (4, "", "deadline", week.recused.number) in _lines(room)
    confirmation = next(i for i in room if i.kind == "confirmation")
    assert confirmation.on == today + timedelta(days=3)  # 30 days from the agreement


def test_reminders_are_today_and_tomorrow(register: Register) -> None:
    today = SUITE_NOW.date()
    week = Week(register, today)
    hers = WeekService(register.store, lin())
    assert [(i.kind, i.on) for i in hers.reminders()] == [
        ("patrol", today), ("session", today + timedelta(days=1))]
    # A day later the follow-up falls due tomorrow; the session is today.
    with clock.travelled(moment(today + timedelta(days=1))):
        assert [i.kind for i in hers.reminders()] == ["session", "followup"]
    assert week.mine.number in {i.number for i in hers.reminders()}


def test_mine_on_the_register(register: Register) -> None:
    week = Week(register, SUITE_NOW.date())
    hers = RegisterService(register.store, lin())
    numbers = {r["number"] for r in hers.list_summaries(CaseFilter(mine=True))}
    assert week.mine.number in numbers and week.other.number not in numbers
    # The administrator mediates nothing: 我的 is empty for them, everything without it.
    admin = RegisterService(register.store, register.actor)
    assert admin.list_summaries(CaseFilter(mine=True)) == []
    assert len(admin.list_summaries()) == 3
