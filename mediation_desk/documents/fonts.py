"""Which font draws which character on a printed form (architecture.md §4).

Why this module exists: reportlab prints a character the current font lacks as a *silent
blank*. On an agreement that is a party's name with a hole in it, which a court may reject and
a party may dispute. So every text goes through a :class:`FontChain`: the room's configured font,
then the system's FangSong/SimSun/KaiTi (Windows) or fontconfig's Chinese TrueType fonts (Linux),
then the bundled LXGW WenKai. Each character is drawn by the first font whose cmap has it; a
character in no font at all is collected and the whole document refused with
:class:`UnprintableCharacters`, naming every such character (the real case: private-use
"自造字" U+E000–U+F8FF that some population registers use for rare names).

Never STSong-Light or any CID font: reportlab does not embed them, so they print as boxes on a
machine without the font. Only TrueType outlines (.ttf/.ttc) are used; CFF fonts (.otf, Noto
CJK) make reportlab raise "postscript outlines are not supported", so they are skipped.

Faces are loaded lazily (a face is opened only when an earlier one lacks a character) and
cached process-wide, with their pdfmetrics registration: a warm build pays nothing for fonts.

Known reportlab bug, not fought here: characters outside the BMP (𠮷 U+20BB7) are drawn with
the right glyph, but their ToUnicode entry is wrong, so copying or searching the PDF yields a
different character. The paper is right; text extraction of such characters is not.

reportlab is imported only inside functions: importing this module must stay cheap, because the
window imports ``mediation_desk.documents`` at start-up.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mediation_desk.errors import Problem, ValidationError
from mediation_desk.paths import resources_dir

BUNDLED_FONT = "LXGWWenKai-Regular.ttf"
PRIVATE_USE = range(0xE000, 0xF900)
#: Windows system fonts by role, in preference order (file, subfont index).
_WINDOWS = {
    "body": (("simfang.ttf", 0), ("simsun.ttc", 0), ("simkai.ttf", 0)),
    "title": (("simsun.ttc", 0), ("simfang.ttf", 0), ("simkai.ttf", 0)),
}
#: How many fontconfig faces to consider: each costs ~50 ms to open, only when needed.
_MAX_FONTCONFIG = 6
#: Characters dropped before printing: variation selectors and zero-width marks carry no glyph
#: of their own (the base character prints), and would otherwise be refused as unprintable.
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\ufe00-\ufe0f\U000e0100-\U000e01ef]")


class UnprintableCharacters(ValidationError):
    """Some characters are in no available font: the document is refused, not printed with holes.

    ``characters`` lists each distinct character once, in order of first appearance. Each
    problem's reason names the character and its code point, e.g.
    ``无法打印的字符：“\\ue000”（U+E000）``, plus where it appears and what to do.
    """

    def __init__(self, characters: Sequence[str], record: str = "",
                 where: dict[str, str] | None = None) -> None:
        self.characters: tuple[str, ...] = tuple(dict.fromkeys(characters))
        where = where or {}
        problems = []
        for ch in self.characters:
            reason = f"无法打印的字符：“{ch}”（U+{ord(ch):04X}）"
            if ch in where:
                reason += f"，见“{where[ch]}”"
            if ord(ch) in PRIVATE_USE:
                reason += "；这是私用区自造字，请在设置中配置含此字的字体，或改用规范汉字"
            else:
                reason += "；所有可用字体都没有此字形，请配置含此字的字体"
            problems.append(Problem(record, "", reason))
        super().__init__(problems)


@dataclass(frozen=True)
class FontSource:
    """A font file and, for a .ttc collection, which face in it."""

    path: str
    subfont: int = 0

    @property
    def key(self) -> tuple[str, int]:
        """Identity for de-duplication: the same file installed twice (system LXGW WenKai and
        the bundled copy) is opened once."""
        try:
            size = os.path.getsize(self.path)
        except OSError:
            size = -1
        return (f"{Path(self.path).name.lower()}:{size}", self.subfont)


@dataclass(frozen=True)
class _Face:
    name: str  # the pdfmetrics name
    source: FontSource
    cmap: dict[int, int]


_lock = threading.RLock()
_faces: dict[tuple[str, int], _Face | None] = {}  # None: the file could not be used
_chains: dict[tuple[Any, ...], FontChain] = {}
_override: tuple[FontSource, ...] | None = None


def _load(source: FontSource) -> _Face | None:
    """Open and register one face, once per process; None if reportlab cannot use it."""
    with _lock:
        if source.key in _faces:
            return _faces[source.key]
        face: _Face | None = None
        try:
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont

            stem = re.sub(r"[^A-Za-z0-9]", "", Path(source.path).stem)[:24] or "font"
            name = f"MD{len(_faces)}-{stem}-{source.subfont}"
            font = TTFont(name, source.path, subfontIndex=source.subfont)
            pdfmetrics.registerFont(font)
            face = _Face(name, source, font.face.charToGlyph)
        except Exception:
            face = None
        _faces[source.key] = face
        return face


def font_problem(path: str) -> str:
    """Why a font file cannot be the room's font ("" when it can): for the settings page,
    which should refuse a font the chain would silently skip."""
    file, _, index = path.partition("#")
    if not os.path.isfile(file):
        return "字体文件不存在"
    try:
        from reportlab.pdfbase.ttfonts import TTFont

        TTFont("MDprobe", file, subfontIndex=int(index) if index.isdigit() else 0)
    except Exception as exc:
        if "postscript outlines" in str(exc).lower():
            return "该字体为 PostScript（CFF）轮廓，无法嵌入，请选用 TrueType 字体（.ttf/.ttc）"
        return f"无法读取该字体文件：{exc}"
    return ""


def _windows_sources(role: str) -> list[FontSource]:
    folder = Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts"
    return [FontSource(str(folder / name), index) for name, index in _WINDOWS[role]
            if (folder / name).is_file()]


def _fontconfig_rank(family: str, style: str, role: str) -> tuple[int, int]:
    f = family.lower()
    if "fangsong" in f or "仿宋" in f:
        kind = 0 if role == "body" else 1
    elif any(w in f for w in ("song", "宋", "simsun", "sun-ext", "ming", "明", "serif")):
        kind = 1 if role == "body" else 0
    elif "kai" in f or "楷" in f:
        kind = 2
    else:  # sans, hei, fallback fonts: last resort for rare characters
        kind = 5
    s = style.lower()
    weight = 0 if ("regular" in s or "book" in s or "normal" in s) and "light" not in s else 2
    if "mono" in f:
        weight += 1
    return (kind, weight)


def _fontconfig_sources(role: str) -> list[FontSource]:
    """Chinese TrueType faces fontconfig knows, FangSong/Song first, sans fallbacks last."""
    if not shutil.which("fc-list"):
        return []
    try:
        out = subprocess.run(
            ["fc-list", ":lang=zh", "--format", "%{file}|%{index}|%{family}|%{style}\n"],
            capture_output=True, text=True, timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    found = []
    for line in out.splitlines():
        parts = line.split("|")
        if len(parts) != 4 or not parts[0].lower().endswith((".ttf", ".ttc")):
            continue
        path, index, family, style = parts
        found.append((_fontconfig_rank(family, style, role), path,
                      int(index) if index.isdigit() else 0))
    found.sort()
    return [FontSource(path, index) for _, path, index in found[:_MAX_FONTCONFIG]]


def bundled_font() -> FontSource:
    """The LXGW WenKai shipped in resources/fonts (OFL-1.1; licence beside it)."""
    return FontSource(str(resources_dir() / "fonts" / BUNDLED_FONT))


def default_sources(room_font: str = "", role: str = "body") -> list[FontSource]:
    """The chain in order: room font → system fonts → bundled font, duplicates removed."""
    sources: list[FontSource] = []
    if room_font:
        path, _, index = room_font.partition("#")  # "simsun.ttc#1" picks a face of a .ttc
        sources.append(FontSource(path, int(index) if index.isdigit() else 0))
    if sys.platform == "win32":
        sources += _windows_sources(role)
    elif sys.platform != "darwin":  # macOS Songti/PingFang are CFF or .ttc of CFF: skip
        sources += _fontconfig_sources(role)
    sources.append(bundled_font())
    unique: dict[tuple[str, int], FontSource] = {}
    for s in sources:
        unique.setdefault(s.key, s)
    return list(unique.values())


class FontChain:
    """An ordered list of faces; knows which face draws each character.

    Cheap to query once warm: a character costs a dict look-up per face tried.
    """

    def __init__(self, sources: Sequence[FontSource]) -> None:
        self.sources = tuple(sources)
        self._loaded: list[_Face] = []
        self._next = 0  # index into sources of the next face to open
        self._by_char: dict[str, str | None] = {}

    def _face(self, index: int) -> _Face | None:
        """The index-th usable face, opening more faces as needed."""
        with _lock:
            while len(self._loaded) <= index and self._next < len(self.sources):
                face = _load(self.sources[self._next])
                self._next += 1
                if face is not None:
                    self._loaded.append(face)
            return self._loaded[index] if index < len(self._loaded) else None

    @property
    def primary(self) -> str:
        """The pdfmetrics name of the first usable face (the paragraph styles' font)."""
        face = self._face(0)
        if face is None:
            raise ValidationError(Problem(
                "打印", "字体", "没有可用的中文字体：随附的霞鹜文楷字体文件缺失或无法读取"))
        return face.name

    def font_for(self, ch: str) -> str | None:
        """The name of the first face that has ``ch``; None if no face has it."""
        try:
            return self._by_char[ch]
        except KeyError:
            pass
        if ch == "\n":  # a line break, not a glyph
            self._by_char[ch] = self.primary
            return self.primary
        code, index, found = ord(ch), 0, None
        while (face := self._face(index)) is not None:
            if code in face.cmap:
                found = face.name
                break
            index += 1
        self._by_char[ch] = found
        return found

    def runs(self, text: str) -> Iterator[tuple[str | None, str]]:
        """Split ``text`` into (font name, run) pieces; font None marks unprintable runs."""
        text = clean(text)
        start, current = 0, None
        for i, ch in enumerate(text):
            name = self.font_for(ch)
            if i and name != current:
                yield current, text[start:i]
                start = i
            current = name
        if text:
            yield current, text[start:]

    def missing(self, text: str) -> list[str]:
        """The characters of ``text`` no face can draw, each once."""
        return list(dict.fromkeys(ch for ch in clean(text) if self.font_for(ch) is None))

    def used_fonts(self) -> list[str]:
        return [f.name for f in self._loaded]


def clean(text: str) -> str:
    """Text as it will be printed: tabs as spaces, control characters and invisible marks
    (variation selectors, zero-width joiners) dropped. Newlines are kept for the caller."""
    text = _INVISIBLE.sub("", text.replace("\t", "    ").replace("\r\n", "\n"))
    return "".join(ch for ch in text if ch == "\n" or (ch >= " " and ch != "\x7f"))


def chain_for(room_font: str = "", role: str = "body") -> FontChain:
    """The process-wide chain for a room's font setting and a role ("body" or "title")."""
    key = (room_font, role, _override)
    with _lock:
        chain = _chains.get(key)
        if chain is None:
            sources = list(_override) if _override is not None else default_sources(
                room_font, role)
            chain = _chains[key] = FontChain(sources)
        return chain


@contextmanager
def forced_chain(paths: Sequence[str | Path | FontSource]) -> Iterator[FontChain]:
    """Use exactly these fonts (in order) for every document built inside the block.

    For tests of fallback and refusal that must not depend on the machine's fonts, and for a
    settings page that previews a chosen font.
    """
    global _override
    sources = tuple(p if isinstance(p, FontSource) else FontSource(str(p)) for p in paths)
    with _lock:
        previous, _override = _override, sources
    try:
        yield chain_for()
    finally:
        with _lock:
            _override = previous
