"""A case's legal life through the services: steps, records, agreement, follow-up, close."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from mediation_desk import clock
from mediation_desk.domain.lifecycle import Step
from mediation_desk.errors import ValidationError
from mediation_desk.services.cases.casework import CaseworkService
from mediation_desk.services.cases.drafts import AgreementDraft, RecordDraft, TermDraft
from mediation_desk.services.cases.intake import IntakeService
from mediation_desk.services.safety.accounts import AccountService, open_register
from mediation_desk.store.models import AgreementTerm, Case, CaseEvent, FollowUp, Record
from tests.conftest import PASSWORD, Register, neighbour_draft

NOW = datetime(2026, 11, 3, 9, 30)


def _new_case(register: Register) -> tuple[CaseworkService, str]:
    case_id = IntakeService(register.store, register.actor).register(
        neighbour_draft()).cases[0].case_id
    return CaseworkService(register.store, register.actor), case_id


def _agreement() -> AgreementDraft:
    return AgreementDraft(
        reached_on=date(2026, 11, 5), facts="屋檐滴水落入申请人院内", issues="排水与赔偿",
        responsibilities="被申请人负主要责任",
        terms=[TermDraft("李明于2026年12月1日前改建屋檐排水", obligor="李明", obligee="张喆",
                         due_on=date(2026, 12, 1)),
               TermDraft("李明赔偿张喆院墙修复费5000元", obligor="李明", obligee="张喆",
                         amount_fen=500000, due_on=date(2026, 11, 5), method="现金")])


def test_whole_life_of_an_agreed_case(register: Register) -> None:
    work, case_id = _new_case(register)
    assert work.take_step(case_id, Step.NOTIFY_RIGHTS).status == "notified"
    result = work.add_record(case_id, RecordDraft("mediation", NOW, place="问房调解室",
                                                  participants=["张喆", "李明", "村老人会会长"],
                                                  body="双方陈述，调解员释法说理。"))
    assert result.status == "mediating"
    agreed = work.record_agreement(case_id, _agreement())
    assert agreed.status == "agreed" and agreed.warnings == []
    terms = list(AgreementTerm.select().order_by(AgreementTerm.position))
    assert [t.performance for t in terms] == ["promised", "immediate"]
    work.schedule_followup(case_id, date(2026, 12, 2))
    followup = FollowUp.get(FollowUp.case == case_id)
    done = work.record_followup(followup.id, done_on=date(2026, 11, 20), visited="张喆",
                                performance="done", body="已改建排水，款已付清，双方满意。",
                                satisfaction="满意",
                                term_performance=[(t.id, "done") for t in terms])
    assert done.status == "following_up"
    assert work.take_step(case_id, Step.CLOSE).status == "closed"
    assert work.take_step(case_id, Step.ARCHIVE).status == "archived"
    case = Case.get_by_id(case_id)
    assert case.outcome == "success" and case.closed_on == clock.today()
    steps = [e.step for e in CaseEvent.select().where(CaseEvent.case == case_id)
             .order_by(CaseEvent.at, CaseEvent.created_at)]
    assert steps == ["register", "notify_rights", "mediate", "agree", "follow_up", "close",
                     "archive"]
    assert {t.performance for t in AgreementTerm.select()} == {"done"}


def test_illegal_steps_are_refused_with_both_states(register: Register) -> None:
    work, case_id = _new_case(register)
    with pytest.raises(ValidationError, match="案件状态为“已登记”，不能“结案”"):
        work.take_step(case_id, Step.CLOSE)
    with pytest.raises(ValidationError, match="拒绝调解须记录拒绝理由"):
        work.take_step(case_id, Step.REFUSE, "  ")
    assert Case.get_by_id(case_id).status == "registered"


def test_refusal_and_termination_record_their_reasons(register: Register) -> None:
    work, refused = _new_case(register)
    work.take_step(refused, Step.REFUSE, "被申请人明确拒绝调解")
    case = Case.get_by_id(refused)
    assert (case.status, case.refusal_reason, case.outcome) == (
        "refused", "被申请人明确拒绝调解", "refused")
    _, ended = _new_case(register)
    work.take_step(ended, Step.NOTIFY_RIGHTS)
    with pytest.raises(ValidationError, match="终止调解须填写原因"):
        work.take_step(ended, Step.TERMINATE)
    work.take_step(ended, Step.TERMINATE, "双方分歧过大，告知可向法院起诉")
    assert Case.get_by_id(ended).termination_reason.startswith("双方分歧")


def test_extension_needs_consent(register: Register) -> None:
    work, case_id = _new_case(register)
    with pytest.raises(ValidationError, match="延期须记录双方当事人同意"):
        work.extend(case_id, 15, "")
    work.extend(case_id, 15, "双方当事人于11月20日口头同意延长15日")
    case = Case.get_by_id(case_id)
    assert case.deadline_on == date(2026, 12, 17) and case.extension_days == 15


def test_records_after_closing_are_addenda(register: Register) -> None:
    work, case_id = _new_case(register)
    work.take_step(case_id, Step.REFUSE, "申请人撤回申请")
    work.take_step(case_id, Step.CLOSE)
    work.add_record(case_id, RecordDraft("investigation", NOW, body="补充：申请人来电说明情况。"))
    record = Record.get(Record.case == case_id)
    assert record.addendum and Case.get_by_id(case_id).status == "closed"


def test_vague_terms_are_warned(register: Register) -> None:
    work, case_id = _new_case(register)
    work.take_step(case_id, Step.NOTIFY_RIGHTS)
    result = work.record_agreement(case_id, AgreementDraft(
        reached_on=date(2026, 11, 5), terms=[TermDraft("李明适当补偿张喆", obligor="李明")]))
    assert any("未写明金额" in w for w in result.warnings)
    assert any("未写明履行期限" in w for w in result.warnings)


def test_term_obligor_must_be_a_party(register: Register) -> None:
    work, case_id = _new_case(register)
    work.take_step(case_id, Step.NOTIFY_RIGHTS)
    with pytest.raises(ValidationError, match="“王五”不是本案当事人"):
        work.record_agreement(case_id, AgreementDraft(
            reached_on=date(2026, 11, 5), terms=[TermDraft("赔偿", obligor="王五")]))
    assert Case.get_by_id(case_id).status == "notified"


def test_future_record_is_refused(register: Register) -> None:
    work, case_id = _new_case(register)
    with pytest.raises(ValidationError, match="记录时间 不能晚于今天"):
        work.add_record(case_id, RecordDraft("note", clock.now() + timedelta(days=2),
                                             body="明天再谈"))


def test_private_notes_are_for_author_and_director(register: Register) -> None:
    accounts = AccountService(register.store, register.actor)
    accounts.add("linchm", "mediator", "password-1", "林春梅")
    accounts.add("chen", "mediator", "password-2", "陈志强")
    accounts.add("zhuren", "director", "password-3", "主任")
    case_id = IntakeService(register.store, register.actor).register(
        neighbour_draft()).cases[0].case_id
    register.store.close()

    def records_seen_by(user: str, password: str) -> list[str]:
        store, actor = open_register(register.path, user, password)
        try:
            return [r.body for r in CaseworkService(store, actor).records(case_id)]
        finally:
            store.close()

    store, actor = open_register(register.path, "linchm", "password-1")
    CaseworkService(store, actor).add_record(
        case_id, RecordDraft("note", NOW, body="李明情绪激动，下次请村支书在场"))
    store.close()
    assert records_seen_by("linchm", "password-1") == ["李明情绪激动，下次请村支书在场"]
    assert records_seen_by("zhuren", "password-3") == ["李明情绪激动，下次请村支书在场"]
    assert records_seen_by("chen", "password-2") == []
    assert records_seen_by("admin", PASSWORD) == []
