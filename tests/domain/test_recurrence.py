"""Patrol cadence: our expansion agrees with dateutil, exceptions apply, bad rules are named."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from dateutil.rrule import DAILY, FR, MONTHLY, TU, WEEKLY, rrule
from hypothesis import given, settings
from hypothesis import strategies as st

from mediation_desk.domain import recurrence as r
from mediation_desk.errors import DomainError

#: Cadences rooms use, each with the same rule built directly with dateutil's constructor.
CADENCES = {
    "FREQ=WEEKLY": dict(freq=WEEKLY),
    "FREQ=WEEKLY;BYDAY=TU": dict(freq=WEEKLY, byweekday=TU),
    "FREQ=DAILY;INTERVAL=10": dict(freq=DAILY, interval=10),
    "FREQ=MONTHLY;BYMONTHDAY=1,16": dict(freq=MONTHLY, bymonthday=(1, 16)),
    "FREQ=MONTHLY;BYDAY=1TU": dict(freq=MONTHLY, byweekday=TU(1)),
    "FREQ=MONTHLY;BYDAY=-1FR": dict(freq=MONTHLY, byweekday=FR(-1)),
    "FREQ=MONTHLY;BYMONTHDAY=31": dict(freq=MONTHLY, bymonthday=31),
}

starts = st.dates(min_value=date(2019, 1, 1), max_value=date(2031, 12, 31))


def reference(kwargs: dict[str, object], starts_on: date, at: time, start: date,
              end: date, until: date | None) -> list[date]:
    """What dateutil's own constructor gives, filtered the plain way."""
    rule = rrule(dtstart=datetime.combine(starts_on, at), **kwargs)  # type: ignore[arg-type]
    last = datetime.combine(min(end, until) if until else end, time.max)
    out = []
    for dt in rule:
        if dt > last:
            break
        if dt.date() >= start:
            out.append(dt.date())
    return out


@settings(max_examples=60, deadline=None)
@given(starts_on=starts, offset=st.integers(0, 400), span=st.integers(0, 500),
       until_after=st.one_of(st.none(), st.integers(0, 700)),
       rule=st.sampled_from(sorted(CADENCES)))
def test_expansion_agrees_with_dateutil(starts_on: date, offset: int, span: int,
                                        until_after: int | None, rule: str) -> None:
    # Ranges start anywhere around the plan's start and cross month and year ends.
    start = starts_on - timedelta(days=30) + timedelta(days=offset)
    end = start + timedelta(days=span)
    until = starts_on + timedelta(days=until_after) if until_after is not None else None
    got = r.occurrences(rule, starts_on, "09:30", start, end, until)
    assert got == reference(CADENCES[rule], starts_on, time(9, 30), max(start, starts_on),
                            end, until)
    assert all(start <= d <= end and d >= starts_on for d in got)
    if until is not None:
        assert all(d <= until for d in got)


def test_cadences_across_month_and_year_ends() -> None:
    # Every 10 days from 2026-12-25: the year end falls inside.
    assert r.occurrences("FREQ=DAILY;INTERVAL=10", date(2026, 12, 25), "09:00",
                         date(2026, 12, 1), date(2027, 1, 31)) == [
        date(2026, 12, 25), date(2027, 1, 4), date(2027, 1, 14), date(2027, 1, 24)]
    # Half-monthly.
    assert r.occurrences("FREQ=MONTHLY;BYMONTHDAY=1,16", date(2026, 12, 1), "09:00",
                         date(2026, 12, 1), date(2027, 2, 1)) == [
        date(2026, 12, 1), date(2026, 12, 16), date(2027, 1, 1), date(2027, 1, 16),
        date(2027, 2, 1)]
    # The first Tuesday of each month.
    assert r.occurrences("FREQ=MONTHLY;BYDAY=1TU", date(2026, 11, 1), "09:00",
                         date(2026, 11, 1), date(2027, 2, 28)) == [
        date(2026, 11, 3), date(2026, 12, 1), date(2027, 1, 5), date(2027, 2, 2)]
    # The 31st skips short months (dateutil's reading of RFC 5545).
    assert r.occurrences("FREQ=MONTHLY;BYMONTHDAY=31", date(2027, 1, 1), "09:00",
                         date(2027, 1, 1), date(2027, 5, 31)) == [
        date(2027, 1, 31), date(2027, 3, 31), date(2027, 5, 31)]
    # until is inclusive.
    assert r.occurrences("FREQ=WEEKLY", date(2026, 12, 1), "09:00", date(2026, 12, 1),
                         date(2026, 12, 31), until=date(2026, 12, 15))[-1] == date(2026, 12, 15)


@pytest.mark.parametrize(("rule", "expected"), [
    ("FREQ=DAILY;INTERVAL=10", "每10天"),
    ("FREQ=DAILY", "每天"),
    ("FREQ=WEEKLY;BYDAY=TU", "每周二"),
    ("FREQ=WEEKLY", "每周二"),  # 2026-12-01 is a Tuesday
    ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH", "隔周周一、周四"),
    ("FREQ=MONTHLY;BYDAY=1TU", "每月第一个星期二"),
    ("FREQ=MONTHLY;BYDAY=TU;BYSETPOS=1", "每月第一个星期二"),
    ("FREQ=MONTHLY;BYDAY=-1FR", "每月最后一个星期五"),
    ("FREQ=MONTHLY;BYMONTHDAY=1,16", "每半月（1日、16日）"),
    ("FREQ=MONTHLY;BYMONTHDAY=5", "每月5日"),
    ("FREQ=MONTHLY", "每月1日"),
    ("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=10", "每3个月10日"),
    ("FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=20", "每年9月20日"),
    ("rrule:freq=daily;interval=10;count=6", "每10天，共6次"),
])
def test_describe_in_chinese(rule: str, expected: str) -> None:
    assert r.describe(rule, date(2026, 12, 1)) == expected


@pytest.mark.parametrize(("rule", "reason"), [
    ("", "不能为空"),
    ("INTERVAL=2", "缺少 FREQ"),
    ("FREQ=HOURLY", "FREQ 应为"),
    ("FREQ=DAILY;INTERVAL=0", "INTERVAL 应为正整数"),
    ("FREQ=DAILY;INTERVAL=-3", "INTERVAL 应为正整数"),
    ("FREQ=WEEKLY;BYDAY=XX", "BYDAY 的值“XX”不正确"),
    ("FREQ=WEEKLY;BYDAY=1TU", "带序号"),
    ("FREQ=DAILY;FOO=1", "不支持规则项“FOO”"),
    ("FREQ=DAILY;BYSETPOS=5", "BYSETPOS 只能用于"),
    ("FREQ=DAILY;COUNT=3;UNTIL=20270101", "不能同时出现"),
    ("FREQ=DAILY;UNTIL=20270101T000000Z", "不要带 Z"),
    ("FREQ=MONTHLY;BYMONTHDAY=40", "BYMONTHDAY"),
    ("DTSTART:20260101T000000\nRRULE:FREQ=DAILY", "只能是一条 RRULE"),
    ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "一次排查也没有"),
])
def test_bad_rules_are_named_in_chinese(rule: str, reason: str) -> None:
    problem = r.rule_problem(rule, date(2026, 12, 1))
    assert problem is not None and reason in problem, problem


def test_a_rule_that_ends_before_the_plan_starts_is_refused() -> None:
    assert r.rule_problem("FREQ=DAILY;UNTIL=20261130", date(2026, 12, 1)) is not None
    assert r.rule_problem("FREQ=DAILY;INTERVAL=10", date(2026, 12, 1), date(2026, 12, 1)) is None


def test_times_of_day() -> None:
    assert r.parse_time("9:05") == time(9, 5)
    assert r.format_time(r.parse_time("09:00")) == "09:00"
    for bad in ("24:00", "9点", "09:60", ""):
        with pytest.raises(DomainError, match="时间格式"):
            r.parse_time(bad)


def test_exceptions_cancel_move_and_extra() -> None:
    rule, starts_on = "FREQ=DAILY;INTERVAL=10", date(2026, 12, 1)
    changes = [
        r.Change("cancel", date(2026, 12, 11), None),
        r.Change("move", date(2026, 12, 21), date(2026, 12, 23), "14:00"),
        r.Change("extra", None, date(2026, 12, 28), "15:30"),
        r.Change("move", date(2026, 12, 12), date(2026, 12, 13)),  # not an occurrence: ignored
    ]
    slots = r.expand(rule, starts_on, "09:00", None, changes, date(2026, 12, 1),
                     date(2026, 12, 31))
    assert [(s.on, s.time, s.kind, s.cancelled, s.original_on) for s in slots] == [
        (date(2026, 12, 1), "09:00", "planned", False, None),
        (date(2026, 12, 11), "09:00", "planned", True, None),
        (date(2026, 12, 23), "14:00", "moved", False, date(2026, 12, 21)),
        (date(2026, 12, 28), "15:30", "extra", False, None),
        (date(2026, 12, 31), "09:00", "planned", False, None),
    ]
    assert slots[2].key == date(2026, 12, 21)
    # A move across the range's edge shows where it moved to, not where it was planned.
    moved_out = r.expand(rule, starts_on, "09:00", None,
                         [r.Change("move", date(2026, 12, 31), date(2027, 1, 2))],
                         date(2026, 12, 25), date(2026, 12, 31))
    assert moved_out == []
    moved_in = r.expand(rule, starts_on, "09:00", None,
                        [r.Change("move", date(2026, 12, 31), date(2027, 1, 2))],
                        date(2027, 1, 1), date(2027, 1, 5))
    assert [(s.on, s.kind) for s in moved_in] == [(date(2027, 1, 2), "moved")]


def test_overlaps() -> None:
    day = date(2026, 12, 1)
    assert r.overlaps(day, "09:00", 180, day, "11:59", 30)
    assert not r.overlaps(day, "09:00", 180, day, "12:00", 30)
    assert not r.overlaps(day, "09:00", 60, day + timedelta(days=1), "09:00", 60)
