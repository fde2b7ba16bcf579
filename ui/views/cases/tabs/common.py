"""Small pieces the case tabs share: read-only tables, cells, dates and amounts as shown."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableWidgetItem

from mediation_desk.domain.money import chinese_capital, format_yuan
from ui.i18n import translate

RISK_COLOURS = {"red": "#c62828", "orange": "#ef6c00", "yellow": "#f9a825", "blue": "#1565c0"}
OVERDUE = "#c62828"
MUTED = "#607d8b"

#: Chinese captions take the full-width colon (the captions themselves are translated).
COLON = "："


def cell(text: str, tooltip: str = "", colour: str = "", data: object = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if tooltip:
        item.setToolTip(tooltip)
    if colour:
        item.setForeground(QColor(colour))
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


def show_date(value: date | None) -> str:
    return value.isoformat() if value else "—"


def show_time(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else "—"


def show_amount(fen: int | None) -> str:
    """"Figures and capitals ("1500.00 元（壹仟伍佰元整）"), as an agreement states money."""
    if fen is None:
        return "—"
    return translate("CaseView", "%1 yuan (%2)").replace("%1", format_yuan(fen)).replace(
        "%2", chinese_capital(fen))
