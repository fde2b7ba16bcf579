"""bench/run.py keeps its contract (contract.md, Benchmarks): the JSON shape and a number for
every metric. Timings are never asserted here — they belong to the benchmark's own report."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = {"kdf_ms", "register_open_ms", "search_ms", "agreement_pdf_ms", "rss_mb",
            "attachment_file_ms", "attachment_peak_mb", "monthly_report_ms",
            "yearly_report_ms", "sync_export_ms", "sync_import_ms",
            "sync_bytes_per_change"}


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def test_bench_json_shape() -> None:
    # Seeding 10,000 cases for startup_ms dominates; on the shared 2-core machine under load
    # the whole run took 9 minutes (2026-12-05), hence the generous limit.
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--cases", "200", "--json",
         "--sync-changes", "300"],
        capture_output=True, text=True, timeout=560, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)  # stdout holds the JSON document and nothing else
    assert report["cases"] == 200
    names = [m["name"] for m in report["metrics"]]
    assert set(names) >= EXPECTED and len(names) == len(set(names))
    for m in report["metrics"]:
        assert set(m) == {"name", "value", "unit", "baseline", "budget"}
        assert _number(m["value"]) and m["value"] > 0, m
        assert _number(m["baseline"]) and m["baseline"] > 0, m
        assert m["budget"] is None or _number(m["budget"]), m
        assert m["unit"] in ("ms", "MB", "B")
    assert "seeding" in done.stderr
