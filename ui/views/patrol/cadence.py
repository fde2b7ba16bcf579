"""The cadence presets of the plan form and the preview of the next dates.

Why presets: a mediator thinks "every Tuesday" or "the 1st and the 16th", not in RFC 5545; the
presets write the RRULE for her and "自定义" lets the rare case through. The preview expands the
rule with the domain's recurrence module, as the patrol service does (from the start date at
the plan's time, ``until`` inclusive), so the dates shown are the dates that will be planned
and a refused rule is refused with the service's own words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta

from mediation_desk.domain import recurrence

WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
PRESETS = ("weekly", "every_10_days", "half_monthly", "monthly_first", "custom")


@dataclass(frozen=True)
class Cadence:
    """A preset and, for the weekday presets, the weekday (0 = Monday)."""

    preset: str
    weekday: int = 1
    custom: str = ""

    def rule(self) -> str:
        if self.preset == "weekly":
            return f"FREQ=WEEKLY;BYDAY={WEEKDAY_CODES[self.weekday]}"
        if self.preset == "every_10_days":
            return "FREQ=DAILY;INTERVAL=10"
        if self.preset == "half_monthly":
            return "FREQ=MONTHLY;BYMONTHDAY=1,16"
        if self.preset == "monthly_first":
            return f"FREQ=MONTHLY;BYDAY=1{WEEKDAY_CODES[self.weekday]}"
        return normalise(self.custom)


def normalise(text: str) -> str:
    """The rule as stored: no "RRULE:" prefix, no spaces, capitals."""
    return recurrence.normalise_rule(text)


def cadence_of(rule: str) -> Cadence:
    """Recognise a stored rule as one of the presets (for editing a plan), else custom."""
    parts = dict(p.split("=", 1) for p in normalise(rule).split(";") if "=" in p)
    freq, byday = parts.pop("FREQ", ""), parts.pop("BYDAY", "")
    interval = parts.pop("INTERVAL", "1")
    if freq == "WEEKLY" and interval == "1" and not parts and byday in WEEKDAY_CODES:
        return Cadence("weekly", WEEKDAY_CODES.index(byday))
    if freq == "DAILY" and interval == "10" and not parts and not byday:
        return Cadence("every_10_days")
    if (freq == "MONTHLY" and interval == "1" and not byday
            and parts == {"BYMONTHDAY": "1,16"}):
        return Cadence("half_monthly")
    if (freq == "MONTHLY" and interval == "1" and not parts and len(byday) == 3
            and byday[0] == "1" and byday[1:] in WEEKDAY_CODES):
        return Cadence("monthly_first", WEEKDAY_CODES.index(byday[1:]))
    return Cadence("custom", custom=normalise(rule))


def next_dates(rule: str, starts_on: date, until: date | None, at: time, count: int = 5,
               after: date | None = None) -> list[date]:
    """The first ``count`` planned dates on or after ``after`` (default: the start date),
    expanded by the same domain code the patrol service uses.

    Raises ValueError with the Chinese reason for a rule that is refused (or never fires).
    """
    text_time = recurrence.format_time(at)
    reason = recurrence.rule_problem(rule, starts_on, until, text_time)
    if reason:
        raise ValueError(reason)
    begin = max(after or starts_on, starts_on)
    found: list[date] = []
    for days in (120, 400, 5 * 366):  # widen the window until enough dates are found
        found = recurrence.occurrences(rule, starts_on, text_time, begin,
                                       begin + timedelta(days=days), until)
        if len(found) >= count:
            break
    return found[:count]


def describe(rule: str, starts_on: date) -> str:
    """"每周二", "每10天", "每半月（1日、16日）": the cadence as the plan list shows it."""
    return recurrence.describe(rule, starts_on)
