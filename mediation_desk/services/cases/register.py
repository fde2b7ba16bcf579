"""Reading the register: lists with filters, one case in full, and the exchange document.

Lists return small rows (ids and the columns a mediator scans) with ID numbers and phones
masked; the full document of a case is for ``show``/``export`` and carries them unmasked,
because those are deliberate acts of an authorised user (and are audited).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import peewee

from mediation_desk.domain.money import format_yuan
from mediation_desk.errors import NotFound
from mediation_desk.services.exchange.case_format import FORMAT
from mediation_desk.services.settings.mediators import mediator_names
from mediation_desk.services.shared import audit
from mediation_desk.services.shared.actor import Actor
from mediation_desk.services.shared.permissions import require
from mediation_desk.store.database import Store
from mediation_desk.store.models import (
    Agreement,
    AgreementTerm,
    Case,
    CaseMediator,
    Mediator,
    Party,
    Record,
    Village,
)


@dataclass(frozen=True)
class CaseFilter:
    status: str | None = None
    year: int | None = None
    dispute_type: str | None = None
    village: str | None = None
    mediator: str | None = None
    overdue_on: date | None = None  # open cases whose deadline is before this day


#: No filter: every live case.
ALL_CASES = CaseFilter()


def _d(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _money(fen: int | None) -> str | None:
    return format_yuan(fen) if fen is not None else None


class RegisterService:
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor

    def query(self, f: CaseFilter = ALL_CASES) -> peewee.ModelSelect[Case]:
        """Live cases matching ``f``, newest first (received date, then number)."""
        q = Case.live()
        if f.status:
            q = q.where(Case.status == f.status)
        if f.year:
            q = q.where(Case.received_on.between(date(f.year, 1, 1), date(f.year, 12, 31)))
        if f.dispute_type:
            q = q.where(Case.dispute_type == f.dispute_type)
        if f.village:
            villages = Village.select(Village.id).where(Village.name == f.village)
            q = q.where(Case.village.in_(villages))
        if f.mediator:
            q = q.where(Case.id.in_(
                CaseMediator.select(CaseMediator.case).join(Mediator)
                .where(Mediator.name == f.mediator, CaseMediator.deleted_at.is_null())))
        if f.overdue_on:
            q = q.where(Case.deadline_on < f.overdue_on,
                        Case.status.in_(["registered", "notified", "investigating", "mediating"]))
        return q.order_by(Case.received_on.desc(), Case.number_seq.desc(), Case.created_at.desc())

    def list_summaries(self, f: CaseFilter = ALL_CASES, limit: int | None = None,
                       ) -> list[dict[str, Any]]:
        """The contract's list rows: id, number, title, status, date, type, village, parties."""
        q = self.query(f)
        if limit:
            q = q.limit(limit)
        cases = list(q)
        ids = [c.id for c in cases]
        villages = {v.id: v.name for v in Village.select(Village.id, Village.name)}
        names: dict[str, list[str]] = {i: [] for i in ids}
        for chunk_start in range(0, len(ids), 500):
            chunk = ids[chunk_start:chunk_start + 500]
            for p in (Party.select(Party.case, Party.name)
                      .where(Party.case.in_(chunk), Party.deleted_at.is_null())
                      .order_by(Party.position)):
                names[p.case_id].append(p.name)
        return [{
            "id": c.id, "number": c.number, "title": c.title, "status": c.status,
            "received_on": _d(c.received_on), "dispute_type": c.dispute_type,
            "village": villages.get(c.village_id or "", ""), "parties": names[c.id],
        } for c in cases]

    def mediator_names(self) -> list[str]:
        """Active mediators, for pick lists and filters."""
        return mediator_names()

    def by_number(self, number: str) -> Case:
        case: Case | None = Case.live().where(Case.number == number.strip()).first()
        if case is None:
            raise NotFound(f"找不到编号为“{number}”的案件")
        return case

    def document(self, case: Case, *, audit_read: bool = True) -> dict[str, Any]:
        """The full ``mediation-desk/case@1`` document of a case (see contract.md)."""
        village = Village.get_by_id(case.village_id).name if case.village_id else ""
        mediators = [{"name": cm.mediator.name, "role": cm.role}
                     for cm in CaseMediator.live().where(CaseMediator.case == case)
                     .join(Mediator).order_by(CaseMediator.position)]
        parties = [{
            "side": p.side, "kind": p.kind, "name": p.name, "gender": p.gender or None,
            "ethnicity": p.ethnicity or None, "birth_date": _d(p.birth_date),
            "id_type": p.id_type, "id_number": p.id_number or None, "phone": p.phone or None,
            "address": p.address or None, "occupation": p.occupation or None,
            "legal_representative": p.legal_representative or None, "agent": p.agent or None,
        } for p in Party.live().where(Party.case == case).order_by(Party.position)]
        records = []
        for r in Record.live().where(Record.case == case).order_by(Record.at):
            if r.private and not (self.actor.sees_private_notes
                                  or r.author_account_id == self.actor.account_id):
                continue
            records.append({
                "kind": r.kind, "at": r.at.strftime("%Y-%m-%dT%H:%M"), "place": r.place,
                "participants": json.loads(r.participants or "[]"), "author": r.author,
                "body": r.body, "private": r.private,
            })
        doc: dict[str, Any] = {
            "format": FORMAT, "id": case.id, "number": case.number, "status": case.status,
            "received_on": _d(case.received_on), "source": case.source,
            "dispute_type": case.dispute_type, "title": case.title, "village": village,
            "summary": case.summary, "requests": json.loads(case.requests or "[]"),
            "risk_level": case.risk_level, "procedure": case.procedure,
            "amount_involved": _money(case.amount_fen), "people_involved": case.people_involved,
            "deadline_on": _d(case.deadline_on), "mediators": mediators, "parties": parties,
            "records": records, "agreement": None,
        }
        agreement = Agreement.live().where(Agreement.case == case).first()
        if agreement is not None:
            doc["agreement"] = {
                "form": agreement.form, "reached_on": _d(agreement.reached_on),
                "facts": agreement.facts, "issues": agreement.issues,
                "responsibilities": agreement.responsibilities,
                "terms": [{
                    "text": t.text, "obligor": t.obligor, "obligee": t.obligee or None,
                    "amount": _money(t.amount_fen), "due_on": _d(t.due_on),
                    "place": t.place or None, "method": t.method or None,
                    "performance": t.performance,
                } for t in AgreementTerm.live().where(AgreementTerm.agreement == agreement)
                    .order_by(AgreementTerm.position)],
            }
        if audit_read:
            with self.store.write():
                audit.record(self.actor, "read", case, detail="查看完整案件（含身份证号码）")
        return doc

    def export(self, numbers: list[str] | None = None,
               deliver: Callable[[list[dict[str, Any]]], None] | None = None
               ) -> list[dict[str, Any]]:
        """Case documents for export, audited. ``deliver`` (writing the file) runs inside
        the audit's transaction: an export that could not be written is not recorded."""
        require(self.actor, "export")  # every party's personal data leaves the register
        cases = [self.by_number(n) for n in numbers] if numbers else \
            list(self.query().order_by(Case.received_on, Case.number_seq))
        docs = [self.document(c, audit_read=False) for c in cases]
        with self.store.write():
            if deliver is not None:
                deliver(docs)
            audit.record(self.actor, "export", entity="case",
                         detail=f"导出{len(docs)}件案件")
        return docs
