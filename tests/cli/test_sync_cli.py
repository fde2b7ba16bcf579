"""``sync …`` through the installed command line, desk and laptop as separate files.

Each run's clock starts at a fixed moment (``MEDIATION_DESK_NOW``, mediation_desk/clock.py),
so leases (by the current year) and the cases' dates never depend on when the suite runs.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_cli import CASES, CLI, PASSWORD, write_cases

DAY = "2026-11-20T10:00"


def run(db: Path, *args: str, at: str = DAY, user: str | None = None
        ) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MEDIATION_DESK_PASSWORD": PASSWORD, "MEDIATION_DESK_NOW": at}
    cmd = [CLI, "--db", str(db), *(["--user", user] if user else []), *args]
    return subprocess.run(cmd, capture_output=True, text=True, env=env,
                          stdin=subprocess.DEVNULL, timeout=180)


def run_json(db: Path, *args: str, **kw: Any) -> Any:
    result = run(db, "--json", *args, **kw)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    path = tmp_path / "desk.db"
    run_json(path, "init", "--room", "问房调解室", "--committee", "湖头镇人民调解委员会",
             "--number-prefix", "湖头", "--admin", "admin")
    run_json(path, "import", str(write_cases(tmp_path, CASES)))
    return path


def test_enrol_export_import_both_ways(desk: Path, tmp_path: Path) -> None:
    laptop = tmp_path / "laptop" / "巡查一号.db"
    stick = tmp_path / "stick"
    enrolled = run_json(desk, "sync", "enroll", "巡查一号", "--out", str(laptop))
    assert enrolled["db"] == str(laptop) and enrolled["numbers"] == [3, 22]
    assert laptop.exists() and Path(str(laptop) + ".keys").exists()

    # In the village: a new case, numbered from the lease.
    new = [dict(CASES[1], summary="湖上村林地界址，排查时当场登记", dispute_type="山林土地纠纷",
                parties=[{"side": "applicant", "name": "苏清河"},
                         {"side": "respondent", "name": "苏明远"}])]
    created = run_json(laptop, "import", str(write_cases(tmp_path, new, "village.json")))
    assert created["created"][0]["number"] == "（2026）湖头人调字第3号"
    out = run_json(laptop, "sync", "export", "--to", str(stick))
    assert [b["to"] for b in out["bundles"]] == [run_json(desk, "sync", "status")["device"]]
    assert out["bundles"][0]["changes"] > 0

    done = run_json(desk, "sync", "import", str(stick))
    assert (done["applied"], done["skipped"], done["conflicts"]) == (1, 0, 0)
    numbers = [c["number"] for c in run_json(desk, "cases")]
    assert "（2026）湖头人调字第3号" in numbers
    hits = run_json(desk, "search", "林地界址")
    assert [h["number"] for h in hits] == ["（2026）湖头人调字第3号"]
    again = run_json(desk, "sync", "import", str(stick))
    assert (again["applied"], again["skipped"]) == (0, 1)

    # Back at the desk: a case registered there reaches the laptop on the next exchange.
    run_json(desk, "import", str(write_cases(tmp_path, [CASES[1]], "desk.json")))
    run_json(desk, "sync", "export", "--to", str(stick))
    back = run_json(laptop, "sync", "import", str(stick))
    assert back["applied"] == 1
    assert "（2026）湖头人调字第23号" in [c["number"] for c in run_json(laptop, "cases")]

    status = run_json(desk, "sync", "status")
    assert status["role"] == "desk"
    [peer] = status["devices"]
    assert peer["name"] == "巡查一号" and peer["last_import"] and peer["last_export"]
    assert run_json(laptop, "sync", "status")["role"] == "laptop"
    assert run_json(desk, "sync", "conflicts") == []
    for db in (desk, laptop):
        assert run(db, "verify").returncode == 0


def test_a_laptop_clock_years_off_earns_a_warning_only(desk: Path, tmp_path: Path) -> None:
    laptop = tmp_path / "巡查一号.db"
    stick = tmp_path / "stick"
    run_json(desk, "sync", "enroll", "巡查一号", "--out", str(laptop))
    run_json(laptop, "sync", "export", "--to", str(stick), at="2031-03-01T08:00")
    result = run(desk, "--json", "sync", "import", str(stick))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["applied"] == 1
    assert "时钟比本机快约" in result.stderr


def test_enrol_refuses_a_mediator_and_an_existing_file(desk: Path, tmp_path: Path) -> None:
    env_password = {"MEDIATION_DESK_NEW_PASSWORD": "lin-pass-2026"}
    subprocess.run([CLI, "--db", str(desk), "users", "add", "lin", "--role", "mediator"],
                   env={**os.environ, "MEDIATION_DESK_PASSWORD": PASSWORD,
                        "MEDIATION_DESK_NOW": DAY, **env_password},
                   capture_output=True, check=True)
    env = {**os.environ, "MEDIATION_DESK_PASSWORD": "lin-pass-2026", "MEDIATION_DESK_NOW": DAY}
    result = subprocess.run([CLI, "--db", str(desk), "--user", "lin", "sync",
                             "enroll", "巡查一号", "--out", str(tmp_path / "x.db")],
                            env=env, capture_output=True, text=True)
    assert result.returncode == 3 and "调委会主任或管理员" in result.stderr
    (tmp_path / "taken.db").write_bytes(b"")
    result = run(desk, "sync", "enroll", "巡查一号", "--out", str(tmp_path / "taken.db"))
    assert result.returncode == 1 and "文件已存在" in result.stderr


def _laptop_with_a_bundle(desk: Path, tmp_path: Path) -> tuple[Path, Path]:
    laptop = tmp_path / "巡查一号.db"
    stick = tmp_path / "stick"
    run_json(desk, "sync", "enroll", "巡查一号", "--out", str(laptop))
    run_json(laptop, "import", str(write_cases(tmp_path, [CASES[0]], "village.json")))
    [bundle] = run_json(laptop, "sync", "export", "--to", str(stick))["bundles"]
    return laptop, Path(bundle["path"])


def test_a_damaged_bundle_exits_1_and_applies_nothing(desk: Path, tmp_path: Path) -> None:
    _, bundle = _laptop_with_a_bundle(desk, tmp_path)
    changes = bundle / "changes.bin"
    changes.write_bytes(changes.read_bytes()[:-1])
    before = run_json(desk, "cases")
    result = run(desk, "sync", "import", str(tmp_path / "stick"))
    assert result.returncode == 1
    assert bundle.name in result.stderr and "大小与清单不符" in result.stderr
    assert "未写入任何数据" in result.stderr
    assert run_json(desk, "cases") == before
    assert run_json(desk, "sync", "status")["devices"][0]["last_import"] is None


def test_export_onto_a_full_stick_exits_4_and_leaves_no_bundle(desk: Path, tmp_path: Path
                                                               ) -> None:
    laptop, _ = _laptop_with_a_bundle(desk, tmp_path)
    stick = tmp_path / "full-stick"
    stick.mkdir()
    script = (f"mount -t tmpfs -o size=8k tmpfs {stick} && "
              f"{CLI} --db {laptop} sync export --to {stick}; "
              f"code=$?; ls -A {stick}/mediation-desk-sync/* 2>/dev/null; exit $code")
    env = {**os.environ, "MEDIATION_DESK_PASSWORD": PASSWORD, "MEDIATION_DESK_NOW": DAY}
    result = subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True,
                            text=True, env=env, timeout=180)
    assert result.returncode == 4, result.stderr
    assert "U盘或磁盘已满" in result.stderr
    assert result.stdout.strip() == ""  # no bundle, not even a .part
    assert run(laptop, "verify").returncode == 0
    assert run_json(laptop, "sync", "export", "--to", str(tmp_path / "good"))["bundles"]
