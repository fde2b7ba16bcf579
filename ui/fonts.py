"""Fonts for the window: the system's Chinese font, with the bundled LXGW WenKai behind it.

Why: on a bare Linux machine (and the offscreen test platform) there may be no CJK font at
all, and every label would be a row of boxes; and where there is one, it often lacks the rare
characters of people's names — WenQuanYi Micro Hei, common on Chinese Linux desktops, has no
㛃 or 䶮, and no system font here has 𠮷 — so a party's name showed boxes on screen while the
same name printed fine (the printing chain falls back per character to the bundled font).
The bundled font is therefore always registered with Qt (cheap: under a millisecond, the file
is read lazily), and Qt's per-character fallback draws from it what the system's font lacks.
The window's own family stays the system's (a Windows office PC keeps its familiar Microsoft
YaHei / SimSun); the bundled one is the family only when the system has no Chinese font.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from mediation_desk.paths import resources_dir

BUNDLED_FONT = "LXGWWenKai-Regular.ttf"
PREFERRED = ("Microsoft YaHei", "微软雅黑", "PingFang SC", "Noto Sans CJK SC",
             "Source Han Sans SC", "WenQuanYi Micro Hei", "SimSun", "宋体", "LXGW WenKai",
             "霞鹜文楷")
BASE_POINT_SIZE = 10.5
_bundled_family: str | None = None  # once registered with Qt


def _has_chinese(family: str) -> bool:
    return QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family)


def register_bundled_font() -> str:
    """Register the bundled font with Qt once per process; its family ("" if unreadable)."""
    global _bundled_family
    if _bundled_family is None:
        font_id = QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / BUNDLED_FONT))
        loaded = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        _bundled_family = loaded[0] if loaded else ""
    return _bundled_family


def choose_ui_font(families: Sequence[str] | None = None) -> str:
    """The family the window should use: a preferred system Chinese family, else any system
    family with Chinese, else the bundled one. ``families`` are the system's (default: what
    Qt finds); the bundled font is registered in every case, as the fallback for characters
    the chosen family lacks."""
    bundled = register_bundled_font()
    system = [f for f in (QFontDatabase.families() if families is None else families)
              if f != bundled]
    for name in PREFERRED:
        if name in system and _has_chinese(name):
            return name
    for name in system:
        if _has_chinese(name):
            return name
    return bundled or QFont().family()


def apply_ui_font(app: QApplication, scale: float = 1.0) -> QFont:
    """Set the application font; ``scale`` > 1 is the larger-text setting."""
    font = QFont(choose_ui_font())
    font.setPointSizeF(BASE_POINT_SIZE * scale)
    app.setFont(font)
    return font
