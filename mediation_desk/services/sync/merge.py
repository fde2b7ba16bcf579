"""The field-level three-way merge, as the conflict handler of SQLite's changeset apply.

SQLite applies a change by itself when the row's current values equal the change's *before*
values; otherwise it asks this handler, giving the change's before (``old``) and after
(``new``) values and the row as it is here (``conflict``). Returning OMIT alone would drop
the change's other fields too, so each column is decided on its own:

* where the local value still equals the base (``old``), or already equals ``new``: the
  column simply follows the change;
* a true clash — the same column changed on both sides since the last exchange — is decided
  by which side this device is:

  - **the desk** takes the value that arrives (it serialises everyone's work in the order
    it reaches the room) and keeps the value it replaced in the conflict table, where a
    person reviews it; nothing it had is dropped;
  - **a laptop** keeps its own value only where it has a change the desk has not yet
    acknowledged (the desk will see that change, decide, and send the result back), and
    otherwise takes the desk's: the desk has already seen what the laptop had.

  So after a full round every device holds the desk's state.
* Bookkeeping columns (``updated_at``, ``row_version``, …) follow the same rule but never
  make a conflict; a few counters (a year's last issued number) merge by maximum.
* Deletion is soft: ``deleted_at`` is a column like any other. An edit arriving for a row
  deleted here restores the row and raises a conflict; a deletion arriving for a row edited
  here since the sender last saw it is applied and raises a conflict (the row keeps every
  value and can be restored). A laptop keeps a row alive while it has unsent edits of it.
* Two devices' rows that break a unique name or number: the later one is renamed (a case
  gets a provisional number the desk replaces) and a conflict says so.

Decisions that need writes are collected here and written by :meth:`Merger.write_back`
after the apply, in the same transaction (the handler must not write while SQLite is
in the middle of applying).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import apsw

from mediation_desk.services.sync.changes import NO_CHANGE, Key, Schema, primary_key
from mediation_desk.services.sync.values import disambiguate

BOOKKEEPING = frozenset({"created_at", "updated_at", "updated_by_device", "row_version"})
#: Columns that merge by maximum: numbers only go up, whoever moved them.
MAXIMUM = frozenset({("number_sequence", "last_issued"),
                     ("petition_sequence", "last_issued")})
#: Columns whose difference between two twin rows is no one's concern (a new dictionary
#: entry's place and version when two laptops added the same label).
QUIET = frozenset({("dict_entry", "position"), ("dict_entry", "version")})

OMIT = apsw.SQLITE_CHANGESET_OMIT
REPLACE = apsw.SQLITE_CHANGESET_REPLACE
ABORT = apsw.SQLITE_CHANGESET_ABORT


@dataclass
class Clash:
    """A conflict to record (becomes a ``sync_conflict`` row)."""

    kind: str
    table: str
    row_id: str
    column: str = ""
    base: Any = None
    mine: Any = None
    theirs: Any = None


@dataclass
class Merger:
    """One apply's conflict handler and the writes it decided on.

    ``hub``: this device is the desk. ``pending``: (table, key) → columns this device
    changed that the sender has not acknowledged (empty on the desk).
    ``find_unique`` and ``fetch_row`` read this register (the other row holding a unique
    value; a row by key) for the rare clash of unique names.
    """

    schema: Schema
    hub: bool
    pending: dict[Key, set[int]] = field(default_factory=dict)
    find_unique: Callable[[str, list[int], tuple[Any, ...]], str | None] | None = None
    fetch_row: Callable[[str, str], tuple[Any, ...] | None] | None = None
    updates: dict[Key, dict[int, Any]] = field(default_factory=dict)
    inserts: list[tuple[str, tuple[Any, ...]]] = field(default_factory=list)
    clashes: list[Clash] = field(default_factory=list)
    offered: dict[str, int] = field(default_factory=dict)
    inserted: dict[str, list[str]] = field(default_factory=dict)
    omitted: set[Key] = field(default_factory=set)
    touched: set[Key] = field(default_factory=set)
    #: Columns an UPDATE that SQLite applied set, by row (for the search index).
    changed: dict[Key, set[str]] = field(default_factory=dict)
    #: Rows the handler decided on (their content may be a mix no single device's audit
    #: event vouches for — and so may an UPDATE SQLite applied by itself onto a row merged
    #: earlier: the importer vouches for ``changed`` rows too).
    handled: set[Key] = field(default_factory=set)
    indirect: int = 0
    error: BaseException | None = None

    # -- the callbacks ----------------------------------------------------------------------
    def offer(self, change: apsw.TableChange) -> bool:
        """``filter_change``: count every change SQLite offers (a table it silently skipped
        would show as a shortfall), and leave out indirect ones (made by triggers or
        cascades on the sender: this device's own triggers make them again)."""
        if change.indirect:
            self.indirect += 1
            return False
        self.offered[change.name] = self.offered.get(change.name, 0) + 1
        key = (change.name, primary_key(change))
        self.touched.add(key)
        if change.op == "INSERT":
            self.inserted.setdefault(change.name, []).append(key[1])
        if change.op == "UPDATE":
            names = self._columns(change.name)
            self.changed.setdefault(key, set()).update(
                names[i] for i, v in enumerate(change.new or ()) if i and v is not NO_CHANGE)
        if change.op == "UPDATE" and self._sets_unique(change):
            try:
                return not self._unique_update(change, key)
            except BaseException as exc:  # re-raised by the importer after the apply
                self.error = exc
                return False
        return True

    def _sets_unique(self, change: apsw.TableChange) -> bool:
        new = change.new or ()
        return any(new[i] is not NO_CHANGE for cols in self.schema.unique.get(change.name, [])
                   for i in cols)

    def _unique_update(self, change: apsw.TableChange, key: Key) -> bool:
        """An update setting a unique value another row here holds. SQLite would not ask the
        conflict handler about it (an UPDATE breaking a UNIQUE index just fails the whole
        apply, unlike an INSERT), so it is decided here, before SQLite tries: merged as
        :meth:`_data` merges, renamed as :meth:`_duplicate` renames, written back by hand.
        Whether it was taken over (True: SQLite must skip it)."""
        if self.fetch_row is None:
            return False
        local = self.fetch_row(key[0], key[1])
        if local is None:
            return False
        new = change.new or ()
        arriving = {i: v for i, v in enumerate(new) if i and v is not NO_CHANGE}
        if not self._unique_clash(key, local, arriving, dry_run=True):
            return False  # no clash: SQLite applies it (through _data if need be)
        self.handled.add(key)
        writes, _kept = self._decide(key, local, change.old or (), new)
        self._unique_clash(key, local, writes)
        if writes:
            self.updates.setdefault(key, {}).update(writes)
        return True

    def handle(self, reason: int, change: apsw.TableChange) -> int:
        try:
            if reason != apsw.SQLITE_CHANGESET_FOREIGN_KEY:
                self.handled.add((change.name, primary_key(change)))
            if reason == apsw.SQLITE_CHANGESET_FOREIGN_KEY:
                # Go on: the rows written back after the apply (renamed duplicates) may be
                # the missing parents; the importer checks every foreign key before COMMIT.
                return OMIT
            if reason == apsw.SQLITE_CHANGESET_DATA:
                return self._data(change)
            if reason == apsw.SQLITE_CHANGESET_CONFLICT:
                return self._twin(change)
            if reason == apsw.SQLITE_CHANGESET_NOTFOUND:
                return self._missing(change)
            if reason == apsw.SQLITE_CHANGESET_CONSTRAINT:
                return self._duplicate(change)
            return ABORT
        except BaseException as exc:  # re-raised by the importer after the apply returns
            self.error = exc
            return ABORT

    # -- decisions --------------------------------------------------------------------------
    def _columns(self, table: str) -> list[str]:
        return self.schema.columns[table]

    def _keep_local(self, key: Key, index: int, column: str, local: Any, new: Any) -> bool:
        """Whether this device's value of one clashing column stays (see module doc)."""
        if (key[0], column) in MAXIMUM:
            return local is not None and (new is None or local > new)
        if self.hub:
            return False
        return index in self.pending.get(key, ())

    def _data(self, change: apsw.TableChange) -> int:
        key = (change.name, primary_key(change))
        local = tuple(change.conflict or ())
        if change.op == "DELETE":
            return self._hard_delete(key, local)
        writes, kept = self._decide(key, local, change.old or (), change.new or ())
        if self._unique_clash(key, local, writes):
            kept = True  # written back by hand, renamed: REPLACE would break the index
        if kept:
            if writes:
                self.updates.setdefault(key, {}).update(writes)
            return OMIT
        return REPLACE

    def _decide(self, key: Key, local: tuple[Any, ...], old: tuple[Any, ...],
                new: tuple[Any, ...]) -> tuple[dict[int, Any], bool]:
        """Column by column (see the module's docstring): the values to write, and whether
        some column keeps its local value (then the row must be written back by hand)."""
        table = key[0]
        columns = self._columns(table)
        deleted = columns.index("deleted_at")
        # A laptop keeps a row alive while it has unsent edits of it (the desk restores it
        # when those edits arrive; hiding it meanwhile would lose the mediator's place).
        hold_alive = (not self.hub and bool(self.pending.get(key)) and local[deleted] is None
                      and new[deleted] not in (None, NO_CHANGE))
        writes: dict[int, Any] = {}
        kept = False
        for i, value in enumerate(new):
            if i == 0 or value is NO_CHANGE:
                continue
            name, mine = columns[i], local[i]
            if mine == value:
                continue
            if self._keep_local(key, i, name, mine, value) or (i == deleted and hold_alive):
                kept = True
                continue
            writes[i] = value
            if (self.hub and mine != old[i] and name not in BOOKKEEPING and i != deleted
                    and (table, name) not in QUIET):
                self.clashes.append(Clash("value", table, key[1], name, old[i], mine, value))
        if self.hub:
            self._hub_row_rules(key, local, old, new)
        return writes, kept

    def _unique_clash(self, key: Key, local: tuple[Any, ...], writes: dict[int, Any], *,
                      dry_run: bool = False) -> bool:
        """Whether the row as the merge would leave it takes a unique value another row of
        this register holds (a provisional number finalised on the desk that a laptop's
        unsent paper case already carries). Settled as :meth:`_duplicate` settles it: the
        desk renames this row (``writes`` gain the new name), a laptop renames its own."""
        table = key[0]
        indexes = [cols for cols in self.schema.unique.get(table, [])
                   if any(i in writes for i in cols)]
        if not indexes or self.find_unique is None:
            return False
        columns = self._columns(table)
        row = [writes.get(i, v) for i, v in enumerate(local)]
        clashed = False
        for index_columns in indexes:
            values = tuple(row[i] for i in index_columns)
            other = self.find_unique(table, index_columns, values)
            if other is None or other == key[1]:
                continue
            clashed = True
            if dry_run:
                continue
            first = index_columns[0]
            if self.hub:
                renamed = disambiguate(table, columns, first, row[first], key[1])
                writes.update(renamed)
                for i, v in renamed.items():
                    row[i] = v
                self.clashes.append(Clash("duplicate", table, key[1], columns[first], None,
                                          other, values[0] if len(values) == 1
                                          else list(values)))
            else:
                self.handled.add((table, other))
                self.updates.setdefault((table, other), {}).update(
                    disambiguate(table, columns, first, row[first], other))
        return clashed

    def _hub_row_rules(self, key: Key, local: tuple[Any, ...], old: tuple[Any, ...],
                       new: tuple[Any, ...]) -> None:
        """Deletion against edits, decided for the whole row on the desk."""
        columns = self._columns(key[0])
        deleted, version = columns.index("deleted_at"), columns.index("row_version")
        incoming = new[deleted]
        edits_there = any(i and v is not NO_CHANGE and columns[i] not in BOOKKEEPING
                          and i != deleted for i, v in enumerate(new))
        changed_here = old[version] is not NO_CHANGE and local[version] != old[version]
        if local[deleted] is not None and incoming is NO_CHANGE and edits_there:
            # An edit made without knowing of the deletion: the row comes back.
            self.updates.setdefault(key, {})[deleted] = None
            self.clashes.append(Clash("restored", key[0], key[1], "deleted_at", None,
                                      local[deleted], None))
        elif (local[deleted] is None and incoming not in (None, NO_CHANGE)
              and old[deleted] is None and changed_here):
            # A deletion of a row changed here since the sender saw it: it goes ahead (the
            # row keeps every value) and a person decides whether to restore it.
            self.clashes.append(Clash("deleted", key[0], key[1], "deleted_at", None, None,
                                      incoming))

    def _twin(self, change: apsw.TableChange) -> int:
        """An insert of a row that exists here: the same row delivered again, or the twin
        two devices made of one natural key (a village both added). Merged column by
        column (never REPLACE: that deletes the row first, with its cascades)."""
        table = change.name
        key = (table, primary_key(change))
        columns = self._columns(table)
        local = tuple(change.conflict or ())
        new = tuple(change.new or ())
        writes: dict[int, Any] = {}
        for i in range(1, len(new)):
            if local[i] == new[i] or self._keep_local(key, i, columns[i], local[i], new[i]):
                continue
            writes[i] = new[i]
            if self.hub and columns[i] not in BOOKKEEPING and (table, columns[i]) not in QUIET:
                kind = "value" if columns[i] != "deleted_at" else (
                    "restored" if new[i] is None else "deleted")
                self.clashes.append(Clash(kind, table, key[1], columns[i] if kind == "value"
                                          else "deleted_at", None, local[i], new[i]))
        self._unique_clash(key, local, writes)
        if writes:
            self.updates.setdefault(key, {}).update(writes)
        return OMIT

    def _missing(self, change: apsw.TableChange) -> int:
        """A change for a row this register never had: kept in the conflict table whole."""
        key = (change.name, primary_key(change))
        self.omitted.add(key)
        values = change.new if change.op != "DELETE" else change.old
        shown = {c: v for c, v in zip(self._columns(change.name), values or (), strict=False)
                 if v is not NO_CHANGE}
        self.clashes.append(Clash("missing", change.name, key[1], "", None, None, shown))
        return OMIT

    def _hard_delete(self, key: Key, local: tuple[Any, ...]) -> int:
        """A hard deletion (an audited purge) of a row changed here: on the desk it goes
        ahead and the row as it was is kept in the conflict table."""
        if not self.hub and key in self.pending:
            return OMIT
        if self.hub:
            row = dict(zip(self._columns(key[0]), local, strict=False))
            self.clashes.append(Clash("deleted", key[0], key[1], "", None, row, None))
        return REPLACE

    def _duplicate(self, change: apsw.TableChange) -> int:
        """A unique name or number already used here by another row. The row that reaches
        the desk later is renamed (a case gets a provisional number the desk replaces): so
        the desk renames the arriving row, and a laptop renames its *own* row — the desk
        has renamed it, or will when it arrives, in exactly the same way (the new name is
        derived from the row's key) — and takes the desk's row as it is."""
        table = change.name
        if self.find_unique is None or self.fetch_row is None or change.op == "DELETE":
            return self._missing(change)
        columns = self._columns(table)
        key = (table, primary_key(change))
        if change.op == "INSERT":
            row = list(change.new or ())
        else:
            local = self.fetch_row(table, key[1])
            if local is None:
                return self._missing(change)
            row = [local[i] if v is NO_CHANGE else v for i, v in enumerate(change.new or ())]
        renamed: dict[int, Any] = {}
        for index_columns in self.schema.unique.get(table, []):
            values = tuple(row[i] for i in index_columns)
            other = self.find_unique(table, index_columns, values)
            if other is None or other == key[1]:
                continue
            first = index_columns[0]
            if self.hub:
                new_values = disambiguate(table, columns, first, row[first], key[1])
                renamed.update(new_values)
                for i, v in new_values.items():
                    row[i] = v
                self.clashes.append(Clash("duplicate", table, key[1], columns[first], None,
                                          other, values[0] if len(values) == 1
                                          else list(values)))
            else:
                self.handled.add((table, other))
                self.updates.setdefault((table, other), {}).update(
                    disambiguate(table, columns, first, row[first], other))
        self.omitted.add(key)
        if change.op == "INSERT":
            self.inserts.append((table, tuple(row)))
        else:
            changed = {i: row[i] for i, v in enumerate(change.new or ())
                       if i and v is not NO_CHANGE}
            self.updates.setdefault(key, {}).update(changed | renamed)
        return OMIT
