"""导入待核对 in the window: one line on 工作台 that opens the register's list, the case's
banner, and the dialog that checks a case — never the imported cases as overdue lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mediation_desk import clock
from mediation_desk.services.cases.intake import IntakeService
from mediation_desk.services.exchange.importer import import_cases
from tests.services.exchange.registers import township_register
from tests.ui.conftest import save_shot, type_text
from ui.context import AppContext
from ui.dialogs.cases.review_dialog import ReviewDialog
from ui.fonts import apply_ui_font
from ui.main_window import PAGE_CASES, PAGE_TODAY, MainWindow
from ui.views.cases.case_view import CaseView

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _import(ctx: AppContext, tmp_path: Path) -> None:
    path, _ = township_register(tmp_path, recent=False)  # every row from 2024: any day
    import_cases(IntakeService(ctx.store, ctx.actor), path, clock.today())


@pytest.fixture
def window(ctx: AppContext, qtbot: QtBot, tmp_path: Path) -> MainWindow:
    _import(ctx, tmp_path)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_today_shows_one_line_that_opens_the_list(window: MainWindow, qtbot: QtBot) -> None:
    today = window.today_view
    assert today.items("deadlines") == []  # 2024 rows are not overdue live work
    (line,) = today.items("imports")
    assert line.text(1) == "2 件导入案件待核对"
    assert today.section_items["imports"].text(0) == "导入待核对（1）"
    save_shot(window, "import_review_today")
    today.activate(line)
    assert window.stack.currentIndex() == PAGE_CASES
    register = window.register_view
    assert register.review_box.isChecked() and register.model.rowCount() == 2
    days_left = next(c for c, (key, _) in enumerate(register.model._columns)
                     if key == "days_left")
    assert {register.model.index(r, days_left).data() for r in range(2)} == {"待核对"}
    save_shot(window, "import_review_register")
    register.review_box.setChecked(False)
    register.overdue_box.setChecked(True)
    assert register.model.rowCount() == 0


def test_the_case_banner_and_the_check(window: MainWindow, ctx: AppContext,
                                       qtbot: QtBot) -> None:
    case_id = ctx.import_review.pending()[0].case_id
    view = window.open_case(case_id)
    assert isinstance(view, CaseView)
    QApplication.processEvents()
    assert view.review_bar.isVisible()
    assert "调解期限（2024-08-07）已过" in view.review_label.text()
    assert view.deadline_label.text().endswith("导入待核对")
    save_shot(window, "import_review_case")

    dialog = ReviewDialog(ctx, view.detail, view)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.closed_edit.isEnabled()
    dialog.ending_box.setCurrentIndex(dialog.ending_box.findData("success"))
    assert dialog.closed_edit.isEnabled()
    dialog.closed_edit.setDate(QDate(2024, 8, 30))
    type_text(dialog.note_edit, "查阅纸质卷宗")
    save_shot(dialog, "import_review_dialog")
    dialog.accept()  # no agreement: refused inline, nothing written
    assert dialog.ending_error.text() == "调解成功须先记录调解协议"
    dialog.ending_box.setCurrentIndex(dialog.ending_box.findData("failure"))
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    QApplication.processEvents()
    assert not view.review_bar.isVisible()
    assert view.detail is not None and view.detail.status_label == "已结案"
    window.show_page(PAGE_TODAY)  # 工作台 reloads when shown again
    assert [i.text(1) for i in window.today_view.items("imports")] == ["1 件导入案件待核对"]


def test_the_screens_fit_at_150_percent(window: MainWindow, ctx: AppContext, qtbot: QtBot,
                                        qapp: QApplication) -> None:
    apply_ui_font(qapp, 1.5)
    try:
        qtbot.wait(100)
        # The pages beside the navigation column (1366 less 118 px): the window's own
        # minimum also counts the status bar's register path, which is the test's tmp path.
        room = 1366 - window.nav.width()
        window.today_view.activate(window.today_view.items("imports")[0])
        qtbot.wait(100)
        save_shot(window, "import_review_register_150")
        assert window.register_view.minimumSizeHint().width() <= room
        view = window.open_case(ctx.import_review.pending()[0].case_id)
        qtbot.wait(100)
        save_shot(window, "import_review_case_150")
        assert view.minimumSizeHint().width() <= room
        assert view.review_bar.isVisible()
        dialog = ReviewDialog(ctx, view.detail, view)  # type: ignore[arg-type]
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.wait(50)
        hint = dialog.minimumSizeHint()
        assert hint.width() <= 1366 and hint.height() <= 768
        save_shot(dialog, "import_review_dialog_150")
    finally:
        apply_ui_font(qapp, 1.0)
