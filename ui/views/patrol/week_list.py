"""The week list of the 排查 page: the chosen week's patrols, one row each, by date and time.

Why next to the calendar: the calendar shows where patrols fall, the list says everything about
each (all villages, the whole team, the mark and any change) and is what the keyboard walks —
Up/Down pick a patrol, Enter records it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.services.patrols.service import OCCURRENCE_KINDS, Occurrence
from ui.i18n import translate
from ui.views.patrol.month_calendar import describe
from ui.views.patrol.style import day_text, mark_color, mark_icon
from ui.widgets.column_fit import fit_columns
from ui.widgets.tables import Index, RowsModel, RowTable

COL_DAY, COL_TIME, COL_VILLAGES, COL_TEAM, COL_MARK = range(5)
OCCURRENCE_ROLE = Qt.ItemDataRole.UserRole


def week_of(day: date) -> tuple[date, date]:
    """Monday and Sunday of the week holding ``day``."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def mark_text(occurrence: Occurrence) -> str:
    """"已排查", "零报告", "改期（原11-03）", "专项"…: the mark and what changed."""
    parts = [occurrence.mark_label] if occurrence.mark_label else []
    if occurrence.kind == "moved" and occurrence.original_on:
        parts.append(f"{OCCURRENCE_KINDS['moved']}（原{occurrence.original_on:%m-%d}）")
    elif occurrence.kind == "extra":
        parts.append(OCCURRENCE_KINDS["extra"])
    return " ".join(parts)


class WeekModel(RowsModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([translate("PatrolWeek", "Date"), translate("PatrolWeek", "Time"),
                          translate("PatrolWeek", "Villages"), translate("PatrolWeek", "Team"),
                          translate("PatrolWeek", "Mark")], parent)
        self.rows: list[Occurrence] = []

    def set_rows(self, rows: Iterable[Occurrence]) -> None:
        super().set_rows(sorted(rows, key=lambda o: (o.on, o.time, o.plan_title)))

    def occurrence(self, row: int) -> Occurrence | None:
        found: Occurrence | None = self.row_at(row)
        return found

    def row_of(self, occurrence: Occurrence) -> int:
        """The row of the same patrol (same plan and identity), or -1."""
        for row, other in enumerate(self.rows):
            if (other.plan_id, other.identity) == (occurrence.plan_id, occurrence.identity):
                return row
        return -1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        occurrence = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (day_text(occurrence.on), occurrence.time, "、".join(occurrence.villages),
                    "、".join(occurrence.team),  # lead first; the tooltip names the lead
                    mark_text(occurrence))[column]
        if role == OCCURRENCE_ROLE:
            return occurrence
        if role == Qt.ItemDataRole.ToolTipRole:
            return describe(occurrence)
        if role == Qt.ItemDataRole.DecorationRole and column == COL_MARK:
            return mark_icon(occurrence.mark)
        if role == Qt.ItemDataRole.ForegroundRole and occurrence.mark in (
                "missed", "cancelled", "done", "zero", "due"):
            return QBrush(mark_color(occurrence.mark))
        if role == Qt.ItemDataRole.FontRole and occurrence.mark in ("cancelled", "due"):
            font = QFont()
            font.setStrikeOut(occurrence.mark == "cancelled")
            font.setBold(occurrence.mark == "due")
            return font
        return None

class WeekList(QWidget):
    """``occurrence_chosen(Occurrence | None)`` follows the selected row;
    ``occurrence_activated(Occurrence)`` on Enter or a double click."""

    occurrence_chosen = Signal(object)
    occurrence_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = WeekModel(self)
        self.title_label = QLabel()
        font = QFont()
        font.setBold(True)
        self.title_label.setFont(font)
        self.table = RowTable(self.model, translate("PatrolWeek", "Patrols of the week"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_TEAM, QHeaderView.ResizeMode.Stretch)
        # Date and time whole at any text size; villages, team and mark break onto a second
        # line rather than lose a name ("everything about each", above).
        self.columns = fit_columns(self.table, {
            COL_DAY: "12-31 周三", COL_TIME: "09:00", COL_VILLAGES: "湖一村、湖二村",
            COL_MARK: "零报告"}, icon_columns=[COL_MARK])
        self.table.wrap_rows()
        self.empty_label = QLabel(translate("PatrolWeek", "No patrols planned this week."))
        self.empty_label.setStyleSheet("color:#607d8b;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.doubleClicked.connect(lambda index: self._activate(index.row()))
        self.table.activated_row.connect(self._activate)
        self.week: tuple[date, date] | None = None

    def show_week(self, day: date, occurrences: list[Occurrence]) -> None:
        """Show the week holding ``day`` from ``occurrences`` (which may span more)."""
        keep = self.current()
        monday, sunday = self.week = week_of(day)
        self.model.set_rows([o for o in occurrences if monday <= o.on <= sunday])
        self.title_label.setText(translate("PatrolWeek", "Week of %1 – %2").replace(
            "%1", f"{monday.month}月{monday.day}日").replace("%2",
                                                             f"{sunday.month}月{sunday.day}日"))
        self.empty_label.setVisible(not self.model.rows)
        if keep is not None and self.select(keep):
            return
        self._row_changed(self.table.currentIndex(), QModelIndex())

    def select(self, occurrence: Occurrence) -> bool:
        row = self.model.row_of(occurrence)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.setCurrentIndex(self.model.index(row, 0))
        return True

    def select_first_on(self, day: date) -> bool:
        for row, occurrence in enumerate(self.model.rows):
            if occurrence.on == day:
                self.table.selectRow(row)
                self.table.setCurrentIndex(self.model.index(row, 0))
                return True
        self.table.clearSelection()
        self.table.setCurrentIndex(QModelIndex())
        return False

    def current(self) -> Occurrence | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.occurrence(index.row())

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.occurrence_chosen.emit(self.model.occurrence(current.row())
                                    if current.isValid() else None)

    def _activate(self, row: int) -> None:
        occurrence = self.model.occurrence(row)
        if occurrence is not None:
            self.occurrence_activated.emit(occurrence)
