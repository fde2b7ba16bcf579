"""附件: the scans, photos and documents filed to the case — add by picking or dropping files,
look at them (pictures and PDFs), save a copy out, take one off the case.

Filing, opening and saving run off the GUI thread (``ui/workers.py``): a 50 MB scan takes a
moment to hash and store, and the window must stay alive meanwhile. What the register holds
changes only through the service; the view refreshes from the change set like every tab.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.errors import NotFound, StoreUnavailable, ValidationError
from mediation_desk.services.attachments.service import AttachmentView
from mediation_desk.services.cases.detail import CaseDetail
from ui.attachment_jobs import file_request, pick_paths
from ui.context import AppContext
from ui.dialogs.attachments.attach_dialog import AttachDialog
from ui.i18n import translate
from ui.icons import icon
from ui.views.cases.tabs.common import MUTED, cell
from ui.widgets.attachment_preview import AttachmentPreview
from ui.widgets.field_error import set_text_colour
from ui.widgets.tables import read_only_table
from ui.workers import Cancelled, on_worker, run_in_background

COL_TITLE, COL_KIND, COL_OWNER, COL_SIZE, COL_BY, COL_AT = range(6)
INFO, ERROR = "info", "error"


def _local_files(event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls()
            if url.isLocalFile() and Path(url.toLocalFile()).is_file()]


class AttachmentsTab(QWidget):
    message = Signal(str, str)  # text, level: what happened, for the case view's message line

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail: CaseDetail | None = None
        self.files: list[AttachmentView] = []
        self.busy = False
        self.setAcceptDrops(True)
        self.table = read_only_table(
            [translate("CaseView", "Title"), translate("CaseView", "Kind"),
             translate("CaseView", "Filed to"), translate("CaseView", "Size"),
             translate("CaseView", "Added by"), translate("CaseView", "Added on")],
            COL_TITLE, translate("CaseView", "Attachments"))
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column in (COL_KIND, COL_SIZE, COL_BY, COL_AT):  # short: as wide as they need,
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(COL_OWNER, 130)  # also with the larger-text setting
        self.table.currentCellChanged.connect(lambda row, *_: self._selected(row))
        self.preview = AttachmentPreview()
        self.add_button = QPushButton(icon("attach"), translate("CaseView", "Add &files…"))
        self.add_button.setObjectName("add_attachment")
        self.add_button.clicked.connect(lambda: self.pick_files())
        self.save_button = QPushButton(icon("save"), translate("CaseView", "Save a &copy…"))
        self.save_button.clicked.connect(self.save_copy)
        self.remove_button = QPushButton(icon("remove"), translate("CaseView", "Remove"))
        self.remove_button.clicked.connect(self.remove)
        self.hint = QLabel(translate("CaseView", "Drag scans, photos or documents here, or "
                                     "use “Add files…”."))
        self.hint.setWordWrap(True)
        set_text_colour(self.hint, QColor(MUTED))  # by palette: the text size still applies
        bar = QHBoxLayout()
        bar.addWidget(self.hint, 1)
        bar.addWidget(self.add_button)
        bar.addWidget(self.save_button)
        bar.addWidget(self.remove_button)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        self._update_buttons()

    # -- showing ----------------------------------------------------------------------------
    def show_detail(self, detail: CaseDetail) -> None:
        self.detail = detail
        current = self.current()
        self.files = detail.attachments
        self.table.setRowCount(len(self.files))
        for row, f in enumerate(self.files):
            title = cell(f.title, f"{f.title}\n{f.file_name}", data=f.id)
            title.setIcon(icon("image" if f.mime_type.startswith("image/") else
                               "pdf" if f.mime_type == "application/pdf" else "file"))
            for column, item in ((COL_TITLE, title), (COL_KIND, cell(f.kind_label)),
                                 (COL_OWNER, cell(f.owner_label, f.owner_label)),
                                 (COL_SIZE, cell(f.size_text)), (COL_BY, cell(f.added_by)),
                                 (COL_AT, cell(f.added_at.strftime("%Y-%m-%d"),
                                               f.added_at.strftime("%Y-%m-%d %H:%M")))):
                self.table.setItem(row, column, item)
        ids = [f.id for f in self.files]
        keep = current.id if current is not None and current.id in ids else None
        self.add_button.setEnabled(not detail.anonymised)
        if keep is not None:
            self.table.setCurrentCell(ids.index(keep), COL_TITLE)
        elif not self.files:
            self.preview.show_message(translate(
                "CaseView", "No files yet. Scans of the signed agreement, evidence, receipts "
                "and photos can be filed here."))
        self._update_buttons()

    def current(self) -> AttachmentView | None:
        row = self.table.currentRow()
        return self.files[row] if 0 <= row < len(self.files) else None

    def select(self, attachment_id: str) -> None:
        ids = [f.id for f in self.files]
        if attachment_id in ids:
            self.table.setCurrentCell(ids.index(attachment_id), COL_TITLE)

    def _update_buttons(self) -> None:
        chosen = self.current() is not None and not self.busy
        self.save_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def _selected(self, row: int) -> None:
        self._update_buttons()
        view = self.files[row] if 0 <= row < len(self.files) else None
        if view is None or view.id == self.preview.shown_id:
            return
        self.preview.show_loading(view)
        chosen = view.id
        run_in_background(
            self, lambda _report: on_worker(self.ctx.store, lambda: b"".join(
                self.ctx.attachments.chunks(chosen))),
            title=translate("CaseView", "Opening %1…").replace("%1", view.title),
            on_done=lambda data: self._loaded(view, data), on_error=self._failed,
            cancellable=False, show_after_ms=800)

    def _loaded(self, view: AttachmentView, data: bytes) -> None:
        if self.current() is not None and self.current().id == view.id:  # type: ignore[union-attr]
            self.preview.show_content(view, data)

    # -- adding -----------------------------------------------------------------------------
    def pick_files(self, owner: tuple[str, str] | None = None, kind: str = "") -> None:
        """The file picker, then the attach dialog (for the case, or a part of it)."""
        paths = pick_paths(self)
        if paths:
            self.attach_files(paths, owner=owner, kind=kind)

    def attach_files(self, paths: list[Path], *, owner: tuple[str, str] | None = None,
                     kind: str = "") -> None:
        detail = self.detail
        if detail is None or not paths or self.busy:
            return
        request = AttachDialog.ask(self, self.ctx, self.ctx.attachments.owner_choices(detail.id),
                                   paths, owner=owner, kind=kind,
                                   has_agreement=detail.agreement is not None)
        if request is not None:
            self.busy = True
            self._update_buttons()
            file_request(self, self.ctx, request, self._filed, self._failed)

    def _filed(self, ids: list[str]) -> None:
        self.busy = False
        self.message.emit(translate("CaseView", "%n file(s) added to the case.", None,
                                    len(ids)), INFO)
        if ids:
            self.select(ids[-1])
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self._update_buttons()
        if isinstance(exc, Cancelled):
            self.message.emit(translate("CaseView", "Cancelled: nothing was stored."), INFO)
        elif isinstance(exc, ValidationError):
            self.message.emit("；".join(str(p) for p in exc.problems), ERROR)
        elif isinstance(exc, StoreUnavailable | NotFound | OSError):
            self.message.emit(translate("CaseView", "Nothing was changed: %1").replace(
                "%1", str(exc)), ERROR)
        else:
            raise exc

    # -- drag and drop ------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _local_files(event) and not self.busy and self.add_button.isEnabled():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if _local_files(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _local_files(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.attach_files(paths)

    # -- saving and removing ------------------------------------------------------------------
    def save_copy(self) -> None:
        view = self.current()
        if view is None:
            return
        folder = Path(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation))
        name, _ = QFileDialog.getSaveFileName(
            self, translate("CaseView", "Save a copy"), str(folder / (view.file_name
                                                                      or view.title)))
        if name:
            self.save_to(view, Path(name))

    def save_to(self, view: AttachmentView, target: Path) -> None:
        self.busy = True
        self._update_buttons()
        service, store = self.ctx.attachments, self.ctx.store

        def done(_written: int) -> None:
            self.busy = False
            self._update_buttons()
            self.message.emit(translate("CaseView", "Saved a copy: %1").replace(
                "%1", str(target)), INFO)

        run_in_background(self, lambda report: on_worker(store, lambda: service.save_copy(
            view.id, target, progress=report)),
            title=translate("CaseView", "Saving a copy…"), on_done=done,
            on_error=self._failed)

    def remove(self) -> None:
        view = self.current()
        if view is None:
            return
        answer = QMessageBox.question(
            self, translate("CaseView", "Remove file"),
            translate("CaseView", "Take “%1” off the case? The removal is kept in the case "
                      "history.").replace("%1", view.title))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.ctx.attachments.remove(view.id)
        except (ValidationError, StoreUnavailable, NotFound) as exc:
            self.message.emit(str(exc), ERROR)
            return
        self.message.emit(translate("CaseView", "“%1” was taken off the case.").replace(
            "%1", view.title), INFO)
