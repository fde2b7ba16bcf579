"""The search field always at hand (Ctrl+F): results drop down as the mediator types.

Two-character names (张喆) and pinyin initials (zz) work; Enter or a click opens the case.
Typing is debounced so a pinyin IME composing a word does not search every keystroke.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from mediation_desk.services.cases.search import FIELD_LABELS, SearchResult
from ui.context import AppContext
from ui.i18n import translate

DEBOUNCE_MS = 250


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
        self.results = QListWidget(self.popup)
        self.results.setAccessibleName(translate("SearchBox", "Search results"))
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

    def run_search(self) -> list[SearchResult]:
        self.timer.stop()
        query = self.text().strip()
        self.results.clear()
        if not query:
            self.popup.hide()
            return []
        found = self.ctx.search.search(query, limit=30)
        for hit in found:
            item = QListWidgetItem(f"{hit.number}　{FIELD_LABELS.get(hit.field, hit.field)}：{hit.snippet}")
            item.setToolTip(hit.title)
            item.setData(Qt.ItemDataRole.UserRole, hit.case_id)
            self.results.addItem(item)
        if not found:
            empty = QListWidgetItem(translate("SearchBox", "Nothing found for “%1”").replace("%1", query))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(empty)
        self._show_popup()
        return found

    def _show_popup(self) -> None:
        width = max(self.width(), 560)
        rows = min(self.results.count(), 12)
        height = rows * (self.results.sizeHintForRow(0) + 2) + 8
        self.popup.setGeometry(0, 0, width, height)
        self.popup.move(self.mapToGlobal(self.rect().bottomLeft()))
        self.popup.show()
        self.results.setCurrentRow(0)
        self.results.setFocus()

    def _activate(self, item: QListWidgetItem) -> None:
        case_id = item.data(Qt.ItemDataRole.UserRole)
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
