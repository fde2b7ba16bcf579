"""The size a dialog opens at: grown with the text size, never larger than a small laptop.

Why: dialogs were given a size in pixels that suits 100 % text (``resize(780, 620)``). At
150 % the same fields are half as large again, so the dialog opened cramped, and a label that
wraps onto more lines than the size allowed for pushed the fields below it out of their rows.
The rooms' smallest screens are 1366×768 laptops with a taskbar, so no dialog opens larger
than that, and its height is at least what its wrapped lines need at the width it opens at.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

from ui.widgets.column_fit import text_ratio

#: The smallest screen in use: a 1366×768 laptop less a 40-pixel taskbar.
SMALLEST_SCREEN = QSize(1366, 728)


def opening_size(window: QWidget, width: int, height: int) -> QSize:
    """``width``×``height`` (pixels at 100 % text) for the window's current text size."""
    ratio = text_ratio(window.fontMetrics())
    least = window.minimumSizeHint().expandedTo(window.minimumSize())
    wide = min(max(round(width * ratio), least.width()), SMALLEST_SCREEN.width())
    high = max(round(height * ratio), least.height())
    layout = window.layout()
    if layout is not None and layout.hasHeightForWidth():
        high = max(high, layout.totalHeightForWidth(wide))
    return QSize(wide, min(high, SMALLEST_SCREEN.height()))


def open_at(window: QWidget, width: int, height: int) -> None:
    """Resize ``window`` to :func:`opening_size` (call it once its contents are in place)."""
    window.resize(opening_size(window, width, height))
