"""One desk and three laptops, driven by Hypothesis through random work and exchanges.

Work: parties' details corrected, agreement terms corrected, added and removed, new cases
(often between the same villagers on two devices), old paper cases typed in with their
numbers (sometimes the same one on two devices), records added, documents printed,
conflicts resolved. Exchanges in random order: a device exports into a fresh folder, and
any device imports any folder ever written for it — the same bundle twice, an old one after
a newer one, the desk relaying one laptop's work to the others.

After a full round (every laptop to the desk, the desk to every laptop) every device holds
the same data, table by table and column by column; every register is whole and its audit
trail verifies; every case has an official number, unique in its year; and every value
ever typed into a field is current, kept in the conflict table, or was in front of the
person who typed over it (the record's history).

The CI profile runs a few hundred steps in a couple of minutes; ``-m slow`` runs more.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import tempfile
from collections import defaultdict
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from mediation_desk import clock
from mediation_desk.domain.lifecycle import Step
from mediation_desk.errors import ValidationError
from mediation_desk.services.cases.casework import CaseworkService
from mediation_desk.services.cases.drafts import (
    AgreementDraft,
    PartyDraft,
    RecordDraft,
    TermDraft,
)
from mediation_desk.services.cases.intake import IntakeService
from mediation_desk.services.cases.numbering import PROVISIONAL_PREFIX
from mediation_desk.services.printing.service import PrintingService
from mediation_desk.services.safety.accounts import create_register
from mediation_desk.services.safety.backups import verify_register
from mediation_desk.services.shared.actor import Actor
from mediation_desk.services.sync.conflicts import ConflictService
from mediation_desk.services.sync.service import SyncService
from mediation_desk.services.sync.values import from_json
from mediation_desk.store.capture import synced_tables
from mediation_desk.store.database import Store
from mediation_desk.store.keys import keyfile_path
from mediation_desk.store.models import Agreement, AgreementTerm, Case, Party, SyncConflict
from tests.conftest import PASSWORD, ROOM, neighbour_draft

TODAY = date(2026, 11, 20)
DEVICES = ("desk", "l0", "l1", "l2")
ADDRESSES = ("湖二村1组", "湖二村2组", "湖上村3组", "湖头社区5号")
PHONES = ("13800138000", "13912345678", "0595-23456789", "13600001111")
JOBS = ("农民", "教师", "个体经营", "村医")
METHODS = ("现金", "转账", "分期", "实物")
PEOPLE = (("张喆", "11010519491231002X"), ("李明", "360426199101010071"),
          ("苏清河", ""), ("苏明远", ""))
Field = tuple[str, str, str]  # table, row id, column


@cache
def template() -> tuple[Path, bytes | None]:
    """A desk with an agreed case, and three laptops enrolled with small number blocks;
    made once, closed, copied for each example (no password hashing per example)."""
    folder = Path(tempfile.mkdtemp(prefix="sync-machine-template-"))
    with clock.pinned(TODAY):
        desk, actor, _ = create_register(folder / "desk.db", ROOM, "admin", PASSWORD)
        case_id = IntakeService(desk, actor).register(neighbour_draft()).cases[0].case_id
        work = CaseworkService(desk, actor)
        work.take_step(case_id, Step.NOTIFY_RIGHTS)
        work.add_record(case_id, RecordDraft("mediation", datetime(2026, 11, 9, 9, 30),
                                             place="问房调解室", body="双方陈述。"))
        work.record_agreement(case_id, AgreementDraft(
            form="written", reached_on=date(2026, 11, 10), facts="屋檐滴水",
            issues="排水与赔偿", responsibilities="被申请人负主要责任",
            terms=[TermDraft("李明改建屋檐排水", obligor="李明", obligee="张喆"),
                   TermDraft("李明赔偿修墙费", obligor="李明", obligee="张喆")]))
        for name in DEVICES[1:]:
            SyncService(desk, actor).enroll(name, folder / f"{name}.db", block=3)
        key = desk.db_key
        desk.close()
    return folder, key


class Machine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        source, key = template()
        self.folder = Path(tempfile.mkdtemp(prefix="sync-machine-"))
        self.stores: dict[str, Store] = {}
        for name in DEVICES:
            for path in (source / f"{name}.db", keyfile_path(source / f"{name}.db")):
                shutil.copyfile(path, self.folder / path.name)
            self.stores[name] = Store.open(self.folder / f"{name}.db", key)
        self.clock = clock.pinned(TODAY)
        self.clock.__enter__()
        self.actor: Actor | None = None
        self.sticks: dict[str, list[Path]] = defaultdict(list)  # folders written for a device
        self.written: dict[Field, list[tuple[str, Any]]] = defaultdict(list)
        self.typed_over: dict[Field, set[Any]] = defaultdict(set)
        self.exports = 0

    # -- helpers ----------------------------------------------------------------------------
    def on(self, name: str) -> Store:
        store = self.stores[name]
        store.activate()
        if self.actor is None:
            from mediation_desk.store.models import Account

            account = Account.get(Account.username == "admin")
            self.actor = Actor(account.id, "admin", "admin")
        return store

    def pick(self, rows: list[Any], n: int) -> Any:
        return rows[n % len(rows)] if rows else None

    def note(self, table: str, row_id: str, column: str, before: Any, after: Any,
             device: str) -> None:
        if before == after:
            return
        self.typed_over[table, row_id, column].add(before)
        self.written[table, row_id, column].append((device, after))

    # -- work -------------------------------------------------------------------------------
    @rule(device=st.sampled_from(DEVICES), n=st.integers(0, 50),
          column=st.sampled_from(("address", "phone", "occupation")), v=st.integers(0, 3))
    def correct_a_party(self, device: str, n: int, column: str, v: int) -> None:
        store = self.on(device)
        party = self.pick(list(Party.live().order_by(Party.id)), n)
        if party is None:
            return
        value = {"address": ADDRESSES, "phone": PHONES, "occupation": JOBS}[column][v]
        work = CaseworkService(store, self.actor)  # type: ignore[arg-type]
        before = getattr(party, column)
        draft = dataclasses.replace(work.party_draft(party.id), **{column: value})
        try:
            work.update_party(party.id, draft)
        except ValidationError:
            return
        self.note("party", party.id, column, before, value, device)

    def _agreement(self, n: int) -> tuple[Agreement, list[AgreementTerm]] | None:
        agreement = self.pick(list(Agreement.live().order_by(Agreement.id)), n)
        if agreement is None:
            return None
        terms = list(AgreementTerm.live().where(AgreementTerm.agreement == agreement)
                     .order_by(AgreementTerm.position))
        return agreement, terms

    def _save_terms(self, device: str, agreement: Agreement, terms: list[TermDraft]) -> bool:
        draft = AgreementDraft(form=agreement.form, reached_on=agreement.reached_on,
                               facts=agreement.facts, issues=agreement.issues,
                               responsibilities=agreement.responsibilities, terms=terms)
        try:
            CaseworkService(self.stores[device], self.actor).update_agreement(  # type: ignore[arg-type]
                agreement.case_id, draft)
        except ValidationError:
            return False
        return True

    @staticmethod
    def _draft(term: AgreementTerm) -> TermDraft:
        return TermDraft(term.text, obligor=term.obligor, obligee=term.obligee,
                         amount_fen=term.amount_fen, due_on=term.due_on, place=term.place,
                         method=term.method)

    @rule(device=st.sampled_from(DEVICES), n=st.integers(0, 50), t=st.integers(0, 5),
          v=st.integers(0, 3))
    def correct_a_term(self, device: str, n: int, t: int, v: int) -> None:
        self.on(device)
        found = self._agreement(n)
        if found is None or not found[1]:
            return
        agreement, terms = found
        drafts = [self._draft(term) for term in terms]
        index = t % len(terms)
        drafts[index].method = METHODS[v]
        if self._save_terms(device, agreement, drafts):
            self.note("agreement_term", terms[index].id, "method", terms[index].method,
                      METHODS[v], device)

    @rule(device=st.sampled_from(DEVICES), n=st.integers(0, 50), t=st.integers(0, 5))
    def remove_a_term(self, device: str, n: int, t: int) -> None:
        self.on(device)
        found = self._agreement(n)
        if found is None or len(found[1]) < 2:
            return
        agreement, terms = found
        drafts = [self._draft(term) for i, term in enumerate(terms) if i != t % len(terms)]
        self._save_terms(device, agreement, drafts)

    @rule(device=st.sampled_from(DEVICES), n=st.integers(0, 50), k=st.integers(0, 99))
    def add_a_term(self, device: str, n: int, k: int) -> None:
        self.on(device)
        found = self._agreement(n)
        if found is None:
            return
        agreement, terms = found
        drafts = [self._draft(term) for term in terms]
        drafts.append(TermDraft(f"李明另付误工费{k}元", obligor="李明", obligee="张喆"))
        self._save_terms(device, agreement, drafts)

    @rule(device=st.sampled_from(DEVICES), a=st.integers(0, 3), b=st.integers(0, 3))
    def register_a_case(self, device: str, a: int, b: int) -> None:
        store = self.on(device)
        if a == b:
            b = (b + 1) % len(PEOPLE)
        parties = [PartyDraft(side="applicant", name=PEOPLE[a][0], id_number=PEOPLE[a][1]),
                   PartyDraft(side="respondent", name=PEOPLE[b][0], id_number=PEOPLE[b][1])]
        IntakeService(store, self.actor).register(  # type: ignore[arg-type]
            neighbour_draft(parties=parties, summary=f"{device}登记的纠纷"))

    @rule(device=st.sampled_from(DEVICES), k=st.integers(1, 3))
    def type_in_a_paper_case(self, device: str, k: int) -> None:
        """An old case from the paper register, with its number: two devices may type in
        the same one (a unique number clash the desk settles)."""
        store = self.on(device)
        draft = neighbour_draft(number=f"（2025）湖头人调字第{k}号",
                                received_on=date(2025, 3, k), summary=f"{device}补录的旧案")
        try:
            IntakeService(store, self.actor).register(draft)  # type: ignore[arg-type]
        except ValidationError:
            return  # this device already has that number

    @rule(device=st.sampled_from(DEVICES), n=st.integers(0, 50))
    def add_a_record(self, device: str, n: int) -> None:
        store = self.on(device)
        case = self.pick(list(Case.live().order_by(Case.id)), n)
        if case is None:
            return
        try:
            CaseworkService(store, self.actor).add_record(case.id, RecordDraft(  # type: ignore[arg-type]
                "note", datetime(2026, 11, 19, 10, 0), place="村委会",
                body=f"{device}走访记录"))
        except ValidationError:
            return

    @rule(device=st.sampled_from(DEVICES), n=st.integers(0, 50))
    def print_a_document(self, device: str, n: int) -> None:
        store = self.on(device)
        case = self.pick(list(Case.live().order_by(Case.id)), n)
        if case is None:
            return
        printing = PrintingService(store, self.actor)  # type: ignore[arg-type]
        try:
            printing.file_printed(printing.render(case.id, "application"))
        except ValidationError:
            return

    @rule(device=st.sampled_from(DEVICES), n=st.integers(0, 50), mine=st.booleans())
    def resolve_a_conflict(self, device: str, n: int, mine: bool) -> None:
        store = self.on(device)
        service = ConflictService(store, self.actor)  # type: ignore[arg-type]
        view = self.pick(service.open_conflicts(), n)
        if view is None:
            return
        row = SyncConflict.get_by_id(view.id)
        if row.kind == "value" and row.column:
            current = store.execute(f'SELECT "{row.column}" FROM "{row.table_name}" '
                                    "WHERE id = ?", (row.row_id,)).fetchone()
            kept = from_json(row.mine if (mine == (store.local_device_id()
                                                   != row.theirs_device)) else row.theirs)
            self.note(row.table_name, row.row_id, row.column,
                      current[0] if current else None, kept, device)
        service.resolve(view.id, "mine" if mine else "theirs")

    # -- exchanges --------------------------------------------------------------------------
    @rule(device=st.sampled_from(DEVICES))
    def export(self, device: str) -> None:
        store = self.on(device)
        self.exports += 1
        folder = self.folder / f"stick-{self.exports:03d}"
        for bundle in SyncService(store, self.actor).export(folder).bundles:  # type: ignore[arg-type]
            name = next(n for n, s in self.stores.items() if s.local_device_id() == bundle.to)
            self.sticks[name].append(folder)

    @rule(device=st.sampled_from(DEVICES), n=st.integers(0, 50))
    def import_(self, device: str, n: int) -> None:
        folder = self.pick(self.sticks[device], n)
        if folder is None:
            return
        store = self.on(device)
        SyncService(store, self.actor).import_(folder)  # type: ignore[arg-type]

    # -- checks -----------------------------------------------------------------------------
    @invariant()
    def numbers_never_collide(self) -> None:
        for name in DEVICES:
            self.on(name)
            numbers = [(c.number_year, c.number_seq) for c in Case.select()
                       if c.number_seq is not None]
            assert len(numbers) == len(set(numbers)), name

    def full_round(self) -> None:
        self.exports += 1
        for name in DEVICES[1:]:
            folder = self.folder / f"round-{self.exports}-{name}"
            SyncService(self.on(name), self.actor).export(folder)  # type: ignore[arg-type]
            SyncService(self.on("desk"), self.actor).import_(folder)  # type: ignore[arg-type]
        folder = self.folder / f"round-{self.exports}-desk"
        SyncService(self.on("desk"), self.actor).export(folder)  # type: ignore[arg-type]
        for name in DEVICES[1:]:
            SyncService(self.on(name), self.actor).import_(folder)  # type: ignore[arg-type]

    def converged(self) -> None:
        self.full_round()
        tables = sorted(synced_tables())
        desk = self.on("desk")
        expected = {t: desk.execute(f'SELECT * FROM "{t}" ORDER BY id').fetchall()
                    for t in tables}
        for name in DEVICES:
            store = self.on(name)
            for table in tables:
                rows = store.execute(f'SELECT * FROM "{table}" ORDER BY id').fetchall()
                assert rows == expected[table], (name, table)
            assert verify_register(store) == [], name
            cases = list(Case.select())
            assert not [c.number for c in cases if str(c.number).startswith(PROVISIONAL_PREFIX)]
        self.on("desk")
        kept: dict[Field, set[Any]] = defaultdict(set)
        for conflict in SyncConflict.select().where(SyncConflict.kind == "value"):
            key = (conflict.table_name, conflict.row_id, conflict.column)
            kept[key] |= {from_json(conflict.mine), from_json(conflict.theirs)}
        for (table, row_id, column), writes in self.written.items():
            current = desk.execute(f'SELECT "{column}" FROM "{table}" WHERE id = ?',
                                   (row_id,)).fetchone()[0]
            for device, value in writes:
                assert (value == current or value in kept[table, row_id, column]
                        or value in self.typed_over[table, row_id, column]), (
                    f"{device} wrote {value!r} into {table}.{column} {row_id[:8]}: lost")

    def teardown(self) -> None:
        try:
            self.converged()
        finally:
            for store in self.stores.values():
                store.close()
            self.clock.__exit__(None, None, None)
            shutil.rmtree(self.folder, ignore_errors=True)


#: Fixed examples, so that the suite's verdict does not change from run to run (see the
#: profile in tests/conftest.py). A random run of the heavier test on 2026-12-05 found the desk's
#: ``audit verify`` calling a merged agreement "changed outside the program"; that sequence is
#: kept in test_found_sequences.py. ``MEDIATION_DESK_EXPLORE=1`` explores new random ones.
EXPLORE = bool(os.environ.get("MEDIATION_DESK_EXPLORE"))
#: About 800 steps, 1–2 minutes on a 2-core machine; ``-m slow`` runs 6,000.
CI = settings(max_examples=20, stateful_step_count=40, deadline=None, derandomize=not EXPLORE,
              database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
HEAVY = settings(max_examples=100, stateful_step_count=60, deadline=None,
                 derandomize=not EXPLORE, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def test_a_desk_and_three_laptops_converge_and_lose_nothing(register: Any) -> None:
    """(``register`` only so the models point at a real register between examples.)"""
    run_state_machine_as_test(Machine, settings=CI)
    register.store.activate()


@pytest.mark.slow
def test_converge_heavier(register: Any) -> None:
    run_state_machine_as_test(Machine, settings=HEAVY)
    register.store.activate()
