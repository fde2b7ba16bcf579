"""Putting PDF bytes on paper, on disk, or in the system's PDF viewer.

Why raster printing: the PDF a builder produces is the document of record (its SHA-256 is filed
to the case). Qt cannot hand PDF bytes to a printer as they are, so each page is rendered by
QtPdf (pdfium) at the printer's own resolution and painted 1:1 in device pixels onto the
:class:`QPrinter` — what comes out is what the preview showed, on every platform, without a
second layout engine. Pages are rendered in horizontal strips so a 600 dpi A4 page never needs a
140 MB image at once.

Copies are made here, not by the driver: the N+1 originals of an agreement must come out as N+1
complete, collated sets, and drivers differ (some ignore the count, some print 1,1,1,2,2,2).
The printer is therefore always sent one copy of a job that already holds every set.

Nothing here touches widgets, so :func:`print_pdfs` may run on a worker thread (QPainter on a
QPrinter is allowed off the GUI thread); the caller must not touch the printer meanwhile.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QRect, QSize, QSizeF, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrintEngine, QPrinter

from mediation_desk import clock

#: Rows of device pixels rendered at a time (A4 at 600 dpi: 4961 × 1024 × 4 B ≈ 20 MB).
STRIP_ROWS = 1024
#: Above this the job grows without a visible gain on office printers; 1200 dpi PPDs are
#: asked for 600 dpi instead (a 3-page agreement in three sets stays a few MB).
MAX_DPI = 600
#: Files opened "with the system program" hold full ID numbers: keep them a day, no longer.
VIEWER_KEEP_SECONDS = 24 * 3600

Progress = Callable[[int, int], None]
#: Qt's CUPS engine property for job options (qcups_p.h: ``PPK_CupsOptions``, 0xfe00).
PPK_CUPS_OPTIONS = QPrintEngine.PrintEnginePropertyKey(0xFE00)


class PdfError(Exception):
    """The bytes are not a PDF QtPdf can open (a builder bug, or a truncated file)."""


@dataclass(frozen=True)
class PrintJob:
    """One document of a print run: its bytes and a title for error messages."""

    pdf: bytes
    title: str = ""


@dataclass(frozen=True)
class PrintOutcome:
    """What went to the printer: pages painted (all sets together), and the sets made."""

    pages: int
    copies: int


# -- reading ------------------------------------------------------------------------------
@contextlib.contextmanager
def open_pdf(pdf: bytes) -> Iterator[QPdfDocument]:
    """A loaded QPdfDocument over ``pdf``; the buffer lives as long as the document.

    Loading from a QBuffer is synchronous (status is Ready on return), so this also works on
    a worker thread without an event loop.
    """
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    try:
        if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
            raise PdfError(f"PDF 无法打开（{document.error().name}）")
        yield document
    finally:
        document.close()
        buffer.close()


def page_count(pdf: bytes) -> int:
    with open_pdf(pdf) as document:
        return int(document.pageCount())


# -- printing -----------------------------------------------------------------------------
def make_printer(pdf: bytes | None, *, copies: int = 1, title: str = "",
                 printer_name: str = "") -> QPrinter:
    """A high-resolution QPrinter set up for ``pdf``: its page size (A4 for our forms, and
    when ``pdf`` is None), the whole paper as the drawing area (the PDF carries its own
    margins), ``copies`` sets, collated. ``printer_name`` empty = the system's default."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if printer_name:
        printer.setPrinterName(printer_name)
    if pdf is None:
        points = QPageSize(QPageSize.PageSizeId.A4).size(QPageSize.Unit.Point)
    else:
        with open_pdf(pdf) as document:
            points = document.pagePointSize(0)
    size = QPageSize(QSizeF(points), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    orientation = (QPageLayout.Orientation.Landscape if points.width() > points.height()
                   else QPageLayout.Orientation.Portrait)
    printer.setPageSize(size)
    printer.setPageOrientation(orientation)
    printer.setFullPage(True)
    printer.setCopyCount(max(1, copies))
    printer.setCollateCopies(True)
    if title:
        printer.setDocName(title)
    return printer


def _selected(printer: QPrinter, total: int) -> list[int]:
    """0-based page indexes the dialog asked for (a range like "1-2,4", or all)."""
    if printer.printRange() == QPrinter.PrintRange.PageRange:
        ranges = printer.pageRanges()
        if not ranges.isEmpty():
            return [i for i in range(total) if ranges.contains(i + 1)]
        if printer.fromPage() > 0:
            last = printer.toPage() or total
            return list(range(printer.fromPage() - 1, min(last, total)))
    return list(range(total))


def _fit(page: QSizeF, area: QRect) -> QRect:
    """The largest rectangle of the page's proportions centred in ``area`` (device pixels)."""
    scale = min(area.width() / page.width(), area.height() / page.height())
    width, height = round(page.width() * scale), round(page.height() * scale)
    return QRect(area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2,
                 width, height)


def _strip(document: QPdfDocument, index: int, size: QSize, top: int, rows: int) -> QImage:
    """Rows ``top``…``top+rows`` of page ``index`` rendered at ``size``, on white paper.

    pdfium renders onto transparency; composited on white so the printer gets an opaque
    image (an alpha channel would travel as a soft mask and double the job)."""
    options = QPdfDocumentRenderOptions()
    options.setScaledSize(size)
    options.setScaledClipRect(QRect(0, top, size.width(), rows))
    rendered = document.render(index, QSize(size.width(), rows), options)
    paper = QImage(rendered.size(), QImage.Format.Format_RGB32)
    paper.fill(QColor("white"))
    painter = QPainter(paper)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return paper


def _grey(document: QPdfDocument, index: int) -> bool:
    """Whether a page has no colour, judged from a small rendering (a red seal would show)."""
    points = document.pagePointSize(index)
    return bool(document.render(index, QSize(round(points.width()),
                                              round(points.height()))).allGray())


def _paint_page(painter: QPainter, document: QPdfDocument, index: int, area: QRect) -> None:
    target = _fit(document.pagePointSize(index), area)
    for top in range(0, target.height(), STRIP_ROWS):
        rows = min(STRIP_ROWS, target.height() - top)
        image = _strip(document, index, target.size(), top, rows)
        painter.drawImage(QPoint(target.x(), target.y() + top), image)


def _discard(printer: QPrinter, painter: QPainter) -> None:
    """End a cancelled run so that nothing is printed.

    Qt's PDF and CUPS engines cannot abort (``QPdfPrintEngine::abort`` returns false) and
    submit whatever was painted when the painter ends. For CUPS the engine's job options
    (Qt's private ``PPK_CupsOptions``, read when the job is submitted) are set to ask for zero
    copies, which the scheduler refuses ("Bad copies value"): no job is created and Qt
    deletes its spool file. A print-to-file run leaves a partial file: it is removed.
    """
    if printer.abort():
        painter.end()
        return
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        painter.end()
        with contextlib.suppress(OSError):
            if printer.outputFileName():
                os.unlink(printer.outputFileName())
        return
    printer.printEngine().setProperty(PPK_CUPS_OPTIONS, ["copies", "0"])
    painter.end()


def print_pdfs(printer: QPrinter, jobs: Sequence[PrintJob], *,
               progress: Progress | None = None) -> PrintOutcome:
    """Print ``jobs`` one after another as one print run on ``printer``.

    Honours the printer's copy count (made here as collated sets unless the user unticked
    "collate") and page range (counted over the run, i.e. one document's pages when one
    document is printed). ``progress(done, total)`` is called per page and may raise to
    cancel: the run is then discarded and nothing reaches the printer (:func:`_discard`).
    """
    if not jobs:
        return PrintOutcome(0, 0)
    copies = max(1, printer.copyCount())
    collate = printer.collateCopies()
    if printer.resolution() > MAX_DPI:
        printer.setResolution(MAX_DPI)
    printer.setFullPage(True)
    printer.setCopyCount(1)  # the sets are in the job itself (module docstring)
    with contextlib.ExitStack() as stack:
        documents = [stack.enter_context(open_pdf(job.pdf)) for job in jobs]
        pages = [(d, i) for d in documents for i in range(d.pageCount())]
        chosen = [pages[i] for i in _selected(printer, len(pages))]
        if all(_grey(document, index) for document, index in chosen):
            # Black-and-white pages travel as lossless 8-bit grey instead of colour JPEG.
            printer.setColorMode(QPrinter.ColorMode.GrayScale)
        if collate:
            order = [page for _ in range(copies) for page in chosen]
        else:
            order = [page for page in chosen for _ in range(copies)]
        if not order:
            return PrintOutcome(0, 0)
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError(f"打印机“{printer.printerName() or '默认打印机'}”无法开始打印")
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        area = printer.paperRect(QPrinter.Unit.DevicePixel).toRect()
        area.moveTo(0, 0)
        try:
            for done, (document, index) in enumerate(order):
                if progress is not None:
                    progress(done, len(order))
                if done:
                    printer.newPage()
                _paint_page(painter, document, index, area)
        except BaseException:
            _discard(printer, painter)
            raise
        painter.end()
        if progress is not None:
            progress(len(order), len(order))
    return PrintOutcome(len(order), copies)


def print_pdf(printer: QPrinter, pdf: bytes, *, title: str = "",
              progress: Progress | None = None) -> PrintOutcome:
    return print_pdfs(printer, [PrintJob(pdf, title)], progress=progress)


# -- files --------------------------------------------------------------------------------
def save_pdf(pdf: bytes, path: Path) -> Path:
    """Write ``pdf`` to ``path`` atomically: a reader (or a power cut) sees the old file or
    the whole new one, never half a document. Permissions follow the user's umask."""
    path = Path(path)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    folder = path.parent
    temp = folder / f".{path.name}.{os.getpid()}.{time.monotonic_ns()}.tmp"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(pdf)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    with contextlib.suppress(OSError, AttributeError):
        directory = os.open(folder, os.O_RDONLY)  # make the rename itself durable (POSIX)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
    return path


def safe_file_name(text: str) -> str:
    """``text`` usable as a file name on Windows and Linux (keeps Chinese)."""
    cleaned = "".join("_" if ch in '<>:"/\\|?*' or ord(ch) < 32 else ch for ch in text)
    return cleaned.strip(" .") or "document"


def viewer_folder() -> Path:
    """A private folder (mode 0700) for PDFs opened in the system viewer."""
    uid = os.getuid() if hasattr(os, "getuid") else 0
    folder = Path(tempfile.gettempdir()) / f"mediation-desk-{uid}"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def open_in_system_viewer(pdf: bytes, title: str) -> Path:
    """Hand the PDF to the desktop's PDF program. The file contains full ID numbers, so it
    goes to a private folder and earlier ones older than a day are removed first."""
    folder = viewer_folder()
    now = clock.system_seconds()  # file times are the system's, whatever the clock says
    for old in folder.glob("*.pdf"):
        with contextlib.suppress(OSError):
            if now - old.stat().st_mtime > VIEWER_KEEP_SECONDS:
                old.unlink()
    path = save_pdf(pdf, folder / f"{safe_file_name(title)}.pdf")
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    return path

