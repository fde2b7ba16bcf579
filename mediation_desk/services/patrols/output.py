"""What patrols produce for others: month counts, the printed forms' data, iCalendar.

Why apart from the service: each output is a read-only translation of the calendar and the
visits into someone else's format (the statistics work, reportlab builders, phones), with no
rules of its own beyond the format's.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, timedelta

from mediation_desk import clock
from mediation_desk.documents.data import (
    FindingInfo,
    PatrolMonth,
    PatrolSlot,
    PatrolVisitSheet,
    RoomInfo,
)
from mediation_desk.services.patrols.types import (
    MARK_LABELS,
    Occurrence,
    PatrolCounts,
    PlanView,
    VisitView,
)
from mediation_desk.store.database import Store
from mediation_desk.store.models import Escalation, Finding, PatrolVisit

TIMEZONE = "Asia/Shanghai"
PRODID = "-//Mediation Desk//排查计划//ZH"
UID_DOMAIN = "mediation-desk"


# -- counts ---------------------------------------------------------------------------------------
def month_counts(year: int, month: int) -> PatrolCounts:
    """The month's screening figures, by the date each visit was held."""
    start = date(year, month, 1)
    end = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    visits = PatrolVisit.live().where(PatrolVisit.on.between(start, end))
    held = visits.count()
    zero = visits.where(PatrolVisit.zero_report == True).count()  # noqa: E712
    findings = (Finding.select(Finding.id, Finding.measure, Finding.case)
                .join(PatrolVisit)
                .where(Finding.deleted_at.is_null(), PatrolVisit.deleted_at.is_null(),
                       PatrolVisit.on.between(start, end)))
    rows = list(findings)
    escalated = {e.finding_id for e in Escalation.select(Escalation.finding).where(
        Escalation.deleted_at.is_null(), Escalation.finding.in_([r.id for r in rows]))} \
        if rows else set()
    return PatrolCounts(
        year=year, month=month, patrols_held=held, findings=len(rows),
        resolved_on_site=sum(r.measure == "mediated_on_site" for r in rows),
        became_cases=sum(r.case_id is not None for r in rows), zero_reports=zero,
        escalated=len(escalated))


# -- printed forms -------------------------------------------------------------------------------
def _room(store: Store) -> RoomInfo:
    from mediation_desk.services.printing.case_file import read_room

    return read_room(store)[0]


def slot_mark(occ: Occurrence) -> str:
    """The timetable's mark: 已排查 / 零报告 / 未排查 / 已取消 / 改期 / "" (still to come)."""
    if occ.mark in ("done", "zero", "missed", "cancelled"):
        return MARK_LABELS[occ.mark]
    return "改期" if occ.kind == "moved" else ""


def month_sheet(store: Store, occs: Sequence[Occurrence], year: int, month: int) -> PatrolMonth:
    slots = tuple(PatrolSlot(on=o.on, time=o.time, plan_title=o.plan_title, villages=o.villages,
                             team=o.team, lead=o.lead, mark=slot_mark(o)) for o in occs)
    return PatrolMonth(room=_room(store), year=year, month=month, slots=slots)


def visit_sheet(store: Store, view: VisitView, plan: PlanView | None) -> PatrolVisitSheet:
    findings = tuple(FindingInfo(
        summary=f.summary, parties=f.parties, dispute_type=f.dispute_type,
        people_involved=f.people_involved, amount_fen=f.amount_fen, risk_level=f.risk_label,
        measure=f.measure_label, responsible=f.responsible, due_on=f.due_on,
        escalated_to="、".join(e.target for e in f.escalations), result=f.result,
        case_number=f.case_number) for f in view.findings)
    return PatrolVisitSheet(
        room=_room(store), on=view.on, village=view.village, plan_title=view.plan_title,
        team=view.team, lead=view.team[0] if view.team else "", places=view.places,
        households_visited=view.households_visited, zero_report=view.zero_report,
        findings=findings, note=view.note, focus=plan.focus if plan else ())


# -- iCalendar -------------------------------------------------------------------------------------
def uid(occ: Occurrence) -> str:
    """Stable across exports: the plan and the occurrence's identity — its planned date, or
    for an extra visit its exception's id (two extras may share a date, and an extra moved
    stays the same event) — so a phone updates an event instead of duplicating it."""
    if occ.extra_id:
        return f"{occ.plan_id}-x{occ.extra_id}@{UID_DOMAIN}"
    return f"{occ.plan_id}-{occ.key:%Y%m%d}@{UID_DOMAIN}"


def to_ics(occs: Sequence[Occurrence], plans: Mapping[str, PlanView],
           stamp: datetime | None = None) -> bytes:
    """RFC 5545: one VEVENT per occurrence with local times in Asia/Shanghai (its VTIMEZONE
    written out, China has kept +08:00 since 1991), cancelled ones as STATUS:CANCELLED."""
    from icalendar import Calendar, Event, Timezone, TimezoneStandard

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "矛盾纠纷排查")
    tz = Timezone()
    tz.add("tzid", TIMEZONE)
    standard = TimezoneStandard()
    standard.add("dtstart", datetime(1970, 1, 1))
    standard.add("tzoffsetfrom", timedelta(hours=8))
    standard.add("tzoffsetto", timedelta(hours=8))
    standard.add("tzname", "CST")
    tz.add_component(standard)
    cal.add_component(tz)
    stamp = stamp or clock.utc_now().replace(microsecond=0, tzinfo=UTC)
    for occ in occs:
        plan = plans.get(occ.plan_id)
        hour, minute = (int(x) for x in occ.time.split(":"))
        start = datetime(occ.on.year, occ.on.month, occ.on.day, hour, minute)
        event = Event()
        event.add("uid", uid(occ))
        event.add("dtstamp", stamp)
        event.add("dtstart", start, parameters={"TZID": TIMEZONE})
        event.add("dtend", start + timedelta(minutes=occ.duration_minutes),
                  parameters={"TZID": TIMEZONE})
        prefix = "专项排查：" if occ.kind == "extra" else ""
        event.add("summary", f"{prefix}{occ.plan_title}")
        event.add("location", "、".join(occ.villages))
        lines = [f"负责人：{occ.lead}", f"排查人员：{'、'.join(occ.team)}"]
        if plan and plan.focus:
            lines.append(f"排查重点：{'、'.join(plan.focus)}")
        if occ.original_on:
            lines.append(f"原定 {occ.original_on.isoformat()}，已改期")
        event.add("description", "\n".join(lines))
        event.add("status", "CANCELLED" if occ.mark == "cancelled" else "CONFIRMED")
        event.add("categories", ["矛盾纠纷排查"])
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data

