"""法条库: the articles briefs quote — change a text (an amended law), add a local regulation,
retire one from the picker. The defaults ship with the program; the room's edits are kept over
them (services/briefs/library.py). Changing the library is the director's or administrator's.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.domain.law_articles import TOPICS
from mediation_desk.errors import PermissionDenied, StoreUnavailable, ValidationError
from ui.context import AppContext
from ui.dialogs.preview_dialog import problems_text
from ui.i18n import translate
from ui.icons import icon


class ArticlesDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.changed = False
        self.setWindowTitle(translate("ArticlesDialog", "Article library"))
        self.list = QListWidget()
        self.list.setAccessibleName(translate("ArticlesDialog", "Articles"))
        self.law_edit = QLineEdit()
        self.article_edit = QLineEdit()
        self.text_edit = QPlainTextEdit()
        self.topic_boxes: dict[str, QCheckBox] = {}
        topics = QGridLayout()
        for i, (code, label) in enumerate(TOPICS.items()):
            box = QCheckBox(label)
            self.topic_boxes[code] = box
            topics.addWidget(box, i // 2, i % 2)
        form = QFormLayout()
        form.addRow(translate("ArticlesDialog", "Law"), self.law_edit)
        form.addRow(translate("ArticlesDialog", "Article"), self.article_edit)
        form.addRow(translate("ArticlesDialog", "Text"), self.text_edit)
        form.addRow(translate("ArticlesDialog", "Used for"), topics)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.save_button = QPushButton(icon("save"), translate("ArticlesDialog", "Save"))
        self.new_button = QPushButton(icon("add"), translate("ArticlesDialog", "New article"))
        self.retire_button = QPushButton(translate("ArticlesDialog", "Retire"))
        row = QHBoxLayout()
        for button in (self.save_button, self.new_button, self.retire_button):
            row.addWidget(button)
        row.addStretch(1)
        editor = QWidget()
        editor_layout = QVBoxLayout(editor)
        editor_layout.addLayout(form, 1)
        editor_layout.addWidget(self.message)
        editor_layout.addLayout(row)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.list)
        split.addWidget(editor)
        split.setStretchFactor(1, 2)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(close)
        self.list.currentRowChanged.connect(self._show)
        self.save_button.clicked.connect(self.save)
        self.new_button.clicked.connect(self.new)
        self.retire_button.clicked.connect(self.toggle_active)
        manager = ctx.actor.role in ("director", "admin")
        for widget in (self.save_button, self.new_button, self.retire_button):
            widget.setEnabled(manager)
        if not manager:
            self.message.setText(translate("ArticlesDialog", "Only the committee director or "
                                                             "an administrator may change "
                                                             "the library."))
        self.key = ""
        self.fill()
        self.resize(900, 560)

    def fill(self, select: str = "") -> None:
        self.list.clear()
        for a in self.ctx.articles.articles(include_retired=True):
            text = a.citation if a.active else a.citation + translate("ArticlesDialog",
                                                                      " (retired)")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, a.key)
            self.list.addItem(item)
            if a.key == select:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)

    def _show(self, row: int) -> None:
        item = self.list.item(row)
        if item is None:
            return
        a = self.ctx.articles.article(str(item.data(Qt.ItemDataRole.UserRole)))
        self.key = a.key
        self.law_edit.setText(a.law)
        self.article_edit.setText(a.article)
        self.text_edit.setPlainText(a.text)
        for code, box in self.topic_boxes.items():
            box.setChecked(code in a.topics)
        self.retire_button.setText(translate("ArticlesDialog", "Retire") if a.active
                                   else translate("ArticlesDialog", "Bring back"))

    def new(self) -> None:
        self.key = ""
        self.list.clearSelection()
        for edit in (self.law_edit, self.article_edit):
            edit.clear()
        self.text_edit.clear()
        for box in self.topic_boxes.values():
            box.setChecked(False)
        self.law_edit.setFocus()

    def _call(self, work: object) -> bool:
        try:
            work()  # type: ignore[operator]
        except ValidationError as exc:
            self.message.setText(problems_text(exc))
            return False
        except (PermissionDenied, StoreUnavailable) as exc:
            self.message.setText(str(exc))
            return False
        self.changed = True
        return True

    def save(self) -> None:
        topics = tuple(code for code, box in self.topic_boxes.items() if box.isChecked())
        key = self.key
        if self._call(lambda: self.ctx.articles.save(
                key, self.law_edit.text(), self.article_edit.text(),
                self.text_edit.toPlainText(), topics)):
            self.message.setText(translate("ArticlesDialog", "Saved."))
            self.fill(select=key)

    def toggle_active(self) -> None:
        if not self.key:
            return
        key = self.key
        active = self.ctx.articles.article(key).active
        if self._call(lambda: self.ctx.articles.set_active(key, not active)):
            self.fill(select=key)

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext) -> bool:
        """Edit the library; whether anything changed."""
        dialog = cls(ctx, parent)
        dialog.exec()
        return dialog.changed
