"""The window's side of laptop sync: the laptops page under 设置, enrolment, the 同步 dialog,
the conflicts side by side, and the badge on 工作台 — real registers, real Qt offscreen."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mediation_desk import clock
from mediation_desk.services.cases.casework import CaseworkService
from mediation_desk.services.cases.drafts import PartyDraft
from mediation_desk.services.cases.intake import IntakeService
from mediation_desk.services.sync.service import SyncService
from mediation_desk.store.database import Store
from mediation_desk.store.models import Party
from tests.conftest import Register, neighbour_draft
from tests.ui.conftest import save_shot, type_text
from ui.context import AppContext
from ui.dialogs.sync.conflicts_dialog import ConflictsDialog
from ui.dialogs.sync.enrol_dialog import EnrolDialog
from ui.dialogs.sync.exchange_dialog import ExchangeDialog
from ui.fonts import apply_ui_font
from ui.main_window import PAGE_SETTINGS, PAGE_TODAY, MainWindow

TODAY = date(2026, 11, 20)


@pytest.fixture(autouse=True)
def pinned_and_own_settings(tmp_path: Path, qapp: QApplication) -> Iterator[None]:
    default = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.GenericConfigLocation)
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    QSettings().clear()
    with clock.pinned(TODAY):
        yield
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, default)
    apply_ui_font(qapp, 1.0)


def laptop_sends(register: Register, tmp_path: Path, address: str | None = None) -> Path:
    """A laptop enrolled at the desk registers a case (and maybe edits the desk's first
    case's applicant) and writes its bundle onto a stick; the desk is current again after."""
    desk = register.store
    SyncService(desk, register.actor).enroll("巡查一号", tmp_path / "巡查一号.db")
    laptop = Store.open(tmp_path / "巡查一号.db", desk.db_key)
    try:
        IntakeService(laptop, register.actor).register(neighbour_draft(
            summary="湖上村排查时登记：林地界址纠纷", dispute_type="山林土地纠纷",
            parties=[PartyDraft(side="applicant", name="苏清河"),
                     PartyDraft(side="respondent", name="苏明远")]))
        if address is not None:
            edit_applicant(laptop, register, address)
        SyncService(laptop, register.actor).export(tmp_path / "stick")
    finally:
        laptop.close()
        desk.activate()
    return tmp_path / "stick"


def edit_applicant(store: Store, register: Register, address: str) -> None:
    work = CaseworkService(store, register.actor)
    party = Party.get(Party.name == "张喆")
    work.update_party(party.id, dataclasses.replace(work.party_draft(party.id),
                                                    address=address))


def test_enrol_from_the_laptops_page(ctx: AppContext, qtbot: QtBot, tmp_path: Path) -> None:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    win.show_page(PAGE_SETTINGS)
    win.settings_tabs.setCurrentWidget(win.laptops_view)
    view = win.laptops_view
    assert view.enrol_button.isVisible() and view.enrol_button.isEnabled()
    assert not view.exchange_button.isEnabled()

    dialog = EnrolDialog(ctx, win)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.name_edit, "巡查一号")
    assert dialog.path_edit.text().endswith("巡查一号.db")  # the file follows the name
    dialog.path_edit.setText(str(tmp_path / "laptops" / "巡查一号.db"))
    dialog.block_spin.setValue(30)
    save_shot(dialog, "sync_enrol_dialog")
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.enrolled is not None, timeout=30_000)
    assert dialog.enrolled is not None and dialog.enrolled.numbers == (1, 30)
    assert (tmp_path / "laptops" / "巡查一号.db").exists()

    again = EnrolDialog(ctx, win)
    qtbot.addWidget(again)
    again.show()
    type_text(again.name_edit, "巡查一号")
    again.accept()
    qtbot.waitUntil(lambda: again.buttons.isEnabled(), timeout=30_000)
    assert again.isVisible() and "已被另一台设备使用" in again.name_error.text()

    view.reload()
    assert view.table.rowCount() == 1 and view.table.item(0, 0).text() == "巡查一号"
    assert view.exchange_button.isEnabled()
    qtbot.wait(20)
    save_shot(win, "sync_laptops_page")


def test_exchange_dialog_brings_in_a_laptops_case(ctx: AppContext, register: Register,
                                                   qtbot: QtBot, tmp_path: Path) -> None:
    stick = laptop_sends(register, tmp_path)
    dialog = ExchangeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.folder_edit.setText(str(stick))
    dialog.exchange_button.click()
    qtbot.waitUntil(lambda: dialog.result_.exported is not None, timeout=60_000)
    text = dialog.log.toPlainText()
    assert "导入1个交换包" in text and "给“巡查一号”" in text
    assert not dialog.conflicts_button.isVisible()
    assert ctx.search.search("林地界址")
    save_shot(dialog, "sync_exchange_dialog")

    dialog.folder_edit.setText(str(tmp_path / "no-such-stick"))
    dialog.import_button.click()
    assert "请选择一个已有的文件夹" in dialog.folder_error.text()


def test_conflicts_side_by_side_and_the_badge(ctx: AppContext, register: Register,
                                              qtbot: QtBot, tmp_path: Path) -> None:
    IntakeService(register.store, register.actor).register(neighbour_draft())
    stick = laptop_sends(register, tmp_path, address="湖二村3组49号（笔记本）")
    edit_applicant(register.store, register, "湖二村3组47号（主机）")
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    badge = win.today_view.conflict_badge
    assert not badge.isVisible()
    ctx.sync.import_(stick)
    qtbot.waitUntil(badge.isVisible)
    assert badge.text() == "1处同步冲突待处理"
    win.show_page(PAGE_TODAY)
    qtbot.wait(20)
    save_shot(win, "sync_today_badge")

    apply_ui_font(QApplication.instance(), 1.5)  # type: ignore[arg-type]
    dialog = ConflictsDialog(ctx, win)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.width() <= 1366 and dialog.height() <= 728, "fits 1366×768 at 150 % text"
    assert dialog.table.rowCount() == 1
    assert dialog.mine_box.toPlainText() == "湖二村3组47号（主机）"
    assert dialog.theirs_box.toPlainText() == "湖二村3组49号（笔记本）"
    assert dialog.base_box.toPlainText() == "安溪县湖头镇湖二村3组45号"
    assert dialog.mine_caption.text().startswith("本机（")
    assert dialog.theirs_caption.text() == "对方（巡查一号）"
    save_shot(dialog, "sync_conflicts_dialog")
    dialog.merged_edit.clear()
    dialog.keep_merged.click()
    assert "不能为空" in dialog.error.text()
    type_text(dialog.merged_edit, "湖二村3组47号")
    dialog.keep_merged.click()
    assert dialog.resolved == 1 and dialog.table.rowCount() == 0
    assert dialog.empty_label.isVisible()
    qtbot.waitUntil(lambda: not badge.isVisible())
    assert Party.get(Party.name == "张喆").address == "湖二村3组47号"
