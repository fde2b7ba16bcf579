"""Correcting a recorded patrol visit (修改排查记录) on a real encrypted register: what the
correction changes, what it keeps (finding ids, escalations, case links), and what it refuses
without writing anything."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from mediation_desk.services.patrols.service import FindingDraft, PatrolService, VisitDraft
from mediation_desk.services.shared import audit
from mediation_desk.store.models import AuditEvent, Finding
from tests.conftest import Register
from tests.services.patrols.test_service import orange_finding, plan_draft, refused

ON = date(2026, 10, 11)  # an occurrence of plan_draft(): every 10 days from 2026-10-01


@pytest.fixture
def patrols(register: Register) -> PatrolService:
    return PatrolService(register.store, register.actor)


@pytest.fixture
def plan_id(patrols: PatrolService) -> str:
    return patrols.add_plan(plan_draft()).id


def _record(patrols: PatrolService, plan_id: str, *findings: FindingDraft) -> str:
    return patrols.record_visit(VisitDraft(plan_id, None, ON, "湖二村", [], places="3组",
                                           households_visited=14,
                                           findings=list(findings))).id


def test_correcting_households_and_a_summary_keeps_the_finding_and_its_escalation(
        patrols: PatrolService, plan_id: str) -> None:
    visit_id = _record(patrols, plan_id, orange_finding())
    finding_id = patrols.visit(visit_id).findings[0].id
    patrols.escalate(finding_id, "湖头镇综治中心", datetime(2026, 10, 11, 16, 0))

    draft = patrols.visit_draft(visit_id)
    assert draft.households_visited == 14 and draft.findings[0].amount == "3000.00"
    assert draft.team == ["林春梅", "陈志强"] and draft.occurrence_on == ON
    draft.households_visited = 41
    draft.findings[0].summary = "张三与李四因山林界址不清多次争吵，已有推搡"
    result = patrols.update_visit(visit_id, draft)

    view = patrols.visit(visit_id)
    assert view.households_visited == 41 and view.places == "3组"
    (finding,) = view.findings
    assert finding.id == finding_id == result.finding_ids[0]
    assert finding.summary.endswith("已有推搡") and finding.amount_fen == 300000
    assert [e.target for e in finding.escalations] == ["湖头镇综治中心"]
    assert "patrol" in result.changes.kinds
    event = AuditEvent.select().where(AuditEvent.action == "update",
                                      AuditEvent.entity_id == visit_id).first()
    assert event is not None
    assert "走访户数" in event.detail and "简要情况" in event.detail
    assert "41" not in event.detail and "推搡" not in event.detail  # names, not values
    assert audit.verify_chain() is None


def test_adding_a_finding(patrols: PatrolService, plan_id: str) -> None:
    visit_id = _record(patrols, plan_id, orange_finding())
    draft = patrols.visit_draft(visit_id)
    draft.findings.append(FindingDraft("两户为宅基地滴水争执", risk_level="yellow",
                                       escalated_to="湖头镇司法所"))
    result = patrols.update_visit(visit_id, draft)
    view = patrols.visit(visit_id)
    assert [f.risk_level for f in view.findings] == ["orange", "yellow"]
    assert result.finding_ids == [f.id for f in view.findings]
    assert [e.target for e in view.findings[1].escalations] == ["湖头镇司法所"]


def test_removing_a_finding_that_became_a_case_is_refused(patrols: PatrolService,
                                                          plan_id: str) -> None:
    visit_id = _record(patrols, plan_id,
                       FindingDraft("王五家犬咬伤邻居鸡鸭", risk_level="blue"), orange_finding())
    case_finding = patrols.visit(visit_id).findings[1].id
    number = patrols.finding(patrols.finding_to_case(case_finding).finding_ids[0]).case_number
    draft = patrols.visit_draft(visit_id)
    draft.findings.pop()
    draft.households_visited = 3
    refused(lambda: patrols.update_visit(visit_id, draft), "发现[2]", "张三与李四",
            f"已登记为案件 {number}", "不能删除")
    view = patrols.visit(visit_id)
    assert view.households_visited == 14 and len(view.findings) == 2
    assert view.findings[1].case_number == number


def test_removing_plain_findings_makes_a_zero_report(patrols: PatrolService,
                                                     plan_id: str) -> None:
    visit_id = _record(patrols, plan_id, orange_finding(),
                       FindingDraft("蓝色：苗头", risk_level="blue"))
    ids = [f.id for f in patrols.visit(visit_id).findings]
    draft = patrols.visit_draft(visit_id)
    draft.findings = []
    refused(lambda: patrols.update_visit(visit_id, VisitDraft(
        plan_id, ON, ON, "湖二村", ["林春梅"], zero_report=True,
        findings=[FindingDraft("x", risk_level="blue")])), "零报告不能同时填写排查发现")
    draft.zero_report = True
    patrols.update_visit(visit_id, draft)
    view = patrols.visit(visit_id)
    assert view.zero_report and view.findings == ()
    assert all(Finding.get_by_id(i).deleted_at is not None for i in ids)  # soft-deleted
    assert patrols.findings() == []
    marks = {o.on: o.mark for o in patrols.schedule(ON, ON, date(2026, 10, 25))}
    assert marks[ON] == "zero"


def test_a_finding_without_risk_level_and_other_bad_corrections_are_refused(
        patrols: PatrolService, plan_id: str) -> None:
    visit_id = _record(patrols, plan_id, orange_finding())
    draft = patrols.visit_draft(visit_id)
    draft.findings[0].risk_level = ""
    draft.findings.append(FindingDraft("新的苗头"))
    draft.households_visited = -1
    draft.team = [" "]
    refused(lambda: patrols.update_visit(visit_id, draft), "发现[1] 风险等级",
            "发现[2] 风险等级", "走访户数 不能为负数", "排查人员 不能为空")
    moved = patrols.visit_draft(visit_id)
    moved.on = date(2026, 10, 12)
    refused(lambda: patrols.update_visit(visit_id, moved), "不能改日期")
    other_plan = patrols.visit_draft(visit_id)
    other_plan.plan_id, other_plan.ad_hoc = None, True
    refused(lambda: patrols.update_visit(visit_id, other_plan), "不能更换排查计划")
    assert patrols.visit(visit_id).findings[0].risk_level == "orange"


def test_removing_the_first_of_two_findings_keeps_the_second_as_it_was(
        patrols: PatrolService, plan_id: str) -> None:
    """Matched by id: the second finding's text must not land on the first's row (which
    carries the first's status and result)."""
    first = orange_finding(summary="两户因宅基地界址争执")
    second = orange_finding(summary="租地合同到期，双方对续租价格有分歧", risk_level="yellow")
    visit_id = _record(patrols, plan_id, first, second)
    one, two = patrols.visit(visit_id).findings
    patrols.update_finding(one.id, status="resolved", result="当场说和")

    draft = patrols.visit_draft(visit_id)
    assert [f.id for f in draft.findings] == [one.id, two.id]
    draft.findings = draft.findings[1:]  # the first was recorded by mistake
    patrols.update_visit(visit_id, draft)

    (kept,) = patrols.visit(visit_id).findings
    assert kept.id == two.id and kept.summary.startswith("租地合同")
    assert kept.status == "open" and kept.result == "" and kept.risk_level == "yellow"
    assert Finding.get_by_id(one.id).deleted_at is not None
    assert Finding.get_by_id(two.id).position == 0
    # An id from another visit is refused, nothing written.
    stranger = patrols.visit_draft(visit_id)
    stranger.findings[0].id = "not-a-finding-of-this-visit"
    refused(lambda: patrols.update_visit(visit_id, stranger), "不是这次排查记录的发现")
