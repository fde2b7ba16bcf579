"""统计: a period's figures beside the same period a year earlier, broken down by village and
by mediator, the twelve-month trends, patrol coverage, and the cases behind any figure.

Reading only: nothing here writes (printing or exporting a report is audited by
:class:`mediation_desk.services.statistics.reports.ReportService`). Every figure comes from
the aggregates in :mod:`mediation_desk.store.statistics`; no loop runs over cases.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from mediation_desk.domain.lifecycle import STATUS_LABELS, CaseStatus
from mediation_desk.domain.money import format_yuan
from mediation_desk.domain.periods import Period, twelve_months_to
from mediation_desk.errors import Problem, ValidationError
from mediation_desk.services.shared.actor import Actor
from mediation_desk.services.statistics.figures import period_figures
from mediation_desk.services.statistics.types import (
    BreakdownRow,
    CaseLine,
    Comparison,
    Coverage,
    MonthSeries,
    PeriodFigures,
)
from mediation_desk.store import statistics as sql
from mediation_desk.store.database import Store
from mediation_desk.store.models import Case, Mediator, Village

#: How many dispute types the monthly chart shows on their own; the rest are summed.
CHART_TYPES = 6
OTHER_TYPES = "其余类型"
NO_VILLAGE = "（未填村居）"
NO_MEDIATOR = "（未指定主持人）"


@dataclass(frozen=True)
class Drill:
    """Which measure a figure counts, and how it is narrowed (a flag or agreement form)."""

    measure: str
    flag: str = ""
    form: str = ""


#: The figures whose cases can be listed (page rows and command line use these names).
DRILLS: Mapping[str, Drill] = MappingProxyType({
    "received": Drill("received"),
    "succeeded": Drill("succeeded"),
    "succeeded_written": Drill("succeeded", form="written"),
    "succeeded_oral": Drill("succeeded", form="oral"),
    "failed": Drill("failed"),
    "terminated": Drill("terminated"),
    "group_disputes": Drill("received", flag="group_dispute"),
    "judicial_confirmations": Drill("confirmed"),
    "prevented_criminal": Drill("received", flag="prevented_criminal"),
    "prevented_suicide": Drill("received", flag="prevented_suicide"),
    "prevented_group_fight": Drill("received", flag="prevented_group_fight"),
    "prevented_group_petition": Drill("received", flag="prevented_group_petition"),
    "findings_to_case": Drill("findings_to_case"),
})


def contract_json(f: PeriodFigures) -> dict[str, Any]:
    """The period's figures in the shape of ``report monthly --json`` (contract.md v2), plus
    fields the contract allows us to add (label, source kinds, people of each prevention
    figure, findings by risk, group disputes, judicial confirmations)."""
    p, pat = f.prevented, f.patrols
    out: dict[str, Any] = {
        "from": f.period.start.isoformat(), "to": f.period.end.isoformat(),
        "period": f.period.kind, "label": f.period.label,
        "received": f.received,
        "received_by_type": dict(f.received_by_type),
        "received_by_source": dict(f.received_by_source),
        "received_by_source_kind": dict(f.received_by_source_kind),
        "succeeded": f.succeeded, "succeeded_written": f.succeeded_written,
        "succeeded_oral": f.succeeded_oral, "failed": f.failed, "terminated": f.terminated,
        "success_rate": f.success_rate,
        "agreement_amount": format_yuan(f.agreement_amount_fen),
        "people_involved": f.people_involved,
        "group_disputes": f.group_disputes,
        "judicial_confirmations": f.judicial_confirmations,
        "prevented": {"criminal": p.criminal, "criminal_people": p.criminal_people,
                      "suicide": p.suicide, "group_fight": p.group_fight,
                      "group_fight_people": p.group_fight_people,
                      "group_petition": p.group_petition,
                      "group_petition_people": p.group_petition_people},
        "patrols": {"visits": pat.visits, "zero_reports": pat.zero_reports,
                    "findings": pat.findings, "findings_resolved": pat.findings_resolved,
                    "findings_to_case": pat.findings_to_case,
                    "findings_by_risk": dict(pat.findings_by_risk),
                    "households": pat.households, "villages_visited": pat.villages_visited},
        "dictionary_version": f.dictionary_version,
    }
    if f.visitors is not None:
        v = f.visitors
        out["petitions"] = {"received": v.received, "answered_in_time": v.answered_in_time,
                            "overdue": v.overdue, "satisfied": v.satisfied,
                            "basically_satisfied": v.basically_satisfied,
                            "unsatisfied": v.unsatisfied}
    return out


class StatisticsService:
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor

    # -- the figures ------------------------------------------------------------------------------
    def figures(self, period: Period) -> PeriodFigures:
        return period_figures(self.store, period)

    def compare(self, period: Period) -> Comparison:
        """The period and the same period a year earlier, for the page and the report."""
        return Comparison(self.figures(period), self.figures(period.year_earlier()))

    # -- breakdowns -------------------------------------------------------------------------------
    def _breakdown(self, period: Period, group: str) -> dict[str, Counter[str]]:
        start, end = period.start, period.end
        acc: dict[str, Counter[str]] = {}

        def add(key: Any, field: str, n: Any) -> None:
            acc.setdefault(str(key or ""), Counter())[field] += int(n or 0)

        for key, n, *_ in sql.aggregate(self.store, "received", start, end, (group,)):
            add(key, "received", n)
        for key, n, _w, _o, fen in sql.aggregate(self.store, "succeeded", start, end, (group,)):
            add(key, "succeeded", n)
            add(key, "amount", fen)
        for measure in ("failed", "terminated"):
            for key, n in sql.aggregate(self.store, measure, start, end, (group,)):
                add(key, "unsuccessful", n)
        return acc

    @staticmethod
    def _rows(acc: dict[str, Counter[str]], names: dict[str, str],
              empty: str) -> list[BreakdownRow]:
        rows = [BreakdownRow(key=k, name=names.get(k, empty) if k else empty,
                             received=c["received"], succeeded=c["succeeded"],
                             unsuccessful=c["unsuccessful"], amount_fen=c["amount"],
                             patrol_visits=c["visits"], findings=c["findings"])
                for k, c in acc.items()]
        return sorted(rows, key=lambda r: (-r.received, -r.patrol_visits, r.name))

    def by_village(self, period: Period) -> list[BreakdownRow]:
        """Each village with cases or patrols in the period, busiest first."""
        acc = self._breakdown(period, "village")
        for key, visits, *_ in sql.patrol_visits(self.store, period.start, period.end,
                                                 ("village",)):
            acc.setdefault(str(key or ""), Counter())["visits"] += int(visits)
        for key, n in sql.findings_by(self.store, period.start, period.end, ("village",)):
            acc.setdefault(str(key or ""), Counter())["findings"] += int(n)
        names = {v.id: v.name for v in Village.select(Village.id, Village.name)}
        return self._rows(acc, names, NO_VILLAGE)

    def by_mediator(self, period: Period) -> list[BreakdownRow]:
        """Each lead mediator (主持人) with cases in the period: a case counts once, for the
        mediator who led it, so the rows add up to the room's figures."""
        acc = self._breakdown(period, "mediator")
        names = {m.id: m.name for m in Mediator.select(Mediator.id, Mediator.name)}
        return self._rows(acc, names, NO_MEDIATOR)

    # -- charts -----------------------------------------------------------------------------------
    def months(self, year: int, month: int) -> MonthSeries:
        """The twelve months ending with (year, month): received per type (the busiest
        :data:`CHART_TYPES` types, the rest summed) and the success rate of each month."""
        months = twelve_months_to(year, month)
        first = Period.month(*months[0]).start
        last = Period.month(*months[-1]).end
        index = {f"{y:04d}-{m:02d}": i for i, (y, m) in enumerate(months)}
        per_type: dict[str, list[int]] = {}
        for key, dtype, n, *_ in sql.aggregate(self.store, "received", first, last,
                                               ("month", "type")):
            per_type.setdefault(dtype, [0] * 12)[index[key]] += int(n)
        totals = sorted(per_type, key=lambda t: (-sum(per_type[t]), t))
        by_type = {t: tuple(per_type[t]) for t in totals[:CHART_TYPES]}
        if len(totals) > CHART_TYPES:
            rest = [sum(per_type[t][i] for t in totals[CHART_TYPES:]) for i in range(12)]
            by_type[OTHER_TYPES] = tuple(rest)
        succeeded, concluded = [0] * 12, [0] * 12
        for key, n, *_ in sql.aggregate(self.store, "succeeded", first, last, ("month",)):
            succeeded[index[key]] += int(n)
            concluded[index[key]] += int(n)
        for measure in ("failed", "terminated"):
            for key, n in sql.aggregate(self.store, measure, first, last, ("month",)):
                concluded[index[key]] += int(n)
        rates = tuple(s / c if c else None for s, c in zip(succeeded, concluded, strict=True))
        return MonthSeries(tuple(months), by_type, rates, tuple(succeeded), tuple(concluded))

    def coverage(self, period: Period) -> Coverage:
        """Patrol visits and findings per village: by day for a period of up to two months,
        by month otherwise. Every active village has a row, visited or not — a gap is the
        point of the grid."""
        by_day = period.days <= 62
        if by_day:
            columns = [d.isoformat() for d in period.each_day()]
        else:
            columns = [f"{y:04d}-{m:02d}" for y, m in period.months()]
        col = {c: i for i, c in enumerate(columns)}
        unit = "day" if by_day else "month"
        villages = {v.id: v.name for v in Village.live().where(Village.active == True)  # noqa: E712
                    .order_by(Village.name)}
        visits = sql.patrol_visits(self.store, period.start, period.end, ("village", unit))
        found = sql.findings_by(self.store, period.start, period.end, ("village", unit))
        extra = {str(r[0]) for r in visits if r[0] and r[0] not in villages}
        if extra:
            villages.update({v.id: v.name for v in Village.select().where(Village.id.in_(extra))})
        order = sorted(villages, key=lambda k: villages[k])
        row = {vid: i for i, vid in enumerate(order)}
        cells: dict[tuple[int, int], tuple[int, int]] = {}
        for vid, key, n, *_ in visits:
            if vid in row and key in col:
                cell = (row[vid], col[key])
                cells[cell] = (cells.get(cell, (0, 0))[0] + int(n), cells.get(cell, (0, 0))[1])
        for vid, key, n in found:
            if vid in row and key in col:
                cell = (row[vid], col[key])
                cells[cell] = (cells.get(cell, (0, 0))[0], cells.get(cell, (0, 0))[1] + int(n))
        labels = [str(int(c[8:])) for c in columns] if by_day else [f"{int(c[5:])}月"
                                                                    for c in columns]
        return Coverage(tuple(villages[v] for v in order), tuple(labels), cells)

    # -- the cases behind a figure -----------------------------------------------------------------
    def cases_behind(self, period: Period, figure: str, *, dispute_type: str = "",
                     source: str = "", village_id: str | None = None,
                     mediator_id: str = "") -> list[CaseLine]:
        """The cases a figure counts (newest first), narrowed like a breakdown row."""
        drill = DRILLS.get(figure)
        if drill is None:
            raise ValidationError(Problem("统计", "指标", f"“{figure}”不能列出案件，可用："
                                          + "、".join(DRILLS)))
        where: dict[str, str] = {}
        if dispute_type:
            where["type"] = dispute_type
        if source:
            where["source"] = source
        if village_id is not None:
            where["village"] = village_id
        if mediator_id:
            where["mediator"] = mediator_id
        ids = sql.case_ids(self.store, drill.measure, period.start, period.end, where=where,
                           flag=drill.flag, form=drill.form)
        return self.case_lines(ids)

    def case_lines(self, ids: list[str]) -> list[CaseLine]:
        if not ids:
            return []
        cases: dict[str, Case] = {}
        for start in range(0, len(ids), 500):
            for c in Case.select().where(Case.id.in_(ids[start:start + 500])):
                cases[c.id] = c
        villages = {v.id: v.name for v in Village.select(Village.id, Village.name)}
        return [CaseLine(id=c.id, number=c.number or "", title=c.title,
                         dispute_type=c.dispute_type,
                         village=villages.get(c.village_id or "", ""),
                         status_label=STATUS_LABELS[CaseStatus(c.status)],
                         received_on=c.received_on.isoformat())
                for c in (cases[i] for i in ids if i in cases)]

    def village_id(self, name: str) -> str:
        row = Village.select(Village.id).where(Village.name == name).first()
        return row.id if row else ""

    def mediator_id(self, name: str) -> str:
        row = Mediator.select(Mediator.id).where(Mediator.name == name).first()
        return row.id if row else ""
