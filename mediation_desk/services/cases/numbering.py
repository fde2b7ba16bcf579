"""Issuing official case numbers — on the desk from the year's sequence, on a patrol laptop
from the blocks the desk leased it.

Why leases (domain.md: "never let two devices issue the same number"): a laptop printing an
agreement in a village needs its final number there and then, with no network. The desk
leases each laptop blocks of the year's sequence and moves its own sequence past them
(services/sync/leases.py), so the blocks never overlap anything. A laptop whose blocks are
used up registers the case with a provisional number (``临时-巡查一号-2026-3``) and says so;
the desk gives the case the next official number when it arrives (services/sync).
"""

from __future__ import annotations

from dataclasses import dataclass

from mediation_desk.domain.case_number import format_case_number
from mediation_desk.domain.limits import MAX_CASE_SEQ
from mediation_desk.errors import Problem, ValidationError
from mediation_desk.store.database import Store
from mediation_desk.store.models import Case, Device, NumberLease, NumberSequence

PROVISIONAL_PREFIX = "临时-"
ROLE_KEY = "sync_role"  # local_state: "laptop" on an enrolled laptop, else the desk


@dataclass(frozen=True)
class Issued:
    number: str
    seq: int | None  # None: a provisional number
    warning: str = ""


def is_laptop(store: Store) -> bool:
    return store.local(ROLE_KEY) == "laptop"


def issue(store: Store, year: int, pattern: str, prefix: str) -> Issued:
    """The next number of ``year`` for this device (inside the caller's transaction)."""
    if is_laptop(store):
        return _from_lease(store, year, pattern, prefix)
    number, seq = from_sequence(year, pattern, prefix)
    return Issued(number, seq)


def from_sequence(year: int, pattern: str, prefix: str) -> tuple[str, int]:
    """The desk's next number: numbers only go up and are never given twice."""
    seq_row = NumberSequence.get_or_none(NumberSequence.year == year)
    if seq_row is None:
        seq_row = NumberSequence.create(year=year, last_issued=0)
    seq = seq_row.last_issued + 1
    while True:
        if seq > MAX_CASE_SEQ:
            raise sequence_exhausted(year)
        number = format_case_number(pattern, year=year, seq=seq, prefix=prefix)
        if not Case.select().where(Case.number == number).exists():
            break
        seq += 1
    seq_row.last_issued = seq
    seq_row.save()
    return number, seq


def sequence_exhausted(year: int) -> ValidationError:
    return ValidationError(Problem("", "案件编号", f"{year}年的编号已用到第{MAX_CASE_SEQ}号，"
                                   "无法再编号，请联系管理员"))


def used_in(year: int, first: int, last: int) -> set[int]:
    """Sequence numbers of ``year`` in [first, last] that some case (even a deleted one:
    numbers are never reused) already carries."""
    rows = Case.select(Case.number_seq).where(Case.number_year == year,
                                              Case.number_seq.between(first, last))
    return {int(row.number_seq or 0) for row in rows}


def free_numbers(device_id: str, year: int) -> list[int]:
    """The leased numbers of ``year`` this device has not used yet, lowest first."""
    free: list[int] = []
    for lease in (NumberLease.live().where(NumberLease.device == device_id,
                                           NumberLease.year == year)
                  .order_by(NumberLease.first)):
        used = used_in(year, lease.first, lease.last)
        free += [seq for seq in range(lease.first, lease.last + 1) if seq not in used]
    return free


def _from_lease(store: Store, year: int, pattern: str, prefix: str) -> Issued:
    device_id = store.local_device_id()
    for seq in free_numbers(device_id, year):
        number = format_case_number(pattern, year=year, seq=seq, prefix=prefix)
        if not Case.select().where(Case.number == number).exists():
            return Issued(number, seq)
    count = int(store.local("provisional_seq") or 0) + 1
    store.set_local("provisional_seq", str(count))
    device = Device.get_or_none(Device.id == device_id)
    name = device.name if device is not None else device_id[:8]
    number = f"{PROVISIONAL_PREFIX}{name}-{year}-{count}"
    return Issued(number, None, f"本机从调解室主机领取的{year}年案件编号已用完：本案暂用临时编号"
                                f"“{number}”，与调解室主机交换后将改为正式编号")


def is_provisional(case: Case) -> bool:
    return case.number_seq is None and case.number_year is not None and \
        str(case.number or "").startswith(PROVISIONAL_PREFIX)
