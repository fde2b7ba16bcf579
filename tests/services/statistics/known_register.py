"""A register with known cases and patrols, made through the services, and a ledger of what
was made — the facts a recount needs, written down by the test as it acts, never read back
from the register.

The cases are spread from 2025-01 to 2026-12 with a fixed seed, so agreements, terminations
and closings fall across month, quarter and year ends; a handful of hand-placed cases sit
exactly on those ends (31 March / 1 April, 31 December / 1 January).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from mediation_desk import clock
from mediation_desk.domain.lifecycle import Step
from mediation_desk.services.cases.casework import CaseworkService
from mediation_desk.services.cases.drafts import (
    AgreementDraft,
    CaseDraft,
    MediatorDraft,
    PartyDraft,
    TermDraft,
)
from mediation_desk.services.cases.intake import IntakeService
from mediation_desk.services.patrols.service import FindingDraft, PatrolService, VisitDraft
from mediation_desk.services.statistics.case_facts import CaseFacts, CaseFactsService, Confirmation
from mediation_desk.store.models import Case, Party
from tests.conftest import Register

#: The clock of these tests: after everything the register holds.
TODAY = date(2027, 1, 20)
TYPES = ("邻里纠纷", "婚姻家庭纠纷", "房屋宅基地纠纷", "合同纠纷", "山林土地纠纷", "损害赔偿纠纷")
SOURCES = ("当事人申请", "调委会主动调解", "法院委托移送", "公安机关委托移送", "排查发现")
VILLAGES = ("湖一村", "湖二村", "美溪村", "湖头社区")
MEDIATORS = ("林春梅", "陈志强", "黄秀英")
SURNAMES = "张李王陈林黄吴刘郑苏"
GIVEN = ("建国", "秀英", "志明", "美玲", "文彬", "丽华", "振南", "春花", "国庆", "海燕")


@dataclass
class Made:
    """One case as the test made it."""

    number: str = ""
    received_on: date = date(2026, 1, 1)
    dispute_type: str = ""
    source: str = ""
    village: str = ""
    lead: str = ""
    people: int = 0
    group: bool = False
    agreed_on: date | None = None
    form: str = ""
    amounts: list[int] = field(default_factory=list)  # fen, per term
    terminated_on: date | None = None
    failed_on: date | None = None  # closed without agreement (a legacy outcome)
    facts: CaseFacts = field(default_factory=CaseFacts)
    confirmed_on: date | None = None
    from_finding: bool = False


@dataclass
class Visit:
    on: date
    village: str
    households: int
    zero: bool
    risks: list[str]  # risk level of each finding
    resolved_on: list[date | None]  # per finding
    to_case: list[date | None]  # per finding: the received date of the case it became


@dataclass
class Ledger:
    cases: list[Made] = field(default_factory=list)
    visits: list[Visit] = field(default_factory=list)


def _party(rng: random.Random, side: str) -> PartyDraft:
    return PartyDraft(side=side, name=rng.choice(SURNAMES) + rng.choice(GIVEN))


def _names(case_id: str) -> list[str]:
    """The parties' names, applicant first (as the drafts list them)."""
    return [p.name for p in Party.select().where(Party.case == case_id).order_by(Party.position)]


def _draft(rng: random.Random, made: Made) -> CaseDraft:
    return CaseDraft(
        received_on=made.received_on, source=made.source, dispute_type=made.dispute_type,
        village=made.village, summary="双方因琐事发生争执，申请调解。",
        mediators=[MediatorDraft(made.lead, "lead"),
                   MediatorDraft(next(m for m in MEDIATORS if m != made.lead), "recorder")],
        people_involved=made.people,
        parties=[_party(rng, "applicant"), _party(rng, "respondent")])


def _later(rng: random.Random, day: date, low: int, high: int) -> date:
    return min(day + timedelta(days=rng.randint(low, high)), TODAY)


def _plan(rng: random.Random, received: date) -> Made:
    people = rng.choice((1, 2, 2, 3, 4, 6, 9))
    return Made(received_on=received, dispute_type=rng.choice(TYPES),
                source=rng.choice(SOURCES[:4]), village=rng.choice(VILLAGES),
                lead=rng.choice(MEDIATORS), people=people, group=people >= 5)


def _carry_out(reg: Register, rng: random.Random, made: Made, case_id: str,
               ending: str) -> None:
    work = CaseworkService(reg.store, reg.actor)
    facts_service = CaseFactsService(reg.store, reg.actor)
    if ending == "refuse":
        work.take_step(case_id, Step.REFUSE, "一方明确拒绝调解",
                       on=_later(rng, made.received_on, 0, 5))
        return
    if ending == "open":
        return
    work.take_step(case_id, Step.NOTIFY_RIGHTS, on=made.received_on)
    if ending in ("agree", "agree_close"):
        made.form = "oral" if rng.random() < 0.25 else "written"
        made.agreed_on = _later(rng, made.received_on, 0, 40)
        made.amounts = [rng.choice((0, 50000, 120000, 300000)) for _ in range(rng.randint(1, 3))]
        names = _names(case_id)
        terms = [TermDraft(text=f"第{i + 1}项：{names[1]}支付{names[0]}款项", obligor=names[1],
                           obligee=names[0], amount_fen=fen or None,
                           due_on=made.agreed_on + timedelta(days=10))
                 for i, fen in enumerate(made.amounts)]
        work.record_agreement(case_id, AgreementDraft(
            form=made.form, reached_on=made.agreed_on, facts="双方陈述事实。", terms=terms))
        made.amounts = [a for a in made.amounts if a]
        if ending == "agree_close":
            work.take_step(case_id, Step.CLOSE, "履行完毕", on=_later(rng, made.agreed_on, 5, 60))
        if made.form == "written" and rng.random() < 0.35:
            applied = _later(rng, made.agreed_on, 1, 20)
            ruled = _later(rng, applied, 1, 15)
            confirmed = rng.random() < 0.8
            facts_service.record_confirmation(case_id, Confirmation(
                applied, "安溪县人民法院", "confirmed" if confirmed else "rejected", ruled))
            made.confirmed_on = ruled if confirmed else None
    elif ending in ("terminate", "terminate_close"):
        made.terminated_on = _later(rng, made.received_on, 3, 45)
        work.take_step(case_id, Step.TERMINATE, "双方分歧较大，无法达成协议",
                       on=made.terminated_on)
        if ending == "terminate_close":
            work.take_step(case_id, Step.CLOSE, "已告知其他途径",
                           on=_later(rng, made.terminated_on, 1, 30))


def _facts(reg: Register, rng: random.Random, made: Made, case_id: str) -> None:
    if rng.random() < 0.3:
        crim = rng.random() < 0.5
        fight = rng.random() < 0.3
        petition = rng.random() < 0.3
        made.facts = CaseFacts(
            group_dispute=made.group if rng.random() < 0.8 else not made.group,
            prevented_criminal=crim, prevented_criminal_people=rng.randint(1, 4) if crim else 0,
            prevented_suicide=rng.random() < 0.15,
            prevented_group_fight=fight,
            prevented_group_fight_people=rng.randint(5, 20) if fight else 0,
            prevented_group_petition=petition,
            prevented_group_petition_people=rng.randint(5, 30) if petition else 0)
        made.group = made.facts.group_dispute
        CaseFactsService(reg.store, reg.actor).update_facts(case_id, made.facts)
    else:
        made.facts = CaseFacts(group_dispute=made.group)


ENDINGS = (("agree", 40), ("agree_close", 20), ("terminate", 10), ("terminate_close", 8),
           ("refuse", 6), ("open", 16))
#: Hand-placed cases on period ends: (received, ending forced so its date is the next day).
EDGES = ((date(2026, 3, 31), "agree"), (date(2025, 12, 31), "terminate"),
         (date(2026, 6, 30), "agree"), (date(2026, 9, 30), "terminate"))


def build(reg: Register, seed: int = 14, count: int = 56) -> Ledger:
    """Make the register's cases and patrols; returns the ledger of what was made."""
    rng = random.Random(seed)
    ledger = Ledger()
    intake = IntakeService(reg.store, reg.actor)
    with clock.pinned(TODAY):
        start = date(2025, 1, 2)
        plans: list[tuple[Made, str]] = []
        for _ in range(count):
            made = _plan(rng, start + timedelta(days=rng.randint(0, 715)))
            plans.append((made, rng.choices([e for e, _ in ENDINGS],
                                            [w for _, w in ENDINGS])[0]))
        for received, ending in EDGES:
            made = _plan(rng, received)
            plans.append((made, ending))
        for made, ending in plans:
            registered = intake.register(_draft(rng, made)).cases[0]
            made.number = registered.number
            if (made.received_on, ending) in EDGES:
                # Ends the day after receipt, across the period end.
                _edge(reg, made, registered.case_id, ending)
            else:
                _carry_out(reg, rng, made, registered.case_id, ending)
            _facts(reg, rng, made, registered.case_id)
            ledger.cases.append(made)
        _legacy_failure(reg, rng, intake, ledger)
        _patrols(reg, rng, ledger)
    return ledger


def _edge(reg: Register, made: Made, case_id: str, ending: str) -> None:
    work = CaseworkService(reg.store, reg.actor)
    work.take_step(case_id, Step.NOTIFY_RIGHTS, on=made.received_on)
    day = made.received_on + timedelta(days=1)
    if ending == "agree":
        names = _names(case_id)
        made.form, made.agreed_on, made.amounts = "written", day, [88800]
        work.record_agreement(case_id, AgreementDraft(
            form="written", reached_on=day, terms=[TermDraft(
                text="赔偿888元", obligor=names[1], obligee=names[0], amount_fen=88800,
                due_on=day + timedelta(days=5))]))
    else:
        made.terminated_on = day
        work.take_step(case_id, Step.TERMINATE, "无法达成协议", on=day)


def _legacy_failure(reg: Register, rng: random.Random, intake: IntakeService,
                    ledger: Ledger) -> None:
    """Two cases closed as 调解不成功 by an older register (no step of this program ends a
    case that way now): set as such a register's import leaves them."""
    for received, closed in ((date(2026, 2, 10), date(2026, 3, 2)),
                             (date(2025, 3, 5), date(2025, 3, 25))):
        made = _plan(rng, received)
        registered = intake.register(_draft(rng, made)).cases[0]
        made.number, made.failed_on, made.facts = registered.number, closed, \
            CaseFacts(group_dispute=made.group)
        with reg.store.write():
            Case.update(outcome="failure", closed_on=closed, status="closed").where(
                Case.id == registered.case_id).execute()
        ledger.cases.append(made)


def _patrols(reg: Register, rng: random.Random, ledger: Ledger) -> None:
    patrols = PatrolService(reg.store, reg.actor)
    for _ in range(30):
        on = date(2025, 1, 1) + timedelta(days=rng.randint(0, 729))
        zero = rng.random() < 0.35
        risks = [] if zero else [rng.choice(("red", "orange", "yellow", "blue"))
                                 for _ in range(rng.randint(1, 3))]
        visit = Visit(on, rng.choice(VILLAGES), rng.randint(3, 30), zero, risks,
                      [None] * len(risks), [None] * len(risks))
        result = patrols.record_visit(VisitDraft(
            plan_id=None, occurrence_on=None, on=on, village=visit.village, team=["林春梅"],
            households_visited=visit.households, zero_report=zero, ad_hoc=True,
            findings=[FindingDraft(summary=f"发现纠纷线索{i}", parties="张某、李某",
                                   dispute_type="邻里纠纷", risk_level=r)
                      for i, r in enumerate(risks)]))
        for i, finding_id in enumerate(result.finding_ids):
            roll = rng.random()
            if roll < 0.35:
                resolved = _later(rng, on, 0, 40)
                patrols.update_finding(finding_id, status="resolved", resolved_on=resolved)
                visit.resolved_on[i] = resolved
            elif roll < 0.55:
                draft = patrols.case_draft_for(finding_id)
                draft.received_on = _later(rng, on, 0, 10)
                draft.parties = [_party(rng, "applicant"), _party(rng, "respondent")]
                draft.mediators = [MediatorDraft("林春梅", "lead")]
                draft.people_involved = 2
                case_id = patrols.finding_to_case(finding_id, draft).id
                visit.to_case[i] = draft.received_on
                made = Made(number=Case.get_by_id(case_id).number,
                            received_on=draft.received_on, dispute_type=draft.dispute_type,
                            source=draft.source, village=visit.village, lead="林春梅",
                            people=2, group=False, from_finding=True,
                            facts=CaseFacts(group_dispute=False))
                ledger.cases.append(made)
        ledger.visits.append(visit)
