"""A row of buttons or filters that wraps onto the next line instead of widening the window.

Why: at 125 % and 150 % text a row of eight buttons is wider than a 1366×768 laptop, and a
plain QHBoxLayout then makes the whole window wider than the screen. Here the row breaks
between items, like words in a paragraph, so every command stays visible (older mediators
do not look for an overflow chevron). A gap (``add_gap``) separates groups on one line and
disappears where a line breaks. The layout answers ``heightForWidth``, so the layout above it
gives it the height its wrapped lines need.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QSpacerItem,
    QStyle,
    QWidget,
)


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = -1) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        if parent is None:
            self.setContentsMargins(0, 0, 0, 0)

    # -- contents ---------------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def add_widgets(self, *widgets: QWidget) -> None:
        for widget in widgets:
            self.addWidget(widget)

    def add_gap(self, width: int = 16) -> None:
        """Space between two groups of items; dropped at the start and end of a line."""
        self.addItem(QSpacerItem(width, 0, QSizePolicy.Policy.Fixed,
                                 QSizePolicy.Policy.Minimum))

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    # -- sizes ------------------------------------------------------------------------------
    def spacing(self) -> int:
        if self._spacing >= 0:
            return self._spacing
        parent = self.parentWidget()
        if parent is None:
            return 6
        return parent.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing,
                                          None, parent)

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def sizeHint(self) -> QSize:
        """Everything on one line: what the row would like when there is room."""
        width, height = 0, 0
        for item in self._shown():
            hint = item.sizeHint()
            width += hint.width() + (self.spacing() if width else 0)
            height = max(height, hint.height())
        return QSize(width, height).grownBy(self.contentsMargins())

    def minimumSize(self) -> QSize:
        """The widest single item: narrower than that the row cannot go."""
        size = QSize()
        for item in self._shown():
            if not isinstance(item, QSpacerItem):
                size = size.expandedTo(item.minimumSize())
        return size.grownBy(self.contentsMargins())

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    # -- placing ----------------------------------------------------------------------------
    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()
                or isinstance(item, QSpacerItem)]

    def _lines(self, width: int) -> list[list[QLayoutItem]]:
        """The items broken into lines no wider than ``width`` (a too-wide item alone)."""
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        spacing = self.spacing()
        for item in self._shown():
            item_width = item.sizeHint().width()
            line = lines[-1]
            if isinstance(item, QSpacerItem):
                if line:
                    line.append(item)
                    used += item_width
                continue
            needed = item_width + (spacing if line else 0)
            if line and used + needed > width:
                while line and isinstance(line[-1], QSpacerItem):
                    line.pop()
                lines.append([item])
                used = item_width
            else:
                line.append(item)
                used += needed
        if lines[-1]:
            while isinstance(lines[-1][-1], QSpacerItem):
                lines[-1].pop()
        return [line for line in lines if line]

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        margins: QMargins = self.contentsMargins()
        inner = rect.marginsRemoved(margins)
        spacing = self.spacing()
        top = inner.top()
        for number, line in enumerate(self._lines(max(inner.width(), 1))):
            if number:
                top += spacing
            height = max(item.sizeHint().height() for item in line)
            if place:
                left = inner.left()
                for item in line:
                    hint = item.sizeHint()
                    width = min(hint.width(), max(inner.right() - left + 1, item.minimumSize()
                                                  .width()))
                    y = top + (height - hint.height()) // 2
                    item.setGeometry(QRect(QPoint(left, y), QSize(width, hint.height())))
                    left += width + (0 if isinstance(item, QSpacerItem) else spacing)
            top += height
        return top - inner.top() + margins.top() + margins.bottom()


def labelled(caption: QWidget, field: QWidget) -> QWidget:
    """A caption and its field as one item, so a wrapped line never parts them."""
    pair = QWidget()
    row = QHBoxLayout(pair)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(caption)
    row.addWidget(field)
    return pair
