"""The case register as a Qt table model that loads pages only as they come into view.

Why: a 100,000-case register must open at once and scroll smoothly. The model knows the row
count (one indexed COUNT) and keeps pages of a hundred display rows; ``data()`` never queries —
a row not yet loaded shows a placeholder and its page is fetched on the next turn of the event
loop, then painted. Sorting and filtering reset the pages.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QColor

from mediation_desk.services.cases.register import CaseFilter
from mediation_desk.services.cases.register_pages import PAGE_SIZE, RegisterPages, RegisterRow
from ui.i18n import translate

Index = QModelIndex | QPersistentModelIndex

RISK_BACKGROUND = {"red": "#ffebee", "orange": "#fff3e0"}
OVERDUE_FOREGROUND = "#c62828"


def column_titles() -> list[tuple[str, str]]:
    """(sort key, header) for each column, in the order a mediator scans them."""
    return [
        ("number", translate("RegisterModel", "Number")),
        ("title", translate("RegisterModel", "Title")),
        ("parties", translate("RegisterModel", "Parties")),
        ("contact", translate("RegisterModel", "Phone")),
        ("dispute_type", translate("RegisterModel", "Dispute type")),
        ("village", translate("RegisterModel", "Village")),
        ("status", translate("RegisterModel", "Status")),
        ("received_on", translate("RegisterModel", "Received")),
        ("days_left", translate("RegisterModel", "Days left")),
        ("mediator", translate("RegisterModel", "Mediator")),
    ]


UNSORTABLE = {"parties", "contact", "mediator"}


class RegisterModel(QAbstractTableModel):
    def __init__(self, pages: RegisterPages, parent: Any = None) -> None:
        super().__init__(parent)
        self._pages_service = pages
        self._columns = column_titles()
        self._filter = CaseFilter()
        self._sort = "received_on"
        self._descending = True
        self._count = 0
        self._pages: dict[int, list[RegisterRow]] = {}
        self._wanted: set[int] = set()
        self._loaded = False

    # -- loading ----------------------------------------------------------------------------
    def reload(self, case_filter: CaseFilter | None = None) -> None:
        """Count again and forget loaded pages; the first page is loaded at once."""
        if case_filter is not None:
            self._filter = case_filter
        self.beginResetModel()
        self._loaded = True
        self._pages.clear()
        self._wanted.clear()
        self._count = self._pages_service.count(self._filter)
        if self._count:
            self._load_page(0)
        self.endResetModel()

    def _load_page(self, page: int) -> None:
        self._pages[page] = self._pages_service.page(
            self._filter, sort=self._sort, descending=self._descending,
            offset=page * PAGE_SIZE, limit=PAGE_SIZE)

    def _fetch_wanted(self) -> None:
        wanted, self._wanted = self._wanted, set()
        for page in sorted(wanted):
            if page in self._pages:
                continue
            self._load_page(page)
            first = page * PAGE_SIZE
            last = min(first + PAGE_SIZE, self._count) - 1
            self.dataChanged.emit(self.index(first, 0),
                                  self.index(last, len(self._columns) - 1))

    def row_at(self, row: int) -> RegisterRow | None:
        """The display row if its page is loaded (else asks for the page and returns None)."""
        page, offset = divmod(row, PAGE_SIZE)
        rows = self._pages.get(page)
        if rows is None:
            if not self._wanted:
                QTimer.singleShot(0, self._fetch_wanted)
            self._wanted.add(page)
            return None
        return rows[offset] if offset < len(rows) else None

    def case_id(self, row: int) -> str | None:
        found = self.row_at(row)
        return found.id if found else None

    @property
    def case_filter(self) -> CaseFilter:
        return self._filter

    # -- Qt model API -----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section][1]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        key = self._columns[index.column()][0]
        if row is None:
            return "…" if role == Qt.ItemDataRole.DisplayRole and index.column() == 0 else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, key)
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue:
            return QBrush(QColor(OVERDUE_FOREGROUND))
        if role == Qt.ItemDataRole.BackgroundRole and row.risk_level in RISK_BACKGROUND:
            return QBrush(QColor(RISK_BACKGROUND[row.risk_level]))
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("days_left", "received_on"):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _text(self, row: RegisterRow, key: str) -> str:
        if key == "status":
            return row.status_label
        if key == "received_on":
            return row.received_on.isoformat()
        if key == "days_left":
            if row.to_review:
                return translate("RegisterModel", "To check")
            if row.days_left is None:
                return ""
            if row.days_left < 0:
                return translate("RegisterModel", "Overdue %n day(s)", None, -row.days_left)
            return str(row.days_left)
        return str(getattr(row, key))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self._columns[column][0]
        if key in UNSORTABLE:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort, self._descending):
            return  # the header only repeated the order already shown
        self._sort = key
        self._descending = descending
        if self._loaded:  # before the first load the view's own reload will use it
            self.reload()
