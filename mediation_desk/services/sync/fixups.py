"""What an import writes of its own after applying a bundle, in the same transaction.

* the conflicts the merge found, as ``sync_conflict`` rows (they travel like any row);
* "these may be the same dispute" hints for new cases that look like a case another device
  registered (on the desk, which sees every device's cases);
* official numbers for cases that arrived with a provisional one (on the desk);
* audit vouchers: a row whose merged content matches no device's audit event gets an
  event of this device (``sync_merge``) saying what it now holds, so ``audit verify`` can
  still tell a merge from an edit made behind the program's back;
* the search index of every case that changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mediation_desk.domain.case_number import DEFAULT_PATTERN
from mediation_desk.errors import ValidationError
from mediation_desk.services.cases import indexing
from mediation_desk.services.cases.numbering import PROVISIONAL_PREFIX, from_sequence
from mediation_desk.services.safety.audit_check import AUDITED
from mediation_desk.services.shared import audit
from mediation_desk.services.shared.actor import Actor
from mediation_desk.services.sync.changes import Key
from mediation_desk.services.sync.merge import Clash
from mediation_desk.services.sync.values import to_json
from mediation_desk.store.base import BaseModel, StoreContext
from mediation_desk.store.database import Store
from mediation_desk.store.models import AuditEvent, Case, Party, SyncConflict

#: Tables whose rows belong to one case through a ``case_id`` column.
CASE_CHILDREN = frozenset({"case_mediator", "party", "record", "agreement", "follow_up",
                           "case_event", "appointment", "printed_document"})
HINT_DAYS = 30


def case_of(store: Store, table: str, row_id: str) -> str:
    """The case a row belongs to ("" for rows that belong to none)."""
    if table == "case":
        return row_id
    if table == "agreement_term":
        sql = ("SELECT a.case_id FROM agreement_term t JOIN agreement a"
               " ON a.id = t.agreement_id WHERE t.id = ?")
    elif table in CASE_CHILDREN:
        sql = f'SELECT case_id FROM "{table}" WHERE id = ?'
    else:
        return ""
    rows = store.execute(sql, (row_id,)).fetchall()
    return str(rows[0][0]) if rows and rows[0][0] else ""


def record_conflicts(store: Store, clashes: Iterable[Clash], sender: str,
                     bundle_id: str) -> list[SyncConflict]:
    me = StoreContext.device_id
    return [SyncConflict.create(
        kind=c.kind, table_name=c.table, row_id=c.row_id, column=c.column,
        case_id=case_of(store, c.table, c.row_id), base=to_json(c.base), mine=to_json(c.mine),
        theirs=to_json(c.theirs), mine_device=me, theirs_device=sender, bundle=bundle_id)
        for c in clashes]


def _creator(case_id: str) -> str:
    event = (AuditEvent.select(AuditEvent.device)
             .where(AuditEvent.entity_id == case_id, AuditEvent.action == "create")
             .order_by(AuditEvent.seq).first())
    return str(event.device) if event is not None else ""


_PAIRS = """
SELECT DISTINCT n.case_id, o.case_id FROM party n
JOIN party o ON o.case_id != n.case_id AND o.deleted_at IS NULL
     AND (o.name = n.name OR (n.id_number != '' AND o.id_number = n.id_number))
JOIN "case" nc ON nc.id = n.case_id
JOIN "case" oc ON oc.id = o.case_id AND oc.deleted_at IS NULL
WHERE n.case_id IN (SELECT id FROM temp.sync_new_case) AND n.deleted_at IS NULL
  AND o.case_id NOT IN (SELECT id FROM temp.sync_new_case)
  AND julianday(oc.received_on) BETWEEN julianday(nc.received_on) - {days}
                                     AND julianday(nc.received_on) + {days}
"""


def _parties(case_id: str) -> tuple[set[str], list[str]]:
    rows = list(Party.live().where(Party.case == case_id))
    return {p.id_number for p in rows if p.id_number}, sorted(p.name for p in rows)


def same_dispute_hints(store: Store, new_cases: Iterable[str], sender: str,
                       bundle_id: str) -> list[SyncConflict]:
    """Hints for new cases that share a party (by ID number, or the same names on both
    sides) with a live case another device registered within a month of them.

    One query finds the candidate pairs (parties' names and ID numbers are indexed), never
    pairing two of the bundle's own new cases (one device knows its own cases): a bundle of
    hundreds of new cases between the same two villagers costs one pass, not a comparison
    of every case with every other."""
    store.execute("CREATE TEMP TABLE IF NOT EXISTS sync_new_case (id TEXT PRIMARY KEY)")
    store.execute("DELETE FROM temp.sync_new_case")
    store.db.connection().executemany("INSERT OR IGNORE INTO temp.sync_new_case VALUES (?)",
                                      [(case_id,) for case_id in new_cases])
    rows = store.execute(_PAIRS.format(days=HINT_DAYS)).fetchall()
    pairs = {(str(a), str(b)) for a, b in rows}
    hints: list[SyncConflict] = []
    me = StoreContext.device_id
    creators: dict[str, str] = {}
    for case_id, other in sorted(pairs):
        for one in (case_id, other):
            if one not in creators:
                creators[one] = _creator(one)
        if creators[case_id] == creators[other]:
            continue  # one device knows its own cases
        (ids, names), (other_ids, other_names) = _parties(case_id), _parties(other)
        if not (ids & other_ids or (names and names == other_names)):
            continue
        pair = (SyncConflict.kind == "same_dispute") & (
            ((SyncConflict.row_id == case_id) & (SyncConflict.mine == to_json(other)))
            | ((SyncConflict.row_id == other) & (SyncConflict.mine == to_json(case_id))))
        if SyncConflict.select().where(pair).exists():
            continue
        hints.append(SyncConflict.create(
            kind="same_dispute", table_name="case", row_id=case_id, case_id=case_id,
            mine=to_json(other), theirs=to_json(case_id), mine_device=me,
            theirs_device=sender, bundle=bundle_id))
    return hints


def finalise_numbers(store: Store, actor: Actor) -> list[tuple[str, str]]:
    """Give every case with a provisional number the next official one (the desk's)."""
    pattern = str(store.setting("number_pattern", DEFAULT_PATTERN))
    prefix = str(store.setting("number_prefix", ""))
    done = []
    for case in (Case.select().where(Case.number_seq.is_null(), Case.number_year.is_null(False),
                                     Case.number.startswith(PROVISIONAL_PREFIX))
                 .order_by(Case.received_on, Case.created_at)):
        old = str(case.number)
        try:
            case.number, case.number_seq = from_sequence(int(case.number_year or 0), pattern,
                                                         prefix)
        except ValidationError:  # the year's numbers are used up (domain/limits.py): the
            continue  # case keeps its provisional number, shown in 同步状态, not lost
        case.save()
        audit.record(actor, "number", case, detail=f"临时编号“{old}”改为正式编号“{case.number}”")
        done.append((old, str(case.number)))
    return done


_AUDITED: dict[str, type[BaseModel]] = {m._meta.table_name: m for m, _ in AUDITED}
_CHUNK = 400


def _rows(model: type[BaseModel], ids: list[str]) -> list[BaseModel]:
    """Rows by id, read with plain SQL and made into model objects (as ``get_live`` does):
    for thousands of rows a peewee query per row cost seconds."""
    meta: Any = model._meta
    columns = ", ".join(f'"{f.column_name}"' for f in meta.sorted_fields)
    found: list[BaseModel] = []
    for start in range(0, len(ids), _CHUNK):
        part = ids[start:start + _CHUNK]
        sql = (f'SELECT {columns} FROM "{meta.table_name}" WHERE id IN '
               f'({", ".join("?" * len(part))})')
        for values in model._meta.database.execute_sql(sql, part).fetchall():
            row: Any = model(__no_default__=1, **{
                f.name: f.python_value(v) for f, v in zip(meta.sorted_fields, values,
                                                           strict=True)})
            row._dirty.clear()
            found.append(row)
    return found


def _latest_hashes(ids: list[str]) -> dict[tuple[str, str], str]:
    """(entity id, device) → the row hash of that device's newest event about the row."""
    latest: dict[tuple[str, str], tuple[int, str]] = {}
    db = AuditEvent._meta.database
    for start in range(0, len(ids), _CHUNK):
        part = ids[start:start + _CHUNK]
        sql = ("SELECT entity_id, device, seq, row_hash FROM audit_event WHERE row_hash != ''"
               f" AND entity_id IN ({', '.join('?' * len(part))})")
        for entity, device, seq, hashed in db.execute_sql(sql, part).fetchall():
            known = latest.get((entity, device))
            if known is None or known[0] < seq:
                latest[entity, device] = (seq, hashed)
    return {key: hashed for key, (_, hashed) in latest.items()}


def vouch(actor: Actor | None, touched: Iterable[Key]) -> int:
    """An audit event for each changed row whose content no device's event vouches for."""
    from mediation_desk.services.shared.audit import row_hash

    me = StoreContext.device_id
    by_table: dict[str, list[str]] = {}
    for table, row_id in touched:
        if table in _AUDITED:
            by_table.setdefault(table, []).append(row_id)
    vouched = 0
    for table, ids in sorted(by_table.items()):
        model = _AUDITED[table]
        ids.sort()
        latest = _latest_hashes(ids)
        for row in _rows(model, ids):
            if latest.get((row.id, row.updated_by_device)) == row_hash(row):
                continue
            if row.updated_by_device != me:
                model.update(updated_by_device=me).where(model.id == row.id).execute()
                row.updated_by_device = me
            audit.record(actor, "sync_merge", row, detail="同步合并后的内容")
            vouched += 1
    return vouched


def reindex(store: Store, touched: Iterable[Key], new: Iterable[str],
            changed: dict[Key, set[str]], handled: set[Key]) -> None:
    """The search index for what arrived: only the rows whose searched columns changed
    (a row the merge wrote back by hand counts as wholly changed)."""
    columns = {key: (None if key in handled else frozenset(names))
               for key, names in changed.items()}
    indexing.reindex_rows(store, touched, new, columns)
