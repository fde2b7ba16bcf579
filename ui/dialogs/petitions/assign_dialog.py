"""督办: hand the request to a department (or a member of the property alliance) with a
deadline. The deadline starts as the 信访 clock's for what is asked — 60 days to handle, 15 to
forward or say where it goes, both from the day the request was received — and may be
changed; the service refuses one before the request, or a department not on the list."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from mediation_desk.domain import petitions as rules
from mediation_desk.services.petitions.types import PetitionDetail, PetitionResult
from ui.context import AppContext
from ui.dialogs.cases.case_form import add_row
from ui.dialogs.petitions.petition_form import (
    PetitionDialog,
    choice,
    code_of,
    date_field,
    text_field,
)
from ui.i18n import translate
from ui.icons import icon
from ui.widgets.screen_fit import open_at


class AssignDialog(PetitionDialog):
    def __init__(self, ctx: AppContext, detail: PetitionDetail,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.detail = detail
        self.received_on = detail.received_at.date()
        self.setWindowTitle(translate("AssignDialog", "Assign %1").replace("%1", detail.number))
        self.setWindowIcon(icon("petition_assign"))
        about = QLabel(f"{detail.person_name}　{detail.category}\n{detail.content}")
        about.setWordWrap(True)
        self.department_box = choice(ctx.petition_lists.targets(), editable=True)
        self.department_box.setCurrentIndex(-1)
        self.task_box = choice(dict(rules.TASKS))
        self.due_edit = date_field(rules.default_due(self.received_on, "handle"))
        self.due_note = QLabel()
        self.due_note.setWordWrap(True)
        self.responsible_edit = QLineEdit()
        self.request_edit = text_field(3)
        form = QFormLayout()
        self.error_map = [
            ("承办部门", add_row(form, translate("AssignDialog", "&Department *"),
                                 self.department_box)),
            ("交办事项", add_row(form, translate("AssignDialog", "&Task"), self.task_box)),
            ("办理期限", add_row(form, translate("AssignDialog", "D&ue by *"), self.due_edit)),
        ]
        form.addRow("", self.due_note)
        self.error_map += [
            ("负责人", add_row(form, translate("AssignDialog", "&Responsible"),
                               self.responsible_edit)),
            ("要求", add_row(form, translate("AssignDialog", "What is &asked"),
                             self.request_edit)),
        ]
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        self.finish_layout(layout)
        self.task_box.currentIndexChanged.connect(self._task_changed)
        self._task_changed()
        open_at(self, 600, 420)

    def _task_changed(self) -> None:
        task = code_of(self.task_box)
        due = rules.default_due(self.received_on, task)
        self.due_edit.setDate(QDate(due.year, due.month, due.day))
        days = rules.FORWARD_DAYS if task == "forward" else rules.HANDLE_DAYS
        self.due_note.setText(translate(
            "AssignDialog", "The rule: %1 days from the day it was received (%2).").replace(
            "%1", str(days)).replace("%2", f"{self.received_on:%Y-%m-%d}"))

    def accept(self) -> None:
        self.clear_errors()
        result = self.call_service(lambda: self.ctx.petitions.assign(
            self.detail.id, self.department_box.currentText().strip(),
            self.due_edit.date().toPython(), task=code_of(self.task_box),  # type: ignore[arg-type]
            responsible=self.responsible_edit.text(),
            request=self.request_edit.toPlainText()))
        if result is not None:
            self.done_with(result)

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext,
            detail: PetitionDetail) -> PetitionResult | None:
        return cls(ctx, detail, parent).run_petition()
