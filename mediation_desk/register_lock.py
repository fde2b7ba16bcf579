"""Who has a register open right now, across processes: a shared hold for everyone working in
it, an exclusive one for whoever replaces it (a restore) or changes its key (a re-key).

Why a second lock beside the window's QLockFile (instance_lock.py): that one says "a window
has this register", and only one window may. The command line must be able to read and write
while the window is open (the nightly backup of a scheduled task, an import), yet a restore
must know that *nobody* — no window and no command-line process — still has the file open,
or their later writes would go into the file it moved aside. So every process that opens the
register holds a shared lock on ``<register>.inuse`` for as long as it has it open; a restore
or re-key asks for the exclusive lock without waiting and refuses when anyone else holds it.
The kernel drops a killed process's lock, so a crash never leaves a register locked.

Platform branches: POSIX uses ``flock`` (per open file, so two stores opened in one process
share happily and a restore in that process still sees them); Windows uses ``LockFileEx`` on
the first byte (shared or exclusive, fail immediately). The Windows branch cannot run here.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from pathlib import Path

from mediation_desk.errors import StoreUnavailable

INUSE_SUFFIX = ".inuse"
#: How long opening waits for a restore or re-key that holds the register to finish.
WAIT_FOR_EXCLUSIVE_S = 15.0


def inuse_path(register: Path) -> Path:
    return Path(str(register) + INUSE_SUFFIX)


class RegisterUse:
    """One process's hold on a register (shared or exclusive); released on close or death."""

    def __init__(self, register: Path, platform: str | None = None) -> None:
        self.register = Path(register)
        self.path = inuse_path(self.register)
        self.platform = sys.platform if platform is None else platform
        self.fd: int | None = None
        self.mode = ""
        self.created = False  # this hold made the marker file (discard() removes it)

    # -- taking and giving back -------------------------------------------------------------
    def _open(self) -> int:
        if self.fd is None:
            flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0)
            try:
                self.created = not self.path.exists()
                self.fd = os.open(self.path, flags, 0o600)
            except OSError as exc:
                raise StoreUnavailable(
                    f"无法在数据库旁建立使用标记 {self.path}：{exc.strerror or exc}") from exc
        return self.fd

    def shared(self, wait_s: float = WAIT_FOR_EXCLUSIVE_S) -> RegisterUse:
        """Hold the register as one of its users; waits a little for a restore to finish."""
        fd = self._open()
        deadline = time.monotonic() + wait_s
        while not _lock(fd, exclusive=False, platform=self.platform):
            if time.monotonic() >= deadline:
                self.close()
                raise StoreUnavailable(
                    f"数据库 {self.register} 正在恢复备份或更换密钥，请稍后再试")
            time.sleep(0.1)
        self.mode = "shared"
        return self

    def try_exclusive(self) -> bool:
        """Take the register for oneself if nobody else has it open; never waits. A shared
        hold of this object is upgraded (and, when refused, kept)."""
        fd = self._open()
        if _lock(fd, exclusive=True, platform=self.platform):
            self.mode = "exclusive"
            return True
        if self.mode == "shared":
            # flock converts by unlocking first: a refused upgrade may have dropped the
            # shared hold, so take it again.
            self.fd = fd
            self.shared()
        return False

    def downgrade(self) -> None:
        """Back to a shared hold after exclusive work (others may open the register again)."""
        if self.fd is not None and self.mode == "exclusive":
            _lock(self.fd, exclusive=False, platform=self.platform)
            self.mode = "shared"

    def close(self) -> None:
        if self.fd is not None:
            with contextlib.suppress(OSError):
                _unlock(self.fd, self.platform)
            with contextlib.suppress(OSError):
                os.close(self.fd)
        self.fd = None
        self.mode = ""

    def discard(self) -> None:
        """Close, and remove the marker if this hold made it: opening a file that turned out
        not to be a register leaves nothing beside it."""
        self.close()
        if self.created:
            with contextlib.suppress(OSError):
                self.path.unlink()

    def __enter__(self) -> RegisterUse:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def in_use_by_others(register: Path) -> bool:
    """Whether another process (or another store in this one) has ``register`` open."""
    probe = RegisterUse(register)
    try:
        return not probe.try_exclusive()
    finally:
        probe.close()


# -- the two platforms -------------------------------------------------------------------------
def _lock(fd: int, *, exclusive: bool, platform: str) -> bool:
    if platform == "win32":  # pragma: no cover - runs on Windows only
        return _windows_lock(fd, exclusive)
    import fcntl

    try:
        fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:
        # A file system without flock (some network shares): the register can still be
        # used; only this protection is missing there (the window's lock still counts).
        return True
    return True


def _unlock(fd: int, platform: str) -> None:
    if platform == "win32":  # pragma: no cover - runs on Windows only
        _windows_unlock(fd)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


def _windows_lock(fd: int, exclusive: bool) -> bool:  # pragma: no cover - Windows only
    """LockFileEx on byte 0: shared or exclusive, failing at once. Windows locks do not
    convert in place, so the byte is unlocked first (a short window another may take)."""
    import ctypes
    import msvcrt
    from ctypes import wintypes

    class Overlapped(ctypes.Structure):
        _fields_ = [("Internal", ctypes.c_void_p), ("InternalHigh", ctypes.c_void_p),
                    ("Offset", wintypes.DWORD), ("OffsetHigh", wintypes.DWORD),
                    ("hEvent", wintypes.HANDLE)]

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = msvcrt.get_osfhandle(fd)  # type: ignore[attr-defined]
    _windows_unlock(fd)
    flags = 0x1 | (0x2 if exclusive else 0)  # FAIL_IMMEDIATELY | EXCLUSIVE_LOCK
    return bool(kernel32.LockFileEx(handle, flags, 0, 1, 0, ctypes.byref(Overlapped())))


def _windows_unlock(fd: int) -> None:  # pragma: no cover - Windows only
    import ctypes
    import msvcrt
    from ctypes import wintypes

    class Overlapped(ctypes.Structure):
        _fields_ = [("Internal", ctypes.c_void_p), ("InternalHigh", ctypes.c_void_p),
                    ("Offset", wintypes.DWORD), ("OffsetHigh", wintypes.DWORD),
                    ("hEvent", wintypes.HANDLE)]

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    kernel32.UnlockFileEx(msvcrt.get_osfhandle(fd), 0, 1, 0,  # type: ignore[attr-defined]
                          ctypes.byref(Overlapped()))
