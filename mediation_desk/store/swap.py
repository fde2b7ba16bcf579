"""Putting a staged register pair (database and ``.keys``) in place of the live one as one
recoverable step, so that a kill at any moment leaves the old pair or the new pair.

Why a journal: replacing a register takes several renames — the live file and its companions
(``-wal``, ``-shm``, ``.keys``) aside, the staged copy and its keys in. No file system renames
several files at once, and a kill between two renames used to leave no register, or a register
beside the wrong keys. So the plan is written first, flushed, as ``<register>.restore-journal``
(every rename, and how many are done); each rename is followed by an update of that count.
Whoever opens the register next and finds a journal finishes the renames (the staged files
were whole and flushed before the journal existed), or — if the staged copy has vanished —
puts the old files back. Renames stay inside the register's folder, where they are atomic.

Only a holder of the exclusive use of the register (register_lock.py) runs or finishes a swap.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

from mediation_desk.errors import StoreUnavailable
from mediation_desk.register_lock import RegisterUse
from mediation_desk.store.files import SIDECARS, fsync_dir, glob_escape

JOURNAL_SUFFIX = ".restore-journal"
JOURNAL_FORMAT = "mediation-desk/restore-journal@1"
STAGING_MARK = ".restoring-"
#: How long an opener waits for another process to finish an interrupted swap.
SETTLE_WAIT_S = 15.0

#: Called with the name of each step; a test sets it to stop the process at that step.
#: Nothing in the program sets it.
step_hook: Callable[[str], None] | None = None


def step(name: str) -> None:
    """A named point of a restore (for the kill test's hook)."""
    if step_hook is not None:
        step_hook(name)


def needs_settling(target: Path) -> bool:
    """Whether a restore was cut short here (its journal is left)."""
    return journal_path(target).exists()


def journal_path(target: Path) -> Path:
    return Path(str(target) + JOURNAL_SUFFIX)


def staging_path(target: Path, stamp: str) -> Path:
    return target.with_name(f"{target.name}{STAGING_MARK}{stamp}")


def _keys(path: Path) -> Path:
    return path.with_name(path.name + ".keys")


def plan_moves(target: Path, staged: Path, replaced: Path | None) -> list[tuple[Path, Path]]:
    """Every rename of the swap, in order: whatever of the live pair exists goes aside under
    ``replaced`` (WAL and shared memory with it — a WAL left beside the new file would be
    replayed into it), then the staged pair comes in."""
    aside: list[tuple[Path, Path]] = []
    if replaced is not None:
        aside = [(Path(str(target) + s), Path(str(replaced) + s)) for s in ("", *SIDECARS)]
        aside.append((_keys(target), _keys(replaced)))
    return [(src, dst) for src, dst in aside if src.exists()] + [
        (staged, target), (_keys(staged), _keys(target))]


def _write_journal(target: Path, moves: list[tuple[Path, Path]], done: int) -> None:
    journal = journal_path(target)
    tmp = journal.with_name(journal.name + ".tmp")
    data = {"format": JOURNAL_FORMAT, "done": done,
            "moves": [[src.name, dst.name] for src, dst in moves]}
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, journal)
    fsync_dir(target.parent)


def _read_journal(target: Path) -> tuple[list[tuple[Path, Path]], int]:
    folder = target.parent
    try:
        data = json.loads(journal_path(target).read_text(encoding="utf-8"))
        moves = [(folder / str(src), folder / str(dst)) for src, dst in data["moves"]]
        done = int(data["done"])
        if data.get("format") != JOURNAL_FORMAT or not 0 <= done <= len(moves):
            raise ValueError("unknown journal")
        for src, dst in moves:  # names only, all inside the register's folder
            if src.parent != folder or dst.parent != folder:
                raise ValueError("journal names a file elsewhere")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise StoreUnavailable(
            f"上次恢复备份中断，记录文件 {journal_path(target)} 无法读取（{exc}）。"
            "请不要删除数据库旁的任何文件，联系维护人员处理") from exc
    return moves, done


def swap_in(target: Path, staged: Path, replaced: Path | None) -> None:
    """Put ``staged`` (and its ``.keys``, when there is one) in place of ``target``; the old
    files go to ``replaced``. ``staged`` must be whole and flushed; the caller holds the
    exclusive use of ``target``. Refuses to overwrite anything."""
    moves = [(s, d) for s, d in plan_moves(target, staged, replaced) if s.exists()]
    sources = {src for src, _ in moves}
    for _src, dst in moves:
        if dst.exists() and dst not in sources:
            raise StoreUnavailable(f"{dst} 已存在，不会覆盖；请换个时间再试")
    _write_journal(target, moves, 0)
    step("journal")
    _run(target, moves, 0)


def _run(target: Path, moves: list[tuple[Path, Path]], done: int) -> None:
    for index in range(done, len(moves)):
        src, dst = moves[index]
        if src.exists():
            if dst.exists():
                raise StoreUnavailable(
                    f"恢复备份时 {dst} 意外存在，没有覆盖它。请联系维护人员处理")
            os.replace(src, dst)
            fsync_dir(target.parent)
        step(f"move-{index + 1}")
        _write_journal(target, moves, index + 1)
        step(f"journal-{index + 1}")
    journal_path(target).unlink()
    fsync_dir(target.parent)
    step("journal-removed")


def _roll_back(target: Path, moves: list[tuple[Path, Path]], done: int) -> None:
    for src, dst in reversed(moves[:done]):
        if dst.exists() and not src.exists():
            os.replace(dst, src)
    fsync_dir(target.parent)
    journal_path(target).unlink()
    fsync_dir(target.parent)


def recover(target: Path) -> str:
    """Finish (or, when the staged copy is gone, undo) a swap a kill interrupted, and remove
    staging leftovers. The caller holds the exclusive use. Returns what was done."""
    outcome = ""
    if journal_path(target).exists():
        moves, done = _read_journal(target)
        staged_move = next((i for i, (_s, d) in enumerate(moves) if d == target), None)
        # The staged copy is lost only if it is neither where it was nor already in place
        # (a kill right after its rename, before the journal counted it, leaves it in place).
        staged_lost = (staged_move is not None and staged_move >= done
                       and not moves[staged_move][0].exists() and not target.exists())
        if staged_lost:
            _roll_back(target, moves, done)
            outcome = "rolled back"
        else:
            _run(target, moves, done)
            outcome = "finished"
    remove_staging_leftovers(target)
    return outcome


def staging_leftovers(target: Path) -> list[Path]:
    """Half-made staging copies of a restore killed before its journal existed."""
    found = list(target.parent.glob(f"{glob_escape(target.name)}{STAGING_MARK}*"))
    tmp = journal_path(target).with_name(journal_path(target).name + ".tmp")
    return found + ([tmp] if tmp.exists() else [])


def remove_staging_leftovers(target: Path) -> None:
    """Remove :func:`staging_leftovers` (never while a journal still needs them)."""
    if journal_path(target).exists():
        return
    for leftover in staging_leftovers(target):
        with contextlib.suppress(OSError):
            leftover.unlink()


def open_use(target: Path, wait_s: float = SETTLE_WAIT_S) -> RegisterUse:
    """A shared hold on ``target`` for working in it, after finishing any interrupted swap.

    Checked before the shared hold is taken and again after: a journal can only be left by a
    restore that held the register alone and died, so whoever comes next settles it first.
    """
    use = RegisterUse(target)
    deadline = time.monotonic() + wait_s
    while True:
        if journal_path(target).exists():
            if use.try_exclusive():
                try:
                    recover(target)
                finally:
                    use.downgrade()
                return use
            if time.monotonic() > deadline:
                use.close()
                raise StoreUnavailable(f"数据库 {target} 正在恢复备份，请稍后再试")
            time.sleep(0.1)
            continue
        if staging_leftovers(target) and use.try_exclusive():
            # Nobody else is in the register, so no restore is staging: tidy up.
            remove_staging_leftovers(target)
            use.downgrade()
        else:
            use.shared(wait_s)
        if not journal_path(target).exists():
            return use
        use.close()
