"""Capturing every change for the patrol laptops: an SQLite session per write transaction.

Why a session and not timestamps: a laptop's clock may be years off, and "changed since"
by ``updated_at`` misses a change made at the same second and cannot tell which columns
moved. SQLite's session extension records exactly the rows and columns a transaction
changed, with their values before and after, which is what a field-level merge needs.

How: :meth:`Capture.session` wraps the outermost ``Store.write()`` transaction. When
capture is on (``local_state.sync_capture``, set when the first laptop is enrolled, and on
every laptop) it attaches an ``apsw.Session`` to the synced tables only — never the outbox,
the local tables, drafts or the search index — and just before COMMIT stores the
changeset in ``sync_outbox`` under this device's next sequence number, in the same
transaction: a change is captured if and only if it is committed.

A register with no laptops captures nothing (no outbox grows on a desk that never syncs).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING

import apsw

if TYPE_CHECKING:
    from mediation_desk.store.database import Store

CAPTURE_KEY = "sync_capture"

LOCAL_TABLES_SQL = (
    # One row per captured transaction of *this* device; seq never reused (AUTOINCREMENT),
    # so pruning acknowledged rows cannot hand out a number twice.
    "CREATE TABLE IF NOT EXISTS sync_outbox ("
    " seq INTEGER PRIMARY KEY AUTOINCREMENT, origin TEXT NOT NULL, changeset BLOB NOT NULL)",
    # What this device knows of each device it exchanges with: the highest of their
    # sequence numbers applied here, and the highest of ours they say they have applied.
    "CREATE TABLE IF NOT EXISTS sync_peer ("
    " device_id TEXT PRIMARY KEY, applied_seq INTEGER NOT NULL DEFAULT 0,"
    " acked_seq INTEGER NOT NULL DEFAULT 0, last_in_at TEXT, last_in_bundle TEXT,"
    " last_out_at TEXT, last_out_bundle TEXT, clock_note TEXT NOT NULL DEFAULT '')",
    # Every bundle applied here, by id: importing the same bundle again applies nothing.
    "CREATE TABLE IF NOT EXISTS sync_ledger ("
    " bundle_id TEXT PRIMARY KEY, from_device TEXT NOT NULL, seq_first INTEGER NOT NULL,"
    " seq_last INTEGER NOT NULL, changes INTEGER NOT NULL, conflicts INTEGER NOT NULL,"
    " applied_at TEXT NOT NULL, account TEXT NOT NULL DEFAULT '')",
)


def create_local_tables(store: Store) -> None:
    for sql in LOCAL_TABLES_SQL:
        store.execute(sql)


def synced_tables() -> frozenset[str]:
    """Names of the tables whose rows travel between devices."""
    from mediation_desk.store.models import SYNCED_MODELS

    return frozenset(m._meta.table_name for m in SYNCED_MODELS)


class _State(threading.local):
    depth = 0
    session: apsw.Session | None = None
    origin = ""


class Capture:
    """The session of the write transaction running on each thread (peewee gives every
    thread its own connection, and a session sees only its own connection)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._state = _State()
        self._tables = synced_tables()

    def is_on(self) -> bool:
        return self._store.local(CAPTURE_KEY) == "1"

    def turn_on(self) -> None:
        """From now on every write is captured (first enrolment, and on each laptop)."""
        self._store.set_local(CAPTURE_KEY, "1")

    @contextlib.contextmanager
    def session(self, origin: str | None = None, *, capture: bool = True) -> Iterator[None]:
        """Capture the transaction this wraps (the outermost one only; nested writes are
        part of it). ``origin``: whose work this is (default: this device); the importer
        captures what it applies for another device under that device's id. With
        ``capture=False`` the transaction starts without a session (see :meth:`switch`)."""
        state = self._state
        if state.depth:
            state.depth += 1
            try:
                yield
            finally:
                state.depth -= 1
            return
        state.depth = 1
        try:
            if capture and self.is_on():
                self._start(origin)
            yield
            self._store_changes()
        finally:
            self._drop()
            state.depth = 0

    def switch(self, origin: str | None = None) -> int | None:
        """Inside a write: store what was captured so far as its own outbox row, then go
        on capturing under ``origin``; returns the stored row's sequence number."""
        if not self._state.depth:
            raise RuntimeError("Capture.switch outside a write transaction")
        seq = self._store_changes()
        self._drop()
        if self.is_on():
            self._start(origin)
        return seq

    def _start(self, origin: str | None) -> None:
        session = apsw.Session(self._store.connection(), "main")
        tables = self._tables
        session.table_filter(lambda name: name in tables)
        session.attach()
        self._state.session = session
        self._state.origin = origin or self._store.local_device_id()

    def _store_changes(self) -> int | None:
        session = self._state.session
        if session is None:
            return None
        changeset = session.changeset()
        if not changeset:
            return None
        cursor = self._store.execute(
            "INSERT INTO sync_outbox (origin, changeset) VALUES (?, ?) RETURNING seq",
            (self._state.origin, changeset))
        return int(cursor.fetchone()[0])

    def _drop(self) -> None:
        session, self._state.session = self._state.session, None
        if session is not None:
            session.close()
