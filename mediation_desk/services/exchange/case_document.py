"""A stored case as a ``mediation-desk/case@1`` document: everything the register holds for it.

Why everything: an export is how a room moves its register to a new computer or hands a case
to the town's 综治中心, and an import into an empty register must give back every case as it
was — status, dates, outcome, agreement and each term's performance, records of all kinds,
follow-ups, mediators and roles, parties, escalations, planned sessions, the flags monthly
reports count, and the steps of its legal life (docs/case-format.md).

Private notes (工作笔记 and records marked 不公开) are for their author and the director:
a document includes them only when asked *and* the account may read them; what was left out
is counted in the document (``omitted_private_records``) so an omission is never silent.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from mediation_desk.domain.money import format_yuan
from mediation_desk.services.exchange.case_format import FORMAT
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.models import (
    Account,
    Agreement,
    AgreementTerm,
    Appointment,
    Case,
    CaseArrival,
    CaseEvent,
    CaseMediator,
    Escalation,
    Finding,
    FollowUp,
    Mediator,
    Party,
    PatrolVisit,
    Record,
    Village,
)


def _d(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _t(value: datetime | None) -> str | None:
    """A local time to the minute, with seconds only when it has them (steps entered in the
    same minute keep their order)."""
    if value is None:
        return None
    return value.strftime("%Y-%m-%dT%H:%M:%S" if value.second else "%Y-%m-%dT%H:%M")


def _money(fen: int | None) -> str | None:
    return format_yuan(fen) if fen is not None else None


def may_read(actor: Actor, record: Record) -> bool:
    """Whether ``actor`` may read ``record``: a private one only its author or the director."""
    return not record.private or actor.sees_private_notes or \
        record.author_account_id == actor.account_id


class CaseDocuments:
    """Builds documents for many cases, remembering account and village names on the way."""

    def __init__(self, actor: Actor) -> None:
        self.actor = actor
        self._users = {a.id: a.username for a in Account.select(Account.id, Account.username)}
        self._villages: dict[str, str] = {}

    def _village(self, village_id: str | None) -> str:
        if not village_id:
            return ""
        if village_id not in self._villages:
            self._villages[village_id] = Village.get_by_id(village_id).name
        return self._villages[village_id]

    def document(self, case: Case, *, private: bool) -> tuple[dict[str, Any], int]:
        """The case's document and how many private records were left out of it.

        ``private``: include the private records this account may read (``show``, and
        ``export --include-private``); otherwise include none of them.
        """
        records: list[dict[str, Any]] = []
        omitted = 0
        positions: dict[str, int] = {}
        for r in Record.live().where(Record.case == case).order_by(Record.at, Record.created_at):
            if r.private and not (private and may_read(self.actor, r)):
                omitted += 1
                continue
            positions[r.id] = len(records) + 1
            records.append({
                "kind": r.kind, "at": _t(r.at), "place": r.place,
                "participants": json.loads(r.participants or "[]"), "author": r.author,
                "author_user": self._users.get(r.author_account_id or "") or None,
                "body": r.body, "private": r.private, "addendum": r.addendum,
            })
        doc: dict[str, Any] = {
            "format": FORMAT, "id": case.id, "number": case.number, "status": case.status,
            "outcome": case.outcome or None, "received_on": _d(case.received_on),
            "closed_on": _d(case.closed_on), "archived_on": _d(case.archived_on),
            "anonymised_on": _d(case.anonymised_on), "source": case.source,
            "dispute_type": case.dispute_type, "title": case.title,
            "village": self._village(case.village_id), "summary": case.summary,
            "requests": json.loads(case.requests or "[]"), "risk_level": case.risk_level,
            "procedure": case.procedure, "amount_involved": _money(case.amount_fen),
            "people_involved": case.people_involved, "deadline_on": _d(case.deadline_on),
            "extension_days": case.extension_days,
            "refusal_reason": case.refusal_reason or None,
            "termination_reason": case.termination_reason or None,
            "group_dispute": case.group_dispute,
            "prevented_criminal": case.prevented_criminal,
            "prevented_criminal_people": case.prevented_criminal_people,
            "prevented_suicide": case.prevented_suicide,
            "prevented_group_fight": case.prevented_group_fight,
            "prevented_group_petition": case.prevented_group_petition,
            "mediators": self._mediators(case), "parties": _parties(case),
            "records": records, "omitted_private_records": omitted,
            "agreement": _agreement(case), "followups": _followups(case, positions),
            "escalations": _escalations(case), "appointments": _appointments(case),
            "events": self._events(case), "review": _review(case),
            "from_finding": _from_finding(case),
        }
        return doc, omitted

    def _mediators(self, case: Case) -> list[dict[str, Any]]:
        return [{"name": cm.mediator.name, "role": cm.role, "recused": cm.recused}
                for cm in CaseMediator.live().where(CaseMediator.case == case)
                .join(Mediator).order_by(CaseMediator.position)]

    def _events(self, case: Case) -> list[dict[str, Any]]:
        return [{"at": _t(e.at), "step": e.step, "from": e.from_status, "to": e.to_status,
                 "reason": e.reason, "by": self._users.get(e.account_id or "") or None}
                for e in CaseEvent.live().where(CaseEvent.case == case)
                .order_by(CaseEvent.at, CaseEvent.created_at)]


def _parties(case: Case) -> list[dict[str, Any]]:
    return [{
        "side": p.side, "kind": p.kind, "name": p.name, "gender": p.gender or None,
        "ethnicity": p.ethnicity or None, "birth_date": _d(p.birth_date),
        "id_type": p.id_type, "id_number": p.id_number or None, "phone": p.phone or None,
        "address": p.address or None, "occupation": p.occupation or None,
        "legal_representative": p.legal_representative or None, "agent": p.agent or None,
    } for p in Party.live().where(Party.case == case).order_by(Party.position)]


def _agreement(case: Case) -> dict[str, Any] | None:
    agreement = Agreement.live().where(Agreement.case == case).first()
    if agreement is None:
        return None
    return {
        "form": agreement.form, "reached_on": _d(agreement.reached_on),
        "effective_on": _d(agreement.effective_on), "facts": agreement.facts,
        "issues": agreement.issues, "responsibilities": agreement.responsibilities,
        "terms": [{
            "text": t.text, "obligor": t.obligor, "obligee": t.obligee or None,
            "amount": _money(t.amount_fen), "due_on": _d(t.due_on),
            "place": t.place or None, "method": t.method or None,
            "performance": t.performance, "performed_on": _d(t.performed_on),
        } for t in AgreementTerm.live().where(AgreementTerm.agreement == agreement)
            .order_by(AgreementTerm.position)],
    }


def _followups(case: Case, positions: dict[str, int]) -> list[dict[str, Any]]:
    return [{
        "due_on": _d(f.due_on), "done_on": _d(f.done_on), "visited": f.visited,
        "performance": f.performance, "satisfaction": f.satisfaction, "sued": f.sued,
        "renewed_conflict": f.renewed_conflict, "measures": f.measures, "visitor": f.visitor,
        "record": positions.get(f.record_id or ""),
    } for f in FollowUp.live().where(FollowUp.case == case)
        .order_by(FollowUp.due_on, FollowUp.created_at)]


def _escalations(case: Case) -> list[dict[str, Any]]:
    return [{"target": e.target, "at": _t(e.at), "method": e.method, "summary": e.summary,
             "received_by": e.received_by, "received_at": _t(e.received_at),
             "result": e.result}
            for e in Escalation.live().where(Escalation.case == case)
            .order_by(Escalation.at, Escalation.created_at)]


def _appointments(case: Case) -> list[dict[str, Any]]:
    return [{"at": _t(a.at), "kind": a.kind, "place": a.place, "note": a.note,
             "done": a.done}
            for a in Appointment.live().where(Appointment.case == case)
            .order_by(Appointment.at, Appointment.created_at)]


def _review(case: Case) -> list[str]:
    """What an earlier import left for a person to check, and nobody has checked yet."""
    row = CaseArrival.live().where(CaseArrival.case == case,
                                   CaseArrival.reviewed_on.is_null()).first()
    return [line for line in (row.review.split("\n") if row else []) if line]


def _from_finding(case: Case) -> str | None:
    """The patrol finding the case was registered from, as text: patrols travel in their own
    files (patrol-visit@1), so the link itself cannot be carried."""
    finding = (Finding.live().join(PatrolVisit).where(Finding.case == case)
               .order_by(PatrolVisit.on).first())
    if finding is None:
        return None
    return f"{finding.visit.on.isoformat()} {finding.summary}"
