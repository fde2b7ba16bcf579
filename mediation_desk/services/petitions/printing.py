"""Printing a request's forms and filing each printout back to the request.

The same flow as a case's documents (:mod:`mediation_desk.services.printing.service`):
:meth:`PetitionPrintingService.forms` says which forms the request has and what each still
lacks; :meth:`render` builds one without writing anything (a preview is not filing);
:meth:`file_printed` records what went to the printer or to a file — a
:class:`PetitionDocument` row with the PDF's SHA-256 and a "print" audit event — so a paper in
the request's file can be matched to what the program produced.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime

from mediation_desk import clock, documents
from mediation_desk.documents.petition_data import (
    AssignmentInfo,
    PersonInfo,
    PetitionSheet,
    SupervisionSheet,
)
from mediation_desk.domain import petitions as rules
from mediation_desk.domain.dictionaries import RISK_LEVELS
from mediation_desk.errors import NotFound, Problem, ValidationError
from mediation_desk.services.petitions import views
from mediation_desk.services.printing.case_file import read_room
from mediation_desk.services.printing.service import MAX_COPIES, RenderedDocument
from mediation_desk.services.shared import audit
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.changes import ChangeSet
from mediation_desk.store.database import Store
from mediation_desk.store.models import Assignment, Compound, Petition, PetitionDocument, Village

#: The forms of a request, in the order they are made.
KINDS = {"registration": "来访登记表", "supervision": "信访事项督办单", "answer": "信访处理意见书"}
ACTIONS = {"print": "打印", "save": "保存为PDF"}
GENDERS = {"male": "男", "female": "女"}


@dataclass(frozen=True)
class PetitionRendered(RenderedDocument):
    """A rendered form of a request (``case_id`` stays empty: it belongs to no case)."""

    petition_id: str = ""
    assignment_id: str = ""


@dataclass(frozen=True)
class PetitionForm:
    kind: str
    title: str
    assignment_id: str  # the 督办单 of one assignment; "" for the request's own forms
    label: str  # "督办单：镇自然资源所" as the window lists it
    missing: tuple[str, ...]  # "字段：原因" lines; empty when it can be printed


def _assignment_info(a: Assignment) -> AssignmentInfo:
    extension = f"延长{a.extension_days}天：{a.extension_reason}" if a.extension_days else ""
    return AssignmentInfo(a.department, rules.TASKS.get(a.task, a.task), a.request,
                          a.responsible, a.assigned_on, a.due_on, extension, a.result,
                          a.result_on)


def _line(problem: Problem) -> str:
    return f"{problem.field}：{problem.reason}" if problem.field else problem.reason


class PetitionPrintingService:
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor

    def sheet(self, petition_id: str, today: date | None = None) -> PetitionSheet:
        """The request as its forms print it (the person's details in full)."""
        p = views.get_petition(petition_id)
        room, _policy = read_room(self.store)
        village = Village.get_by_id(p.village_id).name if p.village_id else ""
        compound = Compound.get_by_id(p.compound_id).name if p.compound_id else ""
        assignments = tuple(_assignment_info(a) for a in Assignment.live()
                            .where(Assignment.petition == p.id).order_by(Assignment.position))
        return PetitionSheet(
            room=room, number=p.number or "", received_at=p.received_at,
            channel=rules.CHANNELS.get(p.channel, p.channel), received_by=p.received_by,
            person=PersonInfo(p.person_name, GENDERS.get(p.person_gender, ""),
                              p.person_id_number, p.person_phone, p.person_address),
            village=village, compound=compound, category=p.category, content=p.content,
            respondent=p.respondent, people_involved=p.people_involved,
            representatives=tuple(json.loads(p.representatives or "[]")),
            earlier=tuple(views.earlier_of(p.person_id_number, p.person_name, p.person_phone,
                                           p.id)),
            route=rules.ROUTES.get(p.route, ""), assessment=p.assessment,
            risk=RISK_LEVELS.get(p.risk_level, ""), assessed_by=p.assessed_by,
            assessed_on=p.assessed_on, assignments=assignments, answer=p.answer,
            answer_method=rules.ANSWER_METHODS.get(p.answer_method, ""),
            answered_on=p.answered_on, answered_by=p.answered_by,
            decision=rules.DECISIONS.get(p.decision, ""), facts_reasons=p.facts_reasons,
            legal_basis=p.legal_basis, printed_on=today or clock.today())

    def _supervision(self, petition_id: str, assignment_id: str) -> SupervisionSheet:
        rows = list(Assignment.live().where(Assignment.petition == petition_id)
                    .order_by(Assignment.position))
        for i, a in enumerate(rows, start=1):
            if a.id == assignment_id:
                return SupervisionSheet(self.sheet(petition_id), _assignment_info(a), i)
        raise NotFound(f"找不到交办记录 {assignment_id}")

    def forms(self, petition_id: str) -> list[PetitionForm]:
        """Every form the request has now, with what each still lacks."""
        from mediation_desk.documents import petition_forms as pf

        sheet = self.sheet(petition_id)
        out = [PetitionForm("registration", KINDS["registration"], "", KINDS["registration"],
                            tuple(_line(p) for p in pf.registration_problems(sheet)))]
        for i, a in enumerate(Assignment.live().where(Assignment.petition == petition_id)
                              .order_by(Assignment.position), start=1):
            missing = pf.supervision_problems(SupervisionSheet(sheet, _assignment_info(a), i))
            out.append(PetitionForm("supervision", KINDS["supervision"], a.id,
                                    f"督办单：{a.department}",
                                    tuple(_line(p) for p in missing)))
        out.append(PetitionForm("answer", KINDS["answer"], "", KINDS["answer"],
                                tuple(_line(p) for p in pf.answer_problems(sheet))))
        return out

    def render(self, petition_id: str, kind: str, assignment_id: str = "") -> PetitionRendered:
        """One form as PDF bytes; writes nothing. ValidationError names what to fill first,
        ``UnprintableCharacters`` the characters no font can draw."""
        from mediation_desk.documents import petition_forms as pf

        if kind not in KINDS:
            raise ValidationError(Problem("打印", "文书种类", "应为 " + " / ".join(KINDS) + " 之一"))
        if kind == "supervision":
            if not assignment_id:
                first = (Assignment.live().where(Assignment.petition == petition_id)
                         .order_by(Assignment.position).first())
                if first is None:
                    raise ValidationError(Problem(KINDS[kind], "承办部门", "尚未交办任何部门"))
                assignment_id = first.id
            pdf = pf.supervision(self._supervision(petition_id, assignment_id))
        elif kind == "answer":
            pdf = pf.answer(self.sheet(petition_id))
        else:
            pdf = pf.registration(self.sheet(petition_id))
        return PetitionRendered(
            case_id="", kind=kind, title=KINDS[kind], pdf=pdf, pages=documents.page_count(pdf),
            sha256=hashlib.sha256(pdf).hexdigest(), default_copies=1, warnings=(),
            petition_id=petition_id, assignment_id=assignment_id)

    def file_printed(self, document: PetitionRendered, *, action: str = "print",
                     copies: int = 1) -> ChangeSet:
        """Record that ``document`` was printed (or saved) and audit it on its request."""
        if action not in ACTIONS:
            raise ValidationError(Problem("", "操作", "应为 print 或 save"))
        if not 1 <= copies <= MAX_COPIES:
            raise ValidationError(Problem("", "份数", f"应在1至{MAX_COPIES}之间"))
        with self.store.write() as changes:
            p = Petition.get_live(document.petition_id)
            if p is None:
                raise NotFound(f"找不到信访事项 {document.petition_id}")
            row = PetitionDocument.create(
                petition=p.id, assignment=document.assignment_id or None, kind=document.kind,
                title=document.title, at=clock.now().replace(microsecond=0),
                account=self.actor.account_id or None, user_name=self.actor.name,
                action=action, copies=copies, pages=document.pages, sha256=document.sha256)
            how = f"{copies}份" if action == "print" else ACTIONS[action]
            audit.record(self.actor, "print", row,
                         detail=f"{p.number} {document.title} {how} "
                                f"sha256:{document.sha256[:12]}…")
            changes.touch("petition")
        return changes

    def printed(self, petition_id: str) -> list[tuple[datetime, str, str, int, str]]:
        """The request's printouts, newest first: (at, title, action, copies, user)."""
        return [(d.at, d.title, d.action, d.copies, d.user_name)
                for d in PetitionDocument.live().where(PetitionDocument.petition == petition_id)
                .order_by(PetitionDocument.at.desc())]
