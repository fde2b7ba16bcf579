"""Where a patrol finding may be reported (上报): the targets configured per risk level, the
usual ones, and the members of the property-management legal alliance — first for a
property dispute; a member added on the 接访 lists is offered too, and an escalation to a
member is recorded like any other."""

from __future__ import annotations

from datetime import datetime

from mediation_desk.domain.petitions import DEFAULT_ALLIANCE
from mediation_desk.services.patrols.risk_levels import PatrolSettingsService
from mediation_desk.services.patrols.service import FindingDraft, PatrolService, VisitDraft
from mediation_desk.services.petitions.lists import ALLIANCE, PetitionListsService
from tests.conftest import SUITE_NOW, Register


def test_the_alliance_members_are_escalation_targets(register: Register) -> None:
    settings = PatrolSettingsService(register.store, register.actor)
    targets = settings.escalation_targets()
    assert targets[:3] == ["湖头镇综治中心", "湖头镇司法所", "派出所"]  # the usual first
    assert set(DEFAULT_ALLIANCE) <= set(targets)  # the alliance always offered
    assert len(targets) == len(set(targets))
    # A property dispute: the alliance's members come first.
    property_targets = settings.escalation_targets("物业纠纷")
    assert property_targets[:len(DEFAULT_ALLIANCE)] == list(DEFAULT_ALLIANCE)
    assert set(property_targets) == set(targets)
    # A member added on the 接访 lists is offered too.
    PetitionListsService(register.store, register.actor).add_entry(ALLIANCE, "湖头物业协会")
    assert "湖头物业协会" in settings.escalation_targets()
    assert settings.escalation_targets("物业纠纷")[0] == DEFAULT_ALLIANCE[0]


def test_a_finding_reported_to_an_alliance_member(register: Register) -> None:
    patrols = PatrolService(register.store, register.actor)
    day = SUITE_NOW.date()
    finding_id = patrols.record_visit(VisitDraft(
        plan_id=None, occurrence_on=None, ad_hoc=True, on=day, village="湖头社区", team=["林春梅"],
        findings=[FindingDraft(
            summary="湖头花园物业停水，业主聚集", dispute_type="物业纠纷", risk_level="orange",
            people_involved=20)])).finding_ids[0]
    court = PatrolSettingsService(register.store, register.actor).escalation_targets(
        "物业纠纷")[0]
    patrols.escalate(finding_id, court, datetime.combine(day, datetime.min.time()))
    assert [e.target for e in patrols.finding(finding_id).escalations] == [court]
