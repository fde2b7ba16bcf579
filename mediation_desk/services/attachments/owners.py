"""What an attachment may be filed to, and how each owner is named on screen.

A file belongs to a case, or to a part of it that a mediator points at: a record (the
photos taken during an investigation), the agreement (its signed scan), a follow-up (the
receipt a party showed), or a patrol finding (a photo taken in the village, possibly before
any case exists). The case is stored with every attachment whose owner has one, so the
case's 附件 list is one query; a finding's files join its case when it becomes one.
"""

from __future__ import annotations

from dataclasses import dataclass

from mediation_desk.domain.dictionaries import RECORD_KINDS
from mediation_desk.errors import NotFound, Problem, ValidationError
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.models import Agreement, Case, Finding, FollowUp, Record
from mediation_desk.store.models.attachments import OWNER_KINDS

OWNER_WORDS = {"case": "案件", "record": "记录", "agreement": "协议", "followup": "回访",
               "finding": "排查发现"}


@dataclass(frozen=True)
class Owner:
    kind: str  # one of OWNER_KINDS
    id: str
    case_id: str | None
    label: str  # "调查记录 2026-11-03 09:30", "调解协议", "回访 2026-12-01"


def _record_label(row: Record) -> str:
    return f"{RECORD_KINDS.get(row.kind, row.kind)} {row.at:%Y-%m-%d %H:%M}"


def _finding_label(row: Finding) -> str:
    summary = row.summary if len(row.summary) <= 16 else row.summary[:16] + "…"
    return f"排查发现 {row.visit.on.isoformat()} {summary}"


def resolve(kind: str, owner_id: str, actor: Actor) -> Owner:
    """The live owner ``kind``/``owner_id``; refused when it does not exist or, for a private
    note, when this user may not see it."""
    if kind not in OWNER_KINDS:
        raise ValidationError(Problem("附件", "归属", "应为 " + " / ".join(OWNER_KINDS) + " 之一"))
    if kind == "case":
        case = Case.get_live(owner_id)
        if case is None:
            raise NotFound(f"找不到案件 {owner_id}")
        return Owner(kind, case.id, case.id, "案件")
    if kind == "record":
        record = Record.get_live(owner_id)
        if record is None:
            raise NotFound(f"找不到记录 {owner_id}")
        if record.private and not (actor.sees_private_notes
                                   or record.author_account_id == actor.account_id):
            raise NotFound(f"找不到记录 {owner_id}")
        return Owner(kind, record.id, record.case_id, _record_label(record))
    if kind == "agreement":
        agreement = Agreement.get_live(owner_id)
        if agreement is None:
            raise NotFound(f"找不到协议 {owner_id}")
        return Owner(kind, agreement.id, agreement.case_id, "调解协议")
    if kind == "followup":
        followup = FollowUp.get_live(owner_id)
        if followup is None:
            raise NotFound(f"找不到回访 {owner_id}")
        return Owner(kind, followup.id, followup.case_id, f"回访 {followup.due_on.isoformat()}")
    finding = Finding.get_live(owner_id)
    if finding is None:
        raise NotFound(f"找不到排查发现 {owner_id}")
    return Owner(kind, finding.id, finding.case_id, _finding_label(finding))


def choices(case_id: str, actor: Actor) -> list[Owner]:
    """Everything of a case a file may be filed to, in the order of its dossier."""
    out = [Owner("case", case_id, case_id, "案件")]
    for record in Record.live().where(Record.case == case_id).order_by(Record.at):
        if record.private and not (actor.sees_private_notes
                                   or record.author_account_id == actor.account_id):
            continue
        out.append(Owner("record", record.id, case_id, _record_label(record)))
    agreement = Agreement.live().where(Agreement.case == case_id).first()
    if agreement is not None:
        out.append(Owner("agreement", agreement.id, case_id, "调解协议"))
    for followup in FollowUp.live().where(FollowUp.case == case_id).order_by(FollowUp.due_on):
        out.append(Owner("followup", followup.id, case_id, f"回访 {followup.due_on.isoformat()}"))
    for finding in Finding.live().where(Finding.case == case_id):
        out.append(Owner("finding", finding.id, case_id, _finding_label(finding)))
    return out


def labels(case_id: str, actor: Actor) -> dict[tuple[str, str], str]:
    """(kind, id) → label for every owner of the case (to name each file's owner)."""
    return {(o.kind, o.id): o.label for o in choices(case_id, actor)}


def hidden_records(case_id: str, actor: Actor) -> set[str]:
    """Private notes of the case this user may not see (nor the files filed to them)."""
    if actor.sees_private_notes:
        return set()
    return {r.id for r in Record.select(Record.id, Record.author_account).where(
        Record.case == case_id, Record.private == True)  # noqa: E712
        if r.author_account_id != actor.account_id}
