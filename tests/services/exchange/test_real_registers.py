"""Real registers in (issue 10 item 8): old 台账 rows arrive in the state they ended in.

Registers laid out as rooms keep them (tests/services/exchange/registers.py) are imported into
a real encrypted register; each row must arrive closed as succeeded, failed, terminated or
refused on the date the register gives, or — when its outcome cannot be told — marked for
review in one list, never as overdue live work on 工作台 or in the register's overdue filter.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mediation_desk import clock
from mediation_desk.domain.lifecycle import CaseStatus, Step
from mediation_desk.errors import PermissionDenied, ValidationError
from mediation_desk.services.agenda.today import TodayService
from mediation_desk.services.cases.casework import CaseworkService
from mediation_desk.services.cases.detail import CaseDetailService
from mediation_desk.services.cases.intake import IntakeService
from mediation_desk.services.cases.register import CaseFilter, RegisterService
from mediation_desk.services.exchange import report
from mediation_desk.services.exchange.excel_register import read_excel_cases
from mediation_desk.services.exchange.importer import import_cases
from mediation_desk.services.exchange.review import ImportReviewService
from mediation_desk.services.safety.accounts import AccountService, open_register
from mediation_desk.services.safety.audit_check import verify_rows
from mediation_desk.services.shared.actor import Actor
from mediation_desk.services.shared.audit import verify_chain
from mediation_desk.store.models import AuditEvent, Case, CaseArrival, CaseEvent
from tests.conftest import PASSWORD, Register, neighbour_draft
from tests.services.exchange.registers import (
    TODAY,
    Expected,
    one_party_column_register,
    township_register,
    two_row_header_register,
)

LAYOUTS = [township_register, two_row_header_register, one_party_column_register]


@pytest.fixture(autouse=True)
def pinned_today() -> Iterator[None]:
    with clock.pinned(TODAY):
        yield


def _imported(register: Register, path: Path) -> dict[str, Case]:
    result = import_cases(IntakeService(register.store, register.actor), path, TODAY)
    by_source = {reg.source: Case.get_by_id(reg.case_id) for reg in result.cases}
    return {source.rsplit(" ", 1)[-1]: case for source, case in by_source.items()}


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda f: f.__name__)
def test_each_row_arrives_as_it_ended(register: Register, tmp_path: Path, layout: object) -> None:
    path, expected = layout(tmp_path)  # type: ignore[operator]
    cases = _imported(register, path)
    assert sorted(cases) == sorted(e.record for e in expected)
    waiting = {c.case_id for c in CaseArrival.select().where(CaseArrival.review != "")}
    for e in expected:
        case = cases[e.record]
        got = Expected(e.record, case.status, case.outcome, case.closed_on, case.id in waiting)
        assert got == e


def test_township_register_details(register: Register, tmp_path: Path) -> None:
    path, _ = township_register(tmp_path)
    cases = _imported(register, path)
    detail = CaseDetailService(register.store, register.actor)

    success = detail.load(cases["第4行"].id, TODAY)
    assert success.agreement is not None
    # No agreement date in this register: reached on its 结案日期, and the money it counted.
    assert success.agreement.reached_on.isoformat() == "2024-03-20"
    assert [(t.amount_fen, t.obligor) for t in success.agreement.terms] == [(500000, "李明")]
    assert "备注：已履行完毕" in success.summary

    failed = detail.load(cases["第5行"].id, TODAY)
    assert (failed.dispute_type, failed.agreement) == ("损害赔偿纠纷", None)
    assert "调解结果：调解不成功" in failed.summary and "已告知诉讼途径" in failed.summary
    assert failed.days_left is None and failed.closed

    withdrawn = cases["第7行"]
    assert withdrawn.termination_reason == "申请人撤回申请"

    old_agreed = detail.load(cases["第10行"].id, TODAY)
    assert old_agreed.agreement is not None
    assert old_agreed.agreement.reached_on == old_agreed.closed_on == old_agreed.received_on

    live = detail.load(cases["第11行"].id, TODAY)
    assert live.status is CaseStatus.REGISTERED and live.days_left == 23


def test_historical_rows_are_not_overdue_live_work(register: Register, tmp_path: Path) -> None:
    path, expected = township_register(tmp_path)
    _imported(register, path)
    agenda = TodayService(register.store, register.actor).agenda(TODAY)
    assert agenda.deadlines == []  # before: every 2024 row was 已登记 and long overdue
    assert [item.title for item in agenda.imports] == ["2 件导入案件待核对"]
    service = RegisterService(register.store, register.actor)
    assert service.list_summaries(CaseFilter(overdue_on=TODAY)) == []
    waiting = service.list_summaries(CaseFilter(to_review=True))
    assert sorted(r["received_on"] for r in waiting) == ["2024-07-08", "2024-08-01"]
    assert [e.record for e in expected if e.to_review] == ["第8行", "第9行"]
    reasons = ImportReviewService(register.store, register.actor).pending()
    assert [r.reasons for r in reasons] == [
        ["调解结果为“处理中”，调解期限（2024-08-07）已过，请核对是否已结案"],
        ["没有调解结果，调解期限（2024-08-31）已过，请核对是否已结案"]]


def test_the_report_says_what_was_assumed(register: Register, tmp_path: Path) -> None:
    path, _ = two_row_header_register(tmp_path)
    result = import_cases(IntakeService(register.store, register.actor), path, TODAY)
    lines = report.report_lines(result.cases)
    assert lines[0] == "已导入 3 件：已登记 1 件，已结案 2 件（调解成功 1、调解不成功 1）"
    assert "协议达成日期取自“调解日期”（台账没有协议日期）：1 件（第3行）" in lines
    assert "结案日期按协议达成日期记（台账没有结案日期）：1 件（第3行）" in lines
    assert "结案日期取自“调解日期”（台账没有结案日期）：1 件（第4行）" in lines
    assert lines[-2:] == ["1 件导入案件待核对（调解结果或日期不明，未计入超期案件）：",
                          "  第5行 （2023）湖头人调字第3号：调解结果“部分达成”无法识别，请核对"]
    # The arrival is recorded on the case: its step, the audit event and what was assumed.
    case_id = result.cases[0].case_id
    (event,) = CaseEvent.select().where(CaseEvent.case == case_id)
    assert (event.step, event.from_status, event.to_status) == ("register", "", "closed")
    assert event.reason.startswith("导入自两行表头.xlsx 第3行；状态：已结案；结果：调解成功；"
                                   "结案日期：2023-11-06")
    assert AuditEvent.select().where(AuditEvent.action == "import").count() == 3
    history = CaseDetailService(register.store, register.actor).load(case_id, TODAY).history
    assert any(line.what.startswith("受理登记：导入自两行表头.xlsx") for line in history)


def test_one_party_column_is_split_into_sides(tmp_path: Path) -> None:
    path, _ = one_party_column_register(tmp_path)
    (first, second), _, problems = read_excel_cases(path)
    assert problems == []
    assert [(p.side, p.name) for p in first.parties] == [("applicant", "郑国华"),
                                                         ("respondent", "郑国强")]
    assert [(p.side, p.name) for p in second.parties] == [
        ("applicant", "蔡明亮"), ("respondent", "蔡明清"), ("respondent", "蔡明华")]
    assert second.arrival is not None
    assert second.arrival.read_notes == [
        "“当事人”一栏未分申请人和被申请人：第一位记为申请人，其余记为被申请人"]


def test_a_bad_row_still_refuses_the_whole_register(register: Register, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path, _ = township_register(tmp_path)
    wb = load_workbook(path)
    ws = wb.active
    assert ws is not None
    ws["H5"] = "2023-01-01"  # closed before it was received
    ws["H6"] = "2099-01-01"  # closed in the future
    wb.save(path)
    with pytest.raises(ValidationError) as refused:
        import_cases(IntakeService(register.store, register.actor), path, TODAY)
    assert [str(p) for p in refused.value.problems] == [
        "第5行 结案日期 早于受理日期", "第6行 结案日期 不能晚于今天"]
    assert Case.select().count() == 0 and CaseArrival.select().count() == 0


def test_review_confirms_or_records_the_real_ending(register: Register, tmp_path: Path) -> None:
    path, _ = township_register(tmp_path)
    cases = _imported(register, path)
    AccountService(register.store, register.actor).add("tjy", "mediator", PASSWORD, "陈志强")
    mediator = Actor(register.actor.account_id, "tjy", "mediator", "陈志强")
    as_mediator = ImportReviewService(register.store, mediator)
    with pytest.raises(PermissionDenied):
        as_mediator.resolve(cases["第8行"].id, ending="failure", closed_on=TODAY)
    service = ImportReviewService(register.store, register.actor)
    with pytest.raises(ValidationError, match="早于受理日期"):
        service.resolve(cases["第8行"].id, ending="failure", closed_on=TODAY.replace(year=2023))
    result = service.resolve(cases["第8行"].id, ending="failure",
                             closed_on=TODAY.replace(year=2024, month=8, day=30),
                             note="翻阅纸质卷宗：调解不成功")
    assert result.status == "closed" and "case" in result.changes.kinds
    closed = Case.get_by_id(cases["第8行"].id)
    assert (closed.outcome, closed.closed_on.isoformat()) == ("failure", "2024-08-30")
    step = CaseEvent.get(CaseEvent.case == closed, CaseEvent.step == "review")
    assert (step.from_status, step.to_status) == ("registered", "closed")
    # A mediator may confirm a case as it is: it then counts as the live (overdue) work it is.
    as_mediator.resolve(cases["第9行"].id, note="当事人仍在协商")
    assert as_mediator.count() == 0
    agenda = TodayService(register.store, register.actor).agenda(TODAY)
    assert [i.case_id for i in agenda.deadlines] == [cases["第9行"].id]
    assert agenda.imports == []
    with pytest.raises(ValidationError, match="没有待核对"):
        service.resolve(cases["第9行"].id)
    assert (verify_rows(), verify_chain()) == (None, None)


def test_cases_registered_now_keep_the_lifecycle(register: Register, tmp_path: Path) -> None:
    """Arrival is import's path only: a case typed at the desk is 已登记 and must still be
    notified before it can be agreed or closed."""
    path, _ = township_register(tmp_path)
    _imported(register, path)
    reg = IntakeService(register.store, register.actor).register(
        neighbour_draft(received_on=TODAY), TODAY).cases[0]
    assert (reg.status, reg.source, reg.inferred) == ("registered", "", [])
    assert not CaseArrival.select().where(CaseArrival.case == reg.case_id).exists()
    work = CaseworkService(register.store, register.actor)
    with pytest.raises(ValidationError, match="不能“结案”"):
        work.take_step(reg.case_id, Step.CLOSE)
    assert work.take_step(reg.case_id, Step.NOTIFY_RIGHTS).status is CaseStatus.NOTIFIED


def test_imported_by_a_director_the_review_reaches_every_account(register: Register,
                                                                 tmp_path: Path) -> None:
    """The list is the register's, not the importing account's."""
    AccountService(register.store, register.actor).add("guo", "director", PASSWORD, "郭主任")
    path, _ = township_register(tmp_path)
    _imported(register, path)
    register.store.close()
    store, director = open_register(register.path, "guo", PASSWORD)
    try:
        assert ImportReviewService(store, director).count() == 2
    finally:
        store.close()
    register.store, register.actor = open_register(register.path, "admin", PASSWORD)


def test_a_recent_success_stays_open_for_its_follow_up(register: Register,
                                                      tmp_path: Path) -> None:
    """调解成功 four weeks ago without a 结案日期: agreed, in its judicial-confirmation window,
    not closed — the room is still following it (and its terms are not in the register)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["受理日期", "申请人", "被申请人", "纠纷类型", "调解结果", "调解日期"])
    ws.append(["2026-11-05", "张喆", "李明", "邻里纠纷", "调解成功", "2026-11-08"])
    path = tmp_path / "近期.xlsx"
    wb.save(path)
    case = _imported(register, path)["第2行"]
    assert (case.status, case.outcome, case.closed_on) == ("agreed", "success", None)
    detail = CaseDetailService(register.store, register.actor).load(case.id, TODAY)
    assert detail.agreement is not None and detail.agreement.terms == []
    assert detail.agreement.reached_on.isoformat() == "2026-11-08"
    agenda = TodayService(register.store, register.actor).agenda(TODAY)
    assert [i.case_id for i in agenda.confirmations] == [case.id]
    assert agenda.deadlines == [] and agenda.imports == []
