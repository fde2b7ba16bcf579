"""Reading one case into the plain :class:`~mediation_desk.documents.data.CaseFile` a form is
built from.

Why a module of its own: this is the one place where codes become the words printed on
paper (申请人, 男, 承诺履行, 调解成功), where private working notes are left out, and where ID
numbers are given in full (a court needs them; screens mask them). The builders then trust
what they get.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from mediation_desk import clock
from mediation_desk.documents.data import (
    AgreementInfo,
    AttachmentInfo,
    CaseFile,
    FollowUpInfo,
    MediatorInfo,
    PartyInfo,
    PrintedInfo,
    RecordInfo,
    RoomInfo,
    TermInfo,
)
from mediation_desk.domain.attachments import KINDS as ATTACHMENT_KINDS
from mediation_desk.domain.attachments import is_image
from mediation_desk.domain.dictionaries import MEDIATOR_ROLES, PARTY_SIDES, PERFORMANCE, RISK_LEVELS
from mediation_desk.domain.lifecycle import STATUS_LABELS, CaseStatus
from mediation_desk.domain.resident_id import parse_resident_id
from mediation_desk.errors import DomainError
from mediation_desk.services.printing.document_settings import KEYS as DOCUMENT_KEYS
from mediation_desk.services.printing.document_settings import document_settings_from, read_settings
from mediation_desk.store.attachment_content import has_content, iter_content
from mediation_desk.store.database import Store
from mediation_desk.store.models import (
    Agreement,
    AgreementTerm,
    Attachment,
    Case,
    CaseEvent,
    CaseMediator,
    FollowUp,
    Mediator,
    Party,
    PrintedDocument,
    Record,
    Village,
)

GENDER_LABELS = {"male": "男", "female": "女"}
OUTCOME_LABELS = {"success": "调解成功", "failure": "调解不成功", "terminated": "终止调解",
                  "refused": "不予受理"}
#: The records a form may print; private working notes (工作笔记) never reach paper.
PRINTED_RECORD_KINDS = ("investigation", "mediation", "followup")
SIMPLE_RESPONDENT = "对方当事人"
DEFAULT_RETENTION_YEARS = 10


def age_on(birth: date, day: date) -> int:
    """Whole years on ``day`` (an age is printed as of the case's receipt)."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def room_info(values: dict[str, Any]) -> RoomInfo:
    """The room as settings describe it; ``values`` from :func:`read_settings`."""
    docs = document_settings_from(values)
    return RoomInfo(room_name=str(values.get("room_name") or ""),
                    committee_name=str(values.get("committee_name") or ""),
                    header=docs.header, address=docs.address, phone=docs.phone,
                    court=docs.court, font_path=docs.font_path)


def read_room(store: Store) -> tuple[RoomInfo, dict[str, int]]:
    """The room and the retention policy (years per dispute type), in one query."""
    values = read_settings(["room_name", "committee_name", "retention_years",
                            *DOCUMENT_KEYS.values()])
    stored = values.get("retention_years")
    policy = {str(k): int(v) for k, v in stored.items()} if isinstance(stored, dict) else {}
    return room_info(values), policy


def party_info(p: Party, received_on: date, simple: bool) -> PartyInfo:
    birth, gender = p.birth_date, p.gender
    if p.kind == "person" and p.id_type == "resident_id" and p.id_number and (
            birth is None or not gender):
        # Intake may leave them empty when the ID number says them; paper wants them.
        try:
            rid = parse_resident_id(p.id_number, today=received_on)
        except DomainError:
            pass
        else:
            birth, gender = birth or rid.birth_date, gender or rid.gender
    side_label = PARTY_SIDES.get(p.side, p.side)
    if simple and p.side == "respondent":
        side_label = SIMPLE_RESPONDENT
    return PartyInfo(
        side=p.side, side_label=side_label, kind=p.kind, name=p.name,
        gender=GENDER_LABELS.get(gender, ""), ethnicity=p.ethnicity, birth_date=birth,
        age=age_on(birth, received_on) if birth is not None else None,
        id_type=p.id_type, id_number=p.id_number, phone=p.phone, address=p.address,
        occupation=p.occupation, legal_representative=p.legal_representative, agent=p.agent)


def _agreement(case: Case) -> AgreementInfo | None:
    row = Agreement.live().where(Agreement.case == case).first()
    if row is None:
        return None
    terms = tuple(
        TermInfo(number=i, text=t.text, obligor=t.obligor, obligee=t.obligee,
                 amount_fen=t.amount_fen, due_on=t.due_on, place=t.place, method=t.method,
                 performance=PERFORMANCE.get(t.performance, t.performance))
        for i, t in enumerate(AgreementTerm.live().where(AgreementTerm.agreement == row)
                              .order_by(AgreementTerm.position), start=1))
    return AgreementInfo(form=row.form, reached_on=row.reached_on, effective_on=row.effective_on,
                         facts=row.facts, issues=row.issues,
                         responsibilities=row.responsibilities, terms=terms)


def _followups(case: Case, record_bodies: dict[str, str]) -> tuple[FollowUpInfo, ...]:
    return tuple(
        FollowUpInfo(due_on=f.due_on, done_on=f.done_on, visited=f.visited,
                     performance=PERFORMANCE.get(f.performance, f.performance),
                     satisfaction=f.satisfaction, sued=bool(f.sued),
                     renewed_conflict=f.renewed_conflict, measures=f.measures,
                     visitor=f.visitor, body=record_bodies.get(f.record_id or "", ""))
        for f in FollowUp.live().where(FollowUp.case == case).order_by(FollowUp.due_on))


def _retention(policy: dict[str, int], dispute_type: str) -> str:
    return f"{policy.get(dispute_type, policy.get('', DEFAULT_RETENTION_YEARS))}年"


def _attachments(case: Case, images: bool) -> tuple[AttachmentInfo, ...]:
    """The case's files for the contents; with ``images``, the bytes of those the whole-file
    print shows as pages (read only then: listing needs none of them)."""
    rows = Attachment.live().where(Attachment.case == case).order_by(Attachment.added_at,
                                                                     Attachment.created_at)
    out = []
    for row in rows:
        printable = is_image(row.mime_type)
        image = b"".join(iter_content(row.sha256)) if images and printable and has_content(
            row.sha256) else None
        out.append(AttachmentInfo(row.title, row.kind, ATTACHMENT_KINDS.get(row.kind, row.kind),
                                  row.added_at.date(), row.file_name, printable, image))
    return tuple(out)


def read_case_file(store: Store, case: Case, *, filer: str = "",
                   today: date | None = None, images: bool = False) -> CaseFile:
    """Everything any form of ``case`` may print, read in one go.

    ``filer`` (立卷人) is used until the case is archived; then it is who archived it.
    ``images``: also read the image attachments' bytes (the whole-file print needs them).
    """
    simple = case.procedure == "simple"
    parties = tuple(party_info(p, case.received_on, simple) for p in
                    Party.live().where(Party.case == case).order_by(Party.position))
    room, retention = read_room(store)
    mediators = tuple(
        MediatorInfo(name=cm.mediator.name, role=cm.role,
                     role_label=MEDIATOR_ROLES.get(cm.role, cm.role))
        for cm in CaseMediator.select(CaseMediator, Mediator).join(Mediator)
        .where(CaseMediator.deleted_at.is_null())
        .where(CaseMediator.case == case, CaseMediator.recused == False)  # noqa: E712
        .order_by(CaseMediator.position))
    rows = [r for r in Record.live().where(Record.case == case).order_by(Record.at)
            if not r.private and r.kind in PRINTED_RECORD_KINDS]
    records = tuple(RecordInfo(kind=r.kind, at=r.at, place=r.place,
                               participants=tuple(json.loads(r.participants or "[]")),
                               author=r.author, body=r.body, addendum=bool(r.addendum))
                    for r in rows)
    events = list(CaseEvent.live().where(CaseEvent.case == case).order_by(CaseEvent.at))
    notified = next((e.at.date() for e in events if e.step == "notify_rights"), None)
    archiver = next((e.account for e in reversed(events) if e.step == "archive"), None)
    printed = tuple(PrintedInfo(kind=d.kind, title=d.title, at=d.at, pages=d.pages)
                    for d in PrintedDocument.live().where(PrintedDocument.case == case)
                    .order_by(PrintedDocument.at))
    village = Village.get_by_id(case.village_id).name if case.village_id else ""
    return CaseFile(
        room=room, number=case.number or "", title=case.title,
        status=STATUS_LABELS.get(CaseStatus(case.status), case.status),
        received_on=case.received_on, source=case.source, dispute_type=case.dispute_type,
        village=village, summary=case.summary,
        requests=tuple(json.loads(case.requests or "[]")), procedure=case.procedure,
        parties=parties, mediators=mediators, records=records, agreement=_agreement(case),
        followups=_followups(case, {r.id: r.body for r in rows}),
        amount_fen=case.amount_fen, people_involved=case.people_involved,
        risk_level=RISK_LEVELS.get(case.risk_level, ""), notified_on=notified,
        deadline_on=case.deadline_on, closed_on=case.closed_on, archived_on=case.archived_on,
        outcome=OUTCOME_LABELS.get(case.outcome, ""),
        termination_reason=case.termination_reason, refusal_reason=case.refusal_reason,
        retention=_retention(retention, case.dispute_type),
        filed_by=(archiver.display_name or archiver.username) if archiver is not None
        else filer,
        printed=printed, printed_on=today or clock.today(),
        attachments=_attachments(case, images))
