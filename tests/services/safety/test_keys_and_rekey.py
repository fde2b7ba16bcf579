"""Roles and keys (issue 11, item 7): reserved account names, re-keying when an account is
disabled or a password may have leaked (an old copy of ``.keys`` no longer opens the
register), the recovery key's path from the command line, key files and backups created
owner-only, and unknown names costing the same as wrong passwords."""

from __future__ import annotations

import shutil
import statistics
import time
from pathlib import Path

import apsw
import pytest

from mediation_desk.errors import StoreUnavailable, ValidationError, WrongPassword
from mediation_desk.services.safety.accounts import AccountService, open_register
from mediation_desk.services.safety.rekey import pending_path, rekey
from mediation_desk.store.keys import KdfParams, KeyFile, key_pragma, keyfile_path
from mediation_desk.store.models import AuditEvent
from tests.conftest import PASSWORD, Register
from tests.safety_support import make_register, run_cli, run_cli_json


def _opens(register: Path, keys: Path, username: str, password: str) -> bool:
    """Whether ``keys`` (perhaps an old copy) and a password open ``register`` — as someone
    with a plain SQLite tool would try it."""
    try:
        key = KeyFile.load(keys).unlock(username, password)
    except WrongPassword:
        return False
    conn = apsw.Connection(str(register), flags=apsw.SQLITE_OPEN_READONLY)
    try:
        conn.execute(f"PRAGMA key = {key_pragma(key)}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
        return True
    except apsw.Error:
        return False
    finally:
        conn.close()


def test_reserved_names_are_refused(register: Register) -> None:
    """Before: ``users add __recovery__`` overwrote the recovery slot."""
    accounts = AccountService(register.store, register.actor)
    for name in ("__recovery__", "__admin", "x__"):
        with pytest.raises(ValidationError, match="程序保留的名称"):
            accounts.add(name, "admin", "password-123")
    assert register.recovery is not None
    slots = KeyFile.load(keyfile_path(register.path))
    assert slots.unlock_with_recovery(register.recovery) == register.store.db_key


def test_reserved_name_from_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "register.db"
    recovery = make_register(db)
    result = run_cli(db, "users", "add", "__recovery__", "--role", "admin",
                     env={"MEDIATION_DESK_NEW_PASSWORD": "password-123"})
    assert result.returncode == 1 and "程序保留的名称" in result.stderr
    assert KeyFile.load(keyfile_path(db)).unlock_with_recovery(recovery)


def test_disabling_an_account_rekeys_the_register(tmp_path: Path) -> None:
    """Before: the slot was removed but the database key stayed, so an old copy of
    ``.keys`` with the disabled account's password still opened the current register."""
    db = tmp_path / "register.db"
    recovery = make_register(db, cases=2, users=(("chen", "mediator"), ("linchm", "director")))
    old_keys = tmp_path / "stolen.keys"
    shutil.copyfile(keyfile_path(db), old_keys)
    assert _opens(db, old_keys, "chen", "chen-pass-1")
    out = run_cli_json(db, "users", "disable", "chen")
    assert out["rekeyed"] is True and out["recovery_key"] is None
    assert not _opens(db, old_keys, "chen", "chen-pass-1")  # the old copy is useless now
    assert not _opens(db, old_keys, "admin", PASSWORD)
    # Everyone else still opens it with the password they had, and the recovery key works.
    assert _opens(db, keyfile_path(db), "admin", PASSWORD)
    assert _opens(db, keyfile_path(db), "linchm", "linchm-pass-1")
    assert "chen" not in KeyFile.load(keyfile_path(db)).usernames()
    KeyFile.load(keyfile_path(db)).unlock_with_recovery(recovery)
    assert run_cli(db, "cases", user="chen", password="chen-pass-1").returncode == 3
    assert len(run_cli_json(db, "cases", user="linchm", password="linchm-pass-1")) == 2
    # A backup was made first, without the disabled account's slot.
    backup = Path(out["backup"])
    assert backup.exists() and "chen" not in KeyFile.load(keyfile_path(backup)).usernames()
    assert (backup.stat().st_mode & 0o777) == 0o600
    assert run_cli_json(db, "verify")["ok"] is True


def test_a_password_change_with_rekey(tmp_path: Path) -> None:
    db = tmp_path / "register.db"
    make_register(db, users=(("linchm", "director"),))
    old_keys = tmp_path / "old.keys"
    shutil.copyfile(keyfile_path(db), old_keys)
    out = run_cli_json(db, "users", "passwd", "linchm", "--rekey",
                       env={"MEDIATION_DESK_NEW_PASSWORD": "new-linchm-pass"})
    assert out["rekeyed"] is True
    assert not _opens(db, old_keys, "linchm", "linchm-pass-1")
    assert _opens(db, keyfile_path(db), "linchm", "new-linchm-pass")
    assert _opens(db, keyfile_path(db), "admin", PASSWORD)
    # Without --rekey only the slot changes: the old copy (and old password) still opens —
    # the reason --rekey exists.
    shutil.copyfile(keyfile_path(db), old_keys)
    run_cli_json(db, "users", "passwd", "linchm",
                 env={"MEDIATION_DESK_NEW_PASSWORD": "third-linchm-pass"})
    assert _opens(db, old_keys, "linchm", "new-linchm-pass")


def test_rekey_refused_while_another_process_has_the_register(register: Register) -> None:
    accounts = AccountService(register.store, register.actor)
    accounts.add("chen", "mediator", "chen-pass-1")
    import subprocess
    import sys

    from tests.safety_support import REPO

    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys\n"
         "from mediation_desk.services.safety.accounts import open_register\n"
         "store, actor = open_register(sys.argv[1], 'admin', sys.argv[2])\n"
         "print('open', flush=True)\n"
         "sys.stdin.readline()\n"
         "store.close()\n", str(register.path), PASSWORD],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=REPO)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreUnavailable, match="无法更换数据库密钥"):
            accounts.set_active("chen", False)
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=60)
    assert "chen" in KeyFile.load(keyfile_path(register.path)).usernames()
    assert accounts.accounts()[1].active  # nothing changed
    accounts.set_active("chen", False)
    assert not accounts.accounts()[1].active


def test_a_rekey_cut_short_settles_at_the_next_login(register: Register) -> None:
    """Killed after ``PRAGMA rekey`` committed, before the new slots replaced the old: the
    next login finds ``.keys.pending``, sees which key opens the file, keeps that one."""
    store = register.store
    old_slots = KeyFile.load(keyfile_path(register.path))
    rekey(store)
    new_slots = keyfile_path(register.path).read_bytes()
    keyfile_path(register.path).write_bytes(b"")
    old_slots.save(keyfile_path(register.path))  # as if the rename never happened
    pending_path(register.path).write_bytes(new_slots)
    store.close()
    again, _ = open_register(register.path, "admin", PASSWORD)
    again.close()
    assert not pending_path(register.path).exists()
    assert keyfile_path(register.path).read_bytes() == new_slots


def test_recovery_key_from_the_command_line(tmp_path: Path) -> None:
    """Before: the recovery key was shown at set-up but nothing used it."""
    db = tmp_path / "register.db"
    recovery = make_register(db, cases=1)
    wrong = run_cli(db, "users", "recover", "admin",
                    env={"MEDIATION_DESK_RECOVERY_KEY": "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH",
                         "MEDIATION_DESK_NEW_PASSWORD": "a-new-password"})
    assert wrong.returncode == 3 and "恢复密钥不正确" in wrong.stderr
    out = run_cli_json(db, "users", "recover", "admin",
                       env={"MEDIATION_DESK_RECOVERY_KEY": recovery.lower().replace("-", " "),
                            "MEDIATION_DESK_NEW_PASSWORD": "a-new-password"})
    assert out == {"username": "admin", "recovered": True}
    assert run_cli(db, "cases").returncode == 3  # the forgotten password is gone
    assert len(run_cli_json(db, "cases", password="a-new-password")) == 1
    store, _ = open_register(db, "admin", "a-new-password")
    try:
        assert AuditEvent.select().where(AuditEvent.action == "recover").count() == 1
    finally:
        store.close()
    short = run_cli(db, "users", "recover", "admin",
                    env={"MEDIATION_DESK_RECOVERY_KEY": recovery,
                         "MEDIATION_DESK_NEW_PASSWORD": "short"})
    assert short.returncode == 1 and "新密码 至少8个字符" in short.stderr


def test_key_files_and_backups_are_owner_only(register: Register, tmp_path: Path) -> None:
    """Before: ``.keys`` was world-readable."""
    from mediation_desk.services.safety.backups import backup_to

    backup = backup_to(register.store, register.actor, tmp_path / "b.db")
    AccountService(register.store, register.actor).add("chen", "mediator", "chen-pass-1")
    for path in (keyfile_path(register.path), register.path, backup, keyfile_path(backup)):
        assert (path.stat().st_mode & 0o777) == 0o600, path


def test_first_format_slots_still_open_and_are_upgraded(register: Register) -> None:
    """Key files written before the sealed slots (format 1) keep working."""
    import base64
    import secrets

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    key = register.store.db_key
    assert key is not None
    register.store.close()
    params = KdfParams(1, 8, 1)
    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)
    wrapped = AESGCM(params.derive(PASSWORD.encode(), salt)).encrypt(nonce, key, b"admin")
    slots = KeyFile.load(keyfile_path(register.path))
    slots.data["format"] = "mediation-desk/keyslots@1"
    slots.slots["admin"] = {"salt": base64.b64encode(salt).decode(), "kdf": "argon2id",
                            "t": 1, "m": 8, "p": 1, "nonce": base64.b64encode(nonce).decode(),
                            "wrapped": base64.b64encode(wrapped).decode()}
    slots.save()
    store, _ = open_register(register.path, "admin", PASSWORD)
    store.close()
    upgraded = KeyFile.load(keyfile_path(register.path))
    assert upgraded.slots["admin"].get("v") == 2 and upgraded.kdf_of("admin") == params


@pytest.mark.slow
def test_unknown_names_cost_as_much_as_wrong_passwords(register: Register) -> None:
    """Before: an unknown name answered about 2000 times faster than a wrong password, so
    the time told which accounts exist. Medians of real default-cost derivations."""
    slots = KeyFile.load(keyfile_path(register.path))

    def timed(name: str) -> float:
        started = time.perf_counter()
        with pytest.raises(WrongPassword):
            slots.unlock(name, "wrong-password")
        return time.perf_counter() - started

    wrong = statistics.median(timed("admin") for _ in range(5))
    unknown = statistics.median(timed("nobody-here") for _ in range(5))
    print(f"\nwrong password: {wrong * 1000:.0f} ms, unknown name: {unknown * 1000:.0f} ms")
    assert 0.5 < unknown / wrong < 2.0
