"""What of a case is searchable, and keeping the index in step with every write.

Called inside the writing transaction, so the index can never disagree with the register.
ID numbers and phones are searchable (a mediator often has only the number in hand) but never
shown in a snippet: they are indexed as tokens only.
"""

from __future__ import annotations

import json

from mediation_desk.store import search
from mediation_desk.store.database import Store
from mediation_desk.store.models import Agreement, AgreementTerm, Case, Party, Record
from mediation_desk.store.search import SearchDoc


def case_docs(case: Case) -> list[SearchDoc]:
    docs = [
        SearchDoc("title", case.title),
        SearchDoc("summary", case.summary),
        SearchDoc("requests", "；".join(json.loads(case.requests or "[]"))),
    ]
    for party in Party.live().where(Party.case == case).order_by(Party.position):
        shown = " ".join(x for x in (party.name, party.address) if x)
        hidden = " ".join(x for x in (shown, party.id_number, party.phone,
                                      party.legal_representative, party.agent) if x)
        docs.append(SearchDoc("party", shown, ref_id=party.id, tokens_text=hidden))
        if party.name_initials:
            docs.append(SearchDoc("pinyin", party.name, ref_id=party.id,
                                  tokens_text=party.name_initials))
    for record in Record.live().where(Record.case == case):
        owner = (record.author_account_id or "private") if record.private else ""
        docs.append(SearchDoc("record", record.body, ref_id=record.id, private_owner=owner))
    agreement = Agreement.live().where(Agreement.case == case).first()
    if agreement is not None:
        text = " ".join(x for x in (agreement.facts, agreement.issues,
                                    agreement.responsibilities) if x)
        docs.append(SearchDoc("agreement", text, ref_id=agreement.id))
        for term in AgreementTerm.live().where(AgreementTerm.agreement == agreement):
            docs.append(SearchDoc("term", term.text, ref_id=term.id))
    return docs


def reindex_case(store: Store, case_id: str) -> None:
    case = Case.get_by_id(case_id)
    if case.deleted_at is not None:
        search.delete_case_docs(store, case_id)
        return
    search.replace_case_docs(store, case_id, case_docs(case))
