"""批量打印: several forms of one case (or the whole dossier) as one print run, off the GUI thread.

Rendering a dossier and rasterising it at printer resolution takes seconds, so both happen on
a worker with a cancellable progress dialog (ui/workers.py). It is all or nothing: if one form
lacks data the run stops before anything reaches the printer and the message names the form
and its fields; each form that was printed is filed to the case afterwards, on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog

from mediation_desk.errors import NotFound, Problem, StoreUnavailable, ValidationError
from mediation_desk.services.printing.service import RenderedDocument
from ui.dialogs.preview_dialog import problems_text
from ui.i18n import translate
from ui.printing import PrintJob, PrintOutcome, make_printer, print_pdfs
from ui.workers import Cancelled, Job, on_worker, run_in_background

if TYPE_CHECKING:
    from ui.views.cases.tabs.documents_tab import DocumentsTab


@dataclass(frozen=True)
class BatchOutcome:
    documents: tuple[RenderedDocument, ...]
    printed: PrintOutcome


class BatchPrint(QObject):
    #: BatchOutcome when printed and filed; None when cancelled or refused.
    finished = Signal(object)

    def __init__(self, tab: DocumentsTab) -> None:
        super().__init__(tab)
        self.tab = tab
        self.running = False
        self.job: Job | None = None  # the run in progress (its cancel_event is Cancel)

    def choose_printer(self) -> QPrinter | None:
        printer = make_printer(None, copies=1, title=translate("DocumentsTab", "Case file"))
        dialog = QPrintDialog(printer, self.tab)
        dialog.setWindowTitle(translate("DocumentsTab", "Batch print"))
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, False)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCollateCopies, True)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return printer

    def start(self, kinds: list[str], printer: QPrinter | None = None) -> bool:
        """Print ``kinds`` (in dossier order as given). Without ``printer`` the system print
        dialog asks for one. False if nothing was started."""
        detail = self.tab.detail
        if detail is None or not kinds or self.running:
            return False
        printer = printer or self.choose_printer()
        if printer is None:
            return False
        case_id, ctx = detail.id, self.tab.ctx
        titles = {kind: choice.title if (choice := self.tab.choice(kind)) else kind
                  for kind in kinds}

        def render(kind: str) -> RenderedDocument:
            try:
                return ctx.printing.render(case_id, kind)
            except ValidationError as exc:  # say which form of the batch lacks what
                raise ValidationError([Problem(titles[kind], p.field, p.reason)
                                       for p in exc.problems]) from exc

        def work(report: Callable[[int, int], None]) -> BatchOutcome:
            documents = []
            for done, kind in enumerate(kinds):
                report(done, len(kinds))
                documents.append(on_worker(ctx.store, partial(render, kind)))
            jobs = [PrintJob(d.pdf, d.title) for d in documents]
            return BatchOutcome(tuple(documents), print_pdfs(printer, jobs, progress=report))

        self.running = True
        self.tab.show_message("")
        self.tab._update_buttons()
        self.job = run_in_background(
            self.tab, work, title=translate("DocumentsTab", "Printing the case file…"),
            on_done=self._done, on_error=self._failed)
        return True

    def _finish(self) -> None:
        self.running = False
        self.job = None
        self.tab._update_buttons()

    def _done(self, outcome: BatchOutcome) -> None:
        self._finish()
        ctx = self.tab.ctx
        try:
            for document in outcome.documents:
                ctx.printing.file_printed(document, action="print",
                                          copies=max(1, outcome.printed.copies))
        except (ValidationError, StoreUnavailable, NotFound) as exc:
            self.tab.show_message(translate(
                "DocumentsTab", "Printed, but not filed to the case: %1").replace(
                "%1", str(exc)), error=True)
            self.finished.emit(None)
            return
        titles = "、".join(d.title for d in outcome.documents)
        self.tab.show_message(translate("DocumentsTab", "Sent to the printer (%1 pages): %2")
                              .replace("%1", str(outcome.printed.pages)).replace("%2", titles))
        if outcome.documents:
            self.tab.printed_filed.emit(outcome.documents[0].case_id)
        self.finished.emit(outcome)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, Cancelled):
            text = translate("DocumentsTab", "Batch printing cancelled; nothing was printed.")
        elif isinstance(exc, ValidationError):
            text = translate("DocumentsTab", "Nothing was printed: %1").replace(
                "%1", problems_text(exc))
        else:
            text = translate("DocumentsTab", "Printing failed: %1").replace("%1", str(exc))
        self.tab.show_message(text, error=True)
        self.finished.emit(None)
