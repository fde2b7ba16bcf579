"""``mediation-desk-cli petition …`` as contract.md v2 has it, through the installed command:
a request walked through the loop, the list's exact JSON, a request becoming a case, the
forms printed, and bad input refused (exit 1, field and reason named, nothing written)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from tests.cli.test_cli import db, run, run_json  # noqa: F401 (db is a fixture)

REQUEST = {"format": "mediation-desk/petition@1", "received_at": "2026-12-01T09:30",
           "channel": "walk_in", "received_by": "林春梅",
           "person": {"name": "郭秀琴", "phone": "139 1234 5678",
                      "id_number": "11010519491231002x", "address": "美坂村5组12号"},
           "village": "美坂村", "category": "农村建房",
           "content": "邻居新建房屋占用公共排水沟，雨天积水倒灌入户。", "people_involved": 5,
           "respondent": "黄文彬"}
LIST_KEYS = {"id", "number", "received_at", "person", "category", "status", "assigned_to",
             "due_on", "overdue"}


def write(tmp_path: Path, doc: Any, name: str = "request.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_request_through_the_loop(db: Path, tmp_path: Path) -> None:  # noqa: F811
    added = run_json(db, "petition", "add", str(write(tmp_path, REQUEST)))
    assert set(added) == {"id", "number"} and added["number"] == "（2026）湖头访字第1号"
    pid = added["id"]
    assessed = run_json(db, "petition", "assess", pid, "--route", "refer", "--note",
                        "属违法占用，交自然资源所处理")
    assert assessed["status"] == "assessed"
    assigned = run_json(db, "petition", "assign", "1", "--to", "镇自然资源所", "--due",
                        "2026-12-05")
    assert assigned["due_on"] == "2026-12-05" and assigned["status"] == "supervising"

    rows = run_json(db, "petition", "list")
    assert len(rows) == 1 and set(rows[0]) == LIST_KEYS
    row = rows[0]
    assert (row["id"], row["number"], row["received_at"], row["person"], row["category"]) == (
        pid, "（2026）湖头访字第1号", "2026-12-01T09:30", "郭秀琴", "农村建房")
    # The suite's clock is 2026-12-07: due on the 5th with no reply → overdue.
    assert (row["status"], row["assigned_to"], row["due_on"], row["overdue"]) == (
        "supervising", "镇自然资源所", "2026-12-05", True)
    assert [r["id"] for r in run_json(db, "petition", "list", "--overdue")] == [pid]
    assert run_json(db, "petition", "list", "--status", "closed") == []

    replied = run_json(db, "petition", "reply", pid, "--text", "已责令恢复排水沟，请留意。")
    assert replied["status"] == "answered"
    assert run_json(db, "petition", "list", "--overdue") == []
    closed = run_json(db, "petition", "close", pid, "--satisfaction", "basic")
    assert closed["status"] == "closed"
    assert run_json(db, "petition", "list", "--status", "closed")[0]["id"] == pid
    shown = run_json(db, "petition", "show", "2026-1")
    assert shown["person"]["id_number"] == "1101**********002X"
    assert shown["person"]["phone"] == "139****5678"
    assert run(db, "audit", "verify").returncode == 0
    report = run_json(db, "report", "monthly", "--month", "2026-12")
    assert report["petitions"]["received"] == 1
    assert report["petitions"]["basically_satisfied"] == 1


def test_a_request_mediated_becomes_a_case_and_its_forms_print(db: Path,  # noqa: F811
                                                               tmp_path: Path) -> None:
    pid = run_json(db, "petition", "add", str(write(tmp_path, REQUEST)))["id"]
    run_json(db, "petition", "assess", pid, "--route", "mediate", "--note", "邻里纠纷，宜调解")
    made = run_json(db, "petition", "to-case", pid)
    assert made["number"] == "（2026）湖头人调字第1号"
    case = run_json(db, "show", made["number"])
    assert case["source"] == "来访" and [p["name"] for p in case["parties"]] == ["郭秀琴", "黄文彬"]
    again = run(db, "petition", "to-case", pid)
    assert again.returncode == 1 and "已转为调解案件" in again.stderr
    out = tmp_path / "reg.pdf"
    printed = run_json(db, "petition", "print", "registration", pid, "--out", str(out))
    assert printed["pages"] == 1 and out.read_bytes().startswith(b"%PDF")
    tool = shutil.which("pdftotext")
    assert tool is not None
    text = subprocess.run([tool, str(out), "-"], capture_output=True, text=True).stdout
    assert "来访登记表" in text and "郭秀琴" in text and "（2026）湖头访字第1号" in text
    refused = run(db, "petition", "print", "answer", pid, "--out", str(tmp_path / "a.pdf"))
    assert refused.returncode == 1 and "处理意见" in refused.stderr
    assert not (tmp_path / "a.pdf").exists()


def test_bad_input_exits_1_naming_field_and_reason(db: Path, tmp_path: Path) -> None:  # noqa: F811
    pid = run_json(db, "petition", "add", str(write(tmp_path, REQUEST)))["id"]
    run_json(db, "petition", "assess", pid, "--route", "refer", "--note", "交部门办理")
    cases = [
        (("assign", pid, "--to", "镇自然资源所", "--due", "2026-11-30"), "办理期限", "早于来访日期"),
        (("assign", pid, "--to", "县国土局", "--due", "2026-12-20"), "承办部门", "不在部门名单"),
        (("reply", pid, "--text", "  "), "答复内容", "不能为空"),
        (("close", pid, "--satisfaction", "satisfied"), "", "尚未答复"),
        (("close", pid, "--satisfaction", "happy"), "满意度", "应为"),
        (("assess", "99", "--route", "refer", "--note", "x"), "", "找不到信访事项"),
    ]
    for args, field, reason in cases:
        result = run(db, "petition", *args)
        assert result.returncode == 1, (args, result.stderr)
        assert field in result.stderr and reason in result.stderr, result.stderr
    bad = dict(REQUEST, person={"name": "郭秀琴", "id_number": "11010519491231002Y"},
               content="", received_at="2026-12-01 9点")
    result = run(db, "petition", "add", str(write(tmp_path, bad, "bad.json")))
    assert result.returncode == 1
    for words in ("身份证号码", "来访时间", "诉求内容"):
        assert words in result.stderr, result.stderr
    rows = run_json(db, "petition", "list")
    assert len(rows) == 1 and rows[0]["status"] == "assessed" and rows[0]["assigned_to"] is None
