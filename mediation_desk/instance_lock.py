"""The window's one-instance lock, read from outside Qt: is a register open in a window?

The window holds a QLockFile beside the register (``register.db.lock``, ui/app.py) for as long
as it has the file open. Replacing the register under it (a restore from the command line)
would leave the window writing into a file that is no longer the register — on Linux silently,
on Windows with a sharing-violation error halfway. The command line cannot import Qt, so this
reads the file Qt wrote (process id, program, host, …, one per line) and asks Qt's own question:
is that process, on this machine, still alive?

Platform branches (tested on Linux by passing ``platform``): POSIX asks the lock itself — Qt
holds an flock() on it while locked — and falls back to ``kill(pid, 0)``. Windows has no fcntl,
and there ``os.kill(pid, 0)`` does not probe: it *terminates* the process; liveness is asked of
the kernel (OpenProcess + GetExitCodeProcess) instead. Host names compare without case there.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import socket
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mediation_desk.paths import same_file_key

LOCK_SUFFIX = ".lock"


def lock_path(register: Path) -> Path:
    """The lock file beside the register: the one name the window and the command line use."""
    return Path(str(register) + LOCK_SUFFIX)


def server_name(register: Path, platform: str | None = None) -> str:
    """The local-server name a second window start knocks on (a named pipe on Windows, a
    socket elsewhere): derived from the register's path, one name per file whatever its
    spelling (Windows folds case)."""
    key = same_file_key(str(register.resolve()), platform)
    return "mediation-desk-" + hashlib.sha256(key.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class LockHolder:
    pid: int
    program: str
    host: str

    def describe(self) -> str:
        return f"进程 {self.pid}（{self.program or '?'}，计算机 {self.host or '?'}）"


def parse_lock(data: bytes) -> LockHolder | None:
    """QLockFile's contents: pid, program name, host name, then machine and boot ids.
    None for anything else (an empty file left by a crash between create and write)."""
    lines = data.decode("utf-8", "replace").split("\n")
    if len(lines) < 3 or not lines[0].strip().isdigit():
        return None
    return LockHolder(int(lines[0].strip()), lines[1].strip(), lines[2].strip())


def same_host(a: str, b: str, platform: str | None = None) -> bool:
    """Windows computer names are case-insensitive (``ROOM-PC`` is ``room-pc``)."""
    platform = sys.platform if platform is None else platform
    return a.casefold() == b.casefold() if platform == "win32" else a == b


def pid_alive(pid: int, platform: str | None = None) -> bool:
    platform = sys.platform if platform is None else platform
    if platform == "win32":
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, owned by another user
        return True
    return True


def _windows_pid_alive(pid: int) -> bool:  # pragma: no cover - runs on Windows only
    import ctypes

    process_query_limited_information = 0x1000
    still_active = 259
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(process_query_limited_information, False, pid)
    if not handle:
        # Access denied means it exists (another user's); anything else, it is gone.
        return bool(kernel32.GetLastError() == 5)
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)


def _posix_lock_free(path: Path) -> bool | None:
    """True when nobody holds the flock Qt keeps on a held lock file, False when someone
    does, None when the file system cannot tell (then the process id decides)."""
    import fcntl

    try:
        with open(path, "rb") as fh:
            try:
                fcntl.flock(fh.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
            except BlockingIOError:
                return False
            except OSError:
                return None
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
            return True
    except OSError:
        return None


def window_holder(register: Path, platform: str | None = None,
                  alive: Callable[[int], bool] | None = None,
                  host: str | None = None) -> LockHolder | None:
    """Who has ``register`` open in a window, or None when nobody does (no lock file, or a
    stale one left by a window that crashed). A lock taken on another computer (a register
    in a shared folder) counts as held: its process cannot be asked. ``alive`` and ``host``
    default to this machine's; tests pass them to walk the other platform's branch."""
    platform = sys.platform if platform is None else platform
    path = lock_path(register)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except PermissionError:  # Windows while Qt is still writing it: held
        return LockHolder(0, "", "")
    holder = parse_lock(data)
    if holder is None:
        return None
    if not same_host(holder.host, host if host is not None else socket.gethostname(),
                     platform):
        return holder
    if platform != "win32" and alive is None:
        free = _posix_lock_free(path)
        if free is not None:
            return None if free else holder
    is_alive = alive if alive is not None else (lambda pid: pid_alive(pid, platform))
    return holder if is_alive(holder.pid) else None


# -- taking the window's lock from outside Qt (a restore) -------------------------------------
def _program_name() -> str:
    """What Qt compares with a running process's name to tell a live lock from a stale one:
    the file name of this process's executable (on Linux, /proc/self/exe)."""
    try:
        return os.path.basename(os.readlink("/proc/self/exe"))
    except OSError:
        return os.path.basename(sys.executable)


def _first_line(path: str) -> str:
    try:
        with open(path, encoding="ascii", errors="replace") as fh:
            return fh.readline().strip()
    except OSError:
        return ""


class WindowLock:
    """The window's lock file, held by this process in QLockFile's own format.

    Why: while a restore replaces the register, no window may start on it. Taking the very
    lock a window takes (same file, created exclusively, QLockFile's lines, and on POSIX the
    flock Qt keeps on it) makes a starting window see "already open" instead of opening a
    file about to be moved away. A lock left by a process that died is stale and removed,
    as Qt does.
    """

    def __init__(self, register: Path) -> None:
        self.register = register
        self.path = lock_path(register)
        self.fd: int | None = None

    def try_acquire(self) -> LockHolder | None:
        """None when the lock is now ours, else whoever holds it."""
        for _attempt in range(2):
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL
                             | getattr(os, "O_BINARY", 0), 0o644)
            except FileExistsError:
                holder = window_holder(self.register)
                if holder is not None:
                    return holder
                self._remove_stale()
                continue
            if sys.platform != "win32":
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            contents = "\n".join([str(os.getpid()), _program_name(), socket.gethostname(),
                                  _first_line("/etc/machine-id"),
                                  _first_line("/proc/sys/kernel/random/boot_id"), ""])
            os.write(fd, contents.encode("utf-8"))
            self.fd = fd
            return None
        return LockHolder(0, "", "")

    def _remove_stale(self) -> None:
        """Qt's removeStaleLockFile: delete it only if nobody holds its flock."""
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except FileNotFoundError:
            return
        try:
            if sys.platform != "win32":
                import fcntl

                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    return
            with contextlib.suppress(OSError):  # Windows: a window still holds it open
                self.path.unlink(missing_ok=True)
        finally:
            os.close(fd)

    def release(self) -> None:
        if self.fd is None:
            return
        try:
            self.path.unlink(missing_ok=True)
        finally:
            os.close(self.fd)
            self.fd = None
