"""The one way to run work off the GUI thread, with a progress dialog that can be cancelled.

Why one way: anything that may take over 100 ms (printing, import, backup, demo data) must not
freeze the window, and widgets may only be touched on the GUI thread. A job reports progress
through a callback; results and errors come back as queued signals, handled on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from mediation_desk.services.cases.search import warm_up as warm_up_search
from mediation_desk.store.database import Store
from ui.gui_gc import pause_collection, resume_collection
from ui.i18n import translate

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside a job when the user pressed Cancel."""


class _Signals(QObject):
    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(object)


class Job(QRunnable):
    """Runs ``fn(report)``; ``report(done, total)`` updates progress and raises Cancelled."""

    def __init__(self, fn: Callable[[Callable[[int, int], None]], Any]) -> None:
        super().__init__()
        # Python owns the job: the pool must not delete it after run(), while the dialog
        # still holds it until its result is handled (a double free otherwise).
        self.setAutoDelete(False)
        self.fn = fn
        self.signals = _Signals()
        self.cancel_event = threading.Event()

    def report(self, done: int, total: int) -> None:
        if self.cancel_event.is_set():
            raise Cancelled
        self.signals.progress.emit(done, total)

    def run(self) -> None:
        try:
            result = self.fn(self.report)
        except BaseException as exc:
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


def on_worker(store: Store, work: Callable[[], Any]) -> Any:
    """Run ``work`` (on a pool thread) and then close the register connection that thread
    opened; every job that touches the register goes through this."""
    try:
        return work()
    finally:
        store.release_thread_connection()


def run_in_background(parent: QWidget | None, fn: Callable[[Callable[[int, int], None]], Any], *,
                      title: str, on_done: Callable[[Any], None],
                      on_error: Callable[[BaseException], None],
                      cancellable: bool = True, show_after_ms: int = 300) -> Job:
    """Start ``fn`` on the thread pool; a progress dialog appears if it takes a while."""
    job = Job(fn)
    dialog = QProgressDialog(title, translate("Workers", "Cancel") if cancellable else "",
                             0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(show_after_ms)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not cancellable:
        dialog.setCancelButton(None)
    dialog.canceled.connect(job.cancel_event.set)
    # The dialog keeps the job (and so its signals) alive until the result is delivered;
    # a job nobody references would be freed and its result silently lost.
    dialog._job = job  # type: ignore[attr-defined]

    def progress(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(done)

    def finish() -> None:
        dialog.canceled.disconnect()
        dialog._job = None  # type: ignore[attr-defined]
        dialog.close()
        dialog.deleteLater()

    def done(result: Any) -> None:
        resume_collection()
        finish()
        on_done(result)

    def failed(exc: BaseException) -> None:
        resume_collection()
        finish()
        on_error(exc)

    job.signals.progress.connect(progress, Qt.ConnectionType.QueuedConnection)
    job.signals.done.connect(done, Qt.ConnectionType.QueuedConnection)
    job.signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
    # No GUI garbage may be collected on the worker while it runs (ui/gui_gc.py); and the
    # pinyin dictionary is imported here on the GUI thread, never first on a worker.
    pause_collection()
    warm_up_search()
    QTimer.singleShot(0, lambda: QThreadPool.globalInstance().start(job))
    return job
