"""Registering cases (受理登记): one typed at the desk, or many brought in by an import.

Each registration is one transaction: the case, its parties, mediators, records and
agreement, the case number, the search index and the audit events — all or nothing. An
import of many cases is *one* transaction too, so a bad row leaves the register untouched.

A case brought in by import carries an :class:`ArrivalDraft`: it arrives in the state it
ended in, with its history, by the distinct audited path of
:mod:`mediation_desk.services.exchange.arrival` — never by skipping the lifecycle's steps
for a case registered now.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial
from typing import Any, TypeVar

from mediation_desk import clock
from mediation_desk.domain.case_number import DEFAULT_PATTERN, parse_case_number
from mediation_desk.domain.deadlines import DEFAULT_MEDIATION_DAYS, mediation_deadline
from mediation_desk.domain.lifecycle import CaseStatus
from mediation_desk.domain.limits import MAX_CASE_SEQ, year_problem
from mediation_desk.domain.terms import conflict_of_interest, initial_performance
from mediation_desk.errors import Problem, ValidationError
from mediation_desk.services.cases import indexing, numbering
from mediation_desk.services.cases.drafts import CaseDraft, PartyDraft, derive_title
from mediation_desk.services.cases.validation import validate_case
from mediation_desk.services.exchange import arrival, arrival_rows
from mediation_desk.services.settings.dictionaries import ensure_entry, ensure_village
from mediation_desk.services.settings.mediators import ensure_mediator
from mediation_desk.services.shared import audit
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.changes import ChangeSet
from mediation_desk.store.database import Store
from mediation_desk.store.models import (
    Agreement,
    AgreementTerm,
    Case,
    CaseEvent,
    CaseMediator,
    NumberSequence,
    Party,
    Record,
)
from mediation_desk.store.search import pinyin_initials

_T = TypeVar("_T")


@dataclass
class Registered:
    """What a registration produced, and what the user should be told about it."""

    case_id: str
    number: str
    notices: list[str] = field(default_factory=list)  # villages or dictionary values added
    warnings: list[str] = field(default_factory=list)  # earlier cases of a party, conflicts
    status: str = "registered"
    outcome: str = ""
    source: str = ""  # an imported case: "台账.xlsx 第5行"
    inferred: list[str] = field(default_factory=list)  # what an import assumed (arrival)
    review: list[str] = field(default_factory=list)  # why an imported case must be checked


@dataclass
class IntakeResult:
    cases: list[Registered]
    changes: ChangeSet


class IntakeService:
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor
        # Settings and dictionary rows looked up during one registration batch: they cannot
        # change inside its transaction, and an import of hundreds of cases asked for the
        # same few rows thousands of times. Emptied at the start of every batch.
        self._memo: dict[tuple[str, str], Any] = {}
        self._accounts = arrival_rows.Accounts()

    def _remember(self, kind: str, key: str, find: Callable[[], _T]) -> _T:
        if (kind, key) not in self._memo:
            self._memo[kind, key] = find()
        value: _T = self._memo[kind, key]
        return value

    def _setting(self, key: str, default: object) -> Any:
        return self._remember("setting", key, lambda: self.store.setting(key, default))

    # -- numbers ----------------------------------------------------------------------------
    def _pattern(self) -> tuple[str, str]:
        return (
            str(self._setting("number_pattern", DEFAULT_PATTERN)),
            str(self._setting("number_prefix", "")),
        )

    def _issue_number(self, year: int) -> numbering.Issued:
        """The next number of ``year`` for this device (a laptop's come from its leases)."""
        pattern, prefix = self._pattern()
        return numbering.issue(self.store, year, pattern, prefix)

    def _claim_historical(self, number: str) -> tuple[int | None, int | None]:
        """An imported number stays as it was; if it fits our pattern its year's sequence
        moves past it, so a later registration can never be given the same number."""
        pattern, prefix = self._pattern()
        parsed = parse_case_number(pattern, prefix, number)
        if parsed is None:
            return None, None
        year, seq = parsed
        row = NumberSequence.get_or_none(NumberSequence.year == year)
        if row is None:
            NumberSequence.create(year=year, last_issued=seq)
        elif row.last_issued < seq:
            row.last_issued = seq
            row.save()
        return year, seq

    def _number_in_range(self, number: str, label: str) -> list[Problem]:
        """A historical number of ours must lie within the documented range, or every later
        number of its year would overflow (第9223372036854775807号 did)."""
        pattern, prefix = self._pattern()
        parsed = parse_case_number(pattern, prefix, number)
        if parsed is None:
            return []
        year, seq = parsed
        reason = year_problem(year) or (
            f"序号应在1至{MAX_CASE_SEQ}之间" if seq > MAX_CASE_SEQ else None)
        return [Problem(label, "案件编号", f"“{number[:40]}”{reason}")] if reason else []

    # -- checks -----------------------------------------------------------------------------
    def check(self, drafts: Sequence[CaseDraft], today: date,
              labels: Sequence[str] | None = None) -> list[Problem]:
        """Every problem across ``drafts``, including numbers already used."""
        problems: list[Problem] = []
        seen_numbers: dict[str, str] = {}
        days = int(self._setting("mediation_days", DEFAULT_MEDIATION_DAYS))
        for i, draft in enumerate(drafts):
            label = labels[i] if labels else (f"第{i + 1}条案件" if len(drafts) > 1 else "")
            if draft.arrival is not None:  # an imported case: where it ended up, first
                arrival.settle(draft, today, days)
            problems += validate_case(draft, today, label)
            if draft.arrival is not None:
                problems += arrival.check(draft, today, label)
            if draft.number:
                problems += self._number_in_range(draft.number, label)
                if draft.number in seen_numbers:
                    problems.append(Problem(label, "案件编号",
                                            f"“{draft.number}”与{seen_numbers[draft.number]}重复"))
                elif Case.select().where(Case.number == draft.number).exists():
                    problems.append(Problem(label, "案件编号", f"“{draft.number}”已被使用"))
                seen_numbers[draft.number] = label
        return problems

    def earlier_cases_of(self, id_number: str, exclude_case: str | None = None) -> list[str]:
        """Numbers of earlier cases in which the same ID number appears (duplicate parties)."""
        if not id_number:
            return []
        query = (Case.select(Case.number, Case.number_year, Case.number_seq).join(Party)
                 .where(Party.id_number == id_number, Party.deleted_at.is_null(),
                        Case.deleted_at.is_null()))
        if exclude_case:
            query = query.where(Case.id != exclude_case)
        found = {(c.number_year or 0, c.number_seq or 0, c.number) for c in query if c.number}
        return [number for _year, _seq, number in sorted(found)]

    def latest_party_of(self, id_number: str) -> PartyDraft | None:
        """The person's details as recorded in their latest case, to reuse at intake.

        The mediator already typed the ID number, so nothing new is revealed except the
        phone; the reuse is audited like any other display of personal data.
        """
        if not id_number:
            return None
        row = (Party.live().join(Case)
               .where(Party.id_number == id_number, Case.deleted_at.is_null())
               .order_by(Case.received_on.desc(), Party.created_at.desc()).first())
        if row is None:
            return None
        with self.store.write():
            audit.record(self.actor, "reveal", row, detail="受理时沿用以前案件中的当事人信息")
        return PartyDraft(side=row.side, kind=row.kind, name=row.name, gender=row.gender,
                          ethnicity=row.ethnicity, birth_date=row.birth_date,
                          id_type=row.id_type, id_number=row.id_number, phone=row.phone,
                          address=row.address, occupation=row.occupation,
                          legal_representative=row.legal_representative, agent=row.agent)

    # -- writing ----------------------------------------------------------------------------
    def register(self, draft: CaseDraft, today: date | None = None) -> IntakeResult:
        return self.register_many([draft], today)

    def register_many(self, drafts: Sequence[CaseDraft], today: date | None = None,
                      labels: Sequence[str] | None = None) -> IntakeResult:
        """Check every draft, then write them all in one transaction — or nothing."""
        today = today or clock.today()
        self._memo.clear()
        with self.store.write() as changes:
            problems = self.check(drafts, today, labels)
            if problems:
                raise ValidationError(problems)
            try:
                results = [self._write(draft, today, changes) for draft in drafts]
            finally:
                self._memo.clear()
        return IntakeResult(results, changes)

    def register_within(self, draft: CaseDraft, changes: ChangeSet,
                        today: date | None = None) -> Registered:
        """Check and register one case inside the caller's open ``store.write()``.

        For a use case whose registration is part of a larger write (a patrol finding
        becoming a case: the case and the finding's link commit together or not at all).
        ``store.write()`` does not nest cleanly — an inner one would tell listeners before
        the outer transaction commits — hence this entry point instead of :meth:`register`.
        """
        today = today or clock.today()
        self._memo.clear()
        try:
            problems = self.check([draft], today)
            if problems:
                raise ValidationError(problems)
            return self._write(draft, today, changes)
        finally:
            self._memo.clear()

    def _write(self, draft: CaseDraft, today: date, changes: ChangeSet) -> Registered:
        notices: list[str] = []
        village = self._remember(
            "village", draft.village.strip(),
            lambda: ensure_village(draft.village, self.actor, notices)) if draft.village else None
        entries = [("dispute_type", draft.dispute_type), ("source", draft.source)]
        entries += [("ethnicity", p.ethnicity) for p in draft.parties if p.ethnicity]
        for kind, label in entries:
            self._remember(kind, label.strip(),
                           partial(ensure_entry, kind, label, self.actor, notices))

        assert draft.received_on is not None
        number_warning = ""
        if draft.number:
            number = draft.number
            year, seq = self._claim_historical(number)
        else:
            year = draft.received_on.year
            issued = self._issue_number(year)
            number, seq, number_warning = issued.number, issued.seq, issued.warning
        days = int(self._setting("mediation_days", DEFAULT_MEDIATION_DAYS))
        settled = draft.arrival.settled if draft.arrival is not None else None
        status = CaseStatus(settled.status) if settled else arrival.content_status(draft)
        fields: dict[str, Any] = dict(
            number=number, number_year=year, number_seq=seq,
            title=derive_title(draft), status=status.value,
            received_on=draft.received_on, source=draft.source,
            dispute_type=draft.dispute_type, village=village, summary=draft.summary,
            requests=json.dumps(draft.requests, ensure_ascii=False),
            risk_level=draft.risk_level, procedure=draft.procedure,
            amount_fen=draft.amount_fen, people_involved=draft.people_involved,
            group_dispute=(draft.people_involved or 0) >= 5,
            deadline_on=mediation_deadline(draft.received_on, days),
            outcome="success" if draft.agreement is not None else "",
            created_by=self.actor.account_id or None,
        )
        if settled is not None:  # an imported case arrives in the state it ended in
            fields.update(arrival_rows.case_fields(draft))
        case = Case.create(**fields)
        audit.record(self.actor, "create", case, detail=number)
        if settled is None:  # an arriving case's steps are written with its history
            CaseEvent.create(case=case, at=_now(), step="register", from_status="",
                             to_status=status.value, account=self.actor.account_id or None)

        warnings: list[str] = []
        if number_warning:
            warnings.append(number_warning)
        parties: list[Party] = []
        records: list[Record] = []
        agreement: Agreement | None = None
        terms: list[AgreementTerm] = []
        for pos, p in enumerate(draft.parties):
            earlier = self.earlier_cases_of(p.id_number)
            if earlier:
                warnings.append(f"当事人{p.name}曾在以下案件中出现：{'、'.join(earlier)}")
            party_row = Party.create(
                case=case, position=pos, side=p.side, kind=p.kind, name=p.name,
                name_initials=pinyin_initials(p.name), gender=p.gender,
                ethnicity=p.ethnicity, birth_date=p.birth_date, id_type=p.id_type,
                id_number=p.id_number, phone=p.phone, address=p.address,
                occupation=p.occupation, legal_representative=p.legal_representative,
                agent=p.agent)
            audit.record(self.actor, "create", party_row)
            parties.append(party_row)
        for pos, m in enumerate(draft.mediators):
            mediator = self._remember("mediator", m.name.strip(),
                                      partial(ensure_mediator, m.name, self.actor))
            role = CaseMediator.create(case=case, mediator=mediator, role=m.role, position=pos,
                                       recused=m.recused)
            audit.record(self.actor, "create", role)
        warnings += conflict_of_interest([m.name for m in draft.mediators],
                                         [p.name for p in draft.parties], [])
        for r in draft.records:
            rec = Record.create(
                case=case, kind=r.kind, at=r.at, place=r.place,
                participants=json.dumps(r.participants, ensure_ascii=False),
                author=r.author or self.actor.name, body=r.body,
                private=r.private or r.kind == "note", addendum=r.addendum,
                author_account=arrival_rows.record_account(
                    r, self.actor, self._accounts, bool(draft.arrival and draft.arrival.status)))
            audit.record(self.actor, "create", rec)
            records.append(rec)
        if draft.agreement is not None:
            a = draft.agreement
            agreement = Agreement.create(
                case=case, form=a.form, reached_on=a.reached_on,
                effective_on=a.effective_on or a.reached_on,
                facts=a.facts, issues=a.issues, responsibilities=a.responsibilities,
                identity_relation=a.identity_relation,
                ownership_confirmation=a.ownership_confirmation)
            audit.record(self.actor, "create", agreement)
            for pos, t in enumerate(a.terms):
                term = AgreementTerm.create(
                    agreement=agreement, position=pos, text=t.text, obligor=t.obligor,
                    obligee=t.obligee, amount_fen=t.amount_fen, due_on=t.due_on,
                    place=t.place, method=t.method, performed_on=t.performed_on,
                    performance=t.performance or initial_performance(t.due_on, a.reached_on))
                audit.record(self.actor, "create", term)
                terms.append(term)
        if settled is not None:
            arrival_rows.write_history(self.actor, case, draft, records, self._accounts)
        indexing.index_new_case(self.store, case, parties, records, agreement, terms)
        changes.touch("case", case.id)
        if notices:
            changes.touch("dictionary")
        if settled is None:
            return Registered(case.id, number, notices, warnings)
        assert draft.arrival is not None
        return Registered(case.id, number, notices, warnings, settled.status, settled.outcome,
                          draft.arrival.source, list(settled.inferred), list(settled.review))


def _now() -> datetime:
    return clock.now().replace(microsecond=0)
