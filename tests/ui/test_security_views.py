"""设置 → 账户 / 备份 and the idle lock, on real encrypted registers."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QVBoxLayout
from pytestqt.qtbot import QtBot

from mediation_desk.errors import WrongPassword
from mediation_desk.services.safety.accounts import open_register
from mediation_desk.services.safety.backups import auto_backup, backup_to
from tests.conftest import PASSWORD, Register, neighbour_draft
from tests.ui.conftest import save_shot, type_text
from ui.backup_jobs import DailyBackup, backups_in
from ui.context import AppContext
from ui.dialogs.safety.account_dialog import AccountDialog
from ui.dialogs.safety.password_dialog import CHANGE, ENABLE, PasswordDialog
from ui.dialogs.safety.restore_dialog import RestoreDialog
from ui.main_window import PAGE_CASES, PAGE_SETTINGS, MainWindow
from ui.views.cases.case_view import CaseView
from ui.views.safety.accounts_view import AccountsView
from ui.views.safety.backups_view import BackupsView

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
MEDIATOR_PASSWORD = "lin-pass-2026"


def _type(edit: QLineEdit, text: str) -> None:
    edit.clear()
    type_text(edit, text)


def _add_mediator(ctx: AppContext, qtbot: QtBot, username: str = "lin",
                  name: str = "林春梅") -> AccountDialog:
    dialog = AccountDialog(ctx)
    qtbot.addWidget(dialog)
    _type(dialog.username_edit, username)
    _type(dialog.display_edit, name)
    dialog.role_box.setCurrentIndex(dialog.role_box.findData("mediator"))
    _type(dialog.password_edit, MEDIATOR_PASSWORD)
    _type(dialog.repeat_edit, MEDIATOR_PASSWORD)
    dialog.accept()
    return dialog


@pytest.fixture
def window(ctx: AppContext, qtbot: QtBot) -> MainWindow:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def backup_dir(ctx: AppContext, tmp_path: Path) -> Path:
    folder = tmp_path / "usb" / "备份"
    safety = ctx.settings.safety()
    ctx.settings.update_safety(type(safety)(str(folder), 3, safety.idle_lock_minutes))
    return folder


# -- accounts ---------------------------------------------------------------------------------
def test_add_a_mediator_through_the_dialog(ctx: AppContext, qtbot: QtBot) -> None:
    dialog = AccountDialog(ctx)
    qtbot.addWidget(dialog)
    _type(dialog.username_edit, "lin")
    _type(dialog.password_edit, "short")
    _type(dialog.repeat_edit, "shorter")
    dialog.accept()
    assert dialog.repeat_error.is_error and dialog.result() != QDialog.DialogCode.Accepted
    _type(dialog.repeat_edit, "short")
    dialog.accept()  # the service refuses a short password, beside the field
    assert dialog.password_error.is_error and "8" in dialog.password_error.text()
    assert not dialog.repeat_error.is_error
    dialog.show()
    qtbot.waitExposed(dialog)
    save_shot(dialog, "security_account_dialog")

    added = _add_mediator(ctx, qtbot)
    assert added.result() == QDialog.DialogCode.Accepted and added.username == "lin"
    again = _add_mediator(ctx, qtbot)  # the same user name twice: refused inline
    assert again.username_error.is_error and again.result() != QDialog.DialogCode.Accepted

    view = AccountsView(ctx)
    qtbot.addWidget(view)
    assert view.usernames() == ["admin", "lin"]
    row = view.usernames().index("lin")
    assert view.table.item(row, 1).text() == "林春梅"
    assert view.table.item(row, 2).text() == "调解员"
    view.select("admin")
    assert not view.toggle_button.isEnabled()  # an administrator cannot disable herself


def test_disable_and_enable_an_account(ctx: AppContext, qtbot: QtBot,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    _add_mediator(ctx, qtbot)
    view = AccountsView(ctx)
    qtbot.addWidget(view)
    view.select("lin")
    view.toggle_active()
    row = view.usernames().index("lin")
    assert not view.rows[row].active and view.table.item(row, 0).font().italic()
    assert "lin" in view.message_label.text()
    assert not view.reset_button.isEnabled()

    # Enabling asks for a new password first; a short one is refused and nothing changes.
    dialog = PasswordDialog(ctx, "lin", ENABLE)
    qtbot.addWidget(dialog)
    _type(dialog.new_edit, "short")
    _type(dialog.repeat_edit, "short")
    dialog.accept()
    assert dialog.new_error.is_error
    assert not next(a for a in ctx.accounts.accounts() if a.username == "lin").active
    _type(dialog.new_edit, "new-lin-pass")
    _type(dialog.repeat_edit, "new-lin-pass")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert next(a for a in ctx.accounts.accounts() if a.username == "lin").active
    assert view.rows[view.usernames().index("lin")].active  # the view heard the change


def test_change_my_password(ctx: AppContext, qtbot: QtBot) -> None:
    dialog = PasswordDialog(ctx, None, CHANGE)
    qtbot.addWidget(dialog)
    assert not dialog.old_edit.isHidden()
    _type(dialog.old_edit, "not-my-password")
    _type(dialog.new_edit, "brand-new-pass")
    _type(dialog.repeat_edit, "brand-new-pass")
    dialog.accept()
    assert dialog.old_error.is_error and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.old_edit.text() == ""
    dialog.show()
    qtbot.waitExposed(dialog)
    save_shot(dialog, "security_password_dialog")
    assert ctx.accounts.verify_password(PASSWORD)
    _type(dialog.old_edit, PASSWORD)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert ctx.accounts.verify_password("brand-new-pass")


def test_a_mediator_sees_only_their_own_account(ctx: AppContext, register: Register,
                                               qtbot: QtBot) -> None:
    _add_mediator(ctx, qtbot)
    register.store.close()  # one register open per process
    store, actor = open_register(register.path, "lin", MEDIATOR_PASSWORD)
    try:
        mine = AppContext.build(store, actor)
        view = AccountsView(mine)
        qtbot.addWidget(view)
        view.show()
        assert not view.accounts_box.isVisible() and view.usernames() == []
        assert view.change_own_button.isVisible() and view.permission_note.isVisible()
        view.resize(1248, 690)
        save_shot(view, "security_accounts_mediator")
        backups = BackupsView(mine)
        qtbot.addWidget(backups)
        assert not backups.save_button.isEnabled() and not backups.folder_edit.isEnabled()
        dialog = PasswordDialog(mine, None, CHANGE)
        qtbot.addWidget(dialog)
        _type(dialog.old_edit, "wrong-password")
        _type(dialog.new_edit, "lin-new-pass")
        _type(dialog.repeat_edit, "lin-new-pass")
        dialog.accept()
        assert dialog.old_error.is_error
        _type(dialog.old_edit, MEDIATOR_PASSWORD)
        dialog.accept()
        assert dialog.result() == QDialog.DialogCode.Accepted
    finally:
        store.close()
    with pytest.raises(WrongPassword):
        open_register(register.path, "lin", MEDIATOR_PASSWORD)
    store, _actor = open_register(register.path, "lin", "lin-new-pass")
    store.close()


# -- backups ----------------------------------------------------------------------------------
def test_settings_are_saved_or_refused_inline(ctx: AppContext, qtbot: QtBot,
                                              tmp_path: Path) -> None:
    view = BackupsView(ctx)
    qtbot.addWidget(view)
    view.folder_edit.clear()
    assert not view.save()
    assert not view.errors["folder"].isHidden()
    _type(view.folder_edit, str(tmp_path / "U盘"))
    view.keep_spin.setValue(7)
    view.idle_spin.setValue(5)
    assert view.save()
    safety = ctx.settings.safety()
    assert (safety.backup_dir, safety.backup_keep, safety.idle_lock_minutes) == (
        str(tmp_path / "U盘"), 7, 5)


def test_back_up_now_appears_in_the_list(ctx: AppContext, backup_dir: Path,
                                         qtbot: QtBot) -> None:
    ctx.intake.register(neighbour_draft())
    auto_backup(ctx.store, ctx.actor)
    view = BackupsView(ctx)
    qtbot.addWidget(view)
    assert len(view.backups) == 1 and view.table.item(0, 1).text() == "自动"
    view.back_up_now()
    assert view.busy and not view.backup_button.isEnabled()
    qtbot.waitUntil(lambda: not view.busy, timeout=20_000)
    names = view.file_names()
    assert len(names) == 2 and any(n.startswith("手动备份-") for n in names)
    assert "已备份到" in view.message_label.text()
    assert not any(n.endswith(".keys") for n in names)  # the key slots file travels along
    manual = next(b for b in view.backups if b.path.name.startswith("手动备份-"))
    assert view.selected_backup() == manual
    assert Path(str(manual.path) + ".keys").exists()
    assert ctx.settings.room().room_name  # the window's own connection still works


def test_daily_backup_runs_off_the_gui_thread(window: MainWindow, ctx: AppContext,
                                              backup_dir: Path, qtbot: QtBot) -> None:
    daily = DailyBackup(window, ctx)
    with qtbot.waitSignal(daily.finished, timeout=20_000) as blocker:
        daily.run()
    made = blocker.args[0]
    assert made is not None and made.parent == backup_dir and made.name.startswith("自动备份-")
    assert str(made) in window.statusBar().currentMessage()
    with qtbot.waitSignal(daily.finished, timeout=20_000) as again:
        daily.run()
    assert again.args[0] is None  # one a day
    assert [b.path for b in backups_in(backup_dir)] == [made]


def test_restore_replaces_the_register_and_asks_for_a_restart(
        ctx: AppContext, register: Register, backup_dir: Path, qtbot: QtBot) -> None:
    kept = ctx.intake.register(neighbour_draft()).cases[0]
    backup = backup_to(ctx.store, ctx.actor, backup_dir / "手动备份-20261102-100000.db")
    ctx.intake.register(neighbour_draft(summary="之后登记的案件，不在备份里。"))
    assert ctx.pages.count() == 2
    view = BackupsView(ctx)
    qtbot.addWidget(view)
    view.select(backup.name)

    dialog = RestoreDialog(ctx, view.selected_backup())  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.password_error.is_error
    assert str(register.path) in dialog.explanation.text()
    dialog.show()
    qtbot.waitExposed(dialog)
    save_shot(dialog, "security_restore_dialog")
    dialog.close()

    fired: list[str] = []
    view.restart_required.connect(fired.append)
    with qtbot.waitSignal(view.restore_running, timeout=20_000,
                          check_params_cb=lambda running: running is False):
        view.restore(backup, "wrong-password")
    assert "未恢复任何内容" in view.message_label.text() and fired == []
    assert ctx.pages.count() == 2  # the register was opened again and is unchanged

    with qtbot.waitSignal(view.restart_required, timeout=30_000) as blocker:
        view.restore(backup, PASSWORD)
    assert str(register.path) in blocker.args[0]
    replaced = list(register.path.parent.glob("register.db.replaced-*"))
    assert [p for p in replaced if not p.name.endswith((".keys", "-wal", "-shm"))]
    store, actor = open_register(register.path, "admin", PASSWORD)
    try:
        restored = AppContext.build(store, actor)
        assert restored.pages.count() == 1
        assert restored.pages.page(limit=5)[0].id == kept.case_id
    finally:
        store.close()


# -- the window: tabs, idle lock ---------------------------------------------------------------
def test_settings_page_has_accounts_and_backups_tabs(window: MainWindow, ctx: AppContext,
                                                     backup_dir: Path, qtbot: QtBot) -> None:
    _add_mediator(ctx, qtbot)
    _add_mediator(ctx, qtbot, "chen", "陈志强")
    ctx.intake.register(neighbour_draft())
    auto_backup(ctx.store, ctx.actor)
    window.show_page(PAGE_SETTINGS)
    tabs = window.settings_tabs
    assert [tabs.widget(i) for i in range(tabs.count())] == [
        window.settings_view, window.accounts_view, window.backups_view,
        window.retention_view, window.laptops_view]
    tabs.setCurrentWidget(window.accounts_view)
    window.accounts_view.select("lin")
    qtbot.wait(20)
    save_shot(window, "security_accounts")
    tabs.setCurrentWidget(window.backups_view)
    window.backups_view.back_up_now()
    qtbot.waitUntil(lambda: not window.backups_view.busy, timeout=20_000)
    qtbot.wait(20)
    assert len(window.backups_view.backups) == 2
    save_shot(window, "security_backups")


def test_idle_lock_covers_everything_and_unlocks_as_it_was(window: MainWindow,
                                                           ctx: AppContext,
                                                           qtbot: QtBot) -> None:
    case_id = ctx.intake.register(neighbour_draft()).cases[0].case_id
    view = window.open_case(case_id)
    qtbot.wait(20)
    lock = window.idle_lock
    before = window.grab().toImage()

    lock.set_minutes(1)
    lock.last_input -= 30
    lock.check()
    assert not lock.locked  # 30 s is not a minute
    lock.last_input -= 40
    lock.check()
    assert lock.locked
    overlay = lock.overlay
    assert overlay is not None and overlay.isVisible()
    assert overlay.geometry() == window.rect()
    qtbot.wait(20)
    shot = window.grab().toImage()
    assert shot != before
    assert shot == overlay.grab().toImage()  # every pixel of the window is the cover
    save_shot(window, "security_lock")

    # While locked, typing and shortcuts reach nothing behind the cover.
    qtbot.keyClicks(window.search_box, "abc")
    assert window.search_box.text() == ""
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentIndex() == PAGE_CASES

    assert not lock.unlock("wrong-password")
    assert lock.locked and lock.panel.error_label.is_error
    assert lock.panel.password_edit.text() == ""
    type_text(lock.panel.password_edit, PASSWORD)
    qtbot.keyClick(lock.panel.password_edit, Qt.Key.Key_Return)
    assert not lock.locked and lock.overlay is None
    assert window.stack.currentIndex() == PAGE_CASES
    assert window.case_tabs.currentWidget() is view and isinstance(view, CaseView)
    qtbot.wait(20)
    assert window.grab().toImage() == before

    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert lock.locked
    assert lock.unlock(PASSWORD)
    # Who left the register open, and the wrong password tried at the locked screen.
    trail = [row[0] for row in window.ctx.store.execute(
        "SELECT action FROM audit_event WHERE entity = 'account' ORDER BY seq")]
    assert trail[-5:] == ["lock", "unlock_failed", "unlock", "lock", "unlock"]


def test_idle_lock_covers_a_running_dialog_and_keeps_its_text(window: MainWindow,
                                                               qtbot: QtBot) -> None:
    """A modal dialog in exec() is covered, not hidden (hiding would end it as cancelled)."""
    dialog = QDialog(window)
    dialog.setWindowTitle("张喆 — 当事人")
    edit = QLineEdit()
    QVBoxLayout(dialog).addWidget(edit)
    dialog.resize(300, 120)
    lock = window.idle_lock
    seen: dict[str, object] = {}

    def while_open() -> None:
        try:
            type_text(edit, "湖二村3组45号")
            lock.lock_now()
            QApplication.processEvents()
            seen["visible"] = dialog.isVisible()
            seen["title"] = dialog.windowTitle()
            seen["hosts"] = {id(c.host) for c in lock.active_covers}
            seen["panel_in_dialog"] = lock.panel_host is dialog and dialog.isAncestorOf(
                lock.panel)
            seen["wide_enough"] = dialog.width() >= lock.panel.width()
            save_shot(dialog, "security_lock_dialog")
            seen["unlocked"] = lock.unlock(PASSWORD)
            seen["covers_after"] = lock.active_covers
            seen["text"] = edit.text()
            seen["title_after"] = dialog.windowTitle()
            seen["width_after"] = dialog.width()
            dialog.accept()
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, while_open)
    assert dialog.exec() == QDialog.DialogCode.Accepted
    assert seen["visible"] is True and seen["title"] != "张喆 — 当事人"
    assert seen["hosts"] == {id(window), id(dialog)}
    assert seen["panel_in_dialog"] is True and seen["wide_enough"] is True
    assert seen["unlocked"] is True and seen["text"] == "湖二村3组45号"
    assert seen["covers_after"] == []
    assert seen["title_after"] == "张喆 — 当事人" and seen["width_after"] == 300
