"""记录: investigation, session and follow-up records and private notes, newest last.

Private notes carry a lock and 私密; records written after closing carry 补充 (addendum), as
the service marks them. The full text of the selected record shows below the list.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.domain.dictionaries import RECORD_KINDS
from mediation_desk.services.cases.detail import CaseDetail, RecordView
from ui.i18n import translate
from ui.icons import icon
from ui.views.cases.tabs.common import COLON, cell, show_time
from ui.widgets.column_fit import fit_columns
from ui.widgets.tables import read_only_table

PRIVATE_MARK = "私密"
ADDENDUM_MARK = "补充"
MARK_COLOURS = {PRIVATE_MARK: "#c62828", ADDENDUM_MARK: "#6a1b9a"}
COL_TIME, COL_KIND, COL_MARKS, COL_PLACE, COL_PARTICIPANTS, COL_AUTHOR, COL_START = range(7)
KIND_ICONS = {"investigation": "search", "mediation": "session", "note": "note",
              "followup": "followup"}


def marks(record: RecordView) -> list[str]:
    """The markers a record carries on screen (domain words, shown as they are)."""
    found = []
    if record.private:
        found.append(PRIVATE_MARK)
    if record.addendum:
        found.append(ADDENDUM_MARK)
    return found


class RecordsTab(QWidget):
    add_requested = Signal(str)  # the record kind to start with
    attach_requested = Signal(str)  # record id: file photos or a scan to that record

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records: list[RecordView] = []
        self.table = read_only_table(
            [translate("CaseView", "Time"), translate("CaseView", "Kind"),
             translate("CaseView", "Marks"), translate("CaseView", "Place"),
             translate("CaseView", "Participants"), translate("CaseView", "Author"),
             translate("CaseView", "Beginning")], COL_START, translate("CaseView", "Records"))
        self.columns = fit_columns(self.table, {  # widths at 100 % text, growing with it
            COL_TIME: "2026-11-20 14:30", COL_KIND: 110, COL_MARKS: 90, COL_PLACE: 120,
            COL_PARTICIPANTS: 190, COL_AUTHOR: 80})
        self.table.setWordWrap(False)
        self.text = QTextBrowser()
        self.text.setAccessibleName(translate("CaseView", "Record text"))
        self.table.currentCellChanged.connect(lambda row, *_: self.show_record(row))
        self.add_button = QPushButton(icon("record"), translate("CaseView", "Add record…"))
        self.note_button = QPushButton(icon("lock"), translate("CaseView", "Add private note…"))
        self.attach_button = QPushButton(icon("attach"), translate("CaseView", "Attach file…"))
        self.attach_button.setToolTip(translate(
            "CaseView", "File photos or a scan to the chosen record"))
        self.attach_button.clicked.connect(self._attach)
        self.add_button.clicked.connect(lambda: self.add_requested.emit("mediation"))
        self.note_button.clicked.connect(lambda: self.add_requested.emit("note"))
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self.add_button)
        bar.addWidget(self.note_button)
        bar.addWidget(self.attach_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.text)
        splitter.setSizes([220, 320])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

    def show_detail(self, detail: CaseDetail) -> None:
        current = self.table.currentRow()
        keep = self.records[current].id if 0 <= current < len(self.records) else None
        self.records = detail.records
        self.table.setRowCount(len(detail.records))
        for row, record in enumerate(detail.records):
            kind = cell(RECORD_KINDS.get(record.kind, record.kind), data=record.id)
            kind.setIcon(icon(KIND_ICONS.get(record.kind, "record")))
            mark_cell = cell(" ".join(marks(record)), colour=MARK_COLOURS[PRIVATE_MARK]
                             if record.private else MARK_COLOURS[ADDENDUM_MARK])
            if record.private:
                mark_cell.setIcon(icon("lock", "danger"))
                mark_cell.setToolTip(translate(
                    "CaseView", "Private note: only its author and the committee director see it"))
            elif record.addendum:
                mark_cell.setToolTip(translate("CaseView", "Written after the case was closed"))
            first_line = record.body.strip().splitlines()[0] if record.body.strip() else ""
            for column, item in ((COL_TIME, cell(show_time(record.at))), (COL_KIND, kind),
                                 (COL_MARKS, mark_cell), (COL_PLACE, cell(record.place)),
                                 (COL_PARTICIPANTS, cell("、".join(record.participants))),
                                 (COL_AUTHOR, cell(record.author)),
                                 (COL_START, cell(first_line, record.body[:400]))):
                self.table.setItem(row, column, item)
        ids = [r.id for r in detail.records]
        row = ids.index(keep) if keep in ids else len(ids) - 1
        if row >= 0:
            self.table.setCurrentCell(row, COL_TIME)
        self.show_record(row)

    def _attach(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.records):
            self.attach_requested.emit(self.records[row].id)

    def show_record(self, row: int) -> None:
        self.attach_button.setEnabled(0 <= row < len(self.records))
        if not 0 <= row < len(self.records):
            empty = translate("CaseView", "No records yet. Records of investigations and "
                              "sessions are required in the dossier (Art 27).")
            self.text.setHtml(f"<p style='color:#607d8b'>{html.escape(empty)}</p>")
            return
        r = self.records[row]
        head = " · ".join(x for x in (RECORD_KINDS.get(r.kind, r.kind), show_time(r.at),
                                      r.place) if x)
        tags = "".join(f" <span style='color:{MARK_COLOURS[m]};font-weight:bold'>[{m}]</span>"
                       for m in marks(r))
        lines = [f"<h3>{html.escape(head)}{tags}</h3>"]
        if r.participants:
            caption = html.escape(translate("CaseView", "Participants"))
            names = html.escape("、".join(r.participants))
            lines.append(f"<p><b>{caption}{COLON}</b> {names}</p>")
        caption = html.escape(translate("CaseView", "Author"))
        lines.append(f"<p><b>{caption}{COLON}</b> {html.escape(r.author)}</p>")
        lines += [f"<p>{html.escape(p)}</p>" for p in r.body.splitlines() if p.strip()]
        self.text.setHtml("".join(lines))
