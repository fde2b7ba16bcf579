"""The demo on any day (issue 10): a small demo filled with the program's clock at month ends,
29 February, the year's end, Chinese New Year and years off, through the same services as
real work — it must go in whole, every status present, nothing dated after its today, and
工作台 must read it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from mediation_desk import clock
from mediation_desk.domain.lifecycle import CaseStatus
from mediation_desk.services.agenda.today import TodayService
from mediation_desk.services.demo import demo_filled, fill_demo
from mediation_desk.services.demo.patrols import MIN_DAYS
from mediation_desk.services.patrols.service import PatrolService
from mediation_desk.services.shared import audit
from mediation_desk.store.models import Case, FollowUp, PatrolVisit
from tests.conftest import Register
from tests.days import FEW_DAYS, day_id, moment

CASES = 12


@pytest.mark.parametrize("today", FEW_DAYS, ids=day_id)
def test_a_small_demo_on_any_day(register: Register, today: date) -> None:
    with clock.travelled(moment(today)):
        summary = fill_demo(register.store, register.actor, cases=CASES, seed=today.toordinal())
        agenda = TodayService(register.store, register.actor).agenda()
        patrol_agenda = PatrolService(register.store, register.actor).agenda()
    assert summary["today"] == today.isoformat() and summary["cases"] == CASES
    assert demo_filled(register.store) is not None
    assert {c.status for c in Case.live()} == {s.value for s in CaseStatus}
    assert max(c.received_on for c in Case.live()) <= today
    assert all(c.closed_on is None or c.closed_on <= today for c in Case.live())
    assert all(f.done_on is None or f.done_on <= today for f in FollowUp.live())
    visits = list(PatrolVisit.live())
    assert visits and max(v.on for v in visits) <= today
    history = (today - timedelta(days=MIN_DAYS)).replace(day=1)  # a small demo's patrols
    assert min(v.on for v in visits) >= history
    assert summary["patrols"]["visits"] == len(visits)
    assert all(o.on == today for o in patrol_agenda.today)
    assert all(today - timedelta(days=30) <= o.on < today for o in patrol_agenda.overdue)
    assert all(item.due is None or item.due >= today - timedelta(days=4 * 366)
               for item in agenda.all())
    assert audit.verify_chain() is None
