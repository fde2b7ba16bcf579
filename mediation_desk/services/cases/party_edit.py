"""Correcting a party after registration: what changed, and what must follow a new name.

Why a module of its own: :meth:`CaseworkService.update_party` is one use case, but the rules
around it are several — the audit trail names *which* fields changed and never their values
(it must not become a second copy of personal data; the values go to the history's field
changes, ID numbers and phones masked, cleared by retention), a side change must not leave a case
without an applicant or respondent, and a corrected name must be carried into the places that
name a party as a key (the agreement's obligor and obligee, the follow-up's person visited, a
case title derived from the names) or the agreement would bind someone who is not a party.
Free text that still holds the old name (a term's wording, the facts) is not rewritten: the
mediator is told where to look instead, since only a person can reword a signed text.
"""

from __future__ import annotations

from dataclasses import fields

from mediation_desk.errors import Problem
from mediation_desk.services.cases.drafts import CaseDraft, PartyDraft, derive_title
from mediation_desk.services.shared import field_history
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.models import Agreement, AgreementTerm, Case, FollowUp, Party

#: Chinese names of a party's fields, as the audit detail and the forms call them.
FIELD_LABELS = {
    "side": "身份",
    "kind": "类型",
    "name": "姓名",
    "gender": "性别",
    "ethnicity": "民族",
    "birth_date": "出生日期",
    "id_type": "证件类型",
    "id_number": "身份证号码",
    "phone": "联系电话",
    "address": "住址",
    "occupation": "职业",
    "legal_representative": "法定代表人",
    "agent": "委托代理人",
}
DRAFT_FIELDS = tuple(f.name for f in fields(PartyDraft))
ANONYMISED = "已匿名化的卷宗不能修改当事人"


def draft_of(party: Party) -> PartyDraft:
    """The party as the dialog edits it, with full (unmasked) values."""
    return PartyDraft(**{name: getattr(party, name) for name in DRAFT_FIELDS})


def changed_fields(party: Party, draft: PartyDraft) -> list[str]:
    """The fields ``draft`` (already validated and normalised) changes, in form order."""
    return [name for name in DRAFT_FIELDS if getattr(party, name) != getattr(draft, name)]


def describe(changed: list[str]) -> str:
    """"住址、联系电话": the audit detail — field names only, never the values."""
    return "、".join(FIELD_LABELS.get(name, name) for name in changed)


def side_problems(case: Case, party: Party, new_side: str) -> list[Problem]:
    """A side change must leave the case with an applicant, and (normal procedure) with a
    respondent — what registering it required (validation.validate_case)."""
    if new_side == party.side:
        return []
    others = [p.side for p in Party.live().where(Party.case == case, Party.id != party.id)]
    sides = [*others, new_side]
    needed = {"applicant": "申请人"}
    if case.procedure != "simple":
        needed["respondent"] = "被申请人"
    return [Problem("", "当事人 身份", f"改后本案将没有{label}，至少需要一名{label}")
            for side, label in needed.items() if side not in sides]


def _title(case: Case, names: dict[str, tuple[str, str]]) -> str:
    """The title intake would derive from these (side, name) pairs, by party id."""
    parties = Party.live().where(Party.case == case).order_by(Party.position)
    draft = CaseDraft(dispute_type=case.dispute_type, parties=[
        PartyDraft(side=names.get(p.id, (p.side, p.name))[0],
                   name=names.get(p.id, (p.side, p.name))[1]) for p in parties])
    return derive_title(draft)


def follow_title(actor: Actor, case: Case, party: Party, draft: PartyDraft) -> None:
    """Keep a title derived from the parties' names derived (a title the mediator typed is
    theirs to change); called before ``party`` is saved, so it still holds the old values."""
    before = _title(case, {})
    after = _title(case, {party.id: (draft.side, draft.name)})
    if case.title == before and after != before:
        case.title = after
        case.save()
        field_history.record_edit(actor, case, [field_history.Change("title", "案件名称", before,
                                                                     after)],
                                  case_id=case.id, detail="案件名称（随当事人姓名或身份更正）")


def follow_rename(actor: Actor, case: Case, old: str, new: str) -> list[str]:
    """Carry a corrected name into the agreement's terms and the follow-ups that name the
    party; return warnings for free text that still holds the old name."""
    if old == new or Party.live().where(Party.case == case, Party.name == old).count() > 1:
        return []  # two parties share the old name: which one a term meant is unknowable
    warnings: list[str] = []
    agreement = Agreement.live().where(Agreement.case == case).first()
    if agreement is not None:
        terms = list(AgreementTerm.live().where(AgreementTerm.agreement == agreement)
                     .order_by(AgreementTerm.position))
        for term in terms:
            moved = [label for attr, label in (("obligor", "义务人"), ("obligee", "权利人"))
                     if getattr(term, attr) == old]
            if moved:
                before = field_history.snapshot(term)
                term.obligor = new if term.obligor == old else term.obligor
                term.obligee = new if term.obligee == old else term.obligee
                term.save()
                field_history.record_edit(
                    actor, term, field_history.diff(before, term, {"obligor": "义务人",
                                                                   "obligee": "权利人"}),
                    case_id=case.id, record=f"协议第{term.position + 1}条",
                    detail="、".join(moved) + "（随当事人姓名更正）")
        texts = [agreement.facts, agreement.issues, agreement.responsibilities,
                 *(t.text for t in terms)]
        if any(old in text for text in texts):
            warnings.append(f"协议的文字中仍写有原姓名“{old}”，如需更正请核对协议内容")
    for row in FollowUp.live().where(FollowUp.case == case, FollowUp.visited == old):
        row.visited = new
        row.save()
        field_history.record_edit(actor, row, [field_history.Change("visited", "回访对象", old,
                                                                    new)],
                                  case_id=case.id, record=f"{row.due_on.isoformat()}回访",
                                  detail="回访对象（随当事人姓名更正）")
    return warnings
