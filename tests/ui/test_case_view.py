"""The case view walked through its real widgets on a real encrypted register.

Dialogs are never exec()'d: ``drive`` replaces a dialog class's ``exec`` so that the view's own
button builds the real dialog, the test fills its widgets (Chinese typed as an input method
commits it) and presses OK, and the dialog's own ``accept`` validates and calls the service.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDate
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from mediation_desk import clock
from mediation_desk.domain.lifecycle import Step
from mediation_desk.services.shared.actor import Actor
from tests.conftest import neighbour_draft
from tests.ui.conftest import save_shot, type_text
from ui import dates
from ui.context import AppContext
from ui.dialogs.cases.agreement_dialog import AgreementDialog
from ui.dialogs.cases.extend_dialog import ExtendDialog
from ui.dialogs.cases.followup_dialogs import RecordFollowupDialog, ScheduleFollowupDialog
from ui.dialogs.cases.party_dialog import PartyDialog
from ui.dialogs.cases.record_dialog import RecordDialog
from ui.dialogs.cases.session_dialog import SessionDialog
from ui.dialogs.reason_dialog import ReasonDialog
from ui.views.cases.case_view import (
    TAB_AGREEMENT,
    TAB_FOLLOWUPS,
    TAB_HISTORY,
    TAB_OVERVIEW,
    TAB_PARTIES,
    TAB_RECORDS,
    CaseView,
)
from ui.views.cases.tabs.overview_tab import RECORD_FOLLOWUP
from ui.views.cases.tabs.records_tab import COL_MARKS

# The offscreen platform cannot propagate size hints of shown dialogs; harmless there.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

VIEW_SIZE = (1240, 650)  # what a case tab gets inside the 1366×768 main window
TAB_NAMES = {TAB_OVERVIEW: "overview", TAB_PARTIES: "parties", TAB_RECORDS: "records",
             TAB_AGREEMENT: "agreement", TAB_FOLLOWUPS: "followups", TAB_HISTORY: "history"}


def drive(monkeypatch: pytest.MonkeyPatch, cls: type[QDialog],
          fill: Callable[[Any], None]) -> list[Any]:
    """Make ``cls.exec`` fill the dialog and press OK; returns the dialogs that were opened."""
    opened: list[Any] = []

    def fake_exec(self: Any) -> int:
        opened.append(self)
        self.show()
        fill(self)
        self.ok_button.click()
        result = self.result()
        self.hide()
        return int(result)

    monkeypatch.setattr(cls, "exec", fake_exec)
    return opened


def status(ctx: AppContext, case_id: str) -> str:
    return ctx.case_detail.load(case_id).status.value


@pytest.fixture
def view(ctx: AppContext, qtbot: QtBot) -> CaseView:
    case_id = ctx.intake.register(neighbour_draft()).cases[0].case_id
    case_view = CaseView(ctx, case_id)
    qtbot.addWidget(case_view)
    case_view.resize(*VIEW_SIZE)
    case_view.show()
    return case_view


def shot(widget: QWidget, name: str) -> None:
    """Let pending layout and deletions happen (as the event loop would), then save."""
    QTest.qWait(20)
    save_shot(widget, name)


def shoot_tabs(view: CaseView, prefix: str) -> None:
    for index, name in TAB_NAMES.items():
        view.tabs.setCurrentIndex(index)
        shot(view, f"{prefix}_{name}")
    view.tabs.setCurrentIndex(TAB_OVERVIEW)


def click_step(view: CaseView, key: str) -> None:
    assert key in view.overview.step_buttons, list(view.overview.step_buttons)
    view.overview.step_buttons[key].click()


def test_whole_life_through_the_window(view: CaseView, ctx: AppContext,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    case_id = view.case_id
    assert view.short_title() and "张喆" in view.title_label.text()
    assert view.status_label.text() == "已登记"
    assert view.overview.default_step() is view.overview.step_buttons[Step.NOTIFY_RIGHTS]
    shot(view, "case_registered_overview")

    click_step(view, Step.NOTIFY_RIGHTS)
    assert status(ctx, case_id) == "notified"
    assert view.status_label.text() == "已告知权利义务"

    def session(dialog: RecordDialog) -> None:
        assert dialog.kind() == "mediation"
        assert "张喆" in dialog.participants_edit.text()
        type_text(dialog.body_edit, "申请人张喆陈述：屋檐滴水落入院内，院墙受损。")
        dialog.template_box.setCurrentIndex(1)  # 善德调解
        dialog.insert_button.click()
        type_text(dialog.participants_edit, "、村老人会会长")
        shot(dialog, "record_dialog")

    drive(monkeypatch, RecordDialog, session)
    click_step(view, Step.MEDIATE)
    assert status(ctx, case_id) == "mediating"
    assert view.records_tab.table.rowCount() == 1
    body = ctx.case_detail.load(case_id).records[0].body
    assert "以德立政、以和动人" in body and "张喆陈述" in body

    def agreement(dialog: AgreementDialog) -> None:
        assert "未写明义务人" in dialog.warning_label.text()  # the empty first row
        first = dialog.terms.rows[0]
        type_text(first.text, "李明于2026年12月20日前将屋檐排水改向自家院内")
        first.obligor.setCurrentIndex(first.obligor.findData("李明"))
        first.due.setDate(QDate(2026, 12, 20))
        dialog.add_button.click()
        second = dialog.terms.rows[1]
        type_text(second.text, "李明赔偿张喆院墙修复费用")
        second.obligor.setCurrentIndex(second.obligor.findData("李明"))
        second.obligee.setCurrentIndex(second.obligee.findData("张喆"))
        second.amount.setText("1500")
        second.due.setDate(dates.today())
        second.method.setText("现金")
        assert second.capital.text() == "壹仟伍佰元整"
        type_text(dialog.issues_edit, "屋檐排水及院墙修复费用")
        assert dialog.warning_label.isHidden(), dialog.warning_label.text()
        dialog.resize(1180, 680)
        shot(dialog, "agreement_dialog")

    drive(monkeypatch, AgreementDialog, agreement)
    click_step(view, Step.AGREE)
    assert status(ctx, case_id) == "agreed"
    detail = ctx.case_detail.load(case_id)
    assert detail.agreement is not None and len(detail.agreement.terms) == 2
    assert view.agreement_tab.terms.rowCount() == 2
    assert view.agreement_tab.terms.item(1, 4).text() == "壹仟伍佰元整"
    assert ctx.autosave.pending("agreement", case_ref=case_id) == []

    def schedule(dialog: ScheduleFollowupDialog) -> None:
        dialog.due_edit.setDate(dates.today().addDays(7))

    drive(monkeypatch, ScheduleFollowupDialog, schedule)
    click_step(view, Step.FOLLOW_UP)
    assert status(ctx, case_id) == "agreed"
    assert len(ctx.case_detail.load(case_id).followups) == 1
    assert view.overview.default_step() is view.overview.step_buttons[RECORD_FOLLOWUP]
    assert view.followups_tab.visits.rowCount() == 1
    shoot_tabs(view, "case_agreed")

    def visit(dialog: RecordFollowupDialog) -> None:
        dialog.set_term_performance(0, "done")
        dialog.set_term_performance(1, "done")
        assert dialog.performance_box.currentData() == "done"
        type_text(dialog.body_edit, "回访张喆：排水已改建，修复费已付清，双方满意。")
        shot(dialog, "followup_record_dialog")

    drive(monkeypatch, RecordFollowupDialog, visit)
    click_step(view, RECORD_FOLLOWUP)
    assert status(ctx, case_id) == "following_up"
    detail = ctx.case_detail.load(case_id)
    assert detail.agreement is not None
    assert [t.performance for t in detail.agreement.terms] == ["done", "done"]
    assert detail.followups[0].done_on == clock.today()

    click_step(view, Step.CLOSE)
    assert status(ctx, case_id) == "closed"
    assert list(view.overview.step_buttons) == [Step.ARCHIVE]
    shoot_tabs(view, "case_closed")


def test_refusal_needs_a_reason(view: CaseView, ctx: AppContext,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = ReasonDialog(ctx, view.case_id, Step.REFUSE, view)
    dialog.ok_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.reason_error.isVisibleTo(dialog) and dialog.reason_error.text()
    assert status(ctx, view.case_id) == "registered"

    def reason(d: ReasonDialog) -> None:
        type_text(d.reason_edit, "被申请人李明明确表示拒绝调解，要求通过诉讼解决")
        shot(d, "reason_dialog")

    drive(monkeypatch, ReasonDialog, reason)
    click_step(view, Step.REFUSE)
    detail = ctx.case_detail.load(view.case_id)
    assert detail.status.value == "refused" and "拒绝调解" in detail.refusal_reason
    assert view.overview.values["refusal"].text() == detail.refusal_reason
    assert list(view.overview.step_buttons) == [Step.CLOSE]


def test_termination_with_reason(view: CaseView, ctx: AppContext,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    click_step(view, Step.NOTIFY_RIGHTS)

    def reason(d: ReasonDialog) -> None:
        d.routes_button.click()
        assert "仲裁、行政、司法" in d.reason()

    drive(monkeypatch, ReasonDialog, reason)
    click_step(view, Step.TERMINATE)
    detail = ctx.case_detail.load(view.case_id)
    assert detail.status.value == "terminated"
    assert "湖头镇人民调解委员会决定终止调解" in detail.termination_reason
    assert view.status_label.text() == "已终止调解"


def test_extension_needs_consent(view: CaseView, ctx: AppContext,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    before = ctx.case_detail.load(view.case_id).deadline_on
    dialog = ExtendDialog(ctx, view.case_id, before, view)
    dialog.days_box.setValue(10)
    dialog.ok_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.consent_error.text()
    assert ctx.case_detail.load(view.case_id).deadline_on == before

    def consent(d: ExtendDialog) -> None:
        d.days_box.setValue(10)
        type_text(d.consent_edit, "双方当事人当面同意延长10天")

    drive(monkeypatch, ExtendDialog, consent)
    click_step(view, Step.EXTEND)
    after = ctx.case_detail.load(view.case_id)
    assert after.deadline_on == before + timedelta(days=10) and after.extension_days == 10
    assert after.deadline_on.isoformat() in view.deadline_label.text()


def test_service_refusal_is_shown_inline_and_typing_is_kept(view: CaseView,
                                                            ctx: AppContext) -> None:
    detail = ctx.case_detail.load(view.case_id)  # registered: not yet told their rights
    dialog = RecordDialog(ctx, detail, "mediation", view)
    type_text(dialog.body_edit, "调解记录正文")
    dialog.ok_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "不能" in dialog.general_error.text()
    assert dialog.body_edit.toPlainText() == "调解记录正文"
    dialog.drafts.save_now()
    dialog.reject()
    pending = ctx.autosave.pending("record", case_ref=view.case_id)
    assert len(pending) == 1
    again = RecordDialog(ctx, detail, "note", view, draft_id=pending[0].id)
    assert again.body_edit.toPlainText() == "调解记录正文"
    again.kind_box.setCurrentIndex(again.kind_box.findData("note"))
    again.ok_button.click()
    assert again.result() == QDialog.DialogCode.Accepted
    assert ctx.autosave.pending("record", case_ref=view.case_id) == []


def test_private_note_is_marked_and_hidden_from_others(view: CaseView, ctx: AppContext,
                                                       qtbot: QtBot,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    def note(d: RecordDialog) -> None:
        assert d.kind() == "note" and d.private_box.isChecked()
        type_text(d.body_edit, "李明情绪激动，下次请村支书在场")

    drive(monkeypatch, RecordDialog, note)
    view.records_tab.note_button.click()
    table = view.records_tab.table
    assert table.rowCount() == 1 and "私密" in table.item(0, COL_MARKS).text()
    assert "私密" in view.records_tab.text.toPlainText()
    view.tabs.setCurrentIndex(TAB_RECORDS)
    shot(view, "case_records_private")

    account = ctx.accounts.add("chen", "mediator", "password-2", "陈志强")
    other = AppContext.build(ctx.store, Actor(account.id, account.username, account.role,
                                              account.display_name))
    their_view = CaseView(other, view.case_id)
    qtbot.addWidget(their_view)
    assert their_view.records_tab.table.rowCount() == 0


def test_reveal_party_is_audited_in_history(view: CaseView, ctx: AppContext) -> None:
    party = view.parties_tab.parties[0]
    id_column = 4
    assert view.parties_tab.table.item(0, id_column).text() != "11010519491231002X"
    view.parties_tab.reveal_buttons[party.id].click()
    assert view.parties_tab.table.item(0, id_column).text() == "11010519491231002X"
    assert view.parties_tab.table.item(0, 5).text() == "13912345678"
    assert any(line.startswith("查看当事人完整信息") for line in view.history_tab.texts())
    view.tabs.setCurrentIndex(TAB_PARTIES)
    shot(view, "case_parties_revealed")
    view.parties_tab.reveal_buttons[party.id].click()  # hide again
    assert view.parties_tab.table.item(0, id_column).text() == party.id_masked


def test_record_after_closing_is_an_addendum(view: CaseView, ctx: AppContext,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    work = ctx.casework
    work.take_step(view.case_id, Step.NOTIFY_RIGHTS)
    work.take_step(view.case_id, Step.TERMINATE, "双方分歧较大，未能达成协议")
    work.take_step(view.case_id, Step.CLOSE)
    assert view.status_label.text() == "已结案"

    def addendum(d: RecordDialog) -> None:
        assert d.notice.isVisibleTo(d)
        d.kind_box.setCurrentIndex(d.kind_box.findData("investigation"))
        type_text(d.body_edit, "结案后补充：申请人补交院墙修复照片三张。")

    drive(monkeypatch, RecordDialog, addendum)
    view.records_tab.add_button.click()
    assert status(ctx, view.case_id) == "closed"
    table = view.records_tab.table
    assert table.rowCount() == 1 and "补充" in table.item(0, COL_MARKS).text()
    view.tabs.setCurrentIndex(TAB_RECORDS)
    shot(view, "case_records_addendum")


def test_vague_terms_are_warned_on_the_agreement_tab(view: CaseView, ctx: AppContext) -> None:
    ctx.casework.take_step(view.case_id, Step.NOTIFY_RIGHTS)
    dialog = AgreementDialog(ctx, ctx.case_detail.load(view.case_id), view)
    row = dialog.terms.rows[0]
    type_text(row.text, "李明赔偿张喆院墙修复费用")
    row.amount.setText("12,50")  # refused rather than guessed
    dialog.ok_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "义务人" in dialog.warning_label.text() or dialog.terms_error.text()
    assert "金额格式不正确" in dialog.terms_error.text()
    dialog.resize(1180, 680)
    dialog.show()
    shot(dialog, "agreement_dialog_refused")
    row.amount.setText("")
    row.obligor.setCurrentIndex(row.obligor.findData("李明"))
    assert "未写明金额" in dialog.warning_label.text()
    dialog.ok_button.click()  # vague terms are warned about, never refused
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert status(ctx, view.case_id) == "agreed"
    warning = view.agreement_tab.warning_label
    assert warning.isVisibleTo(view.agreement_tab.stack.widget(1))
    assert "未写明金额" in warning.text() and "未写明履行期限" in warning.text()
    view.tabs.setCurrentIndex(TAB_AGREEMENT)
    shot(view, "case_agreement_warnings")


def test_add_party_refuses_a_bad_id_beside_the_field(view: CaseView, ctx: AppContext,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    attempts = []

    def party(d: PartyDialog) -> None:
        type_text(d.name_edit, "王秀㛃")
        d.id_edit.setText("360426199101010072")  # wrong check digit
        d.ok_button.click()
        attempts.append(d.id_error.text())
        shot(d, "party_dialog_refused")
        d.id_edit.setText("120103198806018241")

    drive(monkeypatch, PartyDialog, party)
    view.parties_tab.add_button.click()
    assert attempts and attempts[0]  # the reason, beside the ID field
    names = [p.name for p in ctx.case_detail.load(view.case_id).parties]
    assert names == ["张喆", "李明", "王秀㛃"]
    assert view.parties_tab.table.rowCount() == 3
    assert view.parties_tab.table.item(2, 4).text() != "120103198806018241"  # masked


def test_plan_a_session_and_mark_it_held(view: CaseView, ctx: AppContext,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    def plan(d: SessionDialog) -> None:
        type_text(d.note_edit, "请村老人会会长到场")

    drive(monkeypatch, SessionDialog, plan)
    view.overview.plan_button.click()
    assert len(ctx.case_detail.load(view.case_id).appointments) == 1
    sessions = view.overview.sessions
    assert sessions.count() == 1 and "村老人会会长" in sessions.item(0).text()
    shot(view, "case_session_planned")
    sessions.setCurrentRow(0)
    view.overview.held_button.click()
    assert ctx.case_detail.load(view.case_id).appointments == []
