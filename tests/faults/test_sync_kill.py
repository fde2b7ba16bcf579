"""kill -9 of a desk in the middle of importing a laptop's bundle (issue 13, faults).

A laptop registers a few hundred cases and writes its bundle once; each run copies the
desk's closed register, starts a child that imports the bundle (printing ``begin`` before
and ``done`` after), and kills it with SIGKILL a random while into the import. The parent
then opens the register and checks: whole (integrity, audit chain), and the bundle either
applied entirely and in the ledger, or not at all and not in the ledger; then imports again
and finds every case exactly once.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mediation_desk import clock
from mediation_desk.services.cases.intake import IntakeService
from mediation_desk.services.safety.accounts import create_register, open_register
from mediation_desk.services.safety.backups import verify_register
from mediation_desk.services.sync import state
from mediation_desk.services.sync.service import SyncService
from mediation_desk.store.database import Store
from mediation_desk.store.keys import keyfile_path
from mediation_desk.store.models import Case
from tests.conftest import PASSWORD, ROOM, neighbour_draft

REPO = Path(__file__).resolve().parents[2]
CASES = 300
CHILD = '''
import os, sys
from mediation_desk.services.safety.accounts import open_register
from mediation_desk.services.sync.service import SyncService

store, actor = open_register(os.environ["MD_REGISTER"], "admin", os.environ["MD_PASSWORD"])
print("begin", flush=True)
SyncService(store, actor).import_(__import__("pathlib").Path(os.environ["MD_STICK"]))
print("done", flush=True)
store.close()
'''


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A desk (closed) and a stick with a laptop's bundle of CASES new cases."""
    folder = tmp_path_factory.mktemp("sync-kill")
    desk_path, laptop_path, stick = folder / "desk.db", folder / "laptop.db", folder / "stick"
    with clock.pinned(clock.today().replace(year=2026, month=11, day=20)):
        desk, actor, _ = create_register(desk_path, ROOM, "admin", PASSWORD)
        SyncService(desk, actor).enroll("巡查一号", laptop_path, block=CASES + 10)
        desk.close()
        laptop = Store.open(laptop_path, desk.db_key)
        intake = IntakeService(laptop, actor)
        for n in range(CASES // 20):
            intake.register_many([neighbour_draft(summary=f"第{n}批第{i}件")
                                  for i in range(20)])
        SyncService(laptop, actor).export(stick)
        laptop.close()
    return desk_path, stick


def one_run(run: int, template: tuple[Path, Path], tmp_path: Path, rng: random.Random,
            duration: float) -> tuple[str, float]:
    source, stick = template
    path = tmp_path / f"run{run:02d}" / "desk.db"
    path.parent.mkdir()
    shutil.copyfile(source, path)
    shutil.copyfile(keyfile_path(source), keyfile_path(path))
    env = dict(os.environ, MD_REGISTER=str(path), MD_PASSWORD=PASSWORD, MD_STICK=str(stick),
               PYTHONPATH=str(REPO))
    proc = subprocess.Popen([sys.executable, "-c", CHILD], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=REPO)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "begin"
    started = time.monotonic()
    if duration:
        time.sleep(rng.uniform(0, duration * 1.1))
        os.kill(proc.pid, signal.SIGKILL)
    _, err = proc.communicate(timeout=120)
    took = time.monotonic() - started
    killed = proc.returncode == -signal.SIGKILL
    assert killed or proc.returncode == 0, err

    store, actor = open_register(path, "admin", PASSWORD)
    try:
        assert verify_register(store) == []
        cases = Case.select().where(Case.summary.startswith("第")).count()
        ledger = state.ledger(store)
        assert (cases, len(ledger)) in ((0, 0), (CASES, 1)), (cases, ledger)
        outcome = "applied" if ledger else "absent"
        SyncService(store, actor).import_(stick)
        assert Case.select().where(Case.summary.startswith("第")).count() == CASES
        assert len(state.ledger(store)) == 1
    finally:
        store.close()
    return (outcome if killed else "finished"), took


def _runs(count: int, template: tuple[Path, Path], tmp_path: Path) -> None:
    rng = random.Random(20261120)
    _, duration = one_run(0, template, tmp_path, rng, 0)  # how long an import takes here
    outcomes = [one_run(n, template, tmp_path, rng, duration)[0] for n in range(1, count)]
    print(f"\nimport of {CASES} cases took {duration:.2f} s; kill -9 outcomes: "
          + ", ".join(f"{k} {outcomes.count(k)}" for k in sorted(set(outcomes))))
    assert outcomes.count("absent") >= 1  # some kills landed inside the transaction


def test_kill_9_during_import_leaves_all_or_nothing(template: tuple[Path, Path],
                                                    tmp_path: Path) -> None:
    _runs(6, template, tmp_path)


@pytest.mark.slow
def test_kill_9_during_import_many_times(template: tuple[Path, Path], tmp_path: Path) -> None:
    _runs(30, template, tmp_path)
