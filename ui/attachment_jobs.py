"""Filing files off the GUI thread, from wherever a user attaches them (a case's 附件 tab, a
record, the agreement, a follow-up, a patrol finding).

Why one place: choosing files, asking what they are, and storing them with a progress dialog
that can be cancelled (nothing is stored then: the transaction rolls back) is the same act
from every screen; the screens differ only in what the files belong to.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from ui.context import AppContext
from ui.dialogs.attachments.attach_dialog import AttachRequest
from ui.i18n import translate
from ui.workers import Job, on_worker, run_in_background


def pick_paths(parent: QWidget) -> list[Path]:
    """The system's file picker, for scans, photos and documents (several at once)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
    names, _ = QFileDialog.getOpenFileNames(
        parent, translate("Attachments", "Choose files to add"), folder,
        translate("Attachments", "Scans, photos and documents (*.pdf *.jpg *.jpeg *.png *.tif "
                  "*.tiff *.bmp *.heic *.doc *.docx *.xls *.xlsx *.wps *.txt);;All files (*)"))
    return [Path(name) for name in names]


def file_request(parent: QWidget, ctx: AppContext, request: AttachRequest,
                 on_done: Callable[[list[str]], None],
                 on_error: Callable[[BaseException], None]) -> Job:
    """Store every file of ``request`` on the thread pool; ``on_done`` gets their ids."""
    service, store = ctx.attachments, ctx.store
    total = sum(f.path.stat().st_size for f in request.files if f.path.exists()) * 2 or 1

    def work(report: Callable[[int, int], None]) -> list[str]:
        done = 0
        ids = []
        for f in request.files:
            def step(bytes_done: int, _total: int, base: int = done) -> None:
                report(base + bytes_done, total)
            result = service.add(request.owner_kind, request.owner_id, f.path, title=f.title,
                                 kind=f.kind, progress=step)
            done += result.size * 2
            ids.append(result.id)
        return ids

    return run_in_background(parent, lambda report: on_worker(store, lambda: work(report)),
                             title=translate("Attachments", "Storing files…"),
                             on_done=on_done, on_error=on_error)
