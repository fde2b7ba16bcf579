"""The badge on 工作台 while any sync conflict is open: red, with the count; a click opens
the conflicts side by side. Hidden when there is nothing to review."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

from mediation_desk.store.changes import ChangeSet
from ui.context import AppContext
from ui.dialogs.sync.conflicts_dialog import ConflictsDialog
from ui.i18n import translate
from ui.icons import icon


class ConflictBadge(QPushButton):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(icon("conflict", "#ffffff"), "", parent)
        self.ctx = ctx
        self.count = 0
        self.setAccessibleName(translate("ConflictBadge", "Sync conflicts to review"))
        # Colours only: a font in a style sheet would not follow the larger-text setting.
        self.setStyleSheet("QPushButton{background:#c62828;color:white;border-radius:4px;"
                           "padding:4px 10px}")
        self.clicked.connect(self.review)
        ctx.bus.changes_committed.connect(self._on_changes)
        self.refresh()

    def refresh(self) -> None:
        self.count = self.ctx.conflicts.open_count()
        self.setText(translate("ConflictBadge", "%1 sync conflict(s) to review")
                     .replace("%1", str(self.count)))
        self.setVisible(self.count > 0)

    def _on_changes(self, changes: ChangeSet) -> None:
        if "sync" in changes.kinds:
            self.refresh()

    def review(self) -> None:
        ConflictsDialog.ask(self, self.ctx)
        self.refresh()
