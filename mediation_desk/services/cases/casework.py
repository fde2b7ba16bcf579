"""A case's legal life after registration: the steps, records, agreement and follow-ups.

Each public method is one use case and one transaction: it checks the step against the
lifecycle (:mod:`mediation_desk.domain.lifecycle`), writes the rows, the case event, the
audit events and the search index, and returns the change set. A record written after the
case is closed is kept as a dated addendum (domain.md: refusing edits after closing is one of
the known failures of existing systems).
"""

from __future__ import annotations

import json
from datetime import date

from mediation_desk import clock
from mediation_desk.domain.deadlines import extend_deadline
from mediation_desk.domain.dictionaries import RECORD_KINDS as RECORD_KIND_LABELS
from mediation_desk.domain.lifecycle import CaseStatus, Step, next_status
from mediation_desk.domain.terms import TermFacts, initial_performance, vague_term_warnings
from mediation_desk.errors import DomainError, NotFound, PermissionDenied, Problem, ValidationError
from mediation_desk.services.cases import agreement_edit, indexing, party_edit
from mediation_desk.services.cases.detail import CaseDetailService
from mediation_desk.services.cases.drafts import AgreementDraft, PartyDraft, RecordDraft
from mediation_desk.services.cases.followups import FollowUpWork
from mediation_desk.services.cases.results import (
    CLOSED_STATUSES,
    StepResult,
)
from mediation_desk.services.cases.results import now as _now
from mediation_desk.services.cases.results import refuse as _refuse
from mediation_desk.services.cases.validation import (
    AGREEMENT_FORMS,
    RECORD_KINDS,
    _Collector,
    validate_party,
)
from mediation_desk.services.printing import dossier
from mediation_desk.services.shared import audit, field_history
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.changes import ChangeSet
from mediation_desk.store.database import Store
from mediation_desk.store.models import (
    Agreement,
    AgreementTerm,
    Case,
    CaseEvent,
    Party,
    Record,
)
from mediation_desk.store.search import pinyin_initials

#: The record kind each step writes, when a step comes with a record.
STEP_RECORD = {Step.INVESTIGATE: "investigation", Step.MEDIATE: "mediation"}
EXTEND_LABELS = {"deadline_on": "调解期限", "extension_days": "已延长天数"}




def _agreement_problems(case: Case, draft: AgreementDraft) -> list[Problem]:
    """Why ``draft`` cannot be the case's agreement ([] when it can). One list for recording
    and for correcting, so that a correction can never make an agreement that recording
    would have refused."""
    names = {p.name for p in Party.live().where(Party.case == case)}
    problems: list[Problem] = []
    if draft.form not in AGREEMENT_FORMS:
        problems.append(Problem("", "协议 形式", "应为 " + " / ".join(AGREEMENT_FORMS) + " 之一"))
    if draft.reached_on is None or draft.reached_on > clock.today():
        problems.append(Problem("", "协议 达成日期", "不能为空，也不能晚于今天"))
    elif draft.reached_on < case.received_on:
        problems.append(Problem("", "协议 达成日期", "早于受理日期"))
    if draft.form == "written" and not draft.terms:
        problems.append(Problem("", "协议 条款", "书面协议至少需要一条协议条款"))
    for i, term in enumerate(draft.terms, start=1):
        if not term.text.strip():
            problems.append(Problem("", f"协议条款[{i}] 内容", "不能为空"))
        if not term.obligor.strip():
            problems.append(Problem("", f"协议条款[{i}] 义务人", "不能为空，应为本案当事人之一"))
        elif term.obligor not in names:
            problems.append(Problem("", f"协议条款[{i}] 义务人",
                                    f"“{term.obligor}”不是本案当事人"))
        if term.obligee and term.obligee not in names:
            problems.append(Problem("", f"协议条款[{i}] 权利人",
                                    f"“{term.obligee}”不是本案当事人"))
    return problems


class CaseworkService(FollowUpWork):
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor

    # -- helpers ----------------------------------------------------------------------------
    def case(self, case_id: str) -> Case:
        case = Case.get_live(case_id)
        if case is None:
            raise NotFound(f"找不到案件 {case_id}")
        return case

    def _move(self, case: Case, step: Step, reason: str = "") -> CaseStatus:
        try:
            target = next_status(CaseStatus(case.status), step, reason=reason,
                                 simple=case.procedure == "simple")
        except DomainError as exc:
            raise _refuse("", exc.reason) from exc
        CaseEvent.create(case=case, at=_now(), step=step.value, from_status=case.status,
                         to_status=target.value, reason=reason,
                         account=self.actor.account_id or None)
        case.status = target.value
        case.save()
        audit.record(self.actor, step.value, case, detail=reason)
        return target

    def _finish(self, case: Case, changes: ChangeSet, *kinds: str) -> None:
        """Note what changed. The search index is kept up by the methods that change
        searchable text (parties, records, the agreement): a step, an extension or a planned
        visit changes none, and re-indexing the whole case on each was most of their cost."""
        changes.touch("case", case.id)
        for kind in kinds:
            changes.touch(kind, case.id)

    # -- steps ------------------------------------------------------------------------------
    def take_step(self, case_id: str, step: Step, reason: str = "", *,
                  on: date | None = None) -> StepResult:
        """A step that needs nothing but a reason: notify, refuse, terminate, close, archive.

        ``on`` is the day the step took effect when it is entered afterwards (a closing done
        in the village yesterday, an old register's archive date); it sets the ending,
        closing or archiving date, default today. The case event keeps the time it was entered.
        """
        if step in (Step.AGREE, Step.EXTEND):
            raise _refuse("操作", "请使用“记录协议”或“延长期限”")
        today = clock.today()
        if on is not None and on > today:
            raise _refuse("日期", "不能晚于今天")
        with self.store.write() as changes:
            case = self.case(case_id)
            if on is not None and on < case.received_on:
                raise _refuse("日期", "早于受理日期")
            today = on or today
            # Set before the move, which saves the case once and audits it as it now is.
            if step is Step.REFUSE:
                case.refusal_reason, case.outcome = reason, "refused"
            elif step is Step.TERMINATE:
                case.termination_reason, case.outcome = reason, "terminated"
                case.terminated_on = today  # the month a report counts it in
            elif step is Step.CLOSE:
                case.closed_on = today
                if not case.outcome:
                    case.outcome = "failure"
            elif step is Step.ARCHIVE:
                # Only a closed case may be archived (the move says so); a closed one only
                # with its file complete (domain.md's required dossier items).
                missing = dossier.gaps(dossier.case_items(case)) \
                    if case.status == CaseStatus.CLOSED else []
                if missing:
                    raise _refuse("卷宗", "缺少：" + "、".join(missing))
                case.archived_on = today
            status = self._move(case, step, reason)
            self._finish(case, changes)
        return StepResult(status, changes, [])

    def extend(self, case_id: str, days: int, consent_note: str) -> StepResult:
        """Extend the time limit; only with the parties' consent on record (MOJ 2002 Art 33)."""
        with self.store.write() as changes:
            case = self.case(case_id)
            if CaseStatus(case.status) not in (CaseStatus.REGISTERED, CaseStatus.NOTIFIED,
                                               CaseStatus.INVESTIGATING, CaseStatus.MEDIATING):
                raise _refuse("调解期限", "调解已结束，不能延期")
            before = field_history.snapshot(case)
            try:
                case.deadline_on = extend_deadline(case.deadline_on, days, consent_note)
            except DomainError as exc:
                raise _refuse("延期", exc.reason) from exc
            case.extension_days += days
            case.save()
            CaseEvent.create(case=case, at=_now(), step=Step.EXTEND.value,
                             from_status=case.status, to_status=case.status,
                             reason=consent_note, account=self.actor.account_id or None)
            field_history.record_edit(
                self.actor, case, field_history.diff(before, case, EXTEND_LABELS),
                case_id=case.id, action="extend", detail=f"{days}天：{consent_note}")
            self._finish(case, changes)
        return StepResult(CaseStatus(case.status), changes, [])

    # -- records ----------------------------------------------------------------------------
    def add_record(self, case_id: str, draft: RecordDraft) -> StepResult:
        """Add a record; an investigation or session also moves the case along if it should."""
        if draft.kind not in RECORD_KINDS:
            raise _refuse("记录类型", "应为 " + " / ".join(RECORD_KINDS) + " 之一")
        if not draft.body.strip():
            raise _refuse("记录内容", "不能为空")
        if draft.at > clock.now().replace(second=59) and draft.at.date() > clock.today():
            raise _refuse("记录时间", "不能晚于今天")
        with self.store.write() as changes:
            case = self.case(case_id)
            status = CaseStatus(case.status)
            step = {"investigation": Step.INVESTIGATE, "mediation": Step.MEDIATE}.get(draft.kind)
            if step is not None and status not in CLOSED_STATUSES:
                status = self._move(case, step)
            rec = Record.create(
                case=case, kind=draft.kind, at=draft.at, place=draft.place,
                participants=json.dumps(draft.participants, ensure_ascii=False),
                author=draft.author or self.actor.name, body=draft.body,
                private=draft.private or draft.kind == "note",
                addendum=status in CLOSED_STATUSES,
                author_account=self.actor.account_id or None)
            kind_label = RECORD_KIND_LABELS.get(draft.kind, draft.kind)
            audit.record(self.actor, "create", rec,
                         detail=f"{kind_label}（结案后补充）" if rec.addendum else kind_label)
            indexing.index_record(self.store, rec)
            self._finish(case, changes, "record")
        return StepResult(status, changes, [])

    def records(self, case_id: str) -> list[Record]:
        """The case's records a viewer may see: private notes only for author and director."""
        query = Record.live().where(Record.case == case_id).order_by(Record.at)
        return [r for r in query if not r.private or self.actor.sees_private_notes
                or r.author_account_id == self.actor.account_id]

    # -- parties ----------------------------------------------------------------------------
    def add_party(self, case_id: str, draft: PartyDraft) -> StepResult:
        out = _Collector("")
        validate_party(draft, "当事人", out, clock.today())
        if out.problems:
            raise ValidationError(out.problems)
        with self.store.write() as changes:
            case = self.case(case_id)
            position = Party.select().where(Party.case == case).count()
            party = Party.create(case=case, position=position, name_initials=pinyin_initials(
                draft.name), **{k: getattr(draft, k) for k in PartyDraft.__dataclass_fields__})
            audit.record(self.actor, "create", party)
            indexing.reindex_case(self.store, case.id)
            self._finish(case, changes, "party")
        return StepResult(CaseStatus(case.status), changes, [])

    def _editable_party(self, party_id: str) -> tuple[Party, Case]:
        party = Party.get_live(party_id)
        if party is None:
            raise NotFound(f"找不到当事人 {party_id}")
        case = self.case(party.case_id)
        if case.anonymised_on is not None:
            raise _refuse("", party_edit.ANONYMISED)
        return party, case

    def party_draft(self, party_id: str) -> PartyDraft:
        """A party's details in full, to correct them; showing the full ID number and phone
        is audited exactly as 显示完整信息 is (CaseDetailService.reveal_party)."""
        party, _ = self._editable_party(party_id)
        if party.id_number or party.phone:
            CaseDetailService(self.store, self.actor).reveal_party(party_id)
        return party_edit.draft_of(party)

    def update_party(self, party_id: str, draft: PartyDraft) -> StepResult:
        """Correct or complete a party (the address a form needs, the ID number archiving
        needs); validated as add_party is, audited by field name only (never the values)."""
        with self.store.write() as changes:
            party, case = self._editable_party(party_id)
            out = _Collector("")
            validate_party(draft, "当事人", out, clock.today())
            out.problems += party_edit.side_problems(case, party, draft.side)
            if out.problems:
                raise ValidationError(out.problems)
            changed = party_edit.changed_fields(party, draft)
            if not changed:
                return StepResult(CaseStatus(case.status), changes, [])
            party_edit.follow_title(self.actor, case, party, draft)
            warnings = party_edit.follow_rename(self.actor, case, party.name, draft.name)
            before = field_history.snapshot(party)
            for name in party_edit.DRAFT_FIELDS:
                setattr(party, name, getattr(draft, name))
            party.name_initials = pinyin_initials(draft.name)
            party.save()
            field_history.record_edit(
                self.actor, party, field_history.diff(before, party, party_edit.FIELD_LABELS),
                case_id=case.id, record=f"当事人 {before['name']}",
                detail=party_edit.describe(changed))
            indexing.reindex_case(self.store, case.id)
            self._finish(case, changes, "party")
        return StepResult(CaseStatus(case.status), changes, warnings)

    # -- agreement --------------------------------------------------------------------------
    def record_agreement(self, case_id: str, draft: AgreementDraft) -> StepResult:
        """Record the agreement and move the case to 已达成协议; returns vague-term warnings."""
        with self.store.write() as changes:
            case = self.case(case_id)
            problems = _agreement_problems(case, draft)
            if problems:
                raise ValidationError(problems)
            if Agreement.live().where(Agreement.case == case).exists():
                raise _refuse("协议", "本案已有协议")
            case.outcome = "success"  # before the move, which saves and audits the case
            status = self._move(case, Step.AGREE)
            agreement = Agreement.create(
                case=case, form=draft.form, reached_on=draft.reached_on,
                effective_on=draft.reached_on, facts=draft.facts, issues=draft.issues,
                responsibilities=draft.responsibilities)
            audit.record(self.actor, "create", agreement)
            for pos, t in enumerate(draft.terms):
                term_row = AgreementTerm.create(
                    agreement=agreement, position=pos, text=t.text, obligor=t.obligor,
                    obligee=t.obligee, amount_fen=t.amount_fen, due_on=t.due_on,
                    place=t.place, method=t.method,
                    performance=initial_performance(t.due_on, draft.reached_on))
                audit.record(self.actor, "create", term_row)
            indexing.reindex_case(self.store, case.id)
            self._finish(case, changes, "agreement")
        warnings = vague_term_warnings(
            [TermFacts(t.text, t.obligor or None, t.amount_fen, t.due_on) for t in draft.terms])
        return StepResult(status, changes, warnings)

    def update_agreement(self, case_id: str, draft: AgreementDraft) -> StepResult:
        """Correct the recorded agreement (facts, issues, responsibilities, form, reached date,
        terms) before the parties sign, or after; validated as recording is. What a follow-up
        found about a term is kept while its text is unchanged (services/cases/agreement_edit.py).
        Warns, beside vague terms, when the agreement was already printed: the signed paper
        no longer matches. Nothing is written when nothing changed."""
        with self.store.write() as changes:
            case = self.case(case_id)
            if (case.status == CaseStatus.ARCHIVED or case.archived_on is not None
                    or case.anonymised_on is not None):
                raise _refuse("协议", agreement_edit.ARCHIVED)
            agreement = Agreement.live().where(Agreement.case == case).first()
            if agreement is None:
                raise _refuse("协议", agreement_edit.NO_AGREEMENT)
            problems = _agreement_problems(case, draft)
            if problems:
                raise ValidationError(problems)
            parts = agreement_edit.changed_header(agreement, draft)
            terms_changed, warnings = agreement_edit.correct_terms(
                self.actor, agreement, draft, dates_moved=draft.reached_on != agreement.reached_on)
            if terms_changed:
                parts.append(agreement_edit.TERMS_LABEL)
            if parts:
                printed = agreement_edit.times_printed(case)
                if printed:
                    warnings.insert(0, agreement_edit.printed_warning(printed))
                before = field_history.snapshot(agreement)
                agreement.form, agreement.reached_on = draft.form, draft.reached_on
                agreement.effective_on = draft.reached_on
                agreement.facts, agreement.issues = draft.facts, draft.issues
                agreement.responsibilities = draft.responsibilities
                agreement.save()
                event = audit.record(self.actor, "update", agreement, detail="、".join(parts) + (
                    f"（修改前已打印{printed}次）" if printed else ""))
                field_history.write_changes(event, field_history.diff(
                    before, agreement, dict(agreement_edit.HEADER_LABELS)), case_id=case.id,
                    record="协议")
                indexing.reindex_case(self.store, case.id)
                self._finish(case, changes, "agreement")
        warnings += vague_term_warnings(
            [TermFacts(t.text, t.obligor or None, t.amount_fen, t.due_on) for t in draft.terms])
        return StepResult(CaseStatus(case.status), changes, warnings)

    def require_director(self) -> None:
        if self.actor.role not in ("director", "admin"):
            raise PermissionDenied("只有调委会主任可以进行此操作")
