"""What of a case is searchable, and keeping the index in step with every write.

Called inside the writing transaction, so the index can never disagree with the register.
ID numbers and phones are searchable (a mediator often has only the number in hand) but never
shown in a snippet: they are indexed as tokens only.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from mediation_desk.store import search
from mediation_desk.store.database import Store
from mediation_desk.store.models import Agreement, AgreementTerm, Case, Party, Record
from mediation_desk.store.search import SearchDoc


def docs_of(case: Case, parties: Iterable[Party], records: Iterable[Record],
            agreement: Agreement | None, terms: Iterable[AgreementTerm]) -> list[SearchDoc]:
    """The searchable pieces of a case, from its rows (live ones, in display order)."""
    docs = [
        SearchDoc("title", case.title),
        SearchDoc("summary", case.summary),
        SearchDoc("requests", "；".join(json.loads(case.requests or "[]"))),
    ]
    for party in parties:
        shown = " ".join(x for x in (party.name, party.address) if x)
        hidden = " ".join(x for x in (shown, party.id_number, party.phone,
                                      party.legal_representative, party.agent) if x)
        docs.append(SearchDoc("party", shown, ref_id=party.id, tokens_text=hidden))
        if party.name_initials:
            docs.append(SearchDoc("pinyin", party.name, ref_id=party.id,
                                  tokens_text=party.name_initials))
    docs += [record_doc(record) for record in records]
    if agreement is not None:
        text = " ".join(x for x in (agreement.facts, agreement.issues,
                                    agreement.responsibilities) if x)
        docs.append(SearchDoc("agreement", text, ref_id=agreement.id))
        docs += [SearchDoc("term", term.text, ref_id=term.id) for term in terms]
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
