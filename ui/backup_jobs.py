"""Backups from the window: the daily automatic one, manual ones, and the list of both.

Why the worker closes its connection: the store's database hands each thread its own
connection, so a backup run on a pool thread opens one there; it is closed when the job ends
(``Store.close`` on that thread closes only that thread's connection), so no connection is left
behind on a pool thread — above all not when a restore replaces the file later.

The daily backup runs at start-up and is checked every hour: ``auto_backup`` makes at most one
file a day, so a laptop that slept over midnight still gets the next day's backup soon after
it wakes. Failures (a USB stick not plugged in) go to the status bar, never to a crash.
"""

from __future__ import annotations

import contextlib
import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMainWindow

from mediation_desk import clock
from mediation_desk.services.safety.backups import (
    AUTO_PREFIX,
    BackupInfo,
    auto_backup,
    list_backups,
)
from ui.context import AppContext
from ui.i18n import translate
from ui.workers import Job, on_worker, run_in_background

log = logging.getLogger(__name__)

MANUAL_PREFIX = "手动备份-"
CHECK_EVERY_MS = 60 * 60 * 1000
NEVER_SHOW_MS = 24 * 60 * 60 * 1000  # the daily backup's progress dialog never appears


def manual_backup_path(folder: Path, now: datetime | None = None) -> Path:
    return Path(folder) / f"{MANUAL_PREFIX}{(now or clock.now()):%Y%m%d-%H%M%S}.db"


def backups_in(folder: Path) -> list[BackupInfo]:
    """Automatic and manual backups in ``folder``, newest first.

    ``list_backups`` knows only the automatic name (it also decides which old ones rotation
    removes, and manual copies must never be rotated away), so manual ones are added here.
    """
    found = list_backups(folder)
    if Path(folder).is_dir():
        for path in Path(folder).iterdir():
            if path.is_file() and path.suffix == ".db" and path.name.startswith(MANUAL_PREFIX):
                stat = path.stat()
                found.append(BackupInfo(path, datetime.fromtimestamp(stat.st_mtime),
                                        stat.st_size))
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def is_automatic(info: BackupInfo) -> bool:
    return info.path.name.startswith(AUTO_PREFIX)


class DailyBackup(QObject):
    """Today's automatic backup, off the GUI thread, at start and then hourly."""

    finished = Signal(object)  # the new file, or None when today's backup already existed
    failed = Signal(str)

    def __init__(self, window: QMainWindow, ctx: AppContext,
                 interval_ms: int = CHECK_EVERY_MS) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.running = False
        self.suspended = False
        self.job: Job | None = None  # the last job, kept: unheld, its result would be lost
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.run)

    def start(self, first_after_ms: int = 0) -> None:
        QTimer.singleShot(first_after_ms, self.run)
        self.timer.start()

    def set_suspended(self, suspended: bool) -> None:
        """While a restore has the register closed, no backup may start."""
        self.suspended = suspended

    def run(self) -> None:
        if self.running or self.suspended:
            return
        self.running = True
        store, actor = self.ctx.store, self.ctx.actor
        self.job = run_in_background(self.window, lambda _report: on_worker(
            store, lambda: auto_backup(store, actor)),
            title=translate("DailyBackup", "Daily backup…"), on_done=self._done,
            on_error=self._failed, cancellable=False, show_after_ms=NEVER_SHOW_MS)

    def _done(self, made: Path | None) -> None:
        self.running = False
        if made is not None:
            self._status(translate("DailyBackup", "Today's backup was saved to %1")
                         .replace("%1", str(made)), 20_000)
        self.finished.emit(made)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        log.warning("daily backup failed: %s", exc)
        message = translate("DailyBackup", "The daily backup failed: %1. Check the backup "
                            "folder under Settings → Backups.").replace("%1", str(exc))
        self._status(message, 0)
        self.failed.emit(message)

    def _status(self, text: str, timeout_ms: int) -> None:
        with contextlib.suppress(RuntimeError):  # the window is already gone
            self.window.statusBar().showMessage(text, timeout_ms)
