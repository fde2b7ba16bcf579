"""A new account: user name, display name, role and a first password typed twice.

Why the dialog calls the service itself in ``accept()``: the service is where the rules live
(user name without spaces, unique, a password of at least eight characters, administrators
only), and each refusal it gives is shown under the field it names, with the dialog kept open.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.errors import PermissionDenied, StoreUnavailable, ValidationError
from mediation_desk.services.safety.accounts import MIN_PASSWORD
from mediation_desk.services.shared.actor import ROLE_LABELS, ROLES
from ui.context import AppContext
from ui.i18n import translate
from ui.icons import icon
from ui.widgets.field_error import FieldError, with_message

NOTE_STYLE = "color:#546e7a"


def add_row(form: QFormLayout, caption: str, field: QWidget) -> FieldError:
    """A captioned field with its inline message underneath; returns the message label."""
    box, message = with_message(field)
    label = QLabel(caption)
    label.setBuddy(field)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    label.setContentsMargins(0, max(0, field.sizeHint().height()
                                    - label.sizeHint().height()) // 2, 0, 0)
    field.setAccessibleName(caption.replace("&", ""))
    form.addRow(label, box)
    return message


def password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class AccountDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.username = ""
        self.setWindowTitle(translate("AccountDialog", "Add account"))
        self.setWindowIcon(icon("add_user"))
        self.setMinimumWidth(480)

        self.username_edit = QLineEdit()
        self.display_edit = QLineEdit()
        self.display_edit.setPlaceholderText(translate(
            "AccountDialog", "The name shown in records, e.g. 林春梅"))
        self.role_box = QComboBox()
        for role in ROLES:
            self.role_box.addItem(ROLE_LABELS[role], role)
        self.password_edit = password_edit()
        self.repeat_edit = password_edit()

        form = QFormLayout()
        self.username_error = add_row(form, translate("AccountDialog", "&User name"),
                                      self.username_edit)
        self.display_error = add_row(form, translate("AccountDialog", "&Display name"),
                                     self.display_edit)
        self.role_error = add_row(form, translate("AccountDialog", "&Role"), self.role_box)
        self.password_error = add_row(form, translate("AccountDialog", "&Password"),
                                      self.password_edit)
        self.repeat_error = add_row(form, translate("AccountDialog", "R&epeat password"),
                                    self.repeat_edit)
        note = QLabel(translate(
            "AccountDialog", "At least %1 characters. Give the password to the new user in "
            "person; they can change it under Settings → Accounts after logging in.")
            .replace("%1", str(MIN_PASSWORD)))
        note.setWordWrap(True)
        note.setStyleSheet(NOTE_STYLE)
        self.error_label = FieldError()

        for edit, error in ((self.username_edit, self.username_error),
                            (self.display_edit, self.display_error),
                            (self.password_edit, self.password_error),
                            (self.repeat_edit, self.repeat_error)):
            edit.textEdited.connect(lambda _text, e=error: e.clear())

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(translate("AccountDialog", "Add account"))
        ok.setIcon(icon("add_user"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.username_edit.setFocus()

    def accept(self) -> None:
        for error in (self.username_error, self.display_error, self.role_error,
                      self.password_error, self.repeat_error, self.error_label):
            error.clear()
        username = self.username_edit.text().strip()
        password = self.password_edit.text()
        required = translate("AccountDialog", "Please fill this in.")
        if not username:
            self.username_error.show_error(required)
        if not password:
            self.password_error.show_error(required)
        elif self.repeat_edit.text() != password:
            self.repeat_error.show_error(translate(
                "AccountDialog", "The two passwords are not the same."))
        if not username or not password or self.repeat_error.is_error:
            self._focus_first_error()
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.ctx.accounts.add(username, str(self.role_box.currentData()), password,
                                  self.display_edit.text().strip())
        except ValidationError as exc:
            fields = {"用户名": self.username_error, "角色": self.role_error,
                      "密码": self.password_error}
            for problem in exc.problems:
                target = fields.get(problem.field)
                if target is None:
                    self.error_label.show_error(str(problem))
                else:
                    target.show_error(problem.reason)
            self._focus_first_error()
            return
        except (PermissionDenied, StoreUnavailable) as exc:
            self.error_label.show_error(str(exc))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.username = username
        super().accept()

    def _focus_first_error(self) -> None:
        for edit, error in ((self.username_edit, self.username_error),
                            (self.password_edit, self.password_error),
                            (self.repeat_edit, self.repeat_error)):
            if error.is_error:
                edit.setFocus()
                return

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext) -> str | None:
        """The user name of the account added, or None when cancelled."""
        dialog = cls(ctx, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.username:
            return None
        return dialog.username
