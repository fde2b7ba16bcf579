"""A plan's calendar with its exceptions on any day (issue 10): cancellations, moves across
month and year ends and extra visits, around "todays" from 2019 to 2035 — month ends,
29 February, New Year's Eve, Chinese New Year week — expanded by :func:`recurrence.expand`.

What must hold whatever the day: every planned date shows exactly once — where it was planned,
or where it was moved to, keeping its planned date as its name —, cancelled ones stay listed,
extra visits are added with their own identity, and no two occurrences share an identity.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import example, given, settings
from hypothesis import strategies as st

from mediation_desk.domain import recurrence as r
from tests.days import DAYS

RULES = ("FREQ=DAILY;INTERVAL=10", "FREQ=WEEKLY;BYDAY=TH", "FREQ=MONTHLY;BYMONTHDAY=1,16",
         "FREQ=MONTHLY;BYMONTHDAY=-1", "FREQ=MONTHLY;BYMONTHDAY=31", "FREQ=MONTHLY;BYDAY=-1FR",
         "FREQ=MONTHLY;BYDAY=1TU", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=28,29")
WINDOW = 45  # days each side of "today": the 排查 page shows six weeks
todays = st.one_of(st.sampled_from(DAYS),
                   st.dates(min_value=date(2019, 1, 1), max_value=date(2035, 12, 31)))


@settings(max_examples=150, deadline=None)
@given(today=todays, rule=st.sampled_from(RULES), started=st.integers(0, 400),
       picks=st.lists(st.tuples(st.sampled_from(("cancel", "move")), st.integers(0, 60),
                                st.integers(-3, 6)), max_size=6),
       extras=st.lists(st.integers(-WINDOW, WINDOW), max_size=3))
@example(today=date(2026, 12, 31), rule="FREQ=MONTHLY;BYMONTHDAY=-1", started=60,
         picks=[("move", 0, 1)], extras=[0]).via("a month end moved into the new year, an "
                                                  "extra on its planned date")
@example(today=date(2028, 2, 29), rule="FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=28,29", started=400,
         picks=[("move", 1, 1), ("cancel", 0, 0)], extras=[0, 0]).via("leap day")
def test_every_planned_date_shows_once_whatever_the_day(
        today: date, rule: str, started: int, picks: list[tuple[str, int, int]],
        extras: list[int]) -> None:
    starts_on = today - timedelta(days=started)
    start, end = today - timedelta(days=WINDOW), today + timedelta(days=WINDOW)
    planned = r.occurrences(rule, starts_on, "09:00", start, end)
    changes: list[r.Change] = []
    cancelled: set[date] = set()
    moved: dict[date, date] = {}
    for kind, index, shift in picks:
        if not planned:
            break
        on = planned[index % len(planned)]
        if on in cancelled or on in moved:
            continue
        if kind == "cancel":
            cancelled.add(on)
            changes.append(r.Change("cancel", on, None, id=f"c{len(changes)}"))
        else:
            moved[on] = on + timedelta(days=shift)
            changes.append(r.Change("move", on, moved[on], "14:00", id=f"m{len(changes)}"))
    extra_days = [today + timedelta(days=n) for n in extras]
    changes += [r.Change("extra", None, day, "15:30", id=f"x{i}")
                for i, day in enumerate(extra_days)]
    # Wide enough for every move's target: nothing falls off an edge.
    wide = r.expand(rule, starts_on, "09:00", None, changes, start - timedelta(days=7),
                    end + timedelta(days=7))
    around = r.occurrences(rule, starts_on, "09:00", start - timedelta(days=7),
                           end + timedelta(days=7))

    assert len({s.identity for s in wide}) == len(wide)
    assert [(s.on, s.time) for s in wide] == sorted((s.on, s.time) for s in wide)
    assert sorted(s.key for s in wide if s.kind != "extra") == around
    for s in wide:
        if s.kind == "planned":
            assert s.on in around and s.on not in moved and s.cancelled == (s.on in cancelled)
        elif s.kind == "moved":
            assert s.original_on in moved and s.on == moved[s.original_on] and s.time == "14:00"
        else:
            assert s.extra_id.startswith("x") and s.original_on is None
    assert sorted(s.on for s in wide if s.kind == "extra") == sorted(extra_days)
    # A narrower window shows what happens inside it, each once.
    inside = r.expand(rule, starts_on, "09:00", None, changes, start, end)
    assert inside == [s for s in wide if start <= s.on <= end]
