"""The window's lock read from outside Qt: a real QLockFile held by another process, a stale
one left by a killed window, the Windows branch (host names without case, no os.kill probe),
and a restore refused while a window has the register open."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from mediation_desk.errors import StoreUnavailable
from mediation_desk.instance_lock import (
    LockHolder,
    lock_path,
    parse_lock,
    pid_alive,
    server_name,
    window_holder,
)
from mediation_desk.services.safety.backups import backup_to
from mediation_desk.services.safety.restore import restore_backup
from tests.conftest import PASSWORD, Register

# The window's own lock, taken in a separate process exactly as ui/app.py takes it.
HOLD = """
import sys
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1])
lock.setStaleLockTime(0)
if not lock.tryLock(0):
    sys.exit(3)
print("held", flush=True)
sys.stdin.readline()
lock.unlock()
"""


@contextmanager
def window_lock(register: Path) -> Iterator[subprocess.Popen[str]]:
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(lock_path(register))],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        yield proc
    finally:
        if proc.poll() is None:
            assert proc.stdin is not None
            proc.stdin.write("\n")
            proc.stdin.flush()
        proc.wait(timeout=30)


def test_a_window_in_another_process_is_seen_then_gone(tmp_path: Path) -> None:
    register = tmp_path / "register.db"
    assert window_holder(register) is None  # no lock file at all
    with window_lock(register) as proc:
        holder = window_holder(register)
        assert holder is not None and holder.pid == proc.pid
        assert holder.host == socket.gethostname()
        assert str(proc.pid) in holder.describe()
    assert window_holder(register) is None  # Qt removes the file when it unlocks


def test_a_killed_windows_lock_is_stale(tmp_path: Path) -> None:
    register = tmp_path / "register.db"
    with window_lock(register) as proc:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        assert lock_path(register).exists()  # left behind, as after a crash or power cut
        assert window_holder(register) is None
        # Without flock (a file system that has none) the process id decides the same way.
        assert not pid_alive(proc.pid)
        assert window_holder(register, alive=pid_alive) is None


def test_qt_lock_contents_parse() -> None:
    data = b"4242\nmediation-desk\nROOM-PC\n3d1219c7c4c5\na533-8bc0\n"
    assert parse_lock(data) == LockHolder(4242, "mediation-desk", "ROOM-PC")
    assert parse_lock(b"") is None  # created, not yet written: a crash in between
    assert parse_lock(b"not a pid\nx\ny\n") is None


def test_windows_branch_compares_host_names_without_case(tmp_path: Path) -> None:
    """On Windows the same computer may be written ROOM-PC or room-pc; elsewhere those are two
    machines, and a lock from another machine (a shared folder) counts as held."""
    register = tmp_path / "register.db"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    pid = int(dead.stdout)  # a process that has exited
    lock_path(register).write_bytes(f"{pid}\nmediation-desk.exe\nROOM-PC\nid\nboot\n".encode())

    def alive(p: int) -> bool:  # this machine's real probe stands in for OpenProcess
        return pid_alive(p, "linux")

    assert window_holder(register, "win32", alive, host="room-pc") is None  # same PC, gone
    assert window_holder(register, "linux", alive, host="room-pc") is not None  # another PC
    lock_path(register).write_bytes(f"{os.getpid()}\nmediation-desk.exe\nROOM-PC\n".encode())
    holder = window_holder(register, "win32", alive, host="room-pc")
    assert holder is not None and holder.pid == os.getpid()


def test_pid_probe_never_signals_on_windows() -> None:
    """os.kill(pid, 0) terminates the process on Windows; the win32 branch must never reach
    it. On Linux that branch needs the Windows kernel, so asking it fails before any kill."""
    with pytest.raises(AttributeError):  # ctypes.windll: Windows only
        pid_alive(os.getpid(), "win32")
    assert pid_alive(os.getpid(), "linux")  # and this process survived the question


def test_server_name_is_one_per_file_on_windows(tmp_path: Path) -> None:
    upper = tmp_path / "Room" / "Register.db"
    lower = tmp_path / "room" / "register.db"
    assert server_name(upper, "win32") == server_name(lower, "win32")
    assert server_name(upper, "linux") != server_name(lower, "linux")


def test_restore_is_refused_while_a_window_has_the_register_open(
        register: Register, tmp_path: Path) -> None:
    backup = backup_to(register.store, register.actor, tmp_path / "backup.db")
    register.store.close()
    before = register.path.read_bytes()
    with window_lock(register.path) as proc:
        with pytest.raises(StoreUnavailable, match=f"正在调解工作台窗口中打开（进程 {proc.pid}"):
            restore_backup(backup, register.path, "admin", PASSWORD, force=True)
        cli = shutil.which("mediation-desk-cli", path=str(Path(sys.executable).parent))
        assert cli is not None
        done = subprocess.run([cli, "--db", str(register.path), "--user", "admin", "restore",
                               "--force", str(backup)], capture_output=True, text=True,
                              env={**os.environ, "MEDIATION_DESK_PASSWORD": PASSWORD},
                              stdin=subprocess.DEVNULL, timeout=120)
        assert done.returncode == 4, done.stderr  # the register cannot be used now
        assert "请先关闭该窗口再恢复" in done.stderr
    assert register.path.read_bytes() == before  # nothing replaced
    assert not list(tmp_path.glob("register.db.replaced-*"))
    restored = restore_backup(backup, register.path, "admin", PASSWORD, force=True)
    assert restored.replaced is not None  # with the window closed it goes ahead
