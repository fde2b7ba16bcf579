"""The faces printed documents are tested under: the bundled LXGW WenKai and a generated wide
face always, and each Chinese TrueType face rooms really have, when this machine has it.

Installed faces are found by their usual paths (Debian/Ubuntu packages, Windows' font folder);
a face that is not there is skipped with the package that provides it. Each face is tested as
the room's first face with the bundled font behind it, as the chain prints in production.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from mediation_desk.documents.font_files import best_face, read_faces
from mediation_desk.documents.fonts import FontSource, bundled_font

_WINDOWS = Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts"


@dataclass(frozen=True)
class Face:
    id: str
    paths: tuple[str, ...]  # where the face is usually installed
    package: str  # what provides it, for the skip reason


INSTALLED = (
    Face("uming", ("/usr/share/fonts/truetype/arphic/uming.ttc",), "fonts-arphic-uming"),
    Face("ukai", ("/usr/share/fonts/truetype/arphic/ukai.ttc",), "fonts-arphic-ukai"),
    Face("microhei", ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",), "fonts-wqy-microhei"),
    Face("zenhei", ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",), "fonts-wqy-zenhei"),
    Face("simsun", (str(_WINDOWS / "simsun.ttc"),), "Windows (simsun.ttc)"),
    Face("simfang", (str(_WINDOWS / "simfang.ttf"),), "Windows (simfang.ttf)"),
)
#: Face ids in test order: the two that always run, then the installed ones.
ALL = ("bundled", "wide", *(f.id for f in INSTALLED))


def installed_source(face_id: str) -> FontSource:
    """The face as the chain would pick it from its file (a .ttc's face by name), or skip."""
    face = next(f for f in INSTALLED if f.id == face_id)
    for path in face.paths:
        if Path(path).is_file():
            best = best_face(read_faces(path))
            assert best is not None, f"{path}: no usable face"
            return FontSource(path, best.index)
    pytest.skip(f"{face.package} is not installed on this machine")


def chain_sources(face_id: str, wide: Path) -> list[FontSource]:
    """The chain a room using this face prints with: the face, then the bundled font."""
    if face_id == "bundled":
        return [bundled_font()]
    if face_id == "wide":
        return [FontSource(str(wide)), bundled_font()]
    return [installed_source(face_id), bundled_font()]
