"""A fault-injecting SQLite VFS written in Python, for the fault tests.

What it can do to the register's files (architecture.md §8):

* **disk full** — :meth:`FaultVFS.fill_disk`: a write that would grow a file past the space left
  raises ``SQLITE_FULL`` (:class:`apsw.FullError`), as a real full disk does; overwriting bytes
  a file already has still works, as it does on a real disk.
* **I/O errors** — :meth:`FaultVFS.fail`: ``xWrite``, ``xSync``, ``xRead`` or ``xTruncate``
  raise ``SQLITE_IOERR`` (:class:`apsw.IOError`) after a number of good calls, for a number
  of calls or until :meth:`FaultVFS.clear_faults`.
* **power loss** — the VFS keeps, per file, the image that was on the platters at the last
  ``xSync`` and the writes made since. :meth:`FaultVFS.cut_power` (or an armed
  :meth:`FaultVFS.cut_power_after`) stops the "machine": from then on every write, sync,
  truncate, read and delete fails, so nothing more reaches the disk while the test closes the
  connection. :meth:`FaultVFS.reboot` then rewrites each file from its last synced image —
  dropping every write that was not synced, or (``keep=random.Random(..)``) keeping a random
  subset of them, as a disk cache that reorders writes might — and removes the ``-shm`` files,
  which do not survive a reboot.

Encryption: SQLite3 Multiple Ciphers is itself a VFS shim. Opening a database with the VFS name
``"multipleciphers-<name>"`` makes sqlite3mc create its cipher shim over the VFS called
``<name>`` (``sqlite3mcCheckVfs``), so pages are encrypted *above* this VFS: what this VFS
sees and keeps is the ciphertext that a real disk would hold. Use :attr:`FaultVFS.open_name`.

One instance per process (:func:`fault_vfs`): the cipher shim keeps a pointer to the VFS it
wraps, so this VFS must never be unregistered or replaced while the process runs; tests call
:meth:`FaultVFS.reset` instead.
"""

from __future__ import annotations

import os
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import apsw

NAME = "mediation-fault"
BASE = "unix"

#: A pending (not yet synced) change to a file: ("write", offset, data) or ("truncate", size).
Op = tuple[str, int, bytes]


class PowerCut(apsw.IOError):
    """What every file operation raises once the power is off."""


@dataclass
class Fault:
    """One armed I/O fault: raise ``error`` on calls of ``method`` on matching files."""

    method: str  # "xWrite" | "xSync" | "xRead" | "xTruncate"
    error: type[apsw.Error]
    after: int  # good calls to let through first
    times: int | None  # how many calls fail; None = until cleared
    suffix: str | None  # only files whose name ends so ("-wal", ".db"); None = any
    seen: int = 0
    raised: int = 0

    def hit(self, method: str, path: str) -> bool:
        if method != self.method or (self.suffix is not None and not path.endswith(self.suffix)):
            return False
        self.seen += 1
        if self.seen <= self.after or (self.times is not None and self.raised >= self.times):
            return False
        self.raised += 1
        return True


def _apply(image: bytearray, op: Op) -> None:
    kind, offset, data = op
    if kind == "write":
        if len(image) < offset:
            image.extend(bytes(offset - len(image)))
        image[offset:offset + len(data)] = data
    else:  # truncate
        if len(image) > offset:
            del image[offset:]
        else:
            image.extend(bytes(offset - len(image)))


def _name(name: str | apsw.URIFilename | None) -> str | None:
    if name is None:
        return None
    if isinstance(name, apsw.URIFilename):
        return str(name.filename())
    return str(name)


class FaultVFS(apsw.VFS):
    def __init__(self, name: str = NAME, base: str = BASE) -> None:
        self.vfs_name = name
        self.base_name = base
        super().__init__(name, base=base)
        self.reset()

    @property
    def open_name(self) -> str:
        """The VFS name to open a database with: the sqlite3mc cipher shim over this VFS."""
        return "multipleciphers-" + self.vfs_name

    # -- state ------------------------------------------------------------------------------
    def reset(self) -> None:
        """Forget every fault, the power state and what was tracked; count from zero."""
        self.faults: list[Fault] = []
        self.space: int | None = None  # bytes files may still grow by; None = unlimited
        self.full_raised = 0
        self.powered = True
        self.cut_after: tuple[str, int] | None = None  # ("xWrite"|"xSync"|"any", calls left)
        self.cut_at: tuple[str, str] | None = None  # where cut_power_after struck
        self.images: dict[str, bytearray | None] = {}  # last synced image; None = absent
        self.pending: dict[str, list[Op]] = {}
        self.calls: dict[str, int] = {}
        self.bytes_written = 0
        self.open_files: dict[str, int] = {}  # path -> handles open

    def fill_disk(self, after_bytes: int = 0) -> None:
        """From now on files may grow by ``after_bytes`` more bytes, then SQLITE_FULL."""
        self.space = after_bytes

    def free_disk(self) -> None:
        self.space = None

    def fail(self, method: str, *, after: int = 0, times: int | None = None,
             suffix: str | None = None, error: type[apsw.Error] = apsw.IOError) -> Fault:
        """Arm an I/O error on ``method`` (after ``after`` good calls, ``times`` times)."""
        fault = Fault(method, error, after, times, suffix)
        self.faults.append(fault)
        return fault

    def clear_faults(self) -> None:
        self.faults.clear()
        self.space = None

    # -- power ------------------------------------------------------------------------------
    def cut_power(self) -> None:
        """The machine stops now: no further operation reaches the disk."""
        self.powered = False
        self.cut_after = None

    def cut_power_after(self, calls: int, method: str = "any") -> None:
        """Cut the power at the ``calls``-th next ``xWrite``/``xSync`` (``method`` or any)."""
        self.cut_after = (method, calls)

    def unsynced_bytes(self) -> int:
        return sum(len(op[2]) for ops in self.pending.values() for op in ops)

    def reboot(self, keep: random.Random | None = None) -> dict[str, int]:
        """Put back on disk what survived the power cut; returns dropped writes per file.

        Call after the connection is closed. Each file becomes its last synced image plus,
        with ``keep``, a random subset of the unsynced writes (applied in order); without
        ``keep`` every unsynced write is lost. ``-shm`` files are removed.
        """
        if self.open_files:
            raise RuntimeError(f"close the database before rebooting: {sorted(self.open_files)}")
        dropped: dict[str, int] = {}
        for path, image in self.images.items():
            ops = self.pending.get(path, [])
            survived = bytearray(image) if image is not None else None
            lost = 0
            for op in ops:
                if keep is not None and keep.random() < 0.5:
                    if survived is None:
                        survived = bytearray()
                    _apply(survived, op)
                else:
                    lost += 1
            dropped[path] = lost
            if survived is None:
                Path(path).unlink(missing_ok=True)
            else:
                Path(path).write_bytes(bytes(survived))
            if not path.endswith(("-wal", "-journal")):
                Path(path + "-shm").unlink(missing_ok=True)
        self.images.clear()
        self.pending.clear()
        self.powered = True
        self.cut_after = None
        return dropped

    # -- hooks used by FaultFile ------------------------------------------------------------
    def track(self, path: str) -> None:
        if path not in self.images:
            self.images[path] = bytearray(Path(path).read_bytes()) if os.path.exists(path) \
                else None
            self.pending[path] = []

    def before(self, method: str, path: str, size: int = 0, grows: int = 0) -> None:
        """Raise the fault this call should meet, if any (called before the real I/O)."""
        self.calls[method] = self.calls.get(method, 0) + 1
        if not self.powered:
            raise PowerCut(f"power is off ({method} {path})")
        if self.cut_after is not None and method in ("xWrite", "xSync"):
            which, left = self.cut_after
            if which in ("any", method):
                left -= 1
                self.cut_after = (which, left)
                if left <= 0:
                    self.cut_power()
                    self.cut_at = (method, path)
                    raise PowerCut(f"power cut during {method} {path}")
        for fault in self.faults:
            if fault.hit(method, path):
                raise fault.error(f"injected {fault.error.__name__} in {method} {path}")
        if method == "xWrite" and self.space is not None and grows > 0:
            if grows > self.space:
                self.full_raised += 1
                raise apsw.FullError(f"injected disk full writing {size} bytes to {path}")
            self.space -= grows

    def wrote(self, path: str, offset: int, data: bytes) -> None:
        self.bytes_written += len(data)
        self.pending.setdefault(path, []).append(("write", offset, data))

    def truncated(self, path: str, size: int) -> None:
        self.pending.setdefault(path, []).append(("truncate", size, b""))

    def synced(self, path: str) -> None:
        image = self.images.get(path)
        image = bytearray() if image is None else image
        for op in self.pending.get(path, []):
            _apply(image, op)
        self.images[path] = image
        self.pending[path] = []

    # -- VFS methods ------------------------------------------------------------------------
    def xOpen(self, name: str | apsw.URIFilename | None, flags: list[int]) -> apsw.VFSFile:
        if not self.powered:
            raise PowerCut("power is off (xOpen)")
        return FaultFile(self, name, flags)

    def xDelete(self, filename: str, syncdir: bool) -> None:
        self.before("xDelete", filename)
        super().xDelete(filename, syncdir)
        # A delete is a directory change; treat it as durable at once (SQLite deletes a WAL
        # only after a checkpoint has put and synced all of it into the database file).
        if filename in self.images:
            self.images[filename] = None
            self.pending[filename] = []


class FaultFile(apsw.VFSFile):
    def __init__(self, vfs: FaultVFS, name: str | apsw.URIFilename | None,
                 flags: list[int]) -> None:
        self.vfs = vfs
        self.closed = False
        self.path = _name(name)
        if self.path is not None:
            vfs.track(self.path)
        super().__init__(vfs.base_name, name, flags)
        if self.path is not None:
            vfs.open_files[self.path] = vfs.open_files.get(self.path, 0) + 1

    def xRead(self, amount: int, offset: int) -> bytes:
        self.vfs.before("xRead", self.path or "")
        data: bytes = super().xRead(amount, offset)
        return data

    def xWrite(self, data: Any, offset: int) -> None:
        data = bytes(data)
        grows = 0
        if self.vfs.space is not None:
            grows = max(0, offset + len(data) - super().xFileSize())
        self.vfs.before("xWrite", self.path or "", len(data), grows)
        super().xWrite(data, offset)
        if self.path is not None:
            self.vfs.wrote(self.path, offset, data)

    def xTruncate(self, newsize: int) -> None:
        self.vfs.before("xTruncate", self.path or "")
        super().xTruncate(newsize)
        if self.path is not None:
            self.vfs.truncated(self.path, newsize)

    def xSync(self, flags: int) -> None:
        self.vfs.before("xSync", self.path or "")
        super().xSync(flags)
        if self.path is not None:
            self.vfs.synced(self.path)

    def xClose(self) -> None:
        if self.path is not None and not self.closed:
            self.closed = True
            left = self.vfs.open_files.get(self.path, 1) - 1
            if left:
                self.vfs.open_files[self.path] = left
            else:
                self.vfs.open_files.pop(self.path, None)
        super().xClose()


_instance: FaultVFS | None = None


def fault_vfs() -> FaultVFS:
    """The process's one :class:`FaultVFS` (registered on first use, never unregistered)."""
    global _instance
    if _instance is None:
        _instance = FaultVFS()
    return _instance
