"""Passwords: change my own, reset another's (administrator), or enable a disabled account.

Why three purposes in one dialog: they are the same two fields (new password, typed twice)
and the same service call; changing one's own password also asks for the current one, which
the service checks (a laptop left unlocked must not let a passer-by take the account over).
Enabling an account needs a new password at once: disabling removed its key slot, so without
a new password it could not open the register. When the old password may be known to someone
else, a tick gives the whole register a new key as well (services/safety/rekey.py): an old
copy of the key file with the old password then no longer opens it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.errors import PermissionDenied, StoreUnavailable, ValidationError, WrongPassword
from mediation_desk.services.safety.accounts import MIN_PASSWORD, check_password
from ui.context import AppContext
from ui.dialogs.safety.account_dialog import NOTE_STYLE, add_row, password_edit
from ui.i18n import translate
from ui.icons import icon
from ui.widgets.field_error import FieldError

CHANGE, RESET, ENABLE = "change", "reset", "enable"


class PasswordDialog(QDialog):
    def __init__(self, ctx: AppContext, username: str | None = None, purpose: str = CHANGE,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.purpose = purpose
        self.username = username or ctx.actor.username
        self.done_ok = False
        own = self.username == ctx.actor.username
        if purpose == CHANGE and not own:
            self.purpose = purpose = RESET
        titles = {
            CHANGE: translate("PasswordDialog", "Change my password"),
            RESET: translate("PasswordDialog", "Reset the password of %1"),
            ENABLE: translate("PasswordDialog", "Enable the account %1"),
        }
        self.setWindowTitle(titles[purpose].replace("%1", self.username))
        self.setWindowIcon(icon("key"))
        self.setMinimumWidth(460)

        intro = {
            CHANGE: translate("PasswordDialog", "Type your current password, then the new one "
                              "twice. Only your own key to the register changes."),
            RESET: translate("PasswordDialog", "Give %1 a new password (for a forgotten "
                             "password). Tell it to them in person; they should change it "
                             "after logging in."),
            ENABLE: translate("PasswordDialog", "The account %1 was disabled and its old "
                              "password no longer opens the register. Give it a new password "
                              "to enable it."),
        }[purpose].replace("%1", self.username)
        self.intro_label = QLabel(intro)
        self.intro_label.setWordWrap(True)

        self.old_edit = password_edit()
        self.new_edit = password_edit()
        self.repeat_edit = password_edit()
        form = QFormLayout()
        self.old_error = add_row(form, translate("PasswordDialog", "&Current password"),
                                 self.old_edit)
        self.new_error = add_row(form, translate("PasswordDialog", "&New password"),
                                 self.new_edit)
        self.repeat_error = add_row(form, translate("PasswordDialog", "&Repeat new password"),
                                    self.repeat_edit)
        if purpose != CHANGE:
            form.setRowVisible(0, False)
        note = QLabel(translate("PasswordDialog", "At least %1 characters.")
                      .replace("%1", str(MIN_PASSWORD)))
        note.setStyleSheet(NOTE_STYLE)
        # A check box does not wrap: the short choice on the box, the reason beneath it
        # (one long box was wider than the dialog at 125 % text).
        self.rekey_box = QCheckBox(translate(
            "PasswordDialog", "Also give the register a new key"))
        self.rekey_note = QLabel(translate(
            "PasswordDialog", "For when the old password may be known to someone else: old "
            "copies of the register's key file stop working."))
        self.rekey_note.setWordWrap(True)
        self.rekey_note.setStyleSheet(NOTE_STYLE)
        self.rekey_box.setVisible(purpose != ENABLE)
        self.rekey_note.setVisible(purpose != ENABLE)
        self.error_label = FieldError()
        for edit, error in ((self.old_edit, self.old_error), (self.new_edit, self.new_error),
                            (self.repeat_edit, self.repeat_error)):
            edit.textEdited.connect(lambda _text, e=error: e.clear())

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(translate("PasswordDialog", "Enable account") if purpose == ENABLE
                   else translate("PasswordDialog", "Set password"))
        ok.setIcon(icon("enable_user" if purpose == ENABLE else "key"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addSpacing(4)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.rekey_box)
        layout.addWidget(self.rekey_note)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        (self.old_edit if purpose == CHANGE else self.new_edit).setFocus()

    def accept(self) -> None:
        for error in (self.old_error, self.new_error, self.repeat_error, self.error_label):
            error.clear()
        old, new = self.old_edit.text(), self.new_edit.text()
        required = translate("PasswordDialog", "Please fill this in.")
        if self.purpose == CHANGE and not old:
            self.old_error.show_error(required)
        if not new:
            self.new_error.show_error(required)
        elif self.repeat_edit.text() != new:
            self.repeat_error.show_error(translate(
                "PasswordDialog", "The two passwords are not the same."))
        if self._focus_first_error():
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._apply(old, new)
        except WrongPassword:
            self.old_error.show_error(translate(
                "PasswordDialog", "This is not your current password."))
            self.old_edit.clear()
        except ValidationError as exc:
            for problem in exc.problems:
                if problem.field in ("新密码", "密码"):
                    self.new_error.show_error(problem.reason)
                else:
                    self.error_label.show_error(str(problem))
        except (PermissionDenied, StoreUnavailable) as exc:
            self.error_label.show_error(str(exc))
        else:
            self.done_ok = True
        finally:
            QApplication.restoreOverrideCursor()
        if not self.done_ok:
            self._focus_first_error()
            return
        super().accept()

    def _apply(self, old: str, new: str) -> None:
        accounts = self.ctx.accounts
        rekey = self.rekey_box.isChecked()
        if self.purpose == CHANGE:
            accounts.change_password(self.username, new, old, rekey_register=rekey)
        elif self.purpose == RESET:
            accounts.change_password(self.username, new, rekey_register=rekey)
        else:
            check_password(new, "新密码")  # refused before the account is enabled
            accounts.set_active(self.username, True)
            accounts.change_password(self.username, new)

    def _focus_first_error(self) -> bool:
        for edit, error in ((self.old_edit, self.old_error), (self.new_edit, self.new_error),
                            (self.repeat_edit, self.repeat_error)):
            if error.is_error:
                edit.setFocus()
                return True
        return False

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext, username: str | None = None,
            purpose: str = CHANGE) -> str | None:
        """The user name whose password was set, or None when cancelled."""
        dialog = cls(ctx, username, purpose, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.done_ok:
            return None
        return dialog.username
