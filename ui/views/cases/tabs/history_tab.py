"""操作记录: who did what to this case, when, on which device — and for every edit, each
field's value before and after (masked where personal), as the service recorded it.

One row per changed field (an event that changed no field is one row, its detail in 内容),
newest first: the question is usually "what happened last". The full before and after of
the chosen row show below, since a summary or a term does not fit in a cell.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QSplitter, QTextBrowser, QVBoxLayout, QWidget

from mediation_desk.services.cases.detail import CaseDetail
from mediation_desk.services.cases.history import FieldChangeView, HistoryLine
from ui.i18n import translate
from ui.views.cases.tabs.common import COLON, MUTED, cell
from ui.widgets.column_fit import fit_columns
from ui.widgets.tables import read_only_table

COL_TIME, COL_WHO, COL_ACTION, COL_ITEM, COL_BEFORE, COL_AFTER = range(6)
EMPTY = "（空）"


@dataclass(frozen=True)
class HistoryRow:
    line: HistoryLine
    change: FieldChangeView | None

    @property
    def item(self) -> str:
        if self.change is None:
            return self.line.detail
        where = f"{self.change.record} " if self.change.record else ""
        return f"{where}{self.change.label}"


def rows_of(lines: list[HistoryLine]) -> list[HistoryRow]:
    """Newest event first; within an event, its fields in the order they were recorded."""
    rows: list[HistoryRow] = []
    for line in reversed(lines):
        rows += [HistoryRow(line, change) for change in line.changes] or [HistoryRow(line, None)]
    return rows


class HistoryTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: list[HistoryLine] = []
        self.rows: list[HistoryRow] = []
        self.table = read_only_table(
            [translate("CaseView", "Time"), translate("CaseView", "Who"),
             translate("CaseView", "Action"), translate("CaseView", "Subject"),
             translate("CaseView", "Before"), translate("CaseView", "After")],
            COL_AFTER, translate("CaseView", "Case history"))
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column in (COL_TIME, COL_WHO, COL_ACTION):  # as wide as they need, any text size
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # widths at 100 % text, growing with it
        self.columns = fit_columns(self.table, {COL_ITEM: 190, COL_BEFORE: 220})
        self.table.currentCellChanged.connect(lambda row, *_: self._show_row(row))
        self.details = QTextBrowser()
        self.details.setAccessibleName(translate("CaseView", "Before and after"))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def show_detail(self, detail: CaseDetail) -> None:
        self.lines = list(reversed(detail.history))
        self.rows = rows_of(detail.history)
        self.table.setRowCount(len(self.rows))
        for row, entry in enumerate(self.rows):
            line, change = entry.line, entry.change
            before = change.before if change is not None else ""
            after = change.after if change is not None else ""
            for column, item in (
                    (COL_TIME, cell(line.at.strftime("%Y-%m-%d %H:%M:%S"),
                                    line.device and translate("CaseView", "On %1").replace(
                                        "%1", line.device))),
                    (COL_WHO, cell(line.who)),
                    (COL_ACTION, cell(line.action, line.what)),
                    (COL_ITEM, cell(entry.item, entry.item)),
                    (COL_BEFORE, cell(before.replace("\n", " ") or
                                      (EMPTY if change is not None else ""), before,
                                      colour=MUTED)),
                    (COL_AFTER, cell(after.replace("\n", " ") or
                                     (EMPTY if change is not None else ""), after))):
                self.table.setItem(row, column, item)
        self._show_row(self.table.currentRow())

    def _show_row(self, row: int) -> None:
        if not 0 <= row < len(self.rows):
            self.details.setHtml(f"<p style='color:{MUTED}'>" + html.escape(translate(
                "CaseView", "Choose a line to see the values before and after in full."))
                + "</p>")
            return
        entry = self.rows[row]
        line, change = entry.line, entry.change
        head = " · ".join(x for x in (line.at.strftime("%Y-%m-%d %H:%M"), line.who,
                                      line.device, line.what) if x)
        parts = [f"<p><b>{html.escape(head)}</b></p>"]
        if change is not None:
            for caption, value in ((translate("CaseView", "Before"), change.before),
                                   (translate("CaseView", "After"), change.after)):
                parts.append(f"<p><b>{html.escape(entry.item)} {html.escape(caption)}{COLON}"
                             f"</b>{html.escape(value or EMPTY)}</p>")
        self.details.setHtml("".join(parts))

    def texts(self) -> list[str]:
        """Each event in words, newest first (as before the rows were per field)."""
        return [line.what for line in self.lines]
