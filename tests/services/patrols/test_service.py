"""Screening patrols against a real encrypted register: plans, the calendar, visits, findings,
finding → case, counts and the exports."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from icalendar import Calendar

from mediation_desk import clock
from mediation_desk.errors import PermissionDenied, ValidationError
from mediation_desk.services.patrols.risk_levels import PatrolSettingsService, RiskLevelSetting
from mediation_desk.services.patrols.service import (
    FindingDraft,
    FindingFilter,
    PatrolService,
    PlanDraft,
    TeamMember,
    VisitDraft,
)
from mediation_desk.services.shared import audit
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.models import (
    AuditEvent,
    Case,
    Escalation,
    Finding,
    PatrolChange,
    PatrolPlan,
    PatrolVisit,
    Village,
)
from tests.conftest import Register

START = date(2026, 10, 1)  # a Thursday; the clock of these tests is later than November 2026
TABLES = (PatrolPlan, PatrolChange, PatrolVisit, Finding, Escalation, Case, Village, AuditEvent)


def counts() -> dict[str, int]:
    return {t.__name__: t.select().count() for t in TABLES}


def refused(action: Callable[[], Any], *reasons: str) -> ValidationError:
    """``action`` is refused naming every reason, and writes nothing."""
    before = counts()
    with pytest.raises(ValidationError) as info:
        action()
    text = str(info.value)
    for reason in reasons:
        assert reason in text, text
    assert counts() == before
    return info.value


def plan_draft(**overrides: Any) -> PlanDraft:
    draft = PlanDraft(title="湖二村定期排查", villages=["湖二村"],
                      team=[TeamMember("林春梅", "lead"), TeamMember("陈志强")],
                      starts_on=START, until=date(2027, 3, 31), time="09:00",
                      duration_minutes=180, rule="FREQ=DAILY;INTERVAL=10",
                      focus=["山林土地", "农村建房"])
    for key, value in overrides.items():
        setattr(draft, key, value)
    return draft


def orange_finding(**overrides: Any) -> FindingDraft:
    f = FindingDraft(summary="张三与李四因山林界址不清多次争吵", parties="张三与李四",
                     dispute_type="山林土地纠纷", people_involved=2, amount="3,000",
                     risk_level="orange", responsible="林春梅")
    for key, value in overrides.items():
        setattr(f, key, value)
    return f


@pytest.fixture
def patrols(register: Register) -> PatrolService:
    return PatrolService(register.store, register.actor)


@pytest.fixture
def plan_id(patrols: PatrolService) -> str:
    return patrols.add_plan(plan_draft()).id


# -- plans -----------------------------------------------------------------------------------
def test_a_plan_and_its_schedule(patrols: PatrolService, plan_id: str) -> None:
    view = patrols.plan(plan_id)
    assert view.rule_text == "每10天" and view.lead == "林春梅"
    assert view.villages == ("湖二村",) and view.focus == ("山林土地", "农村建房")
    assert patrols.plan_by_title("湖二村定期排查").id == plan_id
    occ = patrols.schedule(date(2026, 10, 1), date(2026, 10, 31), today=date(2026, 10, 11))
    assert [(o.on, o.mark) for o in occ] == [
        (date(2026, 10, 1), "missed"), (date(2026, 10, 11), "due"),
        (date(2026, 10, 21), "upcoming"), (date(2026, 10, 31), "upcoming")]
    assert occ[0].team == ("林春梅", "陈志强") and occ[0].kind == "planned"
    assert occ[0].original_on is None and occ[0].duration_minutes == 180


@pytest.mark.parametrize(("overrides", "reasons"), [
    ({"rule": "FREQ=DAILY;INTERVAL=0"}, ["排查周期（RRULE）", "INTERVAL 应为正整数"]),
    ({"rule": "FREQ=SOMETIMES"}, ["FREQ 应为"]),
    ({"until": date(2026, 9, 1)}, ["结束日期", "早于开始日期"]),
    ({"team": [TeamMember("林春梅", "lead"), TeamMember("陈志强", "lead")]}, ["只能有一名负责人"]),
    ({"villages": []}, ["村（社区）"]),
    ({"time": "25:00", "title": " "}, ["时间格式", "计划名称 不能为空"]),
    ({"duration_minutes": 0}, ["时长"]),
])
def test_bad_plans_are_refused_with_reasons(patrols: PatrolService,
                                            overrides: dict[str, Any],
                                            reasons: list[str]) -> None:
    refused(lambda: patrols.add_plan(plan_draft(**overrides)), *reasons)


def test_duplicate_title_refused_and_first_member_leads_when_none_named(
        patrols: PatrolService, plan_id: str) -> None:
    refused(lambda: patrols.add_plan(plan_draft()), "已有名为“湖二村定期排查”的排查计划")
    other = patrols.add_plan(plan_draft(title="郭埔村排查", villages=["郭埔村"], time="15:00",
                                        team=[TeamMember("黄秀英"), TeamMember("苏文彬")]))
    assert patrols.plan(other.id).lead == "黄秀英"


def test_new_villages_are_added_and_named(patrols: PatrolService) -> None:
    result = patrols.add_plan(plan_draft(villages=["湖二村", "湖二材"]))
    assert result.warnings == ["新增村（社区）：湖二材，请核对是否笔误"]
    assert Village.get_or_none(Village.name == "湖二材") is not None
    assert "village" in result.changes.kinds and "patrol" in result.changes.kinds


def test_double_booking_is_warned(patrols: PatrolService, plan_id: str) -> None:
    # 林春梅 leads the 10-day patrol 09:00–12:00 (…11-10, 12-10…); a monthly sweep at 10:00
    # on the 10th overlaps it.
    result = patrols.add_plan(plan_draft(
        title="全镇月度排查", villages=["湖三村"], time="10:00", duration_minutes=120,
        rule="FREQ=MONTHLY;BYMONTHDAY=10", until=date(2026, 12, 31),
        starts_on=date(2026, 11, 1),
        team=[TeamMember("李振南", "lead"), TeamMember("林春梅")]))
    assert len(result.warnings) == 1
    warning = result.warnings[0]
    assert "林春梅" in warning and "全镇月度排查" in warning and "湖二村定期排查" in warning
    assert "2026-11-10 等2次" in warning  # 11-10 and 12-10
    assert "陈志强" not in warning  # he is not on the sweep
    found = patrols.double_bookings(date(2026, 12, 1), date(2026, 12, 31))
    assert len(found) == 1 and "林春梅" in found[0] and "2026-12-10" in found[0]
    # Not at overlapping times: no warning.
    later = patrols.add_plan(plan_draft(
        title="下午排查", villages=["湖三村"], time="12:00", duration_minutes=60,
        rule="FREQ=MONTHLY;BYMONTHDAY=10", until=date(2026, 12, 31),
        starts_on=date(2026, 11, 1), team=[TeamMember("林春梅", "lead")]))
    assert later.warnings == []
    assert PatrolPlan.select().count() == 3  # warnings, not refusals


def test_plan_warnings_come_before_saving_and_write_nothing(patrols: PatrolService,
                                                            plan_id: str) -> None:
    draft = plan_draft(
        title="全镇月度排查", villages=["湖三村", "湖二材"], time="10:00", duration_minutes=120,
        rule="FREQ=MONTHLY;BYMONTHDAY=10", until=date(2026, 12, 31),
        starts_on=date(2026, 11, 1), team=[TeamMember("李振南", "lead"), TeamMember("林春梅")])
    before = counts()
    warnings = patrols.plan_warnings(draft)
    assert counts() == before  # nothing written, not even the new village
    assert len(warnings) == 2 and "林春梅" in warnings[0]
    assert warnings[1] == "新增村（社区）：湖二材，请核对是否笔误"
    assert patrols.add_plan(draft).warnings == warnings  # the same words after saving
    # Editing the saved plan does not clash with itself; the village is now known.
    saved = patrols.plan_by_title("全镇月度排查")
    assert patrols.plan_warnings(draft, saved.id) == warnings[:1]
    refused(lambda: patrols.plan_warnings(plan_draft(rule="FREQ=SOMETIMES")), "RRULE")


def test_update_and_end_a_plan(patrols: PatrolService, plan_id: str) -> None:
    patrols.update_plan(plan_id, plan_draft(rule="FREQ=WEEKLY;BYDAY=TU", time="14:00"))
    view = patrols.plan(plan_id)
    assert view.rule_text == "每周二" and view.time == "14:00"
    patrols.end_plan(plan_id, date(2026, 10, 20))
    assert patrols.plan(plan_id).until == date(2026, 10, 20)
    assert patrols.plans() == [] and len(patrols.plans(active_only=False)) == 1
    days = [o.on for o in patrols.schedule(date(2026, 10, 1), date(2026, 12, 31))]
    assert days == [date(2026, 10, 6), date(2026, 10, 13), date(2026, 10, 20)]


# -- exceptions ------------------------------------------------------------------------------
def test_cancel_move_and_extra(patrols: PatrolService, plan_id: str) -> None:
    patrols.cancel_occurrence(plan_id, date(2026, 10, 11), "台风天气")
    moved = patrols.move_occurrence(plan_id, date(2026, 10, 21), date(2026, 10, 23), "14:00",
                                    "村里办大事")
    patrols.add_extra(plan_id, date(2026, 10, 28), "15:30", "国庆后专项排查")
    occ = patrols.schedule(date(2026, 10, 1), date(2026, 10, 31), today=date(2026, 10, 5))
    assert [(o.on, o.time, o.kind, o.mark) for o in occ] == [
        (date(2026, 10, 1), "09:00", "planned", "missed"),
        (date(2026, 10, 11), "09:00", "planned", "cancelled"),
        (date(2026, 10, 23), "14:00", "moved", "upcoming"),
        (date(2026, 10, 28), "15:30", "extra", "upcoming"),
        (date(2026, 10, 31), "09:00", "planned", "upcoming")]
    assert occ[2].original_on == date(2026, 10, 21)
    # Moving a moved occurrence updates the same exception; cancelling it turns it into one.
    again = patrols.move_occurrence(plan_id, date(2026, 10, 23), date(2026, 10, 24), "",
                                    "再次改期")
    assert again.id == moved.id
    patrols.cancel_occurrence(plan_id, date(2026, 10, 24), "取消")
    marks = {o.on: o.mark for o in patrols.schedule(date(2026, 10, 1), date(2026, 10, 31))}
    assert marks[date(2026, 10, 21)] == "cancelled" and date(2026, 10, 24) not in marks
    refused(lambda: patrols.cancel_occurrence(plan_id, date(2026, 10, 12), "x"), "没有安排排查")
    refused(lambda: patrols.cancel_occurrence(plan_id, date(2026, 10, 11), "x"), "已经取消")
    refused(lambda: patrols.cancel_occurrence(plan_id, date(2026, 10, 31), " "), "取消原因 不能为空")


def test_an_occurrence_with_a_visit_cannot_be_cancelled_or_moved(
        patrols: PatrolService, plan_id: str) -> None:
    patrols.record_visit(VisitDraft(plan_id, None, date(2026, 10, 1), "湖二村", []))
    refused(lambda: patrols.cancel_occurrence(plan_id, date(2026, 10, 1), "x"), "已有记录")
    refused(lambda: patrols.move_occurrence(plan_id, date(2026, 10, 1), date(2026, 10, 2),
                                            "09:00", "x"), "已有记录")


# -- visits ------------------------------------------------------------------------------------
def test_visit_with_a_finding_and_a_zero_report(patrols: PatrolService, plan_id: str) -> None:
    result = patrols.record_visit(VisitDraft(
        plan_id, None, date(2026, 10, 11), "湖二村", ["林春梅", "陈志强"], places="3组、5组",
        households_visited=14,
        findings=[orange_finding(escalated_to="湖头镇司法所"),
                  FindingDraft("王五家犬咬伤邻居鸡鸭", risk_level="blue",
                               measure="mediated_on_site", result="当场赔偿200元")]))
    assert len(result.finding_ids) == 2 and result.warnings == []
    visit = patrols.visit(result.id)
    assert visit.plan_title == "湖二村定期排查" and visit.occurrence_on == date(2026, 10, 11)
    assert not visit.zero_report and visit.households_visited == 14
    orange, blue = visit.findings
    assert orange.due_on == date(2026, 10, 14)  # orange: 72 hours
    assert orange.amount_fen == 300000 and orange.risk_label == "橙"
    assert [e.target for e in orange.escalations] == ["湖头镇司法所"]
    assert blue.status == "resolved" and blue.resolved_on == date(2026, 10, 11)
    assert blue.due_on == date(2026, 11, 10)  # blue: 720 hours

    zero = patrols.record_visit(VisitDraft(plan_id, None, date(2026, 10, 21), "湖二村", [],
                                           zero_report=True, households_visited=9))
    assert patrols.visit(zero.id).team == ("林春梅", "陈志强")  # the plan's team by default
    marks = {o.on: (o.mark, o.visit_ids) for o in
             patrols.schedule(date(2026, 10, 1), date(2026, 10, 31), date(2026, 10, 25))}
    assert marks[date(2026, 10, 11)] == ("done", (result.id,))
    assert marks[date(2026, 10, 21)] == ("zero", (zero.id,))
    assert marks[date(2026, 10, 1)] == ("missed", ())
    assert [v.id for v in patrols.visits(date(2026, 10, 1), date(2026, 10, 31))] == [
        result.id, zero.id]
    assert audit.verify_chain() is None


def test_bad_visits_write_nothing(patrols: PatrolService, plan_id: str) -> None:
    refused(lambda: patrols.record_visit(VisitDraft(plan_id, None, date(2026, 10, 12), "湖二村",
                                                    [])), "2026-10-12 没有安排排查", "临时排查")
    refused(lambda: patrols.record_visit(VisitDraft(
        plan_id, None, date(2026, 10, 11), "湖二村", [],
        findings=[orange_finding(), orange_finding(risk_level="")])),
        "发现[2] 风险等级 不能为空")
    refused(lambda: patrols.record_visit(VisitDraft(
        plan_id, None, date(2026, 10, 11), "湖二村", [], zero_report=True,
        findings=[orange_finding()])), "零报告不能同时填写排查发现")
    refused(lambda: patrols.record_visit(VisitDraft(
        None, None, date(2026, 10, 12), "湖二村", ["林春梅"])), "临时排查")
    refused(lambda: patrols.record_visit(VisitDraft(
        plan_id, None, date(2026, 10, 11), "新村甲", [],
        findings=[orange_finding(amount="12,50", risk_level="purple")])),
        "涉及金额", "风险等级 应为")
    refused(lambda: patrols.record_visit(VisitDraft(
        plan_id, None, clock.today() + timedelta(days=1), "湖二村", [], ad_hoc=True)),
        "不能晚于今天")
    patrols.record_visit(VisitDraft(plan_id, None, date(2026, 10, 11), "湖二村", []))
    refused(lambda: patrols.record_visit(VisitDraft(plan_id, None, date(2026, 10, 11), "湖二村",
                                                    [])), "已有记录")


def test_ad_hoc_visit_and_a_village_outside_the_plan(patrols: PatrolService,
                                                     plan_id: str) -> None:
    result = patrols.record_visit(VisitDraft(None, None, date(2026, 10, 12), "湖二材",
                                             ["林春梅"], ad_hoc=True,
                                             findings=[orange_finding()]))
    assert result.warnings == ["新增村（社区）：湖二材，请核对是否笔误"]
    assert patrols.visit(result.id).plan_id is None
    other = patrols.record_visit(VisitDraft(plan_id, None, date(2026, 10, 1), "郭埔村", []))
    assert other.warnings == ["郭埔村不在计划“湖二村定期排查”的排查范围内"]


def test_import_documents_name_every_problem(patrols: PatrolService) -> None:
    refused(lambda: patrols.import_plan({
        "format": "mediation-desk/patrol-plan@1", "title": "x", "villages": "湖二村",
        "team": [{"name": "林春梅", "role": "lead"}], "starts_on": "2026-13-01",
        "rule": "FREQ=DAILY"}),
        "村（社区）（villages） 应为文字列表", "开始日期（starts_on） 日期格式应为 YYYY-MM-DD")
    refused(lambda: patrols.import_plan({"format": "other"}), "format 应为")
    plan = patrols.import_plan({
        "format": "mediation-desk/patrol-plan@1", "title": "湖二村定期排查",
        "villages": ["湖二村"], "team": [{"name": "林春梅", "role": "lead"}],
        "starts_on": "2026-10-01", "until": "2027-03-31", "time": "09:00",
        "duration_minutes": 180, "rule": "FREQ=DAILY;INTERVAL=10", "focus": ["山林土地"]})
    refused(lambda: patrols.import_visit({
        "format": "mediation-desk/patrol-visit@1", "plan": "湖二村定期排查", "on": "2026-10-11",
        "village": "湖二村", "findings": [{"summary": "x"}, {"summary": "", "risk_level": "red"}]}),
        "发现[1] 风险等级 不能为空", "发现[2] 简要情况 不能为空")
    refused(lambda: patrols.import_visit({
        "format": "mediation-desk/patrol-visit@1", "plan": "没有的计划", "on": "2026-10-11",
        "village": "湖二村"}), "找不到名为“没有的计划”的排查计划")
    visit = patrols.import_visit({
        "format": "mediation-desk/patrol-visit@1", "plan": "湖二村定期排查", "on": "2026-10-11",
        "village": "湖二村", "team": ["林春梅"], "places": "3组", "households_visited": 12,
        "zero_report": False,
        "findings": [{"summary": "山林界址争议", "parties": "张三与李四",
                      "dispute_type": "山林土地纠纷", "risk_level": "red",
                      "people_involved": 2, "amount_involved": "0", "measure": "watch",
                      "responsible": "林春梅", "due_on": "2026-10-12",
                      "escalated_to": "湖头镇综治中心"}]})
    view = patrols.visit(visit.id)
    assert view.plan_id == plan.id and view.findings[0].due_on == date(2026, 10, 12)
    assert view.findings[0].escalations[0].target == "湖头镇综治中心"


# -- findings ------------------------------------------------------------------------------------
@pytest.fixture
def finding_id(patrols: PatrolService, plan_id: str) -> str:
    result = patrols.record_visit(VisitDraft(plan_id, None, date(2026, 10, 11), "湖二村", [],
                                             findings=[orange_finding()]))
    return result.finding_ids[0]


def test_finding_lifecycle_escalation_and_receipt(patrols: PatrolService,
                                                  finding_id: str) -> None:
    esc = patrols.escalate(finding_id, "湖头镇综治中心", datetime(2026, 10, 11, 16, 0), "电话",
                           "双方情绪激动")
    refused(lambda: patrols.record_receipt(esc.id, "王建国", datetime(2026, 10, 11, 15, 0)),
            "接收时间 早于上报时间")
    patrols.record_receipt(esc.id, "王建国", datetime(2026, 10, 11, 17, 30), "已转派出所")
    view = patrols.finding(finding_id)
    assert view.escalations[0].received_by == "王建国"
    assert view.escalations[0].received_at == datetime(2026, 10, 11, 17, 30)
    assert view.overdue  # due 2026-10-14, still open
    patrols.update_finding(finding_id, status="resolved", result="双方达成和解",
                           measure="mediated_on_site")
    view = patrols.finding(finding_id)
    assert view.status == "resolved" and view.resolved_on == clock.today() and not view.overdue
    patrols.update_finding(finding_id, status="open")
    assert patrols.finding(finding_id).resolved_on is None
    refused(lambda: patrols.update_finding(finding_id, status="done"), "状态")


def test_findings_filters_and_agenda(patrols: PatrolService, plan_id: str) -> None:
    patrols.record_visit(VisitDraft(plan_id, None, date(2026, 10, 11), "湖二村", [], findings=[
        orange_finding(), FindingDraft("红色隐患：两家族为水源争执", risk_level="red"),
        FindingDraft("蓝色：苗头", risk_level="blue")]))
    assert len(patrols.findings()) == 3
    assert [f.risk_level for f in patrols.findings(FindingFilter(risk_level="red"))] == ["red"]
    assert len(patrols.findings(FindingFilter(village="湖二村", text="水源"))) == 1
    assert patrols.findings(FindingFilter(village="郭埔村")) == []
    agenda = patrols.agenda(date(2026, 10, 21))
    assert [o.on for o in agenda.today] == [date(2026, 10, 21)]
    assert [o.on for o in agenda.overdue] == [date(2026, 10, 1)]  # 10-11 was held
    assert [f.risk_level for f in agenda.urgent_findings] == ["red", "orange"]
    assert all(f.overdue for f in agenda.urgent_findings)


def test_finding_becomes_a_case_linked_both_ways(register: Register, patrols: PatrolService,
                                                 finding_id: str) -> None:
    draft = patrols.case_draft_for(finding_id)
    assert draft.source == "排查发现" and draft.dispute_type == "山林土地纠纷"
    assert draft.village == "湖二村" and draft.risk_level == "orange"
    assert [(p.side, p.name) for p in draft.parties] == [("applicant", "张三"),
                                                         ("respondent", "李四")]
    assert [(m.name, m.role) for m in draft.mediators] == [("林春梅", "lead")]
    assert draft.amount_fen == 300000 and draft.people_involved == 2
    result = patrols.finding_to_case(finding_id)
    case = Case.get_by_id(result.id)
    assert case.source == "排查发现" and case.risk_level == "orange"
    assert [f.id for f in case.findings] == [finding_id]
    view = patrols.finding(finding_id)
    assert view.case_id == case.id and view.case_number == case.number
    assert view.measure == "registered" and view.status == "closed"
    assert {"case", "patrol"} <= result.changes.kinds
    refused(lambda: patrols.finding_to_case(finding_id), f"已登记为案件 {case.number}")
    assert audit.verify_chain() is None


def test_a_case_draft_that_fails_writes_nothing(patrols: PatrolService, plan_id: str) -> None:
    result = patrols.record_visit(VisitDraft(plan_id, None, date(2026, 10, 11), "湖二村", [],
                                             findings=[orange_finding(parties="王和平")]))
    fid = result.finding_ids[0]
    assert [p.name for p in patrols.case_draft_for(fid).parties] == ["王和平"]
    refused(lambda: patrols.finding_to_case(fid), "至少需要一名被申请人")
    assert patrols.finding(fid).case_id is None and patrols.finding(fid).measure == "watch"


# -- settings, counts, output ---------------------------------------------------------------------
def test_risk_levels_are_configurable(register: Register, patrols: PatrolService,
                                      plan_id: str) -> None:
    settings = PatrolSettingsService(register.store, register.actor)
    levels = [RiskLevelSetting(lv.code, lv.label,
                               12 if lv.code == "red" else lv.response_hours,
                               "湖头派出所" if lv.code == "red" else lv.escalation_target)
              for lv in settings.risk_levels()]
    settings.update_risk_levels(levels)
    assert settings.risk_level("red").escalation_target == "湖头派出所"
    result = patrols.record_visit(VisitDraft(plan_id, None, date(2026, 10, 11), "湖二村", [],
                                             findings=[FindingDraft("x", risk_level="red")]))
    assert patrols.finding(result.finding_ids[0]).due_on == date(2026, 10, 12)
    with pytest.raises(PermissionDenied):
        PatrolSettingsService(register.store, Actor("", "m", "mediator")).update_risk_levels(
            levels)
    refused(lambda: settings.update_risk_levels(levels[:3]), "缺少蓝色的设置")


def test_month_counts(patrols: PatrolService, plan_id: str) -> None:
    patrols.record_visit(VisitDraft(plan_id, None, date(2026, 10, 1), "湖二村", [],
                                    zero_report=True))
    first = patrols.record_visit(VisitDraft(plan_id, None, date(2026, 10, 11), "湖二村", [],
                                            findings=[
        orange_finding(escalated_to="湖头镇司法所"),
        FindingDraft("小事", risk_level="blue", measure="mediated_on_site")]))
    patrols.finding_to_case(first.finding_ids[0])
    patrols.record_visit(VisitDraft(plan_id, None, date(2026, 11, 10), "湖二村", [],
                                    findings=[FindingDraft("十一月", risk_level="yellow")]))
    c = patrols.month_counts(2026, 10)
    assert (c.patrols_held, c.findings, c.resolved_on_site, c.became_cases, c.zero_reports,
            c.escalated) == (2, 2, 1, 1, 1, 1)
    assert patrols.month_counts(2026, 11).findings == 1
    assert patrols.month_counts(2026, 9).patrols_held == 0


def test_icalendar_export_reads_back(patrols: PatrolService, plan_id: str) -> None:
    patrols.cancel_occurrence(plan_id, date(2026, 10, 11), "台风")
    patrols.move_occurrence(plan_id, date(2026, 10, 21), date(2026, 10, 22), "14:00", "改期")
    patrols.add_extra(plan_id, date(2026, 10, 25), "15:00", "专项")
    data = patrols.export_ics(date(2026, 10, 1), date(2026, 10, 31))
    cal = Calendar.from_ical(data)
    events = list(cal.walk("VEVENT"))
    assert len(events) == 5
    starts = [e.decoded("dtstart") for e in events]
    assert [s.strftime("%Y-%m-%d %H:%M") for s in starts] == [
        "2026-10-01 09:00", "2026-10-11 09:00", "2026-10-22 14:00", "2026-10-25 15:00",
        "2026-10-31 09:00"]
    assert all(s.utcoffset() == timedelta(hours=8) for s in starts)
    assert events[0].decoded("dtend") - starts[0] == timedelta(minutes=180)
    assert [str(e["status"]) for e in events] == ["CONFIRMED", "CANCELLED", "CONFIRMED",
                                                  "CONFIRMED", "CONFIRMED"]
    assert str(events[0]["summary"]) == "湖二村定期排查"
    assert str(events[3]["summary"]) == "专项排查：湖二村定期排查"
    assert str(events[0]["location"]) == "湖二村"
    assert "林春梅" in str(events[0]["description"]) and "山林土地" in str(
        events[0]["description"])
    uids = [str(e["uid"]) for e in events]
    assert len(set(uids)) == 5
    assert uids[2] == f"{plan_id}-20261021@mediation-desk"  # named by its planned date
    again = Calendar.from_ical(patrols.export_ics(date(2026, 10, 1), date(2026, 10, 31)))
    assert [str(e["uid"]) for e in again.walk("VEVENT")] == uids
    assert [str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")] == ["Asia/Shanghai"]


def test_month_sheet_and_printed_timetable(patrols: PatrolService, plan_id: str) -> None:
    patrols.record_visit(VisitDraft(plan_id, None, date(2026, 10, 1), "湖二村", [],
                                    zero_report=True))
    patrols.record_visit(VisitDraft(plan_id, None, date(2026, 10, 11), "湖二村", [],
                                    findings=[orange_finding()]))
    patrols.cancel_occurrence(plan_id, date(2026, 10, 21), "台风")
    sheet = patrols.month_sheet(2026, 10)
    assert sheet.room.committee_name == "湖头镇人民调解委员会"
    assert [(s.on.day, s.mark) for s in sheet.slots] == [
        (1, "零报告"), (11, "已排查"), (21, "已取消"), (31, "未排查")]
    from mediation_desk.documents import patrol_record, patrol_timetable

    pdf = patrol_timetable(sheet)
    text = pdftotext(pdf)
    for expected in ("2026年10月", "湖二村", "林春梅", "零报告", "已排查", "已取消", "未排查",
                     "湖二村定期排查"):
        assert expected in text, expected
    visit = patrols.visits(date(2026, 10, 11), date(2026, 10, 11))[0]
    record = pdftotext(patrol_record(patrols.visit_sheet(visit.id)))
    # (table cells wrap, so the summary comes out in pieces between other columns)
    assert "因山林界址" in record and "不清多次争吵" in record and "橙" in record


def pdftotext(pdf: bytes) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    done = subprocess.run([tool, "-layout", "-", "-"], input=pdf, capture_output=True,
                          check=True)
    return "".join(done.stdout.decode("utf-8").split())  # wrapped cells join up again


def test_demo_patrols(register: Register) -> None:
    from mediation_desk.services.demo.fill import fill_demo

    summary = fill_demo(register.store, register.actor, cases=80, seed=5)
    patrols = PatrolService(register.store, register.actor)
    report: Any = summary["patrols"]
    assert report["plans"] == 5 and report["visits"] > 50 and report["zero_reports"] > 10
    rules = {p.rule_text for p in patrols.plans()}
    assert {"每10天", "每半月（1日、16日）", "每月第一个星期二"} <= rules
    findings = patrols.findings()
    assert {f.risk_level for f in findings} == {"red", "orange", "yellow", "blue"}
    assert any(f.case_number for f in findings) == (report.get("became_cases", 0) > 0)
    assert any(e.received_at for f in findings for e in f.escalations)
    assert Case.select().count() == 80  # linked to demo cases, none added
    assert audit.verify_chain() is None
