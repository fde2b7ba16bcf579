"""One finding (排查发现) inside the visit form: what was found, how risky, what was done.

Why the risk level starts empty: it is the one choice the room insists on (it decides the
response time and who is told), so the form must not pick "blue" for a tired mediator; the
service refuses a finding without one and the reason appears under the field.
Choosing a level fills the deadline (found date + the level's response time) and, for levels
with an escalation target, the target — until the mediator changes either herself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from mediation_desk.services.patrols.risk_levels import due_date
from mediation_desk.services.patrols.service import MEASURES, FindingDraft
from ui.i18n import translate
from ui.icons import icon
from ui.views.patrol.style import RISK_LABELS, RISK_ORDER, risk_chip
from ui.widgets.case_fields import DateEdit
from ui.widgets.field_error import FieldError, with_message

#: Field keys, and the words of the service's Problem fields that point at them.
FIELD_WORDS: tuple[tuple[str, str], ...] = (
    ("风险", "risk_level"), ("简要", "summary"), ("摘要", "summary"), ("情况", "summary"),
    ("当事人", "parties"), ("类型", "dispute_type"), ("人数", "people_involved"),
    ("金额", "amount"), ("措施", "measure"), ("责任", "responsible"), ("期限", "due_on"),
    ("上报", "escalated_to"), ("结果", "result"),
)


@dataclass(frozen=True)
class FindingChoices:
    """The pick lists and local rules a finding form needs (read once per dialog)."""

    dispute_types: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    response_hours: dict[str, int] = field(default_factory=dict)
    target_of: dict[str, str] = field(default_factory=dict)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class FindingEditor(QGroupBox):
    """The fields of one finding; ``changed`` on every edit, ``remove_requested`` from its
    delete button."""

    changed = Signal()
    remove_requested = Signal(QWidget)

    def __init__(self, choices: FindingChoices, found_on: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices
        self.found_on = found_on
        self._due_touched = False
        self.finding_id = ""  # correcting a visit: the recorded finding this editor holds
        self._target_touched = False
        self._filling = False

        self.risk_box = QComboBox(self)
        self.risk_box.addItem(translate("FindingEditor", "— choose —"), "")
        for level in RISK_ORDER:
            self.risk_box.addItem(risk_chip(level), RISK_LABELS[level], level)
        self.type_box = QComboBox(self)
        self.type_box.setEditable(True)
        self.type_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.type_box.addItems(["", *choices.dispute_types])
        self.summary_edit = QPlainTextEdit(self)
        self.summary_edit.setTabChangesFocus(True)
        self.summary_edit.setFixedHeight(self.fontMetrics().height() * 2 + 14)
        self.summary_edit.setPlaceholderText(translate(
            "FindingEditor", "What is disputed, between whom, since when"))
        self.parties_edit = QLineEdit(self)
        self.parties_edit.setPlaceholderText(translate("FindingEditor", "e.g. 张某与李某"))
        self.people_spin = QSpinBox(self)
        self.people_spin.setRange(0, 100000)
        self.people_spin.setSpecialValueText("—")
        self.amount_edit = QLineEdit(self)
        self.amount_edit.setPlaceholderText(translate("FindingEditor", "yuan, e.g. 12000"))
        self.measure_box = QComboBox(self)
        for code, label in MEASURES.items():
            self.measure_box.addItem(label, code)
        self.measure_box.setCurrentIndex(self.measure_box.findData("watch"))
        self.responsible_box = QComboBox(self)
        self.responsible_box.setEditable(True)
        self.responsible_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.responsible_box.addItems(["", *choices.people])
        self.due_edit = DateEdit(_qdate(found_on + timedelta(days=7)), self)
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("yyyy-MM-dd")
        self.target_box = QComboBox(self)
        self.target_box.setEditable(True)
        self.target_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.target_box.addItems(["", *choices.targets])
        self.result_edit = QLineEdit(self)
        self.result_edit.setPlaceholderText(translate(
            "FindingEditor", "e.g. 当场说和，双方同意各退一步"))
        self.remove_button = QPushButton(icon("remove", "danger"),
                                         translate("FindingEditor", "Remove"), self)
        self.remove_button.setAccessibleName(translate("FindingEditor", "Remove this finding"))
        self._build_layout()
        self._connect()

    def _build_layout(self) -> None:
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        self.messages: dict[str, FieldError] = {}
        self.widgets: dict[str, QWidget] = {}
        # (key, caption, widget, row, label column, columns the field spans), reading order.
        cells: list[tuple[str, str, QWidget, int, int, int]] = [
            ("risk_level", translate("FindingEditor", "Risk level *"), self.risk_box, 0, 0, 1),
            ("dispute_type", translate("FindingEditor", "Dispute type"), self.type_box, 0, 2, 1),
            ("summary", translate("FindingEditor", "What was found *"), self.summary_edit,
             1, 0, 5),
            ("parties", translate("FindingEditor", "Parties"), self.parties_edit, 2, 0, 1),
            ("people_involved", translate("FindingEditor", "People"), self.people_spin,
             2, 2, 1),
            ("amount", translate("FindingEditor", "Amount (yuan)"), self.amount_edit, 2, 4, 1),
            ("measure", translate("FindingEditor", "Measure"), self.measure_box, 3, 0, 1),
            ("responsible", translate("FindingEditor", "Responsible"), self.responsible_box,
             3, 2, 1),
            ("due_on", translate("FindingEditor", "Due by"), self.due_edit, 3, 4, 1),
            ("escalated_to", translate("FindingEditor", "Report to"), self.target_box,
             4, 0, 1),
            ("result", translate("FindingEditor", "Result"), self.result_edit, 4, 2, 3),
        ]
        for key, caption, widget, row, column, span in cells:
            label = QLabel(caption, self)
            label.setBuddy(widget)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            label.setContentsMargins(0, 4, 0, 0)
            widget.setAccessibleName(caption.rstrip(" *"))
            cell, message = with_message(widget, self)
            grid.addWidget(label, row, column)
            grid.addWidget(cell, row, column + 1, 1, span)
            self.messages[key], self.widgets[key] = message, widget
        grid.addWidget(self.remove_button, 0, 5, Qt.AlignmentFlag.AlignRight)
        for column, stretch in ((1, 3), (3, 2), (5, 2)):
            grid.setColumnStretch(column, stretch)

    def _connect(self) -> None:
        self.risk_box.currentIndexChanged.connect(self._risk_chosen)
        self.due_edit.dateChanged.connect(self._due_edited)
        self.target_box.editTextChanged.connect(self._target_edited)
        for key, signal in (("risk_level", self.risk_box.currentIndexChanged),
                            ("dispute_type", self.type_box.editTextChanged),
                            ("summary", self.summary_edit.textChanged),
                            ("parties", self.parties_edit.textChanged),
                            ("people_involved", self.people_spin.valueChanged),
                            ("amount", self.amount_edit.textChanged),
                            ("measure", self.measure_box.currentIndexChanged),
                            ("responsible", self.responsible_box.editTextChanged),
                            ("due_on", self.due_edit.dateChanged),
                            ("escalated_to", self.target_box.editTextChanged),
                            ("result", self.result_edit.textChanged)):
            signal.connect(lambda *_a, k=key: self._edited(k))
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))

    def set_number(self, number: int) -> None:
        self.setTitle(translate("FindingEditor", "Finding %1").replace("%1", str(number)))
        self.remove_button.setAccessibleName(
            translate("FindingEditor", "Remove finding %1").replace("%1", str(number)))

    def set_found_on(self, found_on: date) -> None:
        """The visit's date changed: an automatic deadline follows it."""
        self.found_on = found_on
        if not self._due_touched:
            self._apply_due()

    # -- automatic values -------------------------------------------------------------------
    def _risk_chosen(self) -> None:
        level = str(self.risk_box.currentData() or "")
        if not self._due_touched:
            self._apply_due()
        if not self._target_touched and level:
            self._filling = True
            self.target_box.setCurrentText(self.choices.target_of.get(level, ""))
            self._filling = False

    def _apply_due(self) -> None:
        level = str(self.risk_box.currentData() or "")
        hours = self.choices.response_hours.get(level)
        if hours is None:
            return
        self._filling = True
        self.due_edit.setDate(_qdate(due_date(self.found_on, hours)))
        self._filling = False

    def _due_edited(self) -> None:
        if not self._filling:
            self._due_touched = True

    def _target_edited(self) -> None:
        if not self._filling:
            self._target_touched = True

    def _edited(self, key: str) -> None:
        if self.messages[key].is_error:
            self.messages[key].clear()
        self.changed.emit()

    # -- the fields as data -----------------------------------------------------------------
    def is_blank(self) -> bool:
        """Nothing typed (an empty editor left at the end is not a finding)."""
        return not (self.summary_edit.toPlainText().strip() or self.parties_edit.text().strip()
                    or self.risk_box.currentData() or self.amount_edit.text().strip()
                    or self.result_edit.text().strip())

    def draft(self) -> FindingDraft:
        return FindingDraft(
            summary=self.summary_edit.toPlainText().strip(),
            parties=self.parties_edit.text().strip(),
            dispute_type=self.type_box.currentText().strip(),
            people_involved=self.people_spin.value() or None,
            amount=self.amount_edit.text().strip(),
            risk_level=str(self.risk_box.currentData() or ""),
            measure=str(self.measure_box.currentData()),
            responsible=self.responsible_box.currentText().strip(),
            due_on=_pydate(self.due_edit.date()),
            escalated_to=self.target_box.currentText().strip(),
            escalated_on=self.found_on if self.target_box.currentText().strip() else None,
            result=self.result_edit.text().strip(), id=self.finding_id)

    def payload(self) -> dict[str, Any]:
        return {"summary": self.summary_edit.toPlainText(), "parties": self.parties_edit.text(),
                "dispute_type": self.type_box.currentText(),
                "people": self.people_spin.value(), "amount": self.amount_edit.text(),
                "risk_level": self.risk_box.currentData() or "",
                "measure": self.measure_box.currentData(),
                "responsible": self.responsible_box.currentText(),
                "due_on": self.due_edit.date().toString("yyyy-MM-dd"),
                "due_touched": self._due_touched,
                "escalated_to": self.target_box.currentText(),
                "target_touched": self._target_touched,
                "result": self.result_edit.text(),
                **({"finding_id": self.finding_id} if self.finding_id else {})}

    def restore(self, data: dict[str, Any]) -> None:
        self._filling = True
        # Correcting a visit: which recorded finding this editor holds, so removing an
        # earlier one never moves this text onto another finding's row.
        self.finding_id = str(data.get("finding_id", "") or "")
        try:
            self.risk_box.setCurrentIndex(max(self.risk_box.findData(
                data.get("risk_level", "")), 0))
            self.summary_edit.setPlainText(str(data.get("summary", "") or ""))
            self.parties_edit.setText(str(data.get("parties", "") or ""))
            self.type_box.setCurrentText(str(data.get("dispute_type", "") or ""))
            self.people_spin.setValue(int(data.get("people", 0) or 0))
            self.amount_edit.setText(str(data.get("amount", "") or ""))
            self.measure_box.setCurrentIndex(max(self.measure_box.findData(
                data.get("measure", "watch")), 0))
            self.responsible_box.setCurrentText(str(data.get("responsible", "") or ""))
            due = QDate.fromString(str(data.get("due_on", "")), "yyyy-MM-dd")
            if due.isValid():
                self.due_edit.setDate(due)
            self.target_box.setCurrentText(str(data.get("escalated_to", "") or ""))
            self.result_edit.setText(str(data.get("result", "") or ""))
        finally:
            self._filling = False
        self._due_touched = bool(data.get("due_touched"))
        self._target_touched = bool(data.get("target_touched"))

    # -- reasons ----------------------------------------------------------------------------
    def clear_problems(self) -> None:
        for message in self.messages.values():
            message.clear()

    def show_problem(self, field_name: str, reason: str) -> QWidget | None:
        """Show ``reason`` beside the field the service named; the field, or None."""
        key = next((k for word, k in FIELD_WORDS if word in field_name), None)
        if key is None:
            return None
        self.messages[key].show_error(reason)
        return self.widgets[key]

    def focus_chain(self) -> list[QWidget]:
        return [self.risk_box, self.type_box, self.summary_edit, self.parties_edit,
                self.people_spin, self.amount_edit, self.measure_box, self.responsible_box,
                self.due_edit, self.target_box, self.result_edit, self.remove_button]
