"""A splitter whose second pane gets the width its lists need, at any text size.

Why: on the 排查 page the calendar can fold its lines when its days narrow, the lists beside
it cannot: their dates, villages and statuses must stay whole. A fixed ratio that suits
100 % text leaves the lists too narrow at 125 % and 150 %, so the split follows the text
size: the second pane asks for the width it wants and gets it, within a share of the page
and never squeezing the first pane below its minimum. Once the user drags the handle, their
choice stays.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QSplitter


class PaneBalance(QObject):
    """Keeps ``splitter``'s second pane at ``wanted()`` pixels, at least ``least_share`` and
    at most ``most_share`` of the splitter, until the user moves the handle."""

    def __init__(self, splitter: QSplitter, wanted: Callable[[], int], *,
                 least_share: float = 0.4, most_share: float = 0.6) -> None:
        super().__init__(splitter)
        self.splitter = splitter
        self.wanted = wanted
        self.least_share = least_share
        self.most_share = most_share
        self.moved_by_user = False
        splitter.splitterMoved.connect(self._moved)
        splitter.installEventFilter(self)

    def _moved(self, _position: int, _index: int) -> None:
        self.moved_by_user = True

    def sizes_for(self, total: int) -> list[int]:
        """The two panes' widths when the splitter has ``total`` pixels for them."""
        first_least = self.splitter.widget(0).minimumSizeHint().width()
        second = max(round(total * self.least_share), min(self.wanted(),
                                                           round(total * self.most_share)))
        second = min(second, total - first_least)
        return [total - second, second]

    def balance(self) -> None:
        if self.moved_by_user or self.splitter.count() != 2:
            return
        total = self.splitter.contentsRect().width() - self.splitter.handleWidth()
        if total > 0:
            self.splitter.setSizes(self.sizes_for(total))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.splitter and event.type() in (QEvent.Type.Resize,
                                                          QEvent.Type.FontChange):
            self.balance()
        return False
