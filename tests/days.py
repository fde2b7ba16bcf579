"""The "todays" that date-sensitive tests sweep (issue 10): a room works on every day of the
year, and a laptop's clock may be years off.

Month ends (31st, 30th, 28 February), 29 February 2028 and the day after, the year's end and
the next morning, Chinese New Year weeks (2027-02-06 is New Year's Eve; 2028-01-26 is New Year's
Day), and clocks far in the past and the future. Tests move the program's clock there with
``clock.travelled(moment(day))``.
"""

from __future__ import annotations

from datetime import date, datetime, time

DAYS = (
    date(2026, 1, 31), date(2026, 4, 30), date(2026, 12, 31), date(2027, 1, 1),
    date(2027, 2, 6), date(2027, 2, 10), date(2027, 2, 13), date(2027, 2, 28),
    date(2027, 3, 1), date(2028, 1, 26), date(2028, 2, 28), date(2028, 2, 29),
    date(2028, 3, 1), date(2028, 12, 31), date(2030, 12, 31), date(2019, 6, 15),
    date(2035, 11, 30),
)
#: A shorter sweep for heavier tests (a whole demo each): one of each kind.
FEW_DAYS = (
    date(2026, 4, 30), date(2026, 12, 31), date(2027, 1, 1), date(2027, 2, 10),
    date(2027, 2, 28), date(2028, 2, 29), date(2028, 1, 26), date(2019, 6, 15),
    date(2035, 11, 30),
)


def moment(day: date) -> datetime:
    """Ten in the morning of ``day``: the room is open."""
    return datetime.combine(day, time(10, 0))


def day_id(day: date) -> str:
    return day.isoformat()
