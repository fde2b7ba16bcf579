"""The frozen build (build.spec, docs/packaging.md): build it, then drive the CLI through a
real session — an encrypted register, a JSON import, bigram and pinyin search, the register,
verify. ``--help`` working proves little: a missing data file (pypinyin's dictionaries) or a
missing native module (apsw with its cipher) only shows when a command does real work.

Slow (one PyInstaller run, ~10-40 s); run with ``pytest -m slow tests/test_build.py``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip(
    "PyInstaller",
    reason="PyInstaller is not installed (pip install -c constraints.txt -e '.[test]')",
)

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1200)]

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build.spec"
BUNDLE = "mediation-desk"
CLI = "mediation-desk-cli" + (".exe" if sys.platform == "win32" else "")
PASSWORD = "secret123"
INIT = ("init", "--room", "问房调解室", "--committee", "湖头镇人民调解委员会",
        "--number-prefix", "湖头", "--admin", "admin")

ID_NUMBER = "11010519491231002X"  # valid GB 11643 check digit; born 1949-12-31, female
CASES = [
    {
        "format": "mediation-desk/case@1",
        "received_on": "2025-03-02",
        "source": "当事人申请",
        "dispute_type": "邻里纠纷",
        "village": "湖二村",
        "summary": "两家因排水沟堵塞发生争执",
        "requests": ["疏通排水沟"],
        "risk_level": "blue",
        "procedure": "normal",
        "mediators": [{"name": "林春梅", "role": "lead"}],
        "parties": [
            {"side": "applicant", "kind": "person", "name": "张喆", "gender": "female",
             "birth_date": "1949-12-31", "id_type": "resident_id", "id_number": ID_NUMBER,
             "phone": "13800138000", "address": "湖二村12号"},
            {"side": "respondent", "kind": "person", "name": "李明", "gender": "male",
             "address": "湖二村14号"},
        ],
    }
]


@pytest.fixture(scope="module")
def frozen(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build build.spec into a temporary dist/work folder; the bundle folder."""
    out = tmp_path_factory.mktemp("pyinstaller")
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(out / "dist"), "--workpath", str(out / "build"), str(SPEC)]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, errors="replace")
    log = f"{done.stdout[-4000:]}\n{done.stderr[-8000:]}"
    assert done.returncode == 0, f"PyInstaller failed:\n{log}"
    bundle = out / "dist" / BUNDLE
    assert (bundle / CLI).is_file()
    return bundle


def _env(home: Path, password: str = PASSWORD) -> dict[str, str]:
    """A bare environment: nothing of the venv or the repository may leak into the run."""
    env = {
        "PATH": os.defpath,
        "HOME": str(home),
        "MEDIATION_DESK_HOME": str(home / "data"),
        "MEDIATION_DESK_PASSWORD": password,
        "LANG": "C",  # a cron job's locale; the build runs in UTF-8 mode regardless
    }
    for keep in ("SYSTEMROOT", "TEMP", "TMP"):  # Windows needs these to start at all
        if keep in os.environ:
            env[keep] = os.environ[keep]
    return env


def _run(bundle: Path, workdir: Path, *args: str, password: str = PASSWORD
         ) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([str(bundle / CLI), "--db", str(workdir / "r.db"), *args],
                          cwd=workdir, env=_env(workdir, password), capture_output=True,
                          timeout=120)


def _ok_json(done: subprocess.CompletedProcess[bytes]) -> Any:
    stderr = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 0, stderr
    return json.loads(done.stdout.decode("utf-8"))


def test_frozen_cli_session(frozen: Path, tmp_path: Path) -> None:
    assert _ok_json(_run(frozen, tmp_path, "--json", *INIT))["recovery_key"]
    # The cipher (SQLite3 Multiple Ciphers, inside apsw's extension module) is really there.
    assert not (tmp_path / "r.db").read_bytes().startswith(b"SQLite format 3")

    cases_file = tmp_path / "cases.json"
    cases_file.write_text(json.dumps(CASES, ensure_ascii=False), encoding="utf-8")
    created = _ok_json(_run(frozen, tmp_path, "--json", "import", str(cases_file)))["created"]
    assert len(created) == 1
    number = created[0]["number"]
    assert number == "（2025）湖头人调字第1号"

    hits = _ok_json(_run(frozen, tmp_path, "--json", "search", "张喆"))
    assert number in {h["number"] for h in hits}
    assert any("张喆" in h["snippet"] for h in hits)

    # "zz" occurs in no text: only the pinyin index (pypinyin's bundled dictionaries) finds it.
    hits = _ok_json(_run(frozen, tmp_path, "--json", "search", "zz"))
    assert [h["number"] for h in hits] == [number]
    assert hits[0]["field"] == "pinyin"

    register = _ok_json(_run(frozen, tmp_path, "--json", "cases"))
    assert [(c["number"], c["village"], c["parties"]) for c in register] == [
        (number, "湖二村", ["张喆", "李明"])
    ]

    done = _run(frozen, tmp_path, "verify")
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")

    done = _run(frozen, tmp_path, "cases", password="wrong-password")
    assert done.returncode == 3
    assert "密码" in done.stderr.decode("utf-8")


def test_refused_import_exit_code(frozen: Path, tmp_path: Path) -> None:
    """Messages in Chinese reach stderr intact from the frozen build (UTF-8 mode, LANG=C)."""
    assert _run(frozen, tmp_path, *INIT).returncode == 0
    bad = [dict(CASES[0], parties=[dict(CASES[0]["parties"][0], id_number="110105194912310021"),
                                   CASES[0]["parties"][1]])]
    cases_file = tmp_path / "bad.json"
    cases_file.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    done = _run(frozen, tmp_path, "import", str(cases_file))
    assert done.returncode == 1
    assert "身份证" in done.stderr.decode("utf-8")


def test_bundle_contents(frozen: Path) -> None:
    internal = frozen / "_internal"
    assert (internal / "pypinyin" / "pinyin_dict.json").is_file()
    assert (internal / "pypinyin" / "phrases_dict.json").is_file()
    assert (internal / "PIL").is_dir(), "PIL must stay: reportlab imports it"
    assert list((internal / "apsw").glob("__init__*")), "apsw's extension module (with the cipher)"
    for unwanted in ("tkinter", "_tkinter", "libtk", "pytest", "hypothesis", "QtWebEngine"):
        found = list(internal.rglob(f"{unwanted}*"))
        assert not found, f"{unwanted} should not be in the bundle: {found[:3]}"
    assert list(internal.rglob("qtbase_zh_CN.qm")), "Qt's own Chinese translation"
    shipped = {p.relative_to(ROOT / "resources") for p in (ROOT / "resources").rglob("*")
               if p.is_file() and not p.name.startswith(".") and p.suffix not in {".ts", ".pyc"}}
    for rel in shipped:
        assert (internal / "resources" / rel).is_file(), f"resources/{rel} not bundled"


def test_frozen_window_self_test(frozen: Path, tmp_path: Path) -> None:
    """The window's --self-test: a temporary register, the main window offscreen, exit 0."""
    gui = frozen / ("mediation-desk" + (".exe" if sys.platform == "win32" else ""))
    env = dict(_env(tmp_path), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([str(gui), "--self-test"], cwd=tmp_path, env=env,
                          capture_output=True, timeout=300)
    output = (done.stdout + done.stderr).decode("utf-8", "replace")
    assert done.returncode == 0, output
    assert "self-test ok" in output
