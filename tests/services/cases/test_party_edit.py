"""Correcting a party after registration, on a real encrypted register."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from mediation_desk.domain.lifecycle import Step
from mediation_desk.errors import ValidationError
from mediation_desk.services.cases.casework import CaseworkService
from mediation_desk.services.cases.detail import CaseDetailService
from mediation_desk.services.cases.drafts import AgreementDraft, RecordDraft, TermDraft
from mediation_desk.services.cases.intake import IntakeService
from mediation_desk.services.cases.search import SearchService
from mediation_desk.services.printing.service import PrintingService
from mediation_desk.services.safety.audit_check import verify_audit
from mediation_desk.services.safety.retention import RetentionService
from mediation_desk.store.models import AgreementTerm, AuditEvent, Case, Party
from tests.conftest import Register, neighbour_draft

ADDRESS = "安溪县湖头镇湖二村3组47号"


def _case(register: Register) -> tuple[CaseworkService, str, Party]:
    case_id = IntakeService(register.store, register.actor).register(
        neighbour_draft()).cases[0].case_id
    respondent = Party.get(Party.case == case_id, Party.side == "respondent")
    return CaseworkService(register.store, register.actor), case_id, respondent


def _events(entity_id: str) -> list[AuditEvent]:
    return list(AuditEvent.select().where(AuditEvent.entity_id == entity_id)
                .order_by(AuditEvent.seq))


def test_address_and_phone_are_stored_and_audited_by_field_name_only(
        register: Register) -> None:
    work, case_id, li = _case(register)
    draft = work.party_draft(li.id)
    # The full values come back for the form, and showing them was audited.
    assert (draft.name, draft.id_number, draft.phone) == ("李明", "360426199101010071",
                                                          "0595-23456789")
    assert [e.action for e in _events(li.id)][-1] == "reveal"

    draft.address, draft.phone = ADDRESS, "139 1234 5670"
    result = work.update_party(li.id, draft)
    assert result.changes.kinds == {"case", "party"} and case_id in result.changes.case_ids
    stored = Party.get_by_id(li.id)
    assert (stored.address, stored.phone) == (ADDRESS, "13912345670")  # phone normalised
    assert (stored.case_id, stored.side, stored.position) == (case_id, "respondent",
                                                              li.position)
    event = _events(li.id)[-1]
    assert (event.action, event.detail) == ("update", "联系电话、住址")
    assert "湖二村" not in event.detail and "139" not in event.detail
    assert verify_audit(register.store) == []
    # The 操作记录 shows it.
    assert "修改当事人（联系电话、住址）" in history(register, case_id)
    # Nothing changed → nothing written.
    before = len(_events(li.id))
    unchanged = work.update_party(li.id, replace(work.party_draft(li.id)))
    assert not unchanged.changes and len(_events(li.id)) == before + 1  # the reveal only


def history(register: Register, case_id: str) -> list[str]:
    """The case's 操作记录 lines, as the History tab shows them."""
    return [line.what for line in
            CaseDetailService(register.store, register.actor).load(case_id).history]


def test_a_corrected_name_is_searchable_and_follows_into_title_and_terms(
        register: Register) -> None:
    work, case_id, li = _case(register)
    work.take_step(case_id, Step.NOTIFY_RIGHTS)
    work.add_record(case_id, RecordDraft("mediation", datetime(2026, 11, 3, 9, 30),
                                         body="双方陈述。"))
    work.record_agreement(case_id, AgreementDraft(
        reached_on=date(2026, 11, 5), facts="李明新建房屋屋檐滴水", issues="排水",
        responsibilities="被申请人负主要责任",
        terms=[TermDraft("改建屋檐排水", obligor="李明", obligee="张喆",
                         due_on=date(2026, 12, 1))]))
    draft = work.party_draft(li.id)
    draft.name = "李鸣"
    result = work.update_party(li.id, draft)
    stored = Party.get_by_id(li.id)
    assert stored.name == "李鸣" and "lm" in stored.name_initials.split()
    assert Case.get_by_id(case_id).title == "张喆与李鸣邻里纠纷"
    term = AgreementTerm.get()
    assert (term.obligor, term.obligee) == ("李鸣", "张喆")
    assert any("李明" in w for w in result.warnings)  # the facts still say 李明
    search = SearchService(register.store, register.actor)
    assert {r.case_id for r in search.search("李鸣")} == {case_id}
    assert all(r.field != "party" for r in search.search("李明"))


def test_a_bad_id_number_is_refused_and_nothing_is_written(register: Register) -> None:
    work, _, li = _case(register)
    draft = work.party_draft(li.id)
    events = AuditEvent.select().count()
    version = Party.get_by_id(li.id).row_version
    draft.id_number, draft.address = "360426199101010072", ADDRESS  # wrong check digit
    with pytest.raises(ValidationError) as refused:
        work.update_party(li.id, draft)
    assert [p.field for p in refused.value.problems] == ["当事人 身份证号码"]
    stored = Party.get_by_id(li.id)
    assert (stored.id_number, stored.address, stored.row_version) == (
        "360426199101010071", "", version)
    assert AuditEvent.select().count() == events


def test_a_side_change_may_not_leave_the_case_without_a_respondent(
        register: Register) -> None:
    work, _, li = _case(register)
    draft = work.party_draft(li.id)
    draft.side = "third_party"
    with pytest.raises(ValidationError, match="被申请人"):
        work.update_party(li.id, draft)
    assert Party.get_by_id(li.id).side == "respondent"


def test_an_anonymised_case_refuses_edits(register: Register) -> None:
    work, case_id, li = _case(register)
    draft = work.party_draft(li.id)
    work.take_step(case_id, Step.REFUSE, "被申请人拒绝调解")
    work.take_step(case_id, Step.CLOSE)
    work.take_step(case_id, Step.ARCHIVE)
    archived = Case.get_by_id(case_id).archived_on
    RetentionService(register.store, register.actor).anonymise(
        [case_id], date(archived.year + 11, 1, 1))
    draft.address = ADDRESS
    with pytest.raises(ValidationError, match="已匿名化的卷宗不能修改当事人"):
        work.update_party(li.id, draft)
    with pytest.raises(ValidationError, match="已匿名化"):
        work.party_draft(li.id)
    assert Party.get_by_id(li.id).address == ""
    # The window knows it too: the parties tab's Edit stays off (tests/ui).
    assert CaseDetailService(register.store, register.actor).load(case_id).anonymised


def test_completing_the_address_makes_the_agreement_printable(register: Register) -> None:
    work, case_id, li = _case(register)
    printing = PrintingService(register.store, register.actor)
    missing = {c.kind: c.missing for c in printing.forms(case_id)}
    assert any("李明" in line and "住址" in line for line in missing["application"])
    draft = work.party_draft(li.id)
    draft.address = ADDRESS
    work.update_party(li.id, draft)
    missing = {c.kind: c.missing for c in printing.forms(case_id)}
    assert not any("住址" in line for line in missing["application"]), missing["application"]
