"""当事人: the parties with ID numbers and phones masked; showing them in full is audited.

A party's details can be corrected or completed here (修改…, or a double-click on the row):
forms refuse to print without an address and archiving needs every ID number."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mediation_desk.domain.dictionaries import PARTY_SIDES
from mediation_desk.services.cases.detail import CaseDetail, PartyView
from ui.i18n import translate
from ui.icons import icon
from ui.views.cases.tabs.common import cell, show_date
from ui.widgets.column_fit import fit_columns
from ui.widgets.tables import read_only_table

COL_SIDE, COL_NAME, COL_GENDER, COL_BIRTH, COL_ID, COL_PHONE, COL_ADDRESS, COL_AGENT, \
    COL_REVEAL = range(9)


def _gender(code: str) -> str:
    return {"male": translate("CaseView", "Male"),
            "female": translate("CaseView", "Female")}.get(code, "—")


class PartiesTab(QWidget):
    add_requested = Signal()
    edit_requested = Signal(str)  # party id
    reveal_requested = Signal(str)  # party id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.revealed: dict[str, tuple[str, str]] = {}
        self.reveal_buttons: dict[str, QPushButton] = {}
        self.parties: list[PartyView] = []
        self.anonymised = False
        self.table = read_only_table(
            [translate("CaseView", "Side"), translate("CaseView", "Name"),
             translate("CaseView", "Gender"), translate("CaseView", "Born"),
             translate("CaseView", "ID number"), translate("CaseView", "Phone"),
             translate("CaseView", "Address"), translate("CaseView", "Agent / representative"),
             ""], COL_ADDRESS, translate("CaseView", "Parties"))
        self.columns = fit_columns(self.table, {  # widths at 100 % text, growing with it
            COL_SIDE: 80, COL_NAME: 110, COL_GENDER: 64, COL_BIRTH: "1949-12-31",
            COL_ID: "110105194912310021", COL_PHONE: "0595-23456789", COL_AGENT: 150,
            COL_REVEAL: 190}, row_height=36)
        self.add_button = QPushButton(icon("add"), translate("CaseView", "Add party…"))
        self.add_button.clicked.connect(self.add_requested)
        self.edit_button = QPushButton(icon("edit"), translate("CaseView", "&Edit…"))
        self.edit_button.setToolTip(translate(
            "CaseView", "Correct or complete the selected party's details"))
        self.edit_button.clicked.connect(self._edit_selected)
        self.edit_button.setEnabled(False)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.cellDoubleClicked.connect(lambda row, _column: self._edit_row(row))
        note = QLabel(translate("CaseView", "ID numbers and phones are masked. Showing them "
                                "in full is recorded in the case history."))
        note.setWordWrap(True)
        note.setStyleSheet("color:#607d8b;")
        bar = QHBoxLayout()
        bar.addWidget(note, 1)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    def show_detail(self, detail: CaseDetail) -> None:
        self.anonymised = detail.anonymised
        self.show_parties(detail.parties)

    def show_parties(self, parties: list[PartyView]) -> None:
        self.parties = parties
        self.table.setRowCount(len(parties))
        self.reveal_buttons = {}
        for row, party in enumerate(parties):
            kind_icon = icon("organization" if party.kind == "organization" else "party")
            name = cell(party.name, data=party.id)
            name.setIcon(kind_icon)
            full = self.revealed.get(party.id)
            id_text = full[0] if full else party.id_masked
            phone_text = full[1] if full else party.phone_masked
            agent = "、".join(x for x in (party.legal_representative, party.agent) if x)
            for column, item in (
                    (COL_SIDE, cell(PARTY_SIDES.get(party.side, party.side))),
                    (COL_NAME, name),
                    (COL_GENDER, cell(_gender(party.gender) if party.kind == "person" else "")),
                    (COL_BIRTH, cell(show_date(party.birth_date) if party.birth_date else "")),
                    (COL_ID, cell(id_text or "—")),
                    (COL_PHONE, cell(phone_text or "—")),
                    (COL_ADDRESS, cell(party.address, party.address)),
                    (COL_AGENT, cell(agent))):
                self.table.setItem(row, column, item)
            button = QPushButton(icon("lock" if full else "reveal"),
                                 translate("CaseView", "Hide ID and phone") if full
                                 else translate("CaseView", "Show full ID and phone"))
            button.setAccessibleName(translate("CaseView", "Show full ID and phone of %1")
                                     .replace("%1", party.name))
            button.setEnabled(bool(party.id_masked or party.phone_masked))
            button.clicked.connect(lambda _=False, pid=party.id: self._toggle(pid))
            self.table.setCellWidget(row, COL_REVEAL, button)
            self.reveal_buttons[party.id] = button
        self._selection_changed()

    # -- editing ----------------------------------------------------------------------------
    def selected_party_id(self) -> str | None:
        rows = [index.row() for index in self.table.selectionModel().selectedRows()]
        if len(rows) == 1 and rows[0] < len(self.parties):
            return self.parties[rows[0]].id
        return None

    def select_party(self, party_id: str) -> None:
        for row, party in enumerate(self.parties):
            if party.id == party_id:
                self.table.selectRow(row)

    def _selection_changed(self) -> None:
        self.edit_button.setEnabled(self.selected_party_id() is not None
                                    and not self.anonymised)

    def _edit_row(self, row: int) -> None:
        if 0 <= row < len(self.parties) and not self.anonymised:
            self.edit_requested.emit(self.parties[row].id)

    def _edit_selected(self) -> None:
        party_id = self.selected_party_id()
        if party_id is not None:
            self.edit_requested.emit(party_id)

    def _toggle(self, party_id: str) -> None:
        if party_id in self.revealed:
            del self.revealed[party_id]
            self.show_parties(self.parties)
        else:
            self.reveal_requested.emit(party_id)

    def show_revealed(self, party_id: str, id_number: str, phone: str) -> None:
        """Keep the full values on screen (until hidden or the case tab is closed)."""
        self.revealed[party_id] = (id_number, phone)
        self.show_parties(self.parties)
