"""Correcting a case's own fields, and the history that explains every edit (issue 16)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime

import pytest

from mediation_desk import clock
from mediation_desk.domain.lifecycle import Step
from mediation_desk.errors import NotFound, ValidationError
from mediation_desk.services.cases.case_edit import CaseEditService
from mediation_desk.services.cases.casework import CaseworkService
from mediation_desk.services.cases.detail import CaseDetailService
from mediation_desk.services.cases.drafts import AgreementDraft, RecordDraft, TermDraft
from mediation_desk.services.cases.history import as_rows
from mediation_desk.services.cases.intake import IntakeService
from mediation_desk.services.cases.number_lookup import find_case
from mediation_desk.services.cases.search import SearchService
from mediation_desk.services.safety.audit_check import verify_audit
from mediation_desk.services.safety.retention import REMOVED, RetentionService
from mediation_desk.services.settings.service import SettingsService
from mediation_desk.store.models import AuditEvent, Case, FieldChange, Party
from tests.conftest import Register, neighbour_draft


@pytest.fixture(autouse=True)
def day() -> Iterator[None]:
    with clock.pinned(datetime(2026, 12, 5, 10, 30)):
        yield


def _case(register: Register) -> str:
    return IntakeService(register.store, register.actor).register(
        neighbour_draft(amount_fen=500000, people_involved=2)).cases[0].case_id


def _history(register: Register, case_id: str) -> list[dict[str, str]]:
    return as_rows(CaseDetailService(register.store, register.actor).load(case_id).history)


def test_a_correction_records_each_field_before_and_after(register: Register) -> None:
    case_id = _case(register)
    edit = CaseEditService(register.store, register.actor)
    assert edit.values(case_id)["amount_involved"] == "5000.00"
    events = AuditEvent.select().count()
    result = edit.correct(case_id, {"summary": "屋檐滴水，院墙受损。", "risk_level": "红",
                                    "amount_involved": "12,000", "people_involved": "6",
                                    "group_dispute": "是", "village": "湖一村",
                                    "title": "张喆与李明邻里纠纷"})  # title unchanged
    assert [c.field for c in result.fields] == ["summary", "village", "risk_level",
                                                "amount_involved", "people_involved",
                                                "group_dispute"]
    assert result.changes.case_ids == {case_id}
    case = Case.get_by_id(case_id)
    assert (case.risk_level, case.amount_fen, case.people_involved, case.group_dispute) == (
        "red", 1200000, 6, True)
    assert AuditEvent.select().count() == events + 1  # one edit, one event
    rows = [r for r in _history(register, case_id) if r["action"] == "修改案件信息"]
    assert [(r["field"], r["before"], r["after"]) for r in rows] == [
        ("summary", neighbour_draft().summary, "屋檐滴水，院墙受损。"),
        ("village", "湖二村", "湖一村"),
        ("risk_level", "蓝", "红"),
        ("amount_involved", "5000.00元", "12000.00元"),
        ("people_involved", "2", "6"),
        ("group_dispute", "否", "是"),
    ]
    assert {r["user"] for r in rows} == {"admin"} and all(r["device"] for r in rows)
    assert rows[0]["at"].startswith("2026-12-05T10:30")
    assert verify_audit(register.store) == []
    # The summary is searchable as corrected.
    hits = SearchService(register.store, register.actor).search("院墙受损")
    assert [h.case_id for h in hits] == [case_id]
    # Nothing changed → nothing written.
    again = edit.correct(case_id, {"risk_level": "red"})
    assert not again.changes and again.fields == []
    assert AuditEvent.select().count() == events + 1


def test_bad_fields_and_values_are_all_named_and_nothing_is_written(register: Register) -> None:
    case_id = _case(register)
    number = Case.get_by_id(case_id).number
    edit = CaseEditService(register.store, register.actor)
    events = AuditEvent.select().count()
    with pytest.raises(ValidationError) as refused:
        edit.correct(case_id, {"summary": "新的", "status": "closed", "colour": "red"})
    assert [(p.record, p.field) for p in refused.value.problems] == [
        (f"案件{number}", "status"), (f"案件{number}", "colour")]
    with pytest.raises(ValidationError) as refused:
        edit.correct(case_id, {"title": " ", "risk_level": "purple", "amount_involved": "-5",
                               "people_involved": "三", "group_dispute": "也许",
                               "dispute_type": "吵架纠纷", "village": "湖二材",
                               "summary": "不会写入"})
    fields = [p.field for p in refused.value.problems]
    assert fields == ["案件名称", "风险等级", "涉及金额", "涉及人数", "群体性纠纷", "纠纷类型",
                      "村（社区）"]
    assert "湖二材" in str(refused.value) and "吵架纠纷" in str(refused.value)
    assert Case.get_by_id(case_id).summary == neighbour_draft().summary
    assert AuditEvent.select().count() == events and FieldChange.select().count() == 0
    with pytest.raises(NotFound):
        edit.correct("no-such-case", {"summary": "x"})


def test_an_archived_file_is_not_corrected(register: Register) -> None:
    case_id = _case(register)
    work = CaseworkService(register.store, register.actor)
    work.take_step(case_id, Step.REFUSE, "被申请人拒绝调解")
    work.take_step(case_id, Step.CLOSE)
    work.take_step(case_id, Step.ARCHIVE)
    with pytest.raises(ValidationError, match="已归档"):
        CaseEditService(register.store, register.actor).correct(case_id, {"summary": "x"})


def test_party_and_agreement_edits_show_before_and_after_masked(register: Register) -> None:
    case_id = _case(register)
    work = CaseworkService(register.store, register.actor)
    li = Party.get(Party.case == case_id, Party.side == "respondent")
    draft = work.party_draft(li.id)
    draft.phone, draft.id_number = "13912345670", "120103198806018241"
    draft.gender, draft.birth_date = "", None  # follow the new ID number
    work.update_party(li.id, draft)
    rows = [r for r in _history(register, case_id) if r["action"] == "修改当事人"]
    by_field = {r["field"]: r for r in rows}
    assert by_field["phone"]["before"] == "0595-****6789"
    assert by_field["phone"]["after"] == "139****5670"
    assert by_field["id_number"]["before"] == "3604**********0071"
    assert by_field["id_number"]["after"] == "1201**********8241"
    assert by_field["phone"]["record"] == "当事人 李明"
    stored = " ".join(f"{c.before} {c.after}" for c in FieldChange.select())
    assert "360426199101010071" not in stored and "13912345670" not in stored

    work.take_step(case_id, Step.NOTIFY_RIGHTS)
    work.add_record(case_id, RecordDraft("mediation", datetime(2026, 11, 3, 9, 30),
                                         body="双方陈述。"))
    agreed = AgreementDraft(reached_on=date(2026, 11, 5), facts="滴水", issues="排水",
                            responsibilities="李明", terms=[
                                TermDraft("李明赔偿张喆修复费", obligor="李明", obligee="张喆",
                                          amount_fen=300000, due_on=date(2026, 12, 1)),
                                TermDraft("李明改建屋檐排水", obligor="李明")])
    work.record_agreement(case_id, agreed)
    corrected = replace(agreed, issues="排水及修复费", terms=[
        replace(agreed.terms[0], amount_fen=350000, due_on=date(2026, 12, 20)),
        TermDraft("李明三日内改建屋檐排水", obligor="李明")])
    work.update_agreement(case_id, corrected)
    rows = _history(register, case_id)
    term_rows = [(r["record"], r["field"], r["before"], r["after"])
                 for r in rows if r["action"] == "修改协议条款"]
    assert ("协议第1条", "amount_fen", "3000.00元", "3500.00元") in term_rows
    assert ("协议第1条", "due_on", "2026-12-01", "2026-12-20") in term_rows
    assert ("协议", "issues", "排水", "排水及修复费") in [
        (r["record"], r["field"], r["before"], r["after"]) for r in rows
        if r["action"] == "修改协议"]
    # The reworded term 2 is a new obligation: the old wording removed, the new one added.
    assert ("原协议第2条", "text", "李明改建屋檐排水", "") in [
        (r["record"], r["field"], r["before"], r["after"]) for r in rows
        if r["action"] == "删除协议条款"]
    assert ("协议第2条", "text", "", "李明三日内改建屋檐排水") in [
        (r["record"], r["field"], r["before"], r["after"]) for r in rows
        if r["action"] == "添加协议条款"]
    # The mediators chosen at intake read as 指定调解员, not 新建调解员.
    actions = [r["action"] for r in rows]
    assert actions.count("指定调解员") == 2 and "新建调解员" not in actions
    steps = [(r["action"], r["before"], r["after"]) for r in rows if r["field"] == "status"]
    assert ("告知权利义务", "已登记", "已告知权利义务") in steps
    assert [r["at"] for r in rows] == sorted(r["at"] for r in rows)  # oldest first


def test_settings_and_deadline_changes_keep_before_and_after(register: Register) -> None:
    case_id = _case(register)
    settings = SettingsService(register.store, register.actor)
    settings.update_room(replace(settings.room(), mediation_days=45))
    change = FieldChange.get(FieldChange.field == "mediation_days")
    assert (change.label, change.before, change.after) == ("调解期限（天）", "30", "45")
    CaseworkService(register.store, register.actor).extend(case_id, 15, "双方同意延长")
    [row] = [r for r in _history(register, case_id) if r["field"] == "deadline_on"]
    assert row["action"] == "延长调解期限" and row["before"] < row["after"]
    assert row["detail"] == "15天：双方同意延长"


def test_retention_clears_the_history_values_but_keeps_figures(register: Register) -> None:
    case_id = _case(register)
    edit = CaseEditService(register.store, register.actor)
    edit.correct(case_id, {"summary": "张喆家院墙受损", "risk_level": "yellow"})
    work = CaseworkService(register.store, register.actor)
    work.take_step(case_id, Step.REFUSE, "被申请人拒绝调解")
    work.take_step(case_id, Step.CLOSE)
    work.take_step(case_id, Step.ARCHIVE)
    RetentionService(register.store, register.actor).anonymise([case_id], date(2040, 1, 1))
    values = {c.field: (c.before, c.after) for c in FieldChange.select()
              .where(FieldChange.case_id == case_id)}
    assert values["summary"] == (REMOVED, REMOVED)
    assert values["risk_level"] == ("蓝", "黄")
    assert verify_audit(register.store) == []


def test_short_case_numbers_find_this_years_and_that_years_case(register: Register) -> None:
    intake = IntakeService(register.store, register.actor)
    first = intake.register(neighbour_draft()).cases[0]
    old = intake.register(neighbour_draft(received_on=date(2025, 3, 1))).cases[0]
    assert old.number == "（2025）湖头人调字第1号"
    assert find_case("1").id == first.case_id  # the clock says 2026
    assert find_case("2026-1").id == first.case_id
    assert find_case("2025-1").id == old.case_id
    assert find_case("2025年1号").id == old.case_id
    assert find_case("（2025）湖头人调字第1号").id == old.case_id
    assert find_case("(2025)湖头人调字第1号").id == old.case_id  # half-width brackets
    assert find_case("１").id == first.case_id  # full-width digit from an IME
    assert find_case("1", today=date(2025, 6, 1)).id == old.case_id
    for missing in ("2", "2024-1", "湖头", ""):
        with pytest.raises(NotFound, match="2026-82"):
            find_case(missing)


def test_a_case_names_its_compound_and_the_compound_history_lists_it(
        register: Register) -> None:
    from mediation_desk.services.petitions.service import PetitionService
    from mediation_desk.store.models import Compound

    case_id = _case(register)
    compound = Compound.create(name="湖头花园")
    edit = CaseEditService(register.store, register.actor)
    assert edit.values(case_id)["compound"] == ""
    result = edit.correct(case_id, {"compound": "湖头花园"})
    assert [(c.field, c.label, c.before, c.after) for c in result.fields] == [
        ("compound", "小区", "", "湖头花园")]
    assert "compound" in result.changes.kinds
    assert Case.get_by_id(case_id).compound_id == compound.id
    assert edit.values(case_id)["compound"] == "湖头花园"
    assert CaseDetailService(register.store, register.actor).load(case_id).compound == "湖头花园"
    lines = PetitionService(register.store, register.actor).compound_history(compound.id)
    assert [(line.kind, line.id) for line in lines] == [("case", case_id)]
    # An unknown compound is refused by name, nothing written; empty clears it.
    events = AuditEvent.select().count()
    with pytest.raises(ValidationError) as caught:
        edit.correct(case_id, {"compound": "湖头花苑", "people_involved": "3"})
    assert [(p.field, "湖头花苑" in p.reason) for p in caught.value.problems] == [("小区", True)]
    assert AuditEvent.select().count() == events
    assert Case.get_by_id(case_id).people_involved == 2
    edit.correct(case_id, {"compound": ""})
    assert Case.get_by_id(case_id).compound_id is None
    assert PetitionService(register.store, register.actor).compound_history(compound.id) == []
