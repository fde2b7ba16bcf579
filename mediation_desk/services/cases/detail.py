"""Everything the case view shows about one case, read in one place.

ID numbers and phones come masked; showing them in full is an explicit, audited act
(:meth:`CaseDetailService.reveal_party`), because a screen in a busy room is seen by many.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime

from mediation_desk import clock
from mediation_desk.domain.deadlines import confirmation_deadline, days_left
from mediation_desk.domain.lifecycle import (
    STATUS_LABELS,
    STEP_LABELS,
    CaseStatus,
    Step,
    allowed_steps,
    is_open,
)
from mediation_desk.domain.phone import mask_phone
from mediation_desk.domain.resident_id import mask_id_number
from mediation_desk.domain.terms import TermFacts, confirmation_warnings, vague_term_warnings
from mediation_desk.errors import NotFound
from mediation_desk.services.attachments.service import AttachmentService, AttachmentView
from mediation_desk.services.cases.history import HistoryLine, case_history
from mediation_desk.services.shared import audit
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.database import Store
from mediation_desk.store.models import (
    Agreement,
    AgreementTerm,
    Appointment,
    Case,
    CaseArrival,
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


@dataclass(frozen=True)
class PartyView:
    id: str
    side: str
    kind: str
    name: str
    gender: str
    ethnicity: str
    birth_date: date | None
    id_type: str
    id_masked: str
    phone_masked: str
    address: str
    occupation: str
    legal_representative: str
    agent: str


@dataclass(frozen=True)
class RecordView:
    id: str
    kind: str
    at: datetime
    place: str
    participants: list[str]
    author: str
    body: str
    private: bool
    addendum: bool


@dataclass(frozen=True)
class TermView:
    id: str
    text: str
    obligor: str
    obligee: str
    amount_fen: int | None
    due_on: date | None
    place: str
    method: str
    performance: str
    performed_on: date | None = None


@dataclass(frozen=True)
class AgreementView:
    id: str
    form: str
    reached_on: date
    effective_on: date | None
    facts: str
    issues: str
    responsibilities: str
    terms: list[TermView]
    warnings: list[str]
    confirmation_until: date | None
    #: The signed agreement's scan, when one is filed: the agreement is signed (issue 16).
    signed_on: date | None = None
    signed_title: str = ""


@dataclass(frozen=True)
class FollowUpView:
    id: str
    due_on: date
    done_on: date | None
    visited: str
    performance: str
    satisfaction: str
    visitor: str
    sued: bool = False
    renewed_conflict: str = ""
    measures: str = ""
    record_id: str | None = None  # its 回访记录


@dataclass(frozen=True)
class EscalationLine:
    """A report or hand-over of the case (上报/移交, Art 25) and its receipt."""

    target: str
    at: datetime
    method: str
    summary: str
    received_by: str
    received_at: datetime | None
    result: str


@dataclass
class CaseDetail:
    id: str
    number: str
    title: str
    status: CaseStatus
    status_label: str
    received_on: date
    source: str
    dispute_type: str
    village: str
    summary: str
    requests: list[str]
    risk_level: str
    procedure: str
    amount_fen: int | None
    people_involved: int | None
    deadline_on: date
    days_left: int | None  # None once mediation has ended
    extension_days: int
    refusal_reason: str
    termination_reason: str
    closed: bool
    next_steps: list[tuple[Step, str]]
    mediators: list[tuple[str, str]]
    parties: list[PartyView] = field(default_factory=list)
    records: list[RecordView] = field(default_factory=list)
    agreement: AgreementView | None = None
    followups: list[FollowUpView] = field(default_factory=list)
    appointments: list[tuple[str, datetime, str, str]] = field(default_factory=list)
    history: list[HistoryLine] = field(default_factory=list)
    #: The patrol finding this case was registered from (the link back), e.g.
    #: "2026-12-01 湖二村排查发现：两户因宅基地界址争执"; "" when it was not.
    from_finding: str = ""
    #: Personal data removed after retention (PIPL): parties can no longer be edited.
    anonymised: bool = False
    outcome: str = ""  # success | failure | terminated | refused, once mediation ended
    closed_on: date | None = None
    archived_on: date | None = None
    group_dispute: bool = False
    #: The prevention flags monthly reports count (防止民转刑 with its people, 防止自杀,
    #: 防止群体性械斗, 防止群体性上访), by field name; only those set.
    prevented: dict[str, int] = field(default_factory=dict)
    recused: list[str] = field(default_factory=list)  # mediators who withdrew (回避)
    escalations: list[EscalationLine] = field(default_factory=list)
    #: Why this imported case waits to be checked (导入待核对); [] otherwise. Such a case
    #: counts no deadline (``days_left`` is None) until a person has checked it.
    to_review: list[str] = field(default_factory=list)

    #: Files filed to the case and its parts (附件), oldest first.
    attachments: list[AttachmentView] = field(default_factory=list)


def _prevented(case: Case) -> dict[str, int]:
    flags = {"prevented_criminal": case.prevented_criminal_people or 1
             if case.prevented_criminal else 0,
             "prevented_suicide": int(case.prevented_suicide),
             "prevented_group_fight": int(case.prevented_group_fight),
             "prevented_group_petition": int(case.prevented_group_petition)}
    return {name: value for name, value in flags.items() if value}


class CaseDetailService:
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor

    def load(self, case_id: str, today: date | None = None) -> CaseDetail:
        today = today or clock.today()
        case: Case | None = Case.live().where(Case.id == case_id).first()
        if case is None:
            raise NotFound(f"找不到案件 {case_id}")
        status = CaseStatus(case.status)
        village = Village.get_by_id(case.village_id).name if case.village_id else ""
        arrival = CaseArrival.live().where(CaseArrival.case == case, CaseArrival.review != "",
                                           CaseArrival.reviewed_on.is_null()).first()
        to_review = [line for line in arrival.review.split("\n") if line] if arrival else []
        simple = case.procedure == "simple"
        detail = CaseDetail(
            id=case.id, number=case.number or "", title=case.title, status=status,
            status_label=STATUS_LABELS[status], received_on=case.received_on,
            source=case.source, dispute_type=case.dispute_type, village=village,
            summary=case.summary, requests=json.loads(case.requests or "[]"),
            risk_level=case.risk_level, procedure=case.procedure, amount_fen=case.amount_fen,
            people_involved=case.people_involved, deadline_on=case.deadline_on,
            days_left=days_left(case.deadline_on, today)
            if is_open(status) and not to_review else None,
            extension_days=case.extension_days, refusal_reason=case.refusal_reason,
            termination_reason=case.termination_reason,
            closed=status in (CaseStatus.CLOSED, CaseStatus.ARCHIVED),
            anonymised=case.anonymised_on is not None,
            outcome=case.outcome, closed_on=case.closed_on, archived_on=case.archived_on,
            group_dispute=bool(case.group_dispute), prevented=_prevented(case),
            to_review=to_review,
            next_steps=[(s, STEP_LABELS[s]) for s in allowed_steps(status, simple)],
            mediators=[(cm.mediator.name, cm.role) for cm in
                       CaseMediator.live().join(Mediator).where(CaseMediator.case == case)
                       .order_by(CaseMediator.position)],
        )
        detail.parties = [PartyView(
            p.id, p.side, p.kind, p.name, p.gender, p.ethnicity, p.birth_date, p.id_type,
            mask_id_number(p.id_number) if p.id_number else "",
            mask_phone(p.phone) if p.phone else "", p.address, p.occupation,
            p.legal_representative, p.agent)
            for p in Party.live().where(Party.case == case).order_by(Party.position)]
        for r in Record.live().where(Record.case == case).order_by(Record.at):
            if r.private and not (self.actor.sees_private_notes
                                  or r.author_account_id == self.actor.account_id):
                continue
            detail.records.append(RecordView(r.id, r.kind, r.at, r.place,
                                             json.loads(r.participants or "[]"), r.author,
                                             r.body, r.private, r.addendum))
        files = AttachmentService(self.store, self.actor)
        detail.attachments = files.for_case(case.id)
        agreement = Agreement.live().where(Agreement.case == case).first()
        if agreement is not None:
            terms = [TermView(t.id, t.text, t.obligor, t.obligee, t.amount_fen, t.due_on,
                              t.place, t.method, t.performance, t.performed_on)
                     for t in AgreementTerm.live().where(AgreementTerm.agreement == agreement)
                     .order_by(AgreementTerm.position)]
            warnings = vague_term_warnings(
                [TermFacts(t.text, t.obligor or None, t.amount_fen, t.due_on) for t in terms])
            warnings += confirmation_warnings(
                case.dispute_type, " ".join([case.summary, agreement.facts,
                                             *(t.text for t in terms)]))
            scan = files.signed_scan(case.id)
            detail.agreement = AgreementView(
                agreement.id, agreement.form, agreement.reached_on, agreement.effective_on,
                agreement.facts, agreement.issues, agreement.responsibilities, terms, warnings,
                confirmation_deadline(agreement.effective_on) if agreement.effective_on
                else None, scan.added_at.date() if scan else None, scan.title if scan else "")
        detail.followups = [FollowUpView(f.id, f.due_on, f.done_on, f.visited, f.performance,
                                         f.satisfaction, f.visitor, f.sued,
                                         f.renewed_conflict, f.measures, f.record_id)
                            for f in FollowUp.live().where(FollowUp.case == case)
                            .order_by(FollowUp.due_on)]
        detail.appointments = [(a.id, a.at, a.place, a.note) for a in
                               Appointment.live().where(Appointment.case == case,
                                                        Appointment.done == False)  # noqa: E712
                               .order_by(Appointment.at)]
        detail.recused = [cm.mediator.name for cm in CaseMediator.live().join(Mediator)
                          .where(CaseMediator.case == case, CaseMediator.recused == True)  # noqa: E712
                          .order_by(CaseMediator.position)]
        detail.escalations = [EscalationLine(e.target, e.at, e.method, e.summary,
                                             e.received_by, e.received_at, e.result)
                              for e in Escalation.live().where(Escalation.case == case)
                              .order_by(Escalation.at)]
        detail.history = case_history(case)
        detail.from_finding = self._from_finding(case)
        return detail

    def _from_finding(self, case: Case) -> str:
        finding = (Finding.live().join(PatrolVisit).where(Finding.case == case)
                   .order_by(PatrolVisit.on).first())
        if finding is None:
            return ""
        visit = finding.visit
        village = Village.get_by_id(visit.village_id).name if visit.village_id else ""
        return f"{visit.on.isoformat()} {village}排查发现：{finding.summary}"

    def reveal_party(self, party_id: str) -> tuple[str, str]:
        """The full ID number and phone of a party; the act itself is audited."""
        party = Party.get_by_id(party_id)
        with self.store.write() as changes:
            audit.record(self.actor, "reveal", party, detail="显示完整身份证号码和电话")
            changes.touch("audit", party.case_id)
        return party.id_number, party.phone
