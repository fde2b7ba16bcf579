"""The window's idea of today follows the program's clock (issue 10): 工作台 and the 排查
page on month ends, 29 February, the year's end, Chinese New Year and a laptop clock years
off — and, when the clock moves on to the next day, 工作台 and the calendar move with it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from pytestqt.qtbot import QtBot

from mediation_desk import clock
from mediation_desk.services.patrols.service import PlanDraft, TeamMember
from tests.conftest import neighbour_draft
from tests.days import day_id, moment
from ui.context import AppContext
from ui.views.patrol.month_calendar import TODAY_ROLE
from ui.views.patrol.patrol_view import PatrolView
from ui.views.today_view import TodayView

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

DAYS = (date(2026, 12, 31), date(2027, 2, 6), date(2027, 2, 28), date(2028, 2, 28),
        date(2028, 2, 29), date(2019, 6, 30), date(2035, 11, 30))


def _long(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _today_cell(view: PatrolView) -> date:
    model = view.calendar.month_model
    marked = [model.day_of(model.index(r, c)) for r in range(model.rowCount())
              for c in range(model.columnCount()) if model.index(r, c).data(TODAY_ROLE)]
    assert len(marked) == 1
    return marked[0]


@pytest.mark.parametrize("today", DAYS, ids=day_id)
def test_the_window_follows_the_clock_into_the_next_day(ctx: AppContext, qtbot: QtBot,
                                                        today: date) -> None:
    tomorrow = today + timedelta(days=1)
    with clock.travelled(moment(today)):
        case = ctx.intake.register(neighbour_draft(
            received_on=today - timedelta(days=30))).cases[0]
        ctx.patrols.add_plan(PlanDraft(
            title="湖二村每日排查", villages=["湖二村"], team=[TeamMember("林春梅", "lead")],
            starts_on=today, until=None, time="09:00",
            duration_minutes=120, rule="FREQ=DAILY"))
        agenda = TodayView(ctx)
        patrols = PatrolView(ctx)
        for view in (agenda, patrols):
            qtbot.addWidget(view)
            view.resize(1248, 690)
            view.show()
        assert _long(today) in agenda.greeting_label.text()
        [line] = agenda.items("deadlines")
        assert (line.text(0), line.text(2)) == (case.number, "今天到期")
        assert [i.text(1) for i in agenda.items("patrols_today")] == ["湖二村每日排查"]
        assert patrols.month_label.text() == f"{today.year}年{today.month}月"
        assert _today_cell(patrols) == today
        assert patrols.selected() is not None and patrols.selected().on == today

    with clock.travelled(moment(tomorrow)):  # the window stayed open overnight
        agenda.hide()
        agenda.show()  # shown again: 工作台 notices the new day
        assert _long(tomorrow) in agenda.greeting_label.text()
        [line] = agenda.items("deadlines")
        assert line.text(2) == "已超过调解期限1天"
        assert [i.text(1) for i in agenda.items("patrols_overdue")] == ["湖二村每日排查"]
        patrols.go_today()
        assert patrols.month_label.text() == f"{tomorrow.year}年{tomorrow.month}月"
        assert _today_cell(patrols) == tomorrow
