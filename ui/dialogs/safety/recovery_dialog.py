"""Every password forgotten: open the register with the recovery key, then set a new one.

Why on the login screen: the recovery key is printed at set-up for the director's safe, for
exactly the morning when nobody remembers a password. Whoever holds it types the account's
name, the key (dashes and case do not matter) and a new password twice; the register opens as
that account and the recovery is on the audit trail (services/safety/accounts.py).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.errors import StoreUnavailable, ValidationError, WrongPassword
from mediation_desk.services.safety.accounts import MIN_PASSWORD, recover_account
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.database import Store
from ui.dialogs.safety.account_dialog import NOTE_STYLE, add_row, password_edit
from ui.i18n import translate
from ui.icons import icon
from ui.widgets.field_error import FieldError


class RecoveryDialog(QDialog):
    def __init__(self, path: Path, username: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.store: Store | None = None
        self.actor: Actor | None = None
        self.setWindowTitle(translate("RecoveryDialog", "Unlock with the recovery key"))
        self.setWindowIcon(icon("key"))
        self.setMinimumWidth(520)

        intro = QLabel(translate(
            "RecoveryDialog", "Type the recovery key printed when the register was set up "
            "(kept by the committee director), the account to unlock, and a new password for "
            "it twice. The recovery is written to the audit trail."))
        intro.setWordWrap(True)
        self.username_edit = QLineEdit(username)
        self.key_edit = QLineEdit()
        self.key_edit.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.new_edit = password_edit()
        self.repeat_edit = password_edit()
        form = QFormLayout()
        self.username_error = add_row(form, translate("RecoveryDialog", "&User name"),
                                      self.username_edit)
        self.key_error = add_row(form, translate("RecoveryDialog", "Recovery &key"),
                                 self.key_edit)
        self.new_error = add_row(form, translate("RecoveryDialog", "&New password"),
                                 self.new_edit)
        self.repeat_error = add_row(form, translate("RecoveryDialog", "&Repeat new password"),
                                    self.repeat_edit)
        note = QLabel(translate("RecoveryDialog", "At least %1 characters.")
                      .replace("%1", str(MIN_PASSWORD)))
        note.setStyleSheet(NOTE_STYLE)
        self.error_label = FieldError()
        self.fields = ((self.username_edit, self.username_error), (self.key_edit, self.key_error),
                       (self.new_edit, self.new_error), (self.repeat_edit, self.repeat_error))
        for edit, error in self.fields:
            edit.textEdited.connect(lambda _text, e=error: e.clear())

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(translate("RecoveryDialog", "Unlock and set password"))
        ok.setIcon(icon("key"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(4)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        (self.key_edit if username else self.username_edit).setFocus()

    def accept(self) -> None:
        for _edit, error in self.fields:
            error.clear()
        self.error_label.clear()
        required = translate("RecoveryDialog", "Please fill this in.")
        for edit, error in self.fields:
            if not edit.text().strip():
                error.show_error(required)
        new = self.new_edit.text()
        if new and self.repeat_edit.text() and self.repeat_edit.text() != new:
            self.repeat_error.show_error(translate("RecoveryDialog",
                                                   "The two passwords are not the same."))
        if self._focus_first_error():
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.store, self.actor = recover_account(
                self.path, self.username_edit.text().strip(), self.key_edit.text(), new)
        except WrongPassword:
            self.key_error.show_error(translate("RecoveryDialog",
                                                "This recovery key does not open the register."))
        except ValidationError as exc:
            for problem in exc.problems:
                if problem.field == "用户名":
                    self.username_error.show_error(problem.reason)
                elif problem.field in ("新密码", "密码"):
                    self.new_error.show_error(problem.reason)
                else:
                    self.error_label.show_error(str(problem))
        except StoreUnavailable as exc:
            self.error_label.show_error(str(exc))
        finally:
            QApplication.restoreOverrideCursor()
        if self.store is None:
            self._focus_first_error()
            return
        super().accept()

    def _focus_first_error(self) -> bool:
        for edit, error in self.fields:
            if error.is_error:
                edit.setFocus()
                return True
        return False

    @classmethod
    def ask(cls, parent: QWidget | None, path: Path, username: str = ""
            ) -> tuple[Store, Actor] | None:
        """The register opened as the recovered account, or None when cancelled."""
        dialog = cls(path, username, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.store is None \
                or dialog.actor is None:
            return None
        return dialog.store, dialog.actor
