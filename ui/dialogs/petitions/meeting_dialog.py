"""联席处置: a joint meeting on the request — when, where, who chaired it, the departments
present (at least two), what it decided, and who does what by when. Each task becomes an
assignment chased like any other."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.domain import petitions as rules
from mediation_desk.services.petitions.types import (
    MeetingDraft,
    PetitionDetail,
    PetitionResult,
    TaskDraft,
)
from ui.context import AppContext
from ui.dialogs.cases.case_form import ErrorLabel, add_row
from ui.dialogs.petitions.petition_form import PetitionDialog, choice, date_field, text_field
from ui.i18n import translate
from ui.icons import icon
from ui.widgets.screen_fit import open_at
from ui.widgets.tables import read_only_table


class MeetingDialog(PetitionDialog):
    def __init__(self, ctx: AppContext, detail: PetitionDetail,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.detail = detail
        self.tasks: list[TaskDraft] = []
        self.setWindowTitle(translate("MeetingDialog", "Joint meeting — %1").replace(
            "%1", detail.number))
        self.setWindowIcon(icon("session"))
        targets = ctx.petition_lists.targets()
        self.held_edit = date_field()
        self.place_edit = QLineEdit()
        self.chair_edit = QLineEdit()
        self.departments_list = QListWidget()
        for name in targets:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.departments_list.addItem(item)
        self.departments_list.setMaximumHeight(self.fontMetrics().height() * 6)
        self.decisions_edit = text_field(3)
        form = QFormLayout()
        self.error_map = [
            ("会议日期", add_row(form, translate("MeetingDialog", "&Held on *"),
                                 self.held_edit)),
            ("地点", add_row(form, translate("MeetingDialog", "&Place"), self.place_edit)),
            ("主持", add_row(form, translate("MeetingDialog", "&Chaired by"),
                             self.chair_edit)),
            ("参加部门", add_row(form, translate("MeetingDialog", "&Departments present *"),
                                 self.departments_list)),
            ("会议决定", add_row(form, translate("MeetingDialog", "D&ecisions *"),
                                 self.decisions_edit)),
        ]
        # Who does what by when.
        self.task_table = read_only_table(
            [translate("MeetingDialog", "Department"), translate("MeetingDialog", "Work"),
             translate("MeetingDialog", "Responsible"), translate("MeetingDialog", "Due")],
            1, translate("MeetingDialog", "Tasks"))
        self.task_table.setMinimumHeight(self.fontMetrics().height() * 4)
        self.task_department = choice(targets, editable=True)
        self.task_department.setCurrentIndex(-1)
        self.task_work = QLineEdit()
        self.task_responsible = QLineEdit()
        self.task_due = date_field(rules.handle_due(detail.received_at.date()))
        self.add_task_button = QPushButton(icon("add"), translate("MeetingDialog", "Add &task"))
        tasks_box = QGroupBox(translate("MeetingDialog", "Who does what by when"))
        grid = QGridLayout(tasks_box)
        grid.addWidget(self.task_table, 0, 0, 1, 4)
        for column, (caption, widget) in enumerate((
                (translate("MeetingDialog", "Department"), self.task_department),
                (translate("MeetingDialog", "Work"), self.task_work),
                (translate("MeetingDialog", "Responsible"), self.task_responsible),
                (translate("MeetingDialog", "Due"), self.task_due))):
            label = QLabel(caption)
            label.setBuddy(widget)
            widget.setAccessibleName(caption)
            grid.addWidget(label, 1, column)
            grid.addWidget(widget, 2, column)
        self.tasks_error = ErrorLabel()
        grid.addWidget(self.tasks_error, 3, 0, 1, 3)
        grid.addWidget(self.add_task_button, 3, 3)
        grid.setColumnStretch(1, 1)
        self.error_map.append(("分工", self.tasks_error))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(tasks_box, 1)
        self.finish_layout(layout)
        self.add_task_button.clicked.connect(self.add_task)
        open_at(self, 760, 640)

    def add_task(self) -> None:
        department = self.task_department.currentText().strip()
        if not department or not self.task_work.text().strip():
            self.tasks_error.set_error(translate(
                "MeetingDialog", "Name the department and the work first."))
            return
        self.tasks_error.clear_error()
        due: date = self.task_due.date().toPython()  # type: ignore[assignment]
        task = TaskDraft(department, self.task_work.text().strip(),
                         self.task_responsible.text().strip(), due)
        self.tasks.append(task)
        row = self.task_table.rowCount()
        self.task_table.insertRow(row)
        for column, text in enumerate((task.department, task.request, task.responsible,
                                       f"{due:%Y-%m-%d}")):
            self.task_table.setItem(row, column, QTableWidgetItem(text))
        self.task_work.clear()
        self.task_responsible.clear()

    def checked_departments(self) -> list[str]:
        items = (self.departments_list.item(i) for i in range(self.departments_list.count()))
        return [i.text() for i in items if i.checkState() == Qt.CheckState.Checked]

    def accept(self) -> None:
        self.clear_errors()
        draft = MeetingDraft(
            held_on=self.held_edit.date().toPython(),  # type: ignore[arg-type]
            place=self.place_edit.text(), chaired_by=self.chair_edit.text(),
            departments=self.checked_departments(),
            decisions=self.decisions_edit.toPlainText(), tasks=list(self.tasks))
        result = self.call_service(lambda: self.ctx.petitions.hold_meeting(self.detail.id,
                                                                           draft))
        if result is not None:
            self.done_with(result)

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext,
            detail: PetitionDetail) -> PetitionResult | None:
        return cls(ctx, detail, parent).run_petition()

