"""Follow-up visits (回访, Art 31): planning one, and recording what was found, term by term."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mediation_desk import clock
from mediation_desk.domain.dictionaries import PERFORMANCE
from mediation_desk.services.cases.casework import StepResult
from mediation_desk.services.cases.detail import CaseDetail
from ui import dates
from ui.context import AppContext
from ui.dialogs.cases.case_form import CaseDialog, add_row, field_with_error
from ui.i18n import translate
from ui.widgets.column_fit import fit_columns
from ui.widgets.screen_fit import open_at

DEFAULT_DAYS_AHEAD = 7
SATISFACTION = ("满意", "基本满意", "不满意")


def _date_edit(value: date) -> QDateEdit:
    edit = QDateEdit(QDate(value))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _to_date(edit: QDateEdit) -> date:
    value = edit.date().toPython()
    assert isinstance(value, date)
    return value


def _performance_box() -> QComboBox:
    box = QComboBox()
    for code, label in PERFORMANCE.items():
        box.addItem(label, code)
    return box


class ScheduleFollowupDialog(CaseDialog):
    def __init__(self, ctx: AppContext, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.case_id = case_id
        self.setWindowTitle(translate("FollowupDialogs", "Schedule a follow-up visit"))
        self.due_edit = _date_edit(clock.today() + timedelta(days=DEFAULT_DAYS_AHEAD))
        self.visitor_edit = QLineEdit(ctx.actor.name)
        form = QFormLayout()
        self.due_error = add_row(form, translate("FollowupDialogs", "Visit on"), self.due_edit)
        self.visitor_error = add_row(form, translate("FollowupDialogs", "Visitor"),
                                     self.visitor_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.finish_layout(layout)
        open_at(self, 420, 180)  # pixels at 100 % text; grows with it

    def accept(self) -> None:
        self.clear_errors()
        due = _to_date(self.due_edit)
        visitor = self.visitor_edit.text().strip()
        result = self.call_service(
            lambda: self.ctx.casework.schedule_followup(self.case_id, due, visitor))
        if result is not None:
            self.done_with(result)

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext, case_id: str) -> StepResult | None:
        dialog = cls(ctx, case_id, parent)
        return dialog.run_for_result()


class RecordFollowupDialog(CaseDialog):
    """The visit happened: who was seen, how the agreement is being performed, and why."""

    def __init__(self, ctx: AppContext, detail: CaseDetail, followup_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.detail = detail
        self.followup_id = followup_id
        self.setWindowTitle(translate("FollowupDialogs", "Record a follow-up visit — %1")
                            .replace("%1", detail.number or detail.title))
        self.done_edit = _date_edit(clock.today())
        self.done_edit.setMaximumDate(dates.today())
        self.visited_box = QComboBox()
        self.visited_box.setEditable(True)
        self.visited_box.addItems([p.name for p in detail.parties])
        self.performance_box = _performance_box()
        self.performance_box.setCurrentIndex(self.performance_box.findData("done"))
        self.satisfaction_box = QComboBox()
        self.satisfaction_box.setEditable(True)
        self.satisfaction_box.addItems(SATISFACTION)
        self.sued_box = QCheckBox(translate("FollowupDialogs",
                                            "A party has gone to court over this dispute"))
        self.conflict_edit = QLineEdit()
        self.conflict_edit.setPlaceholderText(translate("FollowupDialogs", "none"))
        self.measures_edit = QLineEdit()
        self.body_edit = QPlainTextEdit()
        self.body_edit.setTabChangesFocus(True)
        self.body_edit.setMinimumHeight(90)

        terms = detail.agreement.terms if detail.agreement else []
        self.term_ids = [t.id for t in terms]
        self.term_table = QTableWidget(len(terms), 3)
        self.term_table.setHorizontalHeaderLabels([
            translate("FollowupDialogs", "Obligor"), translate("FollowupDialogs", "Term"),
            translate("FollowupDialogs", "Performance")])
        self.term_table.setAccessibleName(translate("FollowupDialogs", "Performance per term"))
        self.term_table.setTabKeyNavigation(False)
        header = self.term_table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.term_columns = fit_columns(self.term_table, {0: 90, 2: 120}, row_height=32)
        self.term_boxes: list[QComboBox] = []
        for row, term in enumerate(terms):
            self.term_table.setItem(row, 0, QTableWidgetItem(term.obligor))
            item = QTableWidgetItem(term.text)
            item.setToolTip(term.text)
            self.term_table.setItem(row, 1, item)
            box = _performance_box()
            box.setCurrentIndex(max(box.findData(term.performance), 0))
            box.setAccessibleName(translate("FollowupDialogs", "Performance of term %1")
                                  .replace("%1", str(row + 1)))
            box.currentIndexChanged.connect(self._derive_overall)
            self.term_table.setCellWidget(row, 2, box)
            self.term_boxes.append(box)
        self.term_table.setMinimumHeight(60 + 32 * min(len(terms), 4))

        form = QFormLayout()
        self.done_error = add_row(form, translate("FollowupDialogs", "Visited on"),
                                  self.done_edit)
        add_row(form, translate("FollowupDialogs", "Party visited"), self.visited_box)
        if terms:
            terms_cell, self.terms_error = field_with_error(self.term_table)
            form.addRow(translate("FollowupDialogs", "Performance per term"), terms_cell)
        else:
            self.terms_error = self.general_error
        self.performance_error = add_row(form, translate("FollowupDialogs", "Overall"),
                                         self.performance_box)
        add_row(form, translate("FollowupDialogs", "Satisfaction"), self.satisfaction_box)
        form.addRow("", self.sued_box)
        add_row(form, translate("FollowupDialogs", "Renewed conflict"), self.conflict_edit)
        add_row(form, translate("FollowupDialogs", "Measures taken"), self.measures_edit)
        self.body_error = add_row(form, translate("FollowupDialogs", "Record *"),
                                  self.body_edit)
        self.error_map = [("回访日期", self.done_error), ("条款履行", self.terms_error),
                          ("履行情况", self.performance_error), ("回访记录", self.body_error)]
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.finish_layout(layout)
        open_at(self, 760, 640)  # pixels at 100 % text; grows with it
        if terms:
            self._derive_overall()

    def set_term_performance(self, index: int, code: str) -> None:
        box = self.term_boxes[index]
        box.setCurrentIndex(box.findData(code))

    def _derive_overall(self) -> None:
        """Overall performance follows the terms (the mediator may still change it)."""
        codes = [str(box.currentData()) for box in self.term_boxes]
        if "not_done" in codes:
            overall = "not_done"
        elif all(code in ("done", "immediate") for code in codes):
            overall = "done"
        else:
            overall = "promised"
        self.performance_box.setCurrentIndex(self.performance_box.findData(overall))

    def accept(self) -> None:
        self.clear_errors()
        body = self.body_edit.toPlainText().strip()
        visited = self.visited_box.currentText().strip()
        if not body:
            self.body_error.set_error(translate("FollowupDialogs",
                                                "Write what was found on the visit."))
            self.body_edit.setFocus()
            return
        terms = [(term_id, str(box.currentData()))
                 for term_id, box in zip(self.term_ids, self.term_boxes, strict=True)]
        result = self.call_service(lambda: self.ctx.casework.record_followup(
            self.followup_id, done_on=_to_date(self.done_edit), visited=visited,
            performance=str(self.performance_box.currentData()), body=body,
            satisfaction=self.satisfaction_box.currentText().strip(),
            sued=self.sued_box.isChecked(), renewed_conflict=self.conflict_edit.text().strip(),
            measures=self.measures_edit.text().strip(), term_performance=terms))
        if result is not None:
            self.done_with(result)

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext, detail: CaseDetail,
            followup_id: str) -> StepResult | None:
        dialog = cls(ctx, detail, followup_id, parent)
        return dialog.run_for_result()
