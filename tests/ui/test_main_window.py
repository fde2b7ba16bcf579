"""The whole window: navigation, Ctrl+N, search to case, register Enter to case, 工作台."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mediation_desk import clock
from mediation_desk.services.cases.intake import Registered
from tests.conftest import neighbour_draft
from tests.ui.conftest import save_shot, type_text
from ui.context import AppContext
from ui.dialogs.cases.intake_dialog import IntakeDialog
from ui.main_window import PAGE_CASES, PAGE_SETTINGS, PAGE_TODAY, MainWindow
from ui.views.cases.case_view import CaseView


@pytest.fixture
def window(ctx: AppContext, qtbot: QtBot) -> MainWindow:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_navigation_by_shortcut(window: MainWindow, qtbot: QtBot) -> None:
    assert window.stack.currentIndex() == PAGE_TODAY
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentIndex() == PAGE_SETTINGS
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentIndex() == PAGE_CASES


def test_ctrl_n_registers_and_opens_the_case(window: MainWindow, ctx: AppContext,
                                             qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
                                             ) -> None:
    def fake_ask(parent: object, context: AppContext, draft_id: str | None = None
                 ) -> Registered:
        return context.intake.register(neighbour_draft()).cases[0]

    monkeypatch.setattr(IntakeDialog, "ask", staticmethod(fake_ask))
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    view = window.case_tabs.currentWidget()
    assert isinstance(view, CaseView)
    assert window.stack.currentIndex() == PAGE_CASES
    # The register heard the change set and shows the new case without a manual refresh.
    assert window.register_view.model.rowCount() == 1


def test_search_two_characters_opens_the_case(window: MainWindow, ctx: AppContext,
                                              qtbot: QtBot) -> None:
    case_id = ctx.intake.register(neighbour_draft()).cases[0].case_id
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search_box
    type_text(window.search_box, "张喆")
    found = window.search_box.run_search()
    assert found and found[0].case_id == case_id
    qtbot.keyClick(window.search_box.results, Qt.Key.Key_Return)
    view = window.case_tabs.currentWidget()
    assert isinstance(view, CaseView) and view.case_id == case_id
    # Opening it again reuses the tab.
    window.open_case(case_id)
    assert window.case_tabs.count() == 2


def test_register_enter_opens_case_and_overdue_shows_today(ctx: AppContext, qtbot: QtBot
                                                           ) -> None:
    overdue = ctx.intake.register(neighbour_draft(
        received_on=clock.today() - timedelta(days=40))).cases[0]
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)
    win.today_view.refresh()
    texts = [item.text(0) for item in win.today_view.items("deadlines")]
    assert any(overdue.number in t for t in texts)
    win.show_page(PAGE_CASES)
    table = win.register_view.table
    table.setFocus()
    table.setCurrentIndex(win.register_view.model.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    view = win.case_tabs.currentWidget()
    assert isinstance(view, CaseView) and view.case_id == overdue.case_id
    focused = QApplication.focusWidget() or win
    qtbot.keyClick(focused, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert win.case_tabs.count() == 1


def test_screens_at_1366x768(ctx: AppContext, qtbot: QtBot) -> None:
    """Render each main screen with realistic data for a person to look at."""
    from mediation_desk.services.demo.fill import fill_demo

    fill_demo(ctx.store, ctx.actor, cases=80, seed=3)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    win.today_view.refresh()
    for page, name in ((PAGE_TODAY, "main_today"), (PAGE_CASES, "main_register"),
                       (3, "main_statistics"), (PAGE_SETTINGS, "main_settings")):
        win.show_page(page)
        qtbot.wait(20)
        assert save_shot(win, name).stat().st_size > 10_000
    win.open_case(win.register_view.model.case_id(0) or "")
    qtbot.wait(20)
    save_shot(win, "main_case")
