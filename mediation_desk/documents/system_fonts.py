"""Where a machine keeps its Chinese fonts: Windows' font folders, fontconfig elsewhere.

Why apart from the chain: this is the part that differs per operating system and per machine,
so it is what tests replace (``fonts.use_discovery``) and what the Windows branch is tested
through on Linux (a fake font folder with a generated simsun.ttc). Each function returns faces
in the order a document prefers them (FangSong for body text, Song for titles, then Kai, then
anything else as a fallback for rare characters), one face per family, never a CFF font.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from mediation_desk.documents.font_files import (
    FontFileError,
    FontSource,
    best_face,
    face_rank,
    read_faces,
)

#: Windows system fonts by role, in preference order. A .ttc's face is chosen by name.
#: simsunb.ttf (SimSun-ExtB) is last: it holds the Extension B characters (𠮷) the others lack.
_WINDOWS = {
    "body": ("simfang.ttf", "simsun.ttc", "simkai.ttf", "simsunb.ttf"),
    "title": ("simsun.ttc", "simfang.ttf", "simkai.ttf", "simsunb.ttf"),
}
#: How many fontconfig files to consider: each costs ~50 ms to open, only when needed.
_MAX_FONTCONFIG = 6
#: Words that name a style or regional variant of a family rather than another family.
_VARIANT_WORDS = {"mono", "sharp", "light", "bold", "medium", "regular", "book", "cn", "sc",
                  "tc", "tw", "hk", "jp", "kr", "mbe"}


def windows_font_folders(environ: Mapping[str, str]) -> list[Path]:
    """%WINDIR%\\Fonts, then the folder fonts installed "for me only" go to (Windows 10+)."""
    folders = [Path(environ.get("WINDIR") or environ.get("SystemRoot") or "C:\\Windows")
               / "Fonts"]
    if environ.get("LOCALAPPDATA"):
        folders.append(Path(environ["LOCALAPPDATA"]) / "Microsoft" / "Windows" / "Fonts")
    return folders


def windows_fonts(role: str, folders: Sequence[Path]) -> list[FontSource]:
    """FangSong/SimSun/KaiTi from the Windows font folders, a .ttc's face chosen by name.
    File names are matched without regard to case, as Windows does."""
    listed: list[dict[str, Path]] = []
    for folder in folders:
        try:
            listed.append({p.name.lower(): p for p in folder.iterdir()})
        except OSError:
            continue  # no such folder (no per-user fonts), or not readable
    found: list[FontSource] = []
    for wanted in _WINDOWS[role]:
        for names in listed:
            path = names.get(wanted)
            if path is None or not path.is_file():
                continue
            try:
                best = best_face(read_faces(str(path)), role)
            except FontFileError:
                continue
            if best is not None:
                found.append(FontSource(str(path), best.index))
                break
    return found


def fontconfig_rank(family: str, style: str, role: str) -> tuple[int, int, int]:
    """fontconfig's family list ("LXGW WenKai,霞鹜文楷") ranked as the face picker does."""
    return face_rank(family.split(","), style, role)


def _family_key(family: str) -> str:
    """One key per family, whatever its file's style or regional variant: "LXGW WenKai Mono
    Light" and "LXGW WenKai" are one family for the chain, so one file of it is enough."""
    words = family.split(",")[0].lower().split()
    while len(words) > 1 and words[-1] in _VARIANT_WORDS:
        words.pop()
    return " ".join(words)


def parse_fc_list(output: str, role: str) -> list[FontSource]:
    """Chinese TrueType faces from ``fc-list`` lines "file|index|family|style|format", FangSong
    and Song first, sans last; one face per family (its best file and face), CFF left out."""
    best: dict[str, tuple[tuple[int, int, int], int, str]] = {}
    for line in output.splitlines():
        parts = line.split("|")
        if len(parts) != 5:
            continue
        path, index, family, style, kind = parts
        if kind.strip() != "TrueType" or not index.isdigit():
            continue  # CFF (Noto CJK), bitmap (PCF) and Type 1 faces cannot be embedded
        entry = (fontconfig_rank(family, style, role), int(index), path)
        key = _family_key(family)
        if key not in best or entry < best[key]:
            best[key] = entry
    ordered = sorted(best.values())
    return [FontSource(path, index) for _, index, path in ordered[:_MAX_FONTCONFIG]]


def fontconfig_fonts(role: str) -> list[FontSource]:
    """The Chinese TrueType faces fontconfig knows (Linux), in :func:`parse_fc_list` order."""
    if not shutil.which("fc-list"):
        return []
    try:
        out = subprocess.run(
            ["fc-list", ":lang=zh", "--format",
             "%{file}|%{index}|%{family}|%{style}|%{fontformat}\n"],
            capture_output=True, text=True, timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return parse_fc_list(out, role)


def system_fonts(role: str, platform: str = sys.platform,
                 environ: Mapping[str, str] = os.environ) -> list[FontSource]:
    """The machine's Chinese fonts for a role: Windows' font folders, fontconfig elsewhere
    (macOS's Songti/PingFang are CFF or collections of CFF: none is usable, so none asked)."""
    if platform == "win32":
        return windows_fonts(role, windows_font_folders(environ))
    if platform == "darwin":
        return []
    return fontconfig_fonts(role)
