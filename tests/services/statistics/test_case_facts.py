"""统计事项 of a case: prevention, group dispute and judicial confirmation — validated, all or
nothing, audited; and the termination date the report counts by."""

from __future__ import annotations

from datetime import date

import pytest

from mediation_desk import clock
from mediation_desk.domain.lifecycle import Step
from mediation_desk.errors import ValidationError
from mediation_desk.services.cases.casework import CaseworkService
from mediation_desk.services.cases.drafts import AgreementDraft, TermDraft
from mediation_desk.services.cases.intake import IntakeService
from mediation_desk.services.statistics.case_facts import (
    CaseFacts,
    CaseFactsService,
    Confirmation,
)
from mediation_desk.store.models import Agreement, AuditEvent, Case
from tests.conftest import Register, neighbour_draft

TODAY = date(2026, 12, 10)


def _case(reg: Register, *, agreement: str = "") -> str:
    with clock.pinned(TODAY):
        case_id = IntakeService(reg.store, reg.actor).register(neighbour_draft()).cases[0].case_id
        work = CaseworkService(reg.store, reg.actor)
        work.take_step(case_id, Step.NOTIFY_RIGHTS)
        if agreement:
            work.record_agreement(case_id, AgreementDraft(
                form=agreement, reached_on=date(2026, 11, 5), terms=[TermDraft(
                    "李明赔偿张喆5000元", obligor="李明", obligee="张喆", amount_fen=500000,
                    due_on=date(2026, 12, 1))]))
    return case_id


def _snapshot(case_id: str) -> tuple[object, ...]:
    case = Case.get_by_id(case_id)
    agreement = Agreement.get_or_none(Agreement.case == case_id)
    return (case.row_version, agreement.row_version if agreement else None,
            AuditEvent.select().count())


def test_prevention_and_group_dispute_are_saved_and_audited(register: Register) -> None:
    case_id = _case(register)
    service = CaseFactsService(register.store, register.actor)
    facts = CaseFacts(group_dispute=True, prevented_criminal=True, prevented_criminal_people=3,
                      prevented_group_fight=True, prevented_group_fight_people=12)
    result = service.update_facts(case_id, facts)
    assert "case" in result.changes.kinds
    assert service.facts(case_id) == facts
    event = AuditEvent.select().order_by(AuditEvent.seq.desc()).first()
    assert event.entity_id == case_id and "防止群体性械斗人数：12" in event.detail
    before = _snapshot(case_id)
    service.update_facts(case_id, facts)  # unchanged: nothing written
    assert _snapshot(case_id) == before


def test_a_people_count_needs_its_figure_and_nothing_is_written(register: Register) -> None:
    case_id = _case(register)
    service = CaseFactsService(register.store, register.actor)
    before = _snapshot(case_id)
    with pytest.raises(ValidationError) as info:
        service.update_facts(case_id, CaseFacts(prevented_group_petition_people=8,
                                                prevented_criminal=True,
                                                prevented_criminal_people=-1))
    text = str(info.value)
    assert "统计事项 防止群体性上访人数 未勾选" in text
    assert "防止民间纠纷转化为刑事案件人数 应在0至100000之间" in text
    assert _snapshot(case_id) == before


def test_judicial_confirmation_is_checked_then_recorded(register: Register) -> None:
    case_id = _case(register, agreement="written")
    service = CaseFactsService(register.store, register.actor)
    before = _snapshot(case_id)
    with clock.pinned(TODAY), pytest.raises(ValidationError) as info:
        service.record_confirmation(case_id, Confirmation(
            date(2026, 11, 1), "", "confirmed", date(2026, 10, 30)))
    text = str(info.value)
    for expected in ("申请日期 早于协议生效日期", "受理法院 不能为空", "裁定日期 早于申请日期"):
        assert expected in text
    assert _snapshot(case_id) == before
    with clock.pinned(TODAY), pytest.raises(ValidationError, match="裁定日期 不能晚于今天"):
        service.record_confirmation(case_id, Confirmation(
            date(2026, 11, 10), "安溪县人民法院", "confirmed", date(2026, 12, 11)))
    with clock.pinned(TODAY):
        late = service.record_confirmation(case_id, Confirmation(
            date(2026, 12, 8), "安溪县人民法院", "confirmed", date(2026, 12, 9)))
    assert late.warnings == ["申请日期已超过协议生效后三十日，法院可能不予受理"]
    assert service.confirmation(case_id) == Confirmation(
        date(2026, 12, 8), "安溪县人民法院", "confirmed", date(2026, 12, 9))
    assert Agreement.get(Agreement.case == case_id).confirmation_on == date(2026, 12, 9)


def test_an_oral_agreement_cannot_be_confirmed(register: Register) -> None:
    case_id = _case(register, agreement="oral")
    with clock.pinned(TODAY), pytest.raises(ValidationError, match="口头协议没有协议书"):
        CaseFactsService(register.store, register.actor).record_confirmation(
            case_id, Confirmation(date(2026, 11, 6), "安溪县人民法院"))


def test_facts_and_confirmation_are_saved_together_or_not_at_all(register: Register) -> None:
    case_id = _case(register, agreement="written")
    service = CaseFactsService(register.store, register.actor)
    before = _snapshot(case_id)
    with clock.pinned(TODAY), pytest.raises(ValidationError):
        service.save(case_id, CaseFacts(group_dispute=True),
                     Confirmation(date(2026, 11, 6), "", "", None))  # no court: refused
    assert _snapshot(case_id) == before
    assert service.facts(case_id).group_dispute is False


def test_termination_records_the_day_mediation_ended(register: Register) -> None:
    case_id = _case(register)
    with clock.pinned(TODAY):
        CaseworkService(register.store, register.actor).take_step(
            case_id, Step.TERMINATE, "双方分歧较大", on=date(2026, 11, 30))
        CaseworkService(register.store, register.actor).take_step(
            case_id, Step.CLOSE, "已告知其他途径", on=date(2026, 12, 3))
    case = Case.get_by_id(case_id)
    assert (case.outcome, case.terminated_on, case.closed_on) == \
        ("terminated", date(2026, 11, 30), date(2026, 12, 3))
