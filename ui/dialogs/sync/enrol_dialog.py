"""登记巡查笔记本: the desk makes the register a patrol laptop will carry.

Why the copy is made on a worker thread: it is the whole register (with a hundred thousand
cases, seconds), and the window must not freeze meanwhile. Refusals (a name in use, a file
that exists) are shown under the field they concern and the dialog stays open.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.errors import PermissionDenied, StoreUnavailable, ValidationError
from mediation_desk.services.sync.enrol import Enrolled
from ui.context import AppContext
from ui.dialogs.safety.account_dialog import add_row
from ui.i18n import translate
from ui.icons import icon
from ui.widgets.field_error import FieldError
from ui.workers import Job, on_worker, run_in_background


class EnrolDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.enrolled: Enrolled | None = None
        self.job: Job | None = None
        self.setWindowTitle(translate("EnrolDialog", "Enrol a patrol laptop"))
        self.setWindowIcon(icon("enrol"))
        self.setMinimumWidth(560)

        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(translate("EnrolDialog", "e.g. 巡查一号"))
        self.path_edit = QLineEdit()
        self.browse_button = QPushButton(icon("folder"), translate("EnrolDialog", "&Browse…"))
        path_row = QHBoxLayout()
        path_row.setContentsMargins(0, 0, 0, 0)
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        path_box = QWidget()
        path_box.setLayout(path_row)
        self.block_spin = QSpinBox()
        self.block_spin.setRange(1, 1000)
        self.block_spin.setValue(20)
        self.block_spin.setSuffix(translate("EnrolDialog", " numbers"))

        form = QFormLayout()
        self.name_error = add_row(form, translate("EnrolDialog", "Laptop &name"), self.name_edit)
        self.path_error = add_row(form, translate("EnrolDialog", "Register &file"), path_box)
        self.path_edit.setAccessibleName(translate("EnrolDialog", "Register file"))
        self.block_error = add_row(form, translate("EnrolDialog", "Case numbers &leased"),
                                   self.block_spin)
        note = QLabel(translate(
            "EnrolDialog", "The laptop gets a full copy of this register with the same "
            "accounts and passwords, and a block of this year's case numbers (topped up at "
            "every exchange). Copy the file and the .keys file beside it onto the laptop."))
        note.setWordWrap(True)
        self.error = FieldError()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(translate("EnrolDialog", "Enrol"))
        ok.setIcon(icon("enrol"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.browse_button.clicked.connect(self.browse)
        self.name_edit.textChanged.connect(self._suggest_path)
        self.name_edit.textEdited.connect(lambda _t: self.name_error.clear())
        self.path_edit.textEdited.connect(lambda _t: self.path_error.clear())
        self._suggested = ""
        self.name_edit.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext) -> Enrolled | None:
        dialog = cls(ctx, parent)
        return dialog.enrolled if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _suggest_path(self, name: str) -> None:
        """Follow the name with the file name until the user types a path of their own."""
        if self.path_edit.text() in ("", self._suggested) and name.strip():
            self._suggested = str(self.ctx.store.path.with_name(f"{name.strip()}.db"))
            self.path_edit.setText(self._suggested)

    def browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, translate("EnrolDialog", "Register file"), self.path_edit.text(),
            translate("EnrolDialog", "Register (*.db)"))
        if chosen:
            self.path_edit.setText(chosen)
            self.path_error.clear()

    def accept(self) -> None:
        for label in (self.name_error, self.path_error, self.block_error, self.error):
            label.clear()
        name, path = self.name_edit.text().strip(), self.path_edit.text().strip()
        required = translate("EnrolDialog", "Please fill this in.")
        if not name:
            self.name_error.show_error(required)
        if not path:
            self.path_error.show_error(required)
        if not name or not path:
            return
        self.buttons.setEnabled(False)
        store, sync, block = self.ctx.store, self.ctx.sync, self.block_spin.value()

        def work(_report: Any) -> Enrolled:
            return on_worker(store, lambda: sync.enroll(name, Path(path), block))  # type: ignore[no-any-return]

        self.job = run_in_background(self, work, title=translate("EnrolDialog",
                                                                 "Copying the register…"),
                                     on_done=self._done, on_error=self._failed,
                                     cancellable=False)

    def _done(self, enrolled: Enrolled) -> None:
        self.enrolled = enrolled
        self.buttons.setEnabled(True)
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError):
            for problem in exc.problems:
                target = {"名称": self.name_error, "数据库文件": self.path_error,
                          "号段大小": self.block_error}.get(problem.field, self.error)
                target.show_error(problem.reason if target is not self.error else str(problem))
        elif isinstance(exc, StoreUnavailable | PermissionDenied):
            self.error.show_error(str(exc))
        else:
            raise exc
