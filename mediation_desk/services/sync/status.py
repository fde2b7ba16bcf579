"""Where sync stands on this device: its role, each peer's last exchange, what is waiting."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from mediation_desk.services.cases.numbering import PROVISIONAL_PREFIX, free_numbers
from mediation_desk.services.sync import leases, state
from mediation_desk.store.database import Store
from mediation_desk.store.models import Case, Device, SyncConflict


@dataclass(frozen=True)
class PeerStatus:
    device_id: str
    name: str
    kind: str
    last_in_at: str | None
    last_out_at: str | None
    waiting: int  # this device's changes (transactions) the peer has not acknowledged
    numbers_left: int  # a laptop's free leased numbers this year
    leased: list[tuple[int, int, int]] = field(default_factory=list)
    clock_note: str = ""


@dataclass(frozen=True)
class SyncStatus:
    role: str  # desk | laptop
    device_id: str
    device_name: str
    peers: list[PeerStatus]
    open_conflicts: int
    provisional_cases: int


def sync_status(store: Store, today: date) -> SyncStatus:
    me = store.local_device_id()
    names = {d.id: d for d in Device.select()}
    peers = []
    for p in state.peers(store):
        device = names.get(p.device_id)
        laptop = p.device_id if state.role(store) == "desk" else me
        peers.append(PeerStatus(
            p.device_id, device.name if device else p.device_id[:8],
            device.kind if device else "", p.last_in_at, p.last_out_at,
            state.pending_count(store, p.acked_seq), len(free_numbers(laptop, today.year)),
            leases.leased_ranges(laptop), p.clock_note))
    provisional = Case.live().where(Case.number.startswith(PROVISIONAL_PREFIX),
                                    Case.number_seq.is_null()).count()
    device = names.get(me)
    return SyncStatus(state.role(store), me, device.name if device else "", peers,
                      int(SyncConflict.live().where(SyncConflict.status == "open").count()),
                      int(provisional))
