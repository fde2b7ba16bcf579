"""Restore a backup: what will happen, and the password the backup must open with.

Why it explains so much: a restore replaces the register everyone works in. The user must
know that the current file is kept (nothing is lost), that work saved after the backup is not
in it, and that the program closes afterwards. The password is the current user's as it was
when the backup was made (each backup carries the key slots of its day).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.services.safety.backups import BackupInfo
from ui.context import AppContext
from ui.dialogs.safety.account_dialog import add_row, password_edit
from ui.i18n import translate
from ui.icons import icon
from ui.widgets.screen_fit import open_at


class RestoreDialog(QDialog):
    def __init__(self, ctx: AppContext, backup: BackupInfo, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.backup = backup
        self.password = ""
        self.setWindowTitle(translate("RestoreDialog", "Restore a backup"))
        self.setWindowIcon(icon("restore"))
        self.setMinimumWidth(560)

        target = Path(ctx.store.path)
        lines = [
            translate("RestoreDialog", "Restore the backup of %1 (%2)?")
            .replace("%1", backup.made_at.strftime("%Y-%m-%d %H:%M"))
            .replace("%2", backup.path.name),
            translate("RestoreDialog", "It will take the place of the register %1. The "
                      "current register is not deleted: it is kept beside it, with "
                      "“.replaced-” and the time added to its name.").replace("%1", str(target)),
            translate("RestoreDialog", "Work saved after the backup was made is not in it."),
            translate("RestoreDialog", "The program closes when the restore is done; start it "
                      "again and log in."),
        ]
        self.explanation = QLabel("\n\n".join(lines))
        self.explanation.setWordWrap(True)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.password_edit = password_edit()
        form = QFormLayout()
        self.password_error = add_row(
            form, translate("RestoreDialog", "&Password of %1").replace("%1", ctx.actor.username),
            self.password_edit)
        hint = QLabel(translate(
            "RestoreDialog", "The backup must open with your password. If you changed it after "
            "the backup was made, type the password you had then."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#546e7a")
        self.password_edit.textEdited.connect(lambda _t: self.password_error.clear())

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(translate("RestoreDialog", "Restore and close the program"))
        ok.setIcon(icon("restore", "danger"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        # Wrapped text: size the dialog for its width, or the first lines are cut off.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        open_at(self, 560, 0)  # as tall as the wrapped text needs at that width
        self.password_edit.setFocus()

    def accept(self) -> None:
        if not self.password_edit.text():
            self.password_error.show_error(translate("RestoreDialog", "Please fill this in."))
            self.password_edit.setFocus()
            return
        self.password = self.password_edit.text()
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext, backup: BackupInfo) -> str | None:
        """The password to restore with, or None when cancelled."""
        dialog = cls(ctx, backup, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.password:
            return None
        return dialog.password
