"""The few reportlab pieces the stock library lacks: a faux-bold wrapper (every system has a
regular Chinese face, few have a bold one), the fingerprint box, a drawn signing line, section
marks and a canvas that writes "第 x 页 共 y 页" once the total is known (the seal area has its
own module, seal.py).

Form modules do not use these directly; :class:`mediation_desk.documents.layout.Kit` hands them
out ready-styled.
"""

from __future__ import annotations

import itertools
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from mediation_desk.documents.fonts import FontChain

INK = colors.black
GUIDE = colors.Color(0.45, 0.45, 0.45)  # printed guides (box labels, seal circle)
_serials = itertools.count(1)
Section = tuple[int, str, bool]  # (serial, key, numbered)


class FauxBold(Flowable):  # type: ignore[misc]
    """Draws a paragraph with fill+stroke text (PDF render mode 2): bold from a regular face.

    Why: the fallback chain mixes faces per character, and a real bold face exists for few of
    them; stroking the outlines thickens every glyph alike, whatever font drew it.
    """

    def __init__(self, para: Paragraph, weight: float = 0.035) -> None:
        super().__init__()
        self.para = para
        self.weight = weight
        self.keepWithNext = getattr(para.style, "keepWithNext", 0)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        w, h = self.para.wrap(avail_width, avail_height)
        self.width, self.height = w, h
        return w, h

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return [FauxBold(p, self.weight) for p in self.para.split(avail_width, avail_height)]

    def getSpaceBefore(self) -> float:
        return float(self.para.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.para.getSpaceAfter())

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setStrokeColor(INK)
        canv.setLineWidth(self.para.style.fontSize * self.weight)
        canv._code.append("2 Tr")  # text state lives in the graphics state: reset by restore
        self.para.drawOn(canv, 0, 0)
        canv.restoreState()


class LeadIn(Flowable):  # type: ignore[misc]
    """A paragraph opened by a bold run-in heading: "一、争议事项：被申请人是否……".

    reportlab cannot stroke part of a paragraph, so the body is laid out with its first line
    indented by the heading's width and the heading is drawn, faux bold, into that gap on the
    same baseline. Splits like the body paragraph; the heading stays on the first part.
    """

    def __init__(self, heading: Paragraph, body: Paragraph, x: float) -> None:
        super().__init__()
        self.heading, self.body, self.x = heading, body, x

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = self.body.wrap(avail_width, avail_height)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        parts = self.body.split(avail_width, avail_height)
        if not parts:
            return []
        return [LeadIn(self.heading, parts[0], self.x), *parts[1:]]

    def getSpaceBefore(self) -> float:
        return float(self.body.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.body.getSpaceAfter())

    def draw(self) -> None:
        self.body.drawOn(self.canv, 0, 0)
        _, h = self.heading.wrap(self.width, self.height)
        FauxBold(self.heading).drawOn(self.canv, self.x, self.height - h)


class MinHeight(Flowable):  # type: ignore[misc]
    """A flowable at least ``height`` tall, its content at the top: space for handwriting."""

    def __init__(self, content: Flowable, height: float) -> None:
        super().__init__()
        self.content, self.min_height = content, height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        w, h = self.content.wrap(avail_width, avail_height)
        self.content_height = h
        self.width, self.height = w, max(h, self.min_height)
        return self.width, self.height

    def draw(self) -> None:
        self.content.drawOn(self.canv, 0, self.height - self.content_height)


class EndMark(Flowable):  # type: ignore[misc]
    """Zero-size, last in a story: records how far down the last page the text reached."""

    def __init__(self) -> None:
        super().__init__()
        self.width = self.height = 0
        self.y: float | None = None  # absolute height of the end of the text, points

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.y = float(self.canv.absolutePosition(0, 0)[1])


class SectionMark(Flowable):  # type: ignore[misc]
    """Starts a numbering section: the pages from here on count "第 x 页 共 y 页" among
    themselves (each form of a dossier is numbered on its own). ``numbered=False`` leaves the
    section's pages without a footer (a cover).

    Put it first on a fresh page (after a PageBreak): the page it is drawn on belongs to it.
    """

    def __init__(self, key: str, numbered: bool = True) -> None:
        super().__init__()
        self.section: Section = (next(_serials), key, numbered)
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.md_section = self.section


class FingerprintBox(Flowable):  # type: ignore[misc]
    """A square for a party's fingerprint (按指印), its label printed small inside."""

    def __init__(self, label: Paragraph, size: float = 20 * mm) -> None:
        super().__init__()
        self.label = label
        self.width = self.height = size

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setStrokeColor(GUIDE)
        canv.setLineWidth(0.6)
        canv.rect(0, 0, self.width, self.height)
        _, h = self.label.wrap(self.width, self.height)
        self.label.drawOn(canv, 0, 1.5 * mm)
        canv.restoreState()
        del h


class Rule(Flowable):  # type: ignore[misc]
    """A line to sign or write on, ``width`` long: drawn, not typed as underscores, so its
    length does not depend on the face's "_"."""

    def __init__(self, width: float) -> None:
        super().__init__()
        self.width, self.height = width, 1.0

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setLineWidth(0.6)
        self.canv.line(0, 0, self.width, 0)
        self.canv.restoreState()


def _draw_words(canv: Canvas, chain: FontChain, text: str, size: float, x_centre: float,
                y: float) -> None:
    """Centred text drawn word by word with em-half gaps: the gaps are positions, not space
    glyphs, so text extraction reads "第 1 页 共 3 页" with its spaces."""
    gap = size / 2
    words = [[(name or chain.primary, run) for name, run in chain.runs(word)]
             for word in text.split()]
    total = sum(stringWidth(run, name, size) for word in words for name, run in word)
    x = x_centre - (total + gap * (len(words) - 1)) / 2
    for word in words:
        for name, run in word:
            canv.setFont(name, size)
            canv.drawString(x, y, run)
            x += stringWidth(run, name, size)
        x += gap


def numbered_canvas(chain: FontChain, size: float, y: float) -> type[Canvas]:
    """A canvas class that holds every page until the end, then writes "第 x 页 共 y 页"
    centred at height ``y`` on each (per numbering section)."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.md_pages: list[dict[str, Any]] = []
            self.md_section: Section = (0, "", True)

        def showPage(self) -> None:
            self.md_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            sections = [page["md_section"] for page in self.md_pages]
            totals: dict[Section, int] = {}
            for s in sections:
                totals[s] = totals.get(s, 0) + 1
            seen: dict[Section, int] = {}
            for state, section in zip(self.md_pages, sections, strict=True):
                self.__dict__.update(state)
                seen[section] = seen.get(section, 0) + 1
                if section[2]:
                    text = f"第 {seen[section]} 页 共 {totals[section]} 页"
                    _draw_words(self, chain, text, size, self._pagesize[0] / 2, y)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas
