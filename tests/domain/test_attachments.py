"""What kind of file an attachment is, read from its bytes before its name."""

from __future__ import annotations

import pytest

from mediation_desk.domain.attachments import (
    default_kind,
    default_title,
    format_size,
    guess_mime,
    is_image,
    is_pdf,
)


@pytest.mark.parametrize(("name", "head", "mime"), [
    ("scan.pdf", b"%PDF-1.7\n", "application/pdf"),
    ("mmexport1701234567890", b"\xff\xd8\xff\xe0\x00\x10JFIF", "image/jpeg"),  # WeChat photo
    ("photo.jpg", b"\x89PNG\r\n\x1a\n\x00", "image/png"),  # the bytes win over the name
    ("IMG_0001.HEIC", b"\x00\x00\x00\x18ftypheic", "image/heic"),
    ("协议.docx", b"PK\x03\x04",
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("旧表格.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/vnd.ms-excel"),
    ("notes", b"hello", "application/octet-stream"),
])
def test_mime_from_bytes_then_name(name: str, head: bytes, mime: str) -> None:
    assert guess_mime(name, head) == mime


def test_kinds_titles_and_sizes() -> None:
    assert is_image("image/jpeg") and not is_image("image/heic") and is_pdf("application/pdf")
    assert default_kind("image/heic") == "photo" and default_kind("application/pdf") == "other"
    assert default_title("C:\\扫描\\协议书签字页.PDF") == "协议书签字页"
    assert default_title("/tmp/.hidden") == ".hidden"
    assert default_title("收条") == "收条"
    assert [format_size(n) for n in (512, 2048, 20 * 1024 * 1024 + 1)] == [
        "512 B", "2 KB", "20.0 MB"]
