"""A mediator's whole first day through the real widgets, in one go (issue: the desk window).

Set-up wizard → login → the main window → Ctrl+N registers a case whose applicant has a rare
character typed through an input method → notify rights → a session record → an agreement
with two terms → a follow-up planned and recorded → close. Each step is driven through the
dialog the window opens (``exec`` is replaced so the test can fill it), and checked through the
services.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialog, QWizard
from pytestqt.qtbot import QtBot

from mediation_desk.domain.lifecycle import Step
from tests.ui.conftest import save_shot, type_text
from tests.ui.test_case_view import RECORD_FOLLOWUP, click_step, drive
from tests.ui.test_start import PASSWORD, own_settings, run_wizard  # noqa: F401 (fixture)
from ui import dates
from ui.context import AppContext
from ui.dialogs.cases.agreement_dialog import AgreementDialog
from ui.dialogs.cases.followup_dialogs import RecordFollowupDialog, ScheduleFollowupDialog
from ui.dialogs.cases.intake_dialog import IntakeDialog
from ui.dialogs.cases.record_dialog import RecordDialog
from ui.dialogs.safety.login_dialog import LoginDialog
from ui.main_window import MainWindow
from ui.views.cases.case_view import CaseView

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
RARE_NAME = "王㛃喆"


def _intake(dialog: IntakeDialog, qtbot: QtBot) -> None:
    dialog._inform = lambda title, text: None  # type: ignore[method-assign]
    dialog.case.type_box.setCurrentText("邻里纠纷")
    type_text(dialog.case.village_box.lineEdit(), "湖二村")
    type_text(dialog.case.summary_edit, "申请人与被申请人系前后邻居，因屋檐滴水发生争执。")
    type_text(dialog.case.requests_edit, "被申请人改建屋檐排水")
    grid, editor = dialog.grid, dialog.grid.editor
    grid.select(0)
    type_text(editor.name_edit, RARE_NAME)
    editor.id_edit.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.keyClicks(editor.id_edit, "11010519491231002X")
    grid.select(1)
    type_text(editor.name_edit, "李明")
    editor.id_edit.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.keyClicks(editor.id_edit, "360426199101010071")


def test_first_day(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "room.db"
    wizard = run_wizard(qtbot, path)
    wizard.recovery_page.confirm_box.setChecked(True)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.store is not None
    wizard.store.close()  # the next start logs in

    login = LoginDialog(path)
    qtbot.addWidget(login)
    login.show()
    login.password_edit.setText(PASSWORD)
    login.accept()
    assert login.result() == QDialog.DialogCode.Accepted
    store, actor = login.store, login.actor
    assert store is not None and actor is not None
    ctx = AppContext.build(store, actor)
    try:
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)

        def fake_intake_exec(self: IntakeDialog) -> int:
            self.show()
            _intake(self, qtbot)
            self.accept()
            return int(self.result())

        monkeypatch.setattr(IntakeDialog, "exec", fake_intake_exec)
        window.actions.new_case.trigger()
        view = window.case_tabs.currentWidget()
        assert isinstance(view, CaseView)
        detail = ctx.case_detail.load(view.case_id)
        assert detail.parties[0].name == RARE_NAME
        assert detail.parties[0].birth_date == date(1949, 12, 31)

        click_step(view, Step.NOTIFY_RIGHTS)
        drive(monkeypatch, RecordDialog, lambda d: type_text(
            d.body_edit, f"{RARE_NAME}陈述：屋檐滴水落入院内。调解员释法说理。"))
        click_step(view, Step.MEDIATE)

        def agreement(d: AgreementDialog) -> None:
            first, = d.terms.rows
            type_text(first.text, "李明于2026年12月20日前改建屋檐排水")
            first.obligor.setCurrentIndex(first.obligor.findData("李明"))
            first.due.setDate(QDate(2026, 12, 20))
            d.add_button.click()
            second = d.terms.rows[1]
            type_text(second.text, f"李明赔偿{RARE_NAME}院墙修复费用")
            second.obligor.setCurrentIndex(second.obligor.findData("李明"))
            second.amount.setText("1500")
            second.due.setDate(dates.today())

        drive(monkeypatch, AgreementDialog, agreement)
        click_step(view, Step.AGREE)
        drive(monkeypatch, ScheduleFollowupDialog,
              lambda d: d.due_edit.setDate(dates.today().addDays(7)))
        click_step(view, Step.FOLLOW_UP)

        def visit(d: RecordFollowupDialog) -> None:
            d.set_term_performance(0, "done")
            d.set_term_performance(1, "done")
            type_text(d.body_edit, "回访：排水已改建，修复费已付清。")

        drive(monkeypatch, RecordFollowupDialog, visit)
        click_step(view, RECORD_FOLLOWUP)
        click_step(view, Step.CLOSE)

        detail = ctx.case_detail.load(view.case_id)
        assert detail.status.value == "closed"
        assert detail.agreement is not None and len(detail.agreement.terms) == 2
        assert [t.performance for t in detail.agreement.terms] == ["done", "done"]
        steps = [line.what for line in detail.history]
        for expected in ("受理登记", "告知权利义务", "调解", "达成协议", "回访", "结案"):
            assert any(s.startswith(expected) for s in steps), (expected, steps)
        # The register (another view) heard every change set and shows the closed case.
        window.show_page(1)
        window.case_tabs.setCurrentIndex(0)
        model = window.register_view.model
        assert model.rowCount() == 1 and model.data(model.index(0, 6)) == "已结案"
        QApplication.processEvents()
        save_shot(window, "whole_day_register")
    finally:
        store.close()
