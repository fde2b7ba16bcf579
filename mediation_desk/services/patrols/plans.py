"""Patrol plans read and checked, and their calendar: occurrences with marks, double bookings.

Why apart from the service: the calendar is read by the 排查 page, 工作台, the printed
timetable, the iCalendar export and the visit checks; all of them expand plans the same way
here (rule + exceptions → slots, then visits → marks) without opening a transaction.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from mediation_desk import clock
from mediation_desk.domain import recurrence
from mediation_desk.errors import DomainError, NotFound, Problem
from mediation_desk.services.patrols.types import Occurrence, PlanDraft, PlanView, TeamMember
from mediation_desk.services.settings.dictionaries import ensure_village
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.changes import ChangeSet
from mediation_desk.store.models import PatrolChange, PatrolPlan, PatrolVisit

MAX_DURATION = 24 * 60
#: How far ahead a new open-ended plan is checked for double bookings.
BOOKING_HORIZON_DAYS = 366
#: How far from a date an occurrence is looked for (see :func:`find_occurrence`).
FIND_WINDOW_DAYS = 120


# -- reading plans --------------------------------------------------------------------------------
def team_of(plan: PatrolPlan) -> list[TeamMember]:
    return [TeamMember(str(m.get("name", "")), str(m.get("role", "member")))
            for m in json.loads(plan.team or "[]")]


def team_names(team: Sequence[TeamMember]) -> tuple[str, ...]:
    """Names, lead first (the order the record form and timetable print them)."""
    leads = [m.name for m in team if m.role == "lead"]
    return tuple(leads + [m.name for m in team if m.role != "lead"])


def lead_of(team: Sequence[TeamMember]) -> str:
    names = team_names(team)
    return names[0] if names else ""


def plan_view(plan: PatrolPlan, today: date | None = None) -> PlanView:
    today = today or clock.today()
    team = team_of(plan)
    return PlanView(
        id=plan.id, title=plan.title, villages=tuple(json.loads(plan.villages or "[]")),
        team=tuple(team), lead=lead_of(team), starts_on=plan.starts_on, until=plan.until,
        time=plan.start_time, duration_minutes=plan.duration_minutes, rule=plan.rule,
        rule_text=recurrence.describe(plan.rule, plan.starts_on),
        focus=tuple(json.loads(plan.focus or "[]")), note=plan.note,
        active=bool(plan.active) and (plan.until is None or plan.until >= today))


def get_plan(plan_id: str) -> PatrolPlan:
    plan = PatrolPlan.get_live(plan_id)
    if plan is None:
        raise NotFound(f"找不到排查计划 {plan_id}")
    return plan


def plan_named(title: str) -> PatrolPlan:
    """The live plan with this title (titles are unique among live plans)."""
    plan: PatrolPlan | None = (PatrolPlan.live().where(PatrolPlan.title == title.strip())
                               .order_by(PatrolPlan.created_at.desc()).first())
    if plan is None:
        raise NotFound(f"找不到名为“{title}”的排查计划")
    return plan


def changes_of(plan_ids: Iterable[str]) -> dict[str, list[recurrence.Change]]:
    found: dict[str, list[recurrence.Change]] = defaultdict(list)
    ids = list(plan_ids)
    if not ids:
        return found
    for row in PatrolChange.live().where(PatrolChange.plan.in_(ids)):
        found[row.plan_id].append(recurrence.Change(row.kind, row.original_on, row.new_on,
                                                    row.new_time, row.id))
    return found


# -- checking a draft -----------------------------------------------------------------------------
def check_plan(draft: PlanDraft, exclude_id: str | None = None,
               record: str = "排查计划") -> list[Problem]:
    """Every problem with ``draft``; normalises it in place (trimmed names, rule form, a lead
    chosen when the team names none)."""
    problems: list[Problem] = []

    def add(field: str, reason: str) -> None:
        problems.append(Problem(record, field, reason))

    draft.title = draft.title.strip()
    if not draft.title:
        add("计划名称", "不能为空")
    else:
        same = PatrolPlan.live().where(PatrolPlan.title == draft.title)
        if exclude_id:
            same = same.where(PatrolPlan.id != exclude_id)
        if same.exists():
            add("计划名称", f"已有名为“{draft.title}”的排查计划")
    draft.villages = [v.strip() for v in draft.villages]
    if not draft.villages or any(not v for v in draft.villages):
        add("村（社区）", "至少填写一个，且不能有空项")
    elif len(set(draft.villages)) != len(draft.villages):
        add("村（社区）", "有重复")
    _check_team(draft, add)
    if draft.until is not None and draft.until < draft.starts_on:
        add("结束日期", f"早于开始日期（{draft.starts_on.isoformat()}）")
    time_ok = True
    try:
        draft.time = recurrence.format_time(recurrence.parse_time(draft.time))
    except DomainError as exc:
        add("时间", exc.reason)
        time_ok = False
    if not 1 <= draft.duration_minutes <= MAX_DURATION:
        add("时长", f"应在1至{MAX_DURATION}分钟之间")
    draft.rule = recurrence.normalise_rule(draft.rule)
    if time_ok and (draft.until is None or draft.until >= draft.starts_on):
        reason = recurrence.rule_problem(draft.rule, draft.starts_on, draft.until, draft.time)
        if reason:
            add("排查周期（RRULE）", reason)
    draft.focus = [f.strip() for f in draft.focus if f.strip()]
    return problems


def _check_team(draft: PlanDraft, add: object) -> None:
    assert callable(add)
    for m in draft.team:
        m.name = m.name.strip()
    if not draft.team or any(not m.name for m in draft.team):
        add("排查人员", "至少一人，姓名不能为空")
        return
    names = [m.name for m in draft.team]
    if len(set(names)) != len(names):
        add("排查人员", "有重名（同一人只能出现一次）")
    for m in draft.team:
        if m.role not in ("lead", "member"):
            add(f"排查人员 {m.name} 角色", f"应为 lead / member 之一，实际为“{m.role}”")
    leads = [m for m in draft.team if m.role == "lead"]
    if len(leads) > 1:
        add("排查人员", f"只能有一名负责人，实际有{len(leads)}名："
                    + "、".join(m.name for m in leads))
    elif not leads:
        draft.team[0].role = "lead"  # the first named is responsible, as on paper


# -- the calendar -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Booking:
    """One occurrence as far as people's time goes."""

    plan_title: str
    on: date
    time: str
    minutes: int
    team: tuple[str, ...]


def occurrences(plans: Sequence[PatrolPlan], start: date, end: date,
                today: date) -> list[Occurrence]:
    """Every occurrence of ``plans`` in ``start``…``end``, marked, sorted by date and time."""
    changes = changes_of(p.id for p in plans)
    slots: list[tuple[PatrolPlan, recurrence.Slot]] = []
    for plan in plans:
        for slot in recurrence.expand(plan.rule, plan.starts_on, plan.start_time, plan.until,
                                      changes.get(plan.id, []), start, end):
            slots.append((plan, slot))
    visits = _visits_for(slots)
    result = []
    for plan, slot in slots:
        team = team_of(plan)
        found = visits.get((plan.id, *slot.identity), [])
        result.append(Occurrence(
            plan_id=plan.id, plan_title=plan.title, on=slot.on, time=slot.time,
            duration_minutes=plan.duration_minutes,
            villages=tuple(json.loads(plan.villages or "[]")), team=team_names(team),
            lead=lead_of(team), original_on=slot.original_on, kind=slot.kind,
            mark=_mark(slot, found, today), visit_ids=tuple(v for v, _ in found),
            extra_id=slot.extra_id))
    result.sort(key=lambda o: (o.on, o.time, o.plan_title, o.identity))
    return result


def _visits_for(slots: Sequence[tuple[PatrolPlan, recurrence.Slot]]
                ) -> dict[tuple[str, date, str], list[tuple[str, bool]]]:
    """Visits recorded against these occurrences: (plan, planned date, extra id) → (id,
    zero)."""
    found: dict[tuple[str, date, str], list[tuple[str, bool]]] = defaultdict(list)
    keys = {slot.key for _, slot in slots}
    plan_ids = {plan.id for plan, _ in slots}
    if not keys:
        return found
    query = (PatrolVisit.select(PatrolVisit.id, PatrolVisit.plan, PatrolVisit.occurrence_on,
                                PatrolVisit.extra, PatrolVisit.zero_report)
             .where(PatrolVisit.deleted_at.is_null(), PatrolVisit.plan.in_(list(plan_ids)),
                    PatrolVisit.occurrence_on.between(min(keys), max(keys)))
             .order_by(PatrolVisit.on, PatrolVisit.created_at))
    for v in query:
        found[v.plan_id or "", v.occurrence_on, v.extra_id or ""].append(
            (v.id, bool(v.zero_report)))
    return found


def _mark(slot: recurrence.Slot, visits: Sequence[tuple[str, bool]], today: date) -> str:
    if visits:
        return "zero" if all(zero for _, zero in visits) else "done"
    if slot.cancelled:
        return "cancelled"
    if slot.on < today:
        return "missed"
    return "due" if slot.on == today else "upcoming"


def candidates(plan: PatrolPlan, on: date, today: date, *, extra_id: str = "",
               planned: bool = False) -> list[Occurrence]:
    """The plan's occurrences a caller may mean, most likely first.

    ``extra_id`` names an extra visit exactly. Otherwise ``on`` is a planned date when
    ``planned`` (the occurrence planned then, wherever it moved; then extra visits that day),
    else the day a patrol happens (occurrences on it, planned or moved before extra ones;
    then the one planned that day and moved away). Looks four months around ``on``, so a
    moved occurrence is found by either date (moves of more than that are not found by their
    planned date)."""
    window = occurrences([plan], on - timedelta(days=FIND_WINDOW_DAYS),
                         on + timedelta(days=FIND_WINDOW_DAYS), today)
    if extra_id:
        return [o for o in window if o.extra_id == extra_id]
    by_key = [o for o in window if not o.extra_id and o.key == on]
    happening = sorted((o for o in window if o.on == on), key=lambda o: bool(o.extra_id))
    ordered = by_key + happening if planned else happening + by_key
    return list(dict.fromkeys(ordered))


def find_occurrence(plan: PatrolPlan, on: date, today: date, *,
                    extra_id: str = "") -> Occurrence | None:
    """The occurrence named by ``on`` (see :func:`candidates`): its planned date first, else
    the one happening that day; ``extra_id`` names an extra visit."""
    found = candidates(plan, on, today, extra_id=extra_id, planned=True)
    return found[0] if found else None


# -- double bookings ------------------------------------------------------------------------------
def bookings_of(occs: Iterable[Occurrence]) -> list[Booking]:
    return [Booking(o.plan_title, o.on, o.time, o.duration_minutes, o.team)
            for o in occs if o.mark != "cancelled"]


def draft_bookings(draft: PlanDraft, start: date, end: date) -> list[Booking]:
    team = team_names(draft.team)
    return [Booking(draft.title, on, draft.time, draft.duration_minutes, team)
            for on in recurrence.occurrences(draft.rule, draft.starts_on, draft.time, start,
                                             end, draft.until)]


def clashes(mine: Sequence[Booking], others: Sequence[Booking]) -> list[str]:
    """Warnings for people booked twice at overlapping times: one line per person and pair
    of plans, naming the first date and how many more there are."""
    by_day: dict[date, list[Booking]] = defaultdict(list)
    for b in others:
        by_day[b.on].append(b)
    found: dict[tuple[str, str, str], list[tuple[date, str, str]]] = defaultdict(list)
    for a in mine:
        for b in by_day.get(a.on, []):
            if a is b or (a.plan_title == b.plan_title and a.time == b.time):
                continue
            if not recurrence.overlaps(a.on, a.time, a.minutes, b.on, b.time, b.minutes):
                continue
            x, y = (a, b) if (a.plan_title, a.time) <= (b.plan_title, b.time) else (b, a)
            for person in sorted(set(a.team) & set(b.team)):
                found[person, x.plan_title, y.plan_title].append((a.on, x.time, y.time))
    messages = []
    for (person, first, second), hits in sorted(found.items()):
        hits = sorted(set(hits))
        on, a_time, b_time = hits[0]
        more = f"等{len(hits)}次" if len(hits) > 1 else ""
        messages.append(f"{person} 在 {on.isoformat()} {more}同时排在“{first}”和“{second}”"
                        f"（{a_time} 与 {b_time}，时间重叠）")
    return messages


def all_clashes(occs: Sequence[Occurrence]) -> list[str]:
    """Double bookings among the given occurrences (each pair of plans reported once)."""
    bookings = bookings_of(occs)
    return clashes(bookings, bookings)


def villages_added(names: list[str], actor: Actor, changes: ChangeSet) -> list[str]:
    """Add villages not yet in the list; one warning naming them (a typo shows up here)."""
    added: list[str] = []
    for name in dict.fromkeys(n.strip() for n in names if n.strip()):
        notices: list[str] = []
        ensure_village(name, actor, notices)
        if notices:
            added.append(name)
    if added:
        changes.touch("village")
        return [f"新增村（社区）：{'、'.join(added)}，请核对是否笔误"]
    return []
