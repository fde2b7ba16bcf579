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

import gc
from collections.abc import Sequence

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QWidget

from mediation_desk.paths import resources_dir

BUNDLED_FONT = "LXGWWenKai-Regular.ttf"
PREFERRED = ("Microsoft YaHei", "微软雅黑", "PingFang SC", "Noto Sans CJK SC",
             "Source Han Sans SC", "WenQuanYi Micro Hei", "SimSun", "宋体", "LXGW WenKai",
             "霞鹜文楷")
BASE_POINT_SIZE = 10.5
#: QSettings key of the larger-text setting (1.0, 1.25, 1.5), read at start and on 设置.
SETTINGS_SCALE = "ui/text_scale"
#: QFont::SizeResolved: the font's size was set on it, not inherited.
SIZE_RESOLVED = 0x2
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


def bundled_ui_font() -> str:
    """The bundled LXGW WenKai's family, registered once.

    Also what a test uses when it needs a known CJK face: measuring a window in whatever
    font the machine happens to have would make the result depend on the machine.
    """
    return register_bundled_font() or QFont().family()


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


def apply_ui_font(app: QApplication, scale: float = 1.0, family: str | None = None) -> QFont:
    """Set the application font; ``scale`` > 1 is the larger-text setting (125 %, 150 %).

    ``family`` defaults to :func:`choose_ui_font`. Open windows follow at once: see
    :func:`follow_text_size`.
    """
    before = app.font().pointSizeF()
    font = QFont(family or choose_ui_font())
    font.setPointSizeF(BASE_POINT_SIZE * scale)
    app.setFont(font)
    if before > 0 and abs(font.pointSizeF() - before) > 0.01:
        follow_text_size(app, font.pointSizeF() / before)
    return font


def follow_text_size(app: QApplication, ratio: float) -> None:
    """Bring the widgets that do not inherit the application font along to the new size.

    Why: a widget inherits the application font unless its font was fixed. Two kinds are:
    headings given a size relative to the text (a case title 1.25 times as large), which
    keep the old size in points, and widgets with a style sheet (status chips, coloured
    notes), which Qt polishes once with the font they had then. Without this, switching to
    150 % left the case title smaller than the text around it.
    """
    # The walk holds wrappers of every widget, and touching one can allocate enough to start
    # Python's collector, which may destroy an unreachable window (a closed dialog kept in a
    # cycle) and with it widgets further down the list: a segmentation fault (seen in CI).
    # So the garbage goes first, and the collector waits until the walk is over.
    was_enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        _follow(app.allWidgets(), ratio)
    finally:
        if was_enabled:
            gc.enable()


def _follow(widgets: list[QWidget], ratio: float) -> None:
    for widget in widgets:
        if not shiboken6.isValid(widget):
            continue
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet(sheet)  # polished again, with the inherited font
        font = widget.font()
        if widget.testAttribute(Qt.WidgetAttribute.WA_SetFont) and \
                font.resolveMask() & SIZE_RESOLVED:
            font.setPointSizeF(font.pointSizeF() * ratio)
            widget.setFont(font)
