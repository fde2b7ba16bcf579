"""Reading changesets: what tables and columns they touch, checked against this register.

Why check columns ourselves: SQLite's changeset apply matches columns by position, and a
table whose column count differs is skipped without an error (only a log line). A bundle
from a program with another schema would then be "applied" with whole tables missing. So
every change's table and column count is compared with ``PRAGMA table_info`` before
anything is written, and the counts per table are compared with the manifest.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import apsw

from mediation_desk.services.sync.bundle import BundleRefused, Entry
from mediation_desk.store.capture import synced_tables
from mediation_desk.store.database import Store

NO_CHANGE = apsw.no_change
Key = tuple[str, str]  # (table, primary key)


@dataclass
class Schema:
    """The synced tables' columns in this register (position order = changeset order)."""

    columns: dict[str, list[str]]
    unique: dict[str, list[list[int]]] = field(default_factory=dict)

    def index(self, table: str, column: str) -> int:
        return self.columns[table].index(column)


def schema_of(store: Store) -> Schema:
    columns: dict[str, list[str]] = {}
    unique: dict[str, list[list[int]]] = {}
    for table in sorted(synced_tables()):
        names = [str(r[1]) for r in store.execute(f'PRAGMA table_info("{table}")').fetchall()]
        columns[table] = names
        indexes: list[list[int]] = []
        for row in store.execute(f'PRAGMA index_list("{table}")').fetchall():
            if row[2] and row[3] != "pk":  # unique, and not the primary key itself
                cols = [str(r[2]) for r in store.execute(
                    f'PRAGMA index_info("{row[1]}")').fetchall()]
                indexes.append([names.index(c) for c in cols])
        unique[table] = indexes
    return Schema(columns, unique)


def primary_key(change: apsw.TableChange) -> str:
    values = change.new if change.op == "INSERT" else change.old
    assert values is not None
    return str(values[0])


def changed_columns(change: apsw.TableChange) -> list[int]:
    """Columns (by position) a change sets: every column of an insert or delete, the
    changed ones of an update."""
    if change.op == "UPDATE":
        assert change.new is not None
        return [i for i, v in enumerate(change.new) if v is not NO_CHANGE and i != 0]
    return list(range(change.column_count))


def check_entries(entries: Iterable[Entry], schema: Schema) -> dict[str, int]:
    """Parse every change, refusing unknown tables, other column counts or a primary key
    other than ``id``; fills each entry's counts and returns the counts per table."""
    totals: dict[str, int] = {}
    for entry in entries:
        tables: dict[str, int] = {}
        try:
            for change in apsw.Changeset.iter(entry.changeset):
                expected = schema.columns.get(change.name)
                if expected is None:
                    raise BundleRefused(f"第{entry.seq}号条目含有本程序没有的数据表“{change.name}”")
                if change.column_count != len(expected):
                    raise BundleRefused(
                        f"第{entry.seq}号条目中数据表“{change.name}”有{change.column_count}列，"
                        f"本数据库为{len(expected)}列：双方程序版本不同，请先升级")
                if change.op not in ("INSERT", "UPDATE", "DELETE") or \
                        set(change.pk_columns) != {0}:
                    raise BundleRefused(f"第{entry.seq}号条目中有无法识别的修改")
                tables[change.name] = tables.get(change.name, 0) + 1
        except apsw.Error as exc:
            raise BundleRefused(f"第{entry.seq}号条目已损坏（{exc}）") from exc
        total = sum(tables.values())
        if entry.changes != total:
            raise BundleRefused(f"第{entry.seq}号条目的修改条数（{total}）与清单（{entry.changes}）不符")
        entry.tables = tables
        for table, count in tables.items():
            totals[table] = totals.get(table, 0) + count
    return totals


def count(changeset: bytes) -> tuple[int, dict[str, int]]:
    """How many changes a changeset holds, in all and per table."""
    tables: dict[str, int] = {}
    for change in apsw.Changeset.iter(changeset):
        tables[change.name] = tables.get(change.name, 0) + 1
    return sum(tables.values()), tables


def disjoint_runs(changesets: Iterable[bytes]) -> list[bytes]:
    """Consecutive changesets joined while no row appears twice in a run.

    Why: applying entries one by one keeps each entry's intermediate values (see the
    importer), but each apply costs SQLite a few milliseconds of setup; entries that touch
    different rows give the same result applied together, so a day's work of hundreds of
    small transactions becomes a handful of applies."""
    runs: list[list[bytes]] = []
    seen: set[Key] = set()
    for changeset in changesets:
        rows = {(c.name, primary_key(c)) for c in apsw.Changeset.iter(changeset)}
        if not runs or rows & seen:
            runs.append([])
            seen = set()
        runs[-1].append(changeset)
        seen |= rows
    joined = []
    for run in runs:
        if len(run) == 1:
            joined.append(run[0])
            continue
        builder = apsw.ChangesetBuilder()  # type: ignore[no-untyped-call]
        for changeset in run:
            builder.add(changeset)
        joined.append(builder.output())
    return joined


def touched_fields(changesets: Iterable[bytes]) -> dict[Key, set[int]]:
    """(table, key) → columns changed, over several changesets: what a laptop changed that
    the desk has not acknowledged yet (its *pending* work, which an import must not undo)."""
    touched: dict[Key, set[int]] = {}
    for changeset in changesets:
        for change in apsw.Changeset.iter(changeset):
            touched.setdefault((change.name, primary_key(change)), set()).update(
                changed_columns(change))
    return touched


def content_hashes(changesets: Iterable[bytes], schema: Schema) -> list[str]:
    """The SHA-256 of every attachment content the rows in these changesets point at (an
    attachment filed, or given another file): what a bundle must carry beside them."""
    column = schema.index("attachment", "sha256")
    found: dict[str, None] = {}
    for changeset in changesets:
        for change in apsw.Changeset.iter(changeset):
            if change.name != "attachment" or change.op == "DELETE":
                continue
            value = (change.new or ())[column]
            if isinstance(value, str):  # (an update leaving it: NO_CHANGE)
                found[value] = None
    return list(found)
