"""The patrol dialogs on a real register: plan (cadence preview, warnings before saving),
visit (findings, zero report, refusals beside the field, autosave), cancel/move, a finding's
escalation and receipt."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from mediation_desk.services.patrols.service import (
    FindingDraft,
    Occurrence,
    PlanDraft,
    TeamMember,
    VisitDraft,
)
from tests.conftest import SUITE_NOW
from tests.ui.conftest import save_shot, type_text
from ui.context import AppContext
from ui.dialogs.cases.intake_dialog import IntakeDialog
from ui.dialogs.patrol.finding_dialog import FindingDialog, intake_payload
from ui.dialogs.patrol.occurrence_dialog import OccurrenceDialog
from ui.dialogs.patrol.plan_dialog import PlanDialog
from ui.dialogs.patrol.visit_dialog import VisitDialog
from ui.views.patrol.cadence import WEEKDAY_CODES

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints",
                                       "does not support raise", "does not support grabbing")

TODAY = SUITE_NOW.date()


def _plan(ctx: AppContext, starts_on: date, *, title: str = "湖二村定期排查",
          villages: tuple[str, ...] = ("湖二村",), lead: str = "林春梅",
          rule: str | None = None) -> str:
    rule = rule or f"FREQ=WEEKLY;BYDAY={WEEKDAY_CODES[starts_on.weekday()]}"
    return ctx.patrols.add_plan(PlanDraft(
        title=title, villages=list(villages),
        team=[TeamMember(lead, "lead"), TeamMember("陈志强", "member")],
        starts_on=starts_on, until=starts_on + timedelta(days=90), time="09:00",
        duration_minutes=180, rule=rule, focus=["山林土地"])).id


def _occurrence(ctx: AppContext, plan_id: str, on: date) -> Occurrence:
    found = [o for o in ctx.patrols.schedule(on, on, TODAY) if o.plan_id == plan_id]
    assert found, f"no occurrence of the plan on {on}"
    return found[0]


def _show(dialog: QDialog, qtbot: QtBot) -> None:
    qtbot.addWidget(dialog)
    if isinstance(dialog, VisitDialog):  # closing at teardown must not ask in a modal box
        dialog._ask_keep = lambda: QMessageBox.StandardButton.No  # type: ignore[method-assign]
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)


# -- plan -------------------------------------------------------------------------------------
def test_plan_dialog_previews_dates_warns_then_saves(ctx: AppContext, qtbot: QtBot) -> None:
    dialog = PlanDialog(ctx, None, starts_on=TODAY)
    _show(dialog, qtbot)
    type_text(dialog.title_edit, "湖二村、美溪村定期排查")
    dialog.villages.set_checked("湖二村")
    type_text(dialog.villages.add_edit, "新厝村")  # not in the list: added, and said so
    qtbot.keyClick(dialog.villages.add_edit, Qt.Key.Key_Return)
    assert dialog.villages.checked() == ["湖二村", "新厝村"]
    assert "新厝村" in dialog.messages["villages"].text()
    assert dialog.isVisible(), "Enter in the add line must not close the dialog"
    type_text(dialog.team.add_edit, "林春梅")
    qtbot.keyClick(dialog.team.add_edit, Qt.Key.Key_Return)
    dialog.team.set_lead("林春梅")
    type_text(dialog.focus_edit, "山林土地、农村建房")

    dialog.preset_box.setCurrentIndex(dialog.preset_box.findData("half_monthly"))
    dates = dialog.preview_dates()
    assert len(dates) == 5 and all(d.day in (1, 16) for d in dates)
    assert dialog.preview_label.text().count("周") == 5
    dialog.preset_box.setCurrentIndex(dialog.preset_box.findData("weekly"))
    dialog.weekday_box.setCurrentIndex(1)  # Tuesday
    assert all(d.weekday() == 1 for d in dialog.preview_dates())
    save_shot(dialog, "patrol_plan_dialog")

    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)  # Enter: warnings first
    assert dialog.isVisible()
    assert not dialog.warning_label.isHidden()
    assert "新厝村" in dialog.warning_label.text()
    assert ctx.patrols.plans() == []
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)  # Enter again: saved anyway
    assert dialog.result() == PlanDialog.DialogCode.Accepted
    assert dialog.result_value is not None
    plan = ctx.patrols.plan(dialog.result_value.id)
    assert plan.title == "湖二村、美溪村定期排查"
    assert plan.villages == ("湖二村", "新厝村")
    assert plan.lead == "林春梅"
    assert plan.rule == "FREQ=WEEKLY;BYDAY=TU"
    assert plan.focus == ("山林土地", "农村建房")
    assert "新厝村" in [v.label for v in ctx.settings.villages()]


def test_plan_dialog_refuses_a_bad_rule_and_an_end_before_start(ctx: AppContext,
                                                                qtbot: QtBot) -> None:
    dialog = PlanDialog(ctx, None, starts_on=TODAY)
    _show(dialog, qtbot)
    dialog.villages.set_checked("湖二村")
    dialog.team.set_lead("林春梅")
    dialog.preset_box.setCurrentIndex(dialog.preset_box.findData("custom"))
    type_text(dialog.rule_edit, "FREQ=SOMETIMES")
    assert dialog.messages["rule"].is_error
    dialog.accept()
    assert dialog.isVisible()
    assert ctx.patrols.plans() == []

    dialog.rule_edit.setText("FREQ=DAILY;INTERVAL=10")
    assert not dialog.messages["rule"].is_error
    dialog.until_edit.setDate(QDate(TODAY.year - 1, 1, 1))
    assert dialog.messages["until"].is_error
    dialog.accept()
    assert ctx.patrols.plans() == []


def test_plan_dialog_edits_a_plan_with_its_cadence(ctx: AppContext, qtbot: QtBot) -> None:
    plan_id = _plan(ctx, TODAY, rule="FREQ=MONTHLY;BYDAY=1TU")
    dialog = PlanDialog(ctx, None, plan_id=plan_id)
    _show(dialog, qtbot)
    assert dialog.preset_box.currentData() == "monthly_first"
    assert dialog.weekday_box.currentIndex() == 1
    assert dialog.team.lead() == "林春梅"
    assert dialog.villages.checked() == ["湖二村"]
    dialog.duration_spin.setValue(120)
    dialog.accept()
    assert dialog.result() == PlanDialog.DialogCode.Accepted
    assert ctx.patrols.plan(plan_id).duration_minutes == 120


# -- visit ------------------------------------------------------------------------------------
def test_visit_refuses_a_finding_without_risk_level_inline(ctx: AppContext,
                                                           qtbot: QtBot) -> None:
    plan_id = _plan(ctx, TODAY)
    dialog = VisitDialog(ctx, None, _occurrence(ctx, plan_id, TODAY))
    _show(dialog, qtbot)
    assert dialog.village_box.currentText() == "湖二村"
    assert dialog.team_edit.text() == "林春梅、陈志强"
    editor = dialog.editors[0]
    type_text(editor.summary_edit, "两户因山林界址争执，已多次口角")
    type_text(editor.parties_edit, "张某与李某")

    dialog.accept()

    assert dialog.isVisible()
    assert editor.messages["risk_level"].is_error, dialog.general_message.text()
    assert editor.risk_box.hasFocus()
    assert ctx.patrols.visits(TODAY - timedelta(days=1), TODAY) == []
    assert ctx.patrols.findings() == []


def test_visit_with_findings_fits_a_laptop_and_saves(ctx: AppContext, qtbot: QtBot) -> None:
    plan_id = _plan(ctx, TODAY)
    dialog = VisitDialog(ctx, None, _occurrence(ctx, plan_id, TODAY))
    _show(dialog, qtbot)
    screen = QApplication.primaryScreen().availableGeometry()
    assert dialog.width() <= 1366 and dialog.height() <= 728, "fits 1366×768 with a taskbar"
    assert screen.width() > 0
    type_text(dialog.places_edit, "村委会、3组、5组")
    dialog.households_spin.setValue(14)
    first = dialog.editors[0]
    first.risk_box.setCurrentIndex(first.risk_box.findData("red"))
    assert first.due_edit.date() == QDate(TODAY.year, TODAY.month, TODAY.day).addDays(1), \
        "a red finding is due within its response time (24 hours)"
    type_text(first.summary_edit, "两户因宅基地边界争执，扬言动手")
    type_text(first.parties_edit, "张某与李某")
    type_text(first.amount_edit, "12000")
    second = dialog.add_finding()
    assert second.risk_box.hasFocus()
    second.risk_box.setCurrentIndex(second.risk_box.findData("blue"))
    type_text(second.summary_edit, "租地合同快到期，双方对续租价格有分歧")
    dialog.resize(980, 680)
    QApplication.processEvents()
    # Two findings are taller than a laptop screen: the form scrolls, nothing is squeezed.
    bar = dialog.scroll_area.verticalScrollBar()
    qtbot.waitUntil(bar.isVisible, timeout=2000)
    assert bar.maximum() > 0
    assert second.summary_edit.height() == second.summary_edit.minimumHeight()
    save_shot(dialog, "patrol_visit_dialog")

    dialog.accept()

    assert dialog.result() == VisitDialog.DialogCode.Accepted
    result = dialog.result_value
    assert result is not None and len(result.finding_ids) == 2
    visit = ctx.patrols.visit(result.id)
    assert visit.village == "湖二村" and visit.households_visited == 14
    assert [f.risk_level for f in visit.findings] == ["red", "blue"]
    assert visit.findings[0].amount_fen == 1_200_000
    assert ctx.autosave.pending(kind="patrol_visit") == []


def test_zero_report_hides_the_findings(ctx: AppContext, qtbot: QtBot) -> None:
    plan_id = _plan(ctx, TODAY)
    dialog = VisitDialog(ctx, None, _occurrence(ctx, plan_id, TODAY))
    _show(dialog, qtbot)
    type_text(dialog.editors[0].summary_edit, "typed before ticking")
    qtbot.keyClick(dialog.zero_check, Qt.Key.Key_Space)
    assert dialog.zero_check.isChecked()
    assert dialog.findings_box.isHidden()
    assert not dialog.zero_note.isHidden()  # the typed finding will not be saved: said
    dialog.accept()
    assert dialog.result() == VisitDialog.DialogCode.Accepted
    assert dialog.result_value is not None
    visit = ctx.patrols.visit(dialog.result_value.id)
    assert visit.zero_report and visit.findings == ()
    assert _occurrence(ctx, plan_id, TODAY).mark == "zero"


def test_visit_typing_is_kept_as_a_draft_and_resumed(ctx: AppContext, qtbot: QtBot) -> None:
    plan_id = _plan(ctx, TODAY)
    dialog = VisitDialog(ctx, None, _occurrence(ctx, plan_id, TODAY))
    _show(dialog, qtbot)
    type_text(dialog.places_edit, "村委会")
    editor = dialog.editors[0]
    editor.risk_box.setCurrentIndex(editor.risk_box.findData("orange"))
    type_text(editor.summary_edit, "赡养纠纷，老人无人照料")
    qtbot.waitUntil(lambda: dialog.draft_id is not None, timeout=3000)
    dialog.drafts.flush()
    draft_id = dialog.draft_id
    assert draft_id is not None
    dialog._ask_keep = lambda: QMessageBox.StandardButton.Yes  # type: ignore[method-assign]
    dialog.reject()

    again = VisitDialog(ctx, None, draft_id=draft_id)
    _show(again, qtbot)
    assert again.places_edit.text() == "村委会"
    assert again.plan_id == plan_id and again.occurrence_on == TODAY and not again.ad_hoc
    assert again.editors[0].summary_edit.toPlainText() == "赡养纠纷，老人无人照料"
    assert again.editors[0].risk_box.currentData() == "orange"
    again.accept()
    assert again.result() == VisitDialog.DialogCode.Accepted
    assert ctx.autosave.pending(kind="patrol_visit") == []


def test_ad_hoc_visit_needs_no_plan(ctx: AppContext, qtbot: QtBot) -> None:
    dialog = VisitDialog(ctx, None, None, ad_hoc=True, day=TODAY)
    _show(dialog, qtbot)
    type_text(dialog.village_box.lineEdit(), "美溪村")
    type_text(dialog.team_edit, "林春梅")
    dialog.zero_check.setChecked(True)
    dialog.accept()
    assert dialog.result() == VisitDialog.DialogCode.Accepted
    assert dialog.result_value is not None
    visit = ctx.patrols.visit(dialog.result_value.id)
    assert visit.plan_id is None and visit.village == "美溪村"


# -- cancel / move ----------------------------------------------------------------------------
def test_cancel_and_move_an_occurrence(ctx: AppContext, qtbot: QtBot) -> None:
    start = TODAY + timedelta(days=1)
    plan_id = _plan(ctx, start)
    first = _occurrence(ctx, plan_id, start)
    dialog = OccurrenceDialog(ctx, None, first, mode="cancel")
    _show(dialog, qtbot)
    assert not dialog.date_edit.isVisibleTo(dialog)
    type_text(dialog.reason_edit, "镇里集中开会")
    dialog.accept()
    assert dialog.result() == OccurrenceDialog.DialogCode.Accepted
    assert _occurrence(ctx, plan_id, start).mark == "cancelled"

    week_later = start + timedelta(days=7)
    second = _occurrence(ctx, plan_id, week_later)
    dialog = OccurrenceDialog(ctx, None, second, mode="move")
    _show(dialog, qtbot)
    moved_to = week_later + timedelta(days=2)
    dialog.date_edit.setDate(QDate(moved_to.year, moved_to.month, moved_to.day))
    type_text(dialog.reason_edit, "村里办喜事")
    dialog.accept()
    assert dialog.result() == OccurrenceDialog.DialogCode.Accepted
    moved = _occurrence(ctx, plan_id, moved_to)
    assert moved.kind == "moved" and moved.original_on == week_later


# -- a finding --------------------------------------------------------------------------------
def test_finding_escalated_and_receipt_recorded(ctx: AppContext, qtbot: QtBot) -> None:
    plan_id = _plan(ctx, TODAY)
    result = ctx.patrols.record_visit(VisitDraft(
        plan_id=plan_id, occurrence_on=TODAY, on=TODAY, village="湖二村", team=["林春梅"],
        findings=[FindingDraft(summary="征地补偿分配不均，十余户准备集体上访",
                               parties="湖二村5组村民", risk_level="red", people_involved=12)]))
    finding_id = result.finding_ids[0]
    dialog = FindingDialog(ctx, finding_id)
    _show(dialog, qtbot)
    dialog.target_box.setCurrentText("湖头镇综治中心")
    type_text(dialog.escalate_summary, "十余户准备集体上访，请求协调")
    dialog.escalate()
    assert not dialog.escalation_message.is_error, dialog.escalation_message.text()
    assert dialog.escalations.rowCount() == 1
    assert dialog.receipt_button.isEnabled()
    type_text(dialog.receiver_edit, "王主任")
    dialog.record_receipt()
    assert not dialog.escalation_message.is_error, dialog.escalation_message.text()
    escalation = ctx.patrols.finding(finding_id).escalations[0]
    assert escalation.received_by == "王主任" and escalation.received_at is not None
    save_shot(dialog, "patrol_finding_dialog")


def test_a_property_finding_is_reported_to_the_property_alliance(ctx: AppContext,
                                                                 qtbot: QtBot) -> None:
    """The alliance's members (物业管理司法联盟, kept on the 接访 lists) are escalation targets:
    first for a property dispute, offered on every finding form."""
    plan_id = _plan(ctx, TODAY)
    result = ctx.patrols.record_visit(VisitDraft(
        plan_id=plan_id, occurrence_on=TODAY, on=TODAY, village="湖二村", team=["林春梅"],
        findings=[FindingDraft(summary="湖头花园物业停水三天，业主聚集", dispute_type="物业纠纷",
                               parties="湖头花园业主", risk_level="orange", people_involved=20)]))
    alliance = ctx.petition_lists.alliance_members()
    assert alliance
    dialog = FindingDialog(ctx, result.finding_ids[0])
    _show(dialog, qtbot)
    offered = [dialog.target_box.itemText(i) for i in range(dialog.target_box.count())]
    assert offered[1:1 + len(alliance)] == alliance  # after the blank, the alliance first
    assert "湖头镇综治中心" in offered
    dialog.target_box.setCurrentText(alliance[0])
    type_text(dialog.escalate_summary, "请物业管理司法联盟协调恢复供水")
    dialog.escalate()
    assert not dialog.escalation_message.is_error, dialog.escalation_message.text()
    assert [e.target for e in ctx.patrols.finding(result.finding_ids[0]).escalations] == [
        alliance[0]]
    assert dialog.escalations.item(0, 0).text() == alliance[0]
    # A new finding on a visit form offers them too.
    visit = VisitDialog(ctx, None, _occurrence(ctx, _plan(ctx, TODAY, title="湖一村排查",
                                                          villages=("湖一村",)), TODAY))
    _show(visit, qtbot)
    box = visit.editors[0].target_box
    assert set(alliance) <= {box.itemText(i) for i in range(box.count())}


def test_visit_form_by_keyboard_only(ctx: AppContext, qtbot: QtBot) -> None:
    """Tab reaches every field in reading order; Enter moves on (never saves half a record);
    Space ticks the zero report; Ctrl+Enter saves."""
    plan_id = _plan(ctx, TODAY)
    dialog = VisitDialog(ctx, None, _occurrence(ctx, plan_id, TODAY))
    _show(dialog, qtbot)
    assert dialog.date_edit.hasFocus()
    order = [dialog.village_box, dialog.team_edit, dialog.places_edit,
             dialog.households_spin, dialog.note_edit, dialog.zero_check,
             dialog.editors[0].risk_box]
    for widget in order:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert widget.hasFocus() or widget.isAncestorOf(QApplication.focusWidget()), widget
    dialog.places_edit.setFocus()
    type_text(dialog.places_edit, "村委会")
    qtbot.keyClick(dialog.places_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.households_spin.hasFocus()
    dialog.zero_check.setFocus()
    qtbot.keyClick(dialog.zero_check, Qt.Key.Key_Space)
    assert dialog.zero_check.isChecked()
    qtbot.keyClick(dialog.zero_check, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == VisitDialog.DialogCode.Accepted
    assert dialog.result_value is not None
    assert ctx.patrols.visit(dialog.result_value.id).places == "村委会"


def test_a_patrol_of_two_villages_offers_the_one_not_yet_recorded(ctx: AppContext,
                                                                  qtbot: QtBot) -> None:
    plan_id = _plan(ctx, TODAY, title="郭埔村、竹山村排查", villages=("郭埔村", "竹山村"))
    ctx.patrols.record_visit(VisitDraft(plan_id=plan_id, occurrence_on=TODAY, on=TODAY,
                                        village="郭埔村", team=["林春梅"], zero_report=True))
    dialog = VisitDialog(ctx, None, _occurrence(ctx, plan_id, TODAY))
    _show(dialog, qtbot)
    assert dialog.village_box.currentText() == "竹山村"
    dialog.village_box.setCurrentText("郭埔村")  # the same village twice: refused inline
    dialog.zero_check.setChecked(True)
    dialog.accept()
    assert dialog.isVisible() and dialog.messages["village"].is_error


def test_a_finding_case_form_kept_as_a_draft_still_links_when_resumed(
        ctx: AppContext, qtbot: QtBot) -> None:
    """The intake form opened from a finding autosaves like any other; resumed from 工作台
    another day, registering it must still link the case to its finding."""
    plan_id = _plan(ctx, TODAY)
    result = ctx.patrols.record_visit(VisitDraft(
        plan_id=plan_id, occurrence_on=TODAY, on=TODAY, village="湖二村", team=["林春梅"],
        findings=[FindingDraft(summary="两户因宅基地边界争执", parties="张某与李某",
                               risk_level="orange")]))
    finding_id = result.finding_ids[0]
    draft = ctx.patrols.case_draft_for(finding_id)
    first = IntakeDialog(ctx, None, prefill={**intake_payload(draft), "finding_id": finding_id})
    qtbot.addWidget(first)
    first._ask_keep = lambda: QMessageBox.StandardButton.Yes  # type: ignore[method-assign]
    first.show()
    type_text(first.case.summary_edit, "，扬言动手")
    first.drafts.save_now()
    draft_id = first.draft_id
    first.reject()  # closed, the draft kept
    assert draft_id and ctx.autosave.load(draft_id)["finding_id"] == finding_id
    assert ctx.patrols.finding(finding_id).case_id is None

    again = IntakeDialog(ctx, None, draft_id=draft_id)  # resumed from 工作台
    qtbot.addWidget(again)
    again._inform = lambda title, text: None  # type: ignore[method-assign]
    assert again.finding_id == finding_id
    again.accept()
    assert again.registered is not None, again.general_message.text()
    linked = ctx.patrols.finding(finding_id)
    assert linked.case_id == again.registered.case_id
    assert linked.case_number == again.registered.number
    assert ctx.case_detail.load(linked.case_id).source == "排查发现"



def test_a_moved_patrol_and_an_extra_one_on_its_planned_date_both_recorded(
        ctx: AppContext, qtbot: QtBot) -> None:
    """Issue 10, as a mediator meets it: last week's patrol was moved two days on, and an
    extra visit was held on its planned day. Both are recorded through the form, each against
    its own occurrence; the extra one is cancelled from the calendar without touching the
    moved one."""
    planned = TODAY - timedelta(days=7)
    plan_id = _plan(ctx, planned)
    ctx.patrols.move_occurrence(plan_id, planned, planned + timedelta(days=2), "", "遇雨天")
    ctx.patrols.add_extra(plan_id, planned, "15:00", "山林纠纷专项排查")
    ctx.patrols.add_extra(plan_id, TODAY + timedelta(days=3), "15:00", "节前专项排查")
    for on in (planned, planned + timedelta(days=2)):  # the extra first, then the moved one
        dialog = VisitDialog(ctx, None, _occurrence(ctx, plan_id, on))
        _show(dialog, qtbot)
        qtbot.keyClick(dialog.zero_check, Qt.Key.Key_Space)
        dialog.accept()
        assert dialog.result() == VisitDialog.DialogCode.Accepted, dialog.general_message.text()
    marks = {o.kind: (o.mark, len(o.visit_ids)) for o in ctx.patrols.schedule(
        planned, planned + timedelta(days=2), TODAY)}
    assert marks == {"extra": ("zero", 1), "moved": ("zero", 1)}

    coming = _occurrence(ctx, plan_id, TODAY + timedelta(days=3))
    assert coming.kind == "extra"
    dialog = OccurrenceDialog(ctx, None, coming, mode="cancel")
    _show(dialog, qtbot)
    type_text(dialog.reason_edit, "天气原因")
    dialog.accept()
    assert dialog.result() == OccurrenceDialog.DialogCode.Accepted
    assert ctx.patrols.schedule(TODAY + timedelta(days=1), TODAY + timedelta(days=6)) == []
    assert [o.mark for o in ctx.patrols.schedule(planned, planned + timedelta(days=2))] == [
        "zero", "zero"]
