"""A printed PDF read back as geometry: every character's box, every rule, box and circle.

Why geometry and not text: whether a layout holds under another font is a question of where
things landed — a name pushed over a cell's rule, 年 月 日 broken over two lines, the committee's
name outside the seal circle — and extracted text reads the same in all those cases. The boxes
come from the PDF itself (pdfminer.six: each character's advance width and em box in the font
that drew it, each stroked path), so the checks see what the paper shows, whichever font did
the drawing, and no bookkeeping of our own layout is trusted.

Each ``*_problems`` function returns readable findings (empty = fine), so a failing test says
what moved where on which page.
"""

from __future__ import annotations

import io
import itertools
import re
import subprocess
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar, LTCurve, LTFigure, LTLine, LTRect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from PIL import Image

MM = 72 / 25.4
TOL = 0.6  # pt: rounding of widths and positions; a real crossing is at least a stroke wide


@dataclass(frozen=True)
class Char:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    order: int  # position in the page's drawing order (a cell's text is drawn together)
    base: float  # the baseline (em boxes of two faces on one line differ by their descents)

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass(frozen=True)
class Segment:
    """A straight rule: horizontal (y0 == y1) or vertical (x0 == x1)."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def vertical(self) -> bool:
        return abs(self.x1 - self.x0) < 0.5


@dataclass(frozen=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float

    def holds(self, c: Char, tol: float = TOL) -> bool:
        return (c.x0 >= self.x0 - tol and c.x1 <= self.x1 + tol and c.y0 >= self.y0 - tol
                and c.y1 <= self.y1 + tol)


@dataclass(frozen=True)
class Circle:
    cx: float
    cy: float
    r: float

    def holds(self, c: Char, tol: float = TOL) -> bool:
        """All four corners of the character's box inside the circle."""
        return all((x - self.cx) ** 2 + (y - self.cy) ** 2 <= (self.r + tol) ** 2
                   for x in (c.x0, c.x1) for y in (c.y0, c.y1))


@dataclass
class Page:
    number: int  # 1-based
    width: float
    height: float
    chars: list[Char] = field(default_factory=list)
    rules: list[Segment] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)  # rectangles drawn as such (fingerprint)
    circles: list[Circle] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(c.text for c in self.chars)


def _walk(items: Iterable[object]) -> Iterable[object]:
    for item in items:
        if isinstance(item, LTFigure):
            yield from _walk(item)
        else:
            yield item


def read_pages(pdf: bytes) -> list[Page]:
    """Every page's characters (white space dropped) and drawn shapes, no layout analysis."""
    manager = PDFResourceManager()
    device = PDFPageAggregator(manager, laparams=None)
    interpreter = PDFPageInterpreter(manager, device)
    pages = []
    for number, pdf_page in enumerate(PDFPage.get_pages(io.BytesIO(pdf)), start=1):
        interpreter.process_page(pdf_page)
        layout = device.get_result()
        page = Page(number, layout.width, layout.height)
        for item in _walk(layout):
            if isinstance(item, LTChar):
                if item.get_text().strip():
                    page.chars.append(Char(item.get_text(), item.x0, item.y0, item.x1,
                                           item.y1, item.size, len(page.chars),
                                           item.matrix[5]))
            elif isinstance(item, LTLine):
                (ax, ay), (bx, by) = item.pts[0], item.pts[-1]
                if abs(ax - bx) < 0.5 or abs(ay - by) < 0.5:
                    page.rules.append(Segment(min(ax, bx), min(ay, by), max(ax, bx),
                                              max(ay, by)))
            elif isinstance(item, LTRect):
                box = Box(item.x0, item.y0, item.x1, item.y1)
                if box.x1 - box.x0 < 1 or box.y1 - box.y0 < 1:  # a rule drawn as a thin rect
                    page.rules.append(Segment(box.x0, box.y0, box.x1, box.y1))
                    continue
                page.boxes.append(box)
                page.rules += [Segment(box.x0, box.y0, box.x1, box.y0),
                               Segment(box.x0, box.y1, box.x1, box.y1),
                               Segment(box.x0, box.y0, box.x0, box.y1),
                               Segment(box.x1, box.y0, box.x1, box.y1)]
            elif isinstance(item, LTCurve):
                w, h = item.x1 - item.x0, item.y1 - item.y0
                if w > 10 and abs(w - h) < 1:
                    page.circles.append(Circle((item.x0 + item.x1) / 2,
                                               (item.y0 + item.y1) / 2, w / 2))
        pages.append(page)
    return pages


# -- checks -----------------------------------------------------------------------------------

def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return min(a1, b1) - max(a0, b0)


def frame_problems(page: Page, frame: Box) -> list[str]:
    """Characters outside the area text may use (the frame, and the footer band below it)."""
    return [f"p{page.number}: “{c.text}” outside the text area at ({c.x0:.1f}, {c.y0:.1f})"
            for c in page.chars if not frame.holds(c)]


def crossing_problems(page: Page) -> list[str]:
    """A rule (table grid, box edge, signature line) drawn through a character."""
    found = []
    for s in page.rules:
        for c in page.chars:
            if s.vertical:
                hit = (c.x0 + TOL < s.x0 < c.x1 - TOL
                       and _overlap(c.y0, c.y1, s.y0, s.y1) > c.size * 0.25)
            else:
                hit = (c.y0 + c.size * 0.15 < s.y0 < c.y1 - c.size * 0.15
                       and _overlap(c.x0, c.x1, s.x0, s.x1) > TOL)
            if hit:
                found.append(f"p{page.number}: rule at ({s.x0:.1f}, {s.y0:.1f})–({s.x1:.1f}, "
                             f"{s.y1:.1f}) crosses “{c.text}” ({c.x0:.1f}–{c.x1:.1f}, "
                             f"{c.y0:.1f}–{c.y1:.1f})")
    return found


def overlap_problems(page: Page) -> list[str]:
    """Two characters drawn over each other (more than rounding)."""
    found = []
    ordered = sorted(page.chars, key=lambda c: c.x0)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            if b.x0 >= a.x1 - TOL:
                break
            w = _overlap(a.x0, a.x1, b.x0, b.x1)
            h = _overlap(a.y0, a.y1, b.y0, b.y1)
            if w > TOL and h > min(a.size, b.size) * 0.2:
                found.append(f"p{page.number}: “{a.text}” and “{b.text}” overlap at "
                             f"({b.x0:.1f}, {b.y0:.1f})")
    return found


def cell_of(page: Page, c: Char) -> Box | None:
    """The ruled cell a character sits in: the nearest rules around its centre on all four
    sides (None outside any ruled area)."""
    left = right = bottom = top = None
    for s in page.rules:
        if s.vertical and s.y0 - TOL <= c.cy <= s.y1 + TOL:
            if s.x0 <= c.cx and (left is None or s.x0 > left):
                left = s.x0
            if s.x0 >= c.cx and (right is None or s.x0 < right):
                right = s.x0
        elif not s.vertical and s.x0 - TOL <= c.cx <= s.x1 + TOL:
            if s.y0 <= c.cy and (bottom is None or s.y0 > bottom):
                bottom = s.y0
            if s.y0 >= c.cy and (top is None or s.y0 < top):
                top = s.y0
    if None in (left, right, bottom, top):
        return None
    assert left is not None and right is not None and bottom is not None and top is not None
    return Box(left, bottom, right, top)


def cell_problems(page: Page) -> list[str]:
    """Every character in a ruled cell lies wholly inside it (its advance inside the side
    rules, its em box inside the top and bottom rules)."""
    found = []
    for c in page.chars:
        cell = cell_of(page, c)
        if cell is None:
            continue
        inner = Box(cell.x0, cell.y0 - c.size * 0.15, cell.x1, cell.y1 + c.size * 0.15)
        if not inner.holds(c):
            found.append(f"p{page.number}: “{c.text}” leaves its cell ({cell.x0:.1f}–"
                         f"{cell.x1:.1f}, {cell.y0:.1f}–{cell.y1:.1f}) at ({c.x0:.1f}–"
                         f"{c.x1:.1f}, {c.y0:.1f}–{c.y1:.1f})")
    return found


def lines(chars: Sequence[Char], gap: float = 1.5) -> list[list[Char]]:
    """Characters grouped into printed lines: one baseline, no gap wider than ``gap`` ems
    (two columns on one baseline are two lines)."""
    rows: dict[float, list[Char]] = {}
    for c in sorted(chars, key=lambda c: (-round(c.base, 0), c.x0)):
        for y in rows:
            if abs(y - c.base) < 1:
                rows[y].append(c)
                break
        else:
            rows[c.base] = [c]
    out = []
    for row in rows.values():
        row.sort(key=lambda c: c.x0)
        current = [row[0]]
        for c in row[1:]:
            if c.x0 - current[-1].x1 > gap * c.size:
                out.append(current)
                current = [c]
            else:
                current.append(c)
        out.append(current)
    return out


def split_names(chars: Sequence[Char], names: Iterable[str]) -> list[str]:
    """Names that the drawing order holds but no printed line does: broken over two lines.

    The drawing order keeps a cell's text together, so a name wrapped inside a cell is found
    in the order but in no single line."""
    ordered = "".join(c.text for c in sorted(chars, key=lambda c: c.order))
    printed = [("".join(c.text for c in line)) for line in lines(chars)]
    found = []
    for name in dict.fromkeys(names):
        drawn = ordered.count(name)
        whole = sum(line.count(name) for line in printed)
        if whole < drawn:
            found.append(f"“{name}” broken over lines ({drawn - whole} of {drawn})")
    return found


DATE = r"(\d{4})?年\d{0,2}月\d{0,2}日"  # "2026年3月2日", or "年月日" left blank to fill in


def broken_names(chars: Sequence[Char], names: Iterable[str], right: float,
                 patterns: Iterable[str] = (DATE,)) -> list[str]:
    """Names (and dates: ``patterns``) broken over two lines anywhere but at the end of a full
    line of running text.

    A paragraph as wide as the page may wrap inside a name, as any Chinese text wraps where
    the line is full; a label, a signature line, a date to fill in or a caption may not. So a
    break is allowed only where the first part's line reaches ``right`` (the text frame's
    right edge) within two and a half ems: reportlab justifies Chinese lines only at spaces,
    so a full line may end up to an em short, and one more when a closing mark pushed a
    character down."""
    ordered = sorted(chars, key=lambda c: c.order)
    text = "".join(c.text for c in ordered)
    wanted = [re.escape(n) for n in dict.fromkeys(names)] + list(patterns)
    found = []
    for pattern in wanted:
        for match in re.finditer(pattern, text):
            part = ordered[match.start():match.end()]
            for a, b in itertools.pairwise(part):
                if abs(a.base - b.base) >= 1:  # broken between a and b
                    line_end = max(c.x1 for c in ordered if abs(c.base - a.base) < 1
                                   and c.x0 >= a.x0)
                    if line_end < right - 2.5 * a.size:
                        found.append(f"“{match.group()}” broken after “{a.text}” at "
                                     f"({a.x1:.1f}, {a.base:.1f}), far from the line's end")
                    break
    return found


def text_in(chars: Sequence[Char]) -> str:
    return "".join(c.text for c in sorted(chars, key=lambda c: c.order))


def find_line(chars: Sequence[Char], pattern: str) -> list[Char] | None:
    """The printed line whose text matches ``pattern`` (a regex), or None."""
    for line in lines(chars, gap=6):
        if re.search(pattern, "".join(c.text for c in line)):
            return line
    return None


def inkless(pdf: bytes, pages: Sequence[Page], wanted: str, dpi: int = 100) -> list[str]:
    """Characters of ``wanted`` whose box has no ink on the rendered page: a glyph the font
    maps but draws empty (a silent blank, which no text extraction shows)."""
    found = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.pdf"
        path.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", str(path), str(Path(folder) / "p")],
                       check=True)
        images = sorted(Path(folder).glob("p-*.pgm"))
        for page, image_path in zip(pages, images, strict=True):
            image = Image.open(image_path)
            scale = dpi / 72
            for c in page.chars:
                if c.text not in wanted:
                    continue
                inset = (c.x1 - c.x0) * 0.1
                box = (int((c.x0 + inset) * scale), int((page.height - c.y1) * scale),
                       int((c.x1 - inset) * scale) + 1, int((page.height - c.y0) * scale) + 1)
                if image.crop(box).getextrema()[0] > 160:  # nothing darker than light grey
                    found.append(f"p{page.number}: “{c.text}” prints blank at ({c.x0:.1f}, "
                                 f"{c.y0:.1f})")
    return found
