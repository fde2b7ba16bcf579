"""This device's sync bookkeeping: its role, its peers' marks, its outbox and its ledger.

All of it lives in local tables that never travel (``sync_peer``, ``sync_outbox``,
``sync_ledger``, ``local_state``): what one device has seen of another is a fact about that
device, not about the room's data.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from mediation_desk.services.cases.numbering import ROLE_KEY
from mediation_desk.services.sync.bundle import Entry
from mediation_desk.store.database import Store

DESK_KEY = "sync_desk"  # local_state on a laptop: the desk's device id
#: local_state: the room's secret the bundle keys are derived from (hex), made by the desk at
#: its first enrolment and carried to every laptop in its copy of the register.
SECRET_KEY = "sync_secret"


@dataclass
class Peer:
    """What this device knows of one device it exchanges with."""

    device_id: str
    applied_seq: int = 0  # the highest of *their* sequence numbers applied here
    acked_seq: int = 0  # the highest of *ours* they say they have applied
    last_in_at: str | None = None
    last_in_bundle: str | None = None
    last_out_at: str | None = None
    last_out_bundle: str | None = None
    clock_note: str = ""


def role(store: Store) -> str:
    """``desk`` or ``laptop`` (a register that never enrolled anyone is a desk)."""
    return "laptop" if store.local(ROLE_KEY) == "laptop" else "desk"


def ensure_secret(store: Store) -> None:
    """Give the room its bundle secret if it has none (the desk, inside the first enrolment's
    write, before the laptop's copy is taken)."""
    if store.db_key is not None and not store.local(SECRET_KEY):
        store.set_local(SECRET_KEY, secrets.token_hex(32))


def bundle_secret(store: Store) -> bytes | None:
    """What the bundle keys derive from; ``None`` for an unencrypted register (demo and test
    files), whose bundles are plain.

    Why not the database key itself: that key changes when an account is disabled or a
    password may have leaked (services/safety/rekey.py), on the desk alone — every laptop
    would then be refusing the desk's bundles and the desk theirs. The secret stays with
    the room; whoever holds it already holds a copy of the register."""
    if store.db_key is None:
        return None
    value = store.local(SECRET_KEY)
    return bytes.fromhex(value) if value else store.db_key


def desk_id(store: Store) -> str:
    return store.local(DESK_KEY) or ""


def peers(store: Store) -> list[Peer]:
    rows = store.execute(
        "SELECT device_id, applied_seq, acked_seq, last_in_at, last_in_bundle, last_out_at,"
        " last_out_bundle, clock_note FROM sync_peer ORDER BY device_id").fetchall()
    return [Peer(*row) for row in rows]


def peer(store: Store, device_id: str) -> Peer | None:
    return next((p for p in peers(store) if p.device_id == device_id), None)


def save_peer(store: Store, p: Peer) -> None:
    store.execute(
        "INSERT INTO sync_peer (device_id, applied_seq, acked_seq, last_in_at, last_in_bundle,"
        " last_out_at, last_out_bundle, clock_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(device_id) DO UPDATE SET applied_seq = excluded.applied_seq,"
        " acked_seq = excluded.acked_seq, last_in_at = excluded.last_in_at,"
        " last_in_bundle = excluded.last_in_bundle, last_out_at = excluded.last_out_at,"
        " last_out_bundle = excluded.last_out_bundle, clock_note = excluded.clock_note",
        (p.device_id, p.applied_seq, p.acked_seq, p.last_in_at, p.last_in_bundle,
         p.last_out_at, p.last_out_bundle, p.clock_note))


def outbox_head(store: Store) -> int:
    row = store.execute("SELECT seq FROM sqlite_sequence WHERE name = 'sync_outbox'").fetchall()
    return int(row[0][0]) if row else 0


def outbox_after(store: Store, seq: int) -> list[Entry]:
    """This device's captured transactions after ``seq``, oldest first."""
    rows = store.execute("SELECT seq, origin, changeset FROM sync_outbox WHERE seq > ?"
                         " ORDER BY seq", (seq,)).fetchall()
    return [Entry(int(s), str(o), bytes(c)) for s, o, c in rows]


def pending_count(store: Store, seq: int) -> int:
    return int(store.execute("SELECT count(*) FROM sync_outbox WHERE seq > ?",
                             (seq,)).fetchone()[0])


def prune_outbox(store: Store) -> None:
    """Drop the entries every peer has acknowledged (nobody will ask for them again)."""
    marks = [p.acked_seq for p in peers(store)]
    if marks:
        store.execute("DELETE FROM sync_outbox WHERE seq <= ?", (min(marks),))


def in_ledger(store: Store, bundle_id: str) -> bool:
    return bool(store.execute("SELECT 1 FROM sync_ledger WHERE bundle_id = ?",
                              (bundle_id,)).fetchall())


def add_to_ledger(store: Store, bundle_id: str, sender: str, first: int, last: int,
                  changes: int, conflicts: int, at: datetime, account: str) -> None:
    store.execute(
        "INSERT INTO sync_ledger (bundle_id, from_device, seq_first, seq_last, changes,"
        " conflicts, applied_at, account) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (bundle_id, sender, first, last, changes, conflicts, at.isoformat(timespec="seconds"),
         account))


@dataclass(frozen=True)
class LedgerRow:
    bundle_id: str
    from_device: str
    seq_first: int
    seq_last: int
    changes: int
    conflicts: int
    applied_at: str
    account: str


def ledger(store: Store, limit: int = 50) -> list[LedgerRow]:
    rows = store.execute(
        "SELECT bundle_id, from_device, seq_first, seq_last, changes, conflicts, applied_at,"
        " account FROM sync_ledger ORDER BY applied_at DESC, rowid DESC LIMIT ?",
        (limit,)).fetchall()
    return [LedgerRow(*row) for row in rows]
