"""Helpers for the tests of issue 11 (restores, backups, hostile input, roles and keys).

Why cheap key slots: these tests start the command line or a restore in many processes, and
each start derives a key with argon2id (64 MiB, about a third of a second here — more under
load). A slot rewritten with the cheapest cost opens the same way, through the same code;
only the deliberate slowness is gone. The default cost is tested where it matters (the
unknown-user timing test).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from mediation_desk.services.cases.intake import IntakeService
from mediation_desk.services.safety.accounts import AccountService, create_register
from mediation_desk.store.keys import KdfParams, KeyFile, keyfile_path
from tests.conftest import PASSWORD, ROOM, neighbour_draft

CHEAP = KdfParams(time_cost=1, memory_kib=8, parallelism=1)
CLI = shutil.which("mediation-desk-cli", path=str(Path(sys.executable).parent)) or ""
REPO = Path(__file__).resolve().parent.parent


def cheapen(path: Path, username: str = "admin", password: str = PASSWORD) -> None:
    """Rewrite ``username``'s key slot with the cheapest argon2id cost."""
    slots = KeyFile.load(keyfile_path(path))
    key = slots.unlock(username, password)
    slots.set_password(username, password, key, CHEAP)
    slots.save()


def make_register(path: Path, *, cases: int = 0, users: tuple[tuple[str, str], ...] = (),
                  summary: str = "") -> str:
    """A closed encrypted register with ``cases`` cases and extra ``(name, role)`` accounts
    (password = name + "-pass-1"), every slot cheap; returns its recovery key."""
    store, actor, recovery = create_register(path, ROOM, "admin", PASSWORD)
    try:
        if cases:
            drafts = [neighbour_draft(summary=f"{summary}第{i + 1}件") if summary
                      else neighbour_draft() for i in range(cases)]
            IntakeService(store, actor).register_many(drafts)
        for name, role in users:
            AccountService(store, actor).add(name, role, f"{name}-pass-1")
    finally:
        store.close()
    cheapen(path)
    for name, _role in users:
        cheapen(path, name, f"{name}-pass-1")
    assert recovery is not None
    return recovery


def run_cli(db: Path, *args: str, password: str = PASSWORD, user: str | None = None,
            env: dict[str, str] | None = None, stdin: Any = subprocess.DEVNULL,
            timeout: float = 180) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "MEDIATION_DESK_PASSWORD": password, **(env or {})}
    cmd = [CLI, "--db", str(db)] + (["--user", user] if user else []) + list(args)
    return subprocess.run(cmd, capture_output=True, text=True, env=full_env, stdin=stdin,
                          timeout=timeout, encoding="utf-8", errors="replace")


def run_cli_json(db: Path, *args: str, **kw: Any) -> Any:
    result = run_cli(db, "--json", *args, **kw)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def file_state(folder: Path) -> dict[str, bytes]:
    """Every file in ``folder`` (not below) with its bytes: "nothing changed" made checkable."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}
