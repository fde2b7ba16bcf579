"""Plain data for the report forms: the period's statistics sheet, the notice-board sheet and a
以案释法 brief (architecture.md §4: a service fills these, a builder prints them).

Every text is as printed (numbers already formatted, money in yuan); builders only lay out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mediation_desk.documents.data import RoomInfo


@dataclass(frozen=True)
class Figure:
    """One line of a block: its label, this period's value, the same period a year earlier."""

    label: str
    current: str
    earlier: str = ""


@dataclass(frozen=True)
class StatisticsSheet:
    """人民调解工作统计表 as printed: the county workbook's layout on A4 landscape."""

    room: RoomInfo
    period_label: str  # 2026年11月
    earlier_label: str  # 2025年11月
    type_rows: tuple[tuple[str, ...], ...]  # label + 10 figures, as TYPE_HEADER below
    total_row: tuple[str, ...]  # 合计 + 10 figures
    summary: tuple[Figure, ...]  # success rate, group disputes, confirmations …
    prevention: tuple[Figure, ...]
    patrols: tuple[Figure, ...]
    visitors: tuple[Figure, ...]  # the 接访 loop, empty until recorded
    filled_by: str
    reviewed_by: str
    filled_on: date
    note: str = ""


@dataclass(frozen=True)
class DisclosureSheet:
    """月度公示: de-identified counts for the notice board, in large type."""

    room: RoomInfo
    period_label: str
    headline: tuple[Figure, ...]  # received, succeeded, success rate, amount
    by_type: tuple[Figure, ...]  # dispute types with cases
    patrols: tuple[Figure, ...]
    on: date  # the date printed under the committee's name
    contact: str = ""  # where to come, whom to call


@dataclass(frozen=True)
class BriefSheet:
    """以案释法: a title and the brief's sections, already anonymised and reviewed."""

    room: RoomInfo
    title: str
    dispute_type: str
    sections: tuple[tuple[str, str], ...]  # (基本案情, text) …
    on: date
