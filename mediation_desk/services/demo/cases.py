"""One demo case: its intake draft and the steps that bring it to a chosen status.

A case is built backwards from where it should end up (say, archived after an agreement and
two follow-up visits): the story and parties first, then a timeline of investigations,
sessions, the agreement, visits, closing and archiving, squeezed into the days between its
receipt and yesterday when the case is young. The draft carries what intake takes (records
and agreement); the rest are :class:`Action`\\ s for the casework service.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from mediation_desk.domain.dictionaries import DEFAULT_VILLAGES
from mediation_desk.domain.lifecycle import CaseStatus
from mediation_desk.domain.money import chinese_capital
from mediation_desk.services.cases.drafts import (
    AgreementDraft,
    CaseDraft,
    MediatorDraft,
    PartyDraft,
    RecordDraft,
    TermDraft,
)
from mediation_desk.services.demo import text as T
from mediation_desk.services.demo.disputes import DISPUTES, DisputeKind, Story
from mediation_desk.services.demo.people import People, weighted

S = CaseStatus
DISPUTE_WEIGHTS = tuple((name, kind.weight) for name, kind in DISPUTES.items())
#: How a closed case got there: agreement, termination or refusal.
ENDINGS = ((S.AGREED, 78), (S.TERMINATED, 15), (S.REFUSED, 7))
SIMPLE_TYPES = ("邻里纠纷", "损害赔偿纠纷", "消费纠纷", "其他纠纷")
RISKS = ("blue", "yellow", "orange", "red")


@dataclass
class Action:
    """A step after intake: notify, refuse, terminate, extend, schedule, followup, close,
    archive."""

    kind: str
    on: date
    text: str = ""
    days: int = 0
    who: str = ""  # the visitor of a follow-up
    visited: str = ""
    done_on: date | None = None
    all_done: bool = False


@dataclass
class Planned:
    draft: CaseDraft
    status: CaseStatus
    lead: str  # the lead mediator, who takes the steps and writes the visits
    actions: list[Action] = field(default_factory=list)


def _fmt(template: str, ctx: dict[str, str]) -> str:
    return template.format(**ctx)


def _cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _cn_time(at: datetime) -> str:
    return f"{_cn_date(at.date())} {at:%H:%M}"


def _first_person(defense: str) -> str:
    """"{b}称X" → "X", "{b}认为X" → "我认为X": the respondent's own words in an interview."""
    rest = defense.removeprefix("{b}")
    if rest.startswith("称"):
        return rest[1:]
    return "我" + (rest[2:] if rest.startswith("表示") else rest)


class CaseMaker:
    def __init__(self, rng: random.Random, today: date) -> None:
        self.rng = rng
        self.today = today
        self.people = People(rng)

    # -- parties ----------------------------------------------------------------------------
    def _parties(self, story: Story, on: date, village: str,
                 dtype: str) -> tuple[list[PartyDraft], dict[str, str]]:
        rng, people = self.rng, self.people
        extra: dict[str, str] = {}
        if story.kin:
            a, b, extra = people.family(story.kin, on, village)
            parties = [a, b]
        else:
            male = dtype in ("劳动争议纠纷", "道路交通事故纠纷") and rng.random() < 0.7
            parties = []
            for side in ("applicant", "respondent"):
                if story.org and ((side == "respondent") == (story.org_side == "b")):
                    parties.append(people.organization(story.org, side, village))
                else:
                    parties.append(people.person(side, on, village,
                                                 gender="male" if male else None))
            if not story.org and rng.random() < 0.1:
                first = parties[0]
                spouse = people.person("applicant", on, village, gender="female"
                                       if first.gender == "male" else "male")
                spouse.address = first.address
                parties.insert(1, spouse)
            elif not story.org and rng.random() < 0.08:
                parties.append(people.person("respondent", on, village))
        if rng.random() < 0.04:
            parties.append(people.person("third_party", on, village))
        return parties, extra

    # -- text -------------------------------------------------------------------------------
    def _summary(self, story: Story, source: str, ctx: dict[str, str]) -> str:
        rng = self.rng
        parts = [rng.choice(story.background), ctx["event"]]
        state = rng.choice(T.EXTRA_STATE)
        if state and rng.random() < 0.4:
            parts.append(state)
        parts.append(rng.choice(T.SOURCE_SENTENCES[source]))
        return _fmt("".join(parts), ctx)

    def _investigation(self, at: datetime, ctx: dict[str, str], lead: str, recorder: str,
                       sides: dict[str, str]) -> RecordDraft:
        rng = self.rng
        side = rng.choice(("a", "b"))
        who = sides[side]
        place = _fmt(rng.choice(T.INVESTIGATION_PLACES), ctx)
        questions = T.INVESTIGATION_QA if side == "a" else T.INVESTIGATION_QA_RESPONDENT
        qa = list(questions[:3]) + rng.sample(questions[3:], rng.randint(1, 3))
        lines = [f"调查时间：{_cn_time(at)}", f"调查地点：{place}", f"被调查人：{who}",
                 f"调查人：{lead}", f"记录人：{recorder}"]
        local = dict(ctx, reply=rng.choice(T.REPLIES))
        if side == "b":
            local["rel_answer"] = ctx["rel_answer_b"]
        lines += [_fmt(q, local) + "\n" + _fmt(a, local) for q, a in qa]
        return RecordDraft("investigation", at, place=place, participants=[who, lead, recorder],
                           author=recorder, body="\n".join(lines))

    def _session(self, at: datetime, ctx: dict[str, str], people: list[str], outcome: str,
                 dtype: str) -> RecordDraft:
        rng = self.rng
        place = _fmt(rng.choice(T.MEDIATION_PLACES), ctx)
        present = list(people)
        if rng.random() < 0.35:
            present.append(_fmt(rng.choice(T.HELPERS), ctx))
        lines = [f"调解时间：{_cn_time(at)}", f"调解地点：{place}", f"调解事项：{dtype}",
                 "参加人员：" + "、".join(present), T.RIGHTS_SENTENCE,
                 _fmt("申请人陈述：{event}要求{request}。", ctx),
                 _fmt("被申请人陈述：{defense}", ctx), rng.choice(T.RISK_SENTENCE),
                 _fmt(rng.choice({"open": T.SESSION_OPEN, "agreed": T.SESSION_AGREED,
                                  "failed": T.SESSION_FAILED}[outcome]), ctx)]
        return RecordDraft("mediation", at, place=place, participants=present,
                           author=people[-1], body="\n".join(lines))

    def _terms(self, story: Story, kind: DisputeKind, reached: date, ctx: dict[str, str],
               sides: dict[str, str]) -> list[TermDraft]:
        rng = self.rng
        count = min(len(story.terms), weighted(rng, ((1, 45), (2, 40), (3, 15))))
        chosen = sorted(rng.sample(range(len(story.terms)), count))
        low, high = kind.amount or (500, 5000)
        terms = []
        for i in chosen:
            term = story.terms[i]
            due = reached + timedelta(days=rng.choice((0, 0, 7, 15, 30, 60, 90)))
            yuan = rng.randint(low // 100, max(low // 100, high // 100)) * 100
            local = dict(ctx, due=_cn_date(due), m=str(yuan), cap=chinese_capital(yuan * 100))
            obligor, obligee = (sides["b"], sides["a"]) if term.side == "b" else (
                sides["a"], sides["b"])
            terms.append(TermDraft(
                _fmt(term.text, local), obligor=obligor, obligee=obligee,
                amount_fen=yuan * 100 if term.money else None,
                due_on=due if "{due}" in term.text else None,
                place="问房调解室" if term.money else "",
                method=rng.choice(("现金", "银行转账", "微信转账")) if term.money else ""))
        return terms

    # -- the case ---------------------------------------------------------------------------
    def make(self, received: date, status: CaseStatus) -> Planned:
        rng = self.rng
        age = (self.today - received).days
        if age == 0 and status not in (S.REGISTERED, S.NOTIFIED, S.REFUSED):
            status = S.REGISTERED
        dtype = weighted(rng, DISPUTE_WEIGHTS)
        kind = DISPUTES[dtype]
        story = rng.choice(kind.stories)
        village = rng.choice(DEFAULT_VILLAGES)
        source = weighted(rng, T.SOURCES)
        parties, extra = self._parties(story, received, village, dtype)
        if status is S.ARCHIVED:  # an archived file holds every party's identity proof
            for p in parties:
                if p.kind == "person" and not p.id_number and p.birth_date is not None:
                    p.id_number = self.people.resident_id(p.birth_date, p.gender or "male")
        applicants = [p.name for p in parties if p.side == "applicant"]
        respondents = [p.name for p in parties if p.side == "respondent"]
        when = received - timedelta(days=rng.randint(5, 200))
        ctx = {"a": "、".join(applicants), "b": "、".join(respondents), "v": village,
               "g": str(rng.randint(1, 12)), "when": f"{when.year}年{when.month}月",
               "rel": "亲属", "child": "子女", "parent": "父亲", **extra}
        ctx["event"] = _fmt(rng.choice(story.events), ctx)
        defense = rng.choice(story.defenses)
        ctx["defense"] = _fmt(defense, ctx)
        ctx["defense_answer"] = _fmt(_first_person(defense), ctx)
        ctx["request"] = _fmt(rng.choice(story.requests), ctx).removeprefix("请求")
        kin = "org" if story.org else story.kin
        ctx["rel_answer"] = _fmt(T.KIN_ANSWERS[kin], ctx)
        ctx["rel_answer_b"] = _fmt(T.KIN_ANSWERS_RESPONDENT[kin], ctx)
        simple = dtype in SIMPLE_TYPES and rng.random() < 0.15 and status is not S.INVESTIGATING
        requests = [_fmt(r, ctx) for r in rng.sample(story.requests,
                                                     rng.randint(1, len(story.requests)))]
        lead = weighted(rng, T.MEDIATORS)
        others = [m for m, _ in T.MEDIATORS if m != lead]
        recorder = rng.choice(others)
        mediators = [MediatorDraft(lead, "lead"), MediatorDraft(recorder, "recorder")]
        if rng.random() < 0.15:
            mediators.insert(1, MediatorDraft(rng.choice([m for m in others if m != recorder]),
                                              "member"))
        draft = CaseDraft(
            received_on=received, source=source, dispute_type=dtype, village=village,
            summary=self._summary(story, source, ctx), requests=requests,
            risk_level=weighted(rng, tuple(zip(RISKS, kind.risk, strict=True))),
            procedure="simple" if simple else "normal",
            people_involved=max(len(parties), rng.randint(*kind.people)),
            mediators=mediators, parties=parties)
        planned = Planned(draft, status, lead)
        self._timeline(planned, story, kind, ctx, age, lead, recorder)
        if kind.amount and rng.random() < 0.9:
            agreed = sum(t.amount_fen or 0 for t in draft.agreement.terms) \
                if draft.agreement else 0
            low, high = kind.amount
            draft.amount_fen = (int(round(agreed * rng.uniform(1.0, 1.6), -4)) if agreed
                                else rng.randint(low // 100, high // 100) * 10000)
        return planned

    def _timeline(self, planned: Planned, story: Story, kind: DisputeKind, ctx: dict[str, str],
                  age: int, lead: str, recorder: str) -> None:
        """Records, agreement and actions for the planned status, dated into the past."""
        rng, draft, status = self.rng, planned.draft, planned.status
        path = weighted(rng, ENDINGS) if status in (S.CLOSED, S.ARCHIVED) else status
        simple = draft.procedure == "simple"
        # (kind, offset in days from receipt); compressed below if the case is young.
        events: list[tuple[str, int]] = []
        off = 0
        if path in (S.INVESTIGATING, S.MEDIATING, S.AGREED, S.FOLLOWING_UP, S.TERMINATED):
            n_inv = 0 if simple else weighted(rng, ((0, 25), (1, 60), (2, 15)))
            if path is S.INVESTIGATING:
                n_inv = max(1, n_inv)
            for i in range(n_inv):
                off += rng.randint(0 if i == 0 else 1, 4)
                events.append(("investigation", off))
            if path is not S.INVESTIGATING:
                for _ in range(1 if simple else weighted(rng, ((1, 55), (2, 32), (3, 13)))):
                    off += 0 if simple else rng.randint(1, 8)
                    events.append(("mediation", off))
        if path is S.TERMINATED:
            off += rng.randint(0, 3)
            events.append(("terminate", off))
        elif path is S.REFUSED:
            off += rng.randint(0, 5)
            events.append(("refuse", off))
        elif path in (S.AGREED, S.FOLLOWING_UP):
            visits = 0
            if status is S.FOLLOWING_UP:
                visits = weighted(rng, ((1, 70), (2, 30)))
            elif status is not S.AGREED and rng.random() < 0.75:
                visits = weighted(rng, ((1, 75), (2, 25)))
            for _ in range(visits):
                off += rng.randint(10, 45)
                events.append(("followup", off))
        if status in (S.CLOSED, S.ARCHIVED):
            off += rng.randint(2, 20)
            events.append(("close", off))
        if status is S.ARCHIVED:
            off += rng.randint(10, 90)
            events.append(("archive", off))
        last = max(age - 1, 0)
        if off > last:
            events = [(k, o * last // off) for k, o in events]
        self._realise(planned, story, kind, ctx, events, lead, recorder)
        if path is S.NOTIFIED or (path is S.REFUSED and rng.random() < 0.5):
            planned.actions.insert(0, Action("notify", draft.received_on or self.today))
        if status in (S.REGISTERED, S.NOTIFIED, S.INVESTIGATING, S.MEDIATING) and age > 30 \
                and rng.random() < 0.4:
            planned.actions.append(Action("extend", self.today, _fmt(
                rng.choice(T.EXTENSION_NOTES), ctx), days=rng.choice((15, 30))))
        if status is S.AGREED and rng.random() < 0.6 and draft.agreement:
            due = (draft.agreement.reached_on or self.today) + timedelta(rng.randint(10, 40))
            planned.actions.append(Action("schedule", due, who=lead))
        if status is S.FOLLOWING_UP and rng.random() < 0.5:
            planned.actions.append(Action("schedule", self.today + timedelta(rng.randint(3, 40)),
                                          who=lead))

    def _realise(self, planned: Planned, story: Story, kind: DisputeKind, ctx: dict[str, str],
                 events: list[tuple[str, int]], lead: str, recorder: str) -> None:
        rng, draft = self.rng, planned.draft
        received = draft.received_on or self.today
        sides = {"a": next(p.name for p in draft.parties if p.side == "applicant"),
                 "b": next(p.name for p in draft.parties if p.side == "respondent")}
        present = [p.name for p in draft.parties] + [m.name for m in draft.mediators
                                                     if m.name != recorder] + [recorder]
        sessions = [i for i, (k, _) in enumerate(events) if k == "mediation"]
        ended = {k for k, _ in events}
        visits = [i for i, (k, _) in enumerate(events) if k == "followup"]
        for i, (kind_, off) in enumerate(events):
            day = received + timedelta(days=off)
            at = datetime.combine(day, time(rng.choice((8, 9, 10, 14, 15, 16)),
                                            rng.choice((0, 10, 20, 30, 40, 50))))
            if kind_ == "investigation":
                draft.records.append(self._investigation(at, ctx, lead, recorder, sides))
            elif kind_ == "mediation":
                final = i == sessions[-1]
                if final and "terminate" not in ended and planned.status not in (
                        S.MEDIATING, S.INVESTIGATING):
                    terms = self._terms(story, kind, day, ctx, sides)
                    oral = rng.random() < (0.4 if draft.procedure == "simple" else 0.12)
                    local = dict(ctx, terms="；".join(t.text for t in terms))
                    draft.records.append(self._session(at, local, present, "agreed",
                                                       draft.dispute_type))
                    draft.agreement = AgreementDraft(
                        form="oral" if oral else "written", reached_on=day,
                        facts=ctx["event"], issues=f"双方就{ctx['request']}存在争议。",
                        responsibilities=_fmt(rng.choice(T.RESPONSIBILITIES), ctx),
                        terms=terms)
                else:
                    outcome = "failed" if final and "terminate" in ended else "open"
                    draft.records.append(self._session(at, ctx, present, outcome,
                                                       draft.dispute_type))
            elif kind_ == "followup":
                due = day - timedelta(days=rng.randint(0, 4))
                last_visit = i == visits[-1]
                partial = not last_visit or (planned.status is S.FOLLOWING_UP
                                             and rng.random() < 0.4)
                text = rng.choice(T.FOLLOWUP_PARTIAL if partial else T.FOLLOWUP_DONE)
                planned.actions.append(Action(
                    "followup", max(due, received), _fmt(text, dict(ctx, visited=sides["a"])),
                    who=lead, visited=sides["a"], done_on=day, all_done=not partial))
            elif kind_ in ("terminate", "refuse"):
                reasons = T.TERMINATION_REASONS if kind_ == "terminate" else T.REFUSAL_REASONS
                planned.actions.append(Action(kind_, day, _fmt(rng.choice(reasons), ctx)))
            elif kind_ == "close":
                note = T.CLOSE_NOTES[0 if draft.agreement else
                                     (1 if "terminate" in ended else 2)]
                planned.actions.append(Action("close", day, note))
            else:
                planned.actions.append(Action("archive", day, T.ARCHIVE_NOTE))
        if draft.records and rng.random() < 0.05:
            first = draft.records[0]
            draft.records.append(RecordDraft("note", first.at + timedelta(minutes=30),
                                             author=recorder,
                                             body=_fmt(rng.choice(T.NOTES), ctx)))
