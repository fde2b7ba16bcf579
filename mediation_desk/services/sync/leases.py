"""The desk's side of case numbers for laptops: leasing blocks and topping them up.

A block is taken from the year's sequence exactly as the desk's own numbers are: the
sequence moves past it, so the desk never issues a leased number and two leases never
overlap. Blocks are small (the register's numbers should stay nearly continuous: a block
left unused at the year's end is a gap, which is the honest record) and topped up at every
exchange; in December the next year's block is leased too, so a laptop can register a
case on 2 January before its next visit to the room.
"""

from __future__ import annotations

from datetime import date

from mediation_desk.domain.limits import MAX_CASE_SEQ
from mediation_desk.services.cases.numbering import free_numbers, sequence_exhausted
from mediation_desk.services.shared import audit
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.models import NumberLease, NumberSequence

DEFAULT_BLOCK = 20
LOW_WATER = 5  # top up when fewer numbers than this are left


def lease_years(today: date) -> list[int]:
    return [today.year, today.year + 1] if today.month == 12 else [today.year]


def grant(actor: Actor | None, device_id: str, year: int, size: int) -> NumberLease:
    """Lease the next ``size`` numbers of ``year`` to a laptop (inside a write); the block
    stops at the last number a year may have (domain/limits.py), and when none is left the
    write is refused like a number the desk cannot issue."""
    seq_row = NumberSequence.get_or_none(NumberSequence.year == year)
    if seq_row is None:
        seq_row = NumberSequence.create(year=year, last_issued=0)
    first = seq_row.last_issued + 1
    if first > MAX_CASE_SEQ:
        raise sequence_exhausted(year)
    lease = NumberLease.create(device=device_id, year=year, first=first,
                               last=min(first + size - 1, MAX_CASE_SEQ))
    seq_row.last_issued = lease.last
    seq_row.save()
    audit.record(actor, "lease", lease, detail=f"{year}年第{lease.first}至{lease.last}号")
    return lease


def top_up(actor: Actor | None, device_id: str, today: date) -> list[NumberLease]:
    """New leases for a laptop whose free numbers of this year (or, in December, the next)
    run low, as big as the laptop's last block; returns what was leased."""
    last = (NumberLease.live().where(NumberLease.device == device_id)
            .order_by(NumberLease.created_at.desc(), NumberLease.last.desc()).first())
    size = last.last - last.first + 1 if last is not None else DEFAULT_BLOCK
    granted = []
    for year in lease_years(today):
        if len(free_numbers(device_id, year)) < LOW_WATER and not _used_up(year):
            granted.append(grant(actor, device_id, year, size))
    return granted


def _used_up(year: int) -> bool:
    """Every number of ``year`` is issued or leased: the laptop falls back to provisional
    numbers rather than the exchange failing."""
    seq_row = NumberSequence.get_or_none(NumberSequence.year == year)
    return seq_row is not None and seq_row.last_issued >= MAX_CASE_SEQ


def leased_ranges(device_id: str) -> list[tuple[int, int, int]]:
    """(year, first, last) of every block leased to a device."""
    return [(lease.year, lease.first, lease.last) for lease in
            NumberLease.live().where(NumberLease.device == device_id)
            .order_by(NumberLease.year, NumberLease.first)]
