"""A request mediated here (研判: 调解处理) becomes a mediation case in one action, linked both
ways: the request names its case (``Petition.case``) and the case finds its request
(``case.petitions``; its overview names it). Source 来访.

Part of :class:`~mediation_desk.services.petitions.service.PetitionService`. The case is
registered through :meth:`IntakeService.register_within` inside the same transaction as the
link, so either both exist or neither does. The draft is prefilled from the request: the
person applies, the other side they named (or, for a property dispute, the compound's
property company) responds; the window lets the mediator complete it first.
"""

from __future__ import annotations

from datetime import date

from mediation_desk import clock
from mediation_desk.domain import petitions as rules
from mediation_desk.errors import Problem, ValidationError
from mediation_desk.services.cases.drafts import CaseDraft, PartyDraft
from mediation_desk.services.petitions import views
from mediation_desk.services.petitions.types import PetitionResult
from mediation_desk.services.shared import audit, field_history
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.database import Store
from mediation_desk.store.models import Case, Compound, Petition, Village

CASE_SOURCE = "来访"


def _other_side(p: Petition) -> PartyDraft | None:
    name = p.respondent.strip()
    if not name and p.compound_id and p.category == "物业管理":
        compound = Compound.get_by_id(p.compound_id)
        name = compound.property_company.strip()
    if not name:
        return None
    kind = "organization" if rules.looks_like_organisation(name) else "person"
    return PartyDraft(side="respondent", kind=kind, name=name,
                      id_type="other" if kind == "organization" else "resident_id")


class CaseLink:
    store: Store
    actor: Actor

    def case_draft_for(self, petition_id: str, today: date | None = None) -> CaseDraft:
        """The intake draft the request prefills (source 来访)."""
        p = views.get_petition(petition_id)
        today = today or clock.today()
        received = p.received_at.date()
        village = Village.get_by_id(p.village_id).name if p.village_id else ""
        person = PartyDraft(side="applicant", name=p.person_name, gender=p.person_gender,
                            id_number=p.person_id_number, phone=p.person_phone,
                            address=p.person_address)
        other = _other_side(p)
        summary = (f"{p.content}（{received.year}年{received.month}月{received.day}日来访，"
                   f"登记编号{p.number}）")
        return CaseDraft(
            received_on=max(today, received), source=CASE_SOURCE,
            dispute_type=rules.dispute_type_for(p.category), village=village, summary=summary,
            risk_level=p.risk_level or "blue", people_involved=p.people_involved,
            parties=[person, *([other] if other else [])])

    def to_case(self, petition_id: str, draft: CaseDraft | None = None,
                today: date | None = None) -> PetitionResult:
        """Register the request as a case (``draft``, else :meth:`case_draft_for`) and link
        them both ways, in one transaction. ``id`` is the case's id, ``number`` its number.
        Refused if the request is not to be mediated here, or already is a case."""
        from mediation_desk.services.cases.intake import IntakeService

        p = views.get_petition(petition_id)
        today = today or clock.today()
        record = f"信访事项{p.number}"
        if p.case_id:
            number = (Case.get_by_id(p.case_id).number or "")
            raise ValidationError(Problem(record, "", f"已转为调解案件 {number}"))
        reason = rules.step_problem(rules.TO_CASE, p.status, p.route, has_case=False)
        if reason:
            raise ValidationError(Problem(record, "处理方式",
                                          reason if p.status == "registered" else
                                          "研判的处理方式不是“调解处理”，不能转为调解案件"))
        draft = draft or self.case_draft_for(petition_id, today)
        intake = IntakeService(self.store, self.actor)
        with self.store.write() as changes:
            registered = intake.register_within(draft, changes, today)
            case = Case.get_by_id(registered.case_id)
            if p.compound_id:
                case.compound_id = p.compound_id
                case.save()
                audit.record(self.actor, "update", case, detail="小区：来自信访事项")
            before = field_history.snapshot(p)
            p.case_id = case.id
            p.status = "mediating"
            p.save()
            field_history.record_edit(self.actor, p, field_history.diff(
                before, p, {"status": "状态"}), case_id=case.id, record=record,
                detail=f"转为调解案件 {registered.number}")
            changes.touch("petition")
            changes.touch("case", case.id)
        return PetitionResult(case.id, changes, registered.notices + registered.warnings,
                              registered.number)
