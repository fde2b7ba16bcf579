"""受理登记 through the real dialog: typing, refusals beside the field, autosave, keyboard only."""

from __future__ import annotations

import re
from datetime import date

import apsw
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from mediation_desk.store.keys import key_pragma
from tests.conftest import neighbour_draft
from tests.ui.conftest import save_shot, type_text
from ui.context import AppContext
from ui.dialogs.cases.intake_dialog import IntakeDialog
from ui.widgets.draft_keeper import AUTOSAVE_MS

# A dialog shown as its own window offscreen: the platform cannot apply size hints, raise a
# window or grab the keyboard for the village completer's popup (all harmless).
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints",
                                       "does not support raise", "does not support grabbing")

RARE_NAME = "王㛃喆"
RARE_ID = "11010519491231002X"  # GB 11643 example: born 1949-12-31, female
RESPONDENT_ID = "360426199101010071"  # born 1991-01-01, male


def _open(ctx: AppContext, qtbot: QtBot, draft_id: str | None = None) -> IntakeDialog:
    dialog = IntakeDialog(ctx, None, draft_id=draft_id)
    qtbot.addWidget(dialog)
    dialog.informed = []  # type: ignore[attr-defined]
    dialog._inform = (  # type: ignore[method-assign]
        lambda title, text: dialog.informed.append(text))  # type: ignore[attr-defined]
    # Closing at teardown asks whether to keep the draft: answer without a modal box.
    dialog._ask_keep = lambda: QMessageBox.StandardButton.Yes  # type: ignore[method-assign]
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _focus_keys(qtbot: QtBot, widget: QWidget, text: str) -> None:
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.keyClicks(widget, text)


def _fill_basic(dialog: IntakeDialog, qtbot: QtBot) -> None:
    dialog.case.type_box.setCurrentText("邻里纠纷")
    type_text(dialog.case.village_box.lineEdit(), "湖二村")
    type_text(dialog.case.summary_edit, "申请人与被申请人系前后邻居，因屋檐滴水发生争执。")
    type_text(dialog.case.requests_edit, "被申请人改建屋檐排水")
    grid, editor = dialog.grid, dialog.grid.editor
    grid.select(0)
    type_text(editor.name_edit, RARE_NAME)
    _focus_keys(qtbot, editor.id_edit, RARE_ID)
    _focus_keys(qtbot, editor.phone_edit, "13912345678")
    grid.select(1)
    type_text(editor.name_edit, "李明")
    _focus_keys(qtbot, editor.id_edit, RESPONDENT_ID)


def test_register_a_case_with_a_rare_character_name(ctx: AppContext, qtbot: QtBot) -> None:
    dialog = _open(ctx, qtbot)
    _fill_basic(dialog, qtbot)
    editor = dialog.grid.editor
    dialog.grid.select(0)
    # The ID number filled birth date and gender as it was typed, and said so.
    assert editor.birth_edit.text() == "1949-12-31"
    assert editor.gender_box.currentData() == "female"
    assert "身份证号码" in editor.messages["id_number"].text()
    assert dialog.grid.table.item(0, 1).text() == RARE_NAME
    # The list masks the phone as it masks the ID number; the editor shows what is typed.
    assert dialog.grid.table.item(0, 3).text() == "139****5678"
    assert "*" in dialog.grid.table.item(0, 2).text()
    assert editor.phone_edit.text() == "13912345678"
    save_shot(dialog, "intake_dialog")

    dialog.accept()

    assert dialog.result() == IntakeDialog.DialogCode.Accepted
    assert dialog.registered is not None
    assert ctx.pages.count() == 1
    case = ctx.register.by_number(dialog.registered.number)
    detail = ctx.case_detail.load(case.id)
    applicant = detail.parties[0]
    assert applicant.name == RARE_NAME
    assert applicant.birth_date == date(1949, 12, 31) and applicant.gender == "female"
    assert applicant.ethnicity == "汉族"
    assert detail.parties[1].gender == "male"
    assert detail.dispute_type == "邻里纠纷" and detail.village == "湖二村"
    assert detail.requests == ["被申请人改建屋檐排水"]
    assert RARE_NAME in detail.title
    assert ctx.autosave.pending("intake") == []  # the draft went with the registration


def test_bad_input_is_refused_beside_the_field(ctx: AppContext, qtbot: QtBot) -> None:
    dialog = _open(ctx, qtbot)
    editor = dialog.grid.editor
    dialog.grid.select(0)
    type_text(editor.name_edit, "张喆")
    _focus_keys(qtbot, editor.id_edit, "360426199101010072")  # wrong check character
    # Refused as soon as it is complete, before any attempt to register.
    assert editor.messages["id_number"].is_error
    assert "校验位错误" in editor.messages["id_number"].text()
    _focus_keys(qtbot, editor.phone_edit, "1391234")
    dialog.grid.select(1)
    dialog.grid.remove_current()  # no respondent left
    _focus_keys(qtbot, dialog.case.amount_edit, "12,50")

    dialog.accept()

    assert dialog.isVisible() and dialog.result() != IntakeDialog.DialogCode.Accepted
    assert ctx.pages.count() == 0
    assert dialog.grid.current_index() == 0  # the offending party is selected
    assert "校验位错误" in editor.messages["id_number"].text()
    assert editor.messages["phone"].is_error
    assert "不是有效的手机号码或固定电话" in editor.messages["phone"].text()
    assert "至少需要一名被申请人" in dialog.grid.general_message.text()
    assert dialog.case.messages["纠纷类型"].text() == "不能为空"
    assert dialog.case.messages["涉及金额"].text() == "金额格式不正确"
    assert not dialog.grid.general_message.isHidden()
    # The typed data is intact; fixing a field clears its reason.
    assert editor.name_edit.text() == "张喆" and dialog.case.amount_edit.text() == "12,50"
    _focus_keys(qtbot, editor.phone_edit, "5678")
    assert not editor.messages["phone"].is_error
    qtbot.wait(30)  # let the layout close the gap of the cleared reason (takes a few rounds)
    save_shot(dialog, "intake_dialog_refused")


def test_autosave_keeps_the_draft_and_restores_it(ctx: AppContext, qtbot: QtBot) -> None:
    dialog = _open(ctx, qtbot)
    _fill_basic(dialog, qtbot)
    _focus_keys(qtbot, dialog.case.amount_edit, "3000.50")
    dialog.case.risk_box.setCurrentIndex(dialog.case.risk_box.findData("orange"))
    dialog.grid.add_party("third_party")
    type_text(dialog.grid.editor.name_edit, "湖二村村委会")
    dialog.grid.editor.kind_box.setCurrentIndex(1)
    type_text(dialog.grid.editor.legal_rep_edit, "陈志强")
    qtbot.wait(AUTOSAVE_MS + 400)
    pending = ctx.autosave.pending("intake")
    assert len(pending) == 1 and pending[0].id == dialog.draft_id
    assert RARE_NAME in pending[0].title and "邻里纠纷" in pending[0].title

    # Cancel keeps the draft when asked to; then a new dialog restores every field.
    dialog._ask_keep = lambda: QMessageBox.StandardButton.Yes  # type: ignore[method-assign]
    dialog.reject()
    assert not dialog.isVisible()
    again = _open(ctx, qtbot, draft_id=pending[0].id)
    assert again.case.type_box.currentText() == "邻里纠纷"
    assert again.case.village_box.currentText() == "湖二村"
    assert again.case.summary_edit.toPlainText().startswith("申请人与被申请人")
    assert again.case.amount_edit.text() == "3000.50"
    assert again.case.risk_box.currentData() == "orange"
    parties = again.grid.parties()
    assert [p.name for p in parties] == [RARE_NAME, "李明", "湖二村村委会"]
    assert parties[0].id_number == RARE_ID and parties[0].birth_date == date(1949, 12, 31)
    assert parties[2].kind == "organization" and parties[2].legal_representative == "陈志强"
    assert parties[2].id_type == "other"  # switched with the kind: a credit code, not an ID card
    assert again.grid.current_index() == 2
    assert not again.grid.editor.legal_rep_edit.isHidden()
    assert not again.grid.editor.gender_box.isVisibleTo(again)  # an organisation: no gender
    save_shot(again, "intake_dialog_organization")

    # Cancel with "No" discards it.
    again._ask_keep = lambda: QMessageBox.StandardButton.No  # type: ignore[method-assign]
    again.reject()
    assert ctx.autosave.pending("intake") == []


def test_keyboard_only_intake(ctx: AppContext, qtbot: QtBot) -> None:
    dialog = _open(ctx, qtbot)
    assert QApplication.focusWidget() is dialog.case.received_edit

    def focused() -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None
        return widget

    def tab() -> QWidget:
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        return focused()

    # Tab walks the case fields in reading order.
    case = dialog.case
    expected = [case.source_box, case.type_box, case.village_box, case.procedure_box,
                case.risk_box, case.summary_edit, case.requests_edit, case.amount_edit,
                case.people_spin, case.lead_box, case.second_box, case.second_role_box,
                dialog.grid.table]
    assert [tab() for _ in expected] == expected
    # Back to the type: choose one with the arrow keys.
    for _ in range(11):
        qtbot.keyClick(focused(), Qt.Key.Key_Backtab)
    assert focused() is dialog.case.type_box
    qtbot.keyClick(dialog.case.type_box, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.case.type_box, Qt.Key.Key_Down)
    assert dialog.case.type_box.currentText() != ""
    # Enter in a single-line field moves on instead of registering half a case.
    assert tab() is dialog.case.village_box
    type_text(dialog.case.village_box.lineEdit(), "湖三村")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert focused() is dialog.case.procedure_box and dialog.isVisible()
    for _ in range(3):
        tab()
    assert focused() is dialog.case.requests_edit
    type_text(dialog.case.requests_edit, "赔偿损失")
    assert tab() is dialog.case.amount_edit
    qtbot.keyClicks(dialog.case.amount_edit, "800")

    # Into the parties: the table, past the buttons, into the applicant's fields.
    while focused() is not dialog.grid.table:
        tab()
    editor = dialog.grid.editor
    order = [dialog.grid.add_applicant_button, dialog.grid.add_respondent_button,
             dialog.grid.add_third_button, dialog.grid.remove_button, editor.side_box,
             editor.kind_box, editor.name_edit, editor.id_type_box, editor.id_edit,
             editor.gender_box, editor.birth_edit, editor.ethnicity_box, editor.phone_edit,
             editor.address_edit, editor.occupation_edit, editor.agent_edit]
    seen = [tab() for _ in order]
    assert seen == order
    for _ in range(9):
        qtbot.keyClick(focused(), Qt.Key.Key_Backtab)
    assert focused() is editor.name_edit
    type_text(editor.name_edit, "林秀英")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # → ID type
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # → ID number
    assert focused() is editor.id_edit
    qtbot.keyClicks(editor.id_edit, "440524188001010014")
    assert editor.birth_edit.text() == "1880-01-01"
    # The respondent: back to the table, arrow down, into the name.
    while focused() is not dialog.grid.table:
        qtbot.keyClick(focused(), Qt.Key.Key_Backtab)
    qtbot.keyClick(dialog.grid.table, Qt.Key.Key_Down)
    assert dialog.grid.current_index() == 1
    for _ in range(7):
        tab()
    assert focused() is editor.name_edit
    type_text(editor.name_edit, "郑国华")
    # Ctrl+Enter registers from wherever the cursor is.
    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert dialog.registered is not None, dialog.general_message.text()
    detail = ctx.case_detail.load(dialog.registered.case_id)
    assert [p.name for p in detail.parties] == ["林秀英", "郑国华"]
    assert detail.village == "湖三村" and detail.amount_fen == 80000
    assert detail.parties[0].birth_date == date(1880, 1, 1)


def test_mnemonics_are_unique_and_inputs_are_named(ctx: AppContext, qtbot: QtBot) -> None:
    dialog = _open(ctx, qtbot)
    letters = [m.group(1).lower() for label in dialog.findChildren(QLabel)
               for m in [re.search(r"&(\w)", label.text())] if m]
    assert len(letters) == len(set(letters)) >= 15
    for widget in dialog.tab_chain:
        named = widget.accessibleName() or (isinstance(widget, QPushButton) and widget.text())
        assert named, widget


def test_earlier_case_of_the_same_person_is_offered(ctx: AppContext, qtbot: QtBot) -> None:
    earlier = ctx.intake.register(neighbour_draft()).cases[0]
    dialog = _open(ctx, qtbot)
    editor = dialog.grid.editor
    dialog.grid.select(0)
    _focus_keys(qtbot, editor.id_edit, "11010519491231002X")
    assert earlier.number in editor.earlier_message.text()
    assert "以前的案件" in editor.earlier_message.text()
    assert not editor.reuse_button.isHidden()
    editor.reuse_button.click()
    assert editor.name_edit.text() == "张喆"
    assert editor.address_edit.text() == "安溪县湖头镇湖二村3组45号"
    assert dialog.grid.table.item(0, 1).text() == "张喆"
    type_text(dialog.case.village_box.lineEdit(), "湖头新区")
    # A village not in the list yet: a note says it will be added on registering.
    assert "湖头新区" in dialog.case.messages["村（社区）"].text()
    qtbot.wait(30)
    save_shot(dialog, "intake_dialog_earlier_case")
    # A different person has no notice.
    dialog.grid.select(1)
    _focus_keys(qtbot, editor.id_edit, "120103198806018241")
    assert editor.earlier_message.isHidden()
    # Registering warns about the duplicate party, briefly, and still registers.
    dialog.case.type_box.setCurrentText("邻里纠纷")
    type_text(editor.name_edit, "赵敏")
    # Ctrl+Enter in a multi-line field registers too (plain Enter there starts a new line).
    dialog.case.summary_edit.setFocus()
    qtbot.keyClick(dialog.case.summary_edit, Qt.Key.Key_Return)
    assert dialog.case.summary_edit.toPlainText() == "\n" and dialog.registered is None
    qtbot.keyClick(dialog.case.summary_edit, Qt.Key.Key_Return,
                   Qt.KeyboardModifier.ControlModifier)
    assert dialog.registered is not None
    informed = "\n".join(dialog.informed)  # type: ignore[attr-defined]
    assert earlier.number in informed and "湖头新区" in informed


def test_a_locked_database_keeps_the_dialog_and_the_typing(ctx: AppContext,
                                                         qtbot: QtBot) -> None:
    dialog = _open(ctx, qtbot)
    _fill_basic(dialog, qtbot)
    # Another program holds the write lock; wait briefly rather than the usual 5 seconds.
    ctx.store.db.execute_sql("PRAGMA busy_timeout = 200")
    other = apsw.Connection(str(ctx.store.path))
    assert ctx.store.db_key is not None
    other.execute(f"PRAGMA key = {key_pragma(ctx.store.db_key)}")
    other.execute("BEGIN IMMEDIATE")
    try:
        dialog.drafts.timer.stop()
        dialog.accept()
        assert dialog.isVisible() and dialog.registered is None
        assert "另一个程序" in dialog.general_message.text()
        assert "都还在" in dialog.general_message.text()
        dialog.grid.select(0)
        assert dialog.grid.editor.name_edit.text() == RARE_NAME
        save_shot(dialog, "intake_dialog_locked")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert ctx.pages.count() == 0
    dialog.accept()  # the lock is gone: the same form registers
    assert dialog.registered is not None and ctx.pages.count() == 1


def test_messages_do_not_move_the_fields_below(ctx: AppContext, qtbot: QtBot) -> None:
    """Issue 16: a reason appearing or going pushed the fields below it, so the next click
    landed in the wrong field. The ID number's and the village's lines are held from the
    start; any other reason keeps its line once shown."""
    from PySide6.QtCore import QPoint

    dialog = _open(ctx, qtbot)
    editor, case = dialog.grid.editor, dialog.case
    dialog.grid.select(0)
    below = (editor.gender_box, editor.birth_edit, editor.phone_edit, editor.address_edit,
             case.procedure_box, case.risk_box, case.summary_edit)

    def where() -> list[int]:
        qtbot.wait(30)  # the layout settles in a few rounds
        return [w.mapTo(dialog, QPoint(0, 0)).y() for w in below]

    start = where()
    _focus_keys(qtbot, editor.id_edit, RARE_ID)  # complete: birth date and gender filled
    assert editor.messages["id_number"].shown
    assert where() == start
    editor.id_edit.clear()
    _focus_keys(qtbot, editor.id_edit, "360426199101010072")  # wrong check character
    assert editor.messages["id_number"].is_error
    assert where() == start
    editor.id_edit.clear()
    assert not editor.messages["id_number"].shown
    assert where() == start
    type_text(case.village_box.lineEdit(), "新建村")  # not in the list: a note
    case.village_note()
    assert case.messages["村（社区）"].shown
    assert where() == start
    # A reason given on registering moves the fields once; correcting it moves nothing back.
    _focus_keys(qtbot, editor.phone_edit, "1391234")
    dialog.accept()
    assert editor.messages["phone"].is_error
    refused = where()
    _focus_keys(qtbot, editor.phone_edit, "5678")
    assert not editor.messages["phone"].is_error and not editor.messages["phone"].shown
    assert where() == refused
