"""The register file itself: encryption at rest, keys, pragmas, checks and migrations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mediation_desk.errors import StoreUnavailable, WrongPassword
from mediation_desk.services.cases.intake import IntakeService
from mediation_desk.services.safety.accounts import create_register, open_register
from mediation_desk.store import migrations
from mediation_desk.store.database import Store
from mediation_desk.store.keys import KeyFile, keyfile_path
from mediation_desk.store.models import Device
from tests.conftest import PASSWORD, ROOM, Register, neighbour_draft

SECRETS = ["张喆".encode(), b"11010519491231002X", b"13912345678", "湖二村3组".encode()]


def _all_bytes(path: Path) -> bytes:
    data = b""
    for candidate in path.parent.iterdir():
        if candidate.name.startswith(path.name) and not candidate.name.endswith(".keys"):
            data += candidate.read_bytes()
    return data


def test_no_plaintext_in_file_or_wal(register: Register) -> None:
    IntakeService(register.store, register.actor).register(neighbour_draft())
    # While open (WAL holds the new pages) and after closing (checkpointed into the file).
    raw = _all_bytes(register.path)
    assert not any(secret in raw for secret in SECRETS)
    register.store.close()
    raw = _all_bytes(register.path)
    assert raw and not any(secret in raw for secret in SECRETS)
    assert not raw.startswith(b"SQLite format 3")


def test_unencrypted_register_is_plain_sqlite(tmp_path: Path) -> None:
    store, actor, recovery = create_register(tmp_path / "plain.db", ROOM, "admin", PASSWORD,
                                             encrypted=False)
    IntakeService(store, actor).register(neighbour_draft())
    store.close()
    assert recovery is None
    assert (tmp_path / "plain.db").read_bytes().startswith(b"SQLite format 3")
    assert not keyfile_path(tmp_path / "plain.db").exists()
    store, _ = open_register(tmp_path / "plain.db", "admin", PASSWORD)
    store.close()
    with pytest.raises(WrongPassword):
        open_register(tmp_path / "plain.db", "admin", "wrong-password")


def test_wrong_password_and_unknown_user_read_the_same(register: Register) -> None:
    register.store.close()
    with pytest.raises(WrongPassword) as wrong:
        open_register(register.path, "admin", "not-the-password")
    with pytest.raises(WrongPassword) as unknown:
        open_register(register.path, "nobody", PASSWORD)
    assert str(wrong.value) == str(unknown.value) == "用户名或密码不正确"


def test_recovery_key_opens_the_database(register: Register) -> None:
    register.store.close()
    assert register.recovery is not None
    key = KeyFile.load(keyfile_path(register.path)).unlock_with_recovery(register.recovery)
    store = Store.open(register.path, key)
    assert store.setting("room_name") == "问房调解室"
    store.close()
    with pytest.raises(WrongPassword):
        KeyFile.load(keyfile_path(register.path)).unlock_with_recovery("AAAA-BBBB")


def test_wrong_raw_key_is_refused_without_damage(register: Register) -> None:
    register.store.close()
    before = register.path.read_bytes()
    with pytest.raises(StoreUnavailable, match="不是数据库、密钥不对或文件已损坏"):
        Store.open(register.path, b"\x01" * 32)
    assert register.path.read_bytes() == before


def test_missing_keyfile_and_missing_database(register: Register, tmp_path: Path) -> None:
    register.store.close()
    with pytest.raises(StoreUnavailable, match="数据库文件不存在"):
        open_register(tmp_path / "nothing.db", "admin", PASSWORD)
    keyfile_path(register.path).rename(tmp_path / "moved.keys")
    # Without its key slots the file cannot be read (it is not a plain SQLite file).
    with pytest.raises(StoreUnavailable):
        open_register(register.path, "admin", PASSWORD)


def test_corrupt_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "broken.db"
    store, _, _ = create_register(path, ROOM, "admin", PASSWORD, encrypted=False)
    store.close()
    data = bytearray(path.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # wreck the second page
    path.write_bytes(bytes(data))
    with pytest.raises(StoreUnavailable):
        open_register(path, "admin", PASSWORD)


def test_pragmas_on_every_connection(register: Register) -> None:
    execute = register.store.execute
    assert execute("PRAGMA journal_mode").fetchall()[0][0] == "wal"
    assert execute("PRAGMA foreign_keys").fetchall()[0][0] == 1
    assert execute("PRAGMA synchronous").fetchall()[0][0] == 2  # FULL


def test_one_device_row_identifies_the_install(register: Register) -> None:
    device_id = register.store.local_device_id()
    assert Device.get_by_id(device_id).kind == "desk"
    register.store.close()
    store, _ = open_register(register.path, "admin", PASSWORD)
    assert store.local_device_id() == device_id
    assert Device.select().count() == 1
    store.close()


def test_every_synced_table_is_sync_ready(register: Register) -> None:
    from mediation_desk.store.models import SYNCED_MODELS

    for model in SYNCED_MODELS:
        columns = {c.name: c for c in register.store.db.get_columns(model._meta.table_name)}
        for needed in ("id", "created_at", "updated_at", "updated_by_device", "row_version",
                       "deleted_at"):
            assert needed in columns, (model.__name__, needed)
        assert columns["id"].primary_key


def test_row_version_counts_updates(register: Register) -> None:
    from mediation_desk.store.models import Case

    result = IntakeService(register.store, register.actor).register(neighbour_draft())
    case = Case.get_by_id(result.cases[0].case_id)
    assert case.row_version == 1
    case.summary += "（补充）"
    case.save()
    assert Case.get_by_id(case.id).row_version == 2
    assert case.updated_by_device == register.store.local_device_id()


def test_migration_backs_up_and_refuses_newer_schema(register: Register) -> None:
    store = register.store
    assert migrations.schema_version(store) == migrations.LATEST
    backup = migrations.backup_before_migration(store, 1)
    assert backup.exists() and backup.stat().st_size > 0
    # The backup is encrypted with the same key: it opens with the same slots.
    copy = Store.open(backup, store.db_key)
    assert copy.setting("committee_name") == "湖头镇人民调解委员会"
    copy.close()
    store.set_local("schema_version", str(migrations.LATEST + 1))
    store.close()
    with pytest.raises(StoreUnavailable, match="较新版本"):
        open_register(register.path, "admin", PASSWORD)


def test_keyfile_is_json_without_the_raw_key(register: Register) -> None:
    text = keyfile_path(register.path).read_text(encoding="utf-8")
    data = json.loads(text)
    assert set(data["slots"]) == {"admin", "__recovery__"}
    assert register.store.db_key is not None
    assert register.store.db_key.hex() not in text


def test_migrating_an_older_file_backs_it_up_and_keeps_its_data(register: Register) -> None:
    """A register written by the previous version (schema 1) opens, is backed up first,
    and gains the new column; running the step again changes nothing."""
    IntakeService(register.store, register.actor).register(neighbour_draft())
    store = register.store
    store.execute('ALTER TABLE "case" DROP COLUMN "anonymised_on"')
    store.set_local("schema_version", "1")
    store.close()
    store, _ = open_register(register.path, "admin", PASSWORD)
    try:
        assert migrations.schema_version(store) == migrations.LATEST
        assert "anonymised_on" in {c.name for c in store.db.get_columns("case")}
        from mediation_desk.store.models import Case

        assert Case.select().count() == 1
        backups = list((register.path.parent / "backups").glob(
            "register.db.before-migration-v1-*.bak"))
        assert len(backups) == 1
        # A pair: the copy has its key slots beside it, owner-only (issue 11).
        assert (backups[0].stat().st_mode & 0o777) == 0o600
        assert (Path(str(backups[0]) + ".keys").stat().st_mode & 0o777) == 0o600
        migrations.MIGRATIONS[1][2](store)  # safe to re-run
    finally:
        store.close()


def test_full_check_runs_after_an_unclean_end(tmp_path: Path) -> None:
    """quick_check reads every page, so it runs when the last session did not close the
    file (crash, power cut, kill); after a clean close it is skipped and damage is reported
    by the first read that meets it, by ``verify`` and before the daily backup."""
    path = tmp_path / "plain.db"
    store, actor, _ = create_register(path, ROOM, "admin", PASSWORD, encrypted=False)
    intake = IntakeService(store, actor)
    for _ in range(20):
        intake.register(neighbour_draft())
    store.close()

    def wreck_last_page() -> None:
        data = bytearray(path.read_bytes())
        data[-4096:] = b"\xfe" * 4096
        path.write_bytes(bytes(data))

    wreck_last_page()
    store = Store.open(path, None)  # clean close: no full check, opens
    with pytest.raises(StoreUnavailable, match="完整性检查未通过"):
        store.check_integrity()
    store.db.close()  # as a crash leaves it: still marked open
    with pytest.raises(StoreUnavailable, match="完整性检查未通过"):
        Store.open(path, None)


def test_the_sqlite_driver_does_not_leak_cursors() -> None:
    """apsw-sqlite3mc 3.54.0.0 kept released cursors alive; peewee closes every cursor it
    reads to the end, so the pile grew with each write and seeding became quadratic.
    The pinned version must release them."""
    import gc

    import apsw

    connection = apsw.Connection(":memory:")
    first = connection.cursor()
    first.execute("SELECT 1").fetchall()
    second = connection.cursor()
    second.execute("SELECT 2")
    del second, first
    gc.collect()
    assert sum(1 for o in gc.get_objects() if type(o).__name__ == "Cursor") == 0
    connection.close()
