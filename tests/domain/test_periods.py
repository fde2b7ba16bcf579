"""Reporting periods: months, quarters, years and runs of days, their names and a year back."""

from __future__ import annotations

from datetime import date

import pytest

from mediation_desk.domain.errors import DomainError
from mediation_desk.domain.periods import Period, parse_period, twelve_months_to, year_earlier


def test_months_quarters_and_years() -> None:
    assert Period.month(2026, 2) == Period("month", date(2026, 2, 1), date(2026, 2, 28))
    assert Period.month(2024, 2).end == date(2024, 2, 29)
    assert Period.quarter(2026, 4) == Period("quarter", date(2026, 10, 1), date(2026, 12, 31))
    assert Period.year(2026).days == 365
    assert Period.containing("quarter", date(2026, 5, 17)) == Period.quarter(2026, 2)


def test_names_as_a_report_form_writes_them() -> None:
    assert Period.month(2026, 11).label == "2026年11月"
    assert Period.quarter(2026, 4).label == "2026年第四季度"
    assert Period.year(2026).label == "2026年"
    assert Period.custom(date(2026, 3, 5), date(2026, 4, 4)).label == \
        "2026年3月5日至2026年4月4日"


def test_the_same_period_a_year_earlier() -> None:
    assert Period.month(2024, 2).year_earlier() == Period.month(2023, 2)
    assert Period.month(2025, 2).year_earlier().end == date(2024, 2, 29)
    assert Period.quarter(2026, 1).year_earlier() == Period.quarter(2025, 1)
    leap = Period.custom(date(2024, 2, 29), date(2024, 3, 31)).year_earlier()
    assert (leap.start, leap.end) == (date(2023, 2, 28), date(2023, 3, 31))
    assert year_earlier(date(2026, 12, 31)) == date(2025, 12, 31)


def test_twelve_months_cross_the_year() -> None:
    months = twelve_months_to(2026, 3)
    assert months[0] == (2025, 4) and months[-1] == (2026, 3) and len(months) == 12
    assert Period.quarter(2026, 1).months() == [(2026, 1), (2026, 2), (2026, 3)]


@pytest.mark.parametrize(("kind", "text", "expected"), [
    ("month", "2026-11", Period.month(2026, 11)), ("month", "2026-1", Period.month(2026, 1)),
    ("quarter", "2026-Q4", Period.quarter(2026, 4)), ("quarter", "2026-q1",
                                                       Period.quarter(2026, 1)),
    ("year", "2026", Period.year(2026))])
def test_parsing_the_command_line_forms(kind: str, text: str, expected: Period) -> None:
    assert parse_period(kind, text) == expected


@pytest.mark.parametrize(("kind", "text"), [("month", "2026-13"), ("month", "2026/11"),
                                            ("quarter", "2026-Q5"), ("year", "26")])
def test_bad_forms_are_refused_naming_the_form(kind: str, text: str) -> None:
    with pytest.raises(DomainError, match="格式应为"):
        parse_period(kind, text)
    with pytest.raises(DomainError):
        Period.custom(date(2026, 2, 1), date(2026, 1, 1))
