"""Demo patrols: plans on the cadences rooms use, with their visits, findings and escalations.

Through the same service as real work (:class:`PatrolService`), so demo visits obey the same
rules: every visit fulfils an occurrence (or is marked ad hoc), findings have risk levels,
and cancelled or moved occurrences are exceptions of their plan. Cadences: every 10 days,
half-monthly (1st and 16th), monthly on the first Tuesday, weekly in the town's community,
and a township-wide sweep on the last Friday of each month — whose team overlaps a village
team's, so the double-booking warning has something to show.

Demo cases with source 排查发现 in the covered period are linked to a finding of a visit in
their village shortly before they were received (or an ad-hoc visit that day), so "became a
case" has real examples without adding cases the case demo did not plan. Red findings are
escalated to the 综治中心 and most orange ones to the 司法所, with receipts for older ones.
Deterministic for a given seed and ``today`` (ids aside).
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from mediation_desk.services.patrols.service import (
    FindingDraft,
    Occurrence,
    PatrolService,
    PlanDraft,
    TeamMember,
    VisitDraft,
)
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.database import Store
from mediation_desk.store.models import Case, CaseMediator, Mediator, Party, Village

#: Days of patrol history per demo case, and the bounds (a small demo stays quick).
DAYS_PER_CASE = 3
MIN_DAYS, MAX_DAYS = 60, 4 * 365


@dataclass(frozen=True)
class PlanSeed:
    title: str
    villages: tuple[str, ...]
    team: tuple[str, ...]  # lead first
    rule: str
    time: str
    minutes: int
    focus: tuple[str, ...]


PLANS = (
    PlanSeed("湖一村、湖二村定期排查", ("湖一村", "湖二村"), ("林春梅", "陈志强"),
             "FREQ=DAILY;INTERVAL=10", "09:00", 180, ("山林土地", "农村建房", "邻里纠纷")),
    PlanSeed("美溪村、郭埔村半月排查", ("美溪村", "郭埔村"), ("黄秀英", "苏文彬"),
             "FREQ=MONTHLY;BYMONTHDAY=1,16", "14:30", 150, ("婚姻家庭", "劳动争议")),
    PlanSeed("竹山村、上田村、横山村月度排查", ("竹山村", "上田村", "横山村"), ("苏文彬", "洪丽珍"),
             "FREQ=MONTHLY;BYDAY=1TU", "09:00", 240, ("山林土地", "征地拆迁")),
    PlanSeed("湖头社区网格排查", ("湖头社区",), ("郑国华", "谢美玲"),
             "FREQ=WEEKLY;BYDAY=TH", "15:00", 120, ("物业纠纷", "消费纠纷")),
    PlanSeed("全镇月度矛盾纠纷大排查", ("湖三村", "湖四村", "湖五村", "福寮村", "山都村"),
             ("李振南", "林春梅", "陈志强"), "FREQ=MONTHLY;BYDAY=-1FR", "08:30", 480,
             ("重点人员", "群体性纠纷", "涉稳风险")),
)  # fmt: skip

FINDINGS: dict[str, tuple[str, ...]] = {
    "山林土地纠纷": ("{a}与{b}因山林界址不清发生争执，双方各执一词", "{a}承包地被{b}种植茶苗，双方多次争吵"),
    "邻里纠纷": ("{a}与邻居{b}因排水沟堵塞发生口角", "{a}家养犬多次咬伤{b}家鸡鸭，双方关系紧张"),
    "房屋宅基地纠纷": ("{a}建房占用{b}家滴水巷约半米，{b}多次阻工", "{a}与{b}兄弟因祖宅分割意见不一"),
    "婚姻家庭纠纷": ("{a}与妻子{b}长期不和，{b}回娘家已两月", "{a}兄弟对赡养老母亲分摊费用有争议"),
    "劳动争议纠纷": ("{a}等务工人员反映{b}拖欠工资约{m}元", "{a}在{b}处务工受伤，医疗费承担有争议"),
    "物业纠纷": ("小区业主{a}与物业{b}因停车收费发生争执", "{a}家漏水殃及楼下{b}家，维修费用协商未果"),
    "消费纠纷": ("{a}在{b}购买的家电多次维修未好，要求退货", "{a}预付{b}装修款后工程停工"),
    "征地拆迁纠纷": ("{a}对征地青苗补偿标准有异议，与{b}协商未果",),
    "损害赔偿纠纷": ("{a}的三轮车与{b}的电动车碰擦，修理费有争议", "{a}家失火殃及{b}家柴房"),
}
RISKS = (("blue", 40), ("yellow", 36), ("orange", 17), ("red", 7))
MEASURES = (("mediated_on_site", 46), ("watch", 38), ("referred", 16))
CANCEL_REASONS = ("台风天气，暂停外出", "镇里集中开会，与排查时间冲突", "春节假期调整")
MOVE_REASONS = ("遇雨天，改期排查", "负责人参加县里培训，顺延", "村里办大事，群众不在家")
PLACES = ("{v}村部、{g}组、{h}组", "{v}{g}组、集贸市场", "{v}村部、老人会、{g}组", "{v}{g}组、{h}组、茶厂周边")
RESULTS = ("经调解双方达成和解，矛盾已化解", "经村调委会做工作，当事人已不再争执",
           "已移交相关部门处理并跟踪回访", "双方签订了书面协议，已履行完毕")
SURNAMES = "李陈林黄苏洪郑谢王张刘吴蔡杨许"
GIVEN = "志国建明文伟强华金水清泉德荣福春梅凤琴霞燕秀英兰芳"


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _weighted(rng: random.Random, items: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([i for i, _ in items], weights=[w for _, w in items])[0]


@dataclass
class _Pending:
    """A demo case with source 排查发现, waiting for the finding it came from."""

    case_id: str
    received_on: date
    village: str
    dispute_type: str
    summary: str
    parties: str
    risk_level: str
    lead: str


def _pending_cases(start: date, today: date) -> dict[str, list[_Pending]]:
    rows: Any = (Case.select(Case.id, Case.received_on, Village.name, Case.dispute_type,
                        Case.summary, Case.risk_level).join(Village)
            .where(Case.source == "排查发现", Case.deleted_at.is_null(),
                   Case.received_on.between(start, today))
            .order_by(Case.received_on).tuples())
    by_village: dict[str, list[_Pending]] = defaultdict(list)
    for row in rows:
        case_id, received_on, village, dispute_type, summary, risk = (
            str(row[0]), row[1], str(row[2]), str(row[3]), str(row[4]), str(row[5]))
        names = [p.name for p in Party.select(Party.name).where(Party.case == case_id)
                 .order_by(Party.position)]
        lead = (Mediator.select(Mediator.name).join(CaseMediator)
                .where(CaseMediator.case == case_id).order_by(CaseMediator.position).first())
        by_village[village].append(_Pending(
            case_id, received_on, village, dispute_type, summary[:120], "与".join(names[:2]),
            risk, lead.name if lead else "林春梅"))
    return by_village


class _Maker:
    def __init__(self, service: PatrolService, rng: random.Random, today: date) -> None:
        self.service = service
        self.rng = rng
        self.today = today
        self.counts: defaultdict[str, int] = defaultdict(int)

    def finding(self, village: str, lead: str, on: date) -> tuple[FindingDraft, str | None]:
        rng = self.rng
        dtype = rng.choice(list(FINDINGS))
        a, b = _name(rng), _name(rng)
        summary = rng.choice(FINDINGS[dtype]).format(a=a, b=b, m=rng.randint(3, 40) * 1000)
        risk = _weighted(rng, RISKS)
        measure = "watch" if risk == "red" else _weighted(rng, MEASURES)
        target = None
        if risk == "red" or (risk == "orange" and rng.random() < 0.5):
            target = "湖头镇综治中心" if risk == "red" else "湖头镇司法所"
        amount = str(rng.randint(1, 60) * 500) if dtype in ("劳动争议纠纷", "损害赔偿纠纷",
                                                             "消费纠纷") else ""
        return FindingDraft(
            summary=f"{village}{summary}", parties=f"{a}与{b}", dispute_type=dtype,
            people_involved=rng.randint(2, 12 if risk in ("red", "orange") else 4),
            amount=amount, risk_level=risk, measure=measure,
            responsible=lead, escalated_to=target or "",
            result=rng.choice(RESULTS) if measure == "mediated_on_site" else ""), target

    def afterwards(self, ids: list[str], on: date) -> None:
        """Older findings get their later result; escalations get receipts."""
        for fid in ids:
            view = self.service.finding(fid)
            for esc in view.escalations:
                if (self.today - on).days > 3 or self.rng.random() < 0.5:
                    at = esc.at + timedelta(hours=self.rng.randint(1, 20))
                    self.service.record_receipt(esc.id, f"{esc.target[4:]} {_name(self.rng)}",
                                                at, "已接收，转交相关部门处置")
                    self.counts["receipts"] += 1
            age = (self.today - on).days
            # A few recent findings stay open (工作台 shows them); none from months ago: a
            # room does not leave a red or orange finding open for years.
            if view.status == "open" and age > 20 and (age > 90 or self.rng.random() < 0.85):
                done = min(self.today, on + timedelta(days=self.rng.randint(2, 20)))
                self.service.update_finding(fid, status="resolved",
                                            result=self.rng.choice(RESULTS), resolved_on=done)
                self.counts["resolved_later"] += 1

    def visit(self, occ: Occurrence | None, village: str, team: list[str], on: date,
              pending: list[_Pending]) -> None:
        rng = self.rng
        linked = [p for p in pending if p.village == village and on <= p.received_on
                  <= on + timedelta(days=15)]
        drafts: list[FindingDraft] = []
        if not linked and rng.random() >= 0.62:
            drafts = [self.finding(village, team[0], on)[0] for _ in range(rng.choice((1, 1, 2)))]
        for p in linked:
            pending.remove(p)
            drafts.append(FindingDraft(
                summary=p.summary, parties=p.parties, dispute_type=p.dispute_type,
                risk_level=p.risk_level, measure="watch", responsible=p.lead))
        place = rng.choice(PLACES).format(v=village, g=rng.randint(1, 6), h=rng.randint(7, 12))
        result = self.service.record_visit(VisitDraft(
            plan_id=occ.plan_id if occ else None, occurrence_on=occ.key if occ else None,
            extra_id=occ.extra_id if occ else "", on=on, village=village, team=team, places=place,
            households_visited=rng.randint(6, 35), findings=drafts, ad_hoc=occ is None,
            note="" if occ else "群众来电反映，临时排查"))
        self.counts["visits"] += 1
        self.counts["zero_reports"] += not drafts
        self.counts["findings"] += len(drafts)
        for fid, p in zip(result.finding_ids[len(drafts) - len(linked):], linked, strict=True):
            self.service.link_case(fid, p.case_id)
            self.counts["became_cases"] += 1
        plain = len(drafts) - len(linked)
        self.afterwards(result.finding_ids[:plain], on)


def fill_patrols(store: Store, actor: Actor, rng: random.Random, today: date,
                 cases: int) -> dict[str, int]:
    """Plans over a history that grows with the demo's size, their visits up to ``today``."""
    days = max(MIN_DAYS, min(MAX_DAYS, cases * DAYS_PER_CASE))
    start = (today - timedelta(days=days)).replace(day=1)
    service = PatrolService(store, actor)
    maker = _Maker(service, rng, today)
    existing = {p.title for p in service.plans(active_only=False)}
    pending = _pending_cases(start, today)
    with store.db.atomic():
        plan_ids = []
        for seed in PLANS:
            if seed.title in existing:
                continue
            result = service.add_plan(PlanDraft(
                title=seed.title, villages=list(seed.villages),
                team=[TeamMember(n, "lead" if i == 0 else "member")
                      for i, n in enumerate(seed.team)],
                starts_on=start, until=None, time=seed.time, duration_minutes=seed.minutes,
                rule=seed.rule, focus=list(seed.focus)))
            plan_ids.append(result.id)
        _exceptions(service, rng, plan_ids, start, today)
    for month_start in _months(start, today):
        month_end = min(today, _month_end(month_start))
        with store.db.atomic():
            for occ in service.schedule(month_start, month_end, today):
                if occ.plan_id not in plan_ids or occ.mark == "cancelled" or occ.on > today:
                    continue
                if rng.random() < 0.05 and occ.on < today - timedelta(days=2):
                    maker.counts["missed"] += 1
                    continue
                for village in occ.villages:
                    maker.visit(occ, village, list(occ.team), occ.on,
                                pending.get(village, []))
    with store.db.atomic():
        for village, left in pending.items():
            for p in list(left):
                if p not in left:  # linked meanwhile by an earlier ad-hoc visit
                    continue
                maker.visit(None, village, [p.lead], p.received_on, left)
                maker.counts["ad_hoc"] += 1
    maker.counts["plans"] = len(plan_ids)
    return dict(maker.counts)


def _exceptions(service: PatrolService, rng: random.Random, plan_ids: list[str], start: date,
                today: date) -> None:
    """A few occurrences cancelled or moved, and a festival extra visit each year."""
    occs = [o for o in service.schedule(start, today + timedelta(days=60), today)
            if o.plan_id in plan_ids]
    for occ in occs:
        roll = rng.random()
        if roll < 0.03:
            service.cancel_occurrence(occ.plan_id, occ.on, rng.choice(CANCEL_REASONS))
        elif roll < 0.06:
            new_on = occ.on + timedelta(days=rng.choice((1, 2, 3)))
            service.move_occurrence(occ.plan_id, occ.on, new_on, occ.time,
                                    rng.choice(MOVE_REASONS))
    for year in range(start.year, today.year + 1):
        before_festival = date(year, 9, 20)
        if start <= before_festival <= today and plan_ids:
            service.add_extra(plan_ids[0], before_festival, "15:00", "中秋国庆前专项排查")


def _months(start: date, end: date) -> list[date]:
    months, day = [], start.replace(day=1)
    while day <= end:
        months.append(day)
        day = _month_end(day) + timedelta(days=1)
    return months


def _month_end(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1) - timedelta(days=1)

