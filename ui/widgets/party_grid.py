"""当事人: the parties of a dispute being registered — a compact list and an editor for one.

Why list + editor rather than an editable table: a party has a dozen fields, several of them
pick lists, and each needs room for the reason a value was refused; a table cell has none.
Starts with one applicant and one respondent, as nearly every dispute has.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.domain.dictionaries import PARTY_SIDES
from mediation_desk.domain.phone import mask_phone
from mediation_desk.domain.resident_id import mask_id_number
from mediation_desk.services.cases.drafts import PartyDraft
from ui.i18n import translate
from ui.icons import icon
from ui.widgets.field_error import with_message
from ui.widgets.party_editor import PROBLEM_FIELDS, PartyEditor

__all__ = ["PROBLEM_FIELDS", "PartyGrid"]

ROW_HEIGHT = 26
VISIBLE_ROWS = 4



class PartyGrid(QWidget):
    """Parties in a list with Add/Remove buttons, and the selected party's fields below."""

    changed = Signal()

    def __init__(self, ethnicities: list[str],
                 earlier_cases: Callable[[str], list[str]] | None = None,
                 earlier_party: Callable[[str], PartyDraft | None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._parties: list[PartyDraft] = []
        self._problems: dict[int, dict[str, str]] = {}
        self._current = -1

        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([
            translate("PartyGrid", "Side"), translate("PartyGrid", "Name"),
            translate("PartyGrid", "ID number"), translate("PartyGrid", "Phone")])
        self.table.setAccessibleName(translate("PartyGrid", "Parties"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setFixedHeight(VISIBLE_ROWS * ROW_HEIGHT + header.sizeHint().height() + 4)
        self.table.currentCellChanged.connect(lambda row, *_: self.select(row))
        table_box, self.general_message = with_message(self.table, self)

        self.add_applicant_button = self._button(
            translate("PartyGrid", "Add applicant"), "applicant")
        self.add_respondent_button = self._button(
            translate("PartyGrid", "Add respondent"), "respondent")
        self.add_third_button = self._button(
            translate("PartyGrid", "Add third party"), "third_party")
        self.remove_button = QPushButton(icon("remove"), translate("PartyGrid", "Remove"), self)
        self.remove_button.setAccessibleName(translate("PartyGrid", "Remove the selected party"))
        self.remove_button.clicked.connect(self.remove_current)
        buttons = QVBoxLayout()
        buttons.setSpacing(4)
        for button in (self.add_applicant_button, self.add_respondent_button,
                       self.add_third_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(table_box, 1)
        top.addLayout(buttons)

        self.editor = PartyEditor(ethnicities, earlier_cases, earlier_party, self)
        self.editor.edited.connect(self._edited)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.editor)
        layout.addStretch(1)

        ethnicity = self.editor.default_ethnicity()
        self.set_parties([PartyDraft(side="applicant", ethnicity=ethnicity),
                          PartyDraft(side="respondent", ethnicity=ethnicity)])

    def _button(self, text: str, side: str) -> QPushButton:
        button = QPushButton(icon("add"), text, self)
        button.setAccessibleName(text)
        button.clicked.connect(lambda: self.add_party(side))
        return button

    # -- the list ---------------------------------------------------------------------------
    def parties(self) -> list[PartyDraft]:
        """Copies of the parties as typed."""
        return [PartyDraft(**asdict(p)) for p in self._parties]

    def set_parties(self, parties: list[PartyDraft], current: int = 0) -> None:
        self._parties = [PartyDraft(**asdict(p)) for p in parties]
        self._problems = {}
        self.general_message.clear()
        self.table.blockSignals(True)
        self.table.setRowCount(len(self._parties))
        for row in range(len(self._parties)):
            self._refresh_row(row)
        self.table.blockSignals(False)
        self._current = -1
        self.select(min(max(current, 0), len(self._parties) - 1))

    def current_index(self) -> int:
        return self._current

    def select(self, row: int) -> None:
        """Show party ``row`` in the editor (with the reasons it was refused, if any)."""
        if not 0 <= row < len(self._parties):
            if not self._parties:
                self._current = -1
                self.editor.load(None)
                self.remove_button.setEnabled(False)
            return
        if row == self._current:
            return
        self._current = row
        if self.table.currentRow() != row:
            self.table.blockSignals(True)
            self.table.setCurrentCell(row, 0)
            self.table.blockSignals(False)
        self.editor.load(self._parties[row], self._problems.get(row))
        self.remove_button.setEnabled(True)

    def add_party(self, side: str) -> int:
        self._parties.append(PartyDraft(side=side, ethnicity=self.editor.default_ethnicity()))
        row = len(self._parties) - 1
        self.table.setRowCount(len(self._parties))
        self._refresh_row(row)
        self.select(row)
        self.editor.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()
        return row

    def remove_current(self) -> None:
        row = self._current
        if not 0 <= row < len(self._parties):
            return
        del self._parties[row]
        self._problems = {}  # rows moved: old reasons no longer point at the right party
        self.general_message.clear()
        self.table.blockSignals(True)
        self.table.removeRow(row)
        self.table.blockSignals(False)
        self._current = -1
        self.select(min(row, len(self._parties) - 1))
        self.changed.emit()

    def _refresh_row(self, row: int) -> None:
        p = self._parties[row]
        cells = (PARTY_SIDES.get(p.side, p.side), p.name,
                 mask_id_number(p.id_number) if p.id_number else "",
                 mask_phone(p.phone) if p.phone else "")  # masked as IDs are (the editor
        # below shows the party being typed in full)
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column == 0 and self._problems.get(row):
                item.setIcon(icon("warning", "danger"))
            self.table.setItem(row, column, item)

    def _edited(self, key: str) -> None:
        if not 0 <= self._current < len(self._parties):
            return
        found = self._problems.get(self._current)
        if found is not None:
            found.pop(key, None)
            if not found:
                del self._problems[self._current]
        self._refresh_row(self._current)
        self.changed.emit()

    # -- problems from validation -----------------------------------------------------------
    def set_problems(self, problems: dict[int, dict[str, str]], general: list[str]) -> None:
        """Show refused values: ``problems`` maps a row to {field key: reason}; ``general``
        are reasons about the parties as a whole (no respondent, …). Selects the first
        offending row so its reasons are in view."""
        self._problems = {row: dict(found) for row, found in problems.items() if found}
        if general:
            self.general_message.show_error("；".join(general))
        else:
            self.general_message.clear()
        for row in range(len(self._parties)):
            self._refresh_row(row)
        target = min(self._problems) if self._problems else self._current
        self._current = -1
        self.select(target)

    def clear_problems(self) -> None:
        self.set_problems({}, [])

    def problem_rows(self) -> list[int]:
        return sorted(self._problems)

    def focus_chain(self) -> list[QWidget]:
        """The grid's inputs in reading order, for the dialog's tab order."""
        return [self.table, self.add_applicant_button, self.add_respondent_button,
                self.add_third_button, self.remove_button, *self.editor.focus_chain()]
