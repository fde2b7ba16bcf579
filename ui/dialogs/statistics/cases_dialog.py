"""The cases behind a figure: number, date, type, village, status and title, newest first.

Opened from a figure on the 统计 page, so a director who doubts a number sees at once which
cases make it up; Enter or a double click opens the case (the dialog returns its id).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from mediation_desk.services.statistics.types import CaseLine
from ui.i18n import translate
from ui.widgets.tables import RowsModel, RowTable


class CaseLinesModel(RowsModel):
    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line: CaseLine | None = self.row_at(index.row())
        if line is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (line.number, line.received_on, line.dispute_type, line.village,
                line.status_label, line.title)[index.column()]


class CasesDialog(QDialog):
    def __init__(self, title: str, lines: list[CaseLine], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.chosen: str | None = None
        self.model = CaseLinesModel([translate("StatisticsView", "Number"),
                                     translate("StatisticsView", "Received on"),
                                     translate("StatisticsView", "Dispute type"),
                                     translate("StatisticsView", "Village"),
                                     translate("StatisticsView", "Status"),
                                     translate("StatisticsView", "Title")], self)
        self.model.set_rows(lines)
        self.table = RowTable(self.model, translate("StatisticsView", "Cases behind the figure"))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        self.table.activated_row.connect(self._open)
        self.table.doubleClicked.connect(lambda index: self._open(index.row()))
        count = QLabel(translate("StatisticsView", "%n case(s). Enter or double-click opens "
                                                   "a case.", None, len(lines)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(count)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(900, 480)
        if lines:
            self.table.selectRow(0)

    def _open(self, row: int) -> None:
        line = self.model.row_at(row)
        if line is not None:
            self.chosen = line.id
            self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, lines: list[CaseLine]) -> str | None:
        """Show the cases; the id of the case to open, or None."""
        dialog = cls(title, lines, parent)
        dialog.exec()
        return dialog.chosen
