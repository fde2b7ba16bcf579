"""The court-confirmation rule by content (issue 16): the flags on a recorded agreement drive
the warning, the case view's confirmation window and 工作台 — never the dispute type — and
they are corrected with before and after, and carried by export → import."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from mediation_desk import clock
from mediation_desk.domain.lifecycle import Step
from mediation_desk.domain.terms import STATUS_WARNING
from mediation_desk.services.agenda.today import TodayService
from mediation_desk.services.cases.casework import CaseworkService
from mediation_desk.services.cases.detail import CaseDetailService
from mediation_desk.services.cases.drafts import AgreementDraft, PartyDraft, TermDraft
from mediation_desk.services.cases.intake import IntakeService
from mediation_desk.services.cases.register import RegisterService
from mediation_desk.services.exchange.importer import import_cases
from mediation_desk.services.safety.accounts import create_register
from tests.conftest import PASSWORD, ROOM, Register, neighbour_draft


def _family_case(register: Register, term: str, *, identity: bool) -> str:
    today = clock.today()
    draft = neighbour_draft(
        dispute_type="婚姻家庭纠纷", received_on=today - timedelta(days=28),
        summary="双方系夫妻，因子女抚养和婚姻问题发生纠纷。",
        parties=[PartyDraft(side="applicant", name="张㛃"),
                 PartyDraft(side="respondent", name="王䶮")])
    case_id = IntakeService(register.store, register.actor).register(draft).cases[0].case_id
    work = CaseworkService(register.store, register.actor)
    work.take_step(case_id, Step.NOTIFY_RIGHTS)
    result = work.record_agreement(case_id, AgreementDraft(
        reached_on=today - timedelta(days=25), facts="夫妻纠纷", issues="抚养与婚姻",
        responsibilities="双方均有责任", identity_relation=identity,
        terms=[TermDraft(term, obligor="王䶮", obligee="张㛃", amount_fen=100_000,
                         due_on=today + timedelta(days=10))]))
    assert (STATUS_WARNING in result.warnings) is identity
    return case_id


def test_support_is_confirmable_a_marriage_is_not(register: Register) -> None:
    clock_today = clock.today()
    support = _family_case(register, "王䶮每月支付子女抚养费1000元", identity=False)
    marriage = _family_case(register, "双方确认婚姻关系无效，王䶮返还彩礼1000元", identity=True)
    detail = CaseDetailService(register.store, register.actor)
    supported = detail.load(support).agreement
    assert supported is not None and STATUS_WARNING not in supported.warnings
    assert supported.confirmation_until == clock_today + timedelta(days=5)
    void = detail.load(marriage).agreement
    assert void is not None and STATUS_WARNING in void.warnings
    assert void.identity_relation and void.confirmation_until is None
    # 工作台 counts the 30 days down only where a court would take the application.
    windows = {i.case_id for i in TodayService(register.store, register.actor)
               .agenda(clock_today).confirmations}
    assert windows == {support}


def test_the_flag_is_corrected_with_before_and_after(register: Register) -> None:
    case_id = _family_case(register, "王䶮每月支付子女抚养费1000元", identity=False)
    work = CaseworkService(register.store, register.actor)
    view = CaseDetailService(register.store, register.actor).load(case_id).agreement
    assert view is not None
    draft = AgreementDraft(
        reached_on=view.reached_on, facts=view.facts, issues=view.issues,
        responsibilities=view.responsibilities, identity_relation=True,
        terms=[TermDraft(t.text, t.obligor, t.obligee, t.amount_fen, t.due_on)
               for t in view.terms])
    result = work.update_agreement(case_id, draft)
    assert STATUS_WARNING in result.warnings
    history = CaseDetailService(register.store, register.actor).load(case_id).history
    changes = [(c.label, c.before, c.after) for line in history for c in line.changes]
    assert ("涉及身份关系", "否", "是") in changes


def test_export_and_import_keep_the_flags(register: Register, tmp_path: Path) -> None:
    case_id = _family_case(register, "双方确认亲子关系", identity=True)
    number = CaseDetailService(register.store, register.actor).load(case_id).number
    docs = RegisterService(register.store, register.actor).export([number])
    assert docs[0]["agreement"]["identity_relation"] is True
    assert docs[0]["agreement"]["ownership_confirmation"] is False
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(docs, ensure_ascii=False), encoding="utf-8")
    store, admin, _ = create_register(tmp_path / "other.db", ROOM, "admin", PASSWORD)
    try:
        made = import_cases(IntakeService(store, admin), path)
        arrived = CaseDetailService(store, admin).load(made.cases[0].case_id).agreement
        assert arrived is not None and arrived.identity_relation
        assert not arrived.ownership_confirmation
        assert arrived.confirmation_until is None
    finally:
        store.close()

