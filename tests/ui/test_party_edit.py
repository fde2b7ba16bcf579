"""Correcting a party from the case view's 当事人 tab, through the real widgets and services.

The case is the one the 文书 tab tests use: agreed in writing, with 李明 registered without an
address, so its agreement cannot be printed until the address is filled in.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import save_shot, type_text
from tests.ui.test_case_view import drive
from tests.ui.test_printing import agreed_case
from ui.context import AppContext
from ui.dialogs.cases.party_dialog import PartyDialog
from ui.views.cases.case_view import TAB_HISTORY, TAB_PARTIES, CaseView
from ui.views.cases.tabs.parties_tab import COL_ADDRESS, COL_ID, COL_NAME

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

ADDRESS = "安溪县湖头镇湖二村3组47号"
VIEW_SIZE = (1240, 650)


@pytest.fixture
def view(ctx: AppContext, qtbot: QtBot) -> CaseView:
    case_view = CaseView(ctx, agreed_case(ctx, respondent_address=""))
    qtbot.addWidget(case_view)
    case_view.resize(*VIEW_SIZE)
    case_view.show()
    case_view.tabs.setCurrentIndex(TAB_PARTIES)
    return case_view


def missing(ctx: AppContext, case_id: str, kind: str) -> tuple[str, ...]:
    return next(c.missing for c in ctx.printing.forms(case_id) if c.kind == kind)


def test_edit_the_respondents_address_and_the_agreement_prints(
        view: CaseView, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    tab = view.parties_tab
    assert any("李明" in line and "住址" in line for line in missing(ctx, view.case_id,
                                                                       "agreement"))
    assert not tab.edit_button.isEnabled()  # nothing selected yet
    seen = {}

    def fill(d: PartyDialog) -> None:
        # Prefilled with the full values, to be corrected rather than retyped.
        seen.update(name=d.name_edit.text(), id=d.id_edit.text(), phone=d.phone_edit.text(),
                    side=d.side_box.currentData(), party_id=d.party_id)
        type_text(d.address_edit, ADDRESS)
        type_text(d.occupation_edit, "个体户")
        QTest.qWait(20)
        save_shot(d, "party_edit_dialog")

    opened = drive(monkeypatch, PartyDialog, fill)
    tab.table.selectRow(1)
    assert tab.selected_party_id() == tab.parties[1].id and tab.edit_button.isEnabled()
    tab.edit_button.click()

    assert len(opened) == 1
    assert seen["name"] == "李明" and seen["side"] == "respondent"
    assert seen["id"] == "360426199101010071" and seen["phone"] == "0595-23456789"
    assert seen["party_id"] == tab.parties[1].id  # editing, not adding
    assert tab.table.item(1, COL_NAME).text() == "李明"
    assert tab.table.item(1, COL_ADDRESS).text() == ADDRESS
    assert tab.table.item(1, COL_ID).text() != "360426199101010071"  # masked again
    respondent = ctx.case_detail.load(view.case_id).parties[1]
    assert (respondent.address, respondent.occupation) == (ADDRESS, "个体户")
    assert not view.message_label.isHidden() and "李明" not in view.message_label.text()
    QTest.qWait(20)
    save_shot(view, "party_edited_parties_tab")

    # Printing now works: neither form lacks the address any more.
    for kind in ("agreement", "application"):
        assert not any("住址" in line for line in missing(ctx, view.case_id, kind)), kind
    assert next(c for c in ctx.printing.forms(view.case_id) if c.kind == "agreement").available
    assert ctx.printing.render(view.case_id, "agreement").pages >= 1
    # The 操作记录 names what changed, not the values.
    whats = [line.what for line in ctx.case_detail.load(view.case_id).history]
    assert "修改当事人（住址、职业）" in whats
    assert not any(ADDRESS in what for what in whats)
    view.tabs.setCurrentIndex(TAB_HISTORY)
    assert view.history_tab.isVisible()


def test_a_double_click_edits_and_a_bad_id_is_refused_beside_the_field(
        view: CaseView, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    tab = view.parties_tab
    refusals = []

    def fill(d: PartyDialog) -> None:
        d.id_edit.setText("360426199101010072")  # wrong check digit
        type_text(d.address_edit, ADDRESS)
        d.ok_button.click()
        refusals.append((d.isVisible(), d.id_error.text(), d.error_labels()))
        QTest.qWait(20)
        save_shot(d, "party_edit_dialog_refused")
        d.id_edit.setText("360426199101010071")

    opened = drive(monkeypatch, PartyDialog, fill)
    rect = tab.table.visualItemRect(tab.table.item(1, COL_NAME))
    for click in (QTest.mouseClick, QTest.mouseDClick):  # a press first, as a hand does
        click(tab.table.viewport(), Qt.MouseButton.LeftButton,
              Qt.KeyboardModifier.NoModifier, rect.center())
    assert len(opened) == 1
    visible, id_error, labels = refusals[0]
    assert visible and id_error and labels == [opened[0].id_error]
    # Accepted on the second try, with the address typed the first time.
    assert ctx.case_detail.load(view.case_id).parties[1].address == ADDRESS
    assert tab.table.item(1, COL_ADDRESS).text() == ADDRESS
