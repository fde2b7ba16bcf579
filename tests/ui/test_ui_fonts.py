"""The window's font: the system's Chinese family, the bundled LXGW WenKai behind it.

The machine's own fonts are never assumed: the "system" families are passed in, and the
system Chinese face is a font generated for the test and registered with Qt for its duration.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QTextLayout
from PySide6.QtWidgets import QApplication

from tests.documents import fontgen
from ui.fonts import choose_ui_font, register_bundled_font

NAMES = "张㛃王䶮𠮷"  # 㛃 䶮: not in WenQuanYi Micro Hei; 𠮷: in no common system font


def _glyphs(text: str, family: str) -> dict[str, list[int]]:
    """Which family draws the text in a window, and the glyph ids (0 = a box)."""
    layout = QTextLayout(text, QFont(family))
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs: dict[str, list[int]] = {}
    for run in layout.glyphRuns():
        runs.setdefault(run.rawFont().familyName(), []).extend(run.glyphIndexes())
    return runs


@pytest.fixture
def system_hei(qapp: QApplication, tmp_path: Path) -> Iterator[str]:
    """A Chinese family "installed on the system" that lacks the rare characters (as
    WenQuanYi Micro Hei lacks 㛃 and 䶮): GB 2312 only."""
    path = fontgen.box_font(tmp_path / "boxhei.ttf", "Box Hei", fontgen.GB2312, chinese=True)
    font_id = QFontDatabase.addApplicationFont(str(path))
    assert font_id >= 0
    yield QFontDatabase.applicationFontFamilies(font_id)[0]
    QFontDatabase.removeApplicationFont(font_id)


def test_without_a_chinese_system_font_the_bundled_one_is_used(qapp: QApplication) -> None:
    assert choose_ui_font([]) == register_bundled_font() == "LXGW WenKai"
    runs = _glyphs(NAMES, choose_ui_font([]))
    assert 0 not in [g for glyphs in runs.values() for g in glyphs]


def test_the_system_family_is_kept_and_rare_characters_fall_back(system_hei: str) -> None:
    assert choose_ui_font([system_hei, "No Such Family"]) == system_hei
    runs = _glyphs(NAMES, system_hei)
    assert 0 not in [g for glyphs in runs.values() for g in glyphs], runs  # no boxes
    assert len(runs[system_hei]) == 2  # 张 王; 㛃 䶮 𠮷 from a fallback: on a machine with
    # no other Chinese font that is the bundled one, which has all three


def test_registering_twice_adds_the_font_once(qapp: QApplication) -> None:
    family = register_bundled_font()
    assert register_bundled_font() == family
    assert QFontDatabase.families().count(family) == 1
