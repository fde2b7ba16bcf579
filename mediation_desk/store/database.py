"""Opening the register: the encrypted SQLite file, its pragmas, checks and migrations.

Why these pragmas: the data are legal records (``synchronous=full`` so an acknowledged write
survives a power cut), WAL lets the window read while a long write runs, foreign keys keep the
dossier whole, and a ``quick_check`` on open finds a damaged file before anyone types into it.

Why the checks before SQLite touches the file: opening is where a restore killed half-way is
finished (store/swap.py), where this process says it is using the register (so no restore
replaces it meanwhile, register_lock.py), and where a file that is not a register — another
program's database, an empty or a text file — is refused read-only, before the pragmas would
switch it to WAL and the migrations write a schema into it (store/files.py).
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import apsw
import peewee
from playhouse.apsw_ext import APSWDatabase

from mediation_desk.errors import StoreUnavailable
from mediation_desk.register_lock import RegisterUse
from mediation_desk.store import migrations
from mediation_desk.store.base import StoreContext, database_proxy
from mediation_desk.store.capture import Capture
from mediation_desk.store.changes import ChangeSet
from mediation_desk.store.files import check_register_file, create_private, refuse_odd_file
from mediation_desk.store.keys import key_pragma
from mediation_desk.store.sqlite_errors import (
    describe_environment_error,
    environment_errors,
    original_sqlite_error,
)
from mediation_desk.store.swap import needs_settling, open_use

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
#: How long a command-line writer waits for another's transaction (a long import) to end:
#: nobody is waiting at a frozen window, and failing would only mean running it again.
PATIENT_TIMEOUT_MS = 120_000
OPEN_STATE = "open_state"  # local_state key: "open" while in use, "closed" after a clean close


def _pragmas(db_key: bytes | None, busy_ms: int = BUSY_TIMEOUT_MS) -> list[tuple[str, Any]]:
    pragmas: list[tuple[str, Any]] = []
    if db_key is not None:
        pragmas.append(("key", key_pragma(db_key)))  # must come first
    pragmas += [
        ("busy_timeout", busy_ms),
        ("foreign_keys", 1),
        ("journal_mode", "wal"),
        ("synchronous", "full"),
    ]
    return pragmas


class Store:
    """One open register file. Services do their work through it; the UI never sees SQL."""

    def __init__(self, path: Path, db: APSWDatabase, db_key: bytes | None,
                 use: RegisterUse | None = None) -> None:
        self.path = path
        self.db = db
        self.db_key = db_key
        self.use = use  # this process's hold on the file, given back on close
        self.busy_ms = BUSY_TIMEOUT_MS
        self._listeners: list[Callable[[ChangeSet], None]] = []
        self.capture = Capture(self)

    # -- opening ---------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str, db_key: bytes | None, *, create: bool = False,
             busy_ms: int = BUSY_TIMEOUT_MS) -> Store:
        """Open (or with ``create`` make) the file, check it and bring its schema up to date."""
        path = Path(path)
        if not create and not path.exists() and not needs_settling(path):
            raise StoreUnavailable(f"数据库文件不存在：{path}")
        if create and path.exists():
            raise StoreUnavailable(f"数据库文件已存在，不会覆盖：{path}")
        refuse_odd_file(path)
        use = open_use(path)
        try:
            if not create and not path.exists():
                raise StoreUnavailable(f"数据库文件不存在：{path}")
            if create:
                create_private(path)  # owner-only from its first byte
            else:
                check_register_file(path, db_key)
        except BaseException:
            use.discard()
            raise
        db = APSWDatabase(str(path), pragmas=_pragmas(db_key, busy_ms), timeout=busy_ms / 1000)
        store = cls(path, db, db_key, use)
        store.busy_ms = busy_ms
        with environment_errors(path):
            try:
                db.connect()
                database_proxy.initialize(db)
                if store._closed_uncleanly():
                    store.check_integrity()
                migrations.migrate(store)
                store.set_local(OPEN_STATE, "open")
                StoreContext.device_id = store.local_device_id()
            except BaseException:
                if not db.is_closed():
                    db.close()
                use.close()
                raise
        return store

    def _closed_uncleanly(self) -> bool:
        """Whether the last session did not close this file (a crash, a power cut, a kill).

        Why not ``quick_check`` on every open: it reads every page — about 10 s for a
        100,000-case register — so it runs when it matters (after an unclean end), in
        ``verify`` and before the daily backup; SQLite also reports damage on any read.
        """
        try:
            rows = self.db.execute_sql(
                "SELECT value FROM local_state WHERE key = ?", (OPEN_STATE,)).fetchall()
        except (apsw.SQLError, peewee.OperationalError):
            return True  # a new file, or one from before this bookkeeping: check it
        return not rows or rows[0][0] != "closed"

    def check_integrity(self) -> None:
        """SQLite's ``quick_check`` of every page; StoreUnavailable naming what is wrong."""
        try:
            rows = self.db.execute_sql("PRAGMA quick_check").fetchall()
        except (apsw.Error, peewee.PeeweeException) as exc:
            original = original_sqlite_error(exc)
            if original is None:
                raise
            rows = [(describe_environment_error(original, self.path) or str(original),)]
        if [r[0] for r in rows] != ["ok"]:
            detail = "；".join(str(r[0]) for r in rows[:3])
            raise StoreUnavailable(f"数据库完整性检查未通过（{self.path}）：{detail}。请从备份恢复")

    def close(self) -> None:
        """Close, folding the WAL back into the file when possible.

        Never raises: a full disk or I/O error at closing time loses nothing (the WAL keeps
        every commit and is replayed on the next open), and must not replace a clearer error
        the caller is already reporting.
        """
        if self.db.is_closed():
            self._release_use()
            return
        with contextlib.suppress(apsw.Error, peewee.PeeweeException):
            self.set_local(OPEN_STATE, "closed")
        with contextlib.suppress(apsw.Error, peewee.PeeweeException):
            self.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        with contextlib.suppress(apsw.Error, peewee.PeeweeException):
            self.db.close()
        self._release_use()

    def _release_use(self) -> None:
        if self.use is not None:
            self.use.close()
            self.use = None

    def reopen(self) -> None:
        """Open again after :meth:`close` (a restore the window gave up before it touched
        anything): hold the register as one of its users and connect."""
        if self.use is None:
            self.use = open_use(self.path)
        self.connection()

    def change_key(self, new_key: bytes) -> None:
        """``PRAGMA rekey``: every page re-encrypted under ``new_key`` in one transaction.
        The caller holds the register alone and has the new key slots ready (see
        services/safety/rekey.py); connections opened later use the new key."""
        self.db.execute_sql(f"PRAGMA rekey = {key_pragma(new_key)}")
        self.db_key = new_key
        self.db._pragmas = _pragmas(new_key, self.busy_ms)

    def release_thread_connection(self) -> None:
        """Close the connection the calling (worker) thread opened, leaving the others.

        peewee keeps one connection per thread in a thread-local; one left behind is torn
        down when Qt's pool thread ends, outside any Python frame, which crashed the
        process (seen with the demo data written in the background)."""
        if not self.db.is_closed():
            with contextlib.suppress(apsw.Error, peewee.PeeweeException):
                self.db.close()

    def activate(self) -> None:
        """Point the models at this register (one register is in use at a time; tests of
        several devices and the enrolment switch between them)."""
        database_proxy.initialize(self.db)
        StoreContext.device_id = self.local_device_id()

    def connection(self) -> apsw.Connection:
        """The raw apsw connection, for the backup API and the session extension."""
        connection: apsw.Connection = self.db.connection()
        return connection

    # -- local state (never synced: which device this file is, its schema version) ----------
    def local(self, key: str, default: str | None = None) -> str | None:
        rows = self.db.execute_sql("SELECT value FROM local_state WHERE key = ?", (key,))
        found = rows.fetchall()
        return str(found[0][0]) if found else default

    def set_local(self, key: str, value: str) -> None:
        self.db.execute_sql(
            "INSERT INTO local_state(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def local_device_id(self) -> str:
        return self.local("device_id") or ""

    # -- writing ----------------------------------------------------------------------------
    def subscribe(self, listener: Callable[[ChangeSet], None]) -> None:
        """Call ``listener`` with each committed change set (the window refreshes from it)."""
        self._listeners.append(listener)

    @contextlib.contextmanager
    def write(self, origin: str | None = None, *, capture: bool = True) -> Iterator[ChangeSet]:
        """One all-or-nothing transaction; listeners hear of it only after it commits.

        When laptop sync is on, the transaction's changes are captured into the outbox in
        the same transaction (:mod:`mediation_desk.store.capture`); ``origin`` and
        ``capture`` are for the sync importer only.
        """
        changes = ChangeSet()
        # IMMEDIATE: take the write lock at BEGIN, waiting (busy_timeout) for another
        # writer to finish. A deferred BEGIN took it at the first write and, in WAL mode,
        # failed at once with "database is locked" when another process had written since.
        # The capture session lives inside the same transaction (captured iff committed).
        with environment_errors(self.path), self.db.atomic("IMMEDIATE"), \
                self.capture.session(origin, capture=capture):
            yield changes
        if changes:
            for listener in list(self._listeners):
                listener(changes)

    def setting(self, key: str, default: Any = None) -> Any:
        from mediation_desk.store.models import Setting

        row = Setting.live().where(Setting.key == key).first()
        return json.loads(row.value) if row else default

    def execute(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        """Raw SQL for the store's own modules (search, statistics); never for the UI."""
        return self.db.execute_sql(sql, params)
