"""Fonts for the window: the system's Chinese font, or the bundled LXGW WenKai.

Why: on a bare Linux machine (and the offscreen test platform) there may be no CJK font at
all, and every label would be a row of boxes. The bundled font is registered only when the
system has none, so a Windows office PC keeps its familiar Microsoft YaHei / SimSun.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

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


def _has_chinese(family: str) -> bool:
    return QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family)


@cache
def bundled_ui_font() -> str:
    """Register the bundled LXGW WenKai (once) and return its family.

    Also what a test uses when it needs a known CJK face: measuring a window in whatever
    font the machine happens to have would make the result depend on the machine.
    """
    font_id = QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / BUNDLED_FONT))
    loaded = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return loaded[0] if loaded else QFont().family()


def choose_ui_font() -> str:
    """Register the bundled font if needed and return the family the window should use."""
    families = QFontDatabase.families()
    for name in PREFERRED:
        if name in families and _has_chinese(name):
            return name
    for name in families:
        if _has_chinese(name):
            return name
    return bundled_ui_font()


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
    for widget in app.allWidgets():
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet(sheet)  # polished again, with the inherited font
        font = widget.font()
        if widget.testAttribute(Qt.WidgetAttribute.WA_SetFont) and \
                font.resolveMask() & SIZE_RESOLVED:
            font.setPointSizeF(font.pointSizeF() * ratio)
            widget.setFont(font)
