"""Who has a register open (register_lock.py), and the window's lock taken from outside Qt for
a restore (instance_lock.WindowLock): across real processes, released by the kernel when a
holder is killed, and understood by Qt's own QLockFile."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QLockFile

from mediation_desk.instance_lock import WindowLock, lock_path, window_holder
from mediation_desk.register_lock import RegisterUse, in_use_by_others

HOLD_SHARED = """
import sys
from pathlib import Path
from mediation_desk.register_lock import RegisterUse
use = RegisterUse(Path(sys.argv[1])).shared()
print("held", flush=True)
sys.stdin.readline()
"""

HOLD_WINDOW_LOCK = """
import sys
from pathlib import Path
from mediation_desk.instance_lock import WindowLock
lock = WindowLock(Path(sys.argv[1]))
assert lock.try_acquire() is None
print("held", flush=True)
sys.stdin.readline()
lock.release()
"""


def _start(script: str, register: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", script, str(register)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def test_shared_holds_exclude_a_restore_until_their_process_dies(tmp_path: Path) -> None:
    register = tmp_path / "register.db"
    assert not in_use_by_others(register)
    mine = RegisterUse(register).shared()
    other = RegisterUse(register).shared()  # many users at once
    assert in_use_by_others(register)
    other.close()
    assert mine.try_exclusive() and mine.mode == "exclusive"  # alone now: the upgrade works
    mine.downgrade()
    mine.close()
    holder = _start(HOLD_SHARED, register)
    try:
        restore = RegisterUse(register)
        assert not restore.try_exclusive()
        holder.send_signal(signal.SIGKILL)  # a killed holder leaves no lock behind
        holder.wait(timeout=30)
        assert restore.try_exclusive()
        restore.close()
    finally:
        if holder.poll() is None:
            holder.kill()


def test_a_restores_window_lock_keeps_a_window_out(tmp_path: Path) -> None:
    register = tmp_path / "register.db"
    proc = _start(HOLD_WINDOW_LOCK, register)
    try:
        window = QLockFile(str(lock_path(register)))
        window.setStaleLockTime(0)
        assert not window.tryLock(0)  # Qt sees a live holder
        held_by = window_holder(register)
        assert held_by is not None and held_by.pid == proc.pid
    finally:
        assert proc.stdin is not None
        proc.stdin.write("\n")
        proc.stdin.flush()
        proc.wait(timeout=30)
    assert not lock_path(register).exists()
    assert window.tryLock(0)  # released: a window may start
    window.unlock()


def test_a_stale_lock_of_a_killed_restore_is_taken_over(tmp_path: Path) -> None:
    register = tmp_path / "register.db"
    proc = _start(HOLD_WINDOW_LOCK, register)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert lock_path(register).exists()  # left behind by the kill
    lock = WindowLock(register)
    assert lock.try_acquire() is None
    lock.release()
