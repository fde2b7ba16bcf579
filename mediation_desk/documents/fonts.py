"""Which font draws which character on a printed form (architecture.md §4).

Why this module exists: reportlab prints a character the current font lacks as a *silent
blank*. On an agreement that is a party's name with a hole in it, which a court may reject and
a party may dispute. So every text goes through a :class:`FontChain`: the room's configured font,
then the system's FangSong/SimSun/KaiTi (Windows) or fontconfig's Chinese TrueType fonts (Linux),
then the bundled LXGW WenKai. Each character is drawn by the first font that has it — in its
character map *and* with an outline: some fonts map rare characters to empty glyphs
(:func:`font_files.blank_glyphs`), which would print as the same silent blank. A character in
no font at all is collected and the whole document refused with
:class:`UnprintableCharacters`, naming every such character (the real case: private-use
"自造字" U+E000–U+F8FF that some population registers use for rare names).

Never STSong-Light or any CID font: reportlab does not embed them, so they print as boxes on a
machine without the font. Only TrueType outlines are used; CFF fonts (.otf, and the .ttc of Noto
CJK) make reportlab raise "postscript outlines are not supported": the automatic chain skips
them by their table directory (:mod:`font_files`), and :func:`font_problem` gives the room the
reason when it chooses one. In a TrueType *collection* (.ttc) the face is chosen by its name
table (simsun.ttc: SimSun, not NSimSun; uming.ttc: the CN face), or given as "file.ttc#1".

Where system fonts come from is a :data:`Discovery` (:mod:`system_fonts`: Windows' font folders,
fontconfig on Linux), replaceable with :func:`use_discovery`, so tests decide what the machine
has, and test the Windows branch on Linux.

Faces are loaded lazily (a face is opened only when an earlier one lacks a character) and
cached process-wide, with their pdfmetrics registration: a warm build pays nothing for fonts.

Known reportlab bug, not fought here: characters outside the BMP (𠮷 U+20BB7) are drawn with
the right glyph, but their ToUnicode entry is wrong, so copying or searching the PDF yields a
different character. The paper is right; text extraction of such characters is not.

reportlab is imported only inside functions: importing this module must stay cheap, because the
window imports ``mediation_desk.documents`` at start-up.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mediation_desk.documents.font_files import (
    FaceInfo,
    FontFileError,
    FontSource,
    best_face,
    blank_glyphs,
    read_faces,
)
from mediation_desk.documents.system_fonts import (
    parse_fc_list,
    system_fonts,
    windows_font_folders,
    windows_fonts,
)
from mediation_desk.errors import Problem, ValidationError
from mediation_desk.paths import resources_dir

BUNDLED_FONT = "LXGWWenKai-Regular.ttf"
PRIVATE_USE = range(0xE000, 0xF900)
#: Characters every document prints: a font without them is not a Chinese font.
_PROBE = "人民调解协议书申请被当事年月日"
#: Characters dropped before printing: variation selectors and zero-width marks carry no glyph
#: of their own (the base character prints), and would otherwise be refused as unprintable.
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\ufe00-\ufe0f\U000e0100-\U000e01ef]")
_CFF_REASON = ("该字体为 PostScript（CFF）轮廓的 OpenType 字体（如 Noto/思源 CJK），无法嵌入 PDF，"
               "请选用 TrueType 字体（.ttf/.ttc，如宋体 simsun.ttc、仿宋 simfang.ttf）")


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
class _Face:
    name: str  # the pdfmetrics name
    source: FontSource
    cmap: dict[int, int]


#: Where system fonts come from: role ("body" or "title") -> faces in preference order.
Discovery = Callable[[str], list[FontSource]]

_lock = threading.RLock()
_faces: dict[tuple[str, int], _Face | None] = {}  # None: the file could not be used
_chains: dict[tuple[Any, ...], FontChain] = {}
_override: tuple[FontSource, ...] | None = None


def _load(source: FontSource) -> _Face | None:
    """Open and register one face, once per process; None if reportlab cannot use it
    (checked first from the file's tables, so a CFF font costs no parse). Characters the face
    maps to an empty glyph count as missing from it (:func:`blank_glyphs`)."""
    with _lock:
        if source.key in _faces:
            return _faces[source.key]
        face: _Face | None = None
        try:
            info = read_faces(source.path)[source.subfont]
            if info.embeddable:
                from reportlab.pdfbase import pdfmetrics
                from reportlab.pdfbase.ttfonts import TTFont

                stem = re.sub(r"[^A-Za-z0-9]", "", Path(source.path).stem)[:24] or "font"
                name = f"MD{len(_faces)}-{stem}-{source.subfont}"
                font = TTFont(name, source.path, subfontIndex=source.subfont)
                pdfmetrics.registerFont(font)
                blank = blank_glyphs(source.path, source.subfont)
                cmap = {code: glyph for code, glyph in font.face.charToGlyph.items()
                        if glyph not in blank or _draws_nothing(code)}
                face = _Face(name, source, cmap)
        except Exception:
            face = None
        _faces[source.key] = face
        return face


def _draws_nothing(code: int) -> bool:
    """Spaces and format characters: an empty glyph is their right glyph."""
    return unicodedata.category(chr(code)) in ("Zs", "Zl", "Zp", "Cc", "Cf")


def parse_font_setting(setting: str, role: str = "body") -> FontSource:
    """A room's font setting as a source: "path" or "path#index" (a face of a .ttc). Without
    an index, a collection's face is chosen by its name table (SimSun before NSimSun)."""
    path, _, index = setting.partition("#")
    if index.isdigit():
        return FontSource(path, int(index))
    try:
        best = best_face(read_faces(path), role)
    except FontFileError:
        best = None
    return FontSource(path, best.index if best else 0)


def font_problem(setting: str) -> str:
    """Why a font setting cannot be the room's font ("" when it can), in Chinese: for the
    settings page and ``settings documents --font``, which refuse a font the chain would
    otherwise skip without a word (printing in another font than the room chose)."""
    path, _, index = setting.strip().partition("#")
    if not path:
        return ""
    try:
        faces = read_faces(path)
    except FontFileError as exc:
        return exc.reason
    if index:
        if not index.isdigit() or int(index) >= len(faces):
            return (f"字体集中没有编号为“{index}”的字体（该文件共{len(faces)}个字体，"
                    f"编号0–{len(faces) - 1}）")
        face: FaceInfo | None = faces[int(index)]
    else:
        face = best_face(faces) or faces[0]
    assert face is not None
    if face.outlines == "cff":
        return _CFF_REASON
    if face.outlines != "truetype":
        return "该字体没有矢量字形（点阵字体），无法用于打印"
    if face.licence_forbids_embedding:
        return "该字体的授权不允许嵌入文件（打印出的 PDF 须带上字体才能在别的电脑上正确显示），请改用其他字体"
    try:
        from reportlab.pdfbase.ttfonts import TTFont

        font = TTFont("MDprobe", path, subfontIndex=face.index)
    except Exception as exc:
        text = str(exc).lower()
        if "postscript outlines" in text:
            return _CFF_REASON
        return f"无法读取该字体文件：{exc}"
    lacking = [ch for ch in _PROBE if ord(ch) not in font.face.charToGlyph]
    if lacking:
        return f"该字体不含常用汉字（如“{lacking[0]}”），不能作为文书字体"
    return ""


__all__ = ["FontChain", "FontSource", "UnprintableCharacters", "bundled_font", "chain_for",
           "default_sources", "font_problem", "forced_chain", "parse_fc_list",
           "parse_font_setting", "set_discovery", "system_fonts", "use_discovery",
           "windows_font_folders", "windows_fonts"]

_discovery: Discovery = system_fonts


@contextmanager
def use_discovery(discovery: Discovery) -> Iterator[None]:
    """Find system fonts with ``discovery`` inside the block (``lambda role: []``: a machine
    with no Chinese font but the bundled one). Chains are cached per discovery."""
    global _discovery
    with _lock:
        previous, _discovery = _discovery, discovery
    try:
        yield
    finally:
        with _lock:
            _discovery = previous


def set_discovery(discovery: Discovery) -> None:
    """Replace system-font discovery for the rest of the process (the test suite's "bare
    machine" mode); :func:`use_discovery` is the scoped form."""
    global _discovery
    with _lock:
        _discovery = discovery


def bundled_font() -> FontSource:
    """The LXGW WenKai shipped in resources/fonts (OFL-1.1; licence beside it)."""
    return FontSource(str(resources_dir() / "fonts" / BUNDLED_FONT))


def default_sources(room_font: str = "", role: str = "body",
                    discovery: Discovery | None = None) -> list[FontSource]:
    """The chain in order: room font → system fonts → bundled font, duplicates removed."""
    sources: list[FontSource] = []
    if room_font:
        sources.append(parse_font_setting(room_font, role))
    sources += (discovery or _discovery)(role)
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
    key = (room_font, role, _override, _discovery)
    with _lock:
        chain = _chains.get(key)
        if chain is None:
            sources = list(_override) if _override is not None else default_sources(
                room_font, role, _discovery)
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
