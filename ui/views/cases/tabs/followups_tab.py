"""回访: visits planned and done (the room supervises performance, Art 31), and each term's
performance as last found."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from mediation_desk import clock
from mediation_desk.domain.dictionaries import PERFORMANCE
from mediation_desk.services.cases.detail import CaseDetail, FollowUpView
from ui.i18n import translate
from ui.icons import icon
from ui.views.cases.tabs.common import MUTED, OVERDUE, cell, show_date
from ui.widgets.column_fit import fit_columns
from ui.widgets.tables import read_only_table

COL_DUE, COL_DONE, COL_VISITOR, COL_VISITED, COL_PERFORMANCE, COL_SATISFACTION = range(6)


class FollowupsTab(QWidget):
    schedule_requested = Signal()
    record_requested = Signal(str)  # follow-up id
    attach_requested = Signal(str)  # follow-up id: file a receipt or photo to that visit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.followups: list[FollowUpView] = []
        self.visits = read_only_table(
            [translate("CaseView", "Due"), translate("CaseView", "Done on"),
             translate("CaseView", "Visitor"), translate("CaseView", "Party visited"),
             translate("CaseView", "Performance"), translate("CaseView", "Satisfaction")],
            COL_SATISFACTION, translate("CaseView", "Follow-up visits"))
        self.visit_columns = fit_columns(self.visits, {  # widths at 100 % text, growing
            COL_DUE: "2026-11-20", COL_DONE: "2026-11-20", COL_VISITOR: 110, COL_VISITED: 120,
            COL_PERFORMANCE: 110})
        self.terms = read_only_table(
            ["#", translate("CaseView", "Obligor"), translate("CaseView", "Term"),
             translate("CaseView", "Due by"), translate("CaseView", "Performance")], 2,
            translate("CaseView", "Performance per term"))
        self.term_columns = fit_columns(self.terms, {0: 36, 1: 90, 3: "2026-11-20", 4: 110})
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color:{MUTED};")
        self.schedule_button = QPushButton(icon("followup"),
                                           translate("CaseView", "Schedule follow-up…"))
        self.record_button = QPushButton(icon("record"),
                                         translate("CaseView", "Record visit…"))
        self.attach_button = QPushButton(icon("attach"), translate("CaseView", "Attach file…"))
        self.attach_button.setToolTip(translate(
            "CaseView", "File a receipt or a photo to the chosen visit"))
        self.schedule_button.clicked.connect(self.schedule_requested)
        self.record_button.clicked.connect(self._record)
        self.attach_button.clicked.connect(self._attach)
        self.visits.currentCellChanged.connect(lambda *_: self._update_buttons())
        bar = QHBoxLayout()
        bar.addWidget(self.hint, 1)
        bar.addWidget(self.schedule_button)
        bar.addWidget(self.record_button)
        bar.addWidget(self.attach_button)
        terms_box = QWidget()
        terms_layout = QVBoxLayout(terms_box)
        terms_layout.setContentsMargins(0, 0, 0, 0)
        terms_layout.addWidget(QLabel(translate("CaseView", "Performance per term")))
        terms_layout.addWidget(self.terms, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.visits)
        splitter.addWidget(terms_box)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

    def show_detail(self, detail: CaseDetail) -> None:
        self.followups = detail.followups
        today = clock.today()
        self.visits.setRowCount(len(detail.followups))
        for row, f in enumerate(detail.followups):
            pending = f.done_on is None
            for column, item in (
                    (COL_DUE, cell(show_date(f.due_on), data=f.id,
                                   colour=OVERDUE if pending and f.due_on < today else "")),
                    (COL_DONE, cell(show_date(f.done_on) if f.done_on else
                                    translate("CaseView", "planned"),
                                    colour=MUTED if pending else "")),
                    (COL_VISITOR, cell(f.visitor)), (COL_VISITED, cell(f.visited)),
                    (COL_PERFORMANCE, cell(PERFORMANCE.get(f.performance, f.performance),
                                           colour=OVERDUE if f.performance == "not_done"
                                           else "")),
                    (COL_SATISFACTION, cell(f.satisfaction))):
                self.visits.setItem(row, column, item)
        pending_rows = [i for i, f in enumerate(detail.followups) if f.done_on is None]
        if pending_rows:
            self.visits.setCurrentCell(pending_rows[0], COL_DUE)
        terms = detail.agreement.terms if detail.agreement else []
        self.terms.setRowCount(len(terms))
        for row, term in enumerate(terms):
            for column, item in (
                    (0, cell(str(row + 1))), (1, cell(term.obligor)),
                    (2, cell(term.text, term.text)), (3, cell(show_date(term.due_on))),
                    (4, cell(PERFORMANCE.get(term.performance, term.performance),
                             colour=OVERDUE if term.performance == "not_done" else ""))):
                self.terms.setItem(row, column, item)
        self.schedule_button.setEnabled(detail.agreement is not None)
        self.hint.setText("" if detail.agreement is not None else translate(
            "CaseView", "Follow-up visits check how an agreement is performed; this case has "
            "no agreement yet."))
        self._update_buttons()

    def selected_pending(self) -> str | None:
        row = self.visits.currentRow()
        if 0 <= row < len(self.followups) and self.followups[row].done_on is None:
            return self.followups[row].id
        return None

    def selected(self) -> str | None:
        row = self.visits.currentRow()
        return self.followups[row].id if 0 <= row < len(self.followups) else None

    def _update_buttons(self) -> None:
        self.record_button.setEnabled(self.selected_pending() is not None)
        self.attach_button.setEnabled(self.selected() is not None)

    def _attach(self) -> None:
        followup_id = self.selected()
        if followup_id:
            self.attach_requested.emit(followup_id)

    def _record(self) -> None:
        followup_id = self.selected_pending()
        if followup_id:
            self.record_requested.emit(followup_id)
