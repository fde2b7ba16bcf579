"""The case half of the intake form (受理登记): date, source, type, village, facts, mediators.

Kept apart from the dialog so the dialog is only about saving, checking and leaving. Fields are
keyed by the labels the services use in their Problems ("受理日期", "纠纷类型", "调解员[1]"), so
a refused value finds its field without a translation table.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.domain.dictionaries import MEDIATOR_ROLES
from mediation_desk.domain.money import parse_yuan
from mediation_desk.errors import DomainError, Problem
from mediation_desk.services.cases.drafts import CaseDraft, MediatorDraft
from ui import dates
from ui.context import AppContext
from ui.i18n import translate
from ui.widgets.field_error import FieldError, with_message

RISK_COLORS = {"blue": "#1e88e5", "yellow": "#fdd835", "orange": "#fb8c00", "red": "#e53935"}
VILLAGE = "村（社区）"


def _swatch(color: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class DateEdit(QDateEdit):
    """A date field that Tab leaves (Qt's moves between year, month and day; typing the
    digits already advances through them)."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


class CaseFields(QGroupBox):
    """The case's own fields; ``changed`` after every edit by the user."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(translate("CaseFields", "Case"), parent)
        self._restoring = False
        self._mediator_fields: list[QComboBox] = []
        settings = ctx.settings
        self.received_edit = DateEdit(dates.today(), self)
        self.received_edit.setCalendarPopup(True)
        self.received_edit.setDisplayFormat("yyyy-MM-dd")
        self.received_edit.setMaximumDate(dates.today())
        self.source_box = QComboBox(self)
        self.source_box.addItems([e.label for e in settings.entries("source") if e.active])
        self.source_box.setCurrentIndex(max(self.source_box.findText("当事人申请"), 0))
        self.type_box = QComboBox(self)
        self.type_box.addItems(
            ["", *(e.label for e in settings.entries("dispute_type") if e.active)])
        self.villages = [v.label for v in settings.villages()]
        self.village_box = self._editable(self.villages)
        completer = QCompleter(self.villages, self.village_box)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.village_box.setCompleter(completer)
        self.procedure_box = QComboBox(self)
        self.procedure_box.addItem(translate("CaseFields", "Normal procedure"), "normal")
        self.procedure_box.addItem(translate("CaseFields", "Simple procedure"), "simple")
        self.risk_box = QComboBox(self)
        for code, text in (("blue", translate("CaseFields", "Blue")),
                           ("yellow", translate("CaseFields", "Yellow")),
                           ("orange", translate("CaseFields", "Orange")),
                           ("red", translate("CaseFields", "Red"))):
            self.risk_box.addItem(_swatch(RISK_COLORS[code]), text, code)
        self.summary_edit = QPlainTextEdit(self)
        self.summary_edit.setTabChangesFocus(True)
        self.summary_edit.setFixedHeight(92)
        self.summary_edit.setPlaceholderText(
            translate("CaseFields", "Who, where, what happened, what is disputed"))
        self.requests_edit = QPlainTextEdit(self)
        self.requests_edit.setTabChangesFocus(True)
        self.requests_edit.setFixedHeight(64)
        self.requests_edit.setPlaceholderText(translate("CaseFields", "One request per line"))
        self.amount_edit = QLineEdit(self)
        self.amount_edit.setPlaceholderText(translate("CaseFields", "e.g. 12000 or 1,200.50"))
        self.people_spin = QSpinBox(self)
        self.people_spin.setRange(0, 100000)
        self.people_spin.setSpecialValueText("—")  # 0: not recorded
        names = ctx.register.mediator_names()
        self.lead_box = self._editable(names)
        if ctx.actor.name in names:  # the mediator at the desk usually leads
            self.lead_box.setCurrentText(ctx.actor.name)
        self.second_box = self._editable(names)
        self.second_role_box = QComboBox(self)
        for role in ("recorder", "member"):
            self.second_role_box.addItem(MEDIATOR_ROLES[role], role)
        self.second_role_box.setAccessibleName(
            translate("CaseFields", "Role of the second mediator"))
        self._build_layout()
        self._connect()

    def _editable(self, items: list[str]) -> QComboBox:
        box = QComboBox(self)
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        box.addItems(["", *items])
        return box

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(6)
        second = QWidget(self)
        second_row = QHBoxLayout(second)
        second_row.setContentsMargins(0, 0, 0, 0)
        second_row.addWidget(self.second_box, 1)
        second_row.addWidget(self.second_role_box)
        rows: list[tuple[str, str, QWidget]] = [
            ("受理日期", translate("CaseFields", "Recei&ved on"), self.received_edit),
            ("案件来源", translate("CaseFields", "&Source"), self.source_box),
            ("纠纷类型", translate("CaseFields", "Dispute &type"), self.type_box),
            (VILLAGE, translate("CaseFields", "Vi&llage"), self.village_box),
            ("程序", translate("CaseFields", "Pr&ocedure"), self.procedure_box),
            ("风险等级", translate("CaseFields", "Ris&k level"), self.risk_box),
            ("纠纷简要情况", translate("CaseFields", "Su&mmary of facts"), self.summary_edit),
            ("申请事项", translate("CaseFields", "Re&quests"), self.requests_edit),
            ("涉及金额", translate("CaseFields", "&Amount involved (yuan)"), self.amount_edit),
            ("涉及人数", translate("CaseFields", "Peopl&e involved"), self.people_spin),
            ("调解员[1]", translate("CaseFields", "Lead mediato&r"), self.lead_box),
            ("调解员[2]", translate("CaseFields", "Se&cond mediator"), self.second_box),
        ]
        self.messages: dict[str, FieldError] = {}
        self.widgets: dict[str, QWidget] = {}
        for key, text, field in rows:
            cell, message = with_message(second if field is self.second_box else field, self)
            label = QLabel(text, self)
            label.setBuddy(field)
            field.setAccessibleName(text.replace("&", ""))
            form.addRow(label, cell)
            self.messages[key], self.widgets[key] = message, field
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)

    def _connect(self) -> None:
        changes = {
            "受理日期": self.received_edit.dateChanged,
            "案件来源": self.source_box.currentIndexChanged,
            "纠纷类型": self.type_box.currentIndexChanged, VILLAGE: self.village_box.editTextChanged,
            "程序": self.procedure_box.currentIndexChanged,
            "风险等级": self.risk_box.currentIndexChanged,
            "纠纷简要情况": self.summary_edit.textChanged,
            "申请事项": self.requests_edit.textChanged, "涉及金额": self.amount_edit.textChanged,
            "涉及人数": self.people_spin.valueChanged, "调解员[1]": self.lead_box.editTextChanged,
            "调解员[2]": self.second_box.editTextChanged,
            "": self.second_role_box.currentIndexChanged,
        }
        for key, signal in changes.items():
            signal.connect(lambda *_a, k=key: self._edited(k))

    def _edited(self, key: str) -> None:
        if key == VILLAGE:
            self.village_note()
        elif key and self.messages[key].is_error:
            self.messages[key].clear()
        if not self._restoring:
            self.changed.emit()

    def focus_chain(self) -> list[QWidget]:
        return [self.received_edit, self.source_box, self.type_box, self.village_box,
                self.procedure_box, self.risk_box, self.summary_edit, self.requests_edit,
                self.amount_edit, self.people_spin, self.lead_box, self.second_box,
                self.second_role_box]

    # -- the fields as data -----------------------------------------------------------------
    def fill(self, draft: CaseDraft) -> list[Problem]:
        """Put the case fields into ``draft``; returns what only the form can refuse (an
        amount that does not parse) — the services check everything else."""
        problems: list[Problem] = []
        draft.amount_fen = None
        if self.amount_edit.text().strip():
            try:
                draft.amount_fen = parse_yuan(self.amount_edit.text())
            except DomainError as exc:
                problems.append(Problem("", "涉及金额", exc.reason))
        draft.mediators, self._mediator_fields = [], []
        for box, role in ((self.lead_box, "lead"),
                          (self.second_box, self.second_role_box.currentData())):
            if box.currentText().strip():
                draft.mediators.append(MediatorDraft(box.currentText().strip(), role))
                self._mediator_fields.append(box)
        received = self.received_edit.date()
        draft.received_on = date(received.year(), received.month(), received.day())
        draft.source = self.source_box.currentText()
        draft.dispute_type = self.type_box.currentText()
        draft.village = self.village_box.currentText().strip()
        draft.summary = self.summary_edit.toPlainText().strip()
        draft.requests = [line.strip() for line in self.requests_edit.toPlainText().splitlines()
                          if line.strip()]
        draft.risk_level = self.risk_box.currentData()
        draft.procedure = self.procedure_box.currentData()
        draft.people_involved = self.people_spin.value() or None
        return problems

    def payload(self) -> dict[str, Any]:
        """Everything typed, JSON-able (the amount as typed, so nothing is lost)."""
        return {
            "received_on": self.received_edit.date().toString("yyyy-MM-dd"),
            "source": self.source_box.currentText(),
            "dispute_type": self.type_box.currentText(),
            "village": self.village_box.currentText(),
            "procedure": self.procedure_box.currentData(),
            "risk_level": self.risk_box.currentData(),
            "summary": self.summary_edit.toPlainText(),
            "requests": self.requests_edit.toPlainText(),
            "amount": self.amount_edit.text(), "people": self.people_spin.value(),
            "lead_mediator": self.lead_box.currentText(),
            "second_mediator": self.second_box.currentText(),
            "second_role": self.second_role_box.currentData(),
        }

    def restore(self, data: dict[str, Any]) -> None:
        """Put saved values back (a value no longer in a list is kept, not lost)."""
        self._restoring = True
        try:
            received = QDate.fromString(str(data.get("received_on", "")), "yyyy-MM-dd")
            if received.isValid():
                self.received_edit.setDate(received)
            for box, key in ((self.source_box, "source"), (self.type_box, "dispute_type")):
                text = str(data.get(key, "") or "")
                if text and box.findText(text) < 0:
                    box.addItem(text)
                if text or key == "dispute_type":
                    box.setCurrentIndex(max(box.findText(text), 0))
            for box, key in ((self.procedure_box, "procedure"), (self.risk_box, "risk_level"),
                             (self.second_role_box, "second_role")):
                box.setCurrentIndex(max(box.findData(data.get(key)), 0))
            for box, key in ((self.village_box, "village"), (self.lead_box, "lead_mediator"),
                             (self.second_box, "second_mediator")):
                box.setCurrentText(str(data.get(key, "") or ""))
            self.summary_edit.setPlainText(str(data.get("summary", "") or ""))
            self.requests_edit.setPlainText(str(data.get("requests", "") or ""))
            self.amount_edit.setText(str(data.get("amount", "") or ""))
            self.people_spin.setValue(int(data.get("people", 0) or 0))
        finally:
            self._restoring = False

    # -- notes and reasons ------------------------------------------------------------------
    def village_note(self) -> None:
        name = self.village_box.currentText().strip()
        if name and name not in self.villages:
            self.messages[VILLAGE].show_note(translate(
                "CaseFields", "“{village}” is not in the village list yet; it will be added "
                "when the case is registered.").format(village=name))
        else:
            self.messages[VILLAGE].clear()

    def clear_problems(self) -> None:
        for message in self.messages.values():
            message.clear()
        self.village_note()

    def show_problem(self, field: str, reason: str) -> QWidget | None:
        """Show ``reason`` beside the field named ``field``; the field, or None if unknown.
        Mediators are numbered as :meth:`fill` put them into the draft."""
        key = field
        if field.startswith("调解员["):
            index = int(field[4:field.index("]")]) - 1
            if not 0 <= index < len(self._mediator_fields):
                return None
            key = "调解员[1]" if self._mediator_fields[index] is self.lead_box else "调解员[2]"
        if key not in self.messages:
            return None
        self.messages[key].show_error(reason)
        return self.widgets[key]
