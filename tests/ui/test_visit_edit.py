"""Correcting a recorded patrol (修改排查记录) through the real visit form on a real register:
the form opens prefilled, locks what the correction keeps, saves with the service; the 排查
page offers the correction for a recorded patrol besides printing its record form."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from mediation_desk.services.patrols.service import (
    FindingDraft,
    Occurrence,
    PatrolResult,
    PlanDraft,
    TeamMember,
    VisitDraft,
)
from tests.conftest import SUITE_NOW
from tests.ui.conftest import save_shot, type_text
from ui.context import AppContext
from ui.dialogs.patrol.visit_dialog import VisitDialog
from ui.i18n import translate
from ui.views.patrol.cadence import WEEKDAY_CODES
from ui.views.patrol.patrol_view import PRINT_CHOICE, PatrolView

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints",
                                       "does not support raise", "does not support grabbing")

HELD = SUITE_NOW.date() - timedelta(days=7)


def _recorded_visit(ctx: AppContext) -> tuple[str, list[str]]:
    """A weekly plan, and last week's patrol recorded with two findings, the first
    escalated."""
    plan_id = ctx.patrols.add_plan(PlanDraft(
        title="湖二村定期排查", villages=["湖二村"],
        team=[TeamMember("林春梅", "lead"), TeamMember("陈志强", "member")], starts_on=HELD,
        until=HELD + timedelta(days=90), time="09:00", duration_minutes=180,
        rule=f"FREQ=WEEKLY;BYDAY={WEEKDAY_CODES[HELD.weekday()]}")).id
    result = ctx.patrols.record_visit(VisitDraft(
        plan_id, None, HELD, "湖二村", [], places="村委会、3组", households_visited=9,
        findings=[FindingDraft("张某与李某因山林界址争执，双方情绪激动", parties="张某与李某",
                               dispute_type="山林土地纠纷", people_involved=2,
                               risk_level="orange", escalated_to="湖头镇司法所"),
                  FindingDraft("王五家犬咬伤邻居鸡鸭", risk_level="blue")]))
    return result.id, result.finding_ids


def _open(ctx: AppContext, qtbot: QtBot, visit_id: str) -> VisitDialog:
    dialog = VisitDialog(ctx, None, visit_id=visit_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_correcting_the_places_of_a_recorded_patrol(ctx: AppContext, qtbot: QtBot) -> None:
    visit_id, finding_ids = _recorded_visit(ctx)
    dialog = _open(ctx, qtbot, visit_id)
    assert dialog.places_edit.text() == "村委会、3组"
    assert dialog.households_spin.value() == 9 and dialog.team() == ["林春梅", "陈志强"]
    assert not dialog.date_edit.isEnabled()  # the date stays as recorded
    escalated, plain = dialog.editors
    assert not escalated.remove_button.isEnabled() and plain.remove_button.isEnabled()
    assert not escalated.target_box.isEnabled() and not escalated.result_edit.isEnabled()
    assert escalated.summary_edit.toPlainText().startswith("张某与李某")

    dialog.places_edit.clear()
    type_text(dialog.places_edit, "村委会、3组、5组、集贸市场")
    type_text(plain.parties_edit, "王五与赵六")
    qtbot.wait(100)  # let the scroll area lay out before the picture
    save_shot(dialog, "visit_edit_dialog")
    dialog.accept()
    assert dialog.result() == VisitDialog.DialogCode.Accepted, dialog.general_message.text()

    view = ctx.patrols.visit(visit_id)
    assert view.places == "村委会、3组、5组、集贸市场"
    assert [f.id for f in view.findings] == finding_ids  # corrected in place
    assert view.findings[1].parties == "王五与赵六"
    assert [e.target for e in view.findings[0].escalations] == ["湖头镇司法所"]
    assert ctx.autosave.pending() == []  # a correction leaves no draft behind


def test_a_refused_correction_is_shown_and_writes_nothing(ctx: AppContext,
                                                         qtbot: QtBot) -> None:
    visit_id, _ids = _recorded_visit(ctx)
    dialog = _open(ctx, qtbot, visit_id)
    dialog._ask_keep = lambda: QMessageBox.StandardButton.No  # type: ignore[method-assign]
    dialog.editors[1].risk_box.setCurrentIndex(0)  # no risk level
    dialog.households_spin.setValue(30)
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.editors[1].messages["risk_level"].is_error
    assert ctx.patrols.visit(visit_id).households_visited == 9


def test_the_patrol_page_offers_the_correction(ctx: AppContext, qtbot: QtBot,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    visit_id, _ids = _recorded_visit(ctx)
    view = PatrolView(ctx)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.show_month(HELD.year, HELD.month, HELD)
    occurrence = view.calendar.month_model.occurrences_on(HELD)[0]
    assert occurrence.visit_ids == (visit_id,)
    assert view.week.select(occurrence)
    assert view.edit_record_button.isEnabled()

    offered: list[bool] = []

    def choose(occ: Occurrence, *, with_print: bool) -> str | None:
        offered.append(with_print)
        return occ.visit_ids[0]

    def ask_edit(parent: QWidget | None, ctx: AppContext, visit_id: str) -> PatrolResult | None:
        dialog = VisitDialog(ctx, parent, visit_id=visit_id)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.households_spin.setValue(12)
        dialog.accept()
        return dialog.result_value

    monkeypatch.setattr(view, "recorded_choice", choose)
    monkeypatch.setattr(VisitDialog, "ask_edit", staticmethod(ask_edit))
    view.activate(occurrence)  # a double click on a recorded patrol
    assert offered == [True]  # correcting, besides printing the record form
    assert ctx.patrols.visit(visit_id).households_visited == 12
    assert view.status.text() == translate("PatrolView", "Patrol record corrected.")

    printed: list[bool] = []
    monkeypatch.setattr(view, "recorded_choice", lambda occ, *, with_print: PRINT_CHOICE)
    monkeypatch.setattr(view, "print_record", lambda: printed.append(True))
    view.activate(view.calendar.month_model.occurrences_on(HELD)[0])
    assert printed == [True]
