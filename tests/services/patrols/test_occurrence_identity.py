"""Which occurrence a visit fulfils: a date alone does not name one.

The mediator's case behind issue 10's broken demo: the 21 October patrol is moved (改期) to the
23rd, and an extra visit (专项排查) is held on the 21st itself. Both are recorded for 湖二村;
before, both visits were filed under "21 October", so recording the second was refused
(``湖二村在这次排查（…）已有记录``) and the first marked both occurrences done.
"""

from __future__ import annotations

from datetime import date

import pytest
from icalendar import Calendar

from mediation_desk import clock
from mediation_desk.errors import ValidationError
from mediation_desk.services.patrols.service import PatrolService, VisitDraft
from mediation_desk.services.shared import audit
from mediation_desk.store.database import Store
from tests.conftest import Register
from tests.services.patrols.test_service import plan_draft

MOVED_FROM, MOVED_TO = date(2026, 10, 21), date(2026, 10, 23)
TODAY = date(2026, 11, 2)
START_OF_OCTOBER = date(2026, 10, 1)


@pytest.fixture
def patrols(register: Register) -> PatrolService:
    with clock.pinned(TODAY):
        yield PatrolService(register.store, register.actor)


@pytest.fixture
def plan_id(patrols: PatrolService) -> str:
    return patrols.add_plan(plan_draft()).id  # every 10 days from 1 October


def _october(patrols: PatrolService) -> list[tuple[date, str, str, int]]:
    return [(o.on, o.kind, o.mark, len(o.visit_ids))
            for o in patrols.schedule(date(2026, 10, 15), date(2026, 10, 31), TODAY)]


def test_a_moved_patrol_and_an_extra_one_on_its_planned_date_keep_their_own_visits(
        patrols: PatrolService, plan_id: str) -> None:
    patrols.move_occurrence(plan_id, MOVED_FROM, MOVED_TO, "09:00", "村里办大事")
    extra = patrols.add_extra(plan_id, MOVED_FROM, "15:00", "山林纠纷专项排查")
    # The mediator records the extra visit first, then the moved patrol: by the day held.
    first = patrols.record_visit(VisitDraft(plan_id, None, MOVED_FROM, "湖二村", []))
    second = patrols.record_visit(VisitDraft(plan_id, None, MOVED_TO, "湖二村", [],
                                             zero_report=True))
    assert patrols.visit(first.id).occurrence_on == MOVED_FROM
    assert patrols.visit(second.id).occurrence_on == MOVED_FROM  # named by its planned date
    by_kind = {o.kind: o for o in patrols.schedule(MOVED_FROM, MOVED_TO, TODAY)}
    assert by_kind["extra"].extra_id == extra.id
    assert by_kind["extra"].visit_ids == (first.id,)
    assert by_kind["moved"].visit_ids == (second.id,)
    assert _october(patrols) == [(MOVED_FROM, "extra", "zero", 1),
                                 (MOVED_TO, "moved", "zero", 1),
                                 (date(2026, 10, 31), "planned", "missed", 0)]
    # Each is recorded once per village: a third record of either is refused.
    for on in (MOVED_FROM, MOVED_TO):
        with pytest.raises(ValidationError, match=r"湖二村在这次排查.*已有记录"):
            patrols.record_visit(VisitDraft(plan_id, None, on, "湖二村", []))
    assert audit.verify_chain() is None


def test_named_exactly_in_the_other_order(patrols: PatrolService, plan_id: str) -> None:
    """As the window does: the occurrence named by its planned date and its extra id."""
    patrols.move_occurrence(plan_id, MOVED_FROM, MOVED_TO, "09:00", "遇雨天")
    extra = patrols.add_extra(plan_id, MOVED_FROM, "15:00", "专项排查")
    moved = patrols.record_visit(VisitDraft(plan_id, MOVED_FROM, MOVED_TO, "湖二村", []))
    held = patrols.record_visit(VisitDraft(plan_id, MOVED_FROM, MOVED_FROM, "湖二村", [],
                                           extra_id=extra.id))
    by_kind = {o.kind: o.visit_ids for o in patrols.schedule(MOVED_FROM, MOVED_TO, TODAY)}
    assert by_kind == {"moved": (moved.id,), "extra": (held.id,)}
    # A correction keeps each visit on its own occurrence.
    draft = patrols.visit_draft(held.id)
    assert draft.extra_id == extra.id
    draft.places = "湖二村3组"
    patrols.update_visit(held.id, draft)
    assert patrols.visit(held.id).places == "湖二村3组"


def test_an_extra_patrol_beside_a_planned_one_on_the_same_day(
        patrols: PatrolService, plan_id: str) -> None:
    day = date(2026, 10, 11)
    extra = patrols.add_extra(plan_id, day, "15:00", "节前专项排查")
    planned = patrols.record_visit(VisitDraft(plan_id, None, day, "湖二村", []))
    extra_visit = patrols.record_visit(VisitDraft(plan_id, None, day, "湖二村", []))
    occs = patrols.schedule(day, day, TODAY)
    assert [(o.kind, o.visit_ids) for o in occs] == [("planned", (planned.id,)),
                                                    ("extra", (extra_visit.id,))]
    # Cancelling by date means the planned one (its name); the extra is named by its id.
    with pytest.raises(ValidationError, match="已有记录"):
        patrols.cancel_occurrence(plan_id, day, "台风", extra_id=extra.id)


def test_cancelling_or_moving_an_extra_leaves_the_planned_patrol_that_day(
        patrols: PatrolService, plan_id: str) -> None:
    day = date(2026, 10, 11)
    extra = patrols.add_extra(plan_id, day, "15:00", "节前专项排查")
    patrols.move_occurrence(plan_id, day, date(2026, 10, 12), "", "改到次日",
                            extra_id=extra.id)
    assert [(o.on, o.kind, o.extra_id) for o in patrols.schedule(day, date(2026, 10, 12))] == [
        (day, "planned", ""), (date(2026, 10, 12), "extra", extra.id)]
    patrols.cancel_occurrence(plan_id, date(2026, 10, 12), "取消", extra_id=extra.id)
    assert [(o.on, o.kind, o.mark) for o in patrols.schedule(day, date(2026, 10, 12), TODAY)
            ] == [(day, "planned", "missed")]


def test_two_extra_patrols_on_one_day_are_two_calendar_events(
        patrols: PatrolService, plan_id: str) -> None:
    day = date(2026, 10, 14)
    patrols.add_extra(plan_id, day, "09:00", "上午专项排查")
    patrols.add_extra(plan_id, day, "15:00", "下午专项排查")
    events = list(Calendar.from_ical(patrols.export_ics(day, day)).walk("VEVENT"))
    assert len(events) == 2 and len({str(e["uid"]) for e in events}) == 2


def test_a_register_of_the_previous_version_files_its_extra_visits(
        register: Register, patrols: PatrolService, plan_id: str) -> None:
    """Schema 4 had no ``extra_id``: opening such a register files the visits recorded
    against an extra visit under it (migration step 5), and the calendar reads right."""
    from mediation_desk.services.safety.accounts import open_register
    from mediation_desk.store import migrations
    from tests.conftest import PASSWORD

    patrols.move_occurrence(plan_id, MOVED_FROM, MOVED_TO, "09:00", "村里办大事")
    extra = patrols.add_extra(plan_id, MOVED_FROM, "15:00", "专项排查")
    lone = patrols.add_extra(plan_id, date(2026, 10, 14), "15:00", "专项排查")
    on_extra = patrols.record_visit(VisitDraft(plan_id, None, MOVED_FROM, "湖二村", []))
    on_moved = patrols.record_visit(VisitDraft(plan_id, None, MOVED_TO, "湖二村", []))
    on_lone = patrols.record_visit(VisitDraft(plan_id, None, date(2026, 10, 14), "湖二村", []))
    before = {o.identity: o.visit_ids for o in patrols.schedule(START_OF_OCTOBER, TODAY)}
    store = register.store
    _as_schema_4(store)
    store.set_local("schema_version", "4")
    store.close()
    store, actor = open_register(register.path, "admin", PASSWORD)
    try:
        assert migrations.schema_version(store) == migrations.LATEST
        again = PatrolService(store, actor)
        after = {o.identity: o.visit_ids for o in again.schedule(START_OF_OCTOBER, TODAY)}
        assert after == before
        assert after[(date(2026, 10, 14), lone.id)] == (on_lone.id,)
        assert after[(MOVED_FROM, extra.id)] == (on_extra.id,)
        assert after[(MOVED_FROM, "")] == (on_moved.id,)
        migrations.MIGRATIONS[4][2](store)  # safe to re-run
        assert {o.identity: o.visit_ids for o in again.schedule(START_OF_OCTOBER, TODAY)
                } == before
    finally:
        store.close()


def _as_schema_4(store: Store) -> None:
    """Take ``patrol_visit.extra_id`` away again, as SQLite's manual says to (a new table
    without it, the rows copied, renamed into place): DROP COLUMN refuses a foreign key."""
    sql = store.execute("SELECT sql FROM sqlite_master WHERE name = 'patrol_visit'"
                        ).fetchall()[0][0]
    old = (sql.replace(', "extra_id" VARCHAR(36)', "")
           .replace(', FOREIGN KEY ("extra_id") REFERENCES "patrol_change" ("id")', "")
           .replace('"patrol_visit"', '"patrol_visit_v4"', 1))
    assert "extra_id" not in old
    indexes = [row[0] for row in store.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name = 'patrol_visit' AND type = 'index' "
        "AND sql IS NOT NULL AND sql NOT LIKE '%extra_id%'").fetchall()]
    columns = ", ".join(f'"{c.name}"' for c in store.db.get_columns("patrol_visit")
                        if c.name != "extra_id")
    store.execute("PRAGMA foreign_keys = OFF")
    try:
        store.execute(old)
        store.execute(f'INSERT INTO "patrol_visit_v4" ({columns}) '
                      f'SELECT {columns} FROM "patrol_visit"')
        store.execute('DROP TABLE "patrol_visit"')
        store.execute('ALTER TABLE "patrol_visit_v4" RENAME TO "patrol_visit"')
        for index in indexes:
            store.execute(index)
    finally:
        store.execute("PRAGMA foreign_keys = ON")
    assert "extra_id" not in {c.name for c in store.db.get_columns("patrol_visit")}
