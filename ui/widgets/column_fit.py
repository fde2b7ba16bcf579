"""Table columns and rows sized for the text they hold, at any text size.

Why: widths written in pixels (``setColumnWidth(2, 72)``) fit one font at one size. At 125 %
or 150 % text, or under another Chinese face, the date, village or status they were measured
for is cut to "11-…", and a combo box in a 34-pixel row loses its bottom edge. Here a column
is given either a sample of what it shows ("12-31 周二", "湖头社区", "待处置·逾期"), measured in
the table's own font (the column is as wide as the sample or its header), or its width in
pixels at 100 % text, which grows with the text. Everything is measured again whenever the
table's font changes, so the larger-text setting reaches open tables at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QStyle, QTableView, QTreeView

#: Room beside the text in a cell and a header: the style's margins plus a little air.
CELL_EXTRA = 10
HEADER_EXTRA = 12
#: One Chinese character at 100 % text (10.5 pt at 96 dpi): the unit pixel widths scale by.
BASE_EM = 14
#: A cell holding an editor (combo box, date field) also needs room for its arrow button.
EDITOR_EMS = 2


def text_ratio(metrics: QFontMetrics) -> float:
    """How much larger the text is than at 100 % (1.5 at the 150 % setting)."""
    return metrics.horizontalAdvance("中") / BASE_EM


class ColumnFit(QObject):
    """Sizes ``view``'s columns (and optionally its rows) and keeps them sized.

    ``columns`` maps a column to a sample text or to its width in pixels at 100 % text;
    ``icon_columns`` also show an icon, ``editor_columns`` hold a combo box or date field;
    ``row_height`` is the rows' height in pixels at 100 % text.
    """

    def __init__(self, view: QTableView | QTreeView, columns: Mapping[int, str | int], *,
                 icon_columns: Iterable[int] = (), editor_columns: Iterable[int] = (),
                 row_height: int | None = None) -> None:
        super().__init__(view)
        self.view = view
        self.samples = dict(columns)
        self.icon_columns = set(icon_columns)
        self.editor_columns = set(editor_columns)
        self.row_height = row_height
        view.installEventFilter(self)
        self.apply()

    def width_of(self, column: int) -> int:
        """The width ``column`` needs in the current font."""
        view = self.view
        metrics = QFontMetrics(view.font())
        sample = self.samples[column]
        if isinstance(sample, int):
            return round(sample * text_ratio(metrics))
        model = view.model()
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "") if model else ""
        header = metrics.horizontalAdvance(title) + HEADER_EXTRA
        if isinstance(view, QTableView) and view.isSortingEnabled():
            header += view.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, view)
        cell = metrics.horizontalAdvance(sample) + CELL_EXTRA
        if column in self.icon_columns:
            cell += self._icon_width() + 4
        if column in self.editor_columns:
            cell += EDITOR_EMS * metrics.horizontalAdvance("中")
        return max(header, cell)

    def _icon_width(self) -> int:
        view: QAbstractItemView = self.view
        size = view.iconSize().width()
        if size > 0:
            return size
        return view.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, view)

    def apply(self) -> None:
        for column in self.samples:
            self.view.setColumnWidth(column, self.width_of(column))
        if self.row_height is not None and isinstance(self.view, QTableView):
            ratio = text_ratio(QFontMetrics(self.view.font()))
            self.view.verticalHeader().setDefaultSectionSize(round(self.row_height * ratio))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.FontChange:
            self.apply()
        return False


def fit_columns(view: QTableView | QTreeView, columns: Mapping[int, str | int], *,
                icon_columns: Iterable[int] = (), editor_columns: Iterable[int] = (),
                row_height: int | None = None) -> ColumnFit:
    """Size ``view``'s columns (see :class:`ColumnFit`) now and whenever its font changes."""
    return ColumnFit(view, columns, icon_columns=icon_columns, editor_columns=editor_columns,
                     row_height=row_height)
