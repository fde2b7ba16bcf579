"""Restore as a protocol (issue 11, item 1): nothing is touched until the backup, its keys and
the password are checked; never while another process has the register open; never the
register onto itself; never over an earlier replaced pair; no staging files left behind; a
swap cut short is finished by whoever opens the register next. (The kill -9 series is in
tests/faults/test_restore_kill.py.)"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from mediation_desk import clock
from mediation_desk.errors import PermissionDenied, StoreUnavailable, ValidationError, WrongPassword
from mediation_desk.services.safety.accounts import open_register
from mediation_desk.services.safety.restore import restore_backup
from mediation_desk.store import swap
from mediation_desk.store.keys import keyfile_path
from mediation_desk.store.models import Case
from tests.conftest import PASSWORD
from tests.safety_support import REPO, file_state, make_register, run_cli, run_cli_json


@pytest.fixture
def room(tmp_path: Path) -> tuple[Path, Path]:
    """A register with two cases (cheap key slots, a mediator account) and a backup of
    another register with one case, the same admin password, and its own database key."""
    target = tmp_path / "room" / "register.db"
    target.parent.mkdir()
    make_register(target, cases=2, users=(("linchm", "mediator"),))
    other = tmp_path / "other" / "register.db"
    other.parent.mkdir()
    make_register(other, cases=1, users=(("linchm", "mediator"),))
    backup = tmp_path / "usb" / "backup.db"
    run_cli_json(other, "backup", "--out", str(backup))
    return target, backup


def _cases(path: Path) -> int:
    store, _ = open_register(path, "admin", PASSWORD)
    try:
        return Case.select().count()
    finally:
        store.close()


def test_a_wrong_password_touches_nothing(room: tuple[Path, Path]) -> None:
    """Before: the live register was moved aside and the backup put in its place, then
    exit 3 — the room was left on a register its password could not open."""
    target, backup = room
    before = file_state(target.parent)
    result = run_cli(target, "restore", "--force", str(backup), password="not-the-password")
    assert result.returncode == 3 and "用户名或密码不正确" in result.stderr
    assert file_state(target.parent) == before
    assert _cases(target) == 2


def test_a_wrong_password_for_an_unencrypted_backup_touches_nothing(tmp_path: Path) -> None:
    """Before: an unencrypted backup's password was first checked by opening the restored
    register — after the live one had been moved aside — so a wrong password left the room
    on the backup (exit 3). Now the account's password hash in the backup is checked first."""
    from mediation_desk.services.safety.accounts import create_register
    from mediation_desk.services.safety.backups import backup_to
    from tests.conftest import ROOM

    target = tmp_path / "room" / "register.db"
    target.parent.mkdir()
    store, _, _ = create_register(target, ROOM, "admin", PASSWORD, encrypted=False)
    store.close()
    source = tmp_path / "source.db"
    store, actor, _ = create_register(source, ROOM, "admin", PASSWORD, encrypted=False)
    backup = backup_to(store, actor, tmp_path / "plain-backup.db")
    store.close()
    before = file_state(target.parent)
    result = run_cli(target, "restore", "--force", str(backup), password="not-the-password")
    assert result.returncode == 3 and "用户名或密码不正确" in result.stderr
    assert file_state(target.parent) == before


def test_a_damaged_backup_keys_file_touches_nothing(room: tuple[Path, Path]) -> None:
    target, backup = room
    keyfile_path(backup).write_text('{"format": "mediation-desk/keyslots@2", "slots": 7}',
                                    encoding="utf-8")
    before = file_state(target.parent)
    result = run_cli(target, "restore", "--force", str(backup))
    assert result.returncode == 4 and "密钥文件" in result.stderr and "损坏" in result.stderr
    assert file_state(target.parent) == before


def test_refused_while_another_process_has_the_register_open(room: tuple[Path, Path]) -> None:
    """Before: ``restore --force`` went ahead, and the other process's later writes went
    into the file moved aside."""
    target, backup = room
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys\n"
         "from mediation_desk.services.safety.accounts import open_register\n"
         "store, actor = open_register(sys.argv[1], 'admin', sys.argv[2])\n"
         "print('open', flush=True)\n"
         "sys.stdin.readline()\n"
         "store.close()\n", str(target), PASSWORD],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=REPO)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        before = target.read_bytes()
        result = run_cli(target, "restore", "--force", str(backup))
        assert result.returncode == 4, result.stderr
        assert "正被另一个程序使用" in result.stderr
        assert target.read_bytes() == before
        assert not list(target.parent.glob("*.replaced-*"))
        assert not list(target.parent.glob("*.restoring-*"))
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=60)
    assert run_cli_json(target, "restore", "--force", str(backup))["replaced"]
    assert _cases(target) == 1


def test_the_register_onto_itself_is_refused_clearly(room: tuple[Path, Path]) -> None:
    """Before: ``restore x.db --db x.db`` crashed and left no ``.keys``."""
    target, _backup = room
    before = file_state(target.parent)
    result = run_cli(target, "restore", "--force", str(target))
    assert result.returncode == 1
    assert "备份文件就是要恢复到的数据库本身" in result.stderr
    assert file_state(target.parent) == before
    assert _cases(target) == 2


def test_a_mediator_may_not_restore(room: tuple[Path, Path]) -> None:
    target, backup = room
    before = file_state(target.parent)
    result = run_cli(target, "restore", "--force", str(backup), user="linchm",
                     password="linchm-pass-1")
    assert result.returncode == 3 and "只有调委会主任或管理员可以从备份恢复" in result.stderr
    assert file_state(target.parent) == before
    with pytest.raises(PermissionDenied):
        restore_backup(backup, target.parent / "new.db", "linchm", "linchm-pass-1")
    assert not (target.parent / "new.db").exists()


def test_two_restores_in_one_second_keep_both_replaced_pairs(room: tuple[Path, Path]) -> None:
    """The replaced pair is named by the second; a second restore in that second must not
    overwrite the first one's (the register it replaced would be lost)."""
    target, backup = room
    with clock.pinned(datetime(2026, 12, 5, 10, 0, 0)):
        first = restore_backup(backup, target, "admin", PASSWORD, force=True)
        second = restore_backup(backup, target, "admin", PASSWORD, force=True)
    assert first.replaced is not None and second.replaced is not None
    assert first.replaced != second.replaced
    assert _cases(first.replaced) == 2  # the original register, still whole with its keys
    assert _cases(second.replaced) == 1
    assert keyfile_path(first.replaced).exists() and keyfile_path(second.replaced).exists()
    assert not list(target.parent.glob("*.restoring-*"))
    assert not swap.journal_path(target).exists()


def test_a_swap_cut_short_is_finished_by_the_next_open(room: tuple[Path, Path]) -> None:
    """Kill after the live register went aside and the backup came in, before its keys
    followed: the next open finishes the journal instead of meeting the wrong keys."""
    target, backup = room
    staged = swap.staging_path(target, "test")
    from mediation_desk.store.backup import copy_database, copy_private
    from mediation_desk.store.keys import KeyFile

    key = KeyFile.load(keyfile_path(backup)).unlock("admin", PASSWORD)
    copy_database(backup, staged, key)
    copy_private(keyfile_path(backup), keyfile_path(staged))
    replaced = target.with_name("register.db.replaced-test")
    moves = swap.plan_moves(target, staged, replaced)
    swap._write_journal(target, moves, 0)
    for done, (src, dst) in enumerate(moves[:2], start=1):  # aside, keys aside (counted)
        os.replace(src, dst)
        swap._write_journal(target, moves, done)
    os.replace(*moves[2])  # staged in — killed before the journal counted it
    assert target.exists() and not keyfile_path(target).exists()
    assert _cases(target) == 1  # opening finished the swap: new register, its own keys
    assert keyfile_path(target).exists() and not swap.journal_path(target).exists()
    assert _cases(replaced) == 2


def test_a_swap_whose_staged_copy_vanished_is_rolled_back(room: tuple[Path, Path]) -> None:
    target, _backup = room
    staged = swap.staging_path(target, "gone")
    staged.write_bytes(b"")  # planned, then lost (someone deleted it)
    replaced = target.with_name("register.db.replaced-gone")
    moves = swap.plan_moves(target, staged, replaced)
    swap._write_journal(target, moves, 0)
    for done, (src, dst) in enumerate(moves[:2], start=1):
        os.replace(src, dst)
        swap._write_journal(target, moves, done)
    staged.unlink()
    assert not target.exists()
    assert _cases(target) == 2  # the old pair is back
    assert not replaced.exists() and not swap.journal_path(target).exists()


def test_refusals_name_the_reason(room: tuple[Path, Path], tmp_path: Path) -> None:
    target, backup = room
    with pytest.raises(ValidationError, match="--force"):
        restore_backup(backup, target, "admin", PASSWORD)
    with pytest.raises(StoreUnavailable, match="不是备份文件"):
        restore_backup(tmp_path, tmp_path / "x.db", "admin", PASSWORD)
    with pytest.raises(WrongPassword):
        restore_backup(backup, tmp_path / "y.db", "nobody", PASSWORD)
    assert not (tmp_path / "x.db").exists() and not (tmp_path / "y.db").exists()
