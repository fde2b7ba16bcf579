"""Disk full, I/O errors and power loss, injected through a Python VFS (tests/faults/vfs.py).

The register is a real encrypted one (create_register, open_register, IntakeService): the
only thing swapped is the VFS its connection is opened with — ``multipleciphers-<fault vfs>``,
so sqlite3mc encrypts pages above the fault VFS and the fault VFS sees (and drops) ciphertext.
"""

from __future__ import annotations

import contextlib
import functools
import random
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import apsw
import peewee
import pytest
from playhouse.apsw_ext import APSWDatabase

from mediation_desk.errors import StoreUnavailable
from mediation_desk.services.cases.intake import IntakeService
from mediation_desk.services.safety.accounts import create_register, open_register
from mediation_desk.services.shared import audit
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store import database, sqlite_errors
from mediation_desk.store.database import Store
from mediation_desk.store.keys import keyfile_path
from mediation_desk.store.models import Case, NumberSequence, Party
from mediation_desk.store.sqlite_errors import describe_environment_error
from tests.conftest import PASSWORD, ROOM, neighbour_draft
from tests.faults.vfs import FaultVFS, fault_vfs

SECRETS = ["张喆".encode(), b"11010519491231002X", b"13912345678"]


@dataclass
class Opened:
    """A register opened through the fault VFS."""

    path: Path
    store: Store
    actor: Actor
    vfs: FaultVFS

    @property
    def intake(self) -> IntakeService:
        return IntakeService(self.store, self.actor)

    def reopen(self) -> None:
        """Open the file again (the real Store.open: quick_check, migrations)."""
        self.store = Store.open(self.path, self.store.db_key)


@pytest.fixture
def vfs() -> Iterator[FaultVFS]:
    v = fault_vfs()
    v.reset()
    yield v
    v.reset()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One real encrypted register (create_register), closed; each test gets a copy."""
    path = tmp_path_factory.mktemp("template") / "register.db"
    store, _, _ = create_register(path, ROOM, "admin", PASSWORD)
    store.close()
    return path


@pytest.fixture
def opened(template: Path, tmp_path: Path, vfs: FaultVFS,
           monkeypatch: pytest.MonkeyPatch) -> Iterator[Opened]:
    """A copy of the template register, opened with ``open_register`` through the fault VFS."""
    path = tmp_path / template.name
    shutil.copyfile(template, path)
    shutil.copyfile(keyfile_path(template), keyfile_path(path))
    monkeypatch.setattr(database, "APSWDatabase",
                        functools.partial(APSWDatabase, vfs=vfs.open_name))
    store, actor = open_register(path, "admin", PASSWORD)
    assert store.db_key is not None  # an encrypted register
    reg = Opened(path, store, actor, vfs)
    yield reg
    vfs.reset()
    close_anyway(reg.store)


def close_anyway(store: Store) -> None:
    """Close a store whose disk may be gone: apsw re-raises a Python VFS's exception from Connection.close even where SQLite
    itself ignores the error; the connection is closed all the same."""
    with contextlib.suppress(apsw.Error, peewee.PeeweeException):
        store.close()
    with contextlib.suppress(apsw.Error, peewee.PeeweeException):
        store.db.close()
    assert store.db.is_closed()


def case_count() -> int:
    return int(Case.select().count())


def integrity(store: Store) -> list[str]:
    return [str(r[0]) for r in store.execute("PRAGMA integrity_check").fetchall()]


def assert_whole(store: Store) -> None:
    """The file is sound: integrity ok, audit chain whole, every case has its two parties."""
    assert integrity(store) == ["ok"]
    assert audit.verify_chain() is None
    for case in Case.select():
        assert Party.select().where(Party.case == case.id).count() == 2, case.number


def last_issued() -> int:
    row = NumberSequence.get_or_none(NumberSequence.year == 2026)
    return int(row.last_issued) if row else 0


# -- the VFS really is in the stack, under the encryption ---------------------------------
def test_encryption_composes_with_the_python_vfs(opened: Opened) -> None:
    name = opened.store.connection().vfsname("main")
    assert name.startswith("multipleciphers-mediation-fault/"), name
    assert "FaultFile" in name
    before = opened.vfs.bytes_written
    opened.intake.register(neighbour_draft())
    assert opened.vfs.bytes_written > before  # the pages went through the fault VFS
    assert str(opened.store.execute("PRAGMA cipher").fetchall()[0][0])  # a cipher is active
    raw = b"".join(p.read_bytes() for p in opened.path.parent.glob(opened.path.name + "*")
                   if not p.name.endswith(".keys"))
    assert raw and not any(secret in raw for secret in SECRETS)
    assert not opened.path.read_bytes().startswith(b"SQLite format 3")
    # What the fault VFS holds as "the synced image" is ciphertext too.
    images = b"".join(bytes(i) for i in opened.vfs.images.values() if i is not None)
    assert images and not any(secret in images for secret in SECRETS)
    # And without the key the file is not a database.
    plain = apsw.Connection(str(opened.path), vfs=opened.vfs.open_name)
    try:
        with pytest.raises(apsw.NotADBError):
            plain.execute("SELECT count(*) FROM sqlite_master").fetchall()
    finally:
        plain.close()


# -- disk full ----------------------------------------------------------------------------
@pytest.mark.parametrize("after_bytes", [0, 20_000, 100_000])
def test_disk_full_during_registration_saves_nothing_and_recovers(
        opened: Opened, after_bytes: int) -> None:
    intake = opened.intake
    intake.register(neighbour_draft())
    cases, issued = case_count(), last_issued()
    opened.vfs.fill_disk(after_bytes)
    with pytest.raises(StoreUnavailable, match="磁盘已满") as caught:
        intake.register_many([neighbour_draft() for _ in range(5)])
    assert "刚才的操作没有保存" in str(caught.value)
    assert opened.vfs.full_raised >= 1
    assert case_count() == cases and last_issued() == issued  # nothing half-written
    # Still full: a second try fails the same way, and still writes nothing.
    with pytest.raises(StoreUnavailable, match="磁盘已满"):
        intake.register(neighbour_draft())
    assert case_count() == cases

    opened.vfs.free_disk()  # space returns: the same store goes on working
    result = intake.register_many([neighbour_draft() for _ in range(2)])
    assert [c.number for c in result.cases] == [
        f"（2026）湖头人调字第{issued + 1}号", f"（2026）湖头人调字第{issued + 2}号"]
    assert case_count() == cases + 2
    assert_whole(opened.store)

    opened.store.close()
    opened.reopen()
    assert case_count() == cases + 2
    assert_whole(opened.store)


# -- I/O errors ---------------------------------------------------------------------------
@pytest.mark.parametrize(("method", "after"), [
    ("xWrite", 0), ("xWrite", 25), ("xSync", 0), ("xRead", 0), ("xRead", 10),
])
def test_io_error_during_registration_saves_nothing_and_recovers(
        opened: Opened, method: str, after: int) -> None:
    intake = opened.intake
    intake.register(neighbour_draft())
    cases, issued = case_count(), last_issued()
    if method == "xRead":
        opened.store.execute("PRAGMA shrink_memory")  # empty the page cache: pages are read
    fault = opened.vfs.fail(method, after=after, times=1)
    with pytest.raises(StoreUnavailable, match="读写数据库文件时出错"):
        intake.register_many([neighbour_draft() for _ in range(4)])
    assert fault.raised == 1
    assert case_count() == cases and last_issued() == issued

    opened.vfs.clear_faults()
    result = intake.register(neighbour_draft())
    assert result.cases[0].number == f"（2026）湖头人调字第{issued + 1}号"
    assert case_count() == cases + 1
    assert_whole(opened.store)
    opened.store.close()
    opened.reopen()
    assert case_count() == cases + 1
    assert_whole(opened.store)


def test_io_error_while_opening_is_a_clear_message(opened: Opened) -> None:
    opened.store.close()
    opened.vfs.fail("xRead", times=None)
    with pytest.raises(StoreUnavailable, match="读写数据库文件时出错"):
        opened.reopen()
    opened.vfs.clear_faults()
    opened.reopen()
    assert_whole(opened.store)


def test_read_error_outside_a_write_is_described_for_the_user(opened: Opened) -> None:
    """Only Store.open and Store.write map SQLite errors; an I/O error while *reading* (the
    register list, a search) reaches the caller as peewee.OperationalError, and the window's
    error handler turns it into the same clear message (environment_message)."""
    opened.intake.register(neighbour_draft())
    opened.store.execute("PRAGMA shrink_memory")
    opened.vfs.fail("xRead", times=1)
    with pytest.raises(peewee.OperationalError) as caught:
        list(Case.select())
    original = sqlite_errors.original_sqlite_error(caught.value)
    assert isinstance(original, apsw.IOError)
    assert (describe_environment_error(original) or "").startswith("读写数据库文件时出错")
    assert (sqlite_errors.environment_message(caught.value) or "").startswith("读写数据库文件时出错")


def test_close_with_a_full_disk_does_not_raise_and_loses_nothing(opened: Opened) -> None:
    """The window closes the register on a full disk: close() must not raise (no crash
    dialog at exit), must close the file, and the WAL must keep every commit."""
    for _ in range(6):
        opened.intake.register_many([neighbour_draft() for _ in range(3)])
    opened.vfs.fill_disk(0)  # the closing checkpoint grows the database file: SQLITE_FULL
    try:
        opened.store.close()
        assert opened.store.db.is_closed() and not opened.vfs.open_files
    finally:
        close_anyway(opened.store)  # the test's own clean-up, whatever happened
        opened.vfs.free_disk()
        opened.reopen()
        assert case_count() == 18  # nothing was lost either way
        assert_whole(opened.store)


def test_logging_in_on_a_full_disk_after_a_crash_is_a_clear_message(opened: Opened) -> None:
    """After a crash or power cut the WAL still holds commits. Logging in on a full disk:
    open_register's login event fails (StoreUnavailable "磁盘已满"), its clean-up calls
    Store.close, whose checkpoint also fails — and that raw OperationalError replaces the
    clear message (the window shows its crash dialog) and leaves the file open."""
    for _ in range(4):
        opened.intake.register_many([neighbour_draft() for _ in range(4)])
    opened.vfs.cut_power()
    close_anyway(opened.store)
    opened.vfs.reboot()
    assert Path(str(opened.path) + "-wal").stat().st_size > 0  # commits wait in the WAL
    opened.vfs.fill_disk(0)
    try:
        with pytest.raises(StoreUnavailable, match="磁盘已满"):
            open_register(opened.path, "admin", PASSWORD)
        assert not opened.vfs.open_files
    finally:
        opened.vfs.free_disk()
        left_open = database.database_proxy.obj  # what the failed login left open, if any
        with contextlib.suppress(apsw.Error, peewee.PeeweeException):
            left_open.close()
        opened.store, _ = open_register(opened.path, "admin", PASSWORD)
        assert case_count() == 16
        assert_whole(opened.store)


def test_logging_in_on_a_full_disk_is_a_clear_message(opened: Opened) -> None:
    """The same with a cleanly closed register (empty WAL): a clear message, nothing open,
    and logging in works once there is space."""
    for _ in range(3):
        opened.intake.register_many([neighbour_draft() for _ in range(3)])
    opened.store.close()
    opened.vfs.fill_disk(0)
    with pytest.raises(StoreUnavailable, match="磁盘已满"):
        open_register(opened.path, "admin", PASSWORD)
    assert not opened.vfs.open_files
    opened.vfs.free_disk()
    opened.store, _ = open_register(opened.path, "admin", PASSWORD)
    assert case_count() == 9
    assert_whole(opened.store)


# -- power loss ---------------------------------------------------------------------------
def power_cut_and_reboot(opened: Opened, keep: random.Random | None = None) -> dict[str, int]:
    """Cut the power (if not cut already), close what is open, put back what survived."""
    opened.vfs.cut_power()
    close_anyway(opened.store)
    dropped = opened.vfs.reboot(keep)
    opened.reopen()
    return dropped


@pytest.mark.parametrize("keep_seed", [None, 1, 2])
def test_power_loss_after_acknowledged_commits_loses_none(
        opened: Opened, keep_seed: int | None) -> None:
    """synchronous=full + WAL: what register() acknowledged is on the platters."""
    numbers: list[str] = []
    for size in (1, 1, 3, 1, 4, 1):
        result = opened.intake.register_many([neighbour_draft() for _ in range(size)])
        numbers += [c.number for c in result.cases]
        assert opened.vfs.unsynced_bytes() == 0  # the acknowledgement came after the sync
    power_cut_and_reboot(opened, random.Random(keep_seed) if keep_seed else None)
    present = {c.number for c in Case.select(Case.number)}
    assert set(numbers) <= present
    assert_whole(opened.store)


@pytest.mark.parametrize("seed", range(12))
def test_power_cut_at_a_random_point_keeps_every_acknowledged_batch(
        opened: Opened, seed: int) -> None:
    """The power goes at a random write or sync — mid-transaction, mid-commit, or inside a
    checkpoint (frequent here: autocheckpoint every 20 pages). Every acknowledged batch must be
    there, the batch in flight all or nothing, and the file sound."""
    rng = random.Random(seed)
    opened.store.execute("PRAGMA wal_autocheckpoint=20")
    if seed % 3 == 2:
        opened.vfs.cut_power_after(rng.randint(1, 12), "xSync")  # at a commit or checkpoint sync
    else:
        opened.vfs.cut_power_after(rng.randint(1, 400))
    acked: dict[int, list[str]] = {}
    sizes: dict[int, int] = {}
    with contextlib.suppress(StoreUnavailable):
        for n in range(40):
            sizes[n] = rng.randint(2, 5)
            drafts = [neighbour_draft(summary=f"【batch-{seed}-{n}】{i} 屋檐滴水")
                      for i in range(sizes[n])]
            acked[n] = [c.number for c in opened.intake.register_many(drafts).cases]
    assert not opened.vfs.powered, "the cut should have landed inside the run"
    assert len(sizes) == len(acked) + 1  # exactly one batch was in flight
    power_cut_and_reboot(opened, random.Random(seed) if seed % 2 else None)

    present = {c.number for c in Case.select(Case.number)}
    for n, size in sizes.items():
        count = Case.select().where(Case.summary.contains(f"【batch-{seed}-{n}】")).count()
        if n in acked:
            assert set(acked[n]) <= present and count == size, f"acknowledged batch {n} lost"
        else:
            assert count in (0, size), f"batch {n} half written: {count} of {size}"
    seqs = sorted(int(c.number_seq) for c in Case.select(Case.number_seq))
    assert seqs == list(range(1, len(seqs) + 1)), "numbers must stay gap-free"
    assert_whole(opened.store)
    # and the register takes new work after the reboot
    opened.intake.register(neighbour_draft())
    assert_whole(opened.store)


@pytest.mark.parametrize("synchronous", ["OFF", "NORMAL"])
def test_negative_control_power_loss_drops_commits_without_full_sync(
        opened: Opened, synchronous: str) -> None:
    """Proves the simulation bites: with synchronous below FULL (WAL mode), commits are not
    synced and the same power cut loses acknowledged cases."""
    before = case_count()
    opened.store.execute(f"PRAGMA synchronous={synchronous}")
    numbers = [opened.intake.register(neighbour_draft()).cases[0].number for _ in range(5)]
    assert case_count() == before + 5
    assert opened.vfs.unsynced_bytes() > 0
    dropped = power_cut_and_reboot(opened)
    assert sum(dropped.values()) > 0
    present = {c.number for c in Case.select(Case.number)}
    assert not set(numbers) <= present, "unsynced commits survived: the simulation drops nothing"
    assert case_count() == before
    assert integrity(opened.store) == ["ok"]

