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
from datetime import timedelta

from mediation_desk.domain.case_number import DEFAULT_PATTERN
from mediation_desk.services.cases import indexing
from mediation_desk.services.cases.numbering import PROVISIONAL_PREFIX, from_sequence
from mediation_desk.services.safety.audit_check import AUDITED
from mediation_desk.services.shared import audit
from mediation_desk.services.shared.actor import Actor
from mediation_desk.services.sync.changes import Key
from mediation_desk.services.sync.merge import Clash, to_json
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


def same_dispute_hints(new_cases: Iterable[str], sender: str,
                       bundle_id: str) -> list[SyncConflict]:
    """Hints for new cases from another device that share a party (by ID number, or the
    same names on both sides) with a live case received within a month of them."""
    hints: list[SyncConflict] = []
    me = StoreContext.device_id
    for case_id in new_cases:
        case = Case.get_live(case_id)
        if case is None:
            continue
        parties = list(Party.live().where(Party.case == case_id))
        ids = {p.id_number for p in parties if p.id_number}
        names = sorted(p.name for p in parties)
        near = (case.received_on - timedelta(days=HINT_DAYS),
                case.received_on + timedelta(days=HINT_DAYS))
        query = (Case.live().join(Party, on=(Party.case == Case.id))
                 .where(Case.id != case_id, Case.received_on.between(*near),
                        Party.deleted_at.is_null(),
                        (Party.id_number.in_(ids) if ids else Party.name.in_(names)))
                 .distinct())
        creator = _creator(case_id)
        for other in query:
            other_names = sorted(p.name for p in Party.live().where(Party.case == other.id))
            other_ids = {p.id_number for p in Party.live().where(Party.case == other.id)
                         if p.id_number}
            if not (ids & other_ids or (names and names == other_names)):
                continue
            if _creator(other.id) == creator:
                continue  # one device knows its own cases
            pair = (SyncConflict.kind == "same_dispute") & (
                ((SyncConflict.row_id == case_id) & (SyncConflict.mine == to_json(other.id)))
                | ((SyncConflict.row_id == other.id) & (SyncConflict.mine == to_json(case_id))))
            if SyncConflict.select().where(pair).exists():
                continue
            hints.append(SyncConflict.create(
                kind="same_dispute", table_name="case", row_id=case_id, case_id=case_id,
                mine=to_json(other.id), theirs=to_json(case_id), mine_device=me,
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
        case.number, case.number_seq = from_sequence(int(case.number_year or 0), pattern,
                                                     prefix)
        case.save()
        audit.record(actor, "number", case, detail=f"临时编号“{old}”改为正式编号“{case.number}”")
        done.append((old, str(case.number)))
    return done


_AUDITED: dict[str, type[BaseModel]] = {m._meta.table_name: m for m, _ in AUDITED}


def vouch(actor: Actor | None, touched: Iterable[Key]) -> int:
    """An audit event for each changed row whose content no device's event vouches for."""
    from mediation_desk.services.shared.audit import row_hash

    me = StoreContext.device_id
    vouched = 0
    for table, row_id in sorted(touched):
        model = _AUDITED.get(table)
        if model is None:
            continue
        row = model.get_or_none(model.id == row_id)
        if row is None:
            continue
        latest = (AuditEvent.select(AuditEvent.row_hash)
                  .where(AuditEvent.entity_id == row_id,
                         AuditEvent.device == row.updated_by_device, AuditEvent.row_hash != "")
                  .order_by(AuditEvent.seq.desc()).first())
        if latest is not None and latest.row_hash == row_hash(row):
            continue
        if row.updated_by_device != me:
            model.update(updated_by_device=me).where(model.id == row_id).execute()
            row.updated_by_device = me
        audit.record(actor, "sync_merge", row, detail="同步合并后的内容")
        vouched += 1
    return vouched


def reindex(store: Store, case_ids: Iterable[str]) -> None:
    for case_id in sorted(set(case_ids)):
        if Case.select().where(Case.id == case_id).exists():
            indexing.reindex_case(store, case_id)
