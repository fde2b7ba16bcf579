"""操作记录: who did what to this case and when — steps, edits, and every full-ID view."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from mediation_desk.services.cases.detail import CaseDetail, HistoryLine
from ui.i18n import translate
from ui.views.cases.tabs.common import cell
from ui.widgets.column_fit import fit_columns
from ui.widgets.tables import read_only_table

COL_TIME, COL_WHO, COL_WHAT = range(3)


class HistoryTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: list[HistoryLine] = []
        self.table = read_only_table(
            [translate("CaseView", "Time"), translate("CaseView", "Who"),
             translate("CaseView", "What")], COL_WHAT, translate("CaseView", "Case history"))
        self.columns = fit_columns(self.table, {COL_TIME: "2026-11-20 14:30:00", COL_WHO: 110})
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)

    def show_detail(self, detail: CaseDetail) -> None:
        """Newest first: the question is usually "what happened last"."""
        self.lines = list(reversed(detail.history))
        self.table.setRowCount(len(self.lines))
        for row, line in enumerate(self.lines):
            self.table.setItem(row, COL_TIME, cell(line.at.strftime("%Y-%m-%d %H:%M:%S")))
            self.table.setItem(row, COL_WHO, cell(line.who))
            self.table.setItem(row, COL_WHAT, cell(line.what, line.what))

    def texts(self) -> list[str]:
        return [line.what for line in self.lines]
