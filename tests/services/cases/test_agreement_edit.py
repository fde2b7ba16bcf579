"""Correcting a recorded agreement: it must become printable, keep what follow-ups found,
refuse what recording refuses, leave archived files alone, and say when a signed paper no
longer matches."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

import pytest

from mediation_desk.domain.lifecycle import Step
from mediation_desk.errors import ValidationError
from mediation_desk.services.cases.casework import CaseworkService
from mediation_desk.services.cases.detail import CaseDetailService
from mediation_desk.services.cases.drafts import AgreementDraft, CaseDraft, RecordDraft, TermDraft
from mediation_desk.services.cases.intake import IntakeService
from mediation_desk.services.cases.search import SearchService
from mediation_desk.services.printing.service import PrintingService
from mediation_desk.services.safety.audit_check import verify_rows
from mediation_desk.services.safety.retention import REMOVED, RetentionService
from mediation_desk.store.models import Agreement, AgreementTerm, AuditEvent, FollowUp
from tests.conftest import Register, neighbour_draft

REACHED = date(2026, 11, 5)
DRAIN = "李明于2026年12月1日前改建屋檐排水"
REPAIR = "李明赔偿张喆院墙修复费5000元"


def _terms() -> list[TermDraft]:
    return [TermDraft(DRAIN, obligor="李明", obligee="张喆", due_on=date(2026, 12, 1)),
            TermDraft(REPAIR, obligor="李明", obligee="张喆", amount_fen=500000,
                      due_on=date(2026, 11, 20), method="现金")]


def _typed_in_the_room() -> AgreementDraft:
    """As typed before it was read to the parties: issues and responsibilities still empty."""
    return AgreementDraft(reached_on=REACHED, facts="屋檐滴水落入申请人院内", terms=_terms())


def _printable_parties() -> CaseDraft:
    """The neighbours' case with every detail the printed agreement asks of a party."""
    draft = neighbour_draft()
    draft.parties[1].address = "安溪县湖头镇湖二村3组47号"
    return draft


def _agreed_case(register: Register) -> tuple[CaseworkService, str]:
    case_id = IntakeService(register.store, register.actor).register(
        _printable_parties()).cases[0].case_id
    work = CaseworkService(register.store, register.actor)
    work.take_step(case_id, Step.NOTIFY_RIGHTS)
    work.add_record(case_id, RecordDraft("mediation", datetime(2026, 11, 5, 9, 30),
                                         body="双方陈述，调解员释法说理。"))
    work.record_agreement(case_id, _typed_in_the_room())
    return work, case_id


def _agreement_form(register: Register, case_id: str) -> tuple[bool, tuple[str, ...]]:
    forms = PrintingService(register.store, register.actor).forms(case_id)
    choice = next(f for f in forms if f.kind == "agreement")
    return choice.available, choice.missing


def _snapshot() -> list[tuple[object, ...]]:
    """Every agreement and term row as stored, and the audit trail's length."""
    rows: list[tuple[object, ...]] = [tuple(sorted(a.__data__.items())) for a in
                                      Agreement.select()]
    rows += [tuple(sorted(t.__data__.items())) for t in AgreementTerm.select()]
    rows.append((AuditEvent.select().count(),))
    return rows


def test_filling_issues_and_responsibilities_makes_it_printable(register: Register) -> None:
    work, case_id = _agreed_case(register)
    available, missing = _agreement_form(register, case_id)
    assert not available and any("争议事项" in m for m in missing)
    assert any("各方责任" in m for m in missing)

    draft = dataclasses.replace(_typed_in_the_room(), issues="屋檐排水及院墙修复费用",
                                responsibilities="被申请人李明负主要责任")
    result = work.update_agreement(case_id, draft)

    assert result.status == "agreed" and result.warnings == []
    assert {"case", "agreement"} <= result.changes.kinds
    assert _agreement_form(register, case_id) == (True, ())
    agreement = CaseDetailService(register.store, register.actor).load(case_id).agreement
    assert agreement is not None and agreement.responsibilities == "被申请人李明负主要责任"
    event = AuditEvent.select().where(AuditEvent.action == "update",
                                      AuditEvent.entity == "agreement").get()
    assert event.detail == "争议事项、各方责任"
    history = [line.what for line in
               CaseDetailService(register.store, register.actor).load(case_id).history]
    assert "修改协议（争议事项、各方责任）" in history
    hits = SearchService(register.store, register.actor).search("主要责任")
    assert [h.case_id for h in hits] == [case_id]
    assert verify_rows() is None  # every row written was audited as written


def test_an_unchanged_term_keeps_what_the_follow_up_found(register: Register) -> None:
    work, case_id = _agreed_case(register)
    drain, repair = AgreementTerm.select().order_by(AgreementTerm.position)
    work.schedule_followup(case_id, date(2026, 11, 25))
    visit = FollowUp.get(FollowUp.case == case_id)
    work.record_followup(visit.id, done_on=date(2026, 11, 21), visited="张喆",
                         performance="promised", body="排水已改建，修复费尚未支付。",
                         term_performance=[(drain.id, "done"), (repair.id, "not_done")])

    # Term 2 reworded (a new obligation), a new term 3; term 1 only gets a place.
    terms = _terms()
    terms[0].place = "张喆院内"
    terms[1].text = "李明赔偿张喆院墙修复费4000元"
    terms[1].amount_fen = 400000
    terms.append(TermDraft("双方今后和睦相处", obligor="张喆", due_on=REACHED))
    result = work.update_agreement(case_id, dataclasses.replace(_typed_in_the_room(),
                                                                terms=terms))

    live = list(AgreementTerm.live().order_by(AgreementTerm.position))
    assert [t.text for t in live] == [DRAIN, "李明赔偿张喆院墙修复费4000元", "双方今后和睦相处"]
    kept = live[0]
    assert (kept.id, kept.performance, kept.performed_on, kept.place) == (
        drain.id, "done", date(2026, 11, 21), "张喆院内")
    assert [t.performance for t in live[1:]] == ["promised", "immediate"]
    assert AgreementTerm.get_by_id(repair.id).deleted_at is not None
    assert any("原第2条协议条款回访时记录为“未履行”" in w for w in result.warnings)
    assert verify_rows() is None

    # Removing term 1 does not orphan what is known about the others (matched by text).
    work.update_agreement(case_id, dataclasses.replace(
        _typed_in_the_room(), terms=[TermDraft("李明赔偿张喆院墙修复费4000元", obligor="李明",
                                               amount_fen=400000, due_on=date(2026, 11, 20)),
                                     terms[2]]))
    after = list(AgreementTerm.live().order_by(AgreementTerm.position))
    assert [t.id for t in after] == [live[1].id, live[2].id]
    assert [t.position for t in after] == [0, 1]


def test_moving_the_reached_date_reclassifies_unvisited_terms(register: Register) -> None:
    work, case_id = _agreed_case(register)
    repair_id = AgreementTerm.get(AgreementTerm.text == REPAIR).id
    draft = dataclasses.replace(_typed_in_the_room(), reached_on=date(2026, 11, 20))
    work.update_agreement(case_id, draft)
    repair = AgreementTerm.get_by_id(repair_id)
    assert repair.performance == "immediate"  # due the day it was (now) agreed
    assert Agreement.get().effective_on == date(2026, 11, 20)


def test_bad_obligor_is_refused_and_nothing_is_written(register: Register) -> None:
    work, case_id = _agreed_case(register)
    before = _snapshot()
    terms = _terms()
    terms[1].obligor = "王五"
    with pytest.raises(ValidationError) as refused:
        work.update_agreement(case_id, dataclasses.replace(
            _typed_in_the_room(), issues="排水", terms=terms))
    assert [(p.field, p.reason) for p in refused.value.problems] == [
        ("协议条款[2] 义务人", "“王五”不是本案当事人")]
    terms[1].obligor = ""
    with pytest.raises(ValidationError, match="协议条款\\[2\\] 义务人"):
        work.update_agreement(case_id, dataclasses.replace(_typed_in_the_room(), terms=terms))
    assert _snapshot() == before


def test_recording_refuses_the_same_things(register: Register) -> None:
    """One list of checks for both: what correcting refuses, recording refuses."""
    case_id = IntakeService(register.store, register.actor).register(
        neighbour_draft()).cases[0].case_id
    work = CaseworkService(register.store, register.actor)
    work.take_step(case_id, Step.NOTIFY_RIGHTS)
    early = dataclasses.replace(_typed_in_the_room(), reached_on=date(2026, 10, 1))
    with pytest.raises(ValidationError, match="早于受理日期"):
        work.record_agreement(case_id, early)
    assert not Agreement.select().exists()


def test_archived_case_is_refused(register: Register) -> None:
    work, case_id = _agreed_case(register)
    work.take_step(case_id, Step.CLOSE, "当事人已另行起诉")
    work.update_agreement(case_id, dataclasses.replace(  # closed, not archived: allowed
        _typed_in_the_room(), issues="排水", responsibilities="李明负主要责任"))
    work.take_step(case_id, Step.ARCHIVE)
    before = _snapshot()
    with pytest.raises(ValidationError, match="已归档的卷宗不能修改协议"):
        work.update_agreement(case_id, dataclasses.replace(
            _typed_in_the_room(), issues="排水及赔偿", responsibilities="李明负全部责任"))
    assert _snapshot() == before


def test_correcting_a_printed_agreement_says_to_print_and_sign_again(
        register: Register) -> None:
    work, case_id = _agreed_case(register)
    ready = dataclasses.replace(_typed_in_the_room(), issues="排水", responsibilities="李明负责")
    work.update_agreement(case_id, ready)
    printing = PrintingService(register.store, register.actor)
    document = printing.render(case_id, "agreement")
    printing.file_printed(document, copies=document.default_copies)
    printing.file_printed(document, action="save")

    unchanged = work.update_agreement(case_id, ready)  # nothing changed: the paper matches
    assert unchanged.warnings == [] and not unchanged.changes

    corrected = work.update_agreement(case_id, dataclasses.replace(
        ready, responsibilities="李明负主要责任，张喆负次要责任"))
    assert corrected.warnings[0] == "协议已打印过（2次），修改后请重新打印并由各方重新签名"
    event = (AuditEvent.select().where(AuditEvent.action == "update",
                                       AuditEvent.entity == "agreement")
             .order_by(AuditEvent.seq.desc()).first())
    assert event.detail == "各方责任（修改前已打印2次）"


def test_a_case_without_an_agreement_has_nothing_to_correct(register: Register) -> None:
    case_id = IntakeService(register.store, register.actor).register(
        neighbour_draft()).cases[0].case_id
    work = CaseworkService(register.store, register.actor)
    with pytest.raises(ValidationError, match="本案还没有协议"):
        work.update_agreement(case_id, _typed_in_the_room())


def test_anonymising_also_clears_terms_a_correction_replaced(register: Register) -> None:
    work, case_id = _agreed_case(register)
    terms = _terms()
    terms[1].text = "李明赔偿张喆院墙修复费4000元"
    work.update_agreement(case_id, dataclasses.replace(
        _typed_in_the_room(), issues="排水", responsibilities="李明负责", terms=terms))
    work.take_step(case_id, Step.CLOSE, "当事人已另行起诉")
    work.take_step(case_id, Step.ARCHIVE)
    RetentionService(register.store, register.actor).anonymise([case_id], date(2100, 1, 1))
    texts = {t.text for t in AgreementTerm.select()}  # live and replaced alike
    assert len(AgreementTerm.select()) == 3 and texts == {REMOVED}
