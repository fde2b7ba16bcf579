"""``mediation-desk-cli demo``: all or nothing (issue 10), and the demo on the suite's day.

The demo is killed (SIGKILL) after its first batch of cases has gone in and while its patrols
are being written: the register must be as it was — no case, ``verify`` clean — where it used to
keep the cases already written.
"""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest

from tests.cli.test_cli import CLI, PASSWORD, db, run, run_json

__all__ = ["db"]  # the fixture: an initialised encrypted register

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL")


def _stderr_until(proc: subprocess.Popen[bytes], text: str, timeout: float) -> bool:
    """Read the process's stderr until ``text`` appears (progress ends with \\r, not a new
    line, so it is read byte by byte); False if it exits or the time runs out first."""
    assert proc.stderr is not None
    seen = bytearray()
    found = threading.Event()

    def read() -> None:
        assert proc.stderr is not None
        while byte := proc.stderr.read(1):
            seen.extend(byte)
            if text.encode() in seen:
                found.set()
                return

    threading.Thread(target=read, daemon=True).start()
    deadline = time.monotonic() + timeout
    while not found.wait(0.1):
        if proc.poll() is not None or time.monotonic() > deadline:
            return False
    return True


def test_a_demo_killed_half_way_leaves_the_register_as_it_was(db: Path) -> None:
    before = run_json(db, "cases")
    env = {**os.environ, "MEDIATION_DESK_PASSWORD": PASSWORD}
    proc = subprocess.Popen([CLI, "--db", str(db), "demo", "--cases", "300"], env=env,
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    try:
        assert _stderr_until(proc, "已生成 250/300", timeout=240), "the first batch never ended"
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert run_json(db, "cases") == before == []
    checked = run(db, "verify")
    assert checked.returncode == 0, checked.stderr
    done = run_json(db, "demo", "--cases", "12")  # and a whole run afterwards goes in
    assert done["cases"] == 12 and done["today"] == "2026-12-07"  # the suite's clock
    assert len(run_json(db, "cases")) == 12
