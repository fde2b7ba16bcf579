"""A room with its desk and patrol laptops, all real encrypted registers in a temp folder.

One register is in use at a time in a process (the models' database proxy): ``room.on(x)``
makes device ``x`` the current one. Laptops are opened with the register key directly
(the desk's: enrolment copies it), so no test pays for password hashing per device.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from mediation_desk import clock
from mediation_desk.services.cases.casework import CaseworkService
from mediation_desk.services.cases.drafts import AgreementDraft, TermDraft
from mediation_desk.services.cases.intake import IntakeService
from mediation_desk.services.shared.actor import Actor
from mediation_desk.services.sync.conflicts import ConflictService
from mediation_desk.services.sync.importer import Imported
from mediation_desk.services.sync.service import SyncService
from mediation_desk.store.database import Store
from mediation_desk.store.models import Case, SyncConflict
from tests.conftest import Register, neighbour_draft

TODAY = date(2026, 11, 20)


class Device:
    def __init__(self, name: str, store: Store, actor: Actor) -> None:
        self.name = name
        self.store = store
        self.actor = actor

    @property
    def sync(self) -> SyncService:
        return SyncService(self.store, self.actor)

    @property
    def work(self) -> CaseworkService:
        return CaseworkService(self.store, self.actor)

    @property
    def conflicts(self) -> ConflictService:
        return ConflictService(self.store, self.actor)

    def __repr__(self) -> str:
        return f"<{self.name}>"


class Room:
    """The desk and its laptops, sharing one stick (a folder)."""

    def __init__(self, register: Register, folder: Path) -> None:
        self.register = register
        self.folder = folder
        self.stick = folder / "stick"
        self.desk = Device("desk", register.store, register.actor)
        self.laptops: list[Device] = []
        self.current: Device | None = None

    @contextlib.contextmanager
    def on(self, device: Device) -> Iterator[Device]:
        previous = self.current
        device.store.activate()
        self.current = device
        try:
            yield device
        finally:
            self.current = previous
            if previous is not None:
                previous.store.activate()

    def enroll(self, name: str, block: int = 20) -> Device:
        path = self.folder / f"{name}.db"
        with self.on(self.desk):
            self.desk.sync.enroll(name, path, block)
        store = Store.open(path, self.desk.store.db_key)
        laptop = Device(name, store, self.desk.actor)
        self.laptops.append(laptop)
        if self.current is not None:
            self.current.store.activate()
        return laptop

    def send(self, source: Device, target: Device, stick: Path | None = None) -> Imported:
        """``source`` exports onto the stick and ``target`` imports from it."""
        with self.on(source):
            source.sync.export(stick or self.stick)
        with self.on(target):
            return target.sync.import_(stick or self.stick)

    def round(self) -> None:
        """A full round: every laptop to the desk, then the desk to every laptop."""
        for laptop in self.laptops:
            self.send(laptop, self.desk)
        with self.on(self.desk):
            self.desk.sync.export(self.stick)
        for laptop in self.laptops:
            with self.on(laptop):
                laptop.sync.import_(self.stick)

    def close(self) -> None:
        for laptop in self.laptops:
            laptop.store.close()
        self.desk.store.activate()


@pytest.fixture
def room(register: Register, tmp_path: Path) -> Iterator[Room]:
    with clock.pinned(TODAY):
        r = Room(register, tmp_path)
        r.current = r.desk
        try:
            yield r
        finally:
            r.close()


def new_case(device: Device, **overrides: object) -> str:
    result = IntakeService(device.store, device.actor).register(neighbour_draft(**overrides))
    return result.cases[0].case_id


def agreement(*terms: str) -> AgreementDraft:
    return AgreementDraft(form="written", reached_on=date(2026, 11, 10), facts="屋檐滴水",
                          issues="排水与赔偿", responsibilities="被申请人负主要责任",
                          terms=[TermDraft(text, obligor="李明", obligee="张喆")
                                 for text in terms])


def case_row(case_id: str) -> Case:
    return Case.get_by_id(case_id)


def open_conflicts() -> list[SyncConflict]:
    return list(SyncConflict.live().where(SyncConflict.status == "open")
                .order_by(SyncConflict.created_at, SyncConflict.id))


def table_rows(store: Store, table: str) -> list[tuple[object, ...]]:
    return [tuple(r) for r in store.execute(f'SELECT * FROM "{table}" ORDER BY id').fetchall()]
