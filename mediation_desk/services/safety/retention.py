"""Retention of personal data (PIPL Arts 19, 47): keep a closed file only as long as needed.

After a case is archived, its personal data is kept for a configurable number of years per
dispute type. An administrator reviews the files that are due and anonymises them: names,
ID numbers, phones, addresses and free text go; the figures statistics count (type, dates,
source, outcome, money, people involved, village) stay, so past monthly reports still add up.
Anonymising is audited and cannot be undone — a backup made before keeps the old state.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from mediation_desk import clock
from mediation_desk.errors import Problem, ValidationError
from mediation_desk.services.attachments.service import purge_case_files
from mediation_desk.services.cases import indexing
from mediation_desk.services.shared import audit
from mediation_desk.services.shared.actor import Actor
from mediation_desk.services.shared.permissions import require
from mediation_desk.services.shared.setting_rows import write_setting
from mediation_desk.store.changes import ChangeSet
from mediation_desk.store.database import Store
from mediation_desk.store.models import (
    Agreement,
    AgreementTerm,
    Appointment,
    Case,
    FieldChange,
    FollowUp,
    Party,
    Record,
)

DEFAULT_YEARS = 10
#: History values that are figures statistics count, not personal data: kept (as the
#: case's own figures are); every other before and after of the file's history is removed.
FIGURES = {"status", "dispute_type", "source", "risk_level", "amount_involved",
           "people_involved", "group_dispute", "village", "deadline_on", "extension_days",
           "performance", "performed_on", "done_on", "due_on", "amount_fen", "form",
           "reached_on", "done"}
PLACEHOLDER_NAMES = "甲乙丙丁戊己庚辛壬癸"
REMOVED = "（已匿名化）"


@dataclass(frozen=True)
class DueFile:
    case_id: str
    number: str
    dispute_type: str
    archived_on: date
    due_on: date


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def placeholder(position: int) -> str:
    """"当事人甲", "当事人乙", …: the stand-in name of the n-th party."""
    if position < len(PLACEHOLDER_NAMES):
        return "当事人" + PLACEHOLDER_NAMES[position]
    return f"当事人{position + 1}"


class RetentionService:
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor

    def _require_admin(self) -> None:
        require(self.actor, "retention.anonymise")

    # -- policy -----------------------------------------------------------------------------
    def policy(self) -> dict[str, int]:
        """Years to keep after archiving, per dispute type ("" is the default for all)."""
        stored = self.store.setting("retention_years", {}) or {}
        policy = {"": DEFAULT_YEARS}
        policy.update({str(k): int(v) for k, v in dict(stored).items()})
        return policy

    def years_for(self, dispute_type: str) -> int:
        policy = self.policy()
        return policy.get(dispute_type, policy[""])

    def set_years(self, dispute_type: str, years: int) -> None:
        """Set the period for one dispute type (``""`` for the default)."""
        self._require_admin()
        if not 1 <= years <= 100:
            raise ValidationError(Problem("", "保存年限", "应在1至100年之间"))
        policy = {k: v for k, v in self.policy().items()}
        policy[dispute_type] = years
        text = json.dumps(policy, ensure_ascii=False)
        with self.store.write() as changes:
            if write_setting(self.actor, "retention_years", text,
                             f"{dispute_type or '默认'}保存{years}年"):
                changes.touch("settings")

    # -- review -----------------------------------------------------------------------------
    def due(self, today: date | None = None) -> list[DueFile]:
        """Archived files whose retention period has passed and that still hold personal data.

        Only files archived at least the shortest period ago are read (an index range), so
        the review list stays quick on a register of many years.
        """
        require(self.actor, "retention.review")
        today = today or clock.today()
        policy = self.policy()
        shortest = min(policy.values())
        latest_archive = _add_years(today, -shortest)
        found = []
        for case in (Case.live().where(Case.archived_on.is_null(False),
                                       Case.archived_on <= latest_archive,
                                       Case.anonymised_on.is_null())
                     .order_by(Case.archived_on)):
            years = policy.get(case.dispute_type, policy[""])
            due_on = _add_years(case.archived_on, years)
            if due_on <= today:
                found.append(DueFile(case.id, case.number or "", case.dispute_type,
                                     case.archived_on, due_on))
        return found

    def anonymise(self, case_ids: list[str], today: date | None = None) -> ChangeSet:
        """Remove the personal data of these (due) files, all in one transaction."""
        self._require_admin()
        today = today or clock.today()
        due = {f.case_id for f in self.due(today)}
        not_due = [cid for cid in case_ids if cid not in due]
        if not_due:
            numbers = [c.number for c in Case.select(Case.number).where(Case.id.in_(not_due))]
            raise ValidationError(Problem("", "卷宗", "未到保存期限或尚未归档，不能匿名化："
                                          + "、".join(n or "?" for n in numbers)))
        with self.store.write() as changes:
            for case_id in case_ids:
                self._anonymise_case(Case.get_by_id(case_id), today)
                changes.touch("case", case_id)
        return changes

    def _anonymise_case(self, case: Case, today: date) -> None:
        names: dict[str, str] = {}
        parties = list(Party.live().where(Party.case == case).order_by(Party.position))
        for party in parties:
            names[party.name] = placeholder(party.position)
        for party in parties:
            party.name = names[party.name]
            party.name_initials = ""
            party.id_number = party.phone = party.address = party.occupation = ""
            party.legal_representative = party.agent = ""
            party.birth_date = None
            party.save()
            audit.record(self.actor, "anonymise", party)
        for record in Record.live().where(Record.case == case):
            record.body = REMOVED
            record.participants = "[]"
            record.save()
            audit.record(self.actor, "anonymise", record)
        agreement = Agreement.live().where(Agreement.case == case).first()
        if agreement is not None:
            agreement.facts = agreement.issues = agreement.responsibilities = REMOVED
            agreement.save()
            audit.record(self.actor, "anonymise", agreement)
            # Every term, also those a correction replaced (soft-deleted, still holding text).
            for term in AgreementTerm.select().where(AgreementTerm.agreement == agreement):
                term.text = REMOVED
                term.obligor = names.get(term.obligor, "")
                term.obligee = names.get(term.obligee, "")
                term.save()
                audit.record(self.actor, "anonymise", term)
        for row in FollowUp.live().where(FollowUp.case == case):
            row.visited = names.get(row.visited, "")
            row.renewed_conflict = row.measures = ""
            row.save()
            audit.record(self.actor, "anonymise", row)
        for appointment in Appointment.live().where(Appointment.case == case):
            appointment.note = ""
            appointment.save()
            audit.record(self.actor, "anonymise", appointment)
        for change in FieldChange.live().where(FieldChange.case_id == case.id):
            if change.field not in FIGURES and (change.before or change.after):
                change.before = REMOVED if change.before else ""
                change.after = REMOVED if change.after else ""
                change.record = ""
                change.save()
        purge_case_files(self.actor, case.id, REMOVED)
        case.title = _anonymous_title(parties, case.dispute_type)
        case.summary = REMOVED
        case.requests = "[]"
        case.refusal_reason = case.termination_reason = ""
        case.anonymised_on = today
        case.save()
        audit.record(self.actor, "anonymise", case, detail="保存期限已到，个人信息已删除")
        indexing.reindex_case(self.store, case.id)


def _anonymous_title(parties: list[Party], dispute_type: str) -> str:
    applicants = "、".join(p.name for p in parties if p.side == "applicant")
    respondents = "、".join(p.name for p in parties if p.side == "respondent")
    if applicants and respondents:
        return f"{applicants}与{respondents}{dispute_type}"
    return f"{applicants or respondents}{dispute_type}"
