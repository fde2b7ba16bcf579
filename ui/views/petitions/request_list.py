"""The 接访 list: visitor requests filtered by status, overdue, department, category and village.

Why overdue rows are red whole: a receptionist scanning the list must see which departments
owe an answer past their deadline before reading a word (issue 15: "overdue marked in red").
The person's ID number and phone are shown masked (architecture.md §6); the full values are
read only through the audited reveal of the detail pane. A town receives a few hundred requests
a year, so the list holds its rows (no paging).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.domain.petitions import STATUSES
from mediation_desk.services.petitions.types import PetitionFilter, PetitionRow
from ui.i18n import translate
from ui.widgets.column_fit import fit_columns
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.tables import ElideStartDelegate, Index, RowsModel, RowTable

# What says whether a request is late comes first, so it stays in sight at any text size.
(COL_NUMBER, COL_RECEIVED, COL_PERSON, COL_STATUS, COL_DUE, COL_DEPARTMENT, COL_CATEGORY,
 COL_VILLAGE, COL_PHONE) = range(9)
OVERDUE_COLOR = QColor("#c62828")
OVERDUE_BACKGROUND = QColor("#ffebee")
ROW_ROLE = Qt.ItemDataRole.UserRole


class RequestsModel(RowsModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([translate("PetitionList", "Number"),
                          translate("PetitionList", "Received"),
                          translate("PetitionList", "Person"),
                          translate("PetitionList", "Status"),
                          translate("PetitionList", "Due"),
                          translate("PetitionList", "Department"),
                          translate("PetitionList", "Category"),
                          translate("PetitionList", "Village"),
                          translate("PetitionList", "Phone")], parent)
        self.rows: list[PetitionRow] = []

    def request(self, row: int) -> PetitionRow | None:
        found: PetitionRow | None = self.row_at(row)
        return found

    def row_of(self, petition_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == petition_id), -1)

    @staticmethod
    def status_text(r: PetitionRow) -> str:
        return r.status_label + (translate("PetitionList", " (overdue)") if r.overdue else "")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (r.number, f"{r.received_at:%m-%d}", r.person, self.status_text(r),
                    f"{r.due_on:%Y-%m-%d}" if r.due_on else "", "、".join(r.assigned_to),
                    r.category, r.village, r.person_phone)[index.column()]
        if role == ROW_ROLE:
            return r
        if role == Qt.ItemDataRole.ForegroundRole and r.overdue:
            return QBrush(OVERDUE_COLOR)
        if role == Qt.ItemDataRole.BackgroundRole and r.overdue:
            return QBrush(OVERDUE_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{r.number} {r.received_at:%Y-%m-%d %H:%M} {r.person}",
                     f"{r.category} {r.village} {r.compound}".strip(),
                     self.status_text(r)]
            if r.assigned_to:
                lines.append(translate("PetitionList", "Assigned to: %1").replace(
                    "%1", "、".join(r.assigned_to)))
            if r.case_number:
                lines.append(translate("PetitionList", "Case: %1").replace("%1", r.case_number))
            return "\n".join(lines)
        return None


class RequestList(QWidget):
    """Filters and the list. ``filter_changed`` asks the page to reload; ``current_changed``
    names the request now selected (or "")."""

    filter_changed = Signal()
    current_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RequestsModel(self)
        self.status_box = QComboBox()
        self.status_box.setAccessibleName(translate("PetitionList", "Status"))
        self.status_box.addItem(translate("PetitionList", "All statuses"), "")
        for code, label in STATUSES.items():
            self.status_box.addItem(label, code)
        self.overdue_box = QCheckBox(translate("PetitionList", "&Overdue only"))
        self.department_box = self._choice(translate("PetitionList", "Department"))
        self.category_box = self._choice(translate("PetitionList", "Category"))
        self.village_box = self._choice(translate("PetitionList", "Village"))
        self.text_edit = QLineEdit()
        self.text_edit.setAccessibleName(translate("PetitionList", "Search requests"))
        self.text_edit.setPlaceholderText(translate("PetitionList", "Search…"))
        self.text_edit.setClearButtonEnabled(True)
        self.set_choices([], [], [])
        filters = FlowLayout()
        filters.add_widgets(self.status_box, self.overdue_box, self.department_box,
                            self.category_box, self.village_box, self.text_edit)

        self.table = RowTable(self.model, translate("PetitionList", "Visitor requests"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_DEPARTMENT, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(36)
        self.table.setItemDelegateForColumn(COL_NUMBER, ElideStartDelegate(self.table))
        self.columns = fit_columns(self.table, {
            COL_NUMBER: "访字第123号", COL_RECEIVED: "12-31", COL_PERSON: "欧阳秀琴",
            COL_PHONE: "139****5678", COL_CATEGORY: "农村建房", COL_VILLAGE: "湖头社区",
            COL_STATUS: "督办中" + translate("PetitionList", " (overdue)"),
            COL_DUE: "2026-12-31"})
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        for box in (self.status_box, self.department_box, self.category_box, self.village_box):
            box.currentIndexChanged.connect(self.filter_changed)
        self.overdue_box.toggled.connect(self.filter_changed)
        self.text_edit.textChanged.connect(self.filter_changed)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.current_changed.emit(self._id_at(current.row())))

    @staticmethod
    def _choice(name: str) -> QComboBox:
        box = QComboBox()
        box.setAccessibleName(name)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return box

    def _id_at(self, row: int) -> str:
        found = self.model.request(row)
        return found.id if found else ""

    def set_choices(self, departments: list[str], categories: list[str],
                    villages: list[str]) -> None:
        """The filters' lists (kept on what was chosen where it is still there)."""
        for box, everything, values in (
                (self.department_box, translate("PetitionList", "All departments"), departments),
                (self.category_box, translate("PetitionList", "All categories"), categories),
                (self.village_box, translate("PetitionList", "All villages"), villages)):
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(everything, "")
            for value in values:
                box.addItem(value, value)
            box.setCurrentIndex(max(box.findData(current), 0))
            box.blockSignals(False)

    def filter(self) -> PetitionFilter:
        return PetitionFilter(
            status=str(self.status_box.currentData() or ""),
            overdue=self.overdue_box.isChecked(),
            department=str(self.department_box.currentData() or ""),
            category=str(self.category_box.currentData() or ""),
            village=str(self.village_box.currentData() or ""),
            text=self.text_edit.text().strip())

    def set_rows(self, rows: list[PetitionRow], keep: str = "") -> None:
        """Show ``rows``, keeping ``keep`` (an id) selected when it is among them."""
        self.model.set_rows(rows)
        overdue = sum(1 for r in rows if r.overdue)
        text = translate("PetitionList", "%1 requests").replace("%1", str(len(rows)))
        if overdue:
            text += translate("PetitionList", ", %1 overdue").replace("%1", str(overdue))
        self.count_label.setText(text)
        row = self.model.row_of(keep) if keep else -1
        if row < 0 and rows:
            row = 0
        if row >= 0:
            self.table.selectRow(row)
        self.current_changed.emit(self._id_at(row))

    def current_id(self) -> str:
        return self._id_at(self.table.currentIndex().row())
