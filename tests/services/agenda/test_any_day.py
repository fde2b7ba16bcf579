"""工作台 and the case's time limits on any day (issue 10): the 30-day mediation period and
its extension, the 30-day window for judicial confirmation, follow-ups and sessions — counted
through the services on a real register with the program's clock at month ends, leap days,
the year's end, Chinese New Year and on a laptop clock years off."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from mediation_desk import clock
from mediation_desk.domain.lifecycle import Step
from mediation_desk.errors import ValidationError
from mediation_desk.services.agenda.today import Agenda, AgendaItem, TodayService
from mediation_desk.services.cases.casework import CaseworkService
from mediation_desk.services.cases.drafts import AgreementDraft, RecordDraft, TermDraft
from mediation_desk.services.cases.intake import IntakeService
from mediation_desk.store.models import Case
from tests.conftest import Register, neighbour_draft
from tests.days import DAYS, day_id, moment

#: The last day of mediation, counted by hand (Civil Code Art 201: the first day not counted).
KNOWN_DEADLINES = {
    date(2026, 1, 31): date(2026, 3, 2), date(2026, 12, 31): date(2027, 1, 30),
    date(2027, 2, 6): date(2027, 3, 8), date(2028, 1, 26): date(2028, 2, 25),
    date(2028, 2, 29): date(2028, 3, 30), date(2028, 3, 1): date(2028, 3, 31),
    date(2019, 6, 15): date(2019, 7, 15), date(2035, 11, 30): date(2035, 12, 30),
}


def _line(agenda: Agenda, section: str, case_id: str) -> AgendaItem | None:
    found = [i for i in getattr(agenda, section) if i.case_id == case_id]
    assert len(found) <= 1
    return found[0] if found else None


def _agree(work: CaseworkService, case_id: str, today: date) -> None:
    work.take_step(case_id, Step.NOTIFY_RIGHTS)
    work.add_record(case_id, RecordDraft(
        "mediation", datetime.combine(today, time(9, 0)), place="问房调解室",
        participants=["张喆", "李明"], body="双方陈述，调解员释法说理。"))
    work.record_agreement(case_id, AgreementDraft(
        reached_on=today, facts="屋檐滴水", issues="排水", responsibilities="李明改建屋檐",
        terms=[TermDraft("李明于一个月内改建屋檐排水", obligor="李明", obligee="张喆",
                         due_on=today + timedelta(days=30))]))


@pytest.mark.parametrize("today", DAYS, ids=day_id)
def test_the_time_limits_on_any_day(register: Register, today: date) -> None:
    agenda = TodayService(register.store, register.actor).agenda
    with clock.travelled(moment(today)):
        intake = IntakeService(register.store, register.actor)
        work = CaseworkService(register.store, register.actor)
        fresh = intake.register(neighbour_draft(received_on=today)).cases[0].case_id
        late = intake.register(neighbour_draft(
            received_on=today - timedelta(days=29), summary="前后邻居因排水沟发生争执。")
        ).cases[0].case_id
        agreed = intake.register(neighbour_draft(
            received_on=today, summary="双方因院墙修复费用发生争执。")).cases[0].case_id
        _agree(work, agreed, today)
        work.schedule_followup(agreed, today + timedelta(days=3))
        work.schedule_session(fresh, datetime.combine(today, time(15, 0)), place="湖二村村委会")
        with pytest.raises(ValidationError, match="不能晚于"):  # tomorrow is not yet
            intake.register(neighbour_draft(received_on=today + timedelta(days=1)))
        assert agenda().all() == agenda(today).all()  # the clock's today is 工作台's

    deadline = Case.get_by_id(fresh).deadline_on
    assert deadline == KNOWN_DEADLINES.get(today, today + timedelta(days=30))
    assert Case.get_by_id(late).deadline_on == today + timedelta(days=1)
    assert _line(agenda(today), "deadlines", late).text == "距调解期限还有1天"

    def deadline_text(day: date) -> tuple[str, bool] | None:
        line = _line(agenda(day), "deadlines", fresh)
        return (line.text, line.urgent) if line else None

    assert deadline_text(deadline - timedelta(days=6)) is None
    assert deadline_text(deadline - timedelta(days=5)) == ("距调解期限还有5天", False)
    assert deadline_text(deadline) == ("今天到期", False)
    assert deadline_text(deadline + timedelta(days=1)) == ("已超过调解期限1天", True)
    with clock.travelled(moment(today)):
        CaseworkService(register.store, register.actor).extend(fresh, 10, "双方当事人同意延期")
    assert Case.get_by_id(fresh).deadline_on == deadline + timedelta(days=10)
    assert deadline_text(deadline + timedelta(days=1)) is None  # nine days left again
    assert deadline_text(deadline + timedelta(days=10)) == ("今天到期", False)

    window_end = today + timedelta(days=30)  # People's Mediation Law Art 33

    def confirmation(day: date) -> tuple[date | None, bool] | None:
        line = _line(agenda(day), "confirmations", agreed)
        return (line.due, line.urgent) if line else None

    assert confirmation(window_end - timedelta(days=8)) is None
    assert confirmation(window_end - timedelta(days=7)) == (window_end, False)
    assert confirmation(window_end - timedelta(days=2)) == (window_end, True)
    assert confirmation(window_end) == (window_end, True)
    assert confirmation(window_end + timedelta(days=1)) is None

    due = today + timedelta(days=3)
    assert _line(agenda(today), "followups", agreed).text == f"回访日期 {due:%m月%d日}"
    overdue = _line(agenda(due + timedelta(days=1)), "followups", agreed)
    assert (overdue.text, overdue.urgent) == ("回访已逾期1天", True)
    assert [s.text for s in agenda(today).sessions] == ["15:00 湖二村村委会"]
    assert agenda(today + timedelta(days=1)).sessions == []


def test_numbers_follow_the_year_of_receipt_across_new_year(register: Register) -> None:
    """A case received on New Year's Eve and registered the next morning keeps the old
    year's number; the first case received in the new year is number 1 of that year."""
    with clock.travelled(moment(date(2026, 12, 31))):
        intake = IntakeService(register.store, register.actor)
        first = intake.register(neighbour_draft(received_on=date(2026, 12, 31))).cases[0]
    with clock.travelled(moment(date(2027, 1, 1))):
        intake = IntakeService(register.store, register.actor)
        eve = intake.register(neighbour_draft(received_on=date(2026, 12, 31),
                                              summary="除夕夜燃放烟花引发口角。")).cases[0]
        new = intake.register(neighbour_draft(received_on=date(2027, 1, 1))).cases[0]
    assert [first.number, eve.number, new.number] == [
        "（2026）湖头人调字第1号", "（2026）湖头人调字第2号", "（2027）湖头人调字第1号"]
