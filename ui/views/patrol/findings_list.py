"""The findings list of the 排查 page: disputes and risks found on patrols, filtered by risk
level, village and status, each opening its details or becoming a case.

Why red and orange first by default order of the service, with a colour chip in the first
column: a mediator scanning the list must see the dangerous ones before reading a word.
A room finds a few hundred things a year, so the list holds its rows (no paging needed).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.services.patrols.service import FINDING_STATUSES, FindingFilter, FindingView
from ui.i18n import translate
from ui.icons import icon
from ui.views.patrol.style import RISK_LABELS, RISK_ORDER, risk_chip
from ui.widgets.column_fit import fit_columns
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.tables import ElideStartDelegate, Index, RowsModel, RowTable

COL_RISK, COL_DAY, COL_VILLAGE, COL_SUMMARY, COL_STATUS, COL_CASE = range(6)
FINDING_ROLE = Qt.ItemDataRole.UserRole
OVERDUE_COLOR = QColor("#c62828")
#: A village column wider than this many characters would squeeze the summary to nothing.
MAX_VILLAGE_CHARS = 6
#: How much of a finding's summary the list should show beside the calendar.
SUMMARY_CHARACTERS = 10


class FindingsModel(RowsModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([translate("PatrolFindings", "Risk"),
                          translate("PatrolFindings", "Found"),
                          translate("PatrolFindings", "Village"),
                          translate("PatrolFindings", "Summary"),
                          translate("PatrolFindings", "Status"),
                          translate("PatrolFindings", "Case")], parent)
        self.rows: list[FindingView] = []

    def finding(self, row: int) -> FindingView | None:
        found: FindingView | None = self.row_at(row)
        return found

    def row_of(self, finding_id: str) -> int:
        return next((i for i, f in enumerate(self.rows) if f.id == finding_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        finding = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            status = finding.status_label
            if finding.overdue:
                status += translate("PatrolFindings", " (overdue)")
            return (finding.risk_label, f"{finding.found_on:%m-%d}", finding.village,
                    finding.summary, status, finding.case_number)[column]
        if role == FINDING_ROLE:
            return finding
        if role == Qt.ItemDataRole.DecorationRole and column == COL_RISK:
            return risk_chip(finding.risk_level)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{finding.found_on:%Y-%m-%d} {finding.village} {finding.risk_label}",
                     finding.summary,
                     translate("PatrolFindings", "Measure: %1").replace(
                         "%1", finding.measure_label)]
            if finding.parties:
                lines.append(translate("PatrolFindings", "Parties: %1").replace(
                    "%1", finding.parties))
            if finding.responsible:
                lines.append(translate("PatrolFindings", "Responsible: %1").replace(
                    "%1", finding.responsible))
            if finding.due_on:
                lines.append(translate("PatrolFindings", "Due: %1").replace(
                    "%1", f"{finding.due_on:%Y-%m-%d}"))
            return "\n".join(lines)
        if (role == Qt.ItemDataRole.ForegroundRole and finding.overdue
                and column in (COL_STATUS, COL_SUMMARY)):
            return QBrush(OVERDUE_COLOR)
        return None

class FindingsPanel(QWidget):
    """Filters, the list and its two buttons. ``filter_changed`` asks the page to reload;
    ``open_finding(id)`` and ``to_case(id)`` are handled by the page (it owns the dialogs)."""

    filter_changed = Signal()
    open_finding = Signal(str)
    to_case = Signal(str)
    attach = Signal(str)  # finding id: file photos taken in the village to it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FindingsModel(self)
        self.risk_box = QComboBox()
        self.risk_box.setAccessibleName(translate("PatrolFindings", "Risk level"))
        self.risk_box.addItem(translate("PatrolFindings", "All levels"), "")
        for level in RISK_ORDER:
            self.risk_box.addItem(risk_chip(level), RISK_LABELS[level], level)
        self.village_box = QComboBox()
        self.village_box.setAccessibleName(translate("PatrolFindings", "Village"))
        self.village_box.setMinimumContentsLength(5)
        self.village_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.set_villages([])
        self.status_box = QComboBox()
        self.status_box.setAccessibleName(translate("PatrolFindings", "Status"))
        self.status_box.addItem(translate("PatrolFindings", "All"), "")
        for code, label in FINDING_STATUSES.items():
            self.status_box.addItem(label, code)
        self.text_edit = QLineEdit()
        self.text_edit.setAccessibleName(translate("PatrolFindings", "Search findings"))
        self.text_edit.setPlaceholderText(translate("PatrolFindings", "Search…"))
        self.text_edit.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)  # beside the buttons, it breaks rather than widens

        filters = FlowLayout()  # the search field drops below the lists at larger text
        filters.add_widgets(self.risk_box, self.village_box, self.status_box, self.text_edit)

        self.table = RowTable(self.model, translate("PatrolFindings", "Findings"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_SUMMARY, QHeaderView.ResizeMode.Stretch)
        # The case number, when a finding became one, shortened at its start so the summary
        # keeps its room (the number's end is what tells cases apart).
        self.table.setItemDelegateForColumn(COL_CASE, ElideStartDelegate(self.table))
        header.setMinimumSectionSize(36)
        # The key columns as wide as what they show, at any text size; the summary takes the
        # rest and its whole text is in the tooltip.
        self.columns = fit_columns(self.table, {
            COL_RISK: max(RISK_LABELS.values(), key=len), COL_DAY: "12-31",
            COL_VILLAGE: "湖头社区", COL_CASE: "湖头人调字第12号",
            COL_STATUS: max(FINDING_STATUSES.values(), key=len)
            + translate("PatrolFindings", " (overdue)")}, icon_columns=[COL_RISK])

        self.open_button = QPushButton(icon("finding"), translate("PatrolFindings", "&Details…"))
        self.case_button = QPushButton(icon("to_case"),
                                       translate("PatrolFindings", "Make a &case…"))
        self.case_button.setToolTip(translate(
            "PatrolFindings", "Register the finding as a case (source 排查发现), prefilled"))
        self.attach_button = QPushButton(icon("attach"),
                                         translate("PatrolFindings", "Attach &photos…"))
        self.attach_button.setToolTip(translate(
            "PatrolFindings", "File photos or documents to the finding; they follow it into "
            "the case it becomes"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.case_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        for box in (self.risk_box, self.village_box, self.status_box):
            box.currentIndexChanged.connect(self.filter_changed)
        self.text_edit.textChanged.connect(self.filter_changed)
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.table.activated_row.connect(self._open_row)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.open_button.clicked.connect(lambda: self._open_row(self.table.currentIndex().row()))
        self.case_button.clicked.connect(self._to_case)
        self.attach_button.clicked.connect(
            lambda: self.attach.emit(self.current().id) if self.current() else None)
        self._update_buttons()

    def comfortable_width(self) -> int:
        """The width at which the key columns are whole and the summary shows a few words:
        what the page gives this list beside the calendar."""
        em = self.fontMetrics().horizontalAdvance("中")
        columns = sum(self.columns.width_of(column) for column in self.columns.samples)
        frame = self.table.verticalScrollBar().sizeHint().width() + 2 * self.table.frameWidth()
        margins = self.layout().contentsMargins()
        return columns + SUMMARY_CHARACTERS * em + frame + margins.left() + margins.right()

    def set_villages(self, villages: list[str]) -> None:
        current = self.village_box.currentData()
        self.village_box.blockSignals(True)
        self.village_box.clear()
        self.village_box.addItem(translate("PatrolFindings", "All villages"), "")
        for name in villages:
            self.village_box.addItem(name, name)
        self.village_box.setCurrentIndex(max(self.village_box.findData(current), 0))
        self.village_box.blockSignals(False)
        longest = max(villages, key=len, default="")[:MAX_VILLAGE_CHARS]
        if longest and len(longest) > len(self.columns.samples[COL_VILLAGE]):
            self.columns.samples[COL_VILLAGE] = longest  # longer than "湖头社区"
            self.columns.apply()

    def current_filter(self) -> FindingFilter:
        return FindingFilter(risk_level=self.risk_box.currentData() or "",
                             village=self.village_box.currentData() or "",
                             status=self.status_box.currentData() or "",
                             text=self.text_edit.text().strip())

    def set_findings(self, rows: list[FindingView], today: date) -> None:
        keep = self.current()
        self.model.set_rows(rows)
        if keep is not None:
            self.select(keep.id)
        open_count = sum(1 for f in rows if f.status == "open")
        self.count_label.setText(translate("PatrolFindings", "%1 finding(s), %2 open")
                                 .replace("%1", str(len(rows))).replace("%2", str(open_count)))
        self._update_buttons()

    def select(self, finding_id: str) -> bool:
        row = self.model.row_of(finding_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.setCurrentIndex(self.model.index(row, 0))
        return True

    def current(self) -> FindingView | None:
        index = self.table.currentIndex()
        return self.model.finding(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        finding = self.current()
        self.open_button.setEnabled(finding is not None)
        self.attach_button.setEnabled(finding is not None)
        self.case_button.setEnabled(finding is not None and not finding.case_id)

    def _open_row(self, row: int) -> None:
        finding = self.model.finding(row)
        if finding is not None:
            self.open_finding.emit(finding.id)

    def _to_case(self) -> None:
        finding = self.current()
        if finding is not None and not finding.case_id:
            self.to_case.emit(finding.id)
