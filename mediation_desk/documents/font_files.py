"""What is inside a font file, read from its tables: the faces, their names, their outlines.

Why our own reader: the font chain must pick a *face* inside a TrueType collection (Windows'
simsun.ttc holds SimSun and NSimSun, AR PL UMing's uming.ttc holds CN, HK, TW and TW MBE
variants) and must know before embedding whether reportlab can use a file at all (CFF outlines,
as in Noto CJK, cannot be embedded). reportlab only answers by parsing a whole face (cmap and
metrics of 30,000 glyphs, ~50 ms each); the table directory and the name table answer the same
questions from a few kilobytes. Pure Python, no reportlab, so the settings check stays cheap.

The ranking here is the one place that says which face a document prefers: FangSong (body) or
Song (title) first, then Kai, then anything else (Hei, sans) as a last resort for rare
characters; the simplified-Chinese variant of a family before its HK/TW/JP/KR ones; regular
before light before bold; proportional before mono (NSimSun, "Mono", "Sharp").
"""

from __future__ import annotations

import os
import struct
import sys
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

#: Preferred languages of a name record: English (US) first, then Simplified Chinese.
_LANGS = {(3, 0x409): 0, (1, 0): 1, (3, 0x804): 2, (0, 0): 3}
#: Name ids: family, subfamily, typographic family and subfamily (preferred when present).
_FAMILY, _STYLE, _TYPO_FAMILY, _TYPO_STYLE = 1, 2, 16, 17
_MAX_FACES = 64  # a collection with more faces than this is not a font we can use


class FontFileError(ValueError):
    """The file is not a font file this program can read; ``reason`` is in Chinese."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class FaceInfo:
    """One face of a font file, as its tables describe it."""

    index: int  # the face's index in a .ttc (0 for a single font)
    family: str  # the English family name when there is one ("AR PL UMing CN", "SimSun")
    style: str  # "Regular", "Light", "Book", "Bold" …
    outlines: str  # "truetype" (glyf), "cff" (CFF/CFF2: reportlab cannot embed) or "none"
    names: tuple[str, ...] = field(default=())  # every family name, localised ones too ("宋体")
    fs_type: int = 0  # OS/2 embedding permissions

    @property
    def licence_forbids_embedding(self) -> bool:
        """"Restricted licence" (fsType 2) or "bitmap embedding only" (0x0200): the vendor
        forbids putting the outlines in a document. reportlab would embed them anyway."""
        return (self.fs_type & 0x000F) == 0x0002 or bool(self.fs_type & 0x0200)

    @property
    def embeddable(self) -> bool:
        return self.outlines == "truetype" and not self.licence_forbids_embedding


def _u16(data: bytes, at: int) -> int:
    return int(struct.unpack_from(">H", data, at)[0])


def _u32(data: bytes, at: int) -> int:
    return int(struct.unpack_from(">I", data, at)[0])


def _decode(platform: int, encoding: int, raw: bytes) -> str | None:
    if platform in (0, 3):
        return raw.decode("utf-16-be", "replace")
    if platform == 1 and encoding == 0:
        return raw.decode("mac_roman", "replace")
    return None  # legacy Mac CJK encodings: the Windows records say the same


def _names(data: bytes) -> dict[int, list[tuple[int, str]]]:
    """name id -> [(language rank, text)], best language first, from a name table."""
    count, strings = _u16(data, 2), _u16(data, 4)
    found: dict[int, list[tuple[int, str]]] = {}
    for i in range(count):
        platform, encoding, language, name_id, length, start = struct.unpack_from(
            ">6H", data, 6 + 12 * i)
        if name_id not in (_FAMILY, _STYLE, _TYPO_FAMILY, _TYPO_STYLE):
            continue
        text = _decode(platform, encoding, data[strings + start:strings + start + length])
        if text and text.strip():
            rank = _LANGS.get((platform, language), 9)
            found.setdefault(name_id, []).append((rank, text.strip()))
    for values in found.values():
        values.sort()
    return found


def _read(f: BinaryIO, at: int, size: int) -> bytes:
    f.seek(at)
    data = f.read(size)
    if len(data) != size:
        raise FontFileError("字体文件已损坏")
    return data


def _tables(f: BinaryIO, offset: int) -> tuple[bytes, dict[bytes, tuple[int, int]]]:
    """A face's sfnt version and its table directory: tag -> (offset, length)."""
    head = _read(f, offset, 12)
    version = head[:4]
    if version not in (b"\x00\x01\x00\x00", b"true", b"OTTO"):
        raise FontFileError("不是 TrueType 或 OpenType 字体文件")
    count = _u16(head, 4)
    directory = _read(f, offset + 12, 16 * count)
    tables: dict[bytes, tuple[int, int]] = {}
    for i in range(count):
        tag = directory[16 * i:16 * i + 4]
        tables[tag] = (_u32(directory, 16 * i + 8), _u32(directory, 16 * i + 12))
    return version, tables


def _face(f: BinaryIO, index: int, offset: int) -> FaceInfo:
    """One face from its table directory and name table (a few kilobytes of the file)."""
    version, tables = _tables(f, offset)
    if b"glyf" in tables:
        outlines = "truetype"
    elif b"CFF " in tables or b"CFF2" in tables or version == b"OTTO":
        outlines = "cff"
    else:
        outlines = "none"
    names = _names(_read(f, *tables[b"name"])) if b"name" in tables else {}
    fs_type = _u16(_read(f, tables[b"OS/2"][0] + 8, 2), 0) if b"OS/2" in tables else 0
    families = names.get(_TYPO_FAMILY) or names.get(_FAMILY) or []
    styles = names.get(_TYPO_STYLE) or names.get(_STYLE) or []
    every = tuple(dict.fromkeys(text for _, text in
                                names.get(_TYPO_FAMILY, []) + names.get(_FAMILY, [])))
    return FaceInfo(index, families[0][1] if families else "",
                    styles[0][1] if styles else "", outlines, every, fs_type)


def _offsets(f: BinaryIO) -> list[int]:
    """Where each face's table directory starts: one for a font, several for a .ttc."""
    head = f.read(12)
    if head[:4] == b"ttcf" and len(head) == 12:
        count = _u32(head, 8)
        if not 0 < count <= _MAX_FACES:
            raise FontFileError("字体集文件已损坏")
        return list(struct.unpack(f">{count}I", _read(f, 12, 4 * count)))
    return [0]


def blank_glyphs(path: str, index: int = 0) -> frozenset[int]:
    """Ids of the glyphs of a TrueType face that draw nothing (an empty outline).

    Why: some fonts map characters to such glyphs — AR PL UKai maps 47 rare characters, 䶮
    among them, WenQuanYi Zen Hei 124, WenQuanYi Micro Hei the pinyin letters ǎ ǐ ǒ ǔ and ℃ —
    so a chain trusting the character map prints "王䶮" as "王" without a word. Read from
    'loca': an empty glyph has no data. Empty for a CFF face (no 'loca')."""
    with open(path, "rb") as f:
        offsets = _offsets(f)
        _, tables = _tables(f, offsets[index])
        if not {b"head", b"maxp", b"loca"} <= tables.keys():
            return frozenset()
        long_offsets = _u16(_read(f, tables[b"head"][0] + 50, 2), 0) == 1
        count = _u16(_read(f, tables[b"maxp"][0] + 4, 2), 0)
        loca = array("I" if long_offsets else "H")
        loca.frombytes(_read(f, tables[b"loca"][0], (count + 1) * loca.itemsize))
    if sys.byteorder == "little":
        loca.byteswap()
    return frozenset(g for g in range(count) if loca[g + 1] == loca[g])


def read_faces(path: str) -> list[FaceInfo]:
    """Every face in a .ttf/.otf/.ttc file. Raises FontFileError (a Chinese reason) for a file
    that is missing, unreadable or not a font."""
    try:
        with open(path, "rb") as f:
            return [_face(f, i, offset) for i, offset in enumerate(_offsets(f))]
    except FileNotFoundError:
        raise FontFileError("字体文件不存在") from None
    except IsADirectoryError:
        raise FontFileError("这是一个文件夹，不是字体文件") from None
    except OSError as exc:
        raise FontFileError(f"无法读取字体文件：{exc.strerror or exc}") from None
    except (struct.error, IndexError, ValueError) as exc:
        if isinstance(exc, FontFileError):
            raise
        raise FontFileError("字体文件已损坏") from None


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


# -- which face a document prefers ----------------------------------------------------------

def face_rank(names: Sequence[str], style: str, role: str = "body") -> tuple[int, int, int]:
    """Sort key of a face for a role ("body" prefers FangSong, "title" Song): lower is better.

    (kind, variant, weight): kind FangSong/Song/Kai before others; variant the simplified-
    Chinese face of a family before its HK/TW/JP/KR faces and proportional before mono;
    weight regular before light before bold.
    """
    text = " ".join(names).lower()
    if "fangsong" in text or "仿宋" in text:
        kind = 0 if role == "body" else 1
    elif any(w in text for w in ("song", "宋", "simsun", "sun-ext", "ming", "明", "serif")):
        kind = 1 if role == "body" else 0
    elif "kai" in text or "楷" in text:
        kind = 2
    else:  # Hei, sans and fallback fonts: a last resort for characters the others lack
        kind = 5
    words = text.replace(",", " ").split()
    variant = 0
    if any(w in words for w in ("tw", "hk", "jp", "kr", "mbe", "tc")):
        variant = 2
    if any(w in text for w in ("mono", "sharp", "nsimsun", "新宋", "等宽", "等寬", "点阵", "點陣")):
        variant += 1
    s = style.lower()
    if any(w in s for w in ("bold", "black", "heavy", "semibold", "demi")):
        weight = 3
    elif any(w in s for w in ("light", "thin", "extralight")):
        weight = 1
    elif any(w in s for w in ("italic", "oblique")):
        weight = 2
    else:  # regular, book, normal, medium, or no style given
        weight = 0
    return (kind, variant, weight)


def best_face(faces: Sequence[FaceInfo], role: str = "body") -> FaceInfo | None:
    """The face of a file a document should use: the best-ranked embeddable one (None when
    every face has CFF outlines or none at all). Ties keep the file's order (face 0 first)."""
    usable = [f for f in faces if f.embeddable]
    if not usable:
        return None
    return min(usable, key=lambda f: (face_rank(f.names or (f.family,), f.style, role),
                                      f.index))
