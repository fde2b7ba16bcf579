"""The 接访 page on a real register, clicked through as a receptionist would: receive a visitor,
assess (refer), assign to a department (the deadline from the 信访 clock), answer and close;
an overdue assignment red in the list on a later day; closing without an answer refused with
the service's reason beside the field; "mediate here" making a linked case. Screenshots of
the page and the dialogs go to build/screenshots for a person to look at."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from mediation_desk import clock
from mediation_desk.domain import petitions as rules
from mediation_desk.services.petitions.types import RequestDraft
from mediation_desk.services.shared.actor import Actor
from tests.conftest import SUITE_NOW
from tests.ui.conftest import save_shot, type_text
from ui.context import AppContext
from ui.dialogs.cases.intake_dialog import IntakeDialog
from ui.dialogs.petitions.answer_dialog import AnswerDialog
from ui.dialogs.petitions.appointment_dialog import AppointmentDialog
from ui.dialogs.petitions.assess_dialog import AssessDialog
from ui.dialogs.petitions.assign_dialog import AssignDialog
from ui.dialogs.petitions.close_dialog import CloseDialog
from ui.dialogs.petitions.compound_dialog import CompoundDialog
from ui.dialogs.petitions.meeting_dialog import MeetingDialog
from ui.dialogs.petitions.print_preview import PetitionPreviewDialog
from ui.dialogs.petitions.request_dialog import RequestDialog
from ui.dialogs.petitions.result_dialog import ResultDialog
from ui.dialogs.petitions.rota_dialog import RotaDialog
from ui.main_window import PAGE_PETITIONS, MainWindow
from ui.views.petitions.request_list import COL_PHONE, COL_STATUS, OVERDUE_COLOR

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints",
                                       "does not support raise", "does not support grabbing")

TODAY = SUITE_NOW.date()


def _draft(**overrides: object) -> RequestDraft:
    draft = RequestDraft(
        received_at=datetime(2026, 12, 1, 9, 30), channel="walk_in", received_by="林春梅",
        person_name="郭秀琴", person_id_number="11010519491231002X",
        person_phone="13912345678", village="美坂村", category="农村建房",
        content="邻居黄某新建房屋占用公共排水沟，雨天积水倒灌入户，要求恢复排水沟。",
        respondent="黄文彬", people_involved=1)
    for key, value in overrides.items():
        setattr(draft, key, value)
    return draft


def _window(ctx: AppContext, qtbot: QtBot) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.show_page(PAGE_PETITIONS)
    QApplication.processEvents()
    return window


def on_dialog(kind: type[QDialog], work: Callable[[QDialog], None],
              seen: dict[str, object]) -> None:
    """When the next modal dialog opens, check its kind and run ``work`` on it (which
    ends it); a dialog still open afterwards is cancelled, so no test hangs."""

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, run)
            return
        try:
            seen["kind"] = type(dialog).__name__
            assert isinstance(dialog, kind), type(dialog)
            work(dialog)
        except Exception as exc:  # reported by the test after exec returns
            seen["error"] = repr(exc)
        finally:
            if isinstance(dialog, QDialog) and dialog.isVisible():
                seen["left_open"] = True
                dialog.reject()

    QTimer.singleShot(0, run)


def _ok(dialog: QWidget) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    button = box.button(QDialogButtonBox.StandardButton.Ok)
    assert button is not None
    button.click()
    QApplication.processEvents()


def test_receive_assess_assign_answer_close(ctx: AppContext, qtbot: QtBot) -> None:
    window = _window(ctx, qtbot)
    view = window.petition_view
    assert view.list.model.rowCount() == 0
    seen: dict[str, object] = {}

    def receive(dialog: QDialog) -> None:
        assert isinstance(dialog, RequestDialog)
        dialog.received_edit.setDateTime(QDateTime(QDate(2026, 12, 1), QTime(9, 30)))
        type_text(dialog.name_edit, "郭秀琴")
        dialog.id_edit.setText("11010519491231002X")
        dialog.phone_edit.setText("13912345678")
        dialog.village_box.setCurrentText("美坂村")
        dialog.category_box.setCurrentText("农村建房")
        type_text(dialog.content_edit, "邻居新建房屋占用公共排水沟，要求恢复。")
        save_shot(dialog, "petition_request_dialog")
        _ok(dialog)

    on_dialog(RequestDialog, receive, seen)
    view.new_button.click()
    assert "error" not in seen and "left_open" not in seen, seen
    assert view.list.model.rowCount() == 1
    row = view.list.model.request(0)
    assert row is not None and row.status == "registered"
    # The list masks the phone (and the detail the ID number).
    phone = view.list.model.data(view.list.model.index(0, COL_PHONE))
    assert phone != "13912345678" and phone.startswith("139") and phone.endswith("5678")
    detail = view.detail.detail
    assert detail is not None and "*" in detail.person_id_number
    assert view.detail.buttons[rules.ASSESS].isEnabled()
    assert not view.detail.buttons[rules.ASSIGN].isEnabled()

    def assess(dialog: QDialog) -> None:
        assert isinstance(dialog, AssessDialog)
        dialog.route_box.setCurrentIndex(dialog.route_box.findData("refer"))
        dialog.risk_box.setCurrentIndex(dialog.risk_box.findData("yellow"))
        type_text(dialog.note_edit, "属村庄规划建设管理事项，转镇规划建设办处理。")
        _ok(dialog)

    on_dialog(AssessDialog, assess, seen)
    view.detail.buttons[rules.ASSESS].click()
    assert "error" not in seen and "left_open" not in seen, seen
    assert ctx.petitions.detail(row.id).route == "refer"

    def assign(dialog: QDialog) -> None:
        assert isinstance(dialog, AssignDialog)
        # The default deadline is the 信访 clock's: 60 days from the day received.
        assert dialog.due_edit.date().toPython() == date(2026, 12, 1) + timedelta(days=60)
        dialog.task_box.setCurrentIndex(dialog.task_box.findData("forward"))
        assert dialog.due_edit.date().toPython() == date(2026, 12, 16)
        dialog.department_box.setCurrentText("镇规划建设办")
        type_text(dialog.responsible_edit, "王建国")
        save_shot(dialog, "petition_assign_dialog")
        _ok(dialog)

    on_dialog(AssignDialog, assign, seen)
    view.detail.buttons[rules.ASSIGN].click()
    assert "error" not in seen and "left_open" not in seen, seen
    detail = ctx.petitions.detail(row.id)
    assert detail.status == "supervising"
    assert [(a.department, a.due_on) for a in detail.assignments] == [
        ("镇规划建设办", date(2026, 12, 16))]
    assert "镇规划建设办" in view.detail.loop.toPlainText()

    def answer(dialog: QDialog) -> None:
        assert isinstance(dialog, AnswerDialog)
        dialog.method_box.setCurrentIndex(dialog.method_box.findData("in_person"))
        type_text(dialog.text_edit, "镇规划建设办已责令黄某限期恢复排水沟。")
        save_shot(dialog, "petition_answer_dialog")
        _ok(dialog)

    on_dialog(AnswerDialog, answer, seen)
    view.detail.buttons[rules.REPLY].click()
    assert "error" not in seen and "left_open" not in seen, seen
    assert ctx.petitions.detail(row.id).status == "answered"

    def close(dialog: QDialog) -> None:
        assert isinstance(dialog, CloseDialog)
        dialog.satisfaction_box.setCurrentIndex(
            dialog.satisfaction_box.findData("satisfied"))
        _ok(dialog)

    on_dialog(CloseDialog, close, seen)
    view.detail.buttons[rules.CLOSE].click()
    assert "error" not in seen and "left_open" not in seen, seen
    detail = ctx.petitions.detail(row.id)
    assert detail.status == "closed" and detail.satisfaction == "satisfied"
    assert view.list.model.request(0).status == "closed"  # type: ignore[union-attr]
    assert not any(b.isEnabled() for b in view.detail.buttons.values())
    save_shot(window, "petition_page_closed")


def test_closing_without_an_answer_is_refused_beside_the_field(ctx: AppContext,
                                                               qtbot: QtBot) -> None:
    received = ctx.petitions.receive(_draft())
    ctx.petitions.assess(received.id, "refer", "转镇规划建设办")
    window = _window(ctx, qtbot)
    view = window.petition_view
    view.select(received.id)
    button = view.detail.buttons[rules.CLOSE]
    assert button.isEnabled()  # offered, and refused with the reason
    seen: dict[str, object] = {}

    def close(dialog: QDialog) -> None:
        assert isinstance(dialog, CloseDialog)
        dialog.satisfaction_box.setCurrentIndex(
            dialog.satisfaction_box.findData("basic"))
        _ok(dialog)
        seen["message"] = dialog.satisfaction_error.text()
        seen["shown"] = dialog.satisfaction_error.isVisible()
        seen["kept"] = dialog.satisfaction_box.currentData()
        save_shot(dialog, "petition_close_refused")
        dialog.reject()

    on_dialog(CloseDialog, close, seen)
    button.click()
    assert "error" not in seen, seen
    assert seen["message"] == "尚未答复来访人，不能办结（办结须先答复）"
    assert seen["shown"] is True and seen["kept"] == "basic"
    assert ctx.petitions.detail(received.id).status == "assessed"  # nothing written


def test_an_overdue_assignment_is_red_in_the_list(ctx: AppContext, qtbot: QtBot) -> None:
    late = ctx.petitions.receive(_draft())
    ctx.petitions.assess(late.id, "refer", "转镇规划建设办")
    ctx.petitions.assign(late.id, "镇规划建设办", task="forward")  # due 2026-12-16
    in_time = ctx.petitions.receive(_draft(person_name="黄文彬", person_id_number="",
                                           person_phone="13800001111"))
    ctx.petitions.assess(in_time.id, "refer", "转镇农业农村办")
    ctx.petitions.assign(in_time.id, "镇农业农村办")  # due 2027-01-30
    with clock.travelled(datetime(2026, 12, 20, 9, 0)):
        window = _window(ctx, qtbot)
        view = window.petition_view
        model = view.list.model
        assert model.rowCount() == 2
        by_id = {model.request(i).id: i for i in range(model.rowCount())}  # type: ignore[union-attr]
        red = model.data(model.index(by_id[late.id], COL_STATUS), 9)  # ForegroundRole
        assert red is not None and red.color() == QColor(OVERDUE_COLOR)
        assert "逾期" in model.data(model.index(by_id[late.id], COL_STATUS))
        assert model.data(model.index(by_id[in_time.id], COL_STATUS), 9) is None
        view.list.overdue_box.setChecked(True)
        assert model.rowCount() == 1 and model.request(0).id == late.id  # type: ignore[union-attr]
        view.list.overdue_box.setChecked(False)
        view.select(late.id)
        assert "逾期" in view.detail.loop.toPlainText()
        save_shot(window, "petition_page_overdue")
        # The department filter.
        view.list.department_box.setCurrentIndex(
            view.list.department_box.findData("镇农业农村办"))
        assert model.rowCount() == 1 and model.request(0).id == in_time.id  # type: ignore[union-attr]


def test_mediate_here_registers_a_linked_case(ctx: AppContext, qtbot: QtBot,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    received = ctx.petitions.receive(_draft())
    window = _window(ctx, qtbot)
    view = window.petition_view
    view.select(received.id)
    prefilled: dict[str, object] = {}

    def intake(parent: QWidget | None, context: AppContext, draft_id: str | None = None, *,
               prefill: dict[str, object] | None = None, register: object = None) -> object:
        dialog = IntakeDialog(context, parent, prefill=prefill, register=register)  # type: ignore[arg-type]
        prefilled["source"] = (prefill or {}).get("source")
        # The link is in what the form autosaves, so a form resumed later still links.
        prefilled["saved_link"] = dialog.payload().get("petition_id")
        dialog.accept()
        prefilled["problems"] = [lab.text() for lab in dialog.findChildren(QWidget)
                                 if lab.isVisible() and hasattr(lab, "is_error")
                                 and lab.is_error]
        registered = dialog.registered
        dialog.deleteLater()
        return registered

    monkeypatch.setattr(IntakeDialog, "ask", staticmethod(intake))
    seen: dict[str, object] = {}

    def assess(dialog: QDialog) -> None:
        assert isinstance(dialog, AssessDialog)
        dialog.route_box.setCurrentIndex(dialog.route_box.findData("mediate"))
        assert dialog.case_box.isVisibleTo(dialog) and dialog.case_box.isChecked()
        type_text(dialog.note_edit, "邻里排水纠纷，适宜调解。")
        _ok(dialog)

    on_dialog(AssessDialog, assess, seen)
    view.detail.buttons[rules.ASSESS].click()
    assert "error" not in seen and "left_open" not in seen, seen
    assert prefilled["source"] == "来访"
    assert prefilled["saved_link"] == received.id
    detail = ctx.petitions.detail(received.id)
    assert detail.case_id, prefilled
    assert detail.status == "mediating"
    assert view.case_button.isVisible()
    opened: list[str] = []
    view.open_case.connect(opened.append)
    view.case_button.click()
    assert opened == [detail.case_id]


def test_duty_rota_booking_and_receiving_a_booked_visitor(ctx: AppContext,
                                                          qtbot: QtBot) -> None:
    """A Monday rota from today (2026-12-07 is a Monday); a visitor booked into 09:30 is
    received from the slot: the form comes with their name and phone, channel 预约接访, and the
    appointment is then done and linked."""
    window = _window(ctx, qtbot)
    view = window.petition_view
    view.tabs.setCurrentWidget(view.rota_tab)
    tab = view.rota_tab
    seen: dict[str, object] = {}

    def rota(dialog: QDialog) -> None:
        assert isinstance(dialog, RotaDialog)
        type_text(dialog.title_edit, "镇领导坐班接访")
        type_text(dialog.receivers_edit, "陈镇长、林春梅")
        type_text(dialog.place_edit, "镇综治中心接访室")
        dialog.weekday_box.setCurrentIndex(dialog.weekday_box.findData("MO"))
        save_shot(dialog, "petition_rota_dialog")
        _ok(dialog)

    on_dialog(RotaDialog, rota, seen)
    tab.rota_button.click()
    assert "error" not in seen and "left_open" not in seen, seen
    assert tab.duty.rowCount() == 5  # the Mondays of today and the next four weeks
    assert tab.duty.item(0, 0).text().startswith("2026-12-07")
    assert tab.slot_table.rowCount() == 6  # 09:00–12:00 in 30-minute slots
    tab.slot_table.selectRow(1)

    def book(dialog: QDialog) -> None:
        assert isinstance(dialog, AppointmentDialog)
        assert dialog.slot_box.currentText().startswith("2026-12-07 09:30")
        type_text(dialog.name_edit, "郭秀琴")
        dialog.phone_edit.setText("13912345678")
        type_text(dialog.topic_edit, "排水沟被占")
        _ok(dialog)

    on_dialog(AppointmentDialog, book, seen)
    tab.book_button.click()
    assert "error" not in seen and "left_open" not in seen, seen
    assert tab.slot_table.item(1, 2).text() == "郭秀琴"
    save_shot(window, "petition_rota_tab")
    tab.slot_table.selectRow(1)
    assert tab.receive_button.isEnabled()

    def receive(dialog: QDialog) -> None:
        assert isinstance(dialog, RequestDialog)
        assert dialog.name_edit.text() == "郭秀琴"
        assert dialog.phone_edit.text() == "13912345678"
        assert dialog.channel_box.currentData() == "appointment"
        dialog.category_box.setCurrentText("农村建房")
        type_text(dialog.content_edit, "邻居新建房屋占用公共排水沟，要求恢复。")
        _ok(dialog)

    on_dialog(RequestDialog, receive, seen)
    tab.receive_button.click()
    assert "error" not in seen and "left_open" not in seen, seen
    assert view.tabs.currentWidget() is view.requests_page
    detail = view.detail.detail
    assert detail is not None and detail.channel == "appointment"
    booked = ctx.rota.appointments(TODAY, TODAY)
    assert [(a.status, a.petition_id) for a in booked] == [("done", detail.id)]


def test_a_compound_and_its_history(ctx: AppContext, qtbot: QtBot) -> None:
    """小区: added on the tab (the administrator may), then a request naming it shows in its
    history; the line opens the request."""
    window = _window(ctx, qtbot)
    view = window.petition_view
    view.tabs.setCurrentWidget(view.compounds_tab)
    tab = view.compounds_tab
    seen: dict[str, object] = {}

    def add(dialog: QDialog) -> None:
        assert isinstance(dialog, CompoundDialog)
        type_text(dialog.name_edit, "湖头花园")
        type_text(dialog.company_edit, "安溪县湖头物业管理有限公司")
        type_text(dialog.committee_edit, "湖头花园业主委员会")
        type_text(dialog.grid_edit, "陈丽华")
        save_shot(dialog, "petition_compound_dialog")
        _ok(dialog)

    on_dialog(CompoundDialog, add, seen)
    tab.new_button.click()
    assert "error" not in seen and "left_open" not in seen, seen
    assert tab.table.rowCount() == 1 and tab.table.item(0, 2).text() == "安溪县湖头物业管理有限公司"
    received = ctx.petitions.receive(_draft(compound="湖头花园", category="物业管理"))
    tab.table.selectRow(0)
    assert tab.history.rowCount() == 1
    assert tab.history.item(0, 2).text() == received.number
    save_shot(window, "petition_compounds_tab")
    tab.history.cellDoubleClicked.emit(0, 0)
    assert view.tabs.currentWidget() is view.requests_page
    assert view.detail.detail is not None and view.detail.detail.id == received.id


def test_the_forms_print_from_the_page_and_are_filed_to_the_request(
        ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    received = ctx.petitions.receive(_draft())
    ctx.petitions.assess(received.id, "refer", "转镇规划建设办")
    ctx.petitions.assign(received.id, "镇规划建设办", responsible="王建国")
    window = _window(ctx, qtbot)
    view = window.petition_view
    view.select(received.id)
    view._fill_print_menu()
    actions = {a.text(): a.isEnabled() for a in view.print_menu.actions()}
    assert actions["来访登记表"] and actions["督办单：镇规划建设办"]
    assert not actions["信访处理意见书（尚不能打印）"]  # no answer yet: says so, disabled
    shown: list[object] = []

    def ask(parent: QWidget, context: AppContext, document: object, *, number: str = "",
            start_printing: bool = False) -> list[str]:
        shown.append(document)
        dialog = PetitionPreviewDialog(context, document, number=number)  # type: ignore[arg-type]
        qtbot.addWidget(dialog)
        assert dialog._file("save")
        return ["save"]

    monkeypatch.setattr(PetitionPreviewDialog, "ask", staticmethod(ask))
    assert view.print_form("supervision") == ["save"]
    pdf = shown[0].pdf  # type: ignore[attr-defined]
    assert pdf.startswith(b"%PDF")
    assert any("信访事项督办单" in line for line in ctx.petitions.detail(received.id).printed)
    assert "信访事项督办单" in view.detail.loop.toPlainText()  # the pane lists printouts


def test_an_overdue_assignment_is_red_on_today_and_opens_its_request(ctx: AppContext,
                                                                     qtbot: QtBot) -> None:
    late = ctx.petitions.receive(_draft())
    ctx.petitions.assess(late.id, "refer", "转镇规划建设办")
    ctx.petitions.assign(late.id, "镇规划建设办", task="forward")  # due 2026-12-16
    with clock.travelled(datetime(2026, 12, 20, 9, 0)):
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        window.today_view.refresh()
        lines = window.today_view.items("petition_overdue")
        assert len(lines) == 1
        assert "镇规划建设办逾期4天未回复" in lines[0].text(2)
        assert lines[0].foreground(2).color() == QColor(OVERDUE_COLOR)
        save_shot(window, "petition_today_overdue")
        window.today_view.activate(lines[0])
        assert window.stack.currentIndex() == PAGE_PETITIONS
        assert window.petition_view.detail.detail is not None
        assert window.petition_view.detail.detail.id == late.id


def test_the_lists_tab_adds_a_department_the_assign_dialog_offers(ctx: AppContext,
                                                                  qtbot: QtBot) -> None:
    window = _window(ctx, qtbot)
    view = window.petition_view
    view.tabs.setCurrentWidget(view.lists_tab)
    tab = view.lists_tab
    assert "镇综治中心" in tab.departments.labels()  # the defaults, seeded on opening
    type_text(tab.departments.add_edit, "镇林业站")
    tab.departments.add_button.click()
    assert "镇林业站" in tab.departments.labels()
    assert "镇林业站" in ctx.petition_lists.targets()
    assert tab.example_label.text() == "（2026）湖头访字第3号"
    tab.pattern_edit.setText("{year}-{seq}")
    tab.save_button.click()
    assert ctx.petition_lists.number_pattern() == "{year}-{seq}"
    save_shot(window, "petition_lists_tab")


def test_joint_meeting_result_and_one_extension(ctx: AppContext, qtbot: QtBot) -> None:
    """联席处置 with two departments and a task; the department's result; one extension,
    which a mediator may not grant (the service's reason beside the field, nothing written)
    and the director may, once."""
    received = ctx.petitions.receive(_draft(category="物业管理"))
    ctx.petitions.assess(received.id, "joint", "涉及规划建设和物业管理，召开联席会议")
    window = _window(ctx, qtbot)
    view = window.petition_view
    view.select(received.id)
    assert view.detail.buttons[rules.MEETING].isDefault()  # the usual next step
    seen: dict[str, object] = {}

    def meeting(dialog: QDialog) -> None:
        assert isinstance(dialog, MeetingDialog)
        type_text(dialog.place_edit, "镇综治中心会议室")
        type_text(dialog.chair_edit, "陈镇长")
        for row in range(dialog.departments_list.count()):
            item = dialog.departments_list.item(row)
            if item.text() in ("镇规划建设办", "镇司法所"):
                item.setCheckState(Qt.CheckState.Checked)
        type_text(dialog.decisions_edit, "规划建设办负责拆除违建部分，司法所组织调解。")
        dialog.task_department.setCurrentText("镇规划建设办")
        type_text(dialog.task_work, "责令拆除占用排水沟部分")
        dialog.add_task_button.click()
        assert dialog.task_table.rowCount() == 1
        save_shot(dialog, "petition_meeting_dialog")
        _ok(dialog)

    on_dialog(MeetingDialog, meeting, seen)
    view.detail.buttons[rules.MEETING].click()
    assert "error" not in seen and "left_open" not in seen, seen
    detail = ctx.petitions.detail(received.id)
    assert set(detail.meetings[0].departments) == {"镇规划建设办", "镇司法所"}
    assert [a.department for a in detail.assignments] == ["镇规划建设办"]
    assert "陈镇长" in view.detail.loop.toPlainText()

    account = ctx.accounts.add("lincm", "mediator", "mediator-pass-1", "林春梅")
    mediator = AppContext.build(ctx.store, Actor(account.id, account.username, account.role,
                                                 account.display_name))
    refused = ResultDialog(mediator, detail, extend=True)
    qtbot.addWidget(refused)
    type_text(refused.reason_edit, "需现场测量")
    refused.accept()
    assert "只有调委会主任或管理员可以延期" in refused.default_error.text()
    assert refused.reason_edit.toPlainText() == "需现场测量"  # kept as typed
    assert ctx.petitions.detail(received.id).assignments[0].extension_days == 0

    def extend(dialog: QDialog) -> None:
        assert isinstance(dialog, ResultDialog)
        dialog.days_box.setValue(20)
        type_text(dialog.reason_edit, "需现场测量并听取相邻权利人意见")
        _ok(dialog)

    on_dialog(ResultDialog, extend, seen)
    view.detail.buttons[rules.EXTEND].click()
    assert "error" not in seen and "left_open" not in seen, seen
    first = ctx.petitions.detail(received.id).assignments[0]
    assert first.extension_days == 20

    def again(dialog: QDialog) -> None:
        assert isinstance(dialog, ResultDialog)
        type_text(dialog.reason_edit, "再延一次")
        _ok(dialog)
        seen["again"] = dialog.default_error.text() + dialog.general_error.text()
        dialog.reject()

    on_dialog(ResultDialog, again, seen)
    view.detail.buttons[rules.EXTEND].click()
    assert "只能延长一次" in str(seen["again"])

    def result(dialog: QDialog) -> None:
        assert isinstance(dialog, ResultDialog)
        type_text(dialog.result_edit, "已拆除占用排水沟部分，排水恢复。")
        _ok(dialog)

    on_dialog(ResultDialog, result, seen)
    view.detail.buttons[rules.RESULT].click()
    assert "error" not in seen and "left_open" not in seen, seen
    assert ctx.petitions.detail(received.id).assignments[0].result.startswith("已拆除")
