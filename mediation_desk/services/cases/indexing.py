"""What of a case is searchable, and keeping the index in step with every write.

Called inside the writing transaction, so the index can never disagree with the register.
ID numbers and phones are searchable (a mediator often has only the number in hand) but never
shown in a snippet: they are indexed as tokens only.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from mediation_desk.store import search
from mediation_desk.store.database import Store
from mediation_desk.store.models import Agreement, AgreementTerm, Case, Party, Record
from mediation_desk.store.search import SearchDoc


def case_field_docs(case: Case) -> list[SearchDoc]:
    """The case's own searchable fields (documents without a ``ref_id``)."""
    return [
        SearchDoc("title", case.title),
        SearchDoc("summary", case.summary),
        SearchDoc("requests", "；".join(json.loads(case.requests or "[]"))),
    ]


def party_docs(party: Party) -> list[SearchDoc]:
    shown = " ".join(x for x in (party.name, party.address) if x)
    hidden = " ".join(x for x in (shown, party.id_number, party.phone,
                                  party.legal_representative, party.agent) if x)
    docs = [SearchDoc("party", shown, ref_id=party.id, tokens_text=hidden)]
    if party.name_initials:
        docs.append(SearchDoc("pinyin", party.name, ref_id=party.id,
                              tokens_text=party.name_initials))
    return docs


def agreement_doc(agreement: Agreement) -> SearchDoc:
    text = " ".join(x for x in (agreement.facts, agreement.issues,
                                agreement.responsibilities) if x)
    return SearchDoc("agreement", text, ref_id=agreement.id)


def term_doc(term: AgreementTerm) -> SearchDoc:
    return SearchDoc("term", term.text, ref_id=term.id)


def docs_of(case: Case, parties: Iterable[Party], records: Iterable[Record],
            agreement: Agreement | None, terms: Iterable[AgreementTerm]) -> list[SearchDoc]:
    """The searchable pieces of a case, from its rows (live ones, in display order)."""
    docs = case_field_docs(case)
    for party in parties:
        docs += party_docs(party)
    docs += [record_doc(record) for record in records]
    if agreement is not None:
        docs.append(agreement_doc(agreement))
        docs += [term_doc(term) for term in terms]
    return docs


def record_doc(record: Record) -> SearchDoc:
    owner = (record.author_account_id or "private") if record.private else ""
    return SearchDoc("record", record.body, ref_id=record.id, private_owner=owner)


def case_docs(case: Case) -> list[SearchDoc]:
    parties = Party.live().where(Party.case == case).order_by(Party.position)
    records = Record.live().where(Record.case == case)
    agreement = Agreement.live().where(Agreement.case == case).first()
    terms = (AgreementTerm.live().where(AgreementTerm.agreement == agreement)
             if agreement is not None else [])
    return docs_of(case, parties, records, agreement, terms)


def reindex_case(store: Store, case_id: str) -> None:
    case = Case.get_by_id(case_id)
    if case.deleted_at is not None:
        search.delete_case_docs(store, case_id)
        return
    search.replace_case_docs(store, case_id, case_docs(case))


def index_new_case(store: Store, case: Case, parties: Sequence[Party],
                   records: Sequence[Record], agreement: Agreement | None,
                   terms: Sequence[AgreementTerm]) -> None:
    """Index a case just registered from the rows just written (no need to read them back
    or to look for old documents)."""
    search.add_docs(store, case.id, docs_of(case, parties, records, agreement, terms))


def index_record(store: Store, record: Record) -> None:
    """Index one record added to a case; the case's other documents are unchanged."""
    search.add_docs(store, record.case_id, [record_doc(record)])


def reindex_cases(store: Store, case_ids: Iterable[str], chunk: int = 400) -> None:
    """Re-index many cases (what a sync import brought in) with a few queries per chunk
    instead of several per case: building a peewee query costs more than running it, and
    an import can touch thousands of cases."""
    ids = sorted(set(case_ids))
    for start in range(0, len(ids), chunk):
        part = ids[start:start + chunk]
        cases = list(Case.select().where(Case.id.in_(part)))
        parties: dict[str, list[Party]] = {}
        for party in Party.live().where(Party.case.in_(part)).order_by(Party.position):
            parties.setdefault(party.case_id, []).append(party)
        records: dict[str, list[Record]] = {}
        for record in Record.live().where(Record.case.in_(part)):
            records.setdefault(record.case_id, []).append(record)
        agreements = {a.case_id: a for a in Agreement.live().where(Agreement.case.in_(part))}
        terms: dict[str, list[AgreementTerm]] = {}
        if agreements:
            for term in (AgreementTerm.live()
                         .where(AgreementTerm.agreement.in_([a.id for a in agreements.values()]))
                         .order_by(AgreementTerm.position)):
                terms.setdefault(term.agreement_id, []).append(term)
        for case in cases:
            if case.deleted_at is not None:
                search.delete_case_docs(store, case.id)
                continue
            agreement = agreements.get(case.id)
            search.replace_case_docs(store, case.id, docs_of(
                case, parties.get(case.id, []), records.get(case.id, []), agreement,
                terms.get(agreement.id, []) if agreement is not None else []))


#: Rows whose documents carry their own id (``search_doc.ref_id``), and how to make them.
_ROW_DOCS: dict[str, tuple[type[Any], Callable[[Any], list[SearchDoc]]]] = {
    "party": (Party, party_docs),
    "record": (Record, lambda row: [record_doc(row)]),
    "agreement": (Agreement, lambda row: [agreement_doc(row)]),
    "agreement_term": (AgreementTerm, lambda row: [term_doc(row)]),
}
#: Columns whose change alters a row's documents (by document field, "" for all of them).
SEARCHED: dict[str, dict[str, frozenset[str]]] = {
    "case": {"": frozenset({"title", "summary", "requests", "deleted_at"})},
    "party": {"": frozenset({"name", "name_initials", "deleted_at"}),
              "party": frozenset({"address", "id_number", "phone", "legal_representative",
                                  "agent"})},
    "record": {"": frozenset({"body", "private", "author_account_id", "deleted_at"})},
    "agreement": {"": frozenset({"facts", "issues", "responsibilities", "deleted_at"})},
    "agreement_term": {"": frozenset({"text", "deleted_at"})},
}
Changed = Mapping[tuple[str, str], frozenset[str] | None]


def _fields_to_redo(table: str, columns: frozenset[str] | None) -> str | None:
    """Which of a changed row's documents need indexing again: "" all, a field name only
    that one, ``None`` none (``columns`` None: unknown, so all)."""
    if columns is None:
        return ""
    for field, searched in SEARCHED.get(table, {}).items():
        if columns & searched:
            return field
    return None


def reindex_rows(store: Store, rows: Iterable[tuple[str, str]], new: Iterable[str] = (),
                 changed: Changed | None = None, chunk: int = 400) -> None:
    """Bring the index up to date for rows changed outside the services (a sync import):
    only each changed party's, record's, agreement's or term's own documents — none when
    the columns that changed are not searched (``changed``: row → column names, or None
    when unknown) — and a changed case's own fields; a case that is new, deleted or
    restored is indexed whole. ``new``: ids of rows just inserted (no old documents).

    Why not every touched case whole: a day's records added to a few hundred long-running
    cases re-tokenised all their old records too (seconds instead of milliseconds)."""
    by_table: dict[str, set[str]] = {}
    for table, row_id in rows:
        by_table.setdefault(table, set()).add(row_id)
    fresh = set(new)
    columns: Changed = changed or {}
    whole: set[str] = set()
    gone: set[str] = set()
    stale: list[tuple[str, str, str]] = []  # (case id, ref id, field or "") that go
    adds: dict[str, list[SearchDoc]] = {}
    indexed: dict[str, bool] = {}

    def has_docs(case_id: str) -> bool:
        if case_id not in indexed:
            indexed.update(search.cases_with_docs(store, [case_id]))
        return indexed[case_id]

    case_ids = sorted(by_table.get("case", ()))
    indexed.update(search.cases_with_docs(store, case_ids))
    for start in range(0, len(case_ids), chunk):
        for case in Case.select().where(Case.id.in_(case_ids[start:start + chunk])):
            if case.deleted_at is not None:
                gone.add(case.id)
            elif not has_docs(case.id):
                whole.add(case.id)  # new, or restored
            elif _fields_to_redo("case", columns.get(("case", case.id))) is not None:
                stale.append((case.id, "", ""))
                adds.setdefault(case.id, []).extend(case_field_docs(case))
    for table, (model, make) in _ROW_DOCS.items():
        ids = sorted(by_table.get(table, ()))
        for start in range(0, len(ids), chunk):
            found = list(model.select().where(model.id.in_(ids[start:start + chunk])))
            owners = _owners(table, found)
            indexed.update(search.cases_with_docs(
                store, [c for c in set(owners.values()) if c and c not in indexed]))
            for row in found:
                case_id = owners.get(row.id, "")
                if not case_id or case_id in whole or case_id in gone:
                    continue
                if not has_docs(case_id):
                    whole.add(case_id)  # never indexed here: all of it
                    continue
                field = "" if row.id in fresh else _fields_to_redo(
                    table, columns.get((table, row.id)))
                if field is None:
                    continue  # nothing searched changed
                if row.id not in fresh:
                    stale.append((case_id, row.id, field))
                if row.deleted_at is None:
                    adds.setdefault(case_id, []).extend(
                        d for d in make(row) if not field or d.field == field)
    for case_id in gone:
        search.delete_case_docs(store, case_id)
    search.delete_ref_docs(store, stale)
    search.add_docs_of_cases(store, adds)
    reindex_cases(store, whole)


def _owners(table: str, rows: list[Any]) -> dict[str, str]:
    """row id → its case id (a term's through its agreement)."""
    if table != "agreement_term":
        return {row.id: row.case_id for row in rows}
    agreements = {a.id: a.case_id for a in Agreement.select(Agreement.id, Agreement.case)
                  .where(Agreement.id.in_({row.agreement_id for row in rows}))}
    return {row.id: agreements.get(row.agreement_id, "") for row in rows}
