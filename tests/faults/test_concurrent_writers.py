"""Concurrency (issue 11, item 6): writers take the write lock when their transaction begins
(``BEGIN IMMEDIATE`` in ``Store.write``), so two processes registering or importing at once
wait for each other instead of failing, and case numbers never fail or collide.

Before: a transaction began deferred, read, then tried to write; if the other process had
committed meanwhile, SQLite refused at once ("database is locked" — no waiting helps a stale
read snapshot), the command ended in exit 4 and the cases were not registered."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from mediation_desk.services.safety.accounts import open_register
from mediation_desk.store.models import Case
from tests.conftest import PASSWORD
from tests.safety_support import CLI, REPO, make_register

WRITER = '''
import sys
from mediation_desk.services.cases.intake import IntakeService
from mediation_desk.services.safety.accounts import open_register
from tests.conftest import neighbour_draft

store, actor = open_register(sys.argv[1], "admin", sys.argv[2])
intake = IntakeService(store, actor)
print("ready", flush=True)
sys.stdin.readline()  # start together
numbers = []
for n in range(int(sys.argv[3])):
    result = intake.register(neighbour_draft(summary=f"{sys.argv[4]}-{n}"))
    numbers.append(result.cases[0].number)
store.close()
print("numbers " + " ".join(numbers), flush=True)
'''


def test_two_processes_registering_at_once_both_succeed(tmp_path: Path) -> None:
    db = tmp_path / "register.db"
    make_register(db)
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    each = 40
    procs = [subprocess.Popen([sys.executable, str(script), str(db), PASSWORD, str(each), tag],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, cwd=REPO,
                              env={**os.environ, "PYTHONPATH": str(REPO)})
             for tag in ("A", "B")]
    for proc in procs:
        assert proc.stdout is not None
        if proc.stdout.readline().strip() != "ready":
            raise AssertionError(proc.communicate(timeout=60)[1])
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    results = [proc.communicate(timeout=300) for proc in procs]
    for proc, (_out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
    numbers = [n for out, _ in results for n in out.split("numbers ", 1)[1].split()]
    assert len(numbers) == len(set(numbers)) == 2 * each
    store, _ = open_register(db, "admin", PASSWORD)
    try:
        seqs = sorted(c.number_seq for c in Case.select())
    finally:
        store.close()
    assert seqs == list(range(1, 2 * each + 1))  # gap-free, none twice


def test_two_imports_at_once_wait_for_each_other(tmp_path: Path) -> None:
    db = tmp_path / "register.db"
    make_register(db)
    case = {"received_on": "2026-11-02", "dispute_type": "邻里纠纷", "village": "湖二村",
            "parties": [{"side": "applicant", "name": "张喆"},
                        {"side": "respondent", "name": "李明"}]}
    files = []
    for tag in ("a", "b"):
        path = tmp_path / f"{tag}.json"
        path.write_text(json.dumps([dict(case, summary=f"{tag}{i}") for i in range(60)],
                                   ensure_ascii=False), encoding="utf-8")
        files.append(path)
    env = {"MEDIATION_DESK_PASSWORD": PASSWORD, "PATH": "/usr/bin:/bin"}
    procs = [subprocess.Popen([CLI, "--db", str(db), "--json", "import", str(path)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
             for path in files]
    outs = [proc.communicate(timeout=300) for proc in procs]
    for proc, (_out, err) in zip(procs, outs, strict=True):
        assert proc.returncode == 0, err
    created = [c["number"] for out, _ in outs for c in json.loads(out)["created"]]
    assert len(set(created)) == 120
