"""Chinese line breaking that keeps every line inside its measure.

Two rules of GB/T 15834 and of official documents, which reportlab's CJK wrapping gets half
right:

- A closing mark (，。、；：？！”）》…) never starts a line. reportlab's list of such marks is
  Japanese: the Chinese full-width ones are added below (a module global reportlab reads at
  call time, in both of its splitters).
- reportlab keeps such a mark off the next line by letting it *hang* past the right edge of
  the line. In running text that puts it in the margin; in a table cell it prints across the
  cell's rule. :class:`Para` instead pushes the character before the mark down with it (推出),
  so the line ends early and justification spreads the difference. Whether a mark hangs then
  depends on nothing but the text, not on the face's widths.

:func:`push_out_split` follows reportlab's ``cjkFragSplit`` (BSD licence) line for line except
at that one decision.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import textsplit as _textsplit
from reportlab.platypus import Paragraph
from reportlab.platypus import paragraph as _paragraph
from reportlab.rl_config import _FUZZ

_CANNOT_START = "，。、；：？！”’）》〉」』】〕…—·％"
for _module in (_paragraph, _textsplit):
    _module.ALL_CANNOT_START = "".join(dict.fromkeys(_module.ALL_CANNOT_START + _CANNOT_START))
CANNOT_START: str = _paragraph.ALL_CANNOT_START


def _back_to_break(units: list[Any], i: int, start: int) -> int:
    """Where the line must end when ``units[i]`` (a unit that overflowed) goes to the next
    line: before it, and before any closing marks just before it together with the character
    they follow, so that no mark starts the next line. ``start`` is the line's first unit; a
    line is never emptied (a line of nothing but marks keeps them)."""
    k = i
    while k > start + 1 and units[k] in CANNOT_START:
        k -= 1
    return k if units[k] not in CANNOT_START else i


def _width(u: Any, max_width: float) -> float:
    w = u.width
    if hasattr(w, "normalizedValue"):  # a width given as a share of the line
        w._normalizer = max_width
        w = w.normalizedValue(max_width)
    return float(w)


def push_out_split(frags: list[Any], max_widths: list[float], calc_bounds: bool) -> Any:
    """reportlab's ``cjkFragSplit`` with push-out instead of hanging punctuation."""
    units: list[Any] = []
    for f in frags:
        text = f.text.decode("utf8") if isinstance(f.text, bytes) else f.text
        if text:
            units.extend(_paragraph.cjkU(t, f, "utf8") for t in text)
        else:
            units.append(_paragraph.cjkU(text, f, "utf8"))
    lines = []
    i = start = 0
    width_used = 0.0
    max_width = max_widths[0]
    while i < len(units):
        u = units[i]
        i += 1
        width_used += _width(u, max_width)
        line_break = hasattr(u.frag, "lineBreak")
        if (width_used > max_width + _FUZZ and width_used > 0) or line_break:
            if not line_break:
                if ord(u) < 0x3000:  # inside a Latin word or number: break before it
                    limit = (start + i) >> 1
                    for j in range(i - 1, limit, -1):
                        uj = units[j]
                        if (uj and _paragraph.category(uj) == "Zs") or ord(uj) >= 0x3000:
                            if j + 1 < i:
                                i = j + 2
                            break
                if i > start + 1:
                    # units[i - 1] overflowed: it goes down, with what must go with it
                    i = _back_to_break(units, i - 1, start) if units[i - 1] in CANNOT_START \
                        else i - 1
                    i = max(i, start + 1)
            used = sum(_width(x, max_width) for x in units[start:i])
            lines.append(_paragraph.makeCJKParaLine(units[start:i], max_width, used,
                                                    max_width - used, line_break,
                                                    calc_bounds))
            max_width = max_widths[min(len(lines), len(max_widths) - 1)]
            start, width_used = i, 0.0
    if start < len(units):
        used = sum(_width(x, max_width) for x in units[start:])
        lines.append(_paragraph.makeCJKParaLine(units[start:], max_width, used,
                                                max_width - used, False, calc_bounds))
    return _paragraph.ParaLines(kind=1, lines=lines)


class Para(Paragraph):  # type: ignore[misc]
    """A Paragraph whose CJK lines never run past their width (see the module docstring)."""

    def breakLinesCJK(self, maxWidths: Any) -> Any:
        if not isinstance(maxWidths, (list, tuple)):
            maxWidths = [maxWidths]
        if not self.frags or (hasattr(self, "blPara") and getattr(self, "_splitpara", False)):
            return super().breakLinesCJK(maxWidths)
        frag = self.frags[0]
        if len(self.frags) == 1 and not hasattr(frag, "cbDefn") and not self.style.endDots:
            # One font and size (most paragraphs): reportlab's faster splitter, kept unless a
            # mark would hang (a line with negative room left)
            lines = super().breakLinesCJK(maxWidths)
            if all(extra >= -_FUZZ for extra, _ in lines.lines):
                return lines
            self.height = 0
        self.height = 0
        _paragraph._handleBulletWidth(self.bulletText, self.style, maxWidths)
        auto = getattr(self, "autoLeading", getattr(self.style, "autoLeading", ""))
        return push_out_split(self.frags, list(maxWidths), auto not in ("", "off"))
