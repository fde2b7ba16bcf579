"""Measuring text in the faces that will draw it, and finding the size at which it fits a box.

Why: a room's font decides the widths. Chinese characters are one em in every face, but
digits, Latin letters, spaces and punctuation are not (an 18-digit ID number is 108 pt in AR PL
UMing and 130 pt in LXGW WenKai at 12 pt; a space is 0.26 em in WenQuanYi Micro Hei and 0.5 em
in UMing), and a room may configure a face wider than any of those. A layout that fits in one
face overflows its cell, breaks a party's name over two lines or pushes the date out of the
seal in another. So every fixed box (a table cell, a signature cell, the seal circle) is
filled by measuring the text with ``stringWidth`` in each run's face and shrinking — or, past
a floor, wrapping — to fit. Nothing here knows a particular font.
"""

from __future__ import annotations

import math
import re

from reportlab.pdfbase.pdfmetrics import getFont, stringWidth

from mediation_desk.documents.fonts import FontChain

#: Runs reportlab will not break inside a line: Latin words, numbers, codes ("0595-23451888").
_TOKEN = re.compile(r"[!-~\u00a0-\u02ff]+")
IDEOGRAPHIC_SPACE = "\u3000"


def width(chain: FontChain, text: str, size: float) -> float:
    """Width in points of ``text`` on one line at ``size``, each run in the face that draws it;
    an ideographic space (a hand-fill gap) as wide as :func:`gap` prints it."""
    total = 0.0
    for name, run in chain.runs(text.replace("\n", "")):
        gaps = run.count(IDEOGRAPHIC_SPACE)
        if gaps:
            total += gaps * gap_width(chain, size)
            run = run.replace(IDEOGRAPHIC_SPACE, "")
        total += stringWidth(run, name or chain.primary, size)
    return total


def fit_size(chain: FontChain, text: str, size: float, room: float,
             smallest: float) -> float | None:
    """The largest size ≤ ``size`` (in 0.1 pt steps) at which ``text`` fits ``room`` points on
    one line; None when even ``smallest`` does not fit. Width is linear in size, so one
    measurement suffices."""
    full = width(chain, text, size)
    if full <= room:
        return size
    fitted = math.floor(size * room / full * 10) / 10
    return fitted if fitted >= smallest else None


def longest_token(chain: FontChain, text: str, size: float) -> float:
    """Width of the widest run that cannot be broken across lines (a number, a code, a Latin
    word); 0 when the text is all Chinese. A cell narrower than this overflows its rules."""
    return max((width(chain, t, size) for t in _TOKEN.findall(text)), default=0.0)


def _gap_font(chain: FontChain) -> tuple[str, int]:
    """The face that prints the gap's no-break spaces, and how many make about one em."""
    name = chain.font_for("\xa0") or chain.primary
    space = getFont(name).stringWidth("\xa0", 1000)
    return name, max(1, round(1000 / space)) if space > 0 else 3


def gap(chain: FontChain) -> str:
    """A hand-fill gap of about one em as paragraph text.

    reportlab collapses every space in a paragraph, U+3000 included, so a gap such as the one
    in "　　年　　月　　日" is printed as no-break spaces; their width is the face's, 0.25–0.5 em
    depending on the font, so the count is chosen per face to come nearest one em."""
    return "\xa0" * _gap_font(chain)[1]


def gap_width(chain: FontChain, size: float) -> float:
    """The width :func:`gap` prints at ``size`` (within a quarter em of one em)."""
    name, count = _gap_font(chain)
    return float(count * stringWidth("\xa0", name, size))


def descent(chain: FontChain) -> float:
    """The primary face's descent as a fraction of the size (negative): where a line's em box
    starts below its baseline."""
    face = getFont(chain.primary).face
    return float(face.descent) / 1000
