"""Patrol schedules, visits and the patrol part of 工作台 on any day (issue 10), through the
service on a real register: plans on the cadences rooms use, an occurrence moved across the
month's end, an extra visit on its planned date, one cancelled, visits recorded up to today —
with the program's clock at month ends, leap days, the year's end, Chinese New Year and years
off."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest

from mediation_desk import clock
from mediation_desk.errors import ValidationError
from mediation_desk.services.patrols.service import (
    PatrolService,
    PlanDraft,
    TeamMember,
    VisitDraft,
)
from tests.conftest import Register
from tests.days import DAYS, day_id, moment

PLANS = (("湖一村、湖二村定期排查", ("湖一村", "湖二村"), "FREQ=DAILY;INTERVAL=10"),
         ("全镇月末大排查", ("湖三村",), "FREQ=MONTHLY;BYMONTHDAY=-1"),
         ("美溪村半月排查", ("美溪村",), "FREQ=MONTHLY;BYMONTHDAY=1,16"))


@pytest.mark.parametrize("today", DAYS, ids=day_id)
def test_patrols_on_any_day(register: Register, today: date) -> None:
    start = today - timedelta(days=50)
    with clock.travelled(moment(today)):
        patrols = PatrolService(register.store, register.actor)
        ids = [patrols.add_plan(PlanDraft(
            title=title, villages=list(villages), team=[TeamMember("林春梅", "lead")],
            starts_on=start, until=None, time="09:00", duration_minutes=120, rule=rule)).id
            for title, villages, rule in PLANS]
        past = patrols.schedule(start, today - timedelta(days=1), today)
        # The month-end sweep before today moves two days on (into the next month, or year);
        # an extra visit is held on its planned date; the first of the ten-day ones is off.
        month_end = [o for o in past if o.plan_id == ids[1]][-1]
        patrols.move_occurrence(ids[1], month_end.on, month_end.on + timedelta(days=2), "",
                                "遇雨天，顺延")
        extra = patrols.add_extra(ids[1], month_end.on, "15:00", "节前专项排查").id
        ten_day = [o for o in past if o.plan_id == ids[0]]
        patrols.cancel_occurrence(ids[0], ten_day[0].on, "镇里集中开会")
        left_missed = ten_day[-1]
        missed_one = (ids[0], left_missed.identity)
        held: Counter[date] = Counter()
        for occ in patrols.schedule(start, today, today):
            if occ.mark == "cancelled" or (occ.plan_id, occ.identity) == missed_one:
                continue
            for village in occ.villages:
                patrols.record_visit(VisitDraft(occ.plan_id, None, occ.on, village, [],
                                                zero_report=True))
                held[occ.on] += 1
        with pytest.raises(ValidationError, match="不能晚于今天"):
            patrols.record_visit(VisitDraft(ids[0], None, today + timedelta(days=1), "湖一村",
                                            [], ad_hoc=True))
        agenda = patrols.agenda()

    occs = patrols.schedule(start, today + timedelta(days=10), today)
    by_identity = {(o.plan_id, o.identity): o for o in occs}
    assert len(by_identity) == len(occs)
    moved = by_identity[(ids[1], (month_end.on, ""))]
    assert (moved.kind, moved.on, moved.original_on) == (
        "moved", month_end.on + timedelta(days=2), month_end.on)
    assert by_identity[(ids[1], (month_end.on, extra))].kind == "extra"
    for o in occs:
        if o.on > today:
            assert o.mark == "upcoming" and not o.visit_ids
        elif (o.plan_id, o.identity) == missed_one:
            assert o.mark == ("due" if o.on == today else "missed")
        elif o.mark != "cancelled":
            assert o.mark == "zero" and len(o.visit_ids) == len(o.villages), o
    assert [o.on for o in agenda.today] == [today] * len(agenda.today)
    assert {(o.plan_id, o.identity) for o in agenda.today} == {
        (o.plan_id, o.identity) for o in occs if o.on == today}
    missed = [(o.plan_id, o.identity) for o in agenda.overdue]
    assert missed == ([missed_one]
                      if today - timedelta(days=30) <= left_missed.on < today else [])
    month = patrols.month_counts(today.year, today.month)
    assert month.patrols_held == sum(n for day, n in held.items()
                                     if (day.year, day.month) == (today.year, today.month))
    assert month.zero_reports == month.patrols_held
