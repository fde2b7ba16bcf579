"""Demo registers carry the report's own facts too: prevention and court confirmations, so the
统计 page of a demo shows every block filled."""

from __future__ import annotations

from datetime import date

from mediation_desk import clock
from mediation_desk.domain.periods import Period
from mediation_desk.services.demo.fill import fill_demo
from mediation_desk.services.statistics.service import StatisticsService
from tests.conftest import Register

TODAY = date(2026, 6, 1)


def test_demo_fills_prevention_and_confirmations(register: Register) -> None:
    with clock.pinned(TODAY):
        summary = fill_demo(register.store, register.actor, cases=200, seed=5, today=TODAY)
    assert summary["report_facts"]["prevented"] > 0 and summary["report_facts"]["confirmed"] > 0
    figures = StatisticsService(register.store, register.actor).figures(
        Period.custom(date(2022, 1, 1), TODAY))
    p = figures.prevented
    assert p.criminal + p.group_fight + p.group_petition + p.suicide == \
        summary["report_facts"]["prevented"]
    assert figures.judicial_confirmations == summary["report_facts"]["confirmed"]
    assert p.criminal_people >= p.criminal
