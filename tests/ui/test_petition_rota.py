"""The duty rota corrected and ended from the 接访 page's rota tab, on a real register: the
edit form comes filled (cadence preset recognised), a cadence other than weekly is saved and
its duty days listed; the end dialog refuses a day before the start beside its field and then
ends the rota, the later duty days gone."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from mediation_desk.services.petitions.rota import RotaDraft
from tests.conftest import SUITE_NOW
from tests.ui.conftest import save_shot
from tests.ui.test_petition_view import _ok, _window, on_dialog
from ui.context import AppContext
from ui.dialogs.petitions.rota_dialog import RotaDialog
from ui.dialogs.petitions.rota_end_dialog import RotaEndDialog

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints",
                                       "does not support raise", "does not support grabbing")

TODAY = SUITE_NOW.date()  # Monday 2026-12-07


def test_a_rota_is_edited_and_ended_from_the_rota_tab(ctx: AppContext, qtbot: QtBot) -> None:
    rid = ctx.rota.save_rota(RotaDraft(title="镇领导坐班接访", receivers=["陈镇长", "林春梅"],
                                       place="镇综治中心接访室", starts_on=TODAY)).id
    window = _window(ctx, qtbot)
    view = window.petition_view
    view.tabs.setCurrentWidget(view.rota_tab)
    tab = view.rota_tab
    tab.refresh()
    assert tab.rota_box.count() == 1 and tab.edit_rota_button.isEnabled()
    assert tab.duty.rowCount() == 5
    seen: dict[str, object] = {}

    def edit(dialog: QDialog) -> None:
        assert isinstance(dialog, RotaDialog)
        assert dialog.title_edit.text() == "镇领导坐班接访"
        assert dialog.receivers_edit.text() == "陈镇长、林春梅"
        assert dialog.preset_box.currentData() == "weekly"
        assert dialog.weekday_box.currentData() == "MO"
        dialog.preset_box.setCurrentIndex(dialog.preset_box.findData("half_monthly"))
        assert "2026-12-16" in dialog.preview_label.text()
        save_shot(dialog, "petition_rota_edit_dialog")
        _ok(dialog)

    on_dialog(RotaDialog, edit, seen)
    tab.edit_rota_button.click()
    assert "error" not in seen and "left_open" not in seen, seen
    assert ctx.rota.rotas()[0].rule == "FREQ=MONTHLY;BYMONTHDAY=1,16"
    assert [tab.duty.item(r, 0).text()[:10] for r in range(tab.duty.rowCount())] == [
        "2026-12-16", "2027-01-01"]

    def end(dialog: QDialog) -> None:
        assert isinstance(dialog, RotaEndDialog)
        dialog.last_edit.setDate(QDate(2026, 12, 1))  # before the rota starts
        _ok(dialog)
        seen["refused"] = [label.text() for label in dialog.error_labels()]
        assert dialog.isVisible()
        dialog.last_edit.setDate(QDate(2026, 12, 20))
        save_shot(dialog, "petition_rota_end_dialog")
        _ok(dialog)

    on_dialog(RotaEndDialog, end, seen)
    tab.end_rota_button.click()
    assert "error" not in seen and "left_open" not in seen, seen
    assert seen["refused"] == ["早于开始日期"]
    assert ctx.rota.rotas()[0].until == date(2026, 12, 20)
    assert [tab.duty.item(r, 0).text()[:10] for r in range(tab.duty.rowCount())] == [
        "2026-12-16"]
    assert rid == ctx.rota.rotas()[0].id
