"""Case numbers on laptops: leased blocks, top-ups, provisional numbers the desk finalises
(slice d). Two devices never issue the same number."""

from __future__ import annotations

from datetime import date

import pytest

from mediation_desk import clock
from mediation_desk.domain.limits import MAX_CASE_SEQ
from mediation_desk.errors import ValidationError
from mediation_desk.services.cases.intake import IntakeService
from mediation_desk.services.cases.numbering import free_numbers
from mediation_desk.store.models import AuditEvent, Case, NumberLease, NumberSequence
from tests.conftest import neighbour_draft
from tests.services.sync.conftest import Room, new_case


def test_a_laptop_out_of_numbers_registers_a_provisional_one_the_desk_finalises(
        room: Room) -> None:
    new_case(room.desk)
    laptop = room.enroll("巡查一号", block=2)
    with room.on(laptop):
        numbers = [Case.get_by_id(new_case(laptop)).number for _ in range(2)]
        assert numbers == ["（2026）湖头人调字第2号", "（2026）湖头人调字第3号"]
        result = IntakeService(laptop.store, laptop.actor).register(neighbour_draft())
        [registered] = result.cases
        assert registered.number == "临时-巡查一号-2026-1"
        assert any("编号已用完" in w for w in registered.warnings)
        provisional = registered.case_id
    done = room.send(laptop, room.desk)
    assert "已为1件临时编号的案件分配正式编号" in done.notes
    with room.on(room.desk):
        assert Case.get_by_id(provisional).number == "（2026）湖头人调字第4号"
        event = AuditEvent.get(AuditEvent.entity_id == provisional, AuditEvent.action == "number")
        assert "临时-巡查一号-2026-1" in event.detail
        assert Case.get_by_id(new_case(room.desk)).number == "（2026）湖头人调字第5号"
    room.send(room.desk, laptop)
    with room.on(laptop):
        assert Case.get_by_id(provisional).number == "（2026）湖头人调字第4号"
        # The exchange topped the lease up: the next case has an official number again.
        assert Case.get_by_id(new_case(laptop)).number == "（2026）湖头人调字第6号"


def test_leases_are_topped_up_at_each_exchange_and_never_overlap(room: Room) -> None:
    a = room.enroll("巡查一号", block=6)
    room.enroll("巡查二号", block=6)
    with room.on(a):
        for _ in range(3):
            new_case(a)
        assert len(free_numbers(a.store.local_device_id(), 2026)) == 3
    room.send(a, room.desk)
    room.send(room.desk, a)
    with room.on(room.desk):
        blocks = sorted((lease.first, lease.last) for lease in NumberLease.select())
        assert blocks == [(1, 6), (7, 12), (13, 18)]  # a, b, then a's top-up
        assert [c.number for c in Case.select().where(Case.number_seq > 18)] == []
        assert Case.get_by_id(new_case(room.desk)).number == "（2026）湖头人调字第19号"
    with room.on(a):
        assert len(free_numbers(a.store.local_device_id(), 2026)) == 9


def test_in_december_next_years_block_is_leased_too(room: Room) -> None:
    with clock.pinned(date(2026, 12, 28)):
        laptop = room.enroll("巡查一号")
    with room.on(laptop):
        years = sorted({lease.year for lease in NumberLease.select()})
        assert years == [2026, 2027]
        with clock.pinned(date(2027, 1, 2)):
            case_id = new_case(laptop, received_on=date(2027, 1, 2))
        assert Case.get_by_id(case_id).number == "（2027）湖头人调字第1号"


def test_leases_stop_at_the_last_number_a_year_may_have(room: Room) -> None:
    with room.on(room.desk), room.desk.store.write():
        NumberSequence.create(year=2026, last_issued=MAX_CASE_SEQ - 3)
    laptop = room.enroll("巡查一号", block=20)
    with room.on(room.desk):
        [lease] = NumberLease.select().where(NumberLease.year == 2026)
        assert (lease.first, lease.last) == (MAX_CASE_SEQ - 2, MAX_CASE_SEQ)
    with room.on(laptop):
        for _ in range(3):
            new_case(laptop)
        provisional = IntakeService(laptop.store, laptop.actor).register(neighbour_draft())
        assert provisional.cases[0].number == "临时-巡查一号-2026-1"
    done = room.send(laptop, room.desk)  # no number left to finalise it with, or to lease
    assert done.applied == 1
    with room.on(room.desk):
        assert NumberLease.select().where(NumberLease.year == 2026).count() == 1
        with pytest.raises(ValidationError, match="99999"):
            new_case(room.desk)
