"""``import`` of an old register, ``review``, and ``export`` → ``import`` without loss, through
the installed ``mediation-desk-cli`` (exit codes and outputs as contract.md says)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.cli.test_cli import db, run, run_json, write_cases  # noqa: F401  (db: fixture)
from tests.services.exchange.registers import township_register

DIRECTOR = ("guo", "guo-pass-2026")


def _old_register(tmp_path: Path) -> Path:
    """The township register without its one recent row, so the outcome is the same on any
    day the suite runs (every other row is from 2024)."""
    return township_register(tmp_path, recent=False)[0]


def _director(db: Path) -> None:  # noqa: F811
    run_json(db, "users", "add", DIRECTOR[0], "--role", "director",
             env={"MEDIATION_DESK_NEW_PASSWORD": DIRECTOR[1]})


def test_an_old_register_arrives_as_it_ended(db: Path, tmp_path: Path) -> None:  # noqa: F811
    path = _old_register(tmp_path)
    done = run(db, "--json", "import", str(path))
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert [(c["status"], c["outcome"]) for c in out["created"]] == [
        ("closed", "success"), ("closed", "failure"), ("closed", "terminated"),
        ("closed", "terminated"), ("registered", None), ("registered", None),
        ("closed", "success")]
    assert out["to_review"] == 2
    assert {"what": "结案日期按协议达成日期记（台账没有结案日期）", "records": ["第10行"]} in \
        out["inferred"]
    assert "2 件导入案件待核对（调解结果或日期不明，未计入超期案件）：" in done.stderr
    assert "协议达成日期取自“结案日期”（台账没有协议日期）：1 件（第4行）" in done.stderr

    (tmp_path / "again").mkdir()
    plain = run(db, "import", str(_old_register(tmp_path / "again")))  # the same rows again
    assert plain.returncode == 0
    assert plain.stdout.startswith("已导入 7 件：已登记 2 件，已结案 5 件（")

    waiting = run_json(db, "review", "list")
    assert [w["reasons"][0][:6] for w in waiting] == ["调解结果为“", "调解结果为“",
                                                      "没有调解结果", "没有调解结果"]
    number = waiting[0]["number"]
    closed = run_json(db, "review", "done", number, "--ending", "failure", "--closed-on",
                      "2024-08-30", "--note", "翻阅纸质卷宗")
    assert closed == {"number": number, "status": "closed"}
    shown = run_json(db, "show", number)
    assert (shown["status"], shown["outcome"], shown["closed_on"]) == (
        "closed", "failure", "2024-08-30")
    bad = run(db, "review", "done", waiting[1]["number"], "--ending", "failure",
              "--closed-on", "2024-13-01")
    assert bad.returncode == 1 and "--closed-on 日期格式应为 YYYY-MM-DD" in bad.stderr
    again = run(db, "review", "done", number)
    assert again.returncode == 1 and "本案没有待核对的导入信息" in again.stderr
    assert len(run_json(db, "review", "list")) == 3


def test_a_mediator_confirms_but_cannot_close(db: Path, tmp_path: Path) -> None:  # noqa: F811
    run_json(db, "import", str(_old_register(tmp_path)))
    run_json(db, "users", "add", "lin", "--role", "mediator",
             env={"MEDIATION_DESK_NEW_PASSWORD": "lin-pass-2026"})
    number = run_json(db, "review", "list")[0]["number"]
    refused = run(db, "review", "done", number, "--ending", "success", "--closed-on",
                  "2024-08-01", user="lin", password="lin-pass-2026")
    assert refused.returncode == 3 and "只有调委会主任或管理员" in refused.stderr
    confirmed = run(db, "--json", "review", "done", number, "--note", "仍在调解",
                    user="lin", password="lin-pass-2026")
    assert confirmed.returncode == 0, confirmed.stderr
    assert json.loads(confirmed.stdout)["status"] == "registered"


def test_private_notes_go_out_only_for_the_director(db: Path, tmp_path: Path) -> None:  # noqa: F811
    case: dict[str, Any] = {
        "received_on": "2025-05-06", "dispute_type": "邻里纠纷",
        "parties": [{"side": "applicant", "name": "张喆"}, {"side": "respondent", "name": "李明"}],
        "records": [{"kind": "note", "at": "2025-05-07T08:30", "body": "李明私下愿意让步。"},
                    {"kind": "mediation", "at": "2025-05-08T09:00", "body": "第一次调解。"}],
    }
    run_json(db, "import", str(write_cases(tmp_path, [case])))
    _director(db)
    out = tmp_path / "admin.json"
    refused = run(db, "export", "--include-private", "--out", str(out))
    assert refused.returncode == 3 and "只有调委会主任" in refused.stderr and not out.exists()
    said = run(db, "--json", "export", "--out", str(out))
    assert said.returncode == 0
    assert json.loads(said.stdout)["private_records"] == {"included": 0, "omitted": 1}
    assert "未导出 1 条不公开的工作笔记或记录（调委会主任可加 --include-private 一并导出）" in \
        said.stderr
    (doc,) = json.loads(out.read_text(encoding="utf-8"))
    assert ([r["kind"] for r in doc["records"]], doc["omitted_private_records"]) == (
        ["mediation"], 1)
    full = tmp_path / "director.json"
    shown = run_json(db, "export", "--include-private", "--out", str(full),
                     user=DIRECTOR[0], password=DIRECTOR[1])
    assert shown["private_records"] == {"included": 1, "omitted": 0}


def test_export_import_round_trip_of_a_demo_register(db: Path, tmp_path: Path) -> None:  # noqa: F811
    assert run_json(db, "demo", "--cases", "12", "--seed", "3")["cases"] == 12
    _director(db)
    exported = tmp_path / "all.json"
    run_json(db, "export", "--include-private", "--out", str(exported),
             user=DIRECTOR[0], password=DIRECTOR[1])
    empty = tmp_path / "empty.db"
    run_json(empty, "init", "--room", "问房调解室", "--committee", "湖头镇人民调解委员会",
             "--number-prefix", "湖头", "--admin", "admin")
    _director(empty)
    created = run_json(empty, "import", str(exported))
    assert created["to_review"] == 0
    def listed(path: Path) -> list[dict[str, Any]]:
        return [{k: v for k, v in row.items() if k != "id"} for row in run_json(path, "cases")]

    assert listed(empty) == listed(db)
    again = tmp_path / "again.json"
    run_json(empty, "export", "--include-private", "--out", str(again),
             user=DIRECTOR[0], password=DIRECTOR[1])

    def same(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
        # ``from_finding`` is (out) only: the patrol finding stays in the first register, its
        # link travels as the text of the import step (docs/case-format.md).
        return [{**{k: v for k, v in d.items() if k not in ("id", "from_finding")},
                 "events": [e for e in d["events"] if e["step"] != "import"]} for d in docs]

    first = json.loads(exported.read_text(encoding="utf-8"))
    assert {d["status"] for d in first} >= {"closed", "archived", "following_up", "registered"}
    assert same(json.loads(again.read_text(encoding="utf-8"))) == same(first)
