"""Logging in to an existing register.

Why the password is tried in ``accept()`` and the dialog stays open on failure: a mistyped
password should cost one retype, not a restart. The message never says whether the account
exists (the service gives the same text for both). Unlocking derives a key with argon2id,
which takes a noticeable fraction of a second, so a busy cursor shows it is working.
"Forgot the password?" opens the recovery-key dialog: with the key from the director's safe
an account gets a new password, and the register opens as that account.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.errors import StoreUnavailable, WrongPassword
from mediation_desk.services.safety.accounts import open_register
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.database import Store
from ui.i18n import translate
from ui.icons import icon
from ui.widgets.field_error import add_field_row, error_label, show_error

SETTINGS_LAST_USER = "login/last_user"


class LoginDialog(QDialog):
    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.store: Store | None = None
        self.actor: Actor | None = None
        self.setWindowTitle(translate("LoginDialog", "Log in — Mediation Desk"))
        self.setWindowIcon(icon("lock"))
        self.setMinimumWidth(460)

        heading = QLabel(translate("LoginDialog", "Mediation Desk"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        where = QLabel(translate("LoginDialog", "Register: %1").replace("%1", str(self.path)))
        where.setWordWrap(True)
        where.setStyleSheet("color:#546e7a")

        self.username_edit = QLineEdit(str(QSettings().value(SETTINGS_LAST_USER, "") or ""))
        self.username_edit.setAccessibleName(translate("LoginDialog", "User name"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(translate("LoginDialog", "Password"))
        self.username_error = error_label()
        self.password_error = error_label()
        self.error_label = error_label()
        self.error_label.setAccessibleName(translate("LoginDialog", "Login problem"))

        self.username_edit.textEdited.connect(lambda _t: show_error(self.username_error, ""))
        self.password_edit.textEdited.connect(lambda _t: show_error(self.password_error, ""))
        form = QFormLayout()
        for caption, edit, error in (
                (translate("LoginDialog", "&User name"), self.username_edit, self.username_error),
                (translate("LoginDialog", "&Password"), self.password_edit, self.password_error)):
            add_field_row(form, caption, edit, error)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(translate("LoginDialog", "Log in"))
        ok.setIcon(icon("user"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.recover_button = QPushButton(icon("key"), translate(
            "LoginDialog", "&Forgot the password? Use the recovery key…"))
        self.recover_button.setFlat(True)
        self.recover_button.setAutoDefault(False)
        self.recover_button.clicked.connect(self.recover)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(where)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.recover_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        (self.password_edit if self.username_edit.text() else self.username_edit).setFocus()

    def accept(self) -> None:
        username = self.username_edit.text().strip()
        password = self.password_edit.text()
        required = translate("LoginDialog", "Please fill this in.")
        show_error(self.username_error, "" if username else required)
        show_error(self.password_error, "" if password else required)
        show_error(self.error_label, "")
        if not username or not password:
            (self.username_edit if not username else self.password_edit).setFocus()
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.store, self.actor = open_register(self.path, username, password)
        except WrongPassword as exc:
            self._failed(str(exc))
            return
        except StoreUnavailable as exc:
            self._failed(str(exc))
            return
        finally:
            QApplication.restoreOverrideCursor()
        QSettings().setValue(SETTINGS_LAST_USER, username)
        super().accept()

    def recover(self) -> None:
        """The recovery-key dialog; when it unlocks the register, log in with that."""
        from ui.dialogs.safety.recovery_dialog import RecoveryDialog

        opened = RecoveryDialog.ask(self, self.path, self.username_edit.text().strip())
        if opened is None:
            return
        self.store, self.actor = opened
        QSettings().setValue(SETTINGS_LAST_USER, self.actor.username)
        super().accept()

    def _failed(self, message: str) -> None:
        """Keep the dialog open with the reason, and an empty password field to retype."""
        show_error(self.error_label, message)
        self.password_edit.clear()
        self.password_edit.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, path: Path) -> tuple[Store, Actor] | None:
        dialog = cls(path, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.store is None \
                or dialog.actor is None:
            return None
        return dialog.store, dialog.actor
