"""Every figure of a month, a quarter, a year (and the same periods a year earlier) against a
recount written here, independently, from the ledger the test kept while making the register
through the services (tests/services/statistics/known_register.py).

The recount follows contract.md's definitions literally: received by received date; succeeded
by the agreement's date; failed by the closing date; terminated by the day mediation ended;
amounts as the sum of the agreements' terms; prevention by received date; patrols by the
visit's date, findings resolved by their resolution day and turned into cases by the case's
received date.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

import pytest

from mediation_desk import clock
from mediation_desk.domain.periods import Period
from mediation_desk.services.statistics.service import (
    DRILLS,
    StatisticsService,
    contract_json,
)
from mediation_desk.services.statistics.types import PeriodFigures
from tests.conftest import Register
from tests.services.statistics.known_register import TODAY, Ledger, Made

#: The report's source split, as a county form writes it (domain.md).
KIND = {"当事人申请": "申请", "调委会主动调解": "主动", "排查发现": "主动",
        "法院委托移送": "委托移送", "公安机关委托移送": "委托移送"}
DEFAULT_TYPE_ORDER = ("婚姻家庭纠纷", "邻里纠纷", "房屋宅基地纠纷", "合同纠纷", "生产经营纠纷",
                      "损害赔偿纠纷", "山林土地纠纷")
PERIODS = (Period.month(2026, 3), Period.month(2026, 4), Period.month(2026, 1),
           Period.quarter(2026, 1), Period.quarter(2026, 2), Period.quarter(2025, 4),
           Period.year(2026), Period.year(2025),
           Period.custom(date(2025, 11, 15), date(2026, 2, 14)))


def within(p: Period, day: date | None) -> bool:
    return day is not None and p.start <= day <= p.end


def recount(ledger: Ledger, p: Period) -> dict[str, Any]:
    """The figures of ``p``, counted case by case from what the test made."""
    received = [c for c in ledger.cases if within(p, c.received_on)]
    agreed = [c for c in ledger.cases if within(p, c.agreed_on)]
    failed = [c for c in ledger.cases if within(p, c.failed_on)]
    ended = [c for c in ledger.cases if within(p, c.terminated_on)]
    concluded = len(agreed) + len(failed) + len(ended)
    by_type = Counter(c.dispute_type for c in received)
    findings = [(v, i) for v in ledger.visits if within(p, v.on) for i in range(len(v.risks))]
    return {
        "received": len(received),
        "received_by_type": {t: n for t, n in by_type.items()},
        "received_by_source": dict(Counter(c.source for c in received)),
        "received_by_source_kind": {k: sum(1 for c in received if KIND[c.source] == k)
                                    for k in ("主动", "申请", "委托移送")},
        "succeeded": len(agreed),
        "succeeded_written": sum(1 for c in agreed if c.form == "written"),
        "succeeded_oral": sum(1 for c in agreed if c.form == "oral"),
        "failed": len(failed), "terminated": len(ended),
        "success_rate": len(agreed) / concluded if concluded else None,
        "agreement_amount_fen": sum(sum(c.amounts) for c in agreed),
        "people_involved": sum(c.people for c in received),
        "group_disputes": sum(1 for c in received if c.group),
        "judicial_confirmations": sum(1 for c in ledger.cases if within(p, c.confirmed_on)),
        "prevented": (
            sum(c.facts.prevented_criminal for c in received),
            sum(c.facts.prevented_criminal_people for c in received),
            sum(c.facts.prevented_suicide for c in received),
            sum(c.facts.prevented_group_fight for c in received),
            sum(c.facts.prevented_group_fight_people for c in received),
            sum(c.facts.prevented_group_petition for c in received),
            sum(c.facts.prevented_group_petition_people for c in received)),
        "visits": sum(1 for v in ledger.visits if within(p, v.on)),
        "zero_reports": sum(1 for v in ledger.visits if within(p, v.on) and v.zero),
        "households": sum(v.households for v in ledger.visits if within(p, v.on)),
        "villages_visited": len({v.village for v in ledger.visits if within(p, v.on)}),
        "findings": len(findings),
        "findings_by_risk": {r: sum(1 for v, i in findings if v.risks[i] == r)
                             for r in ("red", "orange", "yellow", "blue")},
        "findings_resolved": sum(1 for v in ledger.visits for d in v.resolved_on
                                 if within(p, d)),
        "findings_to_case": sum(1 for v in ledger.visits for d in v.to_case if within(p, d)),
        "types": {t: (sum(1 for c in received if c.dispute_type == t),
                      sum(1 for c in agreed if c.dispute_type == t),
                      sum(1 for c in failed + ended if c.dispute_type == t),
                      sum(sum(c.amounts) for c in agreed if c.dispute_type == t),
                      sum(c.people for c in received if c.dispute_type == t))
                  for t in {c.dispute_type for c in ledger.cases}},
        "by_village": _by(received, agreed, failed + ended, lambda c: c.village),
        "by_mediator": _by(received, agreed, failed + ended, lambda c: c.lead),
    }


def _by(received: list[Made], agreed: list[Made], unsuccessful: list[Made],
        key: Any) -> dict[str, tuple[int, int, int, int]]:
    out: dict[str, list[int]] = {}
    for c in received:
        out.setdefault(key(c), [0, 0, 0, 0])[0] += 1
    for c in agreed:
        row = out.setdefault(key(c), [0, 0, 0, 0])
        row[1] += 1
        row[3] += sum(c.amounts)
    for c in unsuccessful:
        out.setdefault(key(c), [0, 0, 0, 0])[2] += 1
    return {k: tuple(v) for k, v in out.items()}  # type: ignore[misc]


def observed(f: PeriodFigures) -> dict[str, Any]:
    pr, pa = f.prevented, f.patrols
    return {
        "received": f.received, "received_by_type": f.received_by_type,
        "received_by_source": f.received_by_source,
        "received_by_source_kind": f.received_by_source_kind,
        "succeeded": f.succeeded, "succeeded_written": f.succeeded_written,
        "succeeded_oral": f.succeeded_oral, "failed": f.failed, "terminated": f.terminated,
        "success_rate": f.success_rate, "agreement_amount_fen": f.agreement_amount_fen,
        "people_involved": f.people_involved, "group_disputes": f.group_disputes,
        "judicial_confirmations": f.judicial_confirmations,
        "prevented": (pr.criminal, pr.criminal_people, pr.suicide, pr.group_fight,
                      pr.group_fight_people, pr.group_petition, pr.group_petition_people),
        "visits": pa.visits, "zero_reports": pa.zero_reports, "households": pa.households,
        "villages_visited": pa.villages_visited, "findings": pa.findings,
        "findings_by_risk": pa.findings_by_risk, "findings_resolved": pa.findings_resolved,
        "findings_to_case": pa.findings_to_case,
    }


@pytest.mark.parametrize("period", PERIODS, ids=lambda p: p.label)
def test_every_figure_matches_an_independent_recount(built: tuple[Register, Ledger],
                                                     period: Period) -> None:
    reg, ledger = built
    stats = StatisticsService(reg.store, reg.actor)
    figures = stats.figures(period)
    expected = recount(ledger, period)
    got = observed(figures)
    for name, value in got.items():
        assert value == expected[name], f"{period.label} {name}: {value} != {expected[name]}"
    # every type of the dictionary in force has its row, with the same figures
    rows = {r.label: r for r in figures.type_rows}
    assert [r.label for r in figures.type_rows][:len(DEFAULT_TYPE_ORDER)] == \
        list(DEFAULT_TYPE_ORDER)
    for label, (rec, suc, unsuc, fen, people) in expected["types"].items():
        row = rows[label]
        assert (row.received, row.succeeded, row.failed, row.amount_fen, row.people) == \
            (rec, suc, unsuc, fen, people), label
    assert sum(r.received for r in figures.type_rows) == figures.received
    assert sum(r.written for r in figures.type_rows) == figures.succeeded_written
    # by village and by lead mediator: every row, and they add up to the room's figures
    villages = {b.name: (b.received, b.succeeded, b.unsuccessful, b.amount_fen)
                for b in stats.by_village(period) if b.received or b.succeeded or b.unsuccessful}
    assert villages == expected["by_village"]
    mediators = {b.name: (b.received, b.succeeded, b.unsuccessful, b.amount_fen)
                 for b in stats.by_mediator(period)}
    assert mediators == expected["by_mediator"]


@pytest.mark.parametrize("period", PERIODS[:8], ids=lambda p: p.label)
def test_the_same_period_a_year_earlier(built: tuple[Register, Ledger], period: Period) -> None:
    reg, ledger = built
    comparison = StatisticsService(reg.store, reg.actor).compare(period)
    earlier = period.year_earlier()
    assert comparison.year_earlier.period == earlier
    assert observed(comparison.year_earlier) == {
        k: v for k, v in recount(ledger, earlier).items() if k in observed(comparison.current)}


def test_the_register_is_not_trivial(built: tuple[Register, Ledger]) -> None:
    """The recount means something only if every figure occurs: check the ledger covers it."""
    _, ledger = built
    year = recount(ledger, Period.year(2026))
    for name in ("received", "succeeded", "succeeded_written", "succeeded_oral", "failed",
                 "terminated", "judicial_confirmations", "group_disputes", "visits",
                 "zero_reports", "findings", "findings_resolved", "findings_to_case"):
        assert year[name], name
    assert all(year["prevented"]), year["prevented"]
    assert all(year["received_by_source_kind"].values())
    # cases that cross period ends are counted where their events fall
    march = recount(ledger, Period.month(2026, 3))
    april = recount(ledger, Period.month(2026, 4))
    assert any(c.received_on == date(2026, 3, 31) and c.agreed_on == date(2026, 4, 1)
               for c in ledger.cases)
    assert april["succeeded"] >= 1 and march["received"] >= 1


def test_contract_json_of_a_month(built: tuple[Register, Ledger]) -> None:
    reg, ledger = built
    period = Period.month(2026, 3)
    doc = contract_json(StatisticsService(reg.store, reg.actor).figures(period))
    expected = recount(ledger, period)
    for key in ("from", "to", "received", "received_by_type", "received_by_source", "succeeded",
                "succeeded_written", "succeeded_oral", "failed", "terminated", "success_rate",
                "agreement_amount", "people_involved", "prevented", "patrols"):
        assert key in doc, key
    assert (doc["from"], doc["to"]) == ("2026-03-01", "2026-03-31")
    assert doc["received_by_type"] == expected["received_by_type"]
    assert doc["agreement_amount"] == f"{expected['agreement_amount_fen'] / 100:.2f}"
    assert set(doc["prevented"]) >= {"criminal", "criminal_people", "suicide", "group_fight",
                                     "group_petition"}
    assert set(doc["patrols"]) >= {"visits", "zero_reports", "findings", "findings_resolved",
                                   "findings_to_case"}
    assert doc["success_rate"] == expected["success_rate"]


#: Which cases of the ledger each listable figure is made of.
BEHIND: dict[str, Any] = {
    "received": lambda c, p: within(p, c.received_on),
    "succeeded": lambda c, p: within(p, c.agreed_on),
    "succeeded_written": lambda c, p: within(p, c.agreed_on) and c.form == "written",
    "succeeded_oral": lambda c, p: within(p, c.agreed_on) and c.form == "oral",
    "failed": lambda c, p: within(p, c.failed_on),
    "terminated": lambda c, p: within(p, c.terminated_on),
    "group_disputes": lambda c, p: within(p, c.received_on) and c.group,
    "judicial_confirmations": lambda c, p: within(p, c.confirmed_on),
    "prevented_criminal": lambda c, p: within(p, c.received_on) and c.facts.prevented_criminal,
    "prevented_suicide": lambda c, p: within(p, c.received_on) and c.facts.prevented_suicide,
    "prevented_group_fight": lambda c, p: within(p, c.received_on)
    and c.facts.prevented_group_fight,
    "prevented_group_petition": lambda c, p: within(p, c.received_on)
    and c.facts.prevented_group_petition,
    "findings_to_case": lambda c, p: within(p, c.received_on) and c.from_finding,
}


@pytest.mark.parametrize("figure", sorted(DRILLS))
def test_the_cases_behind_each_figure_are_the_ones_counted(built: tuple[Register, Ledger],
                                                           figure: str) -> None:
    reg, ledger = built
    stats = StatisticsService(reg.store, reg.actor)
    for period in (Period.year(2026), Period.quarter(2025, 4)):
        lines = stats.cases_behind(period, figure)
        expected = {c.number for c in ledger.cases if BEHIND[figure](c, period)}
        assert [line.number for line in lines if line.number in expected] == \
            [line.number for line in lines]
        assert {line.number for line in lines} == expected, (figure, period.label)
        dates = [line.received_on for line in lines]
        assert dates == sorted(dates, reverse=True)  # newest first
    narrowed = stats.cases_behind(Period.year(2026), "received", dispute_type="邻里纠纷")
    assert {line.number for line in narrowed} == {
        c.number for c in ledger.cases
        if within(Period.year(2026), c.received_on) and c.dispute_type == "邻里纠纷"}


def test_twelve_months_and_coverage(built: tuple[Register, Ledger]) -> None:
    reg, ledger = built
    stats = StatisticsService(reg.store, reg.actor)
    series = stats.months(2026, 6)
    assert series.months[0] == (2025, 7) and series.months[-1] == (2026, 6)
    for i, (y, m) in enumerate(series.months):
        month = recount(ledger, Period.month(y, m))
        assert sum(counts[i] for counts in series.by_type.values()) == month["received"]
        assert series.success_rate[i] == month["success_rate"]
    coverage = stats.coverage(Period.month(2026, 3))
    assert len(coverage.columns) == 31
    visits = sum(n for n, _ in coverage.cells.values())
    assert visits == recount(ledger, Period.month(2026, 3))["visits"]
    assert "湖二村" in coverage.villages  # every active village has its row, visited or not
    yearly = stats.coverage(Period.year(2026))
    assert len(yearly.columns) == 12
    assert sum(found for _, found in yearly.cells.values()) == \
        recount(ledger, Period.year(2026))["findings"]


def test_statistics_take_no_clock(built: tuple[Register, Ledger]) -> None:
    """The figures of a period are the same whatever day it is."""
    reg, _ = built
    stats = StatisticsService(reg.store, reg.actor)
    with clock.pinned(TODAY):
        a = stats.figures(Period.quarter(2026, 1))
    with clock.pinned(date(2031, 2, 28)):
        b = stats.figures(Period.quarter(2026, 1))
    assert a == b
