"""First start and later starts: the set-up wizard creates the register, then login opens it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QWizard
from pytestqt.qtbot import QtBot

from mediation_desk.services.settings.service import SettingsService
from mediation_desk.store.keys import KeyFile, keyfile_path
from tests.ui.conftest import save_shot, type_text
from ui.dialogs.safety.login_dialog import SETTINGS_LAST_USER, LoginDialog
from ui.dialogs.safety.setup_wizard import SetupWizard

PASSWORD = "wenfang-2026"
# The offscreen platform cannot resize a window to a new minimum size when an inline message
# appears; a real screen can. Nothing to fix in the dialogs.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture(autouse=True)
def own_settings(tmp_path: Path) -> Iterator[None]:
    """QSettings in the test's folder, so the remembered user name is not the real one."""
    default = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.GenericConfigLocation)
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    QSettings().clear()
    yield
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, default)


def _shown(widget: QWizard | QDialog, qtbot: QtBot) -> None:
    qtbot.addWidget(widget)
    widget.show()
    QApplication.processEvents()


def run_wizard(qtbot: QtBot, path: Path, shots: bool = False) -> SetupWizard:
    """Walk the wizard to its last page with the room's usual answers."""
    wizard = SetupWizard(path)
    _shown(wizard, qtbot)
    page = wizard.room_page
    assert page.room_edit.text() == "问房调解室"
    assert page.committee_edit.text() == "湖头镇人民调解委员会"
    page.room_edit.clear()
    wizard.next()
    assert wizard.currentPage() is page and page.room_error.isVisibleTo(wizard)
    type_text(page.room_edit, "问房调解室")
    if shots:
        QApplication.processEvents()
        save_shot(wizard, "setup_1_room")
    wizard.next()

    numbers = wizard.number_page
    assert wizard.currentPage() is numbers
    assert "湖头人调字第1号" in numbers.preview_label.text()
    numbers.prefix_edit.clear()
    type_text(numbers.prefix_edit, "湖头镇")
    assert "湖头镇人调字第1号" in numbers.preview_label.text()
    numbers.prefix_edit.clear()
    wizard.next()
    assert wizard.currentPage() is numbers and numbers.prefix_error.isVisibleTo(wizard)
    type_text(numbers.prefix_edit, "湖头")
    if shots:
        QApplication.processEvents()
        save_shot(wizard, "setup_2_numbers")
    wizard.next()

    admin = wizard.admin_page
    assert wizard.currentPage() is admin
    qtbot.keyClicks(admin.password_edit, "short")
    qtbot.keyClicks(admin.repeat_edit, "other")
    wizard.next()
    assert wizard.currentPage() is admin and not path.exists()
    assert "8" in admin.password_error.text() and admin.password_error.isVisibleTo(wizard)
    assert admin.repeat_error.isVisibleTo(wizard)
    if shots:
        save_shot(wizard, "setup_3_admin_errors")
    admin.password_edit.clear()
    admin.repeat_edit.clear()
    qtbot.keyClicks(admin.password_edit, PASSWORD)
    qtbot.keyClicks(admin.repeat_edit, PASSWORD)
    wizard.next()
    assert wizard.currentPage() is wizard.recovery_page
    return wizard


def test_setup_wizard_creates_the_register_and_shows_the_recovery_key(
        qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "room.db"
    wizard = run_wizard(qtbot, path, shots=True)
    assert wizard.store is not None and path.exists()
    try:
        key = wizard.recovery_page.key_label.text()
        assert key == wizard.recovery_key
        assert re.fullmatch(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){7}", key)
        finish = wizard.button(QWizard.WizardButton.FinishButton)
        assert not finish.isEnabled()
        wizard.reject()  # Esc before the key is acknowledged does nothing
        assert wizard.isVisible()
        assert not wizard.button(QWizard.WizardButton.CancelButton).isVisible()
        save_shot(wizard, "setup_4_recovery_key")
        printer = QPrinter()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "recovery-key.pdf"))
        wizard.print_recovery_key(printer)
        assert (tmp_path / "recovery-key.pdf").stat().st_size > 1000
        wizard.recovery_page.confirm_box.setChecked(True)
        assert finish.isEnabled()
        finish.click()
        assert wizard.result() == QDialog.DialogCode.Accepted
        assert KeyFile.load(keyfile_path(path)).unlock_with_recovery(key)
        assert wizard.actor is not None
        room = SettingsService(wizard.store, wizard.actor).room()
        assert (room.room_name, room.committee_name, room.number_prefix) == (
            "问房调解室", "湖头镇人民调解委员会", "湖头")
        assert QSettings().value(SETTINGS_LAST_USER) == "admin"
    finally:
        wizard.store.close()


def test_cancelled_wizard_creates_nothing(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(SetupWizard, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert SetupWizard.ask(None, tmp_path / "none.db") is None
    assert not (tmp_path / "none.db").exists()


def test_login_refuses_a_wrong_password_inline_then_opens(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "room.db"
    wizard = run_wizard(qtbot, path)
    assert wizard.store is not None
    wizard.store.close()

    dialog = LoginDialog(path)
    _shown(dialog, qtbot)
    assert dialog.username_edit.text() == "admin"  # remembered from the wizard
    qtbot.keyClicks(dialog.password_edit, "not-the-password")
    dialog.accept()
    assert dialog.isVisible() and dialog.store is None
    assert dialog.error_label.text() == "用户名或密码不正确"
    assert dialog.error_label.isVisibleTo(dialog)
    assert dialog.password_edit.text() == ""
    save_shot(dialog, "login_wrong_password")

    dialog.accept()  # an empty password is refused beside the field, nothing is tried
    assert dialog.password_error.isVisibleTo(dialog) and dialog.isVisible()

    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.store is not None and dialog.actor is not None
    try:
        assert dialog.actor.username == "admin" and dialog.actor.role == "admin"
    finally:
        dialog.store.close()


def test_login_shows_an_unavailable_register_inline(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = LoginDialog(tmp_path / "missing.db")
    _shown(dialog, qtbot)
    qtbot.keyClicks(dialog.username_edit, "admin")
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    dialog.accept()
    assert dialog.isVisible()
    assert "数据库文件不存在" in dialog.error_label.text()
