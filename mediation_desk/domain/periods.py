"""Reporting periods: a month, a quarter, a year or any run of days, and how they are named.

Why a type of its own: every figure of a report is "cases whose date falls in [from, to]"
(contract.md, dates inclusive), and the same period a year earlier is printed beside it. The
arithmetic of quarters, leap days (29 February a year earlier is 28 February) and the Chinese
names on a report form (2026年11月, 2026年第四季度) belongs in one place, testable without a
database.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from mediation_desk.domain.errors import DomainError
from mediation_desk.domain.limits import year_problem

KINDS = ("month", "quarter", "year", "custom")
QUARTER_NAMES = ("第一季度", "第二季度", "第三季度", "第四季度")


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def year_earlier(day: date) -> date:
    """The same day a year earlier; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


@dataclass(frozen=True)
class Period:
    """Days ``start`` … ``end`` inclusive, with the kind it was chosen as."""

    kind: str
    start: date
    end: date

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise DomainError(f"统计期间种类应为 {' / '.join(KINDS)} 之一")
        if self.end < self.start:
            raise DomainError("统计期间的结束日期早于开始日期")

    # -- making ---------------------------------------------------------------------------------
    @classmethod
    def month(cls, year: int, month: int) -> Period:
        if not 1 <= month <= 12:
            raise DomainError("月份应在1至12之间")
        return cls("month", date(year, month, 1), _month_end(year, month))

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        if not 1 <= quarter <= 4:
            raise DomainError("季度应在1至4之间")
        first = 3 * (quarter - 1) + 1
        return cls("quarter", date(year, first, 1), _month_end(year, first + 2))

    @classmethod
    def year(cls, year: int) -> Period:
        return cls("year", date(year, 1, 1), date(year, 12, 31))

    @classmethod
    def custom(cls, start: date, end: date) -> Period:
        return cls("custom", start, end)

    @classmethod
    def containing(cls, kind: str, day: date) -> Period:
        """The month, quarter or year that contains ``day``."""
        if kind == "month":
            return cls.month(day.year, day.month)
        if kind == "quarter":
            return cls.quarter(day.year, (day.month - 1) // 3 + 1)
        if kind == "year":
            return cls.year(day.year)
        raise DomainError("自定义期间需要给出开始和结束日期")

    # -- reading ----------------------------------------------------------------------------------
    @property
    def label(self) -> str:
        """As a report form names it: 2026年11月 · 2026年第四季度 · 2026年 · 2026年3月5日至…"""
        s, e = self.start, self.end
        if self.kind == "month":
            return f"{s.year}年{s.month}月"
        if self.kind == "quarter":
            return f"{s.year}年{QUARTER_NAMES[(s.month - 1) // 3]}"
        if self.kind == "year":
            return f"{s.year}年"
        return f"{s.year}年{s.month}月{s.day}日至{e.year}年{e.month}月{e.day}日"

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def year_earlier(self) -> Period:
        """The same period a year earlier (a February month ends on its own last day)."""
        if self.kind == "month":
            return Period.month(self.start.year - 1, self.start.month)
        if self.kind == "quarter":
            return Period.quarter(self.start.year - 1, (self.start.month - 1) // 3 + 1)
        if self.kind == "year":
            return Period.year(self.start.year - 1)
        return Period.custom(year_earlier(self.start), year_earlier(self.end))

    def months(self) -> list[tuple[int, int]]:
        """(year, month) of every month the period touches, in order."""
        out = []
        y, m = self.start.year, self.start.month
        while (y, m) <= (self.end.year, self.end.month):
            out.append((y, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out

    def contains(self, day: date | None) -> bool:
        return day is not None and self.start <= day <= self.end

    def each_day(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range(self.days)]


def twelve_months_to(year: int, month: int) -> list[tuple[int, int]]:
    """The twelve months ending with (year, month), oldest first (for the trend charts)."""
    out = []
    for back in range(11, -1, -1):
        index = year * 12 + (month - 1) - back
        out.append((index // 12, index % 12 + 1))
    return out


_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_QUARTER = re.compile(r"(\d{4})-[Qq]([1-4])")
_YEAR = re.compile(r"(\d{4})")


def parse_period(kind: str, text: str) -> Period:
    """``YYYY-MM`` (month), ``YYYY-Qn`` (quarter) or ``YYYY`` (year) as typed on the command
    line; DomainError naming the expected form."""
    text = text.strip()
    year = re.match(r"\d{4}", text)
    reason = year_problem(int(year.group())) if year else None
    if reason:
        raise DomainError(reason)
    if kind == "month":
        m = _MONTH.fullmatch(text)
        if m and 1 <= int(m.group(2)) <= 12:
            return Period.month(int(m.group(1)), int(m.group(2)))
        raise DomainError(f"格式应为 YYYY-MM，实际为“{text}”")
    if kind == "quarter":
        m = _QUARTER.fullmatch(text)
        if m:
            return Period.quarter(int(m.group(1)), int(m.group(2)))
        raise DomainError(f"格式应为 YYYY-Qn（n 为1至4），实际为“{text}”")
    if kind == "year":
        m = _YEAR.fullmatch(text)
        if m:
            return Period.year(int(m.group(1)))
        raise DomainError(f"格式应为 YYYY，实际为“{text}”")
    raise DomainError(f"统计期间种类应为 month / quarter / year 之一，实际为“{kind}”")
