"""The 接访 loop's figures for a period (the 统计 page, the printed sheet, ``report monthly``).

Definitions (a period [from, to], dates inclusive):

- **received**: requests whose visit falls in the period;
- **answered_in_time**: requests answered in the period on or before their handling limit —
  60 days from the visit (Art 34), plus the one extension granted on any of its assignments;
- **overdue**: requests that, on the period's last day (or today, if that is still to come),
  had an assignment past its due date with neither the department's result nor the answer to
  the person — the same rule as the list and 工作台;
- **satisfied / basically_satisfied / unsatisfied**: requests closed in the period, by the
  satisfaction the person gave.

A room records a few hundred requests a year, so one pass over the period's rows is enough;
the statistics' covering indexes are for the 100,000-case register.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from mediation_desk.domain import petitions as rules
from mediation_desk.domain.periods import Period
from mediation_desk.store.models import Assignment, Petition


def _span(start: date, end: date) -> tuple[datetime, datetime]:
    return datetime.combine(start, time.min), datetime.combine(end + timedelta(days=1), time.min)


def loop_figures(period: Period, today: date) -> tuple[int, int, int, int, int, int]:
    """(received, answered_in_time, overdue, satisfied, basic, unsatisfied)."""
    start, end = period.start, period.end
    first, after = _span(start, end)
    received = Petition.live().where(Petition.received_at >= first,
                                     Petition.received_at < after).count()
    extensions: dict[str, int] = {}
    rows: Any = (Assignment.select(Assignment.petition, Assignment.extension_days)
                 .where(Assignment.deleted_at.is_null(), Assignment.extension_days > 0)
                 .tuples())
    for petition_id, days in rows:
        extensions[str(petition_id)] = max(extensions.get(str(petition_id), 0), int(days))
    in_time = 0
    for p in Petition.live().where(Petition.answered_on.between(start, end)):
        limit = rules.handle_due(p.received_at.date()) + timedelta(
            days=extensions.get(p.id, 0))
        in_time += p.answered_on <= limit
    as_of = min(end, today)
    late: set[str] = set()
    query = (Assignment.select(Assignment, Petition).join(Petition)
             .where(Assignment.deleted_at.is_null(), Petition.deleted_at.is_null(),
                    Assignment.assigned_on <= as_of, Assignment.due_on < as_of))
    for a in query:
        replied_by_then = ((a.result_on is not None and a.result_on <= as_of)
                           or (a.petition.answered_on is not None
                               and a.petition.answered_on <= as_of))
        if not replied_by_then:
            late.add(a.petition_id)
    closed = {code: 0 for code in rules.SATISFACTION}
    codes: Any = (Petition.select(Petition.satisfaction)
                  .where(Petition.deleted_at.is_null(), Petition.closed_on.between(start, end))
                  .tuples())
    for (code,) in codes:
        if code in closed:
            closed[code] += 1
    return (received, in_time, len(late), closed["satisfied"], closed["basic"],
            closed["unsatisfied"])
