"""Retention: files due after their period are listed and anonymised; figures stay."""

from __future__ import annotations

from datetime import date

import pytest

from mediation_desk.domain.lifecycle import Step
from mediation_desk.errors import PermissionDenied, ValidationError
from mediation_desk.services.cases.casework import CaseworkService
from mediation_desk.services.cases.intake import IntakeService
from mediation_desk.services.cases.search import SearchService
from mediation_desk.services.safety.accounts import AccountService, open_register
from mediation_desk.services.safety.audit_check import verify_audit
from mediation_desk.services.safety.retention import RetentionService
from mediation_desk.store.models import Case, Party
from tests.conftest import Register, neighbour_draft


def _archived(register: Register, dispute_type: str = "邻里纠纷") -> str:
    case_id = IntakeService(register.store, register.actor).register(
        neighbour_draft(dispute_type=dispute_type, amount_fen=500000)).cases[0].case_id
    work = CaseworkService(register.store, register.actor)
    work.take_step(case_id, Step.REFUSE, "被申请人拒绝调解")
    work.take_step(case_id, Step.CLOSE)
    work.take_step(case_id, Step.ARCHIVE)
    return case_id


def test_due_files_follow_the_policy_per_dispute_type(register: Register) -> None:
    neighbours = _archived(register)
    family = _archived(register, "婚姻家庭纠纷")
    retention = RetentionService(register.store, register.actor)
    archived = Case.get_by_id(neighbours).archived_on
    assert retention.due(archived) == []
    in_ten_years = archived.replace(year=archived.year + 10)
    assert {f.case_id for f in retention.due(in_ten_years)} == {neighbours, family}
    retention.set_years("婚姻家庭纠纷", 30)
    assert {f.case_id for f in retention.due(in_ten_years)} == {neighbours}


def test_anonymise_removes_personal_data_and_keeps_figures(register: Register) -> None:
    case_id = _archived(register)
    before = Case.get_by_id(case_id)
    retention = RetentionService(register.store, register.actor)
    later = date(before.archived_on.year + 11, 1, 1)
    with pytest.raises(ValidationError, match="未到保存期限"):
        retention.anonymise([case_id], before.archived_on)
    retention.anonymise([case_id], later)
    case = Case.get_by_id(case_id)
    assert case.title == "当事人甲与当事人乙邻里纠纷"
    assert (case.dispute_type, case.amount_fen, case.received_on, case.outcome) == (
        before.dispute_type, before.amount_fen, before.received_on, before.outcome)
    assert case.anonymised_on == later
    parties = list(Party.select().where(Party.case == case_id).order_by(Party.position))
    assert [p.name for p in parties] == ["当事人甲", "当事人乙"]
    assert all(not p.id_number and not p.phone and p.birth_date is None for p in parties)
    search = SearchService(register.store, register.actor)
    assert search.search("张喆") == [] and search.search("11010519491231002X") == []
    assert retention.due(later) == []
    assert verify_audit(register.store) == []


def test_only_an_administrator_anonymises(register: Register) -> None:
    case_id = _archived(register)
    AccountService(register.store, register.actor).add("linchm", "mediator", "chunmei-2026")
    register.store.close()
    store, actor = open_register(register.path, "linchm", "chunmei-2026")
    try:
        with pytest.raises(PermissionDenied):
            RetentionService(store, actor).anonymise([case_id], date(2099, 1, 1))
    finally:
        store.close()
