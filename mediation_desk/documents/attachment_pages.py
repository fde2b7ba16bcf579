"""Attachments in the dossier: where each goes in the 卷内目录, and image ones as pages.

Why here and not in the dossier module: the dossier's order and page numbering are its own;
this module only says which attachments belong next to which form (evidence and photos with
证据材料, the signed scan after the agreement, receipts with 履行凭证, the rest before the back
cover) and lays one image out on a page — title, date, the picture scaled to the frame, turned
upright as the phone that took it meant (EXIF orientation). PDFs and office files are listed
with their date and kept electronically: they are printed from their own program.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from mediation_desk.documents.data import AttachmentInfo, CaseFile

if TYPE_CHECKING:
    from mediation_desk.documents.layout import Kit

#: Dossier item kinds of printed attachments: PREFIX + the attachment's index in the case.
PREFIX = "attachment:"
#: Which attachments sit at which place of the file.
EVIDENCE = ("evidence", "photo")
SIGNED = ("signed_agreement",)
RECEIPTS = ("receipt",)
OTHER = ("other",)
#: The longest side an image is embedded at (about 300 dpi across the A4 frame), so a
#: 48-megapixel phone photo does not make a 30 MB dossier.
MAX_PIXELS = 2400
ELECTRONIC = "电子文件，另行打印"


def is_attachment(kind: str | None) -> bool:
    return kind is not None and kind.startswith(PREFIX)


def entries(case: CaseFile, kinds: tuple[str, ...]) -> list[tuple[str, str | None, str]]:
    """(name, dossier kind or None, note) for the case's attachments of these kinds."""
    out: list[tuple[str, str | None, str]] = []
    for index, item in enumerate(case.attachments):
        if item.kind not in kinds:
            continue
        note = f"{item.added_on.isoformat()}归档"
        if item.printable:
            out.append((f"{item.kind_label}：{item.title}", f"{PREFIX}{index}", note))
        else:
            out.append((f"{item.kind_label}：{item.title}", None, f"{note}；{ELECTRONIC}"))
    return out


def story(case: CaseFile, kit: Kit, kind: str) -> list[Any]:
    """One image attachment on its own page(s): heading, date and file, then the picture."""
    from reportlab.lib.units import mm

    item = case.attachments[int(kind.removeprefix(PREFIX))]
    out: list[Any] = [kit.heading(f"{item.kind_label}：{item.title}"),
                      kit.para(f"案件编号：{case.number}　归档日期：{item.added_on.isoformat()}"
                               + (f"　文件：{item.file_name}" if item.file_name else ""),
                               "small"),
                      kit.space(4)]
    picture = _picture(item, kit.width, kit.pagesize[1] - kit.margins[0] - kit.margins[1]
                       - 30 * mm, kit.chain.primary)
    out.append(picture if picture is not None else
               kit.para("（图片无法读取，未能打印，请在本系统中查看原文件）"))
    return out


def _picture(item: AttachmentInfo, width: float, height: float, font: str) -> Any | None:
    """A reportlab Image of the attachment, upright, scaled to fit width × height."""
    from PIL import Image as PILImage
    from PIL import ImageOps
    from reportlab.lib import colors
    from reportlab.platypus import Image, Table, TableStyle

    if item.image is None:
        return None
    try:
        with PILImage.open(io.BytesIO(item.image)) as opened:
            picture = ImageOps.exif_transpose(opened)
            picture.thumbnail((MAX_PIXELS, MAX_PIXELS))
            if picture.mode not in ("RGB", "L"):
                picture = picture.convert("RGB")
            buffer = io.BytesIO()
            picture.save(buffer, "JPEG", quality=85)
            pixels_w, pixels_h = picture.size
    except (OSError, ValueError, SyntaxError):
        return None
    scale = min((width - 2) / pixels_w, (height - 2) / pixels_h)
    buffer.seek(0)
    # A hairline frame shows the edge of a white scan on the white page.
    framed = Table([[Image(buffer, width=pixels_w * scale, height=pixels_h * scale)]])
    # The table's own font is ours, or an unembedded Helvetica is listed in the PDF.
    framed.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.5, colors.grey),
                                ("FONTNAME", (0, 0), (-1, -1), font),
                                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                ("TOPPADDING", (0, 0), (-1, -1), 0),
                                ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return framed
