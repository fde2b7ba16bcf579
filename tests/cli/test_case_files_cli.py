"""``edit``, ``history``, ``attach``, ``attachments``, ``attachment get`` and short case
numbers, through the installed ``mediation-desk-cli`` (contract.md v2)."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.cli.test_cli import CASES, CLI, PASSWORD, run, run_json, write_cases

FIRST = "（2026）湖头人调字第1号"


@pytest.fixture
def reg(tmp_path: Path) -> Path:
    """A new register made by ``init`` (as test_cli's ``db``)."""
    path = tmp_path / "register.db"
    run_json(path, "init", "--room", "问房调解室", "--committee", "湖头镇人民调解委员会",
             "--number-prefix", "湖头", "--admin", "admin")
    return path


def _imported(reg: Path, tmp_path: Path) -> None:
    run_json(reg, "import", str(write_cases(tmp_path, CASES)))


def test_edit_then_history_shows_before_and_after(reg: Path, tmp_path: Path) -> None:
    _imported(reg, tmp_path)
    out = run_json(reg, "edit", "2026-1", "risk_level=红", "amount_involved=6,500",
                   "summary=屋檐滴水，院墙开裂。")
    assert out["number"] == FIRST
    assert [(c["field"], c["before"], c["after"]) for c in out["changed"]] == [
        ("summary", CASES[0]["summary"], "屋檐滴水，院墙开裂。"),
        ("risk_level", "黄", "红"),
        ("amount_involved", "5000.00元", "6500.00元"),
    ]
    assert run_json(reg, "show", "2026-1")["risk_level"] == "red"

    history = run_json(reg, "history", "2026-1")
    assert {"at", "user", "device", "action", "field", "before", "after"} <= set(history[0])
    assert [h["at"] for h in history] == sorted(h["at"] for h in history)
    edits = [(h["field"], h["before"], h["after"]) for h in history
             if h["action"] == "修改案件信息"]
    assert ("risk_level", "黄", "红") in edits
    assert {h["user"] for h in history if h["action"] == "修改案件信息"} == {"admin"}
    assert any(h["action"] == "指定调解员" for h in history)
    text = run(reg, "history", FIRST)
    assert text.returncode == 0 and "风险等级：黄 → 红" in text.stdout


def test_edit_refuses_bad_fields_and_values_with_exit_1(reg: Path, tmp_path: Path) -> None:
    _imported(reg, tmp_path)
    before = run_json(reg, "history", "2026-1")
    bad = run(reg, "edit", "2026-1", "status=closed", "summary=不写入")
    assert bad.returncode == 1 and "status" in bad.stderr and "不能修改" in bad.stderr
    bad = run(reg, "edit", "2026-1", "people_involved=很多", "village=湖二材")
    assert bad.returncode == 1
    assert "涉及人数" in bad.stderr and "湖二材" in bad.stderr and FIRST in bad.stderr
    bad = run(reg, "edit", "2026-1", "risk_level")
    assert bad.returncode == 1 and "字段=值" in bad.stderr
    missing = run(reg, "edit", "2026-99", "summary=x")
    assert missing.returncode == 1 and "2026-99" in missing.stderr
    assert run(reg, "edit", "2026-1").returncode == 2  # no FIELD=VALUE at all: usage
    assert run_json(reg, "history", "2026-1") == before  # nothing was written


def test_edit_names_a_compound_its_history_lists_the_case(reg: Path, tmp_path: Path) -> None:
    _imported(reg, tmp_path)
    request = {"format": "mediation-desk/petition@1", "received_at": "2026-12-01T09:30",
               "channel": "walk_in", "person": {"name": "郭秀琴"}, "category": "物业管理",
               "compound": "湖头花园", "content": "小区物业停水三天。"}
    doc = tmp_path / "request.json"
    doc.write_text(json.dumps(request, ensure_ascii=False), encoding="utf-8")
    run_json(reg, "petition", "add", str(doc))  # the compound joins the list
    out = run_json(reg, "edit", "2026-2", "compound=湖头花园")
    assert [(c["field"], c["before"], c["after"]) for c in out["changed"]] == [
        ("compound", "", "湖头花园")]
    edits = [(h["field"], h["after"]) for h in run_json(reg, "history", "2026-2")
             if h["action"] == "修改案件信息"]
    assert ("compound", "湖头花园") in edits
    bad = run(reg, "edit", "2026-2", "compound=湖头花苑")
    assert bad.returncode == 1 and "小区" in bad.stderr and "湖头花苑" in bad.stderr


def test_attach_list_and_get_byte_for_byte(reg: Path, tmp_path: Path) -> None:
    _imported(reg, tmp_path)
    scan = tmp_path / "协议书签字页.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + hashlib.shake_256(b"scan").digest(3 * 1024 * 1024))
    out = run_json(reg, "attach", "2026-1", str(scan), "--title", "调解协议书（签字）",
                   "--kind", "signed_agreement")
    assert set(out) >= {"id", "sha256", "bytes"}
    assert out["bytes"] == scan.stat().st_size
    assert out["sha256"] == hashlib.sha256(scan.read_bytes()).hexdigest()
    photo = tmp_path / "院墙.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + bytes(5000))
    run_json(reg, "attach", "2026-2", str(photo))  # the second case: 物业纠纷

    listed = run_json(reg, "attachments", "2026-1")
    assert [(a["id"], a["title"], a["kind"], a["bytes"], a["sha256"]) for a in listed] == [
        (out["id"], "调解协议书（签字）", "signed_agreement", out["bytes"], out["sha256"])]
    assert {"id", "title", "kind", "bytes", "sha256", "added_at"} <= set(listed[0])
    assert run_json(reg, "attachments", "2026-2")[0]["kind"] == "photo"

    back = tmp_path / "back.pdf"
    got = run_json(reg, "attachment", "get", out["id"], "--out", str(back))
    assert got["bytes"] == scan.stat().st_size and back.read_bytes() == scan.read_bytes()
    assert any(h["action"] == "另存附件" for h in run_json(reg, "history", "2026-1"))
    assert run(reg, "attachment", "get", "no-such-id", "--out", str(back)).returncode == 1


def test_attach_refuses_a_file_over_the_limit_by_name(reg: Path, tmp_path: Path) -> None:
    _imported(reg, tmp_path)
    assert run_json(reg, "attachment", "limit")["limit_mb"] == 50
    assert run_json(reg, "attachment", "limit", "--mb", "1")["limit_mb"] == 1
    video = tmp_path / "现场视频.mp4"
    video.write_bytes(bytes(1024 * 1024 + 1))
    refused = run(reg, "attach", "2026-1", str(video))
    assert refused.returncode == 1
    assert "现场视频.mp4" in refused.stderr and "超过附件大小上限 1 MB" in refused.stderr
    assert run(reg, "attach", "2026-1", str(tmp_path / "none.pdf")).returncode == 1
    bad_kind = run(reg, "attach", "2026-1", str(video), "--kind", "selfie")
    assert bad_kind.returncode == 1 and "类型" in bad_kind.stderr
    assert run_json(reg, "attachments", "2026-1") == []


def test_short_numbers_work_wherever_a_number_is_taken(reg: Path, tmp_path: Path) -> None:
    _imported(reg, tmp_path)
    assert run_json(reg, "show", "2026-2")["number"] == "（2026）湖头人调字第2号"
    assert run_json(reg, "show", "(2026)湖头人调字第2号")["number"] == "（2026）湖头人调字第2号"
    pdf = tmp_path / "notice.pdf"
    assert run_json(reg, "print", "notice", "2026-1", "--out", str(pdf))["pages"] >= 1
    export = tmp_path / "one.json"
    assert run_json(reg, "export", "--out", str(export), "2026-2")["exported"] == 1
    # "1" alone is this year's 第1号: run on a day of 2026 (and of 2027, where it is not).
    env_2026 = subprocess.run(
        [*_cli(reg), "--json", "show", "1"], capture_output=True, text=True,
        env={**_env(), "MEDIATION_DESK_NOW": "2026-12-05T10:00"}, stdin=subprocess.DEVNULL,
        timeout=120)
    assert env_2026.returncode == 0, env_2026.stderr
    assert json.loads(env_2026.stdout)["number"] == FIRST
    env_2027 = subprocess.run(
        [*_cli(reg), "show", "1"], capture_output=True, text=True,
        env={**_env(), "MEDIATION_DESK_NOW": "2027-01-05T10:00"}, stdin=subprocess.DEVNULL,
        timeout=120)
    assert env_2027.returncode == 1 and "找不到编号为“1”的案件" in env_2027.stderr


def _cli(reg: Path) -> list[str]:
    return [CLI, "--db", str(reg)]


def _env() -> dict[str, str]:
    return {**os.environ, "MEDIATION_DESK_PASSWORD": PASSWORD}
