"""Patrol cadence: RFC 5545 RRULEs checked, expanded and described in Chinese.

Why python-dateutil and no engine of our own: recurrence has corners (months without a 31st,
"the first Tuesday", leap years, year ends) that dateutil has handled for fifteen years.
What this module adds is what dateutil does not: a Chinese reason for a bad rule, a guard
against rules that never fire (dateutil would then search up to the year 9999, seconds of
CPU, before giving up), the plan's exceptions (cancelled, moved and extra occurrences), and
a description a mediator can read ("每月第一个星期二").

Occurrences are never stored; a plan keeps its rule and its exceptions, and every view
expands them on demand. An occurrence's identity (:attr:`Slot.identity`) is what visits are
recorded against: a planned or moved occurrence is named for good by its planned date (a moved
one keeps ``original_on``), an extra visit by its exception's id. Dates alone are not enough: an
extra visit may fall on the planned date of an occurrence moved away, or on the same day as a
planned one, and each must keep its own visits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from dateutil.rrule import rrule, rruleset, rrulestr

from mediation_desk.domain.errors import DomainError

FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
ALLOWED_PARTS = ("FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH",
                 "BYSETPOS", "WKST")
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
WEEKDAY_LABELS = "一二三四五六日"
ORDINALS = {1: "第一个", 2: "第二个", 3: "第三个", 4: "第四个", 5: "第五个",
            -1: "最后一个", -2: "倒数第二个"}
MAX_INTERVAL = 366
#: How far ahead a new rule must fire at least once (a rule that never fires is refused).
FIRST_OCCURRENCE_WITHIN_DAYS = 5 * 366

_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_BYDAY = re.compile(r"^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$")


# -- times of day ------------------------------------------------------------------------------
def parse_time(text: str) -> time:
    """``"09:00"`` → 09:00; DomainError("时间格式应为 HH:MM") otherwise."""
    match = _TIME.match(text.strip())
    if not match:
        raise DomainError(f"时间格式应为 时:分（如 09:00），实际为“{text}”")
    return time(int(match.group(1)), int(match.group(2)))


def format_time(value: time) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


# -- rules --------------------------------------------------------------------------------------
def normalise_rule(rule: str) -> str:
    """Upper-case, without an ``RRULE:`` prefix or spaces: the form stored on a plan."""
    text = rule.strip()
    if text.upper().startswith("RRULE:"):
        text = text[len("RRULE:"):]
    return ";".join(p.strip() for p in text.replace(" ", "").upper().split(";") if p.strip())


def rule_parts(rule: str) -> dict[str, str]:
    """The rule's ``NAME=VALUE`` parts (after :func:`normalise_rule`)."""
    parts: dict[str, str] = {}
    for piece in normalise_rule(rule).split(";"):
        name, _, value = piece.partition("=")
        parts[name] = value
    return parts


def _screen(rule: str) -> str | None:
    """Reasons dateutil would not give (or would give only after a long search)."""
    if not rule.strip():
        return "不能为空"
    if "\n" in rule.strip() or "DTSTART" in rule.upper():
        return "只能是一条 RRULE（开始日期和时间另填）"
    parts = rule_parts(rule)
    for name, value in parts.items():
        if name not in ALLOWED_PARTS:
            return f"不支持规则项“{name}”（可用：{'、'.join(ALLOWED_PARTS)}）"
        if not value:
            return f"规则项“{name}”没有值"
    freq = parts.get("FREQ", "")
    if not freq:
        return "缺少 FREQ（DAILY / WEEKLY / MONTHLY / YEARLY）"
    if freq not in FREQUENCIES:
        return f"FREQ 应为 {' / '.join(FREQUENCIES)} 之一（排查最多每天一次），实际为“{freq}”"
    for name in ("INTERVAL", "COUNT"):
        if name in parts and (not parts[name].isdigit()
                              or not 1 <= int(parts[name]) <= 10_000):
            return f"{name} 应为正整数，实际为“{parts[name]}”"
    if int(parts.get("INTERVAL", "1")) > MAX_INTERVAL:
        return f"INTERVAL 不能大于 {MAX_INTERVAL}"
    if "COUNT" in parts and "UNTIL" in parts:
        return "COUNT 与 UNTIL 不能同时出现"
    if "BYSETPOS" in parts and freq not in ("MONTHLY", "YEARLY"):
        return "BYSETPOS 只能用于按月或按年的规则"
    for name, low, high in (("BYMONTHDAY", 1, 31), ("BYMONTH", 1, 12), ("BYSETPOS", 1, 366)):
        for value in parts.get(name, "").split(",") if name in parts else []:
            number = value.lstrip("+-")
            if not number.isdigit() or not low <= int(number) <= high or (
                    name == "BYMONTH" and value.startswith("-")):
                return f"{name} 的值“{value}”不正确（应在{low}至{high}之间）"
    for day in parts.get("BYDAY", "").split(",") if "BYDAY" in parts else []:
        match = _BYDAY.match(day)
        if not match:
            return f"BYDAY 的值“{day}”不正确（如 TU、1TU、-1FR）"
        if match.group(1) and freq not in ("MONTHLY", "YEARLY"):
            return f"BYDAY 的“{day}”带序号，只能用于按月或按年的规则"
    return None


def _dateutil_reason(exc: Exception) -> str:
    text = str(exc)
    if "UNTIL" in text and "UTC" in text:
        return "UNTIL 请写本地日期（如 20270331），不要带 Z；也可只填计划的结束日期"
    match = re.search(r"unknown parameter '?(\w+)'?", text)
    if match:
        return f"不认识的规则项“{match.group(1)}”"
    match = re.search(r"invalid '?(\w+)'?: ?(\S*)", text)
    if match:
        return f"{match.group(1)} 的值“{match.group(2)}”不正确"
    return f"无法识别（{text}）"


def parse_rule(rule: str, dtstart: datetime) -> rrule:
    """The dateutil rule for ``rule`` starting at ``dtstart``; DomainError with a Chinese
    reason if it is not a rule we accept."""
    reason = _screen(rule)
    if reason:
        raise DomainError(reason)
    try:
        parsed = rrulestr(normalise_rule(rule), dtstart=dtstart)
    except (ValueError, TypeError, OverflowError) as exc:
        raise DomainError(_dateutil_reason(exc)) from exc
    if isinstance(parsed, rruleset) or not isinstance(parsed, rrule):
        raise DomainError("只能是一条 RRULE")
    return parsed


def rule_problem(rule: str, starts_on: date | None = None, until: date | None = None,
                 at: str = "09:00") -> str | None:
    """``None`` if ``rule`` is acceptable, else the Chinese reason.

    With ``starts_on``, the rule must also fire at least once between the start and
    ``until`` (or within five years when open-ended): a rule that never fires is a typo."""
    start = starts_on or date(2026, 1, 1)
    try:
        parsed = parse_rule(rule, datetime.combine(start, parse_time(at)))
    except DomainError as exc:
        return exc.reason
    if starts_on is None:
        return None
    last = until or starts_on + timedelta(days=FIRST_OCCURRENCE_WITHIN_DAYS)
    first = parsed.after(datetime.combine(starts_on, time.min), inc=True)
    if first is None or first.date() > last:
        return "在开始日期与结束日期之间一次排查也没有，请检查规则"
    return None


def occurrences(rule: str, starts_on: date, at: str, start: date, end: date,
                until: date | None = None) -> list[date]:
    """The rule's dates in ``start``…``end`` (inclusive), never before ``starts_on`` nor
    after ``until`` (inclusive)."""
    last = min(end, until) if until else end
    first = max(start, starts_on)
    if last < first:
        return []
    parsed = parse_rule(rule, datetime.combine(starts_on, parse_time(at)))
    found = parsed.between(datetime.combine(first, time.min),
                           datetime.combine(last, time.max), inc=True)
    return [d.date() for d in found]


def is_occurrence(rule: str, starts_on: date, at: str, on: date,
                  until: date | None = None) -> bool:
    return bool(occurrences(rule, starts_on, at, on, on, until))


# -- exceptions ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Change:
    """One exception to the cadence (a plan's ``PatrolChange`` row as plain data)."""

    kind: str  # cancel | move | extra
    original_on: date | None
    new_on: date | None
    new_time: str = ""
    id: str = ""  # the exception row's id; names an extra visit for good


@dataclass(frozen=True)
class Slot:
    """One occurrence after exceptions: when, and what it is."""

    on: date
    time: str
    original_on: date | None  # the planned date of a moved occurrence, else None
    kind: str  # planned | moved | extra
    cancelled: bool = False
    extra_id: str = ""  # an extra visit: the id of its exception ("" otherwise)

    @property
    def key(self) -> date:
        """The occurrence's planned date (a moved one keeps it); an extra's own date."""
        return self.original_on or self.on

    @property
    def identity(self) -> tuple[date, str]:
        """What names this occurrence for good: its planned date, and for an extra visit the
        id of its exception (an extra may share a date with a planned or moved one)."""
        return self.key, self.extra_id


def expand(rule: str, starts_on: date, at: str, until: date | None,
           changes: Iterable[Change], start: date, end: date) -> list[Slot]:
    """The plan's occurrences in ``start``…``end`` with its exceptions applied, sorted.

    Cancelled occurrences are included (``cancelled=True``) so lists can show them struck
    out. A move counts where it moved *to*; a change naming a date that is not (or no longer,
    after the rule was edited) an occurrence is ignored.
    """
    changes = list(changes)
    cancelled = {c.original_on for c in changes if c.kind == "cancel"}
    moved = {c.original_on for c in changes if c.kind == "move"}
    slots: list[Slot] = []
    for on in occurrences(rule, starts_on, at, start, end, until):
        if on in moved:
            continue
        slots.append(Slot(on, at, None, "planned", cancelled=on in cancelled))
    for c in changes:
        if c.new_on is None or not start <= c.new_on <= end:
            continue
        if c.kind == "extra":
            slots.append(Slot(c.new_on, c.new_time or at, None, "extra", extra_id=c.id))
        elif c.kind == "move" and c.original_on is not None and is_occurrence(
                rule, starts_on, at, c.original_on, until):
            slots.append(Slot(c.new_on, c.new_time or at, c.original_on, "moved"))
    slots.sort(key=lambda s: (s.on, s.time, s.identity))
    return slots


def overlaps(a_on: date, a_time: str, a_minutes: int, b_on: date, b_time: str,
             b_minutes: int) -> bool:
    """Whether two patrols' time spans overlap (a double booking if they share a person)."""
    a = datetime.combine(a_on, parse_time(a_time))
    b = datetime.combine(b_on, parse_time(b_time))
    return a < b + timedelta(minutes=b_minutes) and b < a + timedelta(minutes=a_minutes)


# -- Chinese description --------------------------------------------------------------------------
def _weekday(code: str) -> str:
    return "周" + WEEKDAY_LABELS[WEEKDAYS.index(code)]


def _byday_text(value: str, setpos: str = "") -> str:
    texts = []
    for day in value.split(","):
        match = _BYDAY.match(day)
        if not match:
            return value
        number = int(match.group(1)) if match.group(1) else (int(setpos) if setpos and
                                                               "," not in setpos else 0)
        name = "星期" + WEEKDAY_LABELS[WEEKDAYS.index(match.group(2))]
        texts.append(f"{ORDINALS.get(number, f'第{number}个')}{name}" if number
                     else f"每个{name}")
    return "、".join(texts)


def _monthday_text(value: str) -> str:
    days = []
    for d in value.split(","):
        n = int(d)
        days.append("最后一天" if n == -1 else f"倒数第{-n}天" if n < 0 else f"{n}日")
    return "、".join(days)


def describe(rule: str, starts_on: date | None = None) -> str:
    """The cadence as a mediator says it: 每10天, 每周二, 每月第一个星期二, 每半月（1日、16日）.

    Falls back to the rule itself for shapes without a plain Chinese phrase."""
    try:
        if _screen(rule):
            return normalise_rule(rule)
        parts = rule_parts(rule)
        text = _describe(parts, starts_on or date(2026, 1, 1))
    except (ValueError, IndexError):
        return normalise_rule(rule)
    if "COUNT" in parts:
        text += f"，共{int(parts['COUNT'])}次"
    if "UNTIL" in parts and re.match(r"^\d{8}", parts["UNTIL"]):
        u = parts["UNTIL"]
        text += f"，至{int(u[:4])}年{int(u[4:6])}月{int(u[6:8])}日"
    return text


def _describe(parts: dict[str, str], starts_on: date) -> str:
    freq, n = parts["FREQ"], int(parts.get("INTERVAL", "1"))
    if freq == "DAILY":
        return "每天" if n == 1 else f"每{n}天"
    if freq == "WEEKLY":
        matches = [_BYDAY.match(d) for d in parts["BYDAY"].split(",")] if "BYDAY" in parts \
            else None
        names = "、".join(_weekday(m.group(2)) for m in matches if m) if matches \
            else _weekday(WEEKDAYS[starts_on.weekday()])
        return f"每{names}" if n == 1 else (f"隔周{names}" if n == 2 else f"每{n}周的{names}")
    if freq == "MONTHLY":
        every = "每月" if n == 1 else f"每{n}个月"
        if "BYMONTHDAY" in parts:
            days = [int(d) for d in parts["BYMONTHDAY"].split(",")]
            if n == 1 and len(days) == 2 and all(d > 0 for d in days) \
                    and 13 <= abs(days[1] - days[0]) <= 16:
                return f"每半月（{_monthday_text(parts['BYMONTHDAY'])}）"
            return every + _monthday_text(parts["BYMONTHDAY"])
        if "BYDAY" in parts:
            return every + _byday_text(parts["BYDAY"], parts.get("BYSETPOS", ""))
        return f"{every}{starts_on.day}日"
    if freq == "YEARLY":
        every = "每年" if n == 1 else f"每{n}年"
        months = parts.get("BYMONTH", str(starts_on.month))
        month_text = "、".join(f"{int(m)}月" for m in months.split(","))
        if "BYDAY" in parts:
            return every + month_text + _byday_text(parts["BYDAY"], parts.get("BYSETPOS", ""))
        return every + month_text + _monthday_text(parts.get("BYMONTHDAY", str(starts_on.day)))
    raise ValueError(freq)
