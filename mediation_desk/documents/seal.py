"""The seal area: the committee's name and the date inside a dashed circle where the seal goes.

The seal is pressed over name and date (骑年盖月), so both must sit *inside* the circle, the
date on one line. The circle is the size of a committee's round seal (42 mm), so the room for
text is a chord of it, narrower the further a line is from the centre. Each line is therefore
measured in the faces that draw it and set at the largest size (up to the body size) whose
em box fits inside the circle; a committee name too long for one line even at the smallest
size is set on two ("…村" / "人民调解委员会"). Text is drawn run by run with the font chain, a
hand-fill gap (U+3000) as wide as paragraphs print it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from mediation_desk.documents import fitting
from mediation_desk.documents.flowables import GUIDE, INK
from mediation_desk.documents.fonts import FontChain

LABEL = "（人民调解委员会印章）"
SUFFIX = "人民调解委员会"
_PAD = 3.0  # pt kept clear of the circle at each end of a line
_GAP = 2.5  # pt between the centre line and the name above it / the date below it
_SMALLEST = 7.5


def _draw(canv: Canvas, chain: FontChain, text: str, size: float, cx: float,
          baseline: float) -> None:
    """``text`` centred on ``cx``, run by run in the chain's faces, U+3000 as the gap a
    paragraph prints (about one em, :func:`fitting.gap_width`)."""
    x = cx - fitting.width(chain, text, size) / 2
    for name, run in chain.runs(text):
        for i, piece in enumerate(run.split(fitting.IDEOGRAPHIC_SPACE)):
            if i:
                x += fitting.gap_width(chain, size)
            if piece:
                font = name or chain.primary
                canv.setFont(font, size)
                canv.drawString(x, baseline, piece)
                x += stringWidth(piece, font, size)


class SealArea(Flowable):  # type: ignore[misc]
    """Committee name, date and the guide label inside a dashed circle, all measured to fit."""

    def __init__(self, chain: FontChain, name: str, date: str, *, diameter: float = 42 * mm,
                 size: float = 14, width: float = 68 * mm) -> None:
        super().__init__()
        self.chain, self.name, self.date = chain, name, date
        self.diameter, self.size = diameter, size
        self.width = width
        self.height = diameter + 2 * mm
        self.descent = fitting.descent(chain)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = max(min(self.width, avail_width), self.diameter)
        return self.width, self.height

    # -- fitting ------------------------------------------------------------------------------
    def _room(self, far: float) -> float:
        """Usable width of a line whose em box reaches ``far`` points from the centre."""
        r = self.diameter / 2
        return 2 * math.sqrt(max(r * r - far * far, 0.0)) - 2 * _PAD

    def _fit(self, text: str, start: float, near: float, lines: int = 1,
             smallest: float = _SMALLEST) -> float | None:
        """The largest size ≤ ``start`` at which ``lines`` lines of which ``text`` is the
        widest fit, the block starting ``near`` points from the centre."""
        size = start
        while size >= smallest:
            far = near + size * (1 + 1.25 * (lines - 1))
            if fitting.width(self.chain, text, size) <= self._room(far):
                return size
            size = round(size - 0.25, 2)
        return None

    def name_lines(self) -> tuple[list[str], float]:
        """The committee name as one line, or two when one would be smaller than the floor."""
        size = self._fit(self.name, self.size, _GAP)
        if size is not None:
            return [self.name], size
        if self.name.endswith(SUFFIX) and len(self.name) > len(SUFFIX):
            parts = [self.name[:-len(SUFFIX)], SUFFIX]
        else:
            half = (len(self.name) + 1) // 2
            parts = [self.name[:half], self.name[half:]]
        widest = max(parts, key=lambda p: fitting.width(self.chain, p, 10))
        return parts, self._fit(widest, self.size, _GAP, 2) or _SMALLEST

    # -- drawing ------------------------------------------------------------------------------
    def draw(self) -> None:
        canv = self.canv
        cx, cy, r = self.width / 2, self.height / 2, self.diameter / 2
        canv.saveState()
        canv.setStrokeColor(GUIDE)
        canv.setLineWidth(0.6)
        canv.setDash(3, 2)
        canv.circle(cx, cy, r)
        canv.restoreState()
        d = self.descent
        canv.saveState()
        canv.setFillColor(INK)
        names, size = self.name_lines()
        bottom = cy + _GAP  # the em box of the lowest name line starts here
        for i, line in enumerate(reversed(names)):
            box_bottom = bottom + i * 1.25 * size
            _draw(canv, self.chain, line, size, cx, box_bottom - d * size)
        top = bottom + size * (1 + 1.25 * (len(names) - 1))
        date_size = self._fit(self.date, self.size, _GAP) or _SMALLEST
        _draw(canv, self.chain, self.date, date_size, cx, cy - _GAP - date_size - d * date_size)
        label_near = top + 2.5
        label_size = self._fit(LABEL, 8, label_near, smallest=5) or 5
        canv.setFillColor(GUIDE)
        _draw(canv, self.chain, LABEL, label_size, cx, label_near - d * label_size)
        canv.restoreState()


def seal_texts(name: str, date: str) -> Sequence[str]:
    """What the seal area prints, for checking every character has a font."""
    return (name, date, LABEL)
