"""Numbered schema migrations, each one transaction, with a backup of the file first.

Why code and not .sql files: PyInstaller bundles modules reliably, and a step sometimes needs
Python (filling a new column from old ones). Each step must be safe to re-run: it checks what
exists before creating it, so a crash between two steps never leaves a half-migrated file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from mediation_desk import clock
from mediation_desk.errors import StoreUnavailable
from mediation_desk.store.backup import backup_pair, prune
from mediation_desk.store.files import glob_escape
from mediation_desk.store.keys import keyfile_path

if TYPE_CHECKING:
    from mediation_desk.store.database import Store


def _v1_initial(store: Store) -> None:
    """The first schema: every synced table, the search index and local state."""
    from mediation_desk.store import search
    from mediation_desk.store.models import LOCAL_MODELS, SYNCED_MODELS

    store.db.create_tables([*SYNCED_MODELS, *LOCAL_MODELS], safe=True)
    search.create_schema(store)


def _v2_anonymised_on(store: Store) -> None:
    """Retention (PIPL Arts 19, 47): remember when a case's personal data was removed."""
    columns = {c.name for c in store.db.get_columns("case")}
    if "anonymised_on" not in columns:
        store.execute('ALTER TABLE "case" ADD COLUMN "anonymised_on" DATE')


def _v3_live_case_index(store: Store) -> None:
    """The register's default view — live cases, newest first — straight from one partial
    index: it holds only live cases and is already in order, so counting and the first page
    never touch the table. Partial, not a plain index on ``deleted_at``: SQLite took such
    an index for selective and used it even for lookups by id, scanning every live case
    (measured: a plain index made each search 24 ms at 10,000 cases, this one under 1 ms;
    without any, the first page sorted the table: 55 ms)."""
    store.execute("DROP INDEX IF EXISTS case_deleted_at")
    store.execute("DROP INDEX IF EXISTS case_live_received")
    store.execute('CREATE INDEX IF NOT EXISTS case_live_by_received ON "case"'
                  "(received_on, number_seq) WHERE deleted_at IS NULL")


def _v4_patrols_and_printing(store: Store) -> None:
    """Issue 4 and 6: patrol plans, their exceptions, visits and findings; escalations tied
    to a finding; and printed documents filed back to their case."""
    from mediation_desk.store.models import (
        Finding,
        PatrolChange,
        PatrolPlan,
        PatrolVisit,
        PrintedDocument,
    )

    store.db.create_tables([PatrolPlan, PatrolChange, PatrolVisit, Finding, PrintedDocument],
                           safe=True)
    columns = {c.name for c in store.db.get_columns("escalation")}
    if "finding_id" not in columns:
        store.execute('ALTER TABLE "escalation" ADD COLUMN "finding_id" VARCHAR(36) '
                      'REFERENCES "finding" ("id")')
        store.execute('CREATE INDEX IF NOT EXISTS "escalation_finding_id" '
                      'ON "escalation" ("finding_id")')


def _v5_visit_names_its_extra(store: Store) -> None:
    """Issue 10: a visit names the extra visit (专项排查) it fulfils, not only a date.

    Adds ``patrol_visit.extra_id`` and files the visits already recorded against an extra
    under it: all of them when the extra's date is no planned date of the plan; when it is,
    those held on that day if the planned patrol was moved away or cancelled (the planned
    patrol's own visits were held on its new day); when the planned patrol stayed, the
    visits stay with it (there is nothing to tell them apart by)."""
    columns = {c.name for c in store.db.get_columns("patrol_visit")}
    if "extra_id" not in columns:
        store.execute('ALTER TABLE "patrol_visit" ADD COLUMN "extra_id" VARCHAR(36) '
                      'REFERENCES "patrol_change" ("id")')
    store.execute('CREATE INDEX IF NOT EXISTS "patrol_visit_extra_id" '
                  'ON "patrol_visit" ("extra_id")')
    extras = store.execute(
        'SELECT c."id", c."plan_id", c."new_on", p."rule", p."starts_on", p."start_time", '
        'p."until" FROM "patrol_change" c JOIN "patrol_plan" p ON p."id" = c."plan_id" '
        "WHERE c.\"kind\" = 'extra' AND c.\"deleted_at\" IS NULL AND c.\"new_on\" IS NOT NULL "
        'ORDER BY c."created_at"').fetchall()
    for extra_id, plan_id, new_on, rule, starts_on, start_time, until in extras:
        where = ('"plan_id" = ? AND "occurrence_on" = ? AND "extra_id" IS NULL '
                 'AND "deleted_at" IS NULL')
        params: list[object] = [plan_id, new_on]
        if _planned_on(rule, starts_on, start_time, until, new_on):
            stays = store.execute(
                'SELECT 1 FROM "patrol_change" WHERE "plan_id" = ? AND "original_on" = ? '
                "AND \"kind\" IN ('move', 'cancel') AND \"deleted_at\" IS NULL",
                (plan_id, new_on)).fetchall()
            if not stays:
                continue
            where += ' AND "on" = ?'
            params.append(new_on)
        store.execute(f'UPDATE "patrol_visit" SET "extra_id" = ? WHERE {where}',
                      (extra_id, *params))


def _planned_on(rule: str, starts_on: str, at: str, until: str | None, day: str) -> bool:
    """Whether the plan's rule has an occurrence on ``day`` (dates as stored, ISO text)."""
    from datetime import date

    from mediation_desk.domain import recurrence
    from mediation_desk.domain.errors import DomainError

    try:
        return recurrence.is_occurrence(rule, date.fromisoformat(str(starts_on)), at,
                                        date.fromisoformat(str(day)),
                                        date.fromisoformat(str(until)) if until else None)
    except (DomainError, ValueError):
        return False


def _v6_case_arrivals(store: Store) -> None:
    """Real registers in (issue 10 item 8): how each imported case arrived, what the import
    assumed, and the list of imported cases a person still has to check."""
    from mediation_desk.store.models import CaseArrival

    store.db.create_tables([CaseArrival], safe=True)
    store.execute('CREATE INDEX IF NOT EXISTS case_arrival_to_review ON "case_arrival"'
                  "(case_id) WHERE review != '' AND reviewed_on IS NULL AND deleted_at IS NULL")


def _v8_attachments_and_field_changes(store: Store) -> None:
    """Issue 16: files filed to cases (rows, and their content in chunks keyed by SHA-256),
    and the before and after of every audited edit, field by field."""
    from mediation_desk.store.models import (
        Attachment,
        AttachmentChunk,
        AttachmentContent,
        FieldChange,
    )

    store.db.create_tables([Attachment, AttachmentContent, AttachmentChunk, FieldChange],
                           safe=True)


def _add_column(store: Store, table: str, column: str, ddl: str) -> None:
    if column not in {c.name for c in store.db.get_columns(table)}:
        store.execute(f'ALTER TABLE "{table}" ADD COLUMN "{column}" {ddl}')


def _v12_report_facts(store: Store) -> None:
    """Issue 14, the monthly report: the facts its definitions need that the register did
    not keep, and indexes for its GROUP BY queries.

    - ``case.terminated_on``: the day mediation was ended (a terminated case counts in the
      month it ended, not when someone later pressed 结案); filled from the case's 终止调解
      step, else its closing date.
    - ``case.prevented_group_fight_people`` / ``…_petition_people``: the 件/人 pairs of the
      prevention figures (防止群体性械斗、群体性上访), beside the existing criminal pair.
    - ``agreement.confirmation_*``: judicial confirmation applied for, court, result, ruling day.
    - indexes on the dates each figure is counted by (agreement reached, case closed or
      ended, court ruling, finding resolved).
    """
    _add_column(store, "case", "terminated_on", "DATE")
    _add_column(store, "case", "prevented_group_fight_people", "INTEGER NOT NULL DEFAULT 0")
    _add_column(store, "case", "prevented_group_petition_people", "INTEGER NOT NULL DEFAULT 0")
    _add_column(store, "agreement", "confirmation_applied_on", "DATE")
    _add_column(store, "agreement", "confirmation_court", "VARCHAR(255) NOT NULL DEFAULT ''")
    _add_column(store, "agreement", "confirmation_result", "VARCHAR(255) NOT NULL DEFAULT ''")
    _add_column(store, "agreement", "confirmation_on", "DATE")
    store.execute(
        'UPDATE "case" SET terminated_on = COALESCE('
        '(SELECT date(MAX(e.at)) FROM case_event e WHERE e.case_id = "case".id '
        "AND e.step = 'terminate' AND e.deleted_at IS NULL), closed_on) "
        "WHERE outcome = 'terminated' AND terminated_on IS NULL")
    for name, table, column in (("case_terminated_on", "case", "terminated_on"),
                                ("case_closed_on", "case", "closed_on"),
                                ("agreement_reached_on", "agreement", "reached_on"),
                                ("agreement_confirmation_on", "agreement", "confirmation_on"),
                                ("finding_resolved_on", "finding", "resolved_on")):
        store.execute(f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" ("{column}")')
    for sql in REPORT_INDEXES:
        store.execute(sql)


#: Covering indexes for the report's GROUP BY queries (store/statistics.py): each holds every
#: column its figure reads, for live rows only, so a year of a 100,000-case register is
#: counted from the index without reading one table row. Measured at 10,000 demo cases (bench
#: monthly_report_ms / yearly_report_ms): a year's figures 197 ms with plain date indexes,
#: 45 ms with these; a month 1.5 ms → 0.9 ms. SQLite's planner, without ANALYZE statistics,
#: prefers the narrower indexes on the same dates, so store/statistics.py names these with
#: INDEXED BY.
REPORT_INDEXES = (
    'CREATE INDEX IF NOT EXISTS case_report_received ON "case" (received_on, dispute_type, '
    "source, village_id, people_involved, group_dispute, prevented_criminal, "
    "prevented_criminal_people, prevented_suicide, prevented_group_fight, "
    "prevented_group_fight_people, prevented_group_petition, prevented_group_petition_people, "
    "id) WHERE deleted_at IS NULL",
    'CREATE INDEX IF NOT EXISTS case_report_failed ON "case" (closed_on, dispute_type, '
    "village_id) WHERE deleted_at IS NULL AND outcome = 'failure'",
    'CREATE INDEX IF NOT EXISTS case_report_terminated ON "case" (terminated_on, dispute_type, '
    "village_id) WHERE deleted_at IS NULL AND outcome = 'terminated'",
    "CREATE INDEX IF NOT EXISTS agreement_report_reached ON agreement (reached_on, case_id, "
    "form, id) WHERE deleted_at IS NULL",
    "CREATE INDEX IF NOT EXISTS agreement_term_report_amount ON agreement_term (agreement_id, "
    "amount_fen) WHERE deleted_at IS NULL",
    "CREATE INDEX IF NOT EXISTS finding_report_case ON finding (case_id, visit_id) "
    "WHERE deleted_at IS NULL AND case_id IS NOT NULL",
    # an agreement's or a finding's case, found with what the report groups it by
    'CREATE INDEX IF NOT EXISTS case_report_by_id ON "case" (id, dispute_type, village_id, '
    "source, received_on) WHERE deleted_at IS NULL",
)


def _v13_briefs(store: Store) -> None:
    """Issue 14, 以案释法: the reviewed brief saved with its case, and the room's edits to
    the library of articles briefs quote."""
    from mediation_desk.store.models import Brief, LawArticle

    store.db.create_tables([Brief, LawArticle], safe=True)


def _v14_sync(store: Store) -> None:
    """Issue 13, patrol laptops: number leases and conflicts (synced tables); the outbox of
    captured changesets, the peers' marks and the ledger of bundles applied (local tables,
    never captured); an index to find a row's latest audit event per device, and one to
    find a row's search documents."""
    from mediation_desk.store import capture
    from mediation_desk.store.models import NumberLease, SyncConflict

    store.db.create_tables([NumberLease, SyncConflict], safe=True)
    capture.create_local_tables(store)
    store.execute("CREATE INDEX IF NOT EXISTS audit_event_entity "
                  "ON audit_event (entity_id, device, seq)")
    # An import re-indexes only the rows that changed: their documents found by row.
    store.execute("CREATE INDEX IF NOT EXISTS search_doc_case_ref ON search_doc (case_id, ref_id)")


def _v20_petitions(store: Store) -> None:
    """Issue 15, the 接访-研判-督办-反馈 loop: visitor requests and their numbers, joint
    meetings, assignments to departments, return visits, the duty rota and appointments,
    printouts filed to a request; residential compounds (小区) of the property alliance, and
    ``case.compound_id`` so a case can name its compound too."""
    from mediation_desk.store.models import (
        Assignment,
        Compound,
        DutyRota,
        JointMeeting,
        Petition,
        PetitionDocument,
        PetitionSequence,
        ReturnVisit,
        VisitAppointment,
    )

    store.db.create_tables([Compound, Petition, PetitionSequence, JointMeeting, Assignment,
                            ReturnVisit, DutyRota, VisitAppointment, PetitionDocument],
                           safe=True)
    _add_column(store, "case", "compound_id",
                'VARCHAR(36) REFERENCES "compound" ("id")')
    store.execute('CREATE INDEX IF NOT EXISTS "case_compound_id" ON "case" ("compound_id")')


def _v25_agreement_court_limits(store: Store) -> None:
    """Issue 16: the court-confirmation rule by content, not by dispute type — two flags on
    the agreement, 涉及身份关系 and 涉及物权、知识产权确权, both off for agreements already
    recorded (a family case's support or property division is confirmable; only the mediator
    can tell whether an agreement settles a marriage or an ownership)."""
    _add_column(store, "agreement", "identity_relation", "INTEGER NOT NULL DEFAULT 0")
    _add_column(store, "agreement", "ownership_confirmation", "INTEGER NOT NULL DEFAULT 0")


MIGRATIONS: list[tuple[int, str, Callable[[Store], None]]] = [
    (1, "initial schema", _v1_initial),
    (2, "case.anonymised_on", _v2_anonymised_on),
    (3, "index of live cases", _v3_live_case_index),
    (4, "patrols and printed documents", _v4_patrols_and_printing),
    (5, "a patrol visit names its extra visit", _v5_visit_names_its_extra),
    (6, "imported cases: arrival and review", _v6_case_arrivals),
    (8, "attachments and field changes", _v8_attachments_and_field_changes),
    (12, "report facts and their indexes", _v12_report_facts),
    (13, "以案释法 briefs and article library", _v13_briefs),
    (14, "laptop sync: leases, conflicts, outbox, peers, ledger", _v14_sync),
    (20, "visitor requests, duty rota, compounds", _v20_petitions),
    (25, "agreement: identity relation and ownership flags", _v25_agreement_court_limits),
]
LATEST = MIGRATIONS[-1][0]


def schema_version(store: Store) -> int:
    value = store.local("schema_version", "0")
    return int(value or 0)


def migrate(store: Store) -> list[int]:
    """Bring the file up to :data:`LATEST`; returns the steps run."""
    store.db.execute_sql(
        "CREATE TABLE IF NOT EXISTS local_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
    )
    current = schema_version(store)
    if current > LATEST:
        raise StoreUnavailable(
            f"数据库由较新版本的调解工作台创建（结构版本 {current}，本程序支持到 {LATEST}），请升级程序"
        )
    pending = [m for m in MIGRATIONS if m[0] > current]
    if pending and current > 0:
        backup_before_migration(store, current)
    for number, _title, step in pending:
        with store.db.atomic("IMMEDIATE"):
            step(store)
            store.set_local("schema_version", str(number))
    if not store.local_device_id():
        _register_device(store)
    return [m[0] for m in pending]


def _register_device(store: Store) -> None:
    """Give this installation its identity: one Device row, remembered locally."""
    import socket

    from mediation_desk.store.base import StoreContext
    from mediation_desk.store.models import Device

    with store.db.atomic("IMMEDIATE"):
        device = Device.create(name=socket.gethostname() or "调解室主机", kind="desk")
        store.set_local("device_id", device.id)
    StoreContext.device_id = device.id


#: Backups made before a migration that are kept (the newest); older ones are removed.
KEEP_MIGRATION_BACKUPS = 5
MIGRATION_MARK = ".before-migration-v"


def backup_folder(store: Store) -> Path:
    """Where the automatic backups made before a migration or an import go."""
    return store.path.parent / "backups"


def backup_before_migration(store: Store, version: int) -> Path:
    """A restorable pair (database and key slots) of the file as it was, in ``backups/``;
    only the newest :data:`KEEP_MIGRATION_BACKUPS` are kept."""
    folder = backup_folder(store)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = clock.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{store.path.name}{MIGRATION_MARK}{version}-{stamp}.bak"
    keys = keyfile_path(store.path) if store.db_key is not None else None
    backup_pair(store.connection(), store.db_key, keys, target)
    made = sorted(folder.glob(f"{glob_escape(store.path.name)}{MIGRATION_MARK}*.bak"),
                  key=lambda p: p.name[len(store.path.name) + len(MIGRATION_MARK):].split(
                      "-", 1)[-1], reverse=True)
    try:
        keep = int(store.setting("backup_keep_migration", KEEP_MIGRATION_BACKUPS))
    except Exception:  # a file too old or damaged to say: keep the default number
        keep = KEEP_MIGRATION_BACKUPS
    prune(made, keep)
    return target
