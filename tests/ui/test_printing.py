"""The Qt print path (ui/printing.py): PDF bytes rendered page by page at printer resolution
onto a QPrinter — to a PDF file, and through a real CUPS queue (cups-pdf) — plus the atomic
save. Output pages are identified by comparing small renderings with the original pages, so
copies, collation and page ranges are checked on what actually came out."""

from __future__ import annotations

import hashlib
import io
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from mediation_desk.domain.lifecycle import Step
from mediation_desk.paths import resources_dir
from mediation_desk.services.cases.drafts import AgreementDraft, PartyDraft, RecordDraft, TermDraft
from mediation_desk.services.printing.document_settings import (
    DocumentSettings,
    DocumentSettingsService,
)
from tests.conftest import neighbour_draft
from tests.ui.conftest_cups import CupsQueue, cups_pdf_queue  # noqa: F401 (fixture)
from ui.context import AppContext
from ui.printing import (
    MAX_DPI,
    PdfError,
    PrintJob,
    make_printer,
    open_pdf,
    page_count,
    print_pdf,
    print_pdfs,
    save_pdf,
)

ROOM_DOCUMENTS = DocumentSettings(header="安溪县湖头镇", address="安溪县湖头镇湖头街88号",
                                  phone="0595-23001234", court="安溪县人民法院")
THUMB = QSize(105, 149)  # A4 proportions, small enough to compare pixel by pixel
SAME_PAGE = 8.0  # mean grey difference (0–255) below which two renderings are one page


# -- documents to print ---------------------------------------------------------------------
def numbered_pdf(pages: int) -> bytes:
    """A4 pages that look unlike each other: a black block in a different place on each."""
    pdfmetrics.registerFont(TTFont("WenKai", str(resources_dir() / "fonts"
                                                 / "LXGWWenKai-Regular.ttf")))
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    for number in range(1, pages + 1):
        page.setFont("WenKai", 28)
        page.drawString(90, 760, f"人民调解协议书 第{number}页 共{pages}页")
        page.rect(90 + 120 * ((number - 1) % 3), 600 - 150 * ((number - 1) // 3), 100, 100,
                  fill=1)
        page.setFont("WenKai", 14)
        page.drawString(90, 120, f"张喆 李明 㛃 䶮 喆 堃 伍仟元整 第{number}页")
        page.showPage()
    page.save()
    return out.getvalue()


def agreed_case(ctx: AppContext, *, third_party: bool = False,
                respondent_address: str = "安溪县湖头镇湖二村3组47号") -> str:
    """A neighbours' case taken through notice, a session and a written agreement (which
    needs both parties' addresses: without 李明's it cannot be printed)."""
    draft = neighbour_draft()
    draft.parties[1].address = respondent_address
    if third_party:
        draft.parties.append(PartyDraft(side="third_party", kind="organization",
                                        name="湖二村村民委员会", legal_representative="王堃",
                                        address="安溪县湖头镇湖二村", phone="0595-23456700"))
    DocumentSettingsService(ctx.store, ctx.actor).update(ROOM_DOCUMENTS)
    case_id = ctx.intake.register(draft).cases[0].case_id
    ctx.casework.take_step(case_id, Step.NOTIFY_RIGHTS)
    ctx.casework.add_record(case_id, RecordDraft(
        "mediation", datetime(2026, 11, 3, 9, 30), place="问房调解室",
        participants=["张喆", "李明"], body="双方陈述，调解员释法说理。"))
    ctx.casework.record_agreement(case_id, AgreementDraft(
        reached_on=date(2026, 11, 5), facts="李明新建房屋屋檐滴水落入张喆院内",
        issues="排水与赔偿", responsibilities="李明负主要责任", terms=[
            TermDraft("李明于2026年12月1日前改建屋檐排水", obligor="李明", obligee="张喆",
                      due_on=date(2026, 12, 1), place="李明住宅"),
            TermDraft("李明赔偿张喆院墙修复费5000元", obligor="李明", obligee="张喆",
                      amount_fen=500000, due_on=date(2026, 11, 5), method="现金",
                      place="问房调解室")]))
    return case_id


# -- comparing pages ------------------------------------------------------------------------
def thumbnails(pdf: bytes) -> list[bytes]:
    """Each page rendered small, in grey on white, as bytes."""
    result = []
    with open_pdf(pdf) as document:
        for index in range(document.pageCount()):
            # Rendered large and averaged down: a vector page drawn straight at thumbnail size
            # gets hairlines and bold strokes of a whole pixel, a raster one does not.
            image = document.render(index, THUMB * 4)
            paper = QImage(image.size(), QImage.Format.Format_RGB32)
            paper.fill(0xFFFFFFFF)
            painter = QPainter(paper)
            painter.drawImage(0, 0, image)
            painter.end()
            grey = paper.scaled(THUMB, Qt.AspectRatioMode.IgnoreAspectRatio,
                                Qt.TransformationMode.SmoothTransformation).convertToFormat(
                QImage.Format.Format_Grayscale8)
            raw, stride, width = bytes(grey.constBits()), grey.bytesPerLine(), grey.width()
            # Rows are padded to 4 bytes and the padding is not initialised: leave it out.
            result.append(b"".join(raw[row * stride: row * stride + width]
                                   for row in range(grey.height())))
    return result


def difference(a: bytes, b: bytes) -> float:
    return sum(abs(x - y) for x, y in zip(a, b, strict=True)) / len(a)


def identify(printed: bytes, original: bytes) -> list[int]:
    """For each printed page, the 1-based original page it shows (0: none is close)."""
    originals = thumbnails(original)
    pages = []
    for thumb in thumbnails(printed):
        scores = [difference(thumb, o) for o in originals]
        best = min(range(len(scores)), key=scores.__getitem__)
        runner_up = min((v for i, v in enumerate(scores) if i != best), default=255.0)
        close = scores[best] < SAME_PAGE and scores[best] * 2 < runner_up
        pages.append(best + 1 if close else 0)
    return pages


def ink(pdf: bytes) -> list[float]:
    """Share of non-white pixels on each page (an empty page prints as 0)."""
    return [sum(1 for v in thumb if v < 200) / len(thumb) for thumb in thumbnails(pdf)]


def pdf_printer(path: Path, pdf: bytes, copies: int = 1) -> QPrinter:
    printer = make_printer(pdf, copies=copies, title="测试")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


# -- the print path -------------------------------------------------------------------------
def test_pages_are_printed_at_printer_resolution_in_collated_sets(tmp_path: Path) -> None:
    original = numbered_pdf(3)
    out = tmp_path / "printed.pdf"
    printer = pdf_printer(out, original, copies=2)
    assert printer.collateCopies() and printer.fullPage()
    outcome = print_pdf(printer, original)

    assert (outcome.pages, outcome.copies) == (6, 2)
    printed = out.read_bytes()
    assert identify(printed, original) == [1, 2, 3, 1, 2, 3]
    # 1:1 device pixels at the printer's resolution (capped), as lossless grey images.
    assert printer.resolution() == MAX_DPI
    images = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True,
                            check=True).stdout.splitlines()[2:]
    assert images and all(" gray " in line and f" {MAX_DPI} " in line for line in images)


def test_a_page_range_uncollated_prints_those_pages_only(tmp_path: Path) -> None:
    original = numbered_pdf(4)
    out = tmp_path / "range.pdf"
    printer = pdf_printer(out, original, copies=2)
    printer.setCollateCopies(False)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    print_pdf(printer, original)
    assert identify(out.read_bytes(), original) == [2, 2, 3, 3]


def test_several_documents_go_out_as_one_run(tmp_path: Path) -> None:
    first, second = numbered_pdf(2), numbered_pdf(5)
    out = tmp_path / "batch.pdf"
    progress: list[tuple[int, int]] = []
    outcome = print_pdfs(pdf_printer(out, first), [PrintJob(first), PrintJob(second)],
                         progress=lambda done, total: progress.append((done, total)))
    assert outcome.pages == 7 and page_count(out.read_bytes()) == 7
    assert identify(out.read_bytes(), second)[2:] == [1, 2, 3, 4, 5]
    assert progress[0] == (0, 7) and progress[-1] == (7, 7)


def test_cancelling_aborts_the_run(tmp_path: Path) -> None:
    original = numbered_pdf(3)
    out = tmp_path / "cancelled.pdf"

    class Stop(Exception):
        pass

    def cancel(done: int, total: int) -> None:
        if done == 1:
            raise Stop

    with pytest.raises(Stop):
        print_pdf(pdf_printer(out, original), original, progress=cancel)
    assert not out.exists() or out.stat().st_size == 0


def test_not_a_pdf_is_refused() -> None:
    with pytest.raises(PdfError):
        page_count(b"%PDF-1.4 truncated")
    with pytest.raises(PdfError):
        make_printer(b"hello")


# -- saving -----------------------------------------------------------------------------------
def test_save_writes_exact_bytes_atomically(tmp_path: Path) -> None:
    pdf = numbered_pdf(1)
    target = tmp_path / "（2026）湖头人调字第1号-人民调解协议书"
    written = save_pdf(pdf, target)
    assert written.name.endswith("人民调解协议书.pdf")
    assert hashlib.sha256(written.read_bytes()).digest() == hashlib.sha256(pdf).digest()
    save_pdf(numbered_pdf(2), written)  # replaces
    assert page_count(written.read_bytes()) == 2
    assert [p.name for p in tmp_path.iterdir()] == [written.name]  # no temporary left


def test_a_failed_save_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    folder = tmp_path / "协议.pdf"
    folder.mkdir()  # os.replace onto a directory fails, as a full or read-only disk would
    (folder / "inside.txt").write_text("x")
    with pytest.raises(OSError):
        save_pdf(numbered_pdf(1), folder)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["协议.pdf"]
    assert (folder / "inside.txt").read_text() == "x"


# -- a real print queue ---------------------------------------------------------------------
def test_an_agreement_prints_through_cups_to_cups_pdf(
        cups_pdf_queue: CupsQueue, ctx: AppContext) -> None:  # noqa: F811
    """The agreement of a 2-party case, 3 copies (N+1), through Qt's CUPS plugin into the
    cups-pdf queue of a private scheduler; cups-pdf writes the job as one PDF."""
    queue = cups_pdf_queue
    document = ctx.printing.render(agreed_case(ctx), "agreement")
    assert document.default_copies == 3
    names = [info.printerName() for info in QPrinterInfo.availablePrinters()]
    assert queue.name in names, names

    printer = make_printer(document.pdf, copies=document.default_copies,
                           title=document.title, printer_name=queue.name)
    assert printer.isValid() and printer.outputFormat() == QPrinter.OutputFormat.NativeFormat
    outcome = print_pdf(printer, document.pdf)
    assert (outcome.pages, outcome.copies) == (document.pages * 3, 3)

    [output] = queue.wait_for_pdfs(1)
    printed = output.read_bytes()
    assert printed.startswith(b"%PDF")
    # One job, the three sets inside it (the copies are made by ui/printing, collated).
    assert page_count(printed) == document.pages * 3
    assert identify(printed, document.pdf) == list(range(1, document.pages + 1)) * 3
    # Pages travel as images: no text to extract, but every page carries the print.
    assert all(share > 0.005 for share in ink(printed))
    text = subprocess.run(["pdftotext", str(output), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "协议" not in text  # rendered, not re-typeset: the filed hash is of what was seen


def test_a_cancelled_cups_job_never_reaches_the_queue(
        cups_pdf_queue: CupsQueue) -> None:  # noqa: F811
    queue = cups_pdf_queue
    original = numbered_pdf(3)

    class Stop(Exception):
        pass

    def cancel(done: int, total: int) -> None:
        if done == 2:
            raise Stop

    printer = make_printer(original, title="取消的打印", printer_name=queue.name)
    with pytest.raises(Stop):
        print_pdf(printer, original, progress=cancel)
    completed = queue.run("lpstat", "-W", "all", "-o", queue.name, check=False).stdout
    assert completed.strip() == "", completed
    assert not [p for p in queue.out_dir.glob("*.pdf") if p not in queue.existing]
