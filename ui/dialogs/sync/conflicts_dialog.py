"""同步冲突: each clash side by side — this device's value, the other's, and the one before.

Why side by side with the value before: a person deciding between two addresses typed on
two devices needs to see both, and what both started from, to tell a correction from a
second correction. Keeping one side, or typing a merged text, is an ordinary audited edit
that travels to every device (services/sync/conflicts.py); ID numbers and phones stay
masked here as in every list.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.errors import NotFound, PermissionDenied, ValidationError
from mediation_desk.services.sync.conflicts import ConflictView
from ui.context import AppContext
from ui.i18n import translate
from ui.icons import icon
from ui.widgets.field_error import FieldError
from ui.widgets.tables import read_only_table

COL_NUMBER, COL_RECORD, COL_FIELD, COL_KIND = range(4)
ID_ROLE = Qt.ItemDataRole.UserRole


def _value_box(name: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setReadOnly(True)
    box.setAccessibleName(name)
    box.setMaximumHeight(90)
    return box


class ConflictsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.views: list[ConflictView] = []
        self.resolved = 0
        self.setWindowTitle(translate("ConflictsDialog", "Sync conflicts"))
        self.setWindowIcon(icon("conflict"))
        self.resize(940, 600)

        self.table = read_only_table(
            [translate("ConflictsDialog", "Case number"), translate("ConflictsDialog", "Record"),
             translate("ConflictsDialog", "Field"), translate("ConflictsDialog", "What happened")],
            COL_KIND, translate("ConflictsDialog", "Open conflicts"))
        self.table.horizontalHeader().setSectionResizeMode(
            COL_NUMBER, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(120)
        self.empty_label = QLabel(translate("ConflictsDialog",
                                            "No conflicts are waiting. Nothing to do."))

        self.mine_caption = QLabel()
        self.theirs_caption = QLabel()
        base_caption = QLabel(translate("ConflictsDialog", "Before either change"))
        self.mine_box = _value_box(translate("ConflictsDialog", "This device's value"))
        self.theirs_box = _value_box(translate("ConflictsDialog", "The other device's value"))
        self.base_box = _value_box(translate("ConflictsDialog", "Value before either change"))
        self.current_label = QLabel()
        self.current_label.setWordWrap(True)
        grid = QGridLayout()
        for column, (caption, box) in enumerate(((self.mine_caption, self.mine_box),
                                                 (self.theirs_caption, self.theirs_box),
                                                 (base_caption, self.base_box))):
            caption.setBuddy(box)
            grid.addWidget(caption, 0, column)
            grid.addWidget(box, 1, column)
        self.keep_mine = QPushButton(icon("keep"), translate("ConflictsDialog",
                                                             "Keep &this device's"))
        self.keep_theirs = QPushButton(icon("keep"), translate("ConflictsDialog",
                                                               "Keep the &other's"))
        grid.addWidget(self.keep_mine, 2, 0)
        grid.addWidget(self.keep_theirs, 2, 1)
        self.merged_edit = QPlainTextEdit()
        self.merged_edit.setAccessibleName(translate("ConflictsDialog", "Merged value"))
        self.merged_edit.setMaximumHeight(70)
        self.merged_label = QLabel(translate("ConflictsDialog", "Or type a &merged value:"))
        self.merged_label.setBuddy(self.merged_edit)
        self.keep_merged = QPushButton(icon("save"), translate("ConflictsDialog",
                                                               "&Save merged value"))
        merged_row = QHBoxLayout()
        merged_row.addWidget(self.merged_edit, 1)
        merged_row.addWidget(self.keep_merged, 0, Qt.AlignmentFlag.AlignTop)
        self.error = FieldError()
        detail = QGroupBox(translate("ConflictsDialog", "Side by side"))
        detail_layout = QVBoxLayout(detail)
        detail_layout.addLayout(grid)
        detail_layout.addWidget(self.current_label)
        detail_layout.addWidget(self.merged_label)
        detail_layout.addLayout(merged_row)
        detail_layout.addWidget(self.error)
        self.detail = detail

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(detail)
        layout.addWidget(buttons)

        self.table.itemSelectionChanged.connect(self.show_selected)
        self.keep_mine.clicked.connect(lambda: self.resolve("mine"))
        self.keep_theirs.clicked.connect(lambda: self.resolve("theirs"))
        self.keep_merged.clicked.connect(lambda: self.resolve("merged"))
        self.merged_edit.textChanged.connect(self.error.clear)
        self.reload()

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext) -> int | None:
        """Show the open conflicts; returns how many were resolved (None: none)."""
        dialog = cls(ctx, parent)
        dialog.exec()
        return dialog.resolved or None

    def reload(self, select: int = 0) -> None:
        self.views = self.ctx.conflicts.open_conflicts()
        self.table.setRowCount(len(self.views))
        for row, view in enumerate(self.views):
            cells = (view.number or "—", view.table_label, view.field_label, view.kind_label)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, view.id)
                self.table.setItem(row, column, item)
        empty = not self.views
        self.empty_label.setVisible(empty)
        self.detail.setEnabled(not empty)
        if not empty:
            self.table.selectRow(min(select, len(self.views) - 1))
        else:
            for box in (self.mine_box, self.theirs_box, self.base_box, self.merged_edit):
                box.clear()
            self.current_label.clear()

    def selected(self) -> ConflictView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.views[rows[0].row()] if rows else None

    def show_selected(self) -> None:
        view = self.selected()
        self.error.clear()
        if view is None:
            return
        self.mine_caption.setText(translate("ConflictsDialog", "This device (%1)")
                                  .replace("%1", view.mine_device))
        self.theirs_caption.setText(translate("ConflictsDialog", "The other (%1)")
                                    .replace("%1", view.theirs_device))
        self.mine_box.setPlainText(view.mine)
        self.theirs_box.setPlainText(view.theirs)
        self.base_box.setPlainText(view.base)
        if view.kind == "same_dispute":
            self.current_label.setText(translate(
                "ConflictsDialog", "Two cases registered on different devices may be the same "
                "dispute. Both are kept; open them to compare, then mark this as reviewed."))
            self.keep_mine.setText(translate("ConflictsDialog", "Reviewed: keep &both"))
        else:
            self.current_label.setText(translate("ConflictsDialog", "Now in the register: %1")
                                       .replace("%1", view.current))
            self.keep_mine.setText(translate("ConflictsDialog", "Keep &this device's"))
        self.keep_theirs.setVisible(view.kind != "same_dispute")
        for widget in (self.merged_label, self.merged_edit, self.keep_merged):
            widget.setVisible(view.editable)
        if view.editable:
            self.merged_edit.setPlainText(view.mine)

    def resolve(self, keep: str) -> None:
        view = self.selected()
        if view is None:
            return
        row = self.table.currentRow()
        try:
            self.ctx.conflicts.resolve(view.id, keep,
                                       self.merged_edit.toPlainText() if keep == "merged" else None)
        except (ValidationError, NotFound, PermissionDenied) as exc:
            problems = getattr(exc, "problems", None)
            self.error.show_error("；".join(p.reason for p in problems) if problems else str(exc))
            return
        self.resolved += 1
        self.reload(row)
