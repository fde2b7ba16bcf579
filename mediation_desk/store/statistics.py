"""The report's SQL: each figure as one GROUP BY over an indexed date, and the cases behind it.

Why SQL here and not Python loops: a year of a 100,000-case register is some 25,000 cases; the
monthly report must come in under half a second (architecture.md §10), which a loop loading
rows cannot do. Each *measure* below is one definition from contract.md written once — its
tables, the date it is counted by, its condition — and serves both the aggregate
(:func:`aggregate`) and the list of cases behind a figure (:func:`case_ids`), so a figure and
its drill-down can never disagree.

Dates are stored as ISO text (``YYYY-MM-DD``), so ``BETWEEN`` on them is a range scan of the
date's index.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import peewee

if TYPE_CHECKING:
    from mediation_desk.store.database import Store


@dataclass(frozen=True)
class Measure:
    """One counted thing: FROM (aliases ``c`` for the case), the date it is counted by, and
    the condition besides the period."""

    tables: str
    date: str
    where: str
    sums: tuple[str, ...] = ()  # further SQL aggregates returned after the count


_PREVENTION_SUMS = (
    "COALESCE(SUM(c.people_involved), 0)",
    "SUM(c.group_dispute)",
    "SUM(c.prevented_criminal)",
    "SUM(CASE WHEN c.prevented_criminal THEN c.prevented_criminal_people ELSE 0 END)",
    "SUM(c.prevented_suicide)",
    "SUM(c.prevented_group_fight)",
    "SUM(CASE WHEN c.prevented_group_fight THEN c.prevented_group_fight_people ELSE 0 END)",
    "SUM(c.prevented_group_petition)",
    "SUM(CASE WHEN c.prevented_group_petition THEN c.prevented_group_petition_people "
    "ELSE 0 END)",
)
#: A case looked up by id with the columns a report groups by (migration 12's covering index;
#: SQLite otherwise takes the primary key's index and then reads the whole row).
_CASE_BY_ID = '"case" c INDEXED BY case_report_by_id'
#: Cases by received date with every column the received figures read (and their ids).
_RECEIVED = '"case" c INDEXED BY case_report_received'
_TERM_AMOUNT = ("(SELECT SUM(t.amount_fen) FROM agreement_term t "
                "WHERE t.agreement_id = a.id AND t.deleted_at IS NULL)")

MEASURES: Mapping[str, Measure] = MappingProxyType({
    # cases whose received_on falls in the period
    # (INDEXED BY: the covering index of migration 12 holds every column this reads; left to
    # itself SQLite took the register's index on the same date and read each case's row.)
    "received": Measure(_RECEIVED, "c.received_on", "c.deleted_at IS NULL", _PREVENTION_SUMS),
    # agreements reached in it (written + oral); the amount is the sum of their terms
    "succeeded": Measure(
        f'agreement a JOIN {_CASE_BY_ID} ON c.id = a.case_id', "a.reached_on",
        "a.deleted_at IS NULL AND c.deleted_at IS NULL",
        ("SUM(a.form = 'written')", "SUM(a.form = 'oral')",
         f"COALESCE(SUM({_TERM_AMOUNT}), 0)")),
    # cases closed in it with the outcome failure
    "failed": Measure('"case" c', "c.closed_on",
                      "c.deleted_at IS NULL AND c.outcome = 'failure'"),
    # cases whose mediation was ended (终止调解) in it
    "terminated": Measure('"case" c', "c.terminated_on",
                          "c.deleted_at IS NULL AND c.outcome = 'terminated'"),
    # agreements a court confirmed in it (the day of the ruling)
    "confirmed": Measure(
        f'agreement a JOIN {_CASE_BY_ID} ON c.id = a.case_id', "a.confirmation_on",
        "a.deleted_at IS NULL AND c.deleted_at IS NULL AND a.confirmation_result = 'confirmed'"),
    # findings whose case was registered in it
    # findings whose case was registered in it: from the cases of the period (the covering
    # index holds their ids) to the few findings linked to them
    "findings_to_case": Measure(
        f"{_RECEIVED} JOIN finding f ON f.case_id = c.id "
        "JOIN patrol_visit v ON v.id = f.visit_id", "c.received_on",
        "f.deleted_at IS NULL AND f.case_id IS NOT NULL AND c.deleted_at IS NULL "
        "AND v.deleted_at IS NULL"),
})

#: What a figure can be broken down by: the SQL of its key, and a join it needs.
GROUPS: Mapping[str, tuple[str, str]] = MappingProxyType({
    "type": ("c.dispute_type", ""),
    "source": ("c.source", ""),
    "village": ("COALESCE(c.village_id, '')", ""),
    "mediator": ("cm.mediator_id", "JOIN case_mediator cm ON cm.case_id = c.id "
                                   "AND cm.role = 'lead' AND cm.deleted_at IS NULL"),
    "month": ("substr({date}, 1, 7)", ""),
})

#: Case flags a drill-down may ask for (the prevention figures and group disputes).
FLAGS = ("group_dispute", "prevented_criminal", "prevented_suicide", "prevented_group_fight",
         "prevented_group_petition")


def _sql(measure: Measure, groups: Sequence[str]) -> tuple[str, str]:
    keys = [GROUPS[g][0].format(date=measure.date) for g in groups]
    joins = " ".join(GROUPS[g][1] for g in groups if GROUPS[g][1])
    return ", ".join(keys), f"FROM {measure.tables} {joins} WHERE {measure.where} " \
                            f"AND {measure.date} BETWEEN ? AND ?"


def _run(store: Store, sql: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]:
    """Run a report query. Its covering indexes (named with INDEXED BY) come with migration
    12; a file that lost one — an index dropped by hand, a copy made by a development build —
    gets them back here rather than a report that fails."""
    try:
        return [tuple(row) for row in store.execute(sql, params).fetchall()]
    except peewee.OperationalError as exc:
        if "no such index" not in str(exc):
            raise
    from mediation_desk.store.migrations import REPORT_INDEXES

    with store.db.atomic():
        for ddl in REPORT_INDEXES:
            store.execute(ddl)
    return [tuple(row) for row in store.execute(sql, params).fetchall()]


def aggregate(store: Store, measure: str, start: date, end: date,
              groups: Sequence[str] = ()) -> list[tuple[Any, ...]]:
    """Rows of (group keys…, count, sums…) of ``measure`` over [start, end]."""
    m = MEASURES[measure]
    keys, body = _sql(m, groups)
    select = ", ".join(x for x in (keys, "COUNT(*)", *m.sums) if x)
    sql = f"SELECT {select} {body}" + (f" GROUP BY {keys}" if keys else "")
    return _run(store, sql, (start.isoformat(), end.isoformat()))


def case_ids(store: Store, measure: str, start: date, end: date, *,
             where: Mapping[str, str] | None = None, flag: str = "", form: str = "",
             limit: int = 5000) -> list[str]:
    """The cases behind a figure: the same measure, narrowed to group keys (``{"type":
    "邻里纠纷"}``), a case flag (:data:`FLAGS`) or an agreement form; newest first."""
    m = MEASURES[measure]
    groups = list(where or {})
    _, body = _sql(m, groups)
    params: list[Any] = [start.isoformat(), end.isoformat()]
    for g in groups:
        body += f" AND {GROUPS[g][0].format(date=m.date)} = ?"
        params.append((where or {})[g])
    if flag:
        if flag not in FLAGS:
            raise ValueError(f"unknown flag {flag!r}")
        body += f" AND c.{flag} = 1"
    if form:
        body += " AND a.form = ?"
        params.append(form)
    sql = f"SELECT DISTINCT c.id, c.received_on, c.number_seq {body} " \
          "ORDER BY c.received_on DESC, c.number_seq DESC LIMIT ?"
    params.append(limit)
    return [row[0] for row in _run(store, sql, tuple(params))]


# -- patrols ----------------------------------------------------------------------------------
_VISITS = "FROM patrol_visit v WHERE v.deleted_at IS NULL AND v.\"on\" BETWEEN ? AND ?"
_FINDINGS = ("FROM finding f JOIN patrol_visit v ON v.id = f.visit_id "
             "WHERE f.deleted_at IS NULL AND v.deleted_at IS NULL")
#: What patrol figures can be broken down by.
PATROL_KEYS: Mapping[str, str] = MappingProxyType({
    "village": "COALESCE(v.village_id, '')",
    "day": 'v."on"',
    "month": 'substr(v."on", 1, 7)',
    "risk": "f.risk_level",
})


def _keys(by: Sequence[str]) -> str:
    return ", ".join(PATROL_KEYS[k] for k in by)


def patrol_visits(store: Store, start: date, end: date,
                  by: Sequence[str] = ()) -> list[tuple[Any, ...]]:
    """(keys…, visits, zero reports, households visited) of the visits held in the period,
    grouped by ``by`` (village, day, month)."""
    keys = _keys(by)
    select = ", ".join(x for x in (keys, "COUNT(*)", "COALESCE(SUM(v.zero_report), 0)",
                                   "COALESCE(SUM(v.households_visited), 0)") if x)
    sql = f"SELECT {select} {_VISITS}" + (f" GROUP BY {keys}" if keys else "")
    return [tuple(r) for r in store.execute(sql, (start.isoformat(), end.isoformat()))]


def findings_by(store: Store, start: date, end: date,
                by: Sequence[str] = ("risk",)) -> list[tuple[Any, ...]]:
    """(keys…, findings) of the findings recorded on visits held in the period."""
    keys = _keys(by)
    sql = f'SELECT {keys}, COUNT(*) {_FINDINGS} AND v."on" BETWEEN ? AND ? GROUP BY {keys}'
    return [tuple(r) for r in store.execute(sql, (start.isoformat(), end.isoformat()))]


def findings_resolved(store: Store, start: date, end: date) -> int:
    """Findings resolved (or closed) in the period, by their resolution day."""
    sql = f"SELECT COUNT(*) {_FINDINGS} AND f.status != 'open' AND f.resolved_on BETWEEN ? AND ?"
    return int(store.execute(sql, (start.isoformat(), end.isoformat())).fetchall()[0][0])


# -- dictionaries -------------------------------------------------------------------------------
def labels_in_force(store: Store, kind: str, start: date, end: date) -> tuple[list[str], int]:
    """The dictionary's labels in force during the period, in list order, and the highest
    version among them: entries added by the period's end and not retired before its start
    (a retired entry's last change is its retirement). The list a register starts with —
    entries made on its first day — counts as in force from the beginning, so cases brought
    in from an older register are reported against it."""
    sql = ("SELECT label, version FROM dict_entry WHERE kind = ? AND deleted_at IS NULL "
           "AND (date(created_at) <= ? OR date(created_at) = "
           "(SELECT date(MIN(created_at)) FROM dict_entry WHERE kind = ?)) "
           "AND (active = 1 OR date(updated_at) >= ?) "
           "ORDER BY position, label")
    rows = store.execute(sql, (kind, end.isoformat(), kind, start.isoformat())).fetchall()
    return [r[0] for r in rows], max((int(r[1]) for r in rows), default=0)
