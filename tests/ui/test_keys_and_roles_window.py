"""Issue 11 in the window: the recovery key on the login screen (unlock, then a new password),
a password reset that re-keys the register, and the roles table walked through the window —
each action shown or enabled exactly for the roles allowed (services/shared/permissions.py)."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from mediation_desk.errors import WrongPassword
from mediation_desk.services.safety.accounts import (
    AccountService,
    RoomSettings,
    create_register,
    open_register,
)
from mediation_desk.services.shared.permissions import ACTIONS, may
from mediation_desk.store.keys import KeyFile, keyfile_path
from mediation_desk.store.models import AuditEvent
from tests.ui.conftest import save_shot, type_text
from ui.context import AppContext
from ui.dialogs.safety.login_dialog import LoginDialog
from ui.dialogs.safety.password_dialog import RESET, PasswordDialog
from ui.dialogs.safety.recovery_dialog import RecoveryDialog
from ui.fonts import apply_ui_font
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
PASSWORD = "wenfang-2026"
ROOM = RoomSettings("问房调解室", "湖头镇人民调解委员会", "湖头")


@pytest.fixture(autouse=True)
def own_settings(tmp_path: Path) -> Iterator[None]:
    default = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.GenericConfigLocation)
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    QSettings().clear()
    yield
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, default)


@pytest.fixture
def room(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "room.db"
    store, _actor, recovery = create_register(path, ROOM, "admin", PASSWORD)
    store.close()
    assert recovery is not None
    return path, recovery


def _fill_recovery(dialog: RecoveryDialog, user: str, key: str, new: str, repeat: str) -> None:
    for edit, text in ((dialog.username_edit, user), (dialog.key_edit, key),
                       (dialog.new_edit, new), (dialog.repeat_edit, repeat)):
        edit.clear()
        type_text(edit, text)


def test_recovery_dialog_refuses_inline_then_unlocks(room: tuple[Path, str],
                                                     qtbot: QtBot) -> None:
    path, recovery = room
    dialog = RecoveryDialog(path, "admin")
    qtbot.addWidget(dialog)
    dialog.resize(1366 * 2 // 3, dialog.sizeHint().height())
    dialog.show()
    dialog.accept()  # nothing typed: every empty field says so, nothing is tried
    assert dialog.key_error.is_error and dialog.new_error.is_error and dialog.isVisible()
    _fill_recovery(dialog, "admin", "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH", "new-pass-2026",
                   "new-pass-2026")
    dialog.accept()
    assert dialog.key_error.text() == "这个恢复密钥打不开数据库" and dialog.store is None
    _fill_recovery(dialog, "admin", recovery, "new-pass-2026", "other-pass-2026")
    dialog.accept()
    assert dialog.repeat_error.is_error and dialog.store is None
    _fill_recovery(dialog, "nobody", recovery, "new-pass-2026", "new-pass-2026")
    dialog.accept()
    assert "没有账户“nobody”" in dialog.username_error.text()
    save_shot(dialog, "recovery_dialog_errors")
    _fill_recovery(dialog, "admin", recovery.lower(), "new-pass-2026", "new-pass-2026")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.store is not None and dialog.actor is not None
    try:
        assert AuditEvent.select().where(AuditEvent.action == "recover").count() == 1
    finally:
        dialog.store.close()
    with pytest.raises(WrongPassword):
        open_register(path, "admin", PASSWORD)
    store, _ = open_register(path, "admin", "new-pass-2026")
    store.close()


def test_the_login_screen_leads_to_the_recovery_key(room: tuple[Path, str],
                                                    qtbot: QtBot) -> None:
    """Before: the recovery key was shown at set-up and no path in the window used it."""
    path, recovery = room
    login = LoginDialog(path)
    qtbot.addWidget(login)
    login.show()
    QApplication.processEvents()
    assert login.recover_button.isVisible()
    assert login.recover_button.text() == "忘记密码？使用恢复密钥(&F)…"
    save_shot(login, "login_with_recovery_link")

    def fill_the_modal() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RecoveryDialog)
        save_shot(dialog, "recovery_dialog")
        _fill_recovery(dialog, "admin", recovery, "new-pass-2026", "new-pass-2026")
        dialog.accept()

    QTimer.singleShot(0, fill_the_modal)
    type_text(login.username_edit, "admin")
    login.recover_button.click()
    assert login.result() == QDialog.DialogCode.Accepted
    assert login.store is not None and login.actor is not None
    assert login.actor.username == "admin"
    login.store.close()


def test_a_reset_that_rekeys_the_register(room: tuple[Path, str], qtbot: QtBot,
                                          tmp_path: Path) -> None:
    path, _recovery = room
    store, actor = open_register(path, "admin", PASSWORD)
    try:
        ctx = AppContext.build(store, actor)
        AccountService(store, actor).add("lin", "mediator", "lin-pass-2026")
        stolen = tmp_path / "stolen.keys"
        shutil.copyfile(keyfile_path(path), stolen)
        dialog = PasswordDialog(ctx, "lin", RESET)
        qtbot.addWidget(dialog)
        assert dialog.rekey_box.isVisibleTo(dialog)
        type_text(dialog.new_edit, "lin-new-2026")
        type_text(dialog.repeat_edit, "lin-new-2026")
        dialog.rekey_box.setChecked(True)
        dialog.resize(1366 // 2, dialog.sizeHint().height())
        save_shot(dialog, "password_reset_rekey")
        dialog.accept()
        assert dialog.result() == QDialog.DialogCode.Accepted
        assert ctx.accounts.last_rekey is not None  # for the view's message
        old_key = KeyFile.load(stolen).unlock("lin", "lin-pass-2026")
        assert old_key != store.db_key  # the old copy unlocks a key the file no longer has
    finally:
        store.close()
    store, _ = open_register(path, "lin", "lin-new-2026")
    store.close()


# -- the roles table, walked through the window ------------------------------------------------
def _backups(w: MainWindow) -> dict[str, bool]:
    view = w.backups_view
    return {"backup": not view.backup_button.isHidden() and view.backup_button.isEnabled(),
            "backup.settings": view.save_button.isEnabled() and view.folder_edit.isEnabled(),
            "restore": not view.restore_button.isHidden()}


#: How each action shows in the window (None: the action has no place in the window).
WINDOW: dict[str, Callable[[MainWindow], dict[str, bool]] | None] = {
    "cases.read": lambda w: {"cases.read": w.actions.show_cases.isEnabled()},
    "cases.write": lambda w: {"cases.write": w.actions.new_case.isEnabled()},
    "print": lambda w: {"print": w.actions.print is not None},
    "patrols": lambda w: {"patrols": w.actions.show_patrols.isEnabled()},
    "backup": _backups, "backup.settings": _backups, "restore": _backups,
    "settings": lambda w: {"settings": w.settings_view.can_edit},
    "retention.review": lambda w: {"retention.review":
                                   not w.retention_view.due_box.isHidden()},
    "retention.anonymise": lambda w: {"retention.anonymise":
                                      not w.retention_view.anonymise_button.isHidden()},
    "accounts": lambda w: {"accounts": not w.accounts_view.accounts_box.isHidden()},
    "sync.enroll": lambda w: {"sync.enroll": w.laptops_view.enrol_button.isEnabled()},
    "sync.exchange": lambda w: {"sync.exchange": w.actions.exchange is not None},
    "sync.conflicts": lambda w: {"sync.conflicts":
                                 w.laptops_view.conflicts_button.isEnabled()},
    "import": None, "export": None, "verify": None, "demo": None,
}


def test_the_window_shows_each_action_to_the_roles_allowed(room: tuple[Path, str],
                                                           qtbot: QtBot) -> None:
    assert set(WINDOW) == set(ACTIONS)
    path, _recovery = room
    store, actor = open_register(path, "admin", PASSWORD)
    for name, role in (("zhu", "director"), ("lin", "mediator")):
        AccountService(store, actor).add(name, role, f"{name}-pass-2026")
    store.close()
    apply_ui_font(QApplication.instance(), 1.5)  # 150 % text: the pages must still fit
    try:
        for name, password in (("admin", PASSWORD), ("zhu", "zhu-pass-2026"),
                               ("lin", "lin-pass-2026")):
            store, actor = open_register(path, name, password)
            try:
                window = MainWindow(AppContext.build(store, actor))
                qtbot.addWidget(window)
                window.resize(1366, 768)
                window.show()
                seen: dict[str, bool] = {}
                for _action, probe in WINDOW.items():
                    if probe is not None:
                        seen.update(probe(window))
                expected = {a: may(actor, a) for a in seen}
                assert seen == expected, (actor.role, seen)
                window.show_page(4)
                window.settings_tabs.setCurrentWidget(window.backups_view)
                QApplication.processEvents()
                # The safety pages fit beside the navigation on a 1366×768 screen at 150 %
                # text. (The whole window does not, yet: the patrol page asks for 1540 px.)
                hint = window.settings_tabs.minimumSizeHint()
                assert hint.width() <= 1366 - window.nav.width() and hint.height() <= 640
                window.backups_view.resize(1366 - window.nav.width(), 640)
                save_shot(window.backups_view, f"roles_backups_{actor.role}")
                window.close()
            finally:
                store.close()
    finally:
        apply_ui_font(QApplication.instance(), 1.0)


def test_the_window_restores_while_it_holds_its_own_lock(tmp_path: Path, qtbot: QtBot) -> None:
    """The real window holds its QLockFile (ui/app.py) while open. Before, its own restore
    was refused as "open in a window" — by itself; another process's lock still refuses."""
    from PySide6.QtCore import QLockFile

    from mediation_desk.instance_lock import lock_path
    from mediation_desk.services.safety.backups import backup_to
    from tests.conftest import neighbour_draft
    from ui.views.safety.backups_view import BackupsView

    path = tmp_path / "room.db"
    store, actor, _ = create_register(path, ROOM, "admin", PASSWORD)
    lock = QLockFile(str(lock_path(path)))
    lock.setStaleLockTime(0)
    assert lock.tryLock(0)
    try:
        ctx = AppContext.build(store, actor)
        ctx.intake.register(neighbour_draft())
        backup = backup_to(store, actor, tmp_path / "usb" / "手动备份-20261205-090000.db")
        ctx.intake.register(neighbour_draft(summary="备份之后登记的"))
        view = BackupsView(ctx)
        qtbot.addWidget(view)
        with qtbot.waitSignal(view.restart_required, timeout=30_000) as blocker:
            view.restore(backup, PASSWORD)
        assert str(path) in blocker.args[0] and ".replaced-" in blocker.args[0]
        assert lock.isLocked()  # still the window's: the program closes itself next
    finally:
        lock.unlock()
        store.close()
    store, _ = open_register(path, "admin", PASSWORD)
    try:
        from mediation_desk.store.models import Case

        assert Case.select().count() == 1
    finally:
        store.close()
