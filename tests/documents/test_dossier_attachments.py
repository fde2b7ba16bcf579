"""Attachments in the whole case file: every one listed in the 卷内目录 where it belongs, with
its date; image ones printed as pages of the file (numbered like the rest)."""

from __future__ import annotations

import io
import re
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

from PIL import Image

from mediation_desk import documents
from mediation_desk.documents import dossier
from mediation_desk.documents.attachment_pages import PREFIX
from mediation_desk.documents.data import AttachmentInfo, CaseFile
from tests.documents import forms_data as cases
from tests.documents.conftest import pdf_fonts, pdf_text, review_png


def _png(width: int, height: int, colour: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, "PNG")
    return buffer.getvalue()


def _with_files() -> CaseFile:
    files = (
        AttachmentInfo("院墙裂缝照片", "photo", "照片", date(2026, 11, 3), "IMG_0001.png", True,
                       _png(1600, 1200, "lightgrey")),
        AttachmentInfo("调解协议书（签字）", "signed_agreement", "签字协议书扫描件",
                       date(2026, 11, 6), "协议书签字页.png", True, _png(1240, 1754, "white")),
        AttachmentInfo("现场勘查图", "evidence", "证据材料", date(2026, 11, 4), "勘查图.pdf"),
        AttachmentInfo("修复费收条", "receipt", "履行凭证", date(2026, 12, 1), "收条.jpg", True,
                       b"not really a jpeg"),
    )
    return replace(cases.agreed_case(), attachments=files)


def test_attachments_sit_where_they_belong_in_the_contents() -> None:
    items = dossier.items(_with_files())
    names = [i.name for i in items]
    evidence = names.index("证据材料（如有）")
    assert names[evidence + 1:evidence + 3] == ["照片：院墙裂缝照片", "证据材料：现场勘查图"]
    agreement = names.index("人民调解协议书")
    assert names[agreement + 1] == "签字协议书扫描件：调解协议书（签字）"
    receipts = names.index("履行凭证（如有）")
    assert names[receipts + 1] == "履行凭证：修复费收条"
    kinds = {i.name: i.kind for i in items}
    assert kinds["照片：院墙裂缝照片"] == f"{PREFIX}0"
    assert kinds["证据材料：现场勘查图"] is None  # a PDF: kept electronically, listed
    notes = {i.name: i.note for i in items}
    assert notes["证据材料：现场勘查图"] == "2026-11-04归档；电子文件，另行打印"
    assert notes["照片：院墙裂缝照片"] == "2026-11-03归档"


def test_image_attachments_print_as_numbered_pages(tmp_path: Path) -> None:
    case = _with_files()
    pdf = documents.build("dossier", case)
    review_png(pdf, "dossier-attachments")
    path = tmp_path / "dossier.pdf"
    path.write_bytes(pdf)
    contents = pdf_text(pdf)
    for title in ("院墙裂缝照片", "调解协议书（签字）", "现场勘查图", "修复费收条"):
        assert title in contents
    images = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True,
                            text=True, check=True).stdout.splitlines()[2:]
    assert len(images) == 2  # the photo and the signed scan; the broken receipt is not drawn
    without = documents.build("dossier", cases.agreed_case())
    assert documents.page_count(pdf) == documents.page_count(without) + 3
    # The contents' 页次 of the photo is the page that carries its heading.
    page_text = subprocess.run(["pdftotext", "-layout", "-f", "2", "-l", "2", str(path), "-"],
                               capture_output=True, text=True, check=True).stdout
    row = next(line for line in page_text.splitlines() if "院墙裂缝照片" in line)
    found = re.match(r"\s*\d+\s+\S+\s+(\d+)(?:-\d+)?\s", row)
    assert found is not None, row
    first = int(found[1])
    photo_page = subprocess.run(
        ["pdftotext", "-f", str(first + 2), "-l", str(first + 2), str(path), "-"],
        capture_output=True, text=True, check=True).stdout
    assert "照片：院墙裂缝照片" in re.sub(r"\s+", "", photo_page)
    receipt = next(n for n in range(3, documents.page_count(pdf) + 1) if "修复费收条" in re.sub(
        r"\s+", "", subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(path), "-"],
                                   capture_output=True, text=True, check=True).stdout))
    assert receipt > 2
    assert all(row["emb"] == "yes" for row in pdf_fonts(pdf, tmp_path))


def test_listing_alone_needs_no_image_bytes() -> None:
    case = _with_files()
    listed = replace(case, attachments=tuple(replace(a, image=None) for a in case.attachments))
    assert "院墙裂缝照片" in pdf_text(documents.build("contents", listed))
