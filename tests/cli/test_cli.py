"""The command line as an administrator runs it: the installed ``mediation-desk-cli``."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

PASSWORD = "cli-pass-2026"
CLI = shutil.which("mediation-desk-cli", path=str(Path(sys.executable).parent)) or ""

CASES = [
    {"received_on": "2026-11-02", "source": "当事人申请", "dispute_type": "邻里纠纷",
     "village": "湖二村", "summary": "屋檐滴水落入邻居院内，双方多次争吵。",
     "requests": ["改建屋檐排水", "赔偿院墙修复费"], "risk_level": "yellow",
     "amount_involved": "5000", "people_involved": 2,
     "mediators": [{"name": "林春梅", "role": "lead"}],
     "parties": [
         {"side": "applicant", "kind": "person", "name": "张喆",
          "id_number": "11010519491231002X", "phone": "13912345678",
          "address": "安溪县湖头镇湖二村3组45号"},
         {"side": "respondent", "kind": "person", "name": "李明", "gender": "male",
          "id_number": "360426199101010071"}],
     "records": [{"kind": "mediation", "at": "2026-11-03T09:30", "place": "问房调解室",
                  "participants": ["张喆", "李明"], "author": "林春梅",
                  "body": "双方陈述事实，调解员释法说理。"}],
     "agreement": {"form": "written", "reached_on": "2026-11-05", "facts": "滴水",
                   "terms": [{"text": "李明赔偿张喆5000元", "obligor": "李明",
                              "obligee": "张喆", "amount": "5000.00",
                              "due_on": "2026-12-01", "method": "现金"}]}},
    {"received_on": "2026-10-12", "dispute_type": "物业纠纷", "village": "湖头社区",
     "parties": [
         {"side": "applicant", "name": "王堃", "phone": "0595-23456789"},
         {"side": "respondent", "kind": "organization", "name": "安溪县湖头物业服务有限公司",
          "legal_representative": "陈志明"}]},
]


def run(db: Path, *args: str, password: str = PASSWORD, env: dict[str, str] | None = None,
        user: str | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "MEDIATION_DESK_PASSWORD": password, **(env or {})}
    cmd = [CLI, "--db", str(db)] + (["--user", user] if user else []) + list(args)
    return subprocess.run(cmd, capture_output=True, text=True, env=full_env,
                          stdin=subprocess.DEVNULL, timeout=120)


def run_json(db: Path, *args: str, **kw: Any) -> Any:
    result = run(db, "--json", *args, **kw)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "register.db"
    out = run_json(path, "init", "--room", "问房调解室", "--committee", "湖头镇人民调解委员会",
                   "--number-prefix", "湖头", "--admin", "admin")
    assert out["encrypted"] is True and len(out["recovery_key"]) == 39
    return path


def write_cases(tmp_path: Path, cases: list[dict[str, Any]], name: str = "cases.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_command_is_installed() -> None:
    assert CLI, "mediation-desk-cli is not installed next to this Python"
    result = subprocess.run([CLI, "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "import" in result.stdout


def test_import_cases_show_search_export(db: Path, tmp_path: Path) -> None:
    created = run_json(db, "import", str(write_cases(tmp_path, CASES)))["created"]
    assert [c["number"] for c in created] == ["（2026）湖头人调字第1号", "（2026）湖头人调字第2号"]

    rows = run_json(db, "cases")
    assert [r["number"] for r in rows] == ["（2026）湖头人调字第1号", "（2026）湖头人调字第2号"]
    assert set(rows[0]) == {"id", "number", "title", "status", "received_on", "dispute_type",
                            "village", "parties"}
    assert rows[0]["parties"] == ["张喆", "李明"] and rows[0]["status"] == "agreed"
    assert [r["number"] for r in run_json(db, "cases", "--type", "物业纠纷")] == [
        "（2026）湖头人调字第2号"]
    assert run_json(db, "cases", "--village", "湖二村", "--year", "2026")[0]["title"] == \
        "张喆与李明邻里纠纷"
    assert run_json(db, "cases", "--status", "archived") == []

    doc = run_json(db, "show", "（2026）湖头人调字第1号")
    assert doc["format"] == "mediation-desk/case@1"
    assert doc["agreement"]["terms"][0]["amount"] == "5000.00"

    hits = run_json(db, "search", "张喆")
    assert {"number", "field", "snippet"} == set(hits[0])
    assert ("（2026）湖头人调字第1号", "party") in {(h["number"], h["field"]) for h in hits}
    assert run_json(db, "search", "zz")[0]["number"] == "（2026）湖头人调字第1号"
    assert {h["number"] for h in run_json(db, "search", "物业服务")} == {"（2026）湖头人调字第2号"}

    out = tmp_path / "export.json"
    assert run_json(db, "export", "--out", str(out))["exported"] == 2
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert [d["number"] for d in exported] == ["（2026）湖头人调字第2号", "（2026）湖头人调字第1号"]

    # Round trip into an empty register: the same cases, numbers and all.
    empty = tmp_path / "empty.db"
    run_json(empty, "init", "--room", "问房调解室", "--committee", "湖头镇人民调解委员会",
             "--number-prefix", "湖头", "--admin", "admin")
    run_json(empty, "import", str(out))
    again = tmp_path / "again.json"
    run_json(empty, "export", "--out", str(again))
    def strip(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """All but the ids and the step recording the second import."""
        return [{**{k: v for k, v in d.items() if k != "id"},
                 "events": [e for e in d["events"] if e["step"] != "import"]} for d in docs]

    assert strip(json.loads(again.read_text(encoding="utf-8"))) == strip(exported)


def test_bad_import_writes_nothing_and_names_every_problem(db: Path, tmp_path: Path) -> None:
    bad = json.loads(json.dumps(CASES))
    bad[1]["parties"][0]["id_number"] = "360426199101010072"
    bad[1]["parties"][0]["phone"] = "12345"
    bad[1]["parties"][1]["side"] = "applicant"
    bad[0]["agreement"]["terms"][0]["obligor"] = "钱七"
    bad[0]["received_on"] = "2099-01-01"
    result = run(db, "import", str(write_cases(tmp_path, bad)))
    assert result.returncode == 1
    for message in ("第2条案件 当事人[1] 身份证号码 校验位错误",
                    "第2条案件 当事人[1] 联系电话 不是有效的手机号码或固定电话",
                    "第2条案件 当事人 至少需要一名被申请人",
                    "第1条案件 协议条款[1] 义务人 “钱七”不是本案当事人",
                    "第1条案件 受理日期 不能晚于今天"):
        assert message in result.stderr
    assert result.stdout == ""
    assert run_json(db, "cases") == []


def test_duplicate_historical_number_is_refused(db: Path, tmp_path: Path) -> None:
    case = dict(CASES[1], number="（2025）湖头人调字第9号")
    result = run(db, "import", str(write_cases(tmp_path, [case, case])))
    assert result.returncode == 1
    assert "第2条案件 案件编号 “（2025）湖头人调字第9号”与第1条案件重复" in result.stderr
    run_json(db, "import", str(write_cases(tmp_path, [case], "one.json")))
    again = run(db, "import", str(write_cases(tmp_path, [case], "one-again.json")))
    assert again.returncode == 1 and "已被使用" in again.stderr


@pytest.mark.parametrize("content, expected", [
    ("{not json", "不是有效的JSON"),
    ('{"format": "other"}', "格式应为 mediation-desk/case@1"),
    ('"just a string"', "应为案件列表"),
])
def test_corrupt_files_are_refused(db: Path, tmp_path: Path, content: str,
                                   expected: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    result = run(db, "import", str(path))
    assert result.returncode == 1 and expected in result.stderr


def test_exit_codes_for_password_database_and_usage(db: Path, tmp_path: Path) -> None:
    wrong = run(db, "cases", password="wrong-password")
    assert wrong.returncode == 3 and "用户名或密码不正确" in wrong.stderr
    missing = run(tmp_path / "nothing.db", "cases")
    assert missing.returncode == 4 and "数据库文件不存在" in missing.stderr
    assert run(db, "no-such-command").returncode == 2
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not a database at all" * 200)
    assert run(garbage, "cases").returncode == 4
    no_password = subprocess.run([CLI, "--db", str(db), "cases"], capture_output=True,
                                 text=True, stdin=subprocess.DEVNULL,
                                 env={k: v for k, v in os.environ.items()
                                      if k != "MEDIATION_DESK_PASSWORD"})
    assert no_password.returncode == 2 and "MEDIATION_DESK_PASSWORD" in no_password.stderr


def test_locked_database_is_reported(db: Path) -> None:
    import apsw

    from mediation_desk.store.keys import KeyFile, key_pragma, keyfile_path

    key = KeyFile.load(keyfile_path(db)).unlock("admin", PASSWORD)
    holder = apsw.Connection(str(db))
    holder.execute(f"PRAGMA key = {key_pragma(key)}")
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = run(db, "cases")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.returncode == 4 and "另一个程序" in result.stderr


def test_users_add_and_list(db: Path) -> None:
    added = run_json(db, "users", "add", "linchm", "--role", "mediator",
                     env={"MEDIATION_DESK_NEW_PASSWORD": "chunmei-2026"})
    assert added["role"] == "mediator"
    assert [u["username"] for u in run_json(db, "users", "list")] == ["admin", "linchm"]
    assert run_json(db, "cases", user="linchm", password="chunmei-2026") == []
    denied = run(db, "users", "list", user="linchm", password="chunmei-2026")
    assert denied.returncode == 3


def test_verify_and_audit_verify(db: Path) -> None:
    assert run_json(db, "verify") == {"ok": True, "problems": []}
    assert run(db, "audit", "verify").returncode == 0


def test_unencrypted_init(tmp_path: Path) -> None:
    path = tmp_path / "plain.db"
    out = run_json(path, "init", "--room", "问房调解室", "--committee", "湖头镇人民调解委员会",
                   "--number-prefix", "湖头", "--admin", "admin", "--unencrypted")
    assert out["encrypted"] is False and out["recovery_key"] is None
    assert path.read_bytes().startswith(b"SQLite format 3")


def test_backup_and_restore_round_trip(db: Path, tmp_path: Path) -> None:
    run_json(db, "import", str(write_cases(tmp_path, CASES)))
    backup = tmp_path / "usb" / "room.bak"
    assert run_json(db, "backup", "--out", str(backup))["out"] == str(backup)
    assert backup.exists() and Path(str(backup) + ".keys").exists()
    assert not backup.read_bytes().startswith(b"SQLite format 3")
    assert "张喆".encode() not in backup.read_bytes()

    restored = tmp_path / "restored.db"
    out = run_json(restored, "restore", str(backup))
    assert out == {"restored": str(restored), "replaced": None}
    assert [r["number"] for r in run_json(restored, "cases")] == [
        "（2026）湖头人调字第1号", "（2026）湖头人调字第2号"]

    # An existing database is replaced only with --force, and then kept beside it.
    refused = run(restored, "restore", str(backup))
    assert refused.returncode == 1 and "--force" in refused.stderr
    forced = run_json(restored, "restore", "--force", str(backup))
    assert Path(forced["replaced"]).exists()
    assert run_json(restored, "verify")["ok"] is True


def test_restore_refuses_what_is_not_a_good_backup(db: Path, tmp_path: Path) -> None:
    junk = tmp_path / "junk.bak"
    junk.write_bytes(b"not a backup" * 500)
    assert run(tmp_path / "x.db", "restore", str(junk)).returncode == 4
    backup = tmp_path / "room.bak"
    run_json(db, "backup", "--out", str(backup))
    wrong = run(tmp_path / "y.db", "restore", str(backup), password="wrong-password")
    assert wrong.returncode == 3
    assert not (tmp_path / "x.db").exists() and not (tmp_path / "y.db").exists()


def test_audit_verify_names_an_edit_made_behind_the_apps_back(db: Path, tmp_path: Path) -> None:
    import apsw

    from mediation_desk.store.keys import KeyFile, key_pragma, keyfile_path

    run_json(db, "import", str(write_cases(tmp_path, CASES)))
    assert run(db, "audit", "verify").returncode == 0
    key = KeyFile.load(keyfile_path(db)).unlock("admin", PASSWORD)
    tool = apsw.Connection(str(db))  # a plain SQLite tool that knows the key
    tool.execute(f"PRAGMA key = {key_pragma(key)}")
    tool.execute("UPDATE party SET phone = '13000000000' WHERE name = '张喆'")
    tool.close()
    result = run(db, "audit", "verify")
    assert result.returncode == 1
    assert "当事人“张喆”在程序之外被修改过" in result.stderr
    assert run(db, "verify").returncode == 1


def test_retention_due_is_empty_for_a_new_register(db: Path) -> None:
    assert run_json(db, "retention", "due") == []
    refused = run(db, "retention", "anonymise", "（2026）湖头人调字第1号")
    assert refused.returncode == 1 and "找不到" in refused.stderr
