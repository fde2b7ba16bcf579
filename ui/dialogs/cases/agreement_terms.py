"""The terms table of the agreement dialog: one row of editors per agreed term (协议条款).

Why editors in cells rather than a model: a mediator fills three or four terms while the
parties watch; each cell must show at once whether it is clear enough for a court (amount in
capitals beside the figures, a due date or "not set"), and Tab must walk the row in reading
order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QWidget,
)

from mediation_desk.domain.money import chinese_capital, format_yuan, parse_yuan
from mediation_desk.domain.terms import TermFacts
from mediation_desk.errors import DomainError
from mediation_desk.services.cases.drafts import TermDraft
from ui import dates
from ui.dialogs.cases.case_form import INVALID_STYLE
from ui.i18n import translate
from ui.widgets.column_fit import fit_columns

NOT_SET = QDate(2000, 1, 1)
COL_TEXT, COL_OBLIGOR, COL_OBLIGEE, COL_AMOUNT, COL_CAPITAL, COL_DUE, COL_PLACE, COL_METHOD = \
    range(8)


class DueDateEdit(QDateEdit):
    """A date that may be "not set"; its calendar opens on this month, not in the year 2000."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(NOT_SET)
        self.setSpecialValueText(translate("AgreementDialog", "not set"))
        self.setDate(NOT_SET)
        calendar = self.calendarWidget()
        if calendar is not None:
            calendar.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self.date() == NOT_SET:
            today = dates.today()
            calendar = self.calendarWidget()
            if calendar is not None:
                calendar.setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)

    def value(self) -> date | None:
        if self.date() == NOT_SET:
            return None
        value = self.date().toPython()
        assert isinstance(value, date)
        return value

    def set_value(self, value: date | None) -> None:
        self.setDate(QDate(value) if value else NOT_SET)


@dataclass
class TermRow:
    text: QLineEdit
    obligor: QComboBox
    obligee: QComboBox
    amount: QLineEdit
    capital: QLabel
    due: DueDateEdit
    place: QLineEdit
    method: QLineEdit

    def amount_fen(self) -> int | None:
        """The amount in fen; None when empty; DomainError when it cannot be read."""
        text = self.amount.text().strip()
        return parse_yuan(text) if text else None

    def facts(self) -> TermFacts:
        try:
            amount = self.amount_fen()
        except DomainError:
            amount = None
        return TermFacts(self.text.text().strip(), self.obligor.currentData() or None, amount,
                         self.due.value())

    def draft(self) -> TermDraft:
        return TermDraft(text=self.text.text().strip(), obligor=self.obligor.currentData() or "",
                         obligee=self.obligee.currentData() or "",
                         amount_fen=self.amount_fen(), due_on=self.due.value(),
                         place=self.place.text().strip(), method=self.method.text().strip())

    def payload(self) -> dict[str, str]:
        due = self.due.value()
        return {"text": self.text.text(), "obligor": self.obligor.currentData() or "",
                "obligee": self.obligee.currentData() or "", "amount": self.amount.text(),
                "due_on": due.isoformat() if due else "", "place": self.place.text(),
                "method": self.method.text()}


class TermsTable(QTableWidget):
    """Editable terms; ``edited`` fires on any change so warnings and autosave follow."""

    edited = Signal()
    rows_changed = Signal()

    def __init__(self, party_names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(0, 8, parent)
        self.party_names = party_names
        self.rows: list[TermRow] = []
        self.setHorizontalHeaderLabels([
            translate("AgreementDialog", "Term *"), translate("AgreementDialog", "Obligor *"),
            translate("AgreementDialog", "Obligee"), translate("AgreementDialog", "Amount (yuan)"),
            translate("AgreementDialog", "In capitals"), translate("AgreementDialog", "Due by"),
            translate("AgreementDialog", "Place"), translate("AgreementDialog", "Method")])
        self.setAccessibleName(translate("AgreementDialog", "Agreed terms"))
        self.setTabKeyNavigation(False)  # Tab walks the editors in reading order
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        # Widths and the row height at 100 % text, growing with it (the editors in the cells
        # grow too); the amount in capitals and the due date whole.
        self.columns = fit_columns(self, {
            COL_OBLIGOR: "欧阳春梅", COL_OBLIGEE: "欧阳春梅", COL_AMOUNT: "129700.00",
            COL_CAPITAL: "贰万玖仟柒佰元整", COL_DUE: "2026-11-20", COL_PLACE: "问房调解室",
            COL_METHOD: "银行转账"}, editor_columns=[COL_OBLIGOR, COL_OBLIGEE, COL_DUE],
            row_height=34)

    def _party_combo(self, caption: str) -> QComboBox:
        box = QComboBox()
        box.addItem("", "")
        for name in self.party_names:
            box.addItem(name, name)
        box.setAccessibleName(caption)
        return box

    def add_term(self, text: str = "", obligor: str = "", obligee: str = "", amount: str = "",
                 due_on: date | None = None, place: str = "", method: str = "") -> TermRow:
        row = TermRow(QLineEdit(text), self._party_combo(translate("AgreementDialog", "Obligor")),
                      self._party_combo(translate("AgreementDialog", "Obligee")),
                      QLineEdit(amount), QLabel(), DueDateEdit(), QLineEdit(place),
                      QLineEdit(method))
        row.text.setPlaceholderText(translate("AgreementDialog", "What is to be done"))
        row.text.setAccessibleName(translate("AgreementDialog", "Term"))
        row.amount.setPlaceholderText("0.00")
        row.amount.setAccessibleName(translate("AgreementDialog", "Amount (yuan)"))
        row.method.setPlaceholderText(translate("AgreementDialog", "cash, transfer…"))
        row.method.setAccessibleName(translate("AgreementDialog", "Method"))
        row.place.setAccessibleName(translate("AgreementDialog", "Place"))
        row.due.setAccessibleName(translate("AgreementDialog", "Due by"))
        row.obligor.setCurrentIndex(max(row.obligor.findData(obligor), 0))
        row.obligee.setCurrentIndex(max(row.obligee.findData(obligee), 0))
        row.due.set_value(due_on)
        index = self.rowCount()
        self.insertRow(index)
        for column, widget in ((COL_TEXT, row.text), (COL_OBLIGOR, row.obligor),
                               (COL_OBLIGEE, row.obligee), (COL_AMOUNT, row.amount),
                               (COL_CAPITAL, row.capital), (COL_DUE, row.due),
                               (COL_PLACE, row.place), (COL_METHOD, row.method)):
            self.setCellWidget(index, column, widget)
        self.rows.append(row)
        for signal in (row.text.textChanged, row.obligor.currentIndexChanged,
                       row.obligee.currentIndexChanged, row.due.dateChanged,
                       row.place.textChanged, row.method.textChanged):
            signal.connect(self.edited)
        row.amount.textChanged.connect(lambda _t, r=row: self._amount_changed(r))
        self._amount_changed(row)
        self.rows_changed.emit()
        return row

    def remove_term(self, index: int) -> None:
        if 0 <= index < len(self.rows):
            self.removeRow(index)
            del self.rows[index]
            self.rows_changed.emit()
            self.edited.emit()

    def editors(self) -> list[QWidget]:
        """Every editor, row by row, in reading order (the Tab order)."""
        return [w for r in self.rows for w in (r.text, r.obligor, r.obligee, r.amount, r.due,
                                                r.place, r.method)]

    def remove_current(self) -> None:
        focused = self.focusWidget()
        for index, row in enumerate(self.rows):
            widgets = (row.text, row.obligor, row.obligee, row.amount, row.due, row.place,
                       row.method)
            if focused in widgets:
                self.remove_term(index)
                return
        self.remove_term(self.currentRow() if self.currentRow() >= 0 else len(self.rows) - 1)

    def _amount_changed(self, row: TermRow) -> None:
        try:
            fen = row.amount_fen()
        except DomainError as exc:
            row.capital.setText(exc.reason)
            row.capital.setStyleSheet("color:#c62828;")
            row.amount.setStyleSheet(INVALID_STYLE)
        else:
            row.capital.setText(chinese_capital(fen) if fen is not None else "")
            row.capital.setToolTip(format_yuan(fen) if fen is not None else "")
            row.capital.setStyleSheet("")
            row.amount.setStyleSheet("")
        self.edited.emit()

    def mark_invalid(self, widget: QWidget, invalid: bool) -> None:
        widget.setStyleSheet(INVALID_STYLE if invalid else "")
