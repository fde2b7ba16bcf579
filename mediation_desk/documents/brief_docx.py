"""以案释法 as a Word document (.docx): the same title and sections as the printed brief, for
the town's newsletter, a WeChat post or a county compilation, where editors want text they can
restyle rather than a PDF.

Fonts are named, not embedded (Word and WPS substitute): 方正小标宋/宋体 for the title and
仿宋 for the body as official documents use, set for East Asian text explicitly (python-docx
sets only the Latin font by default, and Word then shows Chinese in its own default face).
Margins follow GB/T 9704 like the PDF.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from mediation_desk.documents.brief import HEADER, NUMERALS, title
from mediation_desk.documents.report_data import BriefSheet
from mediation_desk.documents.text import cn_date

TITLE_FONT = "宋体"
BODY_FONT = "仿宋"


def _font(run: object, name: str, size: float, bold: bool = False) -> None:
    r = run  # python-docx Run
    r.font.name = name  # type: ignore[attr-defined]
    r.font.size = Pt(size)  # type: ignore[attr-defined]
    r.font.bold = bold  # type: ignore[attr-defined]
    fonts = r._element.get_or_add_rPr().get_or_add_rFonts()  # type: ignore[attr-defined]
    fonts.set(qn("w:eastAsia"), name)


def build(sheet: BriefSheet) -> bytes:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    doc.core_properties.title = title(sheet)
    doc.core_properties.author = sheet.room.committee_name

    def paragraph(text: str, *, size: float = 16, bold: bool = False, font: str = BODY_FONT,
                  align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.JUSTIFY,
                  indent: bool = True) -> None:
        p = doc.add_paragraph()
        p.alignment = align
        fmt = p.paragraph_format
        fmt.line_spacing = Pt(28)
        fmt.space_after = Pt(0)
        if indent:
            fmt.first_line_indent = Pt(size * 2)
        _font(p.add_run(text), font, size, bold)

    if sheet.room.header:
        paragraph(sheet.room.header, size=15, font=TITLE_FONT,
                  align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    paragraph(title(sheet), size=22, bold=True, font=TITLE_FONT,
              align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    paragraph(f"【{HEADER}·{sheet.dispute_type}】", align=WD_ALIGN_PARAGRAPH.CENTER,
              indent=False)
    for i, (heading, text) in enumerate(sheet.sections):
        paragraph(f"{NUMERALS[i]}、{heading}", bold=True, font="黑体")
        lines = [line.strip() for line in text.splitlines() if line.strip()] or ["（无）"]
        for line in lines:
            paragraph(line)
    paragraph("")
    paragraph(sheet.room.committee_name, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    paragraph(cn_date(sheet.on), align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
