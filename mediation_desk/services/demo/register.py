"""The demo register (``mediation-desk --demo``) as one all-or-nothing job.

Why: the demo is the first thing a new user sees. It used to be created in place and then
filled, so a failure half way (issue 10: a patrol refused on the first start) left a file that
the next start opened as if it were fine. Now the register is built under a staging name
beside its place and moved into place only when the fill has ended; a failure removes the
staging files, and a register at the demo's place that lacks the fill's mark
(:func:`mediation_desk.services.demo.fill.demo_filled`) — one left by an older version — is
set aside and built again (:func:`set_aside`).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from mediation_desk import clock
from mediation_desk.errors import StoreUnavailable
from mediation_desk.register_lock import inuse_path
from mediation_desk.services.demo.fill import fill_demo
from mediation_desk.services.safety.accounts import RoomSettings, create_register
from mediation_desk.store.keys import keyfile_path

#: The files one register is made of, by suffix of its path.
_PARTS = ("", "-wal", "-shm", "-journal")


def _files(path: Path) -> list[Path]:
    return [Path(str(path) + suffix) for suffix in _PARTS] + [keyfile_path(path)]


def _remove(path: Path) -> None:
    for part in [*_files(path), inuse_path(path)]:
        with contextlib.suppress(FileNotFoundError):
            part.unlink()


def _move(source: Path, target: Path) -> None:
    """The register's files to their new name; the database file last, so that the target
    exists only once everything it needs is there."""
    pairs = list(zip(_files(source), _files(target), strict=True))
    for old, new in [*pairs[1:], pairs[0]]:
        if old.exists():
            os.replace(old, new)


def build_demo_register(path: Path, settings: RoomSettings, user: str, password: str, *,
                        cases: int, seed: int,
                        progress: Callable[[int, int], None] | None = None,
                        today: date | None = None) -> dict[str, Any]:
    """Create and fill the demo register at ``path`` (which must not exist); returns the
    fill's summary. On any failure nothing is left at ``path`` nor beside it."""
    if path.exists():
        raise StoreUnavailable(f"数据库文件已存在，不会覆盖：{path}")
    for left in path.parent.glob(f"{path.name}.building-*"):
        left.unlink()  # a build killed half way (the caller holds the demo's instance lock)
    staging = path.with_name(f"{path.name}.building-{os.getpid()}")
    try:
        store, actor, _ = create_register(staging, settings, user, password, encrypted=False)
        try:
            summary = fill_demo(store, actor, cases=cases, seed=seed, progress=progress,
                                today=today)
        finally:
            store.close()
        _move(staging, path)
        inuse_path(staging).unlink(missing_ok=True)  # the staging's use marker, not the register's
    except BaseException:
        _remove(staging)
        raise
    return summary


def set_aside(path: Path) -> Path:
    """Move an incomplete demo register out of the way (kept, not deleted: someone may have
    typed into it); returns its new name."""
    aside = path.with_name(f"{path.name}.incomplete-{clock.now():%Y%m%d-%H%M%S}")
    _move(path, aside)
    return aside
