"""Correcting a registered request (接访登记): the same fields and checks as registering it.

Part of :class:`~mediation_desk.services.petitions.service.PetitionService` (a mixin). The
request keeps its number (issued once, in the year it was received). A correction must not
leave the loop out of order: the time received may not move after a later step (研判, 督办,
答复) already taken. Each changed field keeps its before and after in the history
(:mod:`mediation_desk.services.shared.field_history`; ID numbers and phones masked there).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

from mediation_desk import clock
from mediation_desk.domain.petitions import CHANNELS
from mediation_desk.domain.phone import mask_phone
from mediation_desk.domain.resident_id import mask_id_number
from mediation_desk.errors import Problem, ValidationError
from mediation_desk.services.petitions import views
from mediation_desk.services.petitions.lists import CATEGORY, seed_lists
from mediation_desk.services.petitions.types import PetitionResult, RequestDraft
from mediation_desk.services.petitions.validation import REQUEST, check_request
from mediation_desk.services.settings.dictionaries import ensure_entry, ensure_village
from mediation_desk.services.shared import field_history
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.database import Store
from mediation_desk.store.models import Assignment, Compound, Petition, Village

#: The registration fields an edit may change, as the history names them.
EDIT_LABELS = {
    "channel": "来访方式", "received_at": "来访时间", "received_by": "接待人",
    "person_name": "来访人 姓名", "person_gender": "来访人 性别",
    "person_id_number": "来访人 身份证号码", "person_phone": "来访人 联系电话",
    "person_address": "来访人 住址", "village": "村（社区）", "compound": "小区",
    "category": "事项类别", "content": "诉求内容", "respondent": "被反映人或单位",
    "people_involved": "涉及人数", "representatives": "代表",
}
CLOSED = "事项已办结，不能再修改登记内容"


def _name(row: Village | Compound | None) -> str:
    return row.name if row is not None else ""


def _masked(mask: Callable[[str], str], value: str | None) -> str:
    """An ID number or phone as the history keeps it (masked, like a party's)."""
    return mask(value) if value else ""


class RequestEdit:
    store: Store
    actor: Actor

    def _ensure_compound(self, name: str, village: Village | None,
                         notices: list[str]) -> Compound:
        raise NotImplementedError  # PetitionService's

    def registration(self, petition_id: str) -> RequestDraft:
        """The request as the edit form shows it, with the full (unmasked) ID number and
        phone, as a party's edit form gets them."""
        p = views.get_petition(petition_id)
        return RequestDraft(
            received_at=p.received_at, channel=p.channel, received_by=p.received_by,
            person_name=p.person_name, person_gender=p.person_gender,
            person_id_number=p.person_id_number, person_phone=p.person_phone,
            person_address=p.person_address,
            village=_name(p.village), compound=_name(p.compound),
            category=p.category, content=p.content, respondent=p.respondent,
            people_involved=p.people_involved,
            representatives=list(json.loads(p.representatives or "[]")))

    def edit_request(self, petition_id: str, draft: RequestDraft,
                     today: date | None = None) -> PetitionResult:
        """Correct the registration fields of a request; checked as at registration, every
        problem named with its field, nothing written on refusal."""
        today = today or clock.today()
        p = views.get_petition(petition_id)
        record = f"信访事项{p.number}" if p.number else REQUEST
        if not draft.received_by.strip():
            draft.received_by = p.received_by
        problems = check_request(draft, today, record)
        if p.status == "closed":
            problems.insert(0, Problem(record, "", CLOSED))
        if draft.received_at is not None:
            later = self._later_steps(p)
            on = draft.received_at.date()
            problems += [Problem(record, "来访时间", f"晚于{label}（{day.isoformat()}）")
                         for label, day in later if on > day]
        if problems:
            raise ValidationError(list(dict.fromkeys(problems)))
        assert draft.received_at is not None
        with self.store.write() as changes:
            seed_lists(self.actor)
            notices: list[str] = []
            before = field_history.snapshot(p)
            old_village, old_compound = _name(p.village), _name(p.compound)
            village = ensure_village(draft.village, self.actor, notices) \
                if draft.village.strip() else None
            compound = self._ensure_compound(draft.compound, village, notices) \
                if draft.compound.strip() else None
            if draft.category.strip() != p.category:
                ensure_entry(CATEGORY, draft.category, self.actor, notices)
            p.received_at = draft.received_at.replace(second=0, microsecond=0)
            p.channel = draft.channel
            p.received_by = draft.received_by.strip()
            p.person_name = draft.person_name
            p.person_gender = draft.person_gender
            p.person_id_number = draft.person_id_number
            p.person_phone = draft.person_phone
            p.person_address = draft.person_address.strip()
            p.village = village
            p.compound = compound
            p.category = draft.category.strip()
            p.content = draft.content.strip()
            p.respondent = draft.respondent.strip()
            p.people_involved = draft.people_involved
            p.representatives = json.dumps(draft.representatives, ensure_ascii=False)
            shown = {"village": (old_village, village.name if village else ""),
                     "compound": (old_compound, compound.name if compound else ""),
                     "person_id_number": (_masked(mask_id_number, before["person_id_number"]),
                                          _masked(mask_id_number, p.person_id_number)),
                     "person_phone": (_masked(mask_phone, before["person_phone"]),
                                      _masked(mask_phone, p.person_phone)),
                     "channel": (CHANNELS.get(before["channel"], before["channel"]),
                                 CHANNELS.get(p.channel, p.channel)),
                     "representatives": ("；".join(json.loads(before["representatives"] or "[]")),
                                         "；".join(draft.representatives))}
            found = field_history.diff(before, p, EDIT_LABELS, shown)
            if not found:
                return PetitionResult(p.id, changes, notices, p.number or "")
            p.save()
            field_history.record_edit(self.actor, p, found, case_id=p.case_id,
                                      record=f"{record} 来访登记")
            changes.touch("petition", p.id)
            if notices:
                changes.touch("dictionary")
        return PetitionResult(p.id, changes, notices, p.number or "")

    @staticmethod
    def _later_steps(p: Petition) -> list[tuple[str, date]]:
        """The dates of the steps already taken after the request was received."""
        out: list[tuple[str, date]] = []
        if p.assessed_on is not None:
            out.append(("研判日期", p.assessed_on))
        assigned = [a.assigned_on for a in Assignment.live().where(Assignment.petition == p.id)]
        if assigned:
            out.append(("交办日期", min(assigned)))
        if p.answered_on is not None:
            out.append(("答复日期", p.answered_on))
        return out
