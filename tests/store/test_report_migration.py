"""Migration 12 (issue 14): a register from before the monthly report gains the columns the
report counts by, and a case terminated back then gets its termination day from its steps."""

from __future__ import annotations

from datetime import date

from mediation_desk import clock
from mediation_desk.domain.lifecycle import Step
from mediation_desk.services.cases.casework import CaseworkService
from mediation_desk.services.cases.intake import IntakeService
from mediation_desk.services.safety.accounts import open_register
from mediation_desk.store import migrations
from tests.conftest import PASSWORD, Register, neighbour_draft

DROPPED = {"case": ("terminated_on", "prevented_group_fight_people",
                    "prevented_group_petition_people"),
           "agreement": ("confirmation_applied_on", "confirmation_court",
                         "confirmation_result", "confirmation_on")}
INDEXES = ("case_terminated_on", "case_closed_on", "agreement_reached_on",
           "agreement_confirmation_on", "finding_resolved_on", "case_report_received",
           "case_report_failed", "case_report_terminated", "agreement_report_reached",
           "agreement_term_report_amount", "finding_report_case", "case_report_by_id")


def test_an_older_register_gains_the_report_facts(register: Register) -> None:
    with clock.pinned(date(2026, 11, 30)):
        case_id = IntakeService(register.store, register.actor).register(
            neighbour_draft()).cases[0].case_id
        work = CaseworkService(register.store, register.actor)
        work.take_step(case_id, Step.NOTIFY_RIGHTS)
        work.take_step(case_id, Step.TERMINATE, "分歧较大")
    store = register.store
    for name in INDEXES:
        store.execute(f'DROP INDEX IF EXISTS "{name}"')
    store.execute('DROP TABLE "brief"')
    store.execute('DROP TABLE "law_article"')
    for table, columns in DROPPED.items():
        for column in columns:
            store.execute(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
    store.set_local("schema_version", "4")
    store.close()

    store, _ = open_register(register.path, "admin", PASSWORD)
    try:
        assert migrations.schema_version(store) == migrations.LATEST
        for table, columns in DROPPED.items():
            assert set(columns) <= {c.name for c in store.db.get_columns(table)}
        names = {row[0] for row in store.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index'").fetchall()}
        assert set(INDEXES) <= names
        assert {"brief", "law_article"} <= set(store.db.get_tables())
        from mediation_desk.store.models import Case

        case = Case.get_by_id(case_id)
        assert case.terminated_on == date(2026, 11, 30)  # from its 终止调解 step
        assert case.prevented_group_fight_people == 0
        for number in (12, 13):  # safe to re-run
            step = next(s for n, _, s in migrations.MIGRATIONS if n == number)
            step(store)
        assert Case.get_by_id(case_id).terminated_on == date(2026, 11, 30)
    finally:
        store.close()


def test_a_lost_report_index_is_made_again(register: Register) -> None:
    from mediation_desk.domain.periods import Period
    from mediation_desk.services.statistics.service import StatisticsService

    with clock.pinned(date(2026, 11, 30)):
        IntakeService(register.store, register.actor).register(neighbour_draft())
    register.store.execute("DROP INDEX case_report_received")
    figures = StatisticsService(register.store, register.actor).figures(Period.year(2026))
    assert figures.received == 1
    names = {row[0] for row in register.store.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index'").fetchall()}
    assert "case_report_received" in names
