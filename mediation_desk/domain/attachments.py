"""Files filed to a case (附件): their kinds, what type a file is, and sizes as people read them.

Why here: the same words go on screen, on the dossier's contents and on the command line,
and telling a scan from a photo from an office file must not depend on a database or Qt.
The type is read from the file's first bytes before its name, because a phone photo sent
through WeChat often arrives named ``mmexport1701234567890`` with no extension at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

#: Kinds of attachment (code → label). A signed agreement is the one legal original the
#: parties sealed with their fingerprints; evidence and receipts have their own places in
#: the dossier (domain.md items 6 and 9).
KINDS: Mapping[str, str] = MappingProxyType({
    "signed_agreement": "签字协议书扫描件",
    "evidence": "证据材料",
    "receipt": "履行凭证",
    "photo": "照片",
    "other": "其他材料",
})

DEFAULT_LIMIT_MB = 50
MAX_LIMIT_MB = 500
MB = 1024 * 1024

#: First bytes → MIME type, for the formats a room meets (scanners, phones, Office, WPS).
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"BM", "image/bmp"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
)
OCTET = "application/octet-stream"
#: Extensions → MIME types, fixed here rather than read from the system's mime.types, which
#: differs between Windows and Linux (and would make the domain read files).
_BY_EXTENSION: Mapping[str, str] = MappingProxyType({
    "pdf": "application/pdf", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg",
    "gif": "image/gif", "bmp": "image/bmp", "tif": "image/tiff", "tiff": "image/tiff",
    "heic": "image/heic", "webp": "image/webp", "txt": "text/plain",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt": "application/vnd.ms-powerpoint",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "wps": "application/vnd.ms-works", "et": "application/vnd.ms-excel",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "mp3": "audio/mpeg", "m4a": "audio/mp4", "amr": "audio/amr", "mp4": "video/mp4",
})
#: Images Qt draws without plug-ins; these may be previewed and printed into the dossier.
PRINTABLE_IMAGES = frozenset({"image/png", "image/jpeg", "image/gif", "image/bmp"})


def guess_mime(file_name: str, head: bytes) -> str:
    """The MIME type from the first bytes (``head``, 16 are enough), else from the name."""
    for signature, mime in _SIGNATURES:
        if head.startswith(signature):
            return mime
    if head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1"):
        return "image/heic"
    extension = file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""
    return _BY_EXTENSION.get(extension, OCTET)


def is_image(mime: str) -> bool:
    return mime in PRINTABLE_IMAGES


def is_pdf(mime: str) -> bool:
    return mime == "application/pdf"


def default_kind(mime: str) -> str:
    """What a file most likely is when the user does not say: photos are photos."""
    return "photo" if mime.startswith("image/") else "other"


def format_size(size: int) -> str:
    """"820 KB", "20.0 MB": sizes as a person reads them (1 KB = 1024 bytes)."""
    if size < 1024:
        return f"{size} B"
    if size < MB:
        return f"{size / 1024:.0f} KB"
    return f"{size / MB:.1f} MB"


def default_title(file_name: str) -> str:
    """A title from the file name: without folders and extension ("院墙照片.jpg" → "院墙照片")."""
    base = file_name.replace("\\", "/").rsplit("/", 1)[-1]
    stem = base.rsplit(".", 1)[0] if "." in base.strip(".") else base
    return stem.strip() or base
