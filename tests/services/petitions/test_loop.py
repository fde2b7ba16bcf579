"""The 接访-研判-督办-反馈 loop through the service on a real register: every route (mediated
as a case, referred, joint handling with a meeting of two departments, answered directly),
the 信访 clock's deadlines, an overdue assignment on 工作台 with the clock pinned, and bad
input refused with nothing written."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from mediation_desk import clock
from mediation_desk.errors import PermissionDenied, ValidationError
from mediation_desk.services.agenda.today import TodayService
from mediation_desk.services.cases.detail import CaseDetailService
from mediation_desk.services.petitions.service import PetitionService
from mediation_desk.services.petitions.types import (
    AnswerDraft,
    MeetingDraft,
    PetitionFilter,
    TaskDraft,
)
from mediation_desk.services.safety.audit_check import verify_audit
from mediation_desk.store.models import Assignment, AuditEvent, Petition
from tests.conftest import Register
from tests.services.petitions.conftest import request_draft


def _counts() -> tuple[int, int, int]:
    return (Petition.select().count(), Assignment.select().count(),
            AuditEvent.select().count())


def test_receiving_numbers_the_request_and_names_earlier_visits(
        petitions: PetitionService) -> None:
    first = petitions.receive(request_draft())
    assert first.number == "（2026）湖头访字第1号"
    assert any("美坂村" in w for w in first.warnings)  # a village new to the list, added
    second = petitions.receive(request_draft(content="再次反映排水沟问题。"))
    assert second.number == "（2026）湖头访字第2号"
    assert any("来访 （2026）湖头访字第1号" in w for w in second.warnings)
    detail = petitions.detail(second.id)
    assert detail.person_id_number == "1101**********002X"
    assert detail.person_phone == "139****5678"
    assert detail.earlier and "第1号" in detail.earlier[0]
    assert petitions.find("2") == second.id
    assert petitions.find("2026-1") == first.id
    assert petitions.find("（2026）湖头访字第1号") == first.id


def test_a_request_answered_directly(petitions: PetitionService) -> None:
    pid = petitions.receive(request_draft(category="社会保障",
                                          content="咨询城乡居民养老保险补缴办法。")).id
    petitions.assess(pid, "answer", "属政策咨询，当场解释即可。")
    petitions.reply(pid, AnswerDraft("已向来访人解释补缴政策并告知办理地点。", "in_person"))
    result = petitions.close(pid, "satisfied")
    assert not result.warnings
    detail = petitions.detail(pid)
    assert (detail.status, detail.satisfaction, detail.closed_on) == (
        "closed", "satisfied", clock.today())
    assert detail.next_steps == ()


def test_a_request_referred_to_a_department_with_the_clock(petitions: PetitionService) -> None:
    pid = petitions.receive(request_draft()).id
    petitions.assess(pid, "refer", "属违法建设，交自然资源所依法处理。", "yellow")
    handled = petitions.assign(pid, "镇自然资源所", responsible="陈建国")
    forwarded = petitions.assign(pid, "镇规划建设办", task="forward")
    detail = petitions.detail(pid)
    by_id = {a.id: a for a in detail.assignments}
    received = date(2026, 12, 1)
    assert by_id[handled.id].due_on == received + timedelta(days=60)
    assert by_id[forwarded.id].due_on == received + timedelta(days=15)
    assert detail.status == "supervising"
    petitions.record_result(handled.id, "已责令黄某拆除占用部分，排水沟已恢复。")
    with pytest.raises(PermissionDenied):  # the head approves an extension (Art 34)
        PetitionService(petitions.store, petitions.actor.__class__(
            "x", "lin", "mediator", "林春梅")).extend(forwarded.id, 10, "需现场核实")
    petitions.extend(forwarded.id, 10, "需会同村委会现场核实")
    assert petitions.detail(pid).assignments[1].due_on == received + timedelta(days=25)
    with pytest.raises(ValidationError, match="只能延长一次"):
        petitions.extend(forwarded.id, 5, "再核实")
    petitions.reply(pid, AnswerDraft("排水沟已恢复，告知如再占用可直接反映。", "phone",
                                     decision="support", facts_reasons="经现场核实属实。",
                                     legal_basis="《中华人民共和国土地管理法》第六十二条"))
    result = petitions.close(pid, "unsatisfied")
    assert any("回访" in w for w in result.warnings)
    detail = petitions.detail(pid)
    assert detail.next_steps == ("return_visit",)
    visit = detail.return_visits[0]
    assert visit.due_on == clock.today() + timedelta(days=7)
    petitions.record_return_visit(visit.id, "回访时排水正常，来访人表示理解。", "basic")
    assert petitions.detail(pid).next_steps == ()
    assert verify_audit(petitions.store) == []


def test_joint_handling_with_a_meeting_of_two_departments(petitions: PetitionService) -> None:
    pid = petitions.receive(request_draft(
        category="物业管理", compound="湖头花园", people_involved=12,
        representatives=["郭秀琴", "苏明华", "王丽"],
        content="小区物业停电停水催缴物业费，业主集体反映。")).id
    petitions.assess(pid, "joint", "涉及物业、供电、住建，需联席处置。", "orange")
    meeting = petitions.hold_meeting(pid, MeetingDraft(
        held_on=date(2026, 12, 3), place="镇综治中心", chaired_by="李副镇长",
        departments=["镇规划建设办", "湖头派出所", "联盟：湖头人民法庭"],
        decisions="物业公司当日恢复供水供电；规划建设办督促物业整改；派出所维护秩序。",
        tasks=[TaskDraft("镇规划建设办", "督促物业公司整改并报告", "王建设", date(2026, 12, 10)),
               TaskDraft("湖头派出所", "现场维护秩序", "郑警官", date(2026, 12, 5))]))
    assert len(meeting.ids) == 2
    detail = petitions.detail(pid)
    assert [a.department for a in detail.assignments] == ["镇规划建设办", "湖头派出所"]
    assert detail.meetings[0].departments == ("镇规划建设办", "湖头派出所", "联盟：湖头人民法庭")
    assert set(detail.meetings[0].task_ids) == set(meeting.ids)
    # 2026-12-07: the police's task (due the 5th) has no reply → overdue, in the list too.
    overdue = petitions.requests(PetitionFilter(overdue=True))
    assert [r.id for r in overdue] == [pid]
    assert overdue[0].assigned_to == ("镇规划建设办", "湖头派出所")
    assert overdue[0].due_on == date(2026, 12, 5)
    rows = petitions.requests(PetitionFilter(department="湖头派出所"))
    assert [r.id for r in rows] == [pid]
    assert petitions.requests(PetitionFilter(compound="湖头花园"))[0].id == pid


def test_an_overdue_assignment_is_red_on_today_with_a_pinned_clock(
        register: Register, petitions: PetitionService) -> None:
    with clock.pinned(date(2026, 11, 2)):
        pid = petitions.receive(request_draft(received_at=datetime(2026, 11, 2, 10, 0))).id
        petitions.assess(pid, "refer", "交司法所调处。")
        aid = petitions.assign(pid, "镇司法所", date(2026, 11, 20)).id
    today = TodayService(register.store, register.actor)
    with clock.pinned(date(2026, 11, 18)):  # due in two days: a reminder, not late
        agenda = today.agenda()
        assert [i.ref_id for i in agenda.petition_due] == [aid]
        assert not agenda.petition_overdue
    with clock.pinned(date(2026, 11, 21)):
        agenda = today.agenda()
        late = agenda.petition_overdue
        assert [i.ref_id for i in late] == [aid] and late[0].urgent
        assert "镇司法所" in late[0].text and "逾期1天" in late[0].text
        petitions.record_result(aid, "已调处，双方达成口头协议。")
        assert not today.agenda().petition_overdue


def test_a_request_mediated_here_becomes_a_case_linked_both_ways(
        register: Register, petitions: PetitionService) -> None:
    pid = petitions.receive(request_draft()).id
    with pytest.raises(ValidationError, match="研判"):
        petitions.to_case(pid)
    petitions.assess(pid, "mediate", "邻里排水纠纷，双方均在本村，适宜调解。", "yellow")
    result = petitions.to_case(pid)
    assert result.number.startswith("（2026）湖头人调字第")
    case = CaseDetailService(register.store, register.actor).load(result.id)
    assert case.source == "来访"
    assert case.dispute_type == "房屋宅基地纠纷"
    assert [p.name for p in case.parties] == ["郭秀琴", "黄文彬"]
    assert "（2026）湖头访字第1号" in case.from_petition
    detail = petitions.detail(pid)
    assert (detail.status, detail.case_id, detail.case_number) == (
        "mediating", result.id, result.number)
    with pytest.raises(ValidationError, match="已转为调解案件"):
        petitions.to_case(pid)
    petitions.reply(pid, AnswerDraft("经调解双方达成协议，排水沟已恢复。", "in_person"))
    petitions.close(pid, "satisfied")


@pytest.mark.parametrize(("call", "field"), [
    (lambda s, pid: s.assign(pid, "镇自然资源所", date(2026, 11, 30)), "办理期限"),
    (lambda s, pid: s.assign(pid, "镇国土局", date(2026, 12, 30)), "承办部门"),
    (lambda s, pid: s.reply(pid, AnswerDraft("   ", "phone")), "答复内容"),
    (lambda s, pid: s.close(pid, "satisfied"), ""),
])
def test_bad_input_is_refused_naming_the_field_and_nothing_is_written(
        petitions: PetitionService, call: object, field: str) -> None:
    pid = petitions.receive(request_draft()).id
    petitions.assess(pid, "refer", "交部门办理。")
    before = _counts()
    with pytest.raises(ValidationError) as refused:
        call(petitions, pid)  # type: ignore[operator]
    problems = refused.value.problems
    assert any(p.field == field for p in problems), problems
    if not field:
        assert "尚未答复" in problems[0].reason
    assert all(p.record == "信访事项（2026）湖头访字第1号" for p in problems)
    assert _counts() == before


def test_a_request_is_refused_whole_with_every_problem(petitions: PetitionService) -> None:
    draft = request_draft(person_id_number="11010519491231002Y", person_phone="12345",
                          content="", representatives=["甲", "乙", "丙", "丁", "戊", "己"],
                          people_involved=8, received_at=datetime(2026, 12, 9, 9, 0))
    with pytest.raises(ValidationError) as refused:
        petitions.receive(draft)
    fields = {p.field for p in refused.value.problems}
    assert {"来访人 身份证号码", "来访人 联系电话", "诉求内容", "代表", "来访时间"} <= fields
    assert Petition.select().count() == 0
