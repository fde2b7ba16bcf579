"""Demo data: a register that looks like a few years of a township mediation room's work.

For trying the app (``mediation-desk --demo``, ``mediation-desk-cli demo``) and for the
benchmarks. Everything goes through the same services as real work — intake in batches, then
the casework steps (notify, refuse, terminate, extend, follow-ups, close, archive) — so the
generated cases have the shape, audit trail and search index of real ones and pass the same
validation. Deterministic: the same seed, count and ``today`` give the same cases, titles and
numbers (on an empty register).

Cases are spread over the last four years. Old cases are mostly closed or archived, recent
ones open; every lifecycle status occurs, with a few open cases past their time limit.

After the cases, patrol plans and their visits (排查计划、排查记录) are added by
:mod:`mediation_desk.services.demo.patrols`: a history that grows with the number of cases,
findings of every risk level, escalations with receipts, and the 排查发现 cases linked to the
findings they came from.
"""

from __future__ import annotations

import contextlib
import json
import random
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from mediation_desk import clock
from mediation_desk.domain.lifecycle import CaseStatus, Step
from mediation_desk.services.cases.casework import CaseworkService
from mediation_desk.services.cases.intake import IntakeService
from mediation_desk.services.demo.cases import Action, CaseMaker, Planned
from mediation_desk.services.demo.people import weighted
from mediation_desk.services.shared.actor import Actor
from mediation_desk.services.shared.permissions import require
from mediation_desk.store.database import Store
from mediation_desk.store.models import Agreement, AgreementTerm, FollowUp

S = CaseStatus
BATCH = 250
YEARS = 4
BULK_CACHE_KIB = 64 * 1024
#: The register's local mark of a demo fill that ended (its summary, JSON).
FILLED_MARK = "demo_filled"

#: Status weights by age of the case in days (upper bound of each band).
AGE_BANDS: tuple[tuple[int, tuple[tuple[CaseStatus, float], ...]], ...] = (
    (3, ((S.REGISTERED, 40), (S.NOTIFIED, 28), (S.REFUSED, 4), (S.INVESTIGATING, 4),
         (S.MEDIATING, 14), (S.AGREED, 10))),
    (30, ((S.REGISTERED, 4), (S.NOTIFIED, 8), (S.INVESTIGATING, 14), (S.MEDIATING, 24),
          (S.AGREED, 18), (S.FOLLOWING_UP, 12), (S.TERMINATED, 6), (S.REFUSED, 4),
          (S.CLOSED, 10))),
    (90, ((S.REGISTERED, 0.5), (S.NOTIFIED, 0.5), (S.INVESTIGATING, 1), (S.MEDIATING, 2.5),
          (S.AGREED, 8), (S.FOLLOWING_UP, 24), (S.TERMINATED, 5), (S.REFUSED, 2.5),
          (S.CLOSED, 52), (S.ARCHIVED, 4))),
    (365, ((S.MEDIATING, 0.3), (S.AGREED, 1.5), (S.FOLLOWING_UP, 7), (S.TERMINATED, 0.5),
           (S.CLOSED, 48), (S.ARCHIVED, 43))),
    (10**6, ((S.FOLLOWING_UP, 0.3), (S.CLOSED, 18), (S.ARCHIVED, 82))),
)  # fmt: skip
#: Where a status is plausible (days since receipt), for placing the rare ones in a small run.
TYPICAL_AGE: dict[CaseStatus, tuple[int, int]] = {
    S.REGISTERED: (0, 4), S.NOTIFIED: (1, 10), S.INVESTIGATING: (4, 20),
    S.MEDIATING: (6, 25), S.AGREED: (10, 40), S.FOLLOWING_UP: (30, 150),
    S.TERMINATED: (20, 80), S.REFUSED: (5, 60), S.CLOSED: (60, 700), S.ARCHIVED: (200, 1400),
}  # fmt: skip


def _status_for_age(rng: random.Random, age: int) -> CaseStatus:
    for limit, weights in AGE_BANDS:
        if age <= limit:
            return weighted(rng, weights)
    raise AssertionError("unreachable")


def _received_on(rng: random.Random, today: date, age: int) -> date:
    day = today - timedelta(days=age)
    if day.weekday() >= 5 and rng.random() < 0.8:  # the room is mostly visited on weekdays
        monday = day + timedelta(days=7 - day.weekday())
        day = monday if monday <= today else day - timedelta(days=day.weekday() - 4)
    return day


def plan_statuses(rng: random.Random, count: int, today: date) -> list[tuple[date, CaseStatus]]:
    """Receipt dates and final statuses, oldest first; every status occurs when count ≥ 10."""
    span = YEARS * 365
    plans: list[tuple[date, CaseStatus]] = []
    for _ in range(count):
        age = rng.randint(0, span)
        plans.append((_received_on(rng, today, age), _status_for_age(rng, age)))
    if count >= len(S):
        present = Counter(status for _, status in plans)
        for status in S:
            if present[status]:
                continue
            common = present.most_common(1)[0][0]
            index = rng.choice([i for i, p in enumerate(plans) if p[1] is common])
            low, high = TYPICAL_AGE[status]
            plans[index] = (_received_on(rng, today, rng.randint(low, high)), status)
            present[common] -= 1
            present[status] += 1
    plans.sort(key=lambda p: p[0])
    return plans


class _Applier:
    """Runs a planned case's steps through the casework service, as its lead mediator
    (the account stays the one given; the name is what records show as their author)."""

    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor
        self.work = CaseworkService(store, actor)
        self.followups = 0

    def as_mediator(self, name: str) -> None:
        self.work = CaseworkService(self.store, replace(self.actor, display_name=name))

    def run(self, case_id: str, action: Action) -> None:
        work, kind = self.work, action.kind
        steps = {"notify": Step.NOTIFY_RIGHTS, "refuse": Step.REFUSE,
                 "terminate": Step.TERMINATE}
        if kind in steps:
            work.take_step(case_id, steps[kind], action.text, on=action.on)
        elif kind == "close":
            work.take_step(case_id, Step.CLOSE, action.text, on=action.on)
        elif kind == "archive":
            work.take_step(case_id, Step.ARCHIVE, action.text, on=action.on)
        elif kind == "extend":
            work.extend(case_id, action.days, action.text)
        elif kind == "schedule":
            work.schedule_followup(case_id, action.on, action.who)
            self.followups += 1
        elif kind == "followup":
            self._visit(case_id, action)
        else:
            raise ValueError(f"unknown demo action {kind}")

    def _visit(self, case_id: str, action: Action) -> None:
        assert action.done_on is not None
        self.work.schedule_followup(case_id, action.on, action.who)
        self.followups += 1
        pending = (FollowUp.select(FollowUp.id)
                   .where(FollowUp.case == case_id, FollowUp.done_on.is_null(),
                          FollowUp.deleted_at.is_null())
                   .order_by(FollowUp.due_on).first())
        terms = [t.id for t in AgreementTerm.select(AgreementTerm.id).join(Agreement)
                 .where(Agreement.case == case_id, AgreementTerm.deleted_at.is_null())
                 .order_by(AgreementTerm.position)]
        if action.all_done:
            per_term = [(t, "done") for t in terms]
        else:
            per_term = [(t, "done" if i == 0 and len(terms) > 1 else "promised")
                        for i, t in enumerate(terms)]
        self.work.record_followup(
            pending.id, done_on=action.done_on, visited=action.visited,
            performance="done" if action.all_done else "promised", body=action.text,
            satisfaction="满意" if action.all_done else "基本满意", term_performance=per_term)


def fill_demo(store: Store, actor: Actor, *, cases: int = 200, seed: int = 1,
              progress: Callable[[int, int], None] | None = None, today: date | None = None,
              batch_size: int = BATCH, all_or_nothing: bool = True) -> dict[str, Any]:
    """Add ``cases`` demo cases; returns a JSON-able summary (counts per status and more).

    All or nothing: the whole fill is one transaction (each batch of ``batch_size`` cases,
    and every service call in it, a savepoint), so a failure — or the process killed half
    way — leaves the register as it was. The last write marks the register filled
    (:func:`demo_filled`), so a register that lacks the mark is known to be incomplete.
    ``all_or_nothing=False`` commits batch by batch instead, for a throwaway register (the
    benchmarks' seed): one transaction holds a WAL as large as everything written — measured
    55 MB at 2,000 cases, about 2.7 GB at the benchmarks' 100,000 — at no gain in time
    (2,000 cases: 84 s against 91 s batch by batch, on a loaded 2-core machine). ``today`` pins the calendar for reproducible output; it must
    not be later than the program's clock (:mod:`mediation_desk.clock`), which the services
    check dates against.
    """
    require(actor, "demo")  # invented cases in a real register: the administrator's call
    started = time.perf_counter()
    today = today or clock.today()
    rng = random.Random(seed)
    plans = plan_statuses(rng, cases, today)
    maker = CaseMaker(rng, today)
    intake = IntakeService(store, actor)
    applier = _Applier(store, actor)
    statuses: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    whole = store.db.atomic() if all_or_nothing else contextlib.nullcontext()
    with _bulk_cache(store), whole:
        _fill(store, maker, intake, applier, plans, batch_size, progress, statuses, totals)
        from mediation_desk.services.demo.patrols import fill_patrols

        patrols = fill_patrols(store, actor, random.Random(seed + 1), today, cases)
        from mediation_desk.services.demo.report_facts import fill_report_facts

        report = fill_report_facts(store, actor, random.Random(seed + 2), today)
        summary: dict[str, Any] = {
            "cases": len(plans), "seed": seed, "today": today.isoformat(),
            "statuses": {s.value: statuses[s.value] for s in S},
            "parties": totals["parties"], "records": totals["records"],
            "agreements": totals["agreements"], "followups": applier.followups,
            "patrols": patrols, "report_facts": report,
        }
        store.set_local(FILLED_MARK, json.dumps(summary, ensure_ascii=False))
    return {**summary, "seconds": round(time.perf_counter() - started, 1)}


def demo_filled(store: Store) -> dict[str, Any] | None:
    """What the last complete demo fill of this register made, or ``None`` if none ended."""
    text = store.local(FILLED_MARK)
    if not text:
        return None
    found: dict[str, Any] = json.loads(text)
    return found


@contextlib.contextmanager
def _bulk_cache(store: Store) -> Iterator[None]:
    """A bigger page cache while seeding: with SQLite's default 2 MB, a growing encrypted
    register re-read and decrypted its index pages on every insert (measured: 6.1 ms a case
    flat with 64 MB, against 6.5 rising to 7.8 ms by 10,000 cases without)."""
    before = store.execute("PRAGMA cache_size").fetchall()[0][0]
    store.execute(f"PRAGMA cache_size = {-BULK_CACHE_KIB}")
    try:
        yield
    finally:
        store.execute(f"PRAGMA cache_size = {int(before)}")


def _fill(store: Store, maker: CaseMaker, intake: IntakeService, applier: _Applier,
          plans: list[tuple[date, CaseStatus]], batch_size: int,
          progress: Callable[[int, int], None] | None, statuses: Counter[str],
          totals: Counter[str]) -> None:
    for start in range(0, len(plans), batch_size):
        batch: list[Planned] = [maker.make(received, status)
                                for received, status in plans[start:start + batch_size]]
        with store.db.atomic():
            result = intake.register_many([p.draft for p in batch], maker.today)
            for registered, planned in zip(result.cases, batch, strict=True):
                applier.as_mediator(planned.lead)
                for action in planned.actions:
                    applier.run(registered.case_id, action)
        for planned in batch:
            statuses[planned.status.value] += 1
            draft = planned.draft
            totals["parties"] += len(draft.parties)
            totals["records"] += len(draft.records) + sum(
                a.kind == "followup" for a in planned.actions)
            totals["agreements"] += draft.agreement is not None
        if progress is not None:
            progress(min(start + batch_size, len(plans)), len(plans))
