"""The search field always at hand (Ctrl+F): results drop down as the mediator types.

One row per case — its number, title, status and the snippets that say why it was found, the
matched words in bold (issue 16: a per-field list named one case three or four times and
never said whether it was still open). Two-character names (张喆) and pinyin initials (zz)
work; Enter or a click opens the case. Typing is debounced so a pinyin IME composing a word
does not search every keystroke.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.domain.lifecycle import CaseStatus
from mediation_desk.services.cases.search import CaseHit
from ui.context import AppContext
from ui.i18n import translate
from ui.widgets.column_fit import fit_columns, text_ratio
from ui.widgets.marked_text import MARKS_ROLE, MarkedTextDelegate

DEBOUNCE_MS = 250
COL_NUMBER, COL_TITLE, COL_STATUS, COL_SNIPPETS = range(4)
#: Width of the dropped-down list at 100 % text, and the rows it shows before scrolling.
POPUP_WIDTH = 1000
POPUP_ROWS = 12
#: The title column at 100 % text, when the list is wide enough.
TITLE_WIDTH = 230
OPEN_STATUSES = {CaseStatus.REGISTERED, CaseStatus.NOTIFIED, CaseStatus.INVESTIGATING,
                 CaseStatus.MEDIATING}
CASE_ROLE = Qt.ItemDataRole.UserRole
MUTED = "#607d8b"


class SearchBox(QLineEdit):
    open_case = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setPlaceholderText(translate("SearchBox", "Search name, pinyin initials, text… (Ctrl+F)"))
        self.setAccessibleName(translate("SearchBox", "Search"))
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(320)
        self.popup = QFrame(self, Qt.WindowType.Popup)
        self.popup.setFrameShape(QFrame.Shape.StyledPanel)
        self.results = QTreeWidget(self.popup)
        self.results.setAccessibleName(translate("SearchBox", "Search results"))
        self.results.setColumnCount(4)
        self.results.setHeaderLabels([
            translate("SearchBox", "Case number"), translate("SearchBox", "Title"),
            translate("SearchBox", "Status"), translate("SearchBox", "Found in")])
        self.results.setRootIsDecorated(False)
        self.results.setUniformRowHeights(True)
        self.results.setAlternatingRowColors(True)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.results.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        delegate = MarkedTextDelegate(self.results)
        self.results.setItemDelegateForColumn(COL_TITLE, delegate)
        self.results.setItemDelegateForColumn(COL_SNIPPETS, delegate)
        self.columns = fit_columns(self.results, {
            COL_NUMBER: "（2026）湖头人调字第1234号", COL_STATUS: "已达成协议"})
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self.popup)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.results)
        self.results.itemActivated.connect(self._activate)
        self.results.installEventFilter(self)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_search)
        self.textEdited.connect(lambda _text: self.timer.start())
        self.returnPressed.connect(self.run_search)

    def run_search(self) -> list[CaseHit]:
        self.timer.stop()
        query = self.text().strip()
        self.results.clear()
        if not query:
            self.popup.hide()
            return []
        found = self.ctx.search.search_cases(query, limit=30)
        for hit in found:
            self.results.addTopLevelItem(self._row(hit))
        if not found:
            empty = QTreeWidgetItem(["", translate("SearchBox", "Nothing found for “%1”")
                                     .replace("%1", query)])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addTopLevelItem(empty)
        self._show_popup()
        return found

    @staticmethod
    def _row(hit: CaseHit) -> QTreeWidgetItem:
        snippets = "　".join(f"{s.label}：{s.text}" for s in hit.snippets)
        item = QTreeWidgetItem([hit.number, hit.title, hit.status_label, snippets])
        item.setData(COL_NUMBER, CASE_ROLE, hit.case_id)
        item.setData(COL_TITLE, MARKS_ROLE, list(hit.title_marks))
        spans: list[tuple[int, int]] = []
        at = 0
        for i, s in enumerate(hit.snippets):
            if i:
                at += 1  # the full-width space between snippets
            at += len(s.label) + 1  # "label："
            spans += [(at + a, at + b) for a, b in s.marks]
            at += len(s.text)
        item.setData(COL_SNIPPETS, MARKS_ROLE, spans)
        item.setToolTip(COL_TITLE, hit.title)
        item.setToolTip(COL_SNIPPETS, "\n".join(f"{s.label}：{s.text}" for s in hit.snippets))
        if hit.status not in OPEN_STATUSES:
            item.setForeground(COL_STATUS, QColor(MUTED))  # closed: said quietly
        return item

    def _show_popup(self) -> None:
        ratio = text_ratio(QFontMetrics(self.results.font()))
        screen = self.screen().availableGeometry()
        width = min(max(self.width(), round(POPUP_WIDTH * ratio)), screen.width())
        rows = min(self.results.topLevelItemCount(), POPUP_ROWS)
        row_height = self.results.sizeHintForRow(0) if rows else 24
        frame = 2 * (self.results.frameWidth() + self.popup.frameWidth())
        height = rows * row_height + self.results.header().sizeHint().height() + frame + 2
        corner = self.mapToGlobal(self.rect().bottomLeft())
        geometry = QRect(corner.x(), corner.y(), width, height)
        # Keep the whole list on the screen: a search box near the right edge drops it left.
        if geometry.right() > screen.right():
            geometry.moveRight(screen.right())
        if geometry.left() < screen.left():
            geometry.moveLeft(screen.left())
        self.popup.setGeometry(geometry)
        # The title takes what it needs up to a share of the width; the snippets the rest.
        spare = width - frame - self.results.columnWidth(COL_NUMBER) \
            - self.results.columnWidth(COL_STATUS)
        self.results.setColumnWidth(COL_TITLE, min(round(TITLE_WIDTH * ratio), spare * 2 // 5))
        self.popup.show()
        first = self.results.topLevelItem(0)
        if first is not None:
            self.results.setCurrentItem(first)
        self.results.setFocus()

    def _activate(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        case_id = item.data(COL_NUMBER, CASE_ROLE)
        if case_id:
            self.popup.hide()
            self.open_case.emit(case_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.results and isinstance(event, QKeyEvent) \
                and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape:
                self.popup.hide()
                self.setFocus()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                item = self.results.currentItem()
                if item is not None:
                    self._activate(item)
                return True
        return super().eventFilter(watched, event)
