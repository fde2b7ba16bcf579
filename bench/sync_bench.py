"""sync_export_ms, sync_import_ms and sync_bytes_per_change for bench/run.py.

A copy of the bench register becomes the desk; a patrol laptop is enrolled from it and does
a day's work and more until its outbox holds at least CHANGES changed rows — records added
to cases and parties' addresses corrected, each through the services, so every change
comes with its audit event as in real use. Then, each the median of a few runs:

* sync_export_ms — the laptop writes its bundle onto a "stick" (a fresh folder each run):
  the outbox read, changesets counted, encrypted, written, fsynced, read back, renamed;
* sync_import_ms — a fresh copy of the desk imports that bundle: every check first, the
  backup of the register, the merge, conflicts and hints, audit vouchers, the search index,
  the integrity checks of the touched tables, the commit;
* sync_bytes_per_change — the bundle's size on the stick per change.

The naive baseline for both timings is what syncing without changesets would be: copying
the whole register, done the fastest way the program knows (the consistent file copy of
``store/snapshot.py``; SQLite's backup API, which re-encrypts every page, is ten times
slower); for the size, the register file's size per change. The import *includes* such a
copy — its backup before anything is applied — so it cannot beat its baseline; the ratio
shows what the merge costs on top of one copy.
"""

from __future__ import annotations

import contextlib
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

CHANGES = 10_000
RUNS = 3


def _median_ms(runs: list[float]) -> float:
    return statistics.median(runs) * 1000


def _timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _work(laptop: Any, actor: Any, rng: random.Random, changes: int,
          say: Callable[[str], None]) -> int:
    """Records and party corrections on the laptop until ``changes`` rows have changed."""
    from mediation_desk.errors import ValidationError
    from mediation_desk.services.cases.casework import CaseworkService
    from mediation_desk.services.cases.drafts import RecordDraft
    from mediation_desk.services.cases.party_edit import draft_of
    from mediation_desk.services.sync import state
    from mediation_desk.services.sync.changes import count
    from mediation_desk.store.models import Case, Party

    work = CaseworkService(laptop, actor)
    cases = [c.id for c in Case.select(Case.id).where(Case.deleted_at.is_null(),
                                                      Case.anonymised_on.is_null())]
    parties = [p for p in Party.live().join(Case).where(Case.anonymised_on.is_null())]
    done = 0
    calls = 0
    start = time.perf_counter()
    while done < changes:
        before = state.outbox_head(laptop)
        if calls % 2:
            party = parties[rng.randrange(len(parties))]
            draft = draft_of(party)
            draft.address = f"湖头镇{rng.choice('东南西北')}村{rng.randint(1, 30)}组{calls}号"
            with contextlib.suppress(ValidationError):  # a demo party the rules refuse
                work.update_party(party.id, draft)
                party.address = draft.address
        else:
            case_id = cases[rng.randrange(len(cases))]
            work.add_record(case_id, RecordDraft(
                "note", datetime(2026, 11, 19, 9, 0), place="村委会",
                participants=["村调解员"], body=f"巡查走访第{calls}次：双方情绪平稳，约定再谈。"))
        calls += 1
        for entry in state.outbox_after(laptop, before):
            done += count(entry.changeset)[0]
    say(f"  sync: {calls} service calls made {done} changes on the laptop"
        f" in {time.perf_counter() - start:.1f} s")
    return done


def sync_metrics(db: Path, password: str, user: str, changes: int = CHANGES,
                 repeat: int = RUNS, say: Callable[[str], None] = print
                 ) -> list[tuple[str, float, str, float]]:
    """(name, value, unit, baseline) for the three sync figures."""
    from mediation_desk import clock
    from mediation_desk.services.safety.accounts import open_register
    from mediation_desk.services.sync.service import SyncService
    from mediation_desk.store.backup import copy_database, online_backup
    from mediation_desk.store.database import Store
    from mediation_desk.store.keys import keyfile_path
    from mediation_desk.store.snapshot import file_snapshot

    rng = random.Random(13)
    with tempfile.TemporaryDirectory(prefix="mediation-sync-bench-") as tmp:
        folder = Path(tmp)
        source, actor = open_register(db, user, password)
        key = source.db_key
        desk_path = folder / "desk.db"
        online_backup(source.connection(), key, desk_path)
        source.close()
        shutil.copyfile(keyfile_path(db), keyfile_path(desk_path))
        with clock.pinned(date(2026, 11, 20)):
            desk = Store.open(desk_path, key)
            SyncService(desk, actor).enroll("巡查一号", folder / "laptop.db", block=50)
            desk.close()
            pristine = folder / "desk-pristine.db"
            copy_database(desk_path, pristine, key)

            laptop = Store.open(folder / "laptop.db", key)
            changes = _work(laptop, actor, rng, changes, say)
            sync = SyncService(laptop, actor)
            export_runs, sticks = [], []
            for run in range(repeat + 1):
                stick = folder / f"stick-{run}"
                export_runs.append(_timed(lambda s=stick: sync.export(s)))
                sticks.append(stick)
            export_runs = export_runs[1:]  # the first run warms the caches
            bundle = next(sticks[-1].rglob("changes.bin")).parent
            size = sum(f.stat().st_size for f in bundle.iterdir())
            laptop_copies = []
            for run in range(repeat):
                target = folder / f"copy-{run}.db"
                laptop_copies.append(_timed(lambda t=target: file_snapshot(laptop, t)))
                target.unlink()
            laptop.close()

            import_runs, desk_copies = [], []
            for run in range(repeat):
                copy = folder / f"desk-{run}.db"
                copy_database(pristine, copy, key)
                shutil.copyfile(keyfile_path(desk_path), keyfile_path(copy))
                store = Store.open(copy, key)
                naive = folder / f"naive-{run}.db"
                desk_copies.append(_timed(lambda s=store, n=naive: file_snapshot(s, n)))
                naive.unlink()
                only = folder / f"only-{run}"
                shutil.copytree(bundle.parent.parent, only / bundle.parent.parent.name)
                import_runs.append(_timed(lambda s=store, o=only: SyncService(s, actor)
                                          .import_(o)))
                store.close()
                for leftover in folder.glob(f"desk-{run}.db*"):  # the copy and its backup:
                    leftover.unlink()  # a register's worth of disk each
        register_bytes = desk_path.stat().st_size
    say(f"  sync: bundle {size / 1024:.0f} KB for {changes} changes; register"
        f" {register_bytes / 2**20:.1f} MB")
    return [
        ("sync_export_ms", _median_ms(export_runs), "ms", _median_ms(laptop_copies)),
        ("sync_import_ms", _median_ms(import_runs), "ms", _median_ms(desk_copies)),
        ("sync_bytes_per_change", size / changes, "B", register_bytes / changes),
    ]
