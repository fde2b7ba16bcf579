"""Writing an arriving case's history: what intake does not write for a case registered now.

Called by intake inside its transaction, after the case and its parties, records and agreement
exist: the case's closing fields, its follow-ups, escalations, planned sessions and the steps
of its legal life as the file gives them, the arrival record (from where, what was assumed,
what to review) and the audit event of the import. A case@1 export re-imported into an empty
register comes back with every one of these (docs/case-format.md).
"""

from __future__ import annotations

import json
from typing import Any

from mediation_desk import clock
from mediation_desk.domain.lifecycle import STATUS_LABELS, CaseStatus
from mediation_desk.services.cases.drafts import CaseDraft, RecordDraft
from mediation_desk.services.shared import audit
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.models import (
    Account,
    Appointment,
    Case,
    CaseArrival,
    CaseEvent,
    Escalation,
    FollowUp,
    Record,
)


def case_fields(draft: CaseDraft) -> dict[str, Any]:
    """The case's columns the arrival decides (status, closing, flags), for ``Case.create``."""
    a = draft.arrival
    assert a is not None and a.settled is not None
    s = a.settled
    fields: dict[str, Any] = {
        "status": s.status, "outcome": s.outcome, "closed_on": s.closed_on,
        "archived_on": s.archived_on, "anonymised_on": a.anonymised_on,
        "deadline_on": s.deadline_on, "extension_days": max(a.extension_days, 0),
        "refusal_reason": a.refusal_reason, "termination_reason": a.termination_reason,
        "prevented_criminal": a.prevented_criminal,
        "prevented_criminal_people": a.prevented_criminal_people,
        "prevented_suicide": a.prevented_suicide,
        "prevented_group_fight": a.prevented_group_fight,
        "prevented_group_petition": a.prevented_group_petition,
    }
    if a.group_dispute is not None:
        fields["group_dispute"] = a.group_dispute
    return fields


class Accounts:
    """Account names of the file matched to this register's accounts (one lookup each)."""

    def __init__(self) -> None:
        self._ids: dict[str, str | None] = {}

    def id_of(self, username: str) -> str | None:
        if not username:
            return None
        if username not in self._ids:
            row = Account.get_or_none(Account.username == username)
            self._ids[username] = row.id if row is not None else None
        return self._ids[username]


def record_account(r: RecordDraft, actor: Actor, accounts: Accounts,
                   exported: bool) -> str | None:
    """Whose record it is here: the file's author account when this register has it (so a
    private note stays readable by its author, and only by them and the director); a private
    record of an exported case whose author is unknown here belongs to nobody (the director
    still reads it); anything else to the importing account, as a record typed now."""
    if r.author_user:
        return accounts.id_of(r.author_user)
    if exported and r.private:
        return None
    return actor.account_id or None


def write_history(actor: Actor, case: Case, draft: CaseDraft, records: list[Record],
                  accounts: Accounts) -> None:
    """Follow-ups, escalations, sessions, the steps, the arrival record and its audit event."""
    a = draft.arrival
    assert a is not None and a.settled is not None
    for f in a.followups:
        linked = records[f.record - 1] if f.record and f.record <= len(records) else None
        row = FollowUp.create(case=case, due_on=f.due_on, done_on=f.done_on, record=linked,
                              visited=f.visited, performance=f.performance,
                              satisfaction=f.satisfaction, sued=f.sued,
                              renewed_conflict=f.renewed_conflict, measures=f.measures,
                              visitor=f.visitor)
        audit.record(actor, "create", row)
    for e in a.escalations:
        esc = Escalation.create(case=case, target=e.target.strip(), at=e.at, method=e.method,
                                summary=e.summary, received_by=e.received_by,
                                received_at=e.received_at, result=e.result)
        audit.record(actor, "create", esc, detail=f"上报{esc.target}")
    for ap in a.appointments:
        planned = Appointment.create(case=case, at=ap.at, kind=ap.kind, place=ap.place,
                                     note=ap.note, done=ap.done)
        audit.record(actor, "create", planned)
    now = clock.now().replace(microsecond=0)
    summary = arrival_summary(draft)
    for ev in a.events:
        CaseEvent.create(case=case, at=ev.at, step=ev.step, from_status=ev.from_status,
                         to_status=ev.to_status, reason=ev.reason,
                         account=accounts.id_of(ev.by))
    step = "import" if a.events else "register"
    CaseEvent.create(case=case, at=now, step=step, from_status=a.settled.status if a.events
                     else "", to_status=a.settled.status, reason=summary,
                     account=actor.account_id or None)
    arrival = CaseArrival.create(
        case=case, source=a.source, at=now, account=actor.account_id or None,
        inferred=json.dumps(a.settled.inferred, ensure_ascii=False),
        review="\n".join(a.settled.review))
    audit.record(actor, "import", case, detail=summary)
    audit.record(actor, "create", arrival)


def arrival_summary(draft: CaseDraft) -> str:
    """One line for the case's history: where it came from and the state it arrived in."""
    a = draft.arrival
    assert a is not None and a.settled is not None
    s = a.settled
    parts = [f"导入自{a.source}" if a.source else "导入",
             f"状态：{STATUS_LABELS[CaseStatus(s.status)]}"]
    if s.outcome:
        parts.append("结果：" + {"success": "调解成功", "failure": "调解不成功",
                                  "terminated": "终止调解", "refused": "拒绝调解"}[s.outcome])
    if s.closed_on:
        parts.append(f"结案日期：{s.closed_on}")
    if s.archived_on:
        parts.append(f"归档日期：{s.archived_on}")
    if a.from_finding:
        parts.append(f"原登记自排查发现：{a.from_finding}")
    if a.omitted_private:
        parts.append(f"导出时略去了{a.omitted_private}条不公开记录")
    parts += s.inferred
    if s.review:
        parts.append("待核对：" + "；".join(s.review))
    return "；".join(parts)
