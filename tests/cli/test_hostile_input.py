"""Bounded, validated input (issue 11, item 5): each input the issue found ending in exit 5 now
ends in exit 0–4 with a Chinese message, and nothing is written when it is refused.

Each case runs the installed ``mediation-desk-cli`` against a real encrypted register."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from mediation_desk.services.safety.accounts import open_register
from mediation_desk.store.models import AuditEvent, Case, Party
from tests.conftest import PASSWORD
from tests.safety_support import CLI, make_register, run_cli, run_cli_json

CASE: dict[str, Any] = {
    "received_on": "2026-11-02", "dispute_type": "邻里纠纷", "village": "湖二村",
    "summary": "屋檐滴水落入邻居院内。", "amount_involved": "5000", "people_involved": 2,
    "parties": [{"side": "applicant", "name": "张喆"}, {"side": "respondent", "name": "李明"}]}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "register.db"
    make_register(path, cases=3)
    return path


def fingerprint(db: Path) -> tuple[int, int, int]:
    """Cases, parties, and audit events other than logins: what a refusal must not change."""
    store, _ = open_register(db, "admin", PASSWORD)
    try:
        events = AuditEvent.select().where(AuditEvent.action != "login").count()
        return Case.select().count(), Party.select().count(), events
    finally:
        store.close()


def refused(db: Path, *args: str, code: int = 1, words: str = "", **kw: Any) -> str:
    before = fingerprint(db)
    result = run_cli(db, *args, **kw)
    assert result.returncode == code, (args, result.returncode, result.stderr)
    assert "Traceback" not in result.stderr and "内部错误" not in result.stderr
    assert words in result.stderr, (words, result.stderr)
    assert fingerprint(db) == before
    return result.stderr


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name, text, words", [
    ("nan.json", json.dumps([dict(CASE, amount_involved="x")]).replace('"x"', "NaN"),
     "不允许 NaN"),
    ("inf.json", json.dumps([dict(CASE, people_involved=1)]).replace(
        '"people_involved": 1', '"people_involved": Infinity'), "不允许 Infinity"),
    ("nan-text.json", json.dumps([dict(CASE, amount_involved="NaN")]), "金额格式不正确"),
    ("huge-float.json", json.dumps([dict(CASE, people_involved=1)]).replace(
        '"people_involved": 1', '"people_involved": 1e999'), "数字超出范围"),
    ("digits.json", json.dumps([dict(CASE, people_involved=1)]).replace(
        '"people_involved": 1', '"people_involved": ' + "9" * 5000), "数字位数太多"),
    ("deep.json", "[" * 100_000 + "]" * 100_000, "嵌套层数太多"),
    ("surrogate.json", json.dumps([dict(CASE, summary="\ud800")]), "不完整的字符"),
    ("bidi.json", json.dumps([dict(CASE, summary="赔偿\u202e0005元")], ensure_ascii=False),
     "改变文字方向"),
    ("control.json", json.dumps([dict(CASE, village="湖二\x1b[31m村")], ensure_ascii=False),
     "控制字符"),
    ("year1.json", json.dumps([dict(CASE, received_on="0001-01-01")]), "应在1949-10-01至"),
    ("long.json", json.dumps([dict(CASE, village="湖" * 5000)], ensure_ascii=False), "太长"),
    ("many.json", json.dumps([dict(CASE, people_involved=10**9)]), "涉及人数 应在0至100000之间"),
    ("number.json", json.dumps([dict(CASE, number="（2026）湖头人调字第9223372036854775807号")],
                               ensure_ascii=False), "序号应在1至99999之间"),
])
def test_hostile_import_files_are_refused(db: Path, tmp_path: Path, name: str, text: str,
                                          words: str) -> None:
    refused(db, "import", str(write(tmp_path, name, text)), words=words)


def test_numbering_survives_an_absurd_historical_number(db: Path, tmp_path: Path) -> None:
    """Before: one imported 第9223372036854775807号 made every later registration of that
    year crash. Now refused; the next registration gets the next number."""
    bad = dict(CASE, number="（2026）湖头人调字第9223372036854775807号")
    refused(db, "import", str(write(tmp_path, "n.json", json.dumps([bad], ensure_ascii=False))),
            words="序号应在1至99999之间")
    created = run_cli_json(db, "import", str(write(tmp_path, "ok.json", json.dumps([CASE]))))
    assert created["created"][0]["number"] == "（2026）湖头人调字第4号"


def test_a_device_is_never_replaced(db: Path, tmp_path: Path) -> None:
    """Found the hard way: ``export --out /dev/null`` renamed a plain file over the device
    (the whole-or-nothing write). Through a link here, so a regression harms nothing."""
    null = tmp_path / "null"
    null.symlink_to(os.devnull)
    refused(db, "export", "--out", str(null), words="不是普通文件")
    refused(db, "print", "notice", "（2026）湖头人调字第1号", "--out", str(null), words="不是普通文件")
    assert null.is_symlink() and not null.is_file()
    result = run_cli(null, "cases")
    assert result.returncode == 4 and "不是普通文件" in result.stderr
    backup = tmp_path / "b.db"
    run_cli_json(db, "backup", "--out", str(backup))
    result = run_cli(null, "restore", "--force", str(backup))
    assert result.returncode == 1 and "不是普通文件" in result.stderr
    assert null.is_symlink() and not Path(str(null) + ".inuse").exists()


def test_a_directory_given_as_a_file(db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cases.json"
    folder.mkdir()
    refused(db, "import", str(folder), words="这是一个文件夹")
    refused(db, "patrol", "plan-add", str(folder), words="这是一个文件夹")
    refused(db, "export", "--out", str(folder), words="是一个文件夹")
    refused(db, "backup", "--out", str(folder), words="是一个文件夹")


def test_out_into_a_missing_folder(db: Path, tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "folder"
    refused(db, "export", "--out", str(missing / "x.json"), words="不存在")
    refused(db, "print", "agreement", "1", "--out", str(missing / "x.pdf"), words="不存在")
    refused(db, "patrol", "export-ics", "--from", "2026-12-01", "--to", "2026-12-31",
            "--out", str(missing / "x.ics"), words="不存在")
    # A backup makes its folder (a fresh USB stick): that is what an administrator expects.
    made = run_cli_json(db, "backup", "--out", str(missing / "b.db"))
    assert Path(made["out"]).exists()


@pytest.mark.parametrize("args, words", [
    (["cases", "--year", "0"], "年份应在1949至2099之间"),
    (["cases", "--year", "9999"], "年份应在1949至2099之间"),
    (["cases", "--year", "9" * 5000], "用法错误"),
    (["patrol", "schedule", "--from", "0001-01-01", "--to", "9999-12-31"], "应在1949-10-01至"),
    (["patrol", "schedule", "--from", "2020-01-01", "--to", "2099-12-31"], "日期范围太长"),
    (["patrol", "print", "--month", "0000-01", "--out", "x.pdf"], "年份应在"),
    (["patrol", "counts", "--month", "9999-12"], "年份应在"),
    (["search", "张\u202e三"], "改变文字方向"),
    (["search", "x" * 3000], "太长"),
    (["demo", "--cases", "100000000"], "应在0至200000之间"),
    (["show", "第9223372036854775807号"], ""),
])
def test_hostile_arguments(db: Path, args: list[str], words: str) -> None:
    code = 2 if words == "用法错误" else 1
    refused(db, *args, code=code, words=words)


def test_a_broken_character_on_the_command_line(db: Path) -> None:
    """Invalid UTF-8 bytes in an argument arrive as lone surrogates: refused, not a crash."""
    before = fingerprint(db)
    result = subprocess.run([os.fsencode(CLI), b"--db", os.fsencode(db), b"search", b"\xff\xfe"],
                            capture_output=True, env={**os.environ,
                                                      "MEDIATION_DESK_PASSWORD": PASSWORD},
                            stdin=subprocess.DEVNULL, timeout=120)
    assert result.returncode == 1, result.stderr.decode("utf-8", "replace")
    assert "不完整的字符" in result.stderr.decode("utf-8", "replace")
    assert fingerprint(db) == before


def test_a_damaged_keys_file(tmp_path: Path) -> None:
    db = tmp_path / "register.db"
    make_register(db)
    keys = Path(str(db) + ".keys")
    for damage in ('{"format": "mediation-desk/keyslots@2", "slots": {"__recovery__": 1}}',
                   '{"format": "mediation-desk/keyslots@2", "slots": {"__recovery__": {}, '
                   '"admin": {"salt": "!!", "nonce": "", "wrapped": "", "t": 1, "m": 8, '
                   '"p": 1}}}',
                   '{"format": "mediation-desk/keyslots@2", "slots": {"__recovery__": {}, '
                   '"admin": {"salt": "", "nonce": "", "wrapped": "", "t": 1, '
                   '"m": 99999999999, "p": 1}}}',
                   "[" * 50_000, "\x00\x01\x02"):
        keys.write_text(damage, encoding="utf-8")
        before = db.read_bytes()
        result = run_cli(db, "cases")
        assert result.returncode == 4, (damage[:40], result.stderr)
        assert "密钥文件" in result.stderr and "Traceback" not in result.stderr
        assert db.read_bytes() == before


def test_a_closed_stdout_ends_quietly(tmp_path: Path) -> None:
    """Before: ``cases --json | head`` ended in a BrokenPipeError traceback and exit 5."""
    db = tmp_path / "register.db"
    make_register(db, cases=300)
    env = {**os.environ, "MEDIATION_DESK_PASSWORD": PASSWORD}
    for reader in ("head -c1", "true"):
        done = subprocess.run(
            ["bash", "-c", f'"$0" --db "$1" --json cases | {reader} >/dev/null; '
                           'echo "status=${PIPESTATUS[0]}" >&2', CLI, str(db)],
            capture_output=True, text=True, env=env, timeout=180)
        assert "status=0" in done.stderr, done.stderr
        assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr


def test_a_full_disk(db: Path, tmp_path: Path) -> None:
    """``--out`` onto a full disk: exit 4 (the environment's problem), nothing left under the
    name. A 64 KB tmpfs in a private mount namespace stands in for the full USB stick."""
    if shutil.which("unshare") is None:
        pytest.skip("unshare is not installed")
    full = tmp_path / "full"
    full.mkdir()
    probe = subprocess.run(["unshare", "-rm", "sh", "-c", 'mount -t tmpfs -o size=64k tmpfs "$0"',
                            str(full)], capture_output=True, text=True)
    if probe.returncode != 0:
        pytest.skip(f"no private mounts here: {probe.stderr.strip()}")
    env = {**os.environ, "MEDIATION_DESK_PASSWORD": PASSWORD}
    before = fingerprint(db)
    for command in (["export", "--out", "{full}/cases.json"],
                    ["backup", "--out", "{full}/backup.db"],
                    ["print", "notice", "（2026）湖头人调字第1号", "--out", "{full}/notice.pdf"]):
        args = [a.replace("{full}", str(full)) for a in command]
        done = subprocess.run(["unshare", "-rm", "sh", "-c",
                               'mount -t tmpfs -o size=64k tmpfs "$0" && '
                               'head -c 60000 /dev/zero > "$0/filler"; exec "$@"',
                               str(full), CLI, "--db", str(db), *args],
                              capture_output=True, text=True, env=env, timeout=180)
        assert done.returncode == 4, (command, done.returncode, done.stderr)
        assert "磁盘已满" in done.stderr and "Traceback" not in done.stderr
    assert fingerprint(db) == before
    assert list(full.iterdir()) == []  # the tmpfs was private: nothing here either


def test_an_output_never_replaces_a_register(db: Path, tmp_path: Path) -> None:
    """Found by the fuzz test: ``export --out register.db`` replaced the register with JSON."""
    keys = Path(str(db) + ".keys").read_bytes()
    refused(db, "export", "--out", str(db), words="是数据库或其附属文件")
    refused(db, "export", "--out", str(db) + ".keys", words="是数据库或其附属文件")
    refused(db, "print", "notice", "（2026）湖头人调字第1号", "--out", str(db),
            words="是数据库或其附属文件")
    refused(db, "patrol", "export-ics", "--from", "2026-12-01", "--to", "2026-12-31",
            "--out", str(db), words="是数据库或其附属文件")
    assert Path(str(db) + ".keys").read_bytes() == keys  # and the register still opens:
    assert fingerprint(db)[0] >= 3


def test_stored_control_characters_are_escaped_in_output(tmp_path: Path) -> None:
    """Text stored before the checks existed (here written with a plain SQLite tool) reaches
    the terminal with its control and direction characters visible, never raw — in text and
    in JSON. Before: printed raw (an escape sequence drove the terminal)."""
    import apsw

    from mediation_desk.store.keys import KeyFile, key_pragma

    db = tmp_path / "register.db"
    make_register(db, cases=1)
    key = KeyFile.load(Path(str(db) + ".keys")).unlock("admin", PASSWORD)
    tool = apsw.Connection(str(db))
    tool.execute(f"PRAGMA key = {key_pragma(key)}")
    tool.execute("UPDATE \"case\" SET title = ?", ("张喆\x1b[2J\u202e元0005",))
    tool.close()
    text = run_cli(db, "cases")
    assert text.returncode == 0, text.stderr
    assert "\x1b" not in text.stdout and "\u202e" not in text.stdout
    assert "张喆\\u001b[2J\\u202e元0005" in text.stdout
    data = run_cli(db, "--json", "cases")
    assert "\u202e" not in data.stdout and "\x1b" not in data.stdout
    assert json.loads(data.stdout)[0]["title"] == "张喆\x1b[2J\u202e元0005"  # JSON keeps it
