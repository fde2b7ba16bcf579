"""Fonts made at test time with fontTools, so font tests need no particular machine.

- :func:`box_font`: a tiny TrueType (or CFF) font whose glyphs are squares, for exactly the
  characters a test names — "a character no font has" is then a fact of the test, not of the
  machine; a face's names (SimSun / NSimSun / 宋体), style, outlines and embedding bits are
  whatever the test needs.
- :func:`collection`: a .ttc of such fonts (a stand-in for Windows' simsun.ttc).
- :func:`widened`: a full-coverage face with every advance widened (default 8 %), made from
  the bundled LXGW WenKai (OFL-1.1, which allows modified copies; it is renamed so it cannot
  be mistaken for the original): wider than SimSun or FangSong set anything, so a layout that
  holds in it holds in them. Written to a temporary folder, never committed.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont
from fontTools.ttLib.ttCollection import TTCollection

from mediation_desk.documents.fonts import bundled_font

#: What every document prints, so a box font can be the primary face of a real form.
COMMON = "人民调解协议书申请被当事年月日"


def _gb2312() -> str:
    chars = []
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                chars.append(bytes([high, low]).decode("gb2312"))
    return "".join(chars)


#: GB 2312 (6,763 hanzi and its symbols): what fontconfig and Qt ask of a font before they
#: count it as Simplified Chinese. It has none of 㛃 䶮 𠮷.
GB2312 = _gb2312()


def _square(pen: object, advance: int) -> None:
    pen.moveTo((50, -50))  # type: ignore[attr-defined]
    pen.lineTo((50, 750))  # type: ignore[attr-defined]
    pen.lineTo((advance - 50, 750))  # type: ignore[attr-defined]
    pen.lineTo((advance - 50, -50))  # type: ignore[attr-defined]
    pen.closePath()  # type: ignore[attr-defined]


def box_font(path: Path, family: str, chars: str = COMMON, *, style: str = "Regular",
             local_family: str = "", advance: int = 1000, cff: bool = False,
             fs_type: int = 0, chinese: bool = False, blank: str = "") -> Path:
    """A font with a square glyph for each of ``chars`` (plus .notdef and space); the
    characters in ``blank`` are mapped to glyphs that draw nothing (as AR PL UKai maps 䶮).
    ``chinese`` declares CJK coverage in OS/2 (Unicode range 59, code page GB 2312), as Qt
    asks before counting a family as Chinese."""
    order = [".notdef", "space"] + [f"u{ord(c):05X}" for c in dict.fromkeys(chars + blank)]
    cmap = {0x20: "space", **{ord(c): f"u{ord(c):05X}" for c in chars + blank}}
    empty = {"space", *(f"u{ord(c):05X}" for c in blank)}
    fb = FontBuilder(1000, isTTF=not cff)
    fb.setupGlyphOrder(order)
    fb.setupCharacterMap(cmap)
    widths = {name: (advance if name not in ("space",) else advance // 3, 50)
              for name in order}
    ps_name = family.replace(" ", "") + "-" + style.replace(" ", "")
    if cff:
        strings = {}
        for name in order:
            pen = T2CharStringPen(widths[name][0], None)
            if name not in empty:
                _square(pen, widths[name][0])
            strings[name] = pen.getCharString()
        fb.setupCFF(ps_name, {"FullName": f"{family} {style}"}, strings, {})
    else:
        glyphs = {}
        for name in order:
            pen = TTGlyphPen(None)
            if name not in empty:
                _square(pen, widths[name][0])
            glyphs[name] = pen.glyph()
        fb.setupGlyf(glyphs)
    fb.setupHorizontalMetrics(widths)
    fb.setupHorizontalHeader(ascent=880, descent=-120)
    family_names: object = {"en": family, "zh": local_family} if local_family else family
    fb.setupNameTable({"familyName": family_names, "styleName": style, "psName": ps_name})
    ranges = {"ulUnicodeRange2": 1 << (59 - 32), "ulCodePageRange1": 1 << 18} if chinese else {}
    fb.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880, usWinDescent=120,
                fsType=fs_type, **ranges)
    fb.setupPost()
    fb.save(str(path))
    return path


def collection(path: Path, fonts: Sequence[Path]) -> Path:
    """A TrueType collection of ``fonts``, in that order."""
    ttc = TTCollection()
    ttc.fonts = [TTFont(str(f)) for f in fonts]
    ttc.save(str(path))
    return path


def widened(path: Path, factor: float = 1.08, family: str = "MD Wide Test") -> Path:
    """The bundled LXGW WenKai with every advance width multiplied by ``factor``, renamed."""
    font = TTFont(bundled_font().path, lazy=True)
    metrics = font["hmtx"].metrics
    for glyph, (advance, lsb) in list(metrics.items()):
        metrics[glyph] = (round(advance * factor), lsb)
    font["hhea"].advanceWidthMax = max(a for a, _ in metrics.values())
    ps_name = family.replace(" ", "") + "-Regular"
    for record in font["name"].names:
        if record.nameID in (1, 4, 16):
            record.string = family
        elif record.nameID == 6:
            record.string = ps_name
        elif record.nameID == 3:
            record.string = f"{ps_name} (generated by the tests)"
    font.save(str(path))
    return path
