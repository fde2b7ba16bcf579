"""The case file's completeness (domain.md's table) and the archive rule built on it."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from mediation_desk.domain.lifecycle import Step
from mediation_desk.errors import ValidationError
from mediation_desk.services.cases.casework import CaseworkService
from mediation_desk.services.cases.drafts import (
    AgreementDraft,
    PartyDraft,
    RecordDraft,
    TermDraft,
)
from mediation_desk.services.cases.intake import IntakeService
from mediation_desk.services.demo.fill import fill_demo
from mediation_desk.services.printing.dossier import DossierService
from mediation_desk.store.models import AuditEvent, Case, CaseEvent
from tests.conftest import Register, neighbour_draft

SESSION = RecordDraft("mediation", datetime(2026, 11, 3, 9, 30), place="问房调解室",
                      participants=["张喆", "李明"], body="双方陈述，调解员释法说理。")


def _register(register: Register, **overrides: object) -> str:
    return IntakeService(register.store, register.actor).register(
        neighbour_draft(**overrides)).cases[0].case_id


def _by_number(register: Register, case_id: str) -> dict[int, tuple[bool, bool, str]]:
    items = DossierService(register.store, register.actor).items(case_id)
    assert [i.number for i in items] == list(range(1, 14))
    return {i.number: (i.required, i.present, i.note) for i in items}


def test_a_new_case_lacks_notice_and_mediation_record(register: Register) -> None:
    case_id = _register(register)
    items = _by_number(register, case_id)
    assert items[1] == (True, True, "")  # the intake register exists once registered
    assert items[2][:2] == (True, False)
    assert items[3][:2] == (True, True)  # both parties have ID numbers
    assert items[4][:2] == (False, False)  # no agent acts
    assert items[7][:2] == (True, False)
    assert items[8][:2] == (False, False)  # not agreed: no agreement needed
    assert items[13][:2] == (True, True)
    assert DossierService(register.store, register.actor).missing(case_id) == [
        "人民调解当事人权利义务告知书（未进行“告知权利义务”）", "人民调解记录（没有调解记录）"]


def test_an_agreed_case_is_complete(register: Register) -> None:
    case_id = _register(register)
    work = CaseworkService(register.store, register.actor)
    work.take_step(case_id, Step.NOTIFY_RIGHTS)
    work.add_record(case_id, SESSION)
    work.record_agreement(case_id, AgreementDraft(
        reached_on=date(2026, 11, 5), facts="屋檐滴水", terms=[
            TermDraft("李明赔偿张喆5000元", obligor="李明", amount_fen=500000,
                      due_on=date(2026, 12, 1))]))
    items = DossierService(register.store, register.actor).items(case_id)
    assert items[7].title == "人民调解协议书" and items[7].required and items[7].present
    assert DossierService(register.store, register.actor).missing(case_id) == []


def test_archive_refuses_an_incomplete_file_then_allows_it(register: Register) -> None:
    case_id = _register(register)
    work = CaseworkService(register.store, register.actor)
    work.take_step(case_id, Step.NOTIFY_RIGHTS)
    work.take_step(case_id, Step.TERMINATE, "被申请人不同意任何方案")
    work.take_step(case_id, Step.CLOSE)
    events_before = AuditEvent.select().count()

    with pytest.raises(ValidationError) as refused:
        work.take_step(case_id, Step.ARCHIVE)
    problem = refused.value.problems[0]
    assert (problem.field, problem.reason) == ("卷宗", "缺少：人民调解记录（没有调解记录）")
    case = Case.get_by_id(case_id)
    assert (case.status, case.archived_on) == ("closed", None)
    assert AuditEvent.select().count() == events_before
    assert not CaseEvent.select().where(CaseEvent.step == "archive").exists()

    # The session's record, written afterwards as an addendum, completes the file.
    work.add_record(case_id, SESSION)
    assert work.take_step(case_id, Step.ARCHIVE).status == "archived"


def test_identity_proof_names_the_parties_without_it(register: Register) -> None:
    parties = [PartyDraft(side="applicant", name="张喆", id_number="11010519491231002X"),
               PartyDraft(side="respondent", name="王堃"),
               PartyDraft(side="third_party", kind="organization", name="湖二村村民委员会")]
    case_id = _register(register, parties=parties)
    work = CaseworkService(register.store, register.actor)
    work.take_step(case_id, Step.REFUSE, "被申请人明确拒绝调解")
    work.take_step(case_id, Step.CLOSE)
    items = _by_number(register, case_id)
    # A refused case was never mediated: no notice or mediation record is asked for.
    assert not items[2][0] and not items[7][0]
    with pytest.raises(ValidationError, match="缺少：当事人身份证明（王堃未登记证件号码；"
                                              "湖二村村民委员会未登记法定代表人）"):
        work.take_step(case_id, Step.ARCHIVE)


def test_an_agent_asks_for_the_power_of_attorney(register: Register) -> None:
    draft = neighbour_draft()
    draft.parties[1].agent = "李强（儿子）"
    case_id = IntakeService(register.store, register.actor).register(draft).cases[0].case_id
    required, present, note = _by_number(register, case_id)[4]
    assert required and present
    assert note == "请核对签名的授权委托书：李明的委托代理人李强（儿子）"


def test_simple_procedure_and_imported_cases_carry_the_notice(register: Register) -> None:
    simple = _register(register, procedure="simple")
    CaseworkService(register.store, register.actor).add_record(simple, SESSION)
    assert _by_number(register, simple)[2] == (True, True, "简易程序：当场口头告知，记入调解记录")

    imported = _register(register, records=[SESSION])  # registered with its session
    assert Case.get_by_id(imported).status == "mediating"
    assert _by_number(register, imported)[2] == (True, True, "随历史案件一并登记，告知书见纸质卷宗")


def test_archived_demo_cases_have_complete_files(register: Register) -> None:
    fill_demo(register.store, register.actor, cases=150, seed=3)  # archiving checks each
    archived = [c.id for c in Case.select().where(Case.status == "archived")]
    assert len(archived) > 30
    service = DossierService(register.store, register.actor)
    assert [case_id for case_id in archived if service.missing(case_id)] == []
