"""My week (issue 16, item 3): 我的 on the register, 本周安排 on 工作台 for me or the whole
room, and the reminders at start — with the program's clock on a faked today (Wednesday
30 December 2026: the week runs into the next year)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mediation_desk import clock
from mediation_desk.services.safety.accounts import AccountService
from mediation_desk.services.shared.actor import Actor
from tests.conftest import PASSWORD, Register
from tests.days import moment
from tests.services.agenda.test_week import Week
from tests.ui.conftest import save_shot
from ui.context import AppContext
from ui.fonts import apply_ui_font, bundled_ui_font
from ui.main_window import PAGE_CASES, MainWindow
from ui.views.cases.case_view import CaseView
from ui.views.today_view import COL_DUE, COL_NUMBER, COL_TEXT, COL_TITLE, WEEK_SECTION

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
TODAY = date(2026, 12, 30)  # a Wednesday; the week ends on Tuesday 5 January 2027


@pytest.fixture
def faked_today() -> Iterator[date]:
    with clock.travelled(moment(TODAY)):
        yield TODAY


@pytest.fixture
def week(register: Register, faked_today: date) -> Week:
    return Week(register, faked_today)


@pytest.fixture
def lin(register: Register, week: Week) -> AppContext:
    """林春梅 logged in: a mediator with an account of her own."""
    account = AccountService(register.store, register.actor).add(
        "lin", "mediator", PASSWORD, display_name="林春梅")
    return AppContext.build(register.store, Actor(account.id, "lin", "mediator", "林春梅"))


@pytest.fixture(params=[1.0, 1.5], ids=["100%", "150%"])
def text_scale(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[float]:
    before = qapp.font()
    apply_ui_font(qapp, request.param, bundled_ui_font())
    yield float(request.param)
    qapp.setFont(before)


def _window(ctx: AppContext, qtbot: QtBot) -> MainWindow:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1366, 728)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_this_week_on_the_desk_mine_or_the_room(lin: AppContext, week: Week, qtbot: QtBot,
                                                text_scale: float) -> None:
    win = _window(lin, qtbot)
    view = win.today_view
    assert view.week_scope.currentData() is True  # a mediator starts with her own week
    lines = view.items(WEEK_SECTION)
    assert [(line.text(COL_NUMBER) or line.text(COL_TITLE), line.text(COL_DUE))
            for line in lines] == [
        ("湖二村定期排查", "12-30 周三 09:00"),
        (week.mine.number, "12-31 周四 15:00"),
        (week.other.number, "01-01 周五"),  # the follow-up she is to make
        ("湖二村定期排查", "01-03 周日 09:00"),
        (week.mine.number, "01-04 周一"),
    ]
    assert lines[1].text(COL_TEXT) == "调解　湖二村村委会"
    assert lines[2].text(COL_TEXT) == "回访　回访人：林春梅"
    assert lines[4].text(COL_TEXT) == "调解期限　最后一天"
    # The look-ahead is not counted among today's items needing attention.
    assert view.section_items[WEEK_SECTION].text(0).endswith("（5）")
    save_shot(win, f"today_my_week_{round(text_scale * 100)}")

    view.week_scope.setCurrentIndex(view.week_scope.findData(False))  # the whole room
    room = [line.text(COL_NUMBER) or line.text(COL_TITLE) for line in view.items(WEEK_SECTION)]
    assert "美溪村专项排查" in room and week.recused.number in room and len(room) == 9
    # Enter on a case's line opens the case.
    line = next(x for x in view.items(WEEK_SECTION) if x.text(COL_NUMBER) == week.other.number)
    view.tree.setCurrentItem(line)
    qtbot.keyClick(view.tree, Qt.Key.Key_Return)
    opened = win.case_tabs.currentWidget()
    assert isinstance(opened, CaseView) and opened.case_id == week.other.case_id


def test_mine_on_the_register(lin: AppContext, week: Week, qtbot: QtBot) -> None:
    win = _window(lin, qtbot)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)
    win.show_page(PAGE_CASES)
    register = win.register_view
    assert register.model.rowCount() == 3
    qtbot.keyClick(register.table, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(register.mine_box.isChecked, timeout=1000)  # a mnemonic clicks animated
    shown = {register.model.case_id(r) for r in range(register.model.rowCount())}
    assert shown == {week.mine.case_id}  # not the other, not the one she stepped aside from
    assert "1" in register.count_label.text()
    save_shot(win, "register_mine")


def test_reminders_at_start_open_the_case(lin: AppContext, week: Week, qtbot: QtBot,
                                          text_scale: float) -> None:
    win = _window(lin, qtbot)
    dialog = win.show_reminders()
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    lines = dialog.lines()
    assert [(line.text(0), line.text(1) or line.text(2)) for line in lines] == [
        ("今天 09:00", "湖二村定期排查"), ("明天 15:00", week.mine.number)]
    assert dialog.width() <= 1366 and dialog.height() <= 728
    save_shot(dialog, f"reminders_{round(text_scale * 100)}")
    dialog.tree.setFocus()
    dialog.tree.setCurrentItem(lines[1])
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Return)
    opened = win.case_tabs.currentWidget()
    assert isinstance(opened, CaseView) and opened.case_id == week.mine.case_id


def test_no_reminders_when_nothing_falls_due(ctx: AppContext, qtbot: QtBot,
                                             faked_today: date) -> None:
    win = _window(ctx, qtbot)
    assert win.show_reminders() is None
    # The administrator mediates nothing: 本周安排 starts on the whole room.
    assert win.today_view.week_scope.currentData() is False


def test_the_week_moves_with_the_clock(lin: AppContext, week: Week, qtbot: QtBot) -> None:
    win = _window(lin, qtbot)
    with clock.travelled(moment(TODAY + timedelta(days=5))):
        win.today_view.refresh()
        days = [line.text(COL_DUE)[:5] for line in win.today_view.items(WEEK_SECTION)]
    assert days and min(days) >= "01-04" and "12-31" not in days
