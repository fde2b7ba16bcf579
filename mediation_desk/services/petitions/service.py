"""接访: receiving visitor requests, the list and the detail of one, earlier visits of the same
person, and a compound's history. The rest of the loop — 研判, 督办, 联席处置, 反馈 — is the
mixin :class:`~mediation_desk.services.petitions.loop.LoopActions`; a request becoming a
mediation case is :class:`~mediation_desk.services.petitions.to_case.CaseLink`.

Each write validates first, then writes its rows and audit events in one ``store.write()``
(all or nothing) and returns a :class:`PetitionResult` with the change set.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from mediation_desk import clock
from mediation_desk.errors import NotFound, Problem, ValidationError
from mediation_desk.services.petitions import views
from mediation_desk.services.petitions.lists import CATEGORY, seed_lists
from mediation_desk.services.petitions.loop import LoopActions
from mediation_desk.services.petitions.numbers import find_petition, issue_number
from mediation_desk.services.petitions.request_edit import RequestEdit
from mediation_desk.services.petitions.to_case import CaseLink
from mediation_desk.services.petitions.types import (
    CompoundLine,
    PetitionDetail,
    PetitionFilter,
    PetitionResult,
    PetitionRow,
    RequestDraft,
)
from mediation_desk.services.petitions.validation import check_request
from mediation_desk.services.settings.dictionaries import ensure_entry, ensure_village
from mediation_desk.services.shared import audit
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.database import Store
from mediation_desk.store.models import (
    Assignment,
    Case,
    Compound,
    Petition,
    Village,
    VisitAppointment,
)

__all__ = ["PetitionService"]


class PetitionService(LoopActions, CaseLink, RequestEdit):
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor

    # -- receiving (接访登记) --------------------------------------------------------------------
    def receive(self, draft: RequestDraft, today: date | None = None) -> PetitionResult:
        """Register a request: its number, the person, what they ask. Warnings name earlier
        requests and cases of the same person, and villages, compounds or categories new to
        the lists (added, so a typo shows up)."""
        return self._receive(draft, [], today or clock.today())

    def _receive(self, draft: RequestDraft, prior: list[Problem], today: date
                 ) -> PetitionResult:
        if not draft.received_by.strip():
            draft.received_by = self.actor.name
        problems = prior + check_request(draft, today)
        appointment = None
        if draft.appointment_id:
            appointment = VisitAppointment.get_live(draft.appointment_id)
            if appointment is None or appointment.status == "cancelled":
                problems.append(Problem("来访登记", "预约", "找不到这次预约（或已取消）"))
            elif appointment.petition_id:
                problems.append(Problem("来访登记", "预约", "这次预约已登记过来访"))
        if problems:
            raise ValidationError(list(dict.fromkeys(problems)))
        assert draft.received_at is not None
        warnings = [f"来访人{draft.person_name}此前的记录：{line}" for line in
                    views.earlier_of(draft.person_id_number, draft.person_name,
                                     draft.person_phone)]
        with self.store.write() as changes:
            seed_lists(self.actor)
            notices: list[str] = []
            village = ensure_village(draft.village, self.actor, notices) \
                if draft.village.strip() else None
            compound = self._ensure_compound(draft.compound, village, notices) \
                if draft.compound.strip() else None
            ensure_entry(CATEGORY, draft.category, self.actor, notices)
            number, seq = issue_number(self.store, draft.received_at.year)
            row = Petition.create(
                number=number, number_year=draft.received_at.year, number_seq=seq,
                received_at=draft.received_at.replace(second=0, microsecond=0),
                channel=draft.channel, received_by=draft.received_by.strip(),
                person_name=draft.person_name, person_gender=draft.person_gender,
                person_id_number=draft.person_id_number, person_phone=draft.person_phone,
                person_address=draft.person_address.strip(), village=village,
                compound=compound, category=draft.category.strip(),
                content=draft.content.strip(), respondent=draft.respondent.strip(),
                people_involved=draft.people_involved,
                representatives=json.dumps(draft.representatives, ensure_ascii=False),
                status="registered", created_by=self.actor.account_id or None)
            audit.record(self.actor, "create", row, detail=f"{number} {draft.category}")
            if appointment is not None:
                appointment.petition_id, appointment.status = row.id, "done"
                appointment.save()
                audit.record(self.actor, "update", appointment, detail=f"已登记来访 {number}")
                changes.touch("rota")
            changes.touch("petition")
            if notices:
                changes.touch("dictionary")
        return PetitionResult(row.id, changes, notices + warnings, number)

    def _ensure_compound(self, name: str, village: Village | None,
                         notices: list[str]) -> Compound:
        name = name.strip()
        row = Compound.get_or_none(Compound.name == name)
        if row is not None:
            return row
        row = Compound.create(name=name, village=village)
        audit.record(self.actor, "create", row, detail=f"小区：{name}")
        notices.append(f"小区“{name}”原来不在小区名录中，已新增，请补充物业企业、业委会和网格员")
        return row

    def import_doc(self, doc: Any) -> PetitionResult:
        """A ``mediation-desk/petition@1`` document (contract.md); every problem named."""
        from mediation_desk.services.petitions.exchange import request_from_doc

        draft, problems = request_from_doc(doc)
        return self._receive(draft, problems, clock.today())

    # -- reading --------------------------------------------------------------------------------
    def find(self, text: str) -> str:
        """The id of the request named by an id, a number or a short number."""
        return str(find_petition(self.store, text).id)

    def detail(self, petition_id: str, today: date | None = None) -> PetitionDetail:
        return views.detail(views.get_petition(petition_id), today or clock.today())

    def requests(self, flt: PetitionFilter | None = None, today: date | None = None
             ) -> list[PetitionRow]:
        """Requests matching ``flt``, newest first."""
        flt = flt or PetitionFilter()
        today = today or clock.today()
        from mediation_desk.domain.petitions import STATUSES

        if flt.status and flt.status not in STATUSES:
            raise ValidationError(Problem("", "状态", "应为 " + " / ".join(STATUSES) + " 之一"))
        query = Petition.live()
        if flt.status:
            query = query.where(Petition.status == flt.status)
        if flt.category:
            query = query.where(Petition.category == flt.category)
        if flt.village:
            query = query.where(Petition.village.in_(
                Village.select(Village.id).where(Village.name == flt.village)))
        if flt.compound:
            query = query.where(Petition.compound.in_(
                Compound.select(Compound.id).where(Compound.name == flt.compound)))
        if flt.department:
            query = query.where(Petition.id.in_(
                Assignment.select(Assignment.petition).where(
                    Assignment.department == flt.department, Assignment.deleted_at.is_null())))
        if flt.text.strip():
            like = f"%{flt.text.strip()}%"
            query = query.where(Petition.person_name.contains(flt.text.strip())
                                | Petition.content ** like | Petition.number ** like)
        found = views.rows(list(query.order_by(Petition.received_at.desc())), today)
        return [r for r in found if r.overdue] if flt.overdue else found

    def earlier(self, id_number: str, name: str = "", phone: str = "",
                exclude: str = "") -> list[str]:
        """Earlier requests and cases of a person being typed in (the form shows them);
        ``exclude``: the request being corrected, not its own earlier visit."""
        return views.earlier_of(id_number.strip().upper(), name.strip(), phone.strip(),
                                exclude or None)

    def reveal_person(self, petition_id: str) -> tuple[str, str]:
        """The full ID number and phone of the person; the act is audited."""
        row = views.get_petition(petition_id)
        with self.store.write() as changes:
            audit.record(self.actor, "reveal", row, detail="显示来访人完整身份证号码和电话")
            changes.touch("audit")
        return row.person_id_number, row.person_phone

    def compound_history(self, compound_id: str) -> list[CompoundLine]:
        """Requests and cases naming the compound, newest first (the alliance's view)."""
        if Compound.get_live(compound_id) is None:
            raise NotFound(f"找不到小区 {compound_id}")
        from mediation_desk.domain.lifecycle import STATUS_LABELS, CaseStatus
        from mediation_desk.domain.petitions import STATUSES

        lines = [CompoundLine("petition", p.id, p.number or "", p.received_at.date(),
                              f"{p.person_name}：{p.content[:40]}",
                              STATUSES.get(p.status, p.status))
                 for p in Petition.live().where(Petition.compound == compound_id)]
        lines += [CompoundLine("case", c.id, c.number or "", c.received_on, c.title,
                               STATUS_LABELS[CaseStatus(c.status)])
                  for c in Case.live().where(Case.compound == compound_id)]
        return sorted(lines, key=lambda line: (line.on, line.number), reverse=True)

    @staticmethod
    def now() -> datetime:
        return clock.now().replace(second=0, microsecond=0)
