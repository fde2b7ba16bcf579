"""Autosave for one form: debounced saves of a draft, a small status line, and discard.

Why one helper: the intake form, records and agreements all promise the same thing — a crash
or power cut loses at most the last moment of typing — and should keep it the same way.
The form supplies its contents as JSON-able data; the draft lives in the encrypted register.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from mediation_desk import clock
from mediation_desk.errors import StoreUnavailable
from ui.context import AppContext
from ui.i18n import translate

AUTOSAVE_MS = 800


class DraftKeeper(QObject):
    def __init__(self, ctx: AppContext, kind: str, parent: QWidget, *,
                 payload: Callable[[], dict[str, Any]], title: Callable[[], str],
                 case_ref: str = "", draft_id: str | None = None,
                 worth_saving: Callable[[], bool] = lambda: True,
                 delay_ms: int = AUTOSAVE_MS) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.case_ref = case_ref
        self.draft_id = draft_id
        self._payload = payload
        self._title = title
        self._worth_saving = worth_saving
        self.label = QLabel(parent)
        self.label.setStyleSheet("color:#607d8b;")
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.save_now)

    def load(self) -> dict[str, Any] | None:
        """The saved draft this form was opened with, and say so on the status line."""
        data = self.ctx.autosave.load(self.draft_id) if self.draft_id else None
        if data:
            self.label.setText(translate(
                "DraftKeeper", "Unsaved text from an earlier session has been restored."))
        return data

    def touch(self) -> None:
        """Something changed: save shortly (typing keeps pushing the save back)."""
        self.timer.start()

    def save_now(self) -> None:
        self.timer.stop()
        if self.draft_id is None and not self._worth_saving():
            return
        try:
            self.draft_id = self.ctx.autosave.save(self.kind, self._payload(),
                                                   draft_id=self.draft_id,
                                                   case_ref=self.case_ref, title=self._title())
        except StoreUnavailable:
            self.label.setText(translate("DraftKeeper", "Draft could not be saved."))
        else:
            self.label.setText(translate("DraftKeeper", "Draft saved at %1").replace(
                "%1", clock.now().strftime("%H:%M:%S")))

    def flush(self) -> None:
        """Save now if a save is pending (before closing, before registering)."""
        if self.timer.isActive():
            self.save_now()

    def discard(self) -> None:
        """The form was saved for real, or dropped on purpose: the draft goes."""
        self.timer.stop()
        if self.draft_id:
            try:
                self.ctx.autosave.discard(self.draft_id)
            except StoreUnavailable:
                return
            self.draft_id = None
