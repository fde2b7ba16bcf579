"""Computing one period's figures from the register's aggregates (contract.md definitions).

Four aggregate queries over cases and agreements (grouped by dispute type and source or form)
and four over patrols give every figure of the report; this module only adds them up and
orders them by the dictionaries in force. The definitions themselves — which date each figure
is counted by — are in :mod:`mediation_desk.store.statistics`.
"""

from __future__ import annotations

from collections import Counter

from mediation_desk.domain.dictionaries import SOURCE_KINDS
from mediation_desk.domain.periods import Period
from mediation_desk.services.statistics.types import (
    RISK_ORDER,
    SOURCE_KIND_ORDER,
    PatrolFigures,
    PeriodFigures,
    Prevented,
    TypeRow,
    VisitorFigures,
)
from mediation_desk.store import statistics as sql
from mediation_desk.store.database import Store

#: The kind a source outside the default list is counted under (an imported county's own).
OTHER_SOURCE_KIND = "申请"


def _ordered(counts: Counter[str], order: list[str]) -> dict[str, int]:
    """Counts with cases, in dictionary order, then labels outside the list by count."""
    out = {label: counts[label] for label in order if counts[label]}
    for label, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if n and label not in out:
            out[label] = n
    return out


def visitor_figures(store: Store, period: Period) -> VisitorFigures | None:
    """The 接访 loop's figures for the period: ``None`` until visitor requests are recorded
    (issue 15 replaces this body with its aggregates; the page, the JSON and the workbook
    show the block whenever this returns figures)."""
    return None


def period_figures(store: Store, period: Period) -> PeriodFigures:
    start, end = period.start, period.end
    types_in_force, version = sql.labels_in_force(store, "dispute_type", start, end)
    sources_in_force, _ = sql.labels_in_force(store, "source", start, end)

    by_type: Counter[str] = Counter()
    by_source: Counter[str] = Counter()
    by_kind: Counter[str] = Counter({k: 0 for k in SOURCE_KIND_ORDER})
    type_source: dict[str, Counter[str]] = {}
    type_people: Counter[str] = Counter()
    people = group = 0
    prevent = [0] * 7
    for row in sql.aggregate(store, "received", start, end, ("type", "source")):
        dtype, source, n, ppl, grp, *prev = row
        kind = SOURCE_KINDS.get(source, OTHER_SOURCE_KIND)
        by_type[dtype] += n
        by_source[source] += n
        by_kind[kind] += n
        type_source.setdefault(dtype, Counter())[kind] += n
        type_people[dtype] += int(ppl or 0)
        people += int(ppl or 0)
        group += int(grp or 0)
        prevent = [a + int(b or 0) for a, b in zip(prevent, prev, strict=True)]

    succeeded: Counter[str] = Counter()
    written: Counter[str] = Counter()
    oral: Counter[str] = Counter()
    amount: Counter[str] = Counter()
    for dtype, n, w, o, fen in sql.aggregate(store, "succeeded", start, end, ("type",)):
        succeeded[dtype] += n
        written[dtype] += int(w or 0)
        oral[dtype] += int(o or 0)
        amount[dtype] += int(fen or 0)
    failed: Counter[str] = Counter()
    for dtype, n in sql.aggregate(store, "failed", start, end, ("type",)):
        failed[dtype] += n
    terminated: Counter[str] = Counter()
    for dtype, n in sql.aggregate(store, "terminated", start, end, ("type",)):
        terminated[dtype] += n
    confirmed = sql.aggregate(store, "confirmed", start, end)[0][0]

    labels = list(types_in_force)
    for counter in (by_type, succeeded, failed, terminated):
        labels += [label for label in sorted(counter) if label not in labels]
    rows = tuple(TypeRow(
        label=label, received=by_type[label],
        by_source_kind={k: type_source.get(label, Counter())[k] for k in SOURCE_KIND_ORDER},
        succeeded=succeeded[label], written=written[label], oral=oral[label],
        failed=failed[label] + terminated[label], amount_fen=amount[label],
        people=type_people[label]) for label in labels)

    return PeriodFigures(
        period=period,
        received=sum(by_type.values()),
        received_by_type=_ordered(by_type, types_in_force),
        received_by_source=_ordered(by_source, sources_in_force),
        received_by_source_kind={k: by_kind[k] for k in SOURCE_KIND_ORDER},
        succeeded=sum(succeeded.values()), succeeded_written=sum(written.values()),
        succeeded_oral=sum(oral.values()), failed=sum(failed.values()),
        terminated=sum(terminated.values()), agreement_amount_fen=sum(amount.values()),
        people_involved=people, group_disputes=group, judicial_confirmations=int(confirmed),
        prevented=Prevented(*prevent), patrols=patrol_figures(store, period), type_rows=rows,
        dictionary_version=version, visitors=visitor_figures(store, period))


def patrol_figures(store: Store, period: Period) -> PatrolFigures:
    start, end = period.start, period.end
    visits, zero, households = sql.patrol_visits(store, start, end)[0]
    villages = len([r for r in sql.patrol_visits(store, start, end, ("village",)) if r[0]])
    risks = dict(sql.findings_by(store, start, end, ("risk",)))
    by_risk = {code: int(risks.get(code, 0)) for code in RISK_ORDER}
    for code, n in risks.items():
        if code not in by_risk:
            by_risk[code] = int(n)
    to_case = sql.aggregate(store, "findings_to_case", start, end)[0][0]
    return PatrolFigures(
        visits=int(visits), zero_reports=int(zero), households=int(households),
        villages_visited=villages, findings=sum(by_risk.values()), findings_by_risk=by_risk,
        findings_resolved=sql.findings_resolved(store, start, end),
        findings_to_case=int(to_case))
