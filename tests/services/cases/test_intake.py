"""Registering cases: validation with reasons, numbering, notices and all-or-nothing writes."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from mediation_desk import clock
from mediation_desk.errors import ValidationError
from mediation_desk.services.cases.drafts import AgreementDraft, PartyDraft, TermDraft
from mediation_desk.services.cases.intake import IntakeService
from mediation_desk.store.models import AuditEvent, Case, Party, Village
from tests.conftest import Register, neighbour_draft


def _problems(exc: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return [str(p) for p in exc.value.problems]


def test_register_numbers_titles_and_deadline(register: Register) -> None:
    intake = IntakeService(register.store, register.actor)
    first = intake.register(neighbour_draft()).cases[0]
    second = intake.register(neighbour_draft()).cases[0]
    assert first.number == "（2026）湖头人调字第1号"
    assert second.number == "（2026）湖头人调字第2号"
    case = Case.get_by_id(first.case_id)
    assert case.title == "张喆与李明邻里纠纷"
    assert case.status == "registered"
    assert case.deadline_on == date(2026, 12, 2)
    # The ID number filled in birth date and gender; the phone was normalised.
    party = Party.get(Party.case == case, Party.name == "张喆")
    assert party.birth_date == date(1949, 12, 31)
    assert party.gender == "female"
    assert party.name_initials == "zz"


def test_numbers_are_per_year_and_never_reused(register: Register) -> None:
    intake = IntakeService(register.store, register.actor)
    a = intake.register(neighbour_draft(received_on=date(2025, 12, 30))).cases[0]
    b = intake.register(neighbour_draft()).cases[0]
    assert a.number == "（2025）湖头人调字第1号"
    assert b.number == "（2026）湖头人调字第1号"
    Case.get_by_id(b.case_id).soft_delete()
    c = intake.register(neighbour_draft()).cases[0]
    assert c.number == "（2026）湖头人调字第2号"


def test_historical_number_moves_the_sequence_past_it(register: Register) -> None:
    intake = IntakeService(register.store, register.actor)
    intake.register(neighbour_draft(number="（2026）湖头人调字第7号"))
    new = intake.register(neighbour_draft()).cases[0]
    assert new.number == "（2026）湖头人调字第8号"
    with pytest.raises(ValidationError) as exc:
        intake.register(neighbour_draft(number="（2026）湖头人调字第7号"))
    assert _problems(exc) == ["案件编号 “（2026）湖头人调字第7号”已被使用"]


def test_every_problem_is_named_and_nothing_is_written(register: Register) -> None:
    intake = IntakeService(register.store, register.actor)
    before = (Case.select().count(), AuditEvent.select().count(), Village.select().count())
    bad = neighbour_draft(
        received_on=clock.today() + timedelta(days=3),
        village="湖二材",
        parties=[
            PartyDraft(side="applicant", name="王五", id_number="360426199101010072"),
            PartyDraft(side="applicant", name="赵六", phone="12345",
                       id_number="11010519491231002X", gender="male"),
        ],
        agreement=AgreementDraft(reached_on=date(2026, 11, 5),
                                 terms=[TermDraft("赔偿5000元", obligor="钱七")]),
    )
    with pytest.raises(ValidationError) as exc:
        intake.register_many([neighbour_draft(), bad])
    problems = _problems(exc)
    assert "第2条案件 受理日期 不能晚于今天" in problems
    assert "第2条案件 当事人[1] 身份证号码 校验位错误" in problems
    assert "第2条案件 当事人[2] 联系电话 不是有效的手机号码或固定电话" in problems
    assert "第2条案件 当事人[2] 身份证号码 性别与身份证号码不符" in problems
    assert "第2条案件 当事人 至少需要一名被申请人" in problems
    assert "第2条案件 协议条款[1] 义务人 “钱七”不是本案当事人" in problems
    # The good first case was not written either, nor the misspelt village.
    after = (Case.select().count(), AuditEvent.select().count(), Village.select().count())
    assert after == before


def test_birth_date_that_disagrees_with_the_id(register: Register) -> None:
    draft = neighbour_draft()
    draft.parties[0].birth_date = date(1950, 1, 1)
    with pytest.raises(ValidationError) as exc:
        IntakeService(register.store, register.actor).register(draft)
    assert _problems(exc) == ["当事人[1] 身份证号码 出生日期与身份证号码不符"]


def test_simple_procedure_needs_two_parties_but_not_sides(register: Register) -> None:
    intake = IntakeService(register.store, register.actor)
    two = neighbour_draft(procedure="simple")
    two.parties[1].side = "applicant"
    assert intake.register(two).cases[0].number
    one = neighbour_draft(procedure="simple", parties=[PartyDraft(name="张喆")])
    with pytest.raises(ValidationError) as exc:
        intake.register(one)
    assert _problems(exc) == ["当事人 简易程序也至少需要两方当事人"]


def test_unknown_village_and_type_are_added_and_reported(register: Register) -> None:
    result = IntakeService(register.store, register.actor).register(
        neighbour_draft(village="湖十村", dispute_type="宗族纠纷"))
    notices = result.cases[0].notices
    assert "村（社区）“湖十村”原来不在列表中，已新增" in notices
    assert "纠纷类型“宗族纠纷”原来不在列表中，已新增" in notices
    assert "dictionary" in result.changes.kinds


def test_same_id_number_points_to_earlier_cases(register: Register) -> None:
    intake = IntakeService(register.store, register.actor)
    first = intake.register(neighbour_draft()).cases[0]
    second = intake.register(neighbour_draft()).cases[0]
    assert second.warnings[0] == f"当事人张喆曾在以下案件中出现：{first.number}"
    assert intake.earlier_cases_of("11010519491231002X", exclude_case=second.case_id) == [
        first.number]


def test_mediator_who_is_a_party_is_warned(register: Register) -> None:
    draft = neighbour_draft()
    draft.mediators[0].name = "李明"
    result = IntakeService(register.store, register.actor).register(draft)
    assert any("李明" in w and "当事人" in w for w in result.cases[0].warnings)


def test_registration_is_audited_and_returns_a_change_set(register: Register) -> None:
    result = IntakeService(register.store, register.actor).register(neighbour_draft())
    case_id = result.cases[0].case_id
    assert result.changes.case_ids == {case_id}
    actions = {(e.action, e.entity) for e in AuditEvent.select().where(
        AuditEvent.account == "admin")}
    assert ("create", "case") in actions and ("create", "party") in actions


def test_listeners_hear_only_committed_changes(register: Register) -> None:
    heard = []
    register.store.subscribe(heard.append)
    intake = IntakeService(register.store, register.actor)
    intake.register(neighbour_draft())
    with pytest.raises(ValidationError):
        intake.register(neighbour_draft(dispute_type=""))
    assert len(heard) == 1 and "case" in heard[0].kinds
