"""小区 on the 接访 page: the residential compounds (the property-management legal alliance's
list) and, for the one chosen, its history — the requests and cases that named it, newest
first. A line opens its request or case."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.errors import NotFound
from mediation_desk.services.petitions.types import CompoundLine, CompoundView
from ui.context import AppContext
from ui.dialogs.petitions.compound_dialog import CompoundDialog
from ui.i18n import translate
from ui.icons import icon
from ui.widgets.column_fit import fit_columns
from ui.widgets.tables import read_only_table


def _item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(text)
    return item


class CompoundsTab(QWidget):
    """``open_request(id)`` and ``open_case(id)`` for a history line."""

    open_request = Signal(str)
    open_case = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.compounds: list[CompoundView] = []
        self.lines: list[CompoundLine] = []
        self.new_button = QPushButton(icon("compound"),
                                      translate("CompoundsTab", "New &compound…"))
        self.edit_button = QPushButton(icon("edit"), translate("CompoundsTab", "&Edit…"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        self.table = read_only_table(
            [translate("CompoundsTab", "Compound"), translate("CompoundsTab", "Village"),
             translate("CompoundsTab", "Property company"),
             translate("CompoundsTab", "Owners' committee"),
             translate("CompoundsTab", "Grid member")], 2,
            translate("CompoundsTab", "Residential compounds"))
        self.columns = fit_columns(self.table, {0: "湖头花园小区", 1: "湖头社区",
                                                3: "湖头花园业主委员会", 4: "欧阳秀琴"})
        self.history = read_only_table(
            [translate("CompoundsTab", "Date"), translate("CompoundsTab", "Kind"),
             translate("CompoundsTab", "Number"), translate("CompoundsTab", "What"),
             translate("CompoundsTab", "Status")], 3,
            translate("CompoundsTab", "The compound's history"))
        self.history_columns = fit_columns(self.history, {
            0: "2026-12-31", 1: "来访", 2: "（2026）湖头访字第12号", 4: "调解中"})
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.history)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        self.new_button.clicked.connect(lambda: CompoundDialog.ask(self, ctx))
        self.edit_button.clicked.connect(self._edit)
        self.table.currentCellChanged.connect(lambda *_: self._show_history())
        self.history.cellDoubleClicked.connect(lambda row, _c: self._open(row))
        manager = ctx.actor.role in ("director", "admin")
        self.new_button.setEnabled(manager)
        self.edit_button.setEnabled(False)

    def refresh(self) -> None:
        current = self.current()
        self.compounds = self.ctx.petition_lists.compounds(include_inactive=True)
        self.table.setRowCount(0)
        for c in self.compounds:
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, text in enumerate((c.name, c.village, c.property_company,
                                           c.owners_committee, c.grid_member)):
                self.table.setItem(row, column, _item(text))
        ids = [c.id for c in self.compounds]
        if current is not None and current.id in ids:
            self.table.selectRow(ids.index(current.id))
        elif ids:
            self.table.selectRow(0)
        self._show_history()

    def current(self) -> CompoundView | None:
        row = self.table.currentRow()
        return self.compounds[row] if 0 <= row < len(self.compounds) else None

    def _show_history(self) -> None:
        compound = self.current()
        self.edit_button.setEnabled(compound is not None
                                    and self.ctx.actor.role in ("director", "admin"))
        self.history.setRowCount(0)
        try:
            self.lines = self.ctx.petitions.compound_history(compound.id) if compound else []
        except NotFound:
            self.lines = []
        for line in self.lines:
            row = self.history.rowCount()
            self.history.insertRow(row)
            kind = (translate("CompoundsTab", "request") if line.kind == "petition"
                    else translate("CompoundsTab", "case"))
            for column, text in enumerate((f"{line.on:%Y-%m-%d}", kind, line.number,
                                           line.title, line.status_label)):
                self.history.setItem(row, column, _item(text))

    def _edit(self) -> None:
        compound = self.current()
        if compound is not None:
            CompoundDialog.ask(self, self.ctx, compound)

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.lines):
            line = self.lines[row]
            (self.open_request if line.kind == "petition" else self.open_case).emit(line.id)
