"""Enrolment, capture, export and import between the desk and laptops (slice a, c)."""

from __future__ import annotations

import dataclasses
from datetime import datetime

import apsw
import pytest

from mediation_desk.errors import PermissionDenied, ValidationError
from mediation_desk.services.cases import indexing
from mediation_desk.services.cases.drafts import PartyDraft, RecordDraft
from mediation_desk.services.cases.intake import IntakeService
from mediation_desk.services.cases.search import SearchService
from mediation_desk.services.safety.accounts import open_register
from mediation_desk.services.safety.backups import verify_register
from mediation_desk.services.shared.actor import Actor
from mediation_desk.services.sync import state
from mediation_desk.services.sync.service import SyncService
from mediation_desk.store.database import Store
from mediation_desk.store.models import Account, Case, NumberLease, Party
from tests.conftest import PASSWORD, Register, neighbour_draft
from tests.services.sync.conftest import Room, new_case


def captured_tables(store: Store) -> list[list[str]]:
    entries = state.outbox_after(store, 0)
    return [sorted({c.name for c in apsw.Changeset.iter(e.changeset)}) for e in entries]


def test_a_register_with_no_laptop_captures_nothing(register: Register) -> None:
    IntakeService(register.store, register.actor).register(neighbour_draft())
    assert state.outbox_after(register.store, 0) == []


def test_enrolment_makes_a_copy_with_its_own_identity(room: Room) -> None:
    case_id = new_case(room.desk)
    laptop = room.enroll("巡查一号")
    with room.on(laptop):
        assert laptop.store.local_device_id() != room.desk.store.local_device_id()
        assert state.role(laptop.store) == "laptop"
        assert state.desk_id(laptop.store) == room.desk.store.local_device_id()
        assert Case.get_by_id(case_id).number == "（2026）湖头人调字第1号"
        assert [a.username for a in Account.select()] == ["admin"]
        lease = NumberLease.get()
        assert (lease.device, lease.year, lease.first, lease.last) == (
            laptop.store.local_device_id(), 2026, 2, 21)
        assert state.outbox_after(laptop.store, 0) == []
        assert verify_register(laptop.store) == []
    with room.on(room.desk):
        assert verify_register(room.desk.store) == []
        # The desk's own next number comes after the leased block.
        assert Case.get_by_id(new_case(room.desk)).number == "（2026）湖头人调字第22号"


def test_the_laptop_opens_with_the_same_password(room: Room) -> None:
    laptop = room.enroll("巡查一号")
    laptop.store.close()
    room.laptops.remove(laptop)
    store, actor = open_register(room.folder / "巡查一号.db", "admin", PASSWORD)
    try:
        assert actor.username == "admin" and state.role(store) == "laptop"
    finally:
        store.close()
        room.desk.store.activate()


def test_every_transaction_is_captured_once_and_a_failed_one_not_at_all(room: Room) -> None:
    room.enroll("巡查一号")
    head = state.outbox_head(room.desk.store)
    case_id = new_case(room.desk)
    assert {"audit_event", "case", "case_event", "case_mediator", "party"} <= \
        set(captured_tables(room.desk.store)[-1])
    with pytest.raises(ValidationError):
        room.desk.work.add_party(case_id, PartyDraft(side="applicant", name="", id_number="1"))
    assert state.outbox_head(room.desk.store) == head + 1
    for tables in captured_tables(room.desk.store):
        assert not {"search_doc", "search_fts", "sync_outbox", "local_state", "draft"} & set(tables)


def test_a_case_registered_on_a_laptop_reaches_the_desk_with_a_leased_number(room: Room) -> None:
    new_case(room.desk)
    laptop = room.enroll("巡查一号")
    with room.on(laptop):
        case_id = new_case(laptop, summary="湖上村山林界址纠纷，现场排查发现")
        assert Case.get_by_id(case_id).number == "（2026）湖头人调字第2号"
    result = room.send(laptop, room.desk)
    assert (result.applied, result.skipped) == (1, 0)
    with room.on(room.desk):
        case = Case.get_by_id(case_id)
        assert case.number == "（2026）湖头人调字第2号"
        assert [p.name for p in Party.select().where(Party.case == case_id)
                .order_by(Party.position)] == ["张喆", "李明"]
        hits = SearchService(room.desk.store, room.desk.actor).search("山林界址")
        assert [h.case_id for h in hits] == [case_id]
        assert verify_register(room.desk.store) == []


def test_the_same_bundle_twice_applies_nothing(room: Room) -> None:
    laptop = room.enroll("巡查一号")
    with room.on(laptop):
        new_case(laptop)
    assert room.send(laptop, room.desk).applied == 1
    with room.on(room.desk):
        count = Case.select().count()
        again = room.desk.sync.import_(room.stick)
        assert (again.applied, again.skipped) == (0, 1)
        assert Case.select().count() == count


def test_overlapping_bundles_out_of_order(room: Room) -> None:
    """Two exports before any exchange: the second holds the first. Applied newest first,
    the older one then adds nothing; a bundle whose start is missing waits."""
    laptop = room.enroll("巡查一号")
    first, second = room.folder / "first", room.folder / "second"
    with room.on(laptop):
        one = new_case(laptop)
        laptop.sync.export(first)
        two = new_case(laptop)
        laptop.sync.export(second)
    with room.on(room.desk):
        assert room.desk.sync.import_(second).applied == 1
        assert {one, two} <= {c.id for c in Case.select()}
        late = room.desk.sync.import_(first)
        assert (late.applied, late.skipped, late.changes) == (1, 0, 0)


def test_a_bundle_that_starts_after_a_gap_waits(room: Room) -> None:
    """After the desk's register went back to an older state (restored from a backup), a
    laptop's bundle may start after what the desk has: it waits, nothing applied."""
    laptop = room.enroll("巡查一号")
    with room.on(laptop):
        new_case(laptop)
    room.send(laptop, room.desk)
    room.send(room.desk, laptop)  # the laptop learns the desk has its first changes
    with room.on(room.desk):
        room.desk.store.execute("UPDATE sync_peer SET applied_seq = 0")  # as after a restore
    with room.on(laptop):
        new_case(laptop)
    room.stick = room.folder / "second"
    done = room.send(laptop, room.desk)
    assert (done.applied, done.skipped) == (0, 1)
    assert "缺少对方第1号起的更早内容" in done.notes[0]


def test_relay_from_one_laptop_to_another(room: Room) -> None:
    a, b = room.enroll("巡查一号"), room.enroll("巡查二号")
    with room.on(a):
        case_id = new_case(a, summary="一号笔记本登记的纠纷")
    room.send(a, room.desk)
    room.send(room.desk, b)
    with room.on(b):
        case = Case.get_by_id(case_id)
        assert case.summary == "一号笔记本登记的纠纷" and case.number == "（2026）湖头人调字第1号"
        assert verify_register(b.store) == []


def test_enrolment_is_for_the_desk_and_its_managers(room: Room) -> None:
    mediator = Actor(room.desk.actor.account_id, "lin", "mediator")
    with pytest.raises(PermissionDenied):
        SyncService(room.desk.store, mediator).enroll("巡查一号", room.folder / "x.db")
    laptop = room.enroll("巡查一号")
    with room.on(laptop), pytest.raises(ValidationError, match="巡查笔记本不能登记"):
        laptop.sync.enroll("巡查二号", room.folder / "y.db")
    with pytest.raises(ValidationError, match="已被另一台设备使用"):
        room.desk.sync.enroll("巡查一号", room.folder / "z.db")
    assert not (room.folder / "z.db").exists()


def test_the_search_index_follows_what_arrived(room: Room) -> None:
    """Only the rows that changed are re-indexed; the result is what indexing the cases
    whole would give."""
    case_id = new_case(room.desk)
    laptop = room.enroll("巡查一号")
    with room.on(laptop):
        laptop.work.add_record(case_id, RecordDraft(
            "note", datetime(2026, 11, 19, 10, 0), place="村委会", body="走访发现茶园引水渠被堵"))
        party = Party.get(Party.case == case_id, Party.name == "李明")
        draft = dataclasses.replace(laptop.work.party_draft(party.id), name="李明远")
        laptop.work.update_party(party.id, draft)
        other = new_case(laptop, summary="山林界址纠纷在湖上村")
    room.send(laptop, room.desk)
    with room.on(room.desk):
        search = SearchService(room.desk.store, room.desk.actor)
        assert {h.case_id for h in search.search("引水渠")} == {case_id}
        assert {h.case_id for h in search.search("李明远")} == {case_id}
        assert {h.case_id for h in search.search("山林界址")} == {other}
        incremental = room.desk.store.execute(
            "SELECT case_id, field, ref_id, text FROM search_doc ORDER BY 1, 2, 3, 4").fetchall()
        indexing.reindex_cases(room.desk.store, [case_id, other])
        whole = room.desk.store.execute(
            "SELECT case_id, field, ref_id, text FROM search_doc ORDER BY 1, 2, 3, 4").fetchall()
        assert incremental == whole
