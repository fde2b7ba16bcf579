"""The conflict matrix (issue 13): what every pairing of concurrent changes becomes.

Same field; different fields of one row; edit against delete (both orders of arrival);
delete against delete; the same new case on two laptops; a resolution travelling back.
After each full round every device holds the same rows, and every value either side typed
is current, or in the conflict table.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

import pytest

from mediation_desk.domain.lifecycle import Step
from mediation_desk.services.cases.drafts import RecordDraft
from mediation_desk.services.safety.backups import verify_register
from mediation_desk.services.sync.values import from_json
from mediation_desk.store.capture import synced_tables
from mediation_desk.store.models import Agreement, AgreementTerm, Case, Party, SyncConflict
from tests.services.sync.conftest import (
    Device,
    Room,
    agreement,
    new_case,
    open_conflicts,
    table_rows,
)


def same_everywhere(room: Room) -> None:
    """Every synced table identical, row for row and column for column, on every device;
    and every register whole."""
    devices = [room.desk, *room.laptops]
    for table in sorted(synced_tables()):
        with room.on(room.desk):
            desk_rows = table_rows(room.desk.store, table)
        for laptop in room.laptops:
            with room.on(laptop):
                assert table_rows(laptop.store, table) == desk_rows, (table, laptop)
    for device in devices:
        with room.on(device):
            assert verify_register(device.store) == [], device


def applicant(case_id: str) -> Party:
    return Party.get(Party.case == case_id, Party.side == "applicant")


def edit_party(device: Device, case_id: str, **values: object) -> None:
    party = applicant(case_id)
    draft = dataclasses.replace(device.work.party_draft(party.id), **values)
    device.work.update_party(party.id, draft)


def term(case_id: str, text: str) -> AgreementTerm:
    return (AgreementTerm.select().join(Agreement)
            .where(Agreement.case == case_id, AgreementTerm.text == text).get())


def test_same_field_on_both_sides_and_the_resolution_travels_back(room: Room) -> None:
    case_id = new_case(room.desk)
    laptop = room.enroll("巡查一号")
    with room.on(room.desk):
        edit_party(room.desk, case_id, address="湖二村3组47号（主机）")
    with room.on(laptop):
        edit_party(laptop, case_id, address="湖二村3组49号（笔记本）")
    imported = room.send(laptop, room.desk)
    assert imported.conflicts == 1
    with room.on(room.desk):
        [clash] = open_conflicts()
        assert (clash.kind, clash.table_name, clash.column) == ("value", "party", "address")
        assert (from_json(clash.base), from_json(clash.mine), from_json(clash.theirs)) == (
            "安溪县湖头镇湖二村3组45号", "湖二村3组47号（主机）", "湖二村3组49号（笔记本）")
        assert applicant(case_id).address == "湖二村3组49号（笔记本）"  # the later arrival
        [view] = room.desk.conflicts.open_conflicts()
        assert (view.mine, view.theirs, view.number) == (
            "湖二村3组47号（主机）", "湖二村3组49号（笔记本）", Case.get_by_id(case_id).number)
    room.round()
    same_everywhere(room)
    with room.on(laptop):
        # Seen from the laptop, its own value is "mine".
        [view] = laptop.conflicts.open_conflicts()
        assert (view.mine, view.theirs) == ("湖二村3组49号（笔记本）", "湖二村3组47号（主机）")
    with room.on(room.desk):
        room.desk.conflicts.resolve(view.id, "mine")
        assert applicant(case_id).address == "湖二村3组47号（主机）"
        assert open_conflicts() == []
    room.round()
    with room.on(laptop):
        assert applicant(case_id).address == "湖二村3组47号（主机）"
        assert SyncConflict.get_by_id(view.id).resolution == "mine"
        assert open_conflicts() == []
    same_everywhere(room)


def test_different_fields_of_one_row_both_survive(room: Room) -> None:
    case_id = new_case(room.desk)
    laptop = room.enroll("巡查一号")
    with room.on(room.desk):
        edit_party(room.desk, case_id, address="湖二村3组47号")
    with room.on(laptop):
        edit_party(laptop, case_id, phone="13800138000")
    room.round()
    for device in (room.desk, laptop):
        with room.on(device):
            party = applicant(case_id)
            assert (party.address, party.phone) == ("湖二村3组47号", "13800138000")
            assert open_conflicts() == []
    same_everywhere(room)


def _case_with_terms(room: Room) -> str:
    case_id = new_case(room.desk)
    room.desk.work.take_step(case_id, Step.NOTIFY_RIGHTS)
    room.desk.work.add_record(case_id, RecordDraft("mediation", datetime(2026, 11, 9, 9, 30),
                                                   place="问房调解室", body="双方陈述。"))
    room.desk.work.record_agreement(case_id, agreement("李明改建屋檐排水", "李明赔偿修墙费"))
    return case_id


def _without_first_term(device: Device, case_id: str) -> None:
    device.work.update_agreement(case_id, agreement("李明赔偿修墙费"))


def _first_term_by_cash(device: Device, case_id: str) -> None:
    draft = agreement("李明改建屋檐排水", "李明赔偿修墙费")
    draft.terms[0].method = "现金"
    device.work.update_agreement(case_id, draft)


def test_an_edit_arriving_after_a_deletion_restores_the_row(room: Room) -> None:
    case_id = _case_with_terms(room)
    laptop = room.enroll("巡查一号")
    with room.on(room.desk):
        _without_first_term(room.desk, case_id)
        assert term(case_id, "李明改建屋檐排水").deleted_at is not None
    with room.on(laptop):
        _first_term_by_cash(laptop, case_id)
    assert room.send(laptop, room.desk).conflicts == 1
    with room.on(room.desk):
        row = term(case_id, "李明改建屋檐排水")
        assert row.deleted_at is None and row.method == "现金"
        [clash] = open_conflicts()
        assert (clash.kind, clash.table_name, clash.row_id) == ("restored", "agreement_term",
                                                                row.id)
    room.round()
    same_everywhere(room)


def test_a_deletion_arriving_after_an_edit_is_applied_and_raises_a_conflict(room: Room) -> None:
    case_id = _case_with_terms(room)
    laptop = room.enroll("巡查一号")
    with room.on(room.desk):
        _first_term_by_cash(room.desk, case_id)
    with room.on(laptop):
        _without_first_term(laptop, case_id)
    assert room.send(laptop, room.desk).conflicts == 1
    with room.on(room.desk):
        row = term(case_id, "李明改建屋檐排水")
        assert row.deleted_at is not None and row.method == "现金"  # every value kept
        [clash] = open_conflicts()
        assert clash.kind == "deleted"
        view = room.desk.conflicts.conflict(clash.id)
        assert (view.mine, view.theirs) == ("未删除（保留）", "已删除")
        room.desk.conflicts.resolve(clash.id, "mine")  # bring it back
        assert term(case_id, "李明改建屋檐排水").deleted_at is None
    room.round()
    with room.on(laptop):
        assert term(case_id, "李明改建屋檐排水").deleted_at is None
    same_everywhere(room)


def test_delete_against_delete_is_no_conflict(room: Room) -> None:
    case_id = _case_with_terms(room)
    laptop = room.enroll("巡查一号")
    for device in (room.desk, laptop):
        with room.on(device):
            _without_first_term(device, case_id)
    assert room.send(laptop, room.desk).conflicts == 0
    room.round()
    with room.on(room.desk):
        assert term(case_id, "李明改建屋檐排水").deleted_at is not None
    same_everywhere(room)


def test_the_same_new_case_on_two_laptops_stays_two_cases_with_a_hint(room: Room) -> None:
    a, b = room.enroll("巡查一号"), room.enroll("巡查二号")
    with room.on(a):
        first = new_case(a, summary="湖二村屋檐滴水，一号笔记本登记")
    with room.on(b):
        second = new_case(b, summary="湖二村屋檐滴水，二号笔记本登记")
    room.send(a, room.desk)
    assert room.send(b, room.desk).conflicts == 1
    room.round()
    with room.on(room.desk):
        assert Case.get_by_id(first).number == "（2026）湖头人调字第1号"
        assert Case.get_by_id(second).number == "（2026）湖头人调字第21号"
        [hint] = open_conflicts()
        assert hint.kind == "same_dispute"
        assert {from_json(hint.mine), from_json(hint.theirs)} == {first, second}
        view = room.desk.conflicts.conflict(hint.id)
        assert {view.mine, view.theirs} == {"（2026）湖头人调字第1号", "（2026）湖头人调字第21号"}
        room.desk.conflicts.resolve(hint.id, "theirs")  # both stay: a person looked at them
    room.round()
    with room.on(b):
        assert open_conflicts() == []
        assert {first, second} <= {c.id for c in Case.select()}
    same_everywhere(room)


@pytest.mark.parametrize("desk_first", [False, True])
def test_the_same_historical_number_typed_on_two_devices(room: Room, desk_first: bool) -> None:
    """A paper case of last year typed in at the desk and on a laptop, each with its
    number: both cases stay; the later arrival at the desk gets the next official number
    and a conflict says so — on every device alike, whichever way the sticks went first
    (desk first: the laptop renames its own unsent row exactly as the desk will)."""
    laptop = room.enroll("巡查一号")
    number = "（2025）湖头人调字第5号"
    with room.on(room.desk):
        desk_case = new_case(room.desk, number=number, received_on=date(2025, 3, 1),
                             summary="纸质台账补录（主机）")
    with room.on(laptop):
        laptop_case = new_case(laptop, number=number, received_on=date(2025, 3, 1),
                               summary="纸质台账补录（笔记本）")
    if desk_first:
        room.send(room.desk, laptop)
        with room.on(laptop):
            assert Case.get_by_id(desk_case).number == number
    assert room.send(laptop, room.desk).conflicts >= 1
    room.round()
    with room.on(room.desk):
        assert Case.get_by_id(desk_case).number == number
        renumbered = Case.get_by_id(laptop_case).number
        assert renumbered == "（2025）湖头人调字第6号"
        kinds = {c.kind for c in open_conflicts()}
        assert "duplicate" in kinds
    same_everywhere(room)


def test_a_number_the_desk_gives_that_another_laptop_already_used(room: Room) -> None:
    """Found by the state machine: the desk renumbers laptop 1's clashing paper case to the
    next number of 2025, which laptop 2's own unsent paper case already carries. SQLite's
    apply would just fail on that update (a UNIQUE index broken by an UPDATE never reaches
    the conflict handler); the merge takes it over, and laptop 2 renames its own case as
    the desk then does."""
    one, two = room.enroll("巡查一号"), room.enroll("巡查二号")
    for device, k in ((room.desk, 2), (one, 2), (two, 3)):
        with room.on(device):
            new_case(device, number=f"（2025）湖头人调字第{k}号", received_on=date(2025, 3, k))
    room.round()
    with room.on(room.desk):
        numbers = sorted(c.number for c in Case.select().where(Case.number_year == 2025))
        assert numbers == [f"（2025）湖头人调字第{k}号" for k in (2, 3, 4)]
    same_everywhere(room)
