"""How patrol things look, in one place: risk colours, occurrence marks, short date texts.

Why one module: the calendar, the week list, the findings list, the dialogs and 工作台 must
show a red finding or a missed patrol the same way, so a mediator learns one picture.
Marks are drawn as icons and colours, not as ✓/✗ characters: many Chinese office fonts lack
those glyphs and would print boxes.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetrics, QIcon, QPainter, QPixmap

from ui.icons import icon

RISK_ORDER = ("red", "orange", "yellow", "blue")
RISK_COLORS: dict[str, str] = {"red": "#e53935", "orange": "#fb8c00", "yellow": "#fdd835",
                               "blue": "#1e88e5"}
#: Short labels of the four-colour scale, as the room says them (domain.md: 红 橙 黄 蓝).
RISK_LABELS: dict[str, str] = {"red": "红", "orange": "橙", "yellow": "黄", "blue": "蓝"}
URGENT_RISKS = frozenset({"red", "orange"})

#: Mark → (icon name or "", colour). "zero" is the character 零 on the calendar.
MARK_COLORS: dict[str, str] = {
    "done": "#2e7d32",
    "zero": "#00838f",
    "missed": "#c62828",
    "cancelled": "#9e9e9e",
    "due": "#1565c0",
    "upcoming": "#37474f",
}
MARK_ICONS: dict[str, str] = {"done": "patrol_done", "missed": "patrol_missed",
                              "cancelled": "patrol_cancelled", "due": "patrol_due"}
TODAY_BACKGROUND = QColor("#fff8e1")
TODAY_BORDER = QColor("#f9a825")
OTHER_MONTH_TEXT = QColor("#9e9e9e")
WEEKDAYS = ("一", "二", "三", "四", "五", "六", "日")


def risk_chip(level: str, size: int = 12) -> QIcon:
    """A small rounded square in the level's colour (an empty icon for no level)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    if level in RISK_COLORS:
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor(RISK_COLORS[level]))
        painter.setPen(QColor(RISK_COLORS[level]).darker(130))
        painter.drawRoundedRect(0, 0, size - 1, size - 1, 3, 3)
        painter.end()
    return QIcon(pixmap)


def mark_icon(mark: str) -> QIcon:
    """The mark's icon in its colour; an empty icon for marks shown by text or not at all."""
    name = MARK_ICONS.get(mark)
    return icon(name, MARK_COLORS[mark]) if name else QIcon()


def mark_color(mark: str) -> QColor:
    return QColor(MARK_COLORS.get(mark, MARK_COLORS["upcoming"]))


def day_text(on: date) -> str:
    """"11-03 周二": compact enough for a narrow column, the weekday because mediators plan
    by weekday."""
    return f"{on:%m-%d} 周{WEEKDAYS[on.weekday()]}"


def long_day_text(on: date) -> str:
    return f"{on.year}年{on.month}月{on.day}日（周{WEEKDAYS[on.weekday()]}）"


def team_text(team: tuple[str, ...] | list[str], lead: str = "") -> str:
    """"林春梅（负责）、陈志强": the lead first and named as such."""
    names = list(team)
    if lead and lead in names:
        names.remove(lead)
        names.insert(0, lead)
    return "、".join(f"{n}（负责）" if n == lead and lead else n for n in names)


def villages_text(villages: tuple[str, ...] | list[str], limit: int = 2) -> str:
    """The villages of an occurrence, shortened to ``limit`` names and 等 (the tooltip and
    the week list name them all)."""
    names = list(villages)
    if len(names) <= limit:
        return "、".join(names)
    return "、".join(names[:limit]) + "等"


def place_then_time(metrics: QFontMetrics, place: str, time: str, width: int) -> str:
    """"竹山村… 09:00": the place shortened so that the time after it is shown whole."""
    tail = f" {time}"
    room = width - metrics.horizontalAdvance(tail)
    if room < metrics.horizontalAdvance(place[:1] + "…"):
        return metrics.elidedText(place + tail, Qt.TextElideMode.ElideRight, width)
    return metrics.elidedText(place, Qt.TextElideMode.ElideRight, room) + tail
