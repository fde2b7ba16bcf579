"""打印预览: one rendered document in a QPdfView, then print, save as PDF or open elsewhere.

What is previewed is exactly what is printed and filed: the dialog holds the service's
:class:`RenderedDocument` (its bytes and their SHA-256) and never rebuilds it. A printout or a
saved copy is filed back to the case through ``ctx.printing.file_printed`` only once it has
actually gone to the printer or to disk.

Warnings (vague terms, dispute types a court will not confirm) sit above the page, in the
dialog's first line of sight, because the time to fix an agreement is before the parties sign.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QSettings,
    QStandardPaths,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.errors import NotFound, StoreUnavailable, ValidationError
from mediation_desk.services.printing.service import RenderedDocument
from ui.context import AppContext
from ui.i18n import translate
from ui.icons import icon
from ui.printing import (
    PrintJob,
    PrintOutcome,
    make_printer,
    open_in_system_viewer,
    print_pdfs,
    safe_file_name,
    save_pdf,
)
from ui.widgets.screen_fit import open_at
from ui.workers import Cancelled, run_in_background

WARNING_STYLE = ("QLabel{background:#fff3e0;border:2px solid #ef6c00;border-radius:4px;"
                 "padding:8px;color:#bf360c;font-weight:bold;}")
ERROR_STYLE = "QLabel{background:#ffebee;color:#b71c1c;border:1px solid #c62828;padding:6px;}"
DONE_STYLE = "QLabel{background:#e8f5e9;color:#1b5e20;border:1px solid #a5d6a7;padding:6px;}"
SETTINGS_SAVE_DIR = "documents/save_dir"
ZOOM_FIT_WIDTH, ZOOM_FIT_PAGE = "width", "page"
ZOOM_FACTORS = (0.5, 0.75, 1.0, 1.5, 2.0)


def problems_text(exc: ValidationError) -> str:
    """"record field：reason；…" as the message lines show a refusal."""
    return "；".join(" ".join(part for part in (p.record, f"{p.field}：{p.reason}" if p.field
                                                else p.reason) if part)
                    for p in exc.problems)


def choose_printer(parent: QWidget, document: RenderedDocument) -> QPrinter | None:
    """The system print dialog, preset for ``document`` (the agreement: one original per
    party plus one for the room). None when the user cancelled."""
    printer = make_printer(document.pdf, copies=document.default_copies, title=document.title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(translate("PreviewDialog", "Print %1").replace("%1", document.title))
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCollateCopies, True)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, True)
    dialog.setMinMax(1, max(1, document.pages))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer


class PreviewDialog(QDialog):
    #: "print" or "save", once the document has been filed to its case.
    filed = Signal(str)

    def __init__(self, ctx: AppContext, document: RenderedDocument, *, number: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.document = document
        self.number = number
        self.filed_actions: list[str] = []
        self.last_saved: Path | None = None
        self.setObjectName("preview-dialog")
        self.setWindowTitle(translate("PreviewDialog", "Preview — %1").replace(
            "%1", f"{number} {document.title}".strip()))

        self.warning_label = QLabel()
        self.warning_label.setObjectName("preview-warnings")
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(WARNING_STYLE)
        self.warning_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if document.warnings:
            self.warning_label.setText(
                translate("PreviewDialog", "Before printing, please check:") + "\n"
                + "\n".join(f"• {w}" for w in document.warnings))
        self.warning_label.setVisible(bool(document.warnings))
        self.message_label = QLabel()
        self.message_label.setObjectName("preview-message")
        self.message_label.setWordWrap(True)
        self.message_label.hide()

        # The document reads from a buffer that must outlive it: both belong to the dialog.
        self._bytes = QByteArray(document.pdf)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf = QPdfDocument(self)
        self.pdf.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setObjectName("preview-view")
        self.view.setAccessibleName(translate("PreviewDialog", "Page preview"))
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setDocument(self.pdf)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)  # the whole sheet, as on paper

        self.pages_label = QLabel()
        self.pages_label.setObjectName("preview-pages")
        self.zoom_box = QComboBox()
        self.zoom_box.setAccessibleName(translate("PreviewDialog", "Zoom"))
        self.zoom_box.addItem(translate("PreviewDialog", "Whole page"), ZOOM_FIT_PAGE)
        self.zoom_box.addItem(translate("PreviewDialog", "Fit width"), ZOOM_FIT_WIDTH)
        for factor in ZOOM_FACTORS:
            self.zoom_box.addItem(f"{round(factor * 100)}%", factor)
        self.zoom_box.currentIndexChanged.connect(self._zoom_changed)
        self.view.pageNavigator().currentPageChanged.connect(self._show_page_count)
        self._show_page_count()

        self.print_button = QPushButton(icon("print"), translate("PreviewDialog", "&Print…"))
        self.print_button.setObjectName("preview-print")
        self.print_button.setDefault(True)
        self.save_button = QPushButton(icon("pdf"), translate("PreviewDialog",
                                                               "Save &as PDF…"))
        self.save_button.setObjectName("preview-save")
        self.open_button = QPushButton(icon("open"), translate("PreviewDialog",
                                                               "Open in &system viewer"))
        self.open_button.setObjectName("preview-open")
        self.open_button.setToolTip(translate(
            "PreviewDialog", "Printing from another program is not filed to the case."))
        close_button = QPushButton(translate("PreviewDialog", "Close"))
        self.print_button.clicked.connect(self.print_clicked)
        self.save_button.clicked.connect(self.save_clicked)
        self.open_button.clicked.connect(self.open_clicked)
        close_button.clicked.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.pages_label)
        top.addStretch(1)
        top.addWidget(QLabel(translate("PreviewDialog", "Zoom")))
        top.addWidget(self.zoom_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning_label)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message_label)
        layout.addLayout(buttons)
        open_at(self, 900, 720)  # pixels at 100 % text; grows with it

    # -- viewing ----------------------------------------------------------------------------
    def _show_page_count(self, *_: object) -> None:
        total = self.pdf.pageCount()
        current = self.view.pageNavigator().currentPage() + 1
        self.pages_label.setText(translate("PreviewDialog", "Page %1 of %2").replace(
            "%1", str(min(current, total))).replace("%2", str(total)))

    def _zoom_changed(self, index: int) -> None:
        value = self.zoom_box.itemData(index)
        if value == ZOOM_FIT_WIDTH:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif value == ZOOM_FIT_PAGE:
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(float(value))

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(ERROR_STYLE if error else DONE_STYLE)
        self.message_label.setVisible(bool(text))

    # -- filing -----------------------------------------------------------------------------
    def _file(self, action: str, copies: int = 1) -> bool:
        try:
            self.ctx.printing.file_printed(self.document, action=action, copies=copies)
        except ValidationError as exc:
            self.show_message(problems_text(exc), error=True)
            return False
        except (StoreUnavailable, NotFound) as exc:
            self.show_message(translate(
                "PreviewDialog", "Done, but it could not be filed to the case: %1").replace(
                "%1", str(exc)), error=True)
            return False
        self.filed_actions.append(action)
        self.filed.emit(action)
        return True

    # -- printing ---------------------------------------------------------------------------
    def print_clicked(self) -> None:
        printer = choose_printer(self, self.document)
        if printer is not None:
            self.print_on(printer)

    def print_on(self, printer: QPrinter,
                 on_finished: Callable[[PrintOutcome | None], None] | None = None) -> None:
        """Print on a printer the user chose, off the GUI thread, then file it.

        ``on_finished`` gets the outcome (None if cancelled or failed) — for callers and tests
        that need to know when the job is through."""
        self._set_busy(True)
        jobs = [PrintJob(self.document.pdf, self.document.title)]

        def done(outcome: PrintOutcome) -> None:
            self._set_busy(False)
            if outcome.pages and self._file("print", outcome.copies):
                self.show_message(translate(
                    "PreviewDialog", "Sent to the printer: %n copy(ies).", None, outcome.copies))
            if on_finished is not None:
                on_finished(outcome)

        def failed(exc: BaseException) -> None:
            self._set_busy(False)
            if isinstance(exc, Cancelled):
                self.show_message(translate("PreviewDialog", "Printing cancelled; nothing "
                                                             "was printed."), error=True)
            else:
                self.show_message(translate("PreviewDialog", "Printing failed: %1").replace(
                    "%1", str(exc)), error=True)
            if on_finished is not None:
                on_finished(None)

        run_in_background(self, lambda report: print_pdfs(printer, jobs, progress=report),
                          title=translate("PreviewDialog", "Printing %1…").replace(
                              "%1", self.document.title),
                          on_done=done, on_error=failed)

    def _set_busy(self, busy: bool) -> None:
        for button in (self.print_button, self.save_button):
            button.setEnabled(not busy)

    # -- saving and opening -----------------------------------------------------------------
    def default_save_path(self) -> Path:
        folder = QSettings().value(SETTINGS_SAVE_DIR, "") or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        name = safe_file_name(f"{self.number}-{self.document.title}" if self.number
                              else self.document.title)
        return Path(str(folder)) / f"{name}.pdf"

    def save_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, translate("PreviewDialog", "Save as PDF"), str(self.default_save_path()),
            translate("PreviewDialog", "PDF documents (*.pdf)"))
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> Path | None:
        """Write the PDF (atomically) and file it to the case as saved."""
        try:
            written = save_pdf(self.document.pdf, path)
        except OSError as exc:
            self.show_message(translate("PreviewDialog", "Could not save %1: %2").replace(
                "%1", str(path)).replace("%2", exc.strerror or str(exc)), error=True)
            return None
        QSettings().setValue(SETTINGS_SAVE_DIR, str(written.parent))
        self.last_saved = written
        if self._file("save"):
            self.show_message(translate("PreviewDialog", "Saved to %1").replace(
                "%1", str(written)))
        return written

    def open_clicked(self) -> None:
        try:
            open_in_system_viewer(self.document.pdf, self.document.title)
        except OSError as exc:
            self.show_message(str(exc), error=True)

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext, document: RenderedDocument, *,
            number: str = "", start_printing: bool = False) -> list[str]:
        """Show the preview; what was filed ("print", "save"), in order — empty if nothing.

        ``start_printing`` opens the print dialog at once (the 打印 button of the 文书 tab),
        with the preview and its warnings behind it."""
        dialog = cls(ctx, document, number=number, parent=parent)
        if start_printing:
            QTimer.singleShot(0, dialog.print_clicked)
        dialog.exec()
        return list(dialog.filed_actions)
