"""The page and the building blocks every form is laid out with (architecture.md §4).

A form module never picks fonts, sizes or margins: it asks a :class:`Kit` for a title, a
paragraph, a label/value table, a signature block, and hands the list of flowables back to the
registry, which calls :meth:`Kit.render`. That keeps all forms of a dossier alike (A4, GB/T 9704
margins, a bold centred title, a FangSong-like body at fixed leading, "第 x 页 共 y 页" on
every page) and puts every user text through the font chain, so no character is ever printed
as a silent blank: what no font can draw is collected and :meth:`Kit.render` refuses the whole
document with :class:`~mediation_desk.documents.fonts.UnprintableCharacters`.

Rule for form authors: user text goes through ``kit.para``/``kit.markup`` (never raw into a
``Paragraph``), because that is where characters are escaped and assigned to fonts.

Nothing is laid out for one font's metrics: text in a fixed box (a table cell, a label column,
a signature cell, the seal) is measured in the faces that draw it (:mod:`fitting`) and shrunk
or wrapped to stay inside — see :meth:`Kit.fitted` and :meth:`Kit.cell`.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from mediation_desk.documents import fitting, signing
from mediation_desk.documents import flowables as fl
from mediation_desk.documents.data import PartyInfo, RoomInfo
from mediation_desk.documents.fonts import FontChain, UnprintableCharacters, chain_for
from mediation_desk.documents.linebreak import Para as Paragraph
from mediation_desk.documents.seal import SealArea, seal_texts
from mediation_desk.documents.text import BLANK_DATE

TOP, BOTTOM, LEFT, RIGHT = 37 * mm, 35 * mm, 28 * mm, 26 * mm  # GB/T 9704 margins
BODY_SIZE, BODY_LEADING = 14, 23  # 四号, fixed leading (1.65 lines)
CELL_SIZE, CELL_LEADING = 12, 16
TITLE_SIZE = 22  # 二号
GRID = 0.6  # table rule width, pt
PAD = 4  # table cell padding left and right, pt
#: The seal area's circle, normal and compact: about a committee's round seal (42 mm).
SEAL_DIAMETER, SEAL_COMPACT = 40 * mm, 36 * mm
SEAL_COLUMN = 54 * mm  # the seal area's column beside the signatures
#: A cell's text shrinks to stay on one line down to this share of its size, then wraps.
SHRINK = 0.85
SMALLEST = 7.5  # pt: no text is fitted smaller than this


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Kit:
    """Styled building blocks for one document; collects unprintable characters as it goes.

    ``record`` is the form title, used to name the document in problems. ``landscape=True``
    gives an A4 landscape page (wall timetables). ``compact=True`` sets the body in 小四
    (12 pt) instead of 四号 (14 pt), to keep a short document on one sheet. ``width`` is the
    usable line width in points.
    """

    def __init__(self, room: RoomInfo, record: str = "", *, landscape_page: bool = False,
                 compact: bool = False) -> None:
        self.room = room
        self.record = record
        self.pagesize = landscape(A4) if landscape_page else A4
        self.margins = (TOP, BOTTOM, LEFT, RIGHT) if not landscape_page else (
            20 * mm, 20 * mm, 18 * mm, 18 * mm)
        self.width = self.pagesize[0] - self.margins[2] - self.margins[3]
        self.chain: FontChain = chain_for(room.font_path, "body")
        self.title_chain: FontChain = chain_for(room.font_path, "title")
        self.missing: dict[str, str] = {}  # character -> where it was seen
        self.compact = compact
        self.last_page_fill = 1.0  # share of the last page's frame the text used (render)
        self.styles = self._styles()
        # Tables draw plain-string cells (even empty ones) in their own font, Helvetica by
        # default, which would list an unembedded font in the PDF: give them ours.
        self._table_font = ("FONTNAME", (0, 0), (-1, -1), self.chain.primary)

    # -- styles -------------------------------------------------------------------------------
    def _styles(self) -> dict[str, ParagraphStyle]:
        body_font, title_font = self.chain.primary, self.title_chain.primary
        size, leading = (12, 18) if self.compact else (BODY_SIZE, BODY_LEADING)
        cell, cell_leading = (11, 14.5) if self.compact else (CELL_SIZE, CELL_LEADING)

        def style(name: str, **kw: Any) -> ParagraphStyle:
            base: dict[str, Any] = dict(fontName=body_font, fontSize=size, leading=leading,
                                        wordWrap="CJK")
            base.update(kw)
            return ParagraphStyle(name, **base)

        return {
            "title": style("title", fontName=title_font, fontSize=TITLE_SIZE, leading=32,
                           alignment=TA_CENTER, spaceAfter=(2 if self.compact else 4) * mm,
                           keepWithNext=1),
            "header": style("header", fontName=title_font, fontSize=15, leading=22,
                            alignment=TA_CENTER, keepWithNext=1),
            "number": style("number", alignment=TA_RIGHT,
                            spaceAfter=(1.5 if self.compact else 3) * mm, keepWithNext=1),
            "heading": style("heading", firstLineIndent=2 * size, keepWithNext=1),
            "body": style("body", alignment=TA_JUSTIFY, firstLineIndent=2 * size),
            "plain": style("plain", alignment=TA_JUSTIFY),
            "detail": style("detail", alignment=TA_JUSTIFY, leftIndent=3 * size),
            "center": style("center", alignment=TA_CENTER),
            "right": style("right", alignment=TA_RIGHT),
            "cell": style("cell", fontSize=cell, leading=cell_leading),
            "cell_center": style("cell_center", fontSize=cell, leading=cell_leading,
                                 alignment=TA_CENTER),
            "label": style("label", fontSize=cell, leading=cell_leading,
                           alignment=TA_CENTER),
            "small": style("small", fontSize=10.5, leading=14, alignment=TA_LEFT),
            "cell_small": style("cell_small", fontSize=10.5, leading=13.5),
            "cell_small_center": style("cell_small_center", fontSize=10.5, leading=13.5,
                                       alignment=TA_CENTER),
            "small_center": style("small_center", fontSize=9, leading=11,
                                  alignment=TA_CENTER, textColor=fl.GUIDE),
            "seal_label": style("seal_label", fontSize=8, leading=10, alignment=TA_CENTER,
                                textColor=fl.GUIDE),
        }

    # -- text -----------------------------------------------------------------------------------
    def markup(self, text: str, chain: FontChain | None = None) -> str:
        """``text`` as paragraph markup: escaped, each run in the first font that has it,
        newlines as line breaks, U+3000 as a gap of about one em (:func:`fitting.gap`).
        Unprintable characters are remembered for :meth:`render`."""
        chain = chain or self.chain
        primary = chain.primary
        out = []
        for name, run in chain.runs(text):
            if name is None:
                for ch in run:
                    self.missing.setdefault(ch, text.strip()[:24])
                continue
            pieces = _escape(run).replace("\n", "<br/>").split(fitting.IDEOGRAPHIC_SPACE)
            for i, piece in enumerate(pieces):
                if i:  # a hand-fill gap: would collapse like any space in a paragraph
                    out.append(self._gap(chain))
                if piece:
                    out.append(piece if name == primary
                               else f'<font name="{name}">{piece}</font>')
        return "".join(out)

    def _gap(self, chain: FontChain) -> str:
        name = chain.font_for("\xa0") or chain.primary
        spaces = fitting.gap(chain)
        return spaces if name == chain.primary else f'<font name="{name}">{spaces}</font>'

    def para(self, text: str, style: str = "body", keep_with_next: bool = False) -> Paragraph:
        """One paragraph of user or form text in a named style (see ``self.styles``).
        ``keep_with_next`` keeps it on the page of the flowable after it (use this rather than
        ``keep`` when a heading before it must also stay with it: reportlab does not chain
        keepWithNext into a KeepTogether)."""
        chain = self.title_chain if style in ("title", "header") else self.chain
        para = Paragraph(self.markup(text, chain), self.styles[style])
        if keep_with_next:
            para.keepWithNext = 1
        return para

    def paras(self, text: str, style: str = "body") -> list[Paragraph]:
        """A multi-line text (facts, a record's body) as one paragraph per line, blank lines
        dropped; each line gets the style's first-line indent."""
        return [self.para(line.strip(), style) for line in text.splitlines() if line.strip()]

    def rich(self, markup: str, style: str = "body") -> Paragraph:
        """A paragraph from markup you built with :meth:`markup` pieces plus tags such as
        ``<u>`` or ``<font size=…>``. Never pass user text here unescaped."""
        return Paragraph(markup, self.styles[style])

    def labelled(self, label: str, text: str, style: str = "plain") -> Paragraph:
        """"label：text" on one paragraph, the label in faux-bold-free plain text."""
        return self.rich(self.markup(f"{label}：") + self.markup(text), style)

    def text_width(self, text: str, style: str = "body") -> float:
        """Width in points of one line of ``text`` in a style, across fallback fonts."""
        chain = self.title_chain if style in ("title", "header") else self.chain
        return fitting.width(chain, text, self.styles[style].fontSize)

    def sized(self, style: str, size: float) -> ParagraphStyle:
        """``style`` at another font size (same leading unless that is too tight)."""
        key = f"{style}@{size:g}"
        if key not in self.styles:
            base = self.styles[style]
            self.styles[key] = ParagraphStyle(key, parent=base, fontSize=size,
                                              leading=max(base.leading * size / base.fontSize,
                                                          min(base.leading, size * 1.25)))
        return self.styles[key]

    def fitted(self, text: str, style: str, room: float,
               smallest: float = SMALLEST) -> Paragraph:
        """``text`` on one line of at most ``room`` points: at the style's size when it fits,
        else shrunk as needed (measured in the faces that draw it); below ``smallest`` it
        wraps at that size instead. For names, numbers, labels: things that must not break."""
        chain = self.title_chain if style in ("title", "header") else self.chain
        base = self.styles[style]
        size = fitting.fit_size(chain, text, base.fontSize, room, smallest)
        if size == base.fontSize:
            return self.para(text, style)
        return Paragraph(self.markup(text, chain), self.sized(style, size or smallest))

    def cell(self, text: str, style: str, room: float) -> Paragraph:
        """Text for a table cell ``room`` points wide: kept on one line by shrinking a little
        (to 85 %) when that is all it takes, else wrapped; and never a number or code wider
        than the cell (reportlab does not break those), which is shrunk until it fits."""
        base = self.styles[style]
        if "\n" not in text.strip():
            size = fitting.fit_size(self.chain, text, base.fontSize, room,
                                    base.fontSize * SHRINK)
            if size is not None:
                return self.fitted(text, style, room)
        token = fitting.longest_token(self.chain, text, base.fontSize)
        if token <= room:
            return self.para(text, style)
        size = max(SMALLEST, int(base.fontSize * room / token * 10) / 10)
        return Paragraph(self.markup(text), self.sized(style, size))

    def lead(self, heading: str, text: str) -> list[Flowable]:
        """A section as official documents run it in: the bold heading ("一、争议事项：")
        opens the first paragraph of ``text``; further lines are plain body paragraphs."""
        lines = [line.strip() for line in text.splitlines() if line.strip()] or [""]
        body = self.styles["body"]
        indent = body.firstLineIndent
        width = self.text_width(heading)
        first_style = ParagraphStyle("lead", parent=body, firstLineIndent=indent + width)
        first = Paragraph(self.markup(lines[0]), first_style)
        head = Paragraph(self.markup(heading), ParagraphStyle(
            "lead_head", parent=body, firstLineIndent=0, alignment=TA_LEFT))
        return [fl.LeadIn(head, first, indent), *(self.para(line) for line in lines[1:])]

    def bold(self, text: str, style: str = "heading") -> Flowable:
        return fl.FauxBold(self.para(text, style))

    # -- blocks ---------------------------------------------------------------------------------
    def title(self, text: str, number: str = "") -> list[Flowable]:
        """The room's header line (when set), the bold centred title, and the document number
        right-aligned below it when given."""
        out: list[Flowable] = []
        if self.room.header:
            out.append(self.fitted(self.room.header, "header", self.width))
        out.append(fl.FauxBold(self.fitted(text, "title", self.width, 16), weight=0.04))
        if number:
            out.append(self.para(number, "number"))
        return out

    def heading(self, text: str) -> Flowable:
        """A section heading ("一、纠纷主要事实"): bold, kept with what follows."""
        return self.bold(text, "heading")

    def space(self, height_mm: float) -> Flowable:
        return Spacer(1, height_mm * mm)

    def keep(self, items: Sequence[Flowable]) -> Flowable:
        """Keep these on one page (moves them together to the next page if needed)."""
        return KeepTogether(list(items))

    def page_break(self) -> Flowable:
        return PageBreak()

    def section(self, key: str, numbered: bool = True) -> Flowable:
        """Start a numbering section (dossier: each form numbers its own pages). Place it
        right after a page break."""
        return fl.SectionMark(key, numbered)

    # -- tables ---------------------------------------------------------------------------------
    def ruled(self, rows: list[list[Any]], widths: Sequence[float],
               extra: Sequence[tuple[Any, ...]] = (), repeat: int = 0) -> Table:
        table = Table(rows, colWidths=list(widths), repeatRows=repeat)
        table.setStyle(TableStyle([self._table_font,
            ("GRID", (0, 0), (-1, -1), GRID, fl.INK),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 1 if self.compact else 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3 if self.compact else 4),
            ("LEFTPADDING", (0, 0), (-1, -1), PAD),
            ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
            *extra,
        ]))
        return table

    def fields(self, rows: Sequence[Sequence[tuple[str, str] | tuple[str, str, float]]],
               label_width: float = 26 * mm) -> Table:
        """A bordered label/value grid. Each row holds one or two (label, value) pairs; a row
        with one pair spans the width. Values wrap (see :meth:`cell`); labels shrink to stay on
        one line. A third element in a pair is a minimum height in mm, leaving room for answers
        written by hand (("当事人签名", "", 20))."""
        half = (self.width - 2 * label_width) / 2
        widths = [label_width, half, label_width, half]
        data: list[list[Any]] = []
        spans: list[tuple[Any, ...]] = []
        for r, row in enumerate(rows):
            cells: list[Any] = []
            value_w = (self.width - label_width if len(row) == 1 else half) - 2 * PAD
            for pair in row:
                value: Flowable = self.cell(pair[1], "cell", value_w)
                if len(pair) == 3:
                    value = fl.MinHeight(value, float(pair[2]) * mm)
                cells += [self.fitted(pair[0], "label", label_width - 2 * PAD), value]
            if len(row) == 1:
                cells += ["", ""]
                spans.append(("SPAN", (1, r), (3, r)))
            data.append(cells)
        return self.ruled(data, widths, spans)

    def grid(self, header: Sequence[str], rows: Sequence[Sequence[str]],
             widths: Sequence[float], center: Sequence[int] = (), small: bool = False) -> Table:
        """A data table with a header row repeated on every page. ``widths`` are relative
        (scaled to the line width); columns listed in ``center`` are centred; ``small`` sets
        the cells in 10.5 pt for tables with many columns."""
        total = sum(widths)
        col_w = [self.width * w / total for w in widths]
        cell, centred = ("cell_small", "cell_small_center") if small else ("cell", "cell_center")
        room = [w - 2 * PAD for w in col_w]
        head = [self.cell(h, centred, room[i]) for i, h in enumerate(header)]
        body = [[self.cell(v, centred if i in center else cell, room[i])
                 for i, v in enumerate(row)] for row in rows]
        return self.ruled([head, *body], col_w, repeat=1)

    def party_table(self, parties: Sequence[PartyInfo], *, with_id: bool = True) -> list[Flowable]:
        """Each party's details as a small bordered table, labelled by side (:mod:`parties`)."""
        from mediation_desk.documents.parties import party_tables

        return party_tables(self, parties, with_id=with_id)

    def vertical(self, label: str) -> Paragraph:
        """A side label written top to bottom (被/申/请/人), as on printed forms: it fits a
        narrow column without breaking mid-word."""
        if len(label) > 6:  # a long label reads better wrapped than as a tall column
            return self.para(label, "label")
        return self.rich("<br/>".join(self.markup(ch) for ch in label), "label")

    # -- signatures -----------------------------------------------------------------------------
    def fingerprint(self, size_mm: float = 0) -> Flowable:
        size_mm = size_mm or (15 if self.compact else 17)
        return fl.FingerprintBox(self.para("按指印", "small_center"), size_mm * mm)

    def party_signatures(self, parties: Sequence[PartyInfo], columns: int = 2,
                         width: float | None = None) -> Flowable:
        """Per party a signature cell and a fingerprint box (按指印), up to ``columns`` parties
        to a row across ``width`` (default: the line width); names measured to print whole
        (:mod:`signing`). Organisations sign by seal and their representative's signature;
        persons by signature, seal or fingerprint."""
        return signing.party_signatures(self, parties, columns, width)

    def signing_block(self, parties: Sequence[PartyInfo],
                      officials: Sequence[str] = ("人民调解员（签名）", "记录人（签名）"),
                      date_text: str = BLANK_DATE) -> Flowable:
        """The foot of a document the parties sign: their signature cells, the officials'
        lines and the seal area side by side (:func:`signing.signing_block`)."""
        return signing.signing_block(self, parties, officials, date_text, SEAL_COLUMN)

    def sign_lines(self, labels: Sequence[str], date: bool = False) -> Flowable:
        """Lines such as "人民调解员（签名）：____", one per label, optionally each with a
        date blank (for records signed by several people)."""
        rows = []
        for label in labels:
            row: list[Any] = [self.rich(self.markup(f"{label}：") + "_" * 14, "plain")]
            if date:
                row.append(self.para("\u3000\u3000年\u3000\u3000月\u3000\u3000日", "right"))
            rows.append(row)
        widths = [self.width * 0.6, self.width * 0.4] if date else [self.width]
        table = Table(rows, colWidths=widths)
        table.setStyle(TableStyle([self._table_font, ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("TOPPADDING", (0, 0), (-1, -1), 2 * mm),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm)]))
        return table

    def seal(self, date_text: str, committee: str = "") -> Flowable:
        """The committee name and date inside a dashed circle marking where the seal goes,
        each measured to fit inside it (:mod:`seal`)."""
        name = committee or self.room.committee_name
        for text in seal_texts(name, date_text):
            for ch in self.chain.missing(text):
                self.missing.setdefault(ch, text.strip()[:24])
        return SealArea(self.chain, name, date_text,
                        diameter=SEAL_COMPACT if self.compact else SEAL_DIAMETER,
                        size=self.styles["body"].fontSize)

    def beside(self, left: Sequence[Flowable], right: Flowable | Sequence[Flowable],
               right_width: float, valign: str = "MIDDLE") -> Flowable:
        """Two columns without rules: e.g. signature lines on the left, the seal on the right."""
        right_cell = list(right) if isinstance(right, Sequence) else right
        table = Table([[list(left), right_cell]],
                      colWidths=[self.width - right_width, right_width])
        table.setStyle(TableStyle([self._table_font, ("VALIGN", (0, 0), (-1, -1), valign),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        return table

    # -- output ---------------------------------------------------------------------------------
    def render(self, story: Sequence[Flowable], title: str = "", *,
               other_kits: Sequence[Kit] = (),
               stamp: Callable[[type], type] | None = None) -> bytes:
        """Lay out the story on A4 with page numbers and return the PDF bytes.

        Raises UnprintableCharacters (naming every character no font has) instead of printing
        a document with holes in it. Output is deterministic for the same input (invariant
        mode), so the hash filed with a printed document means something.

        A story built with more than one kit (the dossier mixes normal and compact sections)
        names them in ``other_kits`` so their missing characters count too; ``stamp`` wraps
        the page-numbering canvas class (the dossier stamps file page numbers with it).
        """
        missing = dict(self.missing)
        for other in other_kits:
            missing.update(other.missing)
        if missing:
            raise UnprintableCharacters(list(missing), title or self.record, missing)
        top, bottom, left, right = self.margins
        buffer = io.BytesIO()
        doc = BaseDocTemplate(
            buffer, pagesize=self.pagesize, leftMargin=left, rightMargin=right,
            topMargin=top, bottomMargin=bottom, title=title or self.record,
            author=self.room.committee_name, creator="Mediation Desk", invariant=1,
            initialFontName=self.chain.primary)  # else an unembedded Helvetica is listed
        frame = Frame(left, bottom, self.width, self.pagesize[1] - top - bottom,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        doc.addPageTemplates([PageTemplate("page", [frame])])
        canvas = fl.numbered_canvas(self.chain, 12, max(bottom - 7 * mm - 12, 8 * mm))
        if stamp is not None:
            canvas = stamp(canvas)
        end = fl.EndMark()
        doc.build([*story, end], canvasmaker=canvas)
        if end.y is not None:
            self.last_page_fill = (self.pagesize[1] - top - end.y) / frame.height
        return buffer.getvalue()
