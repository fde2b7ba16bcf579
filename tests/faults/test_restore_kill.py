"""kill -9 of a restore at every step, and at random moments (issue 11, item 1).

The old register (two cases) is replaced with a backup of *another* register (one case, its
own database key, the same account and password), so a register beside the wrong ``.keys``
cannot go unnoticed: it would not open. For each run a child process restores with a hook on
the restore's named steps (store/swap.py ``step_hook``, set only by this test's child) that
SIGKILLs the child at the k-th step; k goes up until the child finishes. A second series
kills at random moments instead. After every kill the parent opens the register as the next
user would — which finishes or rolls back the interrupted swap — and checks:
the register and its keys open with the password; it holds the old cases or the new ones,
never anything else; when new, the replaced pair beside it opens and holds the old cases;
no journal and no staging copy remain.
"""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from mediation_desk.services.safety.accounts import open_register
from mediation_desk.store.keys import keyfile_path
from mediation_desk.store.models import Case
from mediation_desk.store.swap import journal_path
from tests.conftest import PASSWORD
from tests.safety_support import REPO, make_register, run_cli_json

CHILD = '''
"""The restore that gets killed: SIGKILL at step number KILL_AT (0: never)."""
import os
import signal
import sys

from mediation_desk.services.safety.restore import restore_backup
from mediation_desk.store import swap

kill_at = int(sys.argv[3])
seen = []


def hook(name):
    seen.append(name)
    print(name, flush=True)
    if len(seen) == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)


swap.step_hook = hook
print("ready", flush=True)
restore_backup(sys.argv[1], sys.argv[2], "admin", sys.argv[4], force=True)
print("done", flush=True)
'''


@dataclass
class Tally:
    runs: int = 0
    points: list[str] = field(default_factory=list)
    ended_old: int = 0
    ended_new: int = 0
    failures: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"restore kill -9 runs: {self.runs} (points: {', '.join(self.points)}); "
                f"old pair after recovery: {self.ended_old}, new pair: {self.ended_new}; "
                f"failures: {len(self.failures)}")


@pytest.fixture(scope="module")
def pairs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A pristine old register (2 cases) and a backup of another register (1 case)."""
    base = tmp_path_factory.mktemp("restore-kill")
    old = base / "old" / "register.db"
    old.parent.mkdir()
    make_register(old, cases=2, summary="旧登记簿")
    other = base / "other" / "register.db"
    other.parent.mkdir()
    make_register(other, cases=1, summary="备份里的")
    backup = base / "backup.db"
    run_cli_json(other, "backup", "--out", str(backup))
    return old, backup


def _fresh(old: Path, folder: Path) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    target = folder / "register.db"
    shutil.copyfile(old, target)
    shutil.copyfile(keyfile_path(old), keyfile_path(target))
    return target


def _check(target: Path, tally: Tally, label: str) -> None:
    problems = []
    try:
        store, _ = open_register(target, "admin", PASSWORD)
    except Exception as exc:  # the failure is the finding: record it
        tally.failures.append(f"{label}: register does not open: {exc!r}")
        return
    try:
        summaries = sorted(c.summary for c in Case.select())
    finally:
        store.close()
    replaced = sorted(p for p in target.parent.glob("register.db.replaced-*")
                      if not p.name.endswith((".keys", "-wal", "-shm", "-journal")))
    if all(s.startswith("旧登记簿") for s in summaries) and len(summaries) == 2:
        tally.ended_old += 1
        if replaced:
            problems.append(f"old register back but a replaced copy exists: {replaced}")
    elif all(s.startswith("备份里的") for s in summaries) and len(summaries) == 1:
        tally.ended_new += 1
        if len(replaced) != 1:
            problems.append(f"new register but replaced copies {replaced}")
        else:
            kept, _ = open_register(replaced[0], "admin", PASSWORD)
            try:
                if sorted(c.summary for c in Case.select())[0] != "旧登记簿第1件":
                    problems.append("the replaced copy is not the old register")
            finally:
                kept.close()
    else:
        problems.append(f"register holds neither pair: {summaries}")
    leftovers = [p.name for p in target.parent.iterdir()
                 if ".restoring-" in p.name or p == journal_path(target)
                 or p.name.endswith(".tmp")]
    if leftovers:
        problems.append(f"leftovers: {leftovers}")
    tally.failures += [f"{label}: {p}" for p in problems]


def _run_child(script: Path, backup: Path, target: Path, kill_at: int,
               delay: float | None = None) -> tuple[int, list[str]]:
    proc = subprocess.Popen(
        [sys.executable, str(script), str(backup), str(target), str(kill_at), PASSWORD],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)
    if delay is not None:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
    out, err = proc.communicate(timeout=120)
    if proc.returncode not in (0, -signal.SIGKILL):
        raise AssertionError(f"restore child failed ({proc.returncode}): {err}")
    return proc.returncode, [line for line in out.splitlines() if line not in ("ready",)]


@pytest.mark.slow
def test_kill_9_at_every_step_and_at_random_moments(pairs: tuple[Path, Path],
                                                    tmp_path: Path) -> None:
    old, backup = pairs
    script = tmp_path / "restorer.py"
    script.write_text(CHILD, encoding="utf-8")
    tally = Tally()
    kill_at = 1
    while True:
        target = _fresh(old, tmp_path / f"step{kill_at:02d}")
        code, said = _run_child(script, backup, target, kill_at)
        tally.runs += 1
        if code == 0:
            assert said[-1] == "done"
            _check(target, tally, "no kill")
            break
        tally.points.append(said[-1])
        _check(target, tally, f"killed at {said[-1]}")
        kill_at += 1
        assert kill_at < 60, "the restore never finished"
    rng = random.Random(20261205)
    for run in range(20):
        target = _fresh(old, tmp_path / f"random{run:02d}")
        delay = rng.uniform(0.0, 0.6)
        code, said = _run_child(script, backup, target, 0, delay)
        tally.runs += 1
        _check(target, tally, f"random kill after {delay:.2f} s (last step {said[-1:]})")
    print("\n" + tally.summary())
    for failure in tally.failures:
        print("  " + failure)
    assert not tally.failures, tally.summary() + "\n" + "\n".join(tally.failures)
    # Every step of the protocol was a kill point, the swap's renames among them.
    assert {"verified", "staged", "journal", "move-1", "journal-removed"} <= set(tally.points)
    assert tally.ended_old and tally.ended_new
