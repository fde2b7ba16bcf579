"""操作记录 that explains itself, and 修改案件信息, through the case view's real widgets: an edit
made in the dialog shows on the history tab field by field with its value before and after,
personal numbers masked, the full values below the list."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mediation_desk.store.models import Party
from tests.conftest import neighbour_draft
from tests.ui.conftest import save_shot, type_text
from ui.context import AppContext
from ui.dialogs.cases.case_edit_dialog import CaseEditDialog
from ui.fonts import apply_ui_font
from ui.views.cases.case_view import TAB_HISTORY, TAB_OVERVIEW, CaseView
from ui.views.cases.tabs.history_tab import COL_ACTION, COL_AFTER, COL_BEFORE, COL_ITEM

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

WINDOW = (1366, 768)


def drive(monkeypatch: pytest.MonkeyPatch, fill: Callable[[CaseEditDialog], None]
          ) -> list[CaseEditDialog]:
    """Make the dialog's exec fill the real dialog and press OK (it may stay open)."""
    opened: list[CaseEditDialog] = []

    def fake_exec(self: Any) -> int:
        opened.append(self)
        self.show()
        fill(self)
        if self.result() == 0 and not self.error_labels():
            self.ok_button.click()
        result = self.result()
        self.hide()
        return int(result)

    monkeypatch.setattr(CaseEditDialog, "exec", fake_exec)
    return opened


@pytest.fixture
def view(ctx: AppContext, qtbot: QtBot) -> CaseView:
    case_id = ctx.intake.register(neighbour_draft(amount_fen=500000)).cases[0].case_id
    case_view = CaseView(ctx, case_id)
    qtbot.addWidget(case_view)
    case_view.resize(*WINDOW)
    case_view.show()
    return case_view


def rows(view: CaseView) -> list[tuple[str, str, str, str]]:
    table = view.history_tab.table
    return [tuple(table.item(r, c).text() for c in (COL_ACTION, COL_ITEM, COL_BEFORE,
                                                    COL_AFTER))  # type: ignore[misc]
            for r in range(table.rowCount())]


def test_an_edit_in_the_dialog_shows_before_and_after(view: CaseView, ctx: AppContext,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    def fill(dialog: CaseEditDialog) -> None:
        dialog.summary_edit.clear()
        type_text(dialog.summary_edit, "屋檐滴水，院墙开裂约两米。")
        dialog.risk_box.setCurrentIndex(dialog.risk_box.findData("orange"))
        dialog.amount_edit.setText("8000")

    opened = drive(monkeypatch, fill)
    view.overview.edit_button.click()
    assert len(opened) == 1 and "已保存" in view.message_label.text()
    assert view.overview.values["summary"].text() == "屋檐滴水，院墙开裂约两米。"
    assert "橙" in view.risk_label.text()
    view.tabs.setCurrentIndex(TAB_HISTORY)
    shown = rows(view)
    assert ("修改案件信息", "风险等级", "蓝", "橙") in shown
    assert ("修改案件信息", "涉及金额", "5000.00元", "8000.00元") in shown
    summary = next(r for r in shown if r[1] == "纠纷简要情况")
    assert summary[3] == "屋檐滴水，院墙开裂约两米。"
    # Choosing the line shows the whole before and after below the list.
    row = shown.index(summary)
    view.history_tab.table.setCurrentCell(row, 0)
    text = view.history_tab.details.toPlainText()
    assert neighbour_draft().summary in text and "屋檐滴水，院墙开裂约两米。" in text
    # The mediators chosen at intake read as 指定调解员; the registration as 受理登记.
    actions = [r[0] for r in shown]
    assert "指定调解员" in actions and "受理登记" in actions and "新建调解员" not in actions


def test_bad_values_are_refused_beside_their_fields(view: CaseView, ctx: AppContext,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, str] = {}

    def fill(dialog: CaseEditDialog) -> None:
        dialog.title_edit.clear()
        dialog.people_edit.setText("很多")
        dialog.ok_button.click()
        seen.update({name: label.text() for name, label in dialog.errors.items()
                     if label.text()})
        dialog.reject()

    drive(monkeypatch, fill)
    view.overview.edit_button.click()
    assert set(seen) == {"title", "people_involved"}
    assert "整数" in seen["people_involved"]
    assert ctx.case_edit.values(view.case_id)["title"] == "张喆与李明邻里纠纷"


def test_a_party_edit_shows_masked_numbers(view: CaseView, ctx: AppContext) -> None:
    li = Party.get(Party.case == view.case_id, Party.side == "respondent")
    draft = ctx.casework.party_draft(li.id)
    draft.phone = "13912345670"
    ctx.casework.update_party(li.id, draft)
    view.tabs.setCurrentIndex(TAB_HISTORY)
    assert ("修改当事人", "当事人 李明 联系电话", "0595-****6789", "139****5670") in rows(view)
    assert not any("13912345670" in cell or "23456789" in cell
                   for row in rows(view) for cell in row)


@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_render_the_history_tab(view: CaseView, ctx: AppContext, scale: float) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_ui_font(app, scale)
    try:
        ctx.case_edit.correct(view.case_id, {"risk_level": "red", "people_involved": "6",
                                             "summary": "屋檐滴水，院墙开裂约两米，双方多次争吵。"})
        li = Party.get(Party.case == view.case_id, Party.side == "respondent")
        draft = ctx.casework.party_draft(li.id)
        draft.phone, draft.address = "13912345670", "安溪县湖头镇湖二村3组47号"
        ctx.casework.update_party(li.id, draft)
        view.tabs.setCurrentIndex(TAB_HISTORY)
        view.history_tab.table.setCurrentCell(0, 0)
        QTest.qWait(50)
        save_shot(view, f"history_tab_{int(scale * 100)}")
        view.tabs.setCurrentIndex(TAB_OVERVIEW)
        QTest.qWait(20)
        save_shot(view, f"overview_edit_button_{int(scale * 100)}")
    finally:
        apply_ui_font(app, 1.0)


def test_the_edit_dialog_names_the_compound_and_its_history_lists_the_case(
        view: CaseView, ctx: AppContext, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from mediation_desk.services.petitions.types import CompoundDraft
    from ui.views.petitions.compounds_tab import CompoundsTab

    ctx.petition_lists.save_compound(CompoundDraft(name="湖头花园",
                                                   property_company="湖头物业公司"))

    def fill(dialog: CaseEditDialog) -> None:
        box = dialog.compound_box
        assert box.currentData() == ""  # none named yet
        box.setCurrentIndex(box.findData("湖头花园"))

    opened = drive(monkeypatch, fill)
    view.overview.edit_button.click()
    assert len(opened) == 1 and "已保存" in view.message_label.text()
    assert "湖头花园" in view.overview.values["village"].text()
    view.tabs.setCurrentIndex(TAB_HISTORY)
    assert ("修改案件信息", "小区", "（空）", "湖头花园") in rows(view)
    tab = CompoundsTab(ctx)
    qtbot.addWidget(tab)
    tab.refresh()
    assert tab.history.rowCount() == 1
    assert tab.history.item(0, 2).text() == "（2026）湖头人调字第1号"
    assert tab.lines[0].kind == "case" and tab.lines[0].id == view.case_id
