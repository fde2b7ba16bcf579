"""``mediation-desk-cli patrol …`` as an administrator runs it (contract.md), by subprocess."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from icalendar import Calendar

from tests.cli.test_cli import db, run, run_json  # noqa: F401 (db is a fixture)

PLAN = {"format": "mediation-desk/patrol-plan@1", "title": "湖二村定期排查",
        "villages": ["湖二村"], "team": [{"name": "林春梅", "role": "lead"},
                                       {"name": "陈志强", "role": "member"}],
        "starts_on": "2026-10-01", "until": "2027-03-31", "time": "09:00",
        "duration_minutes": 180, "rule": "FREQ=DAILY;INTERVAL=10", "focus": ["山林土地", "农村建房"]}
VISIT = {"format": "mediation-desk/patrol-visit@1", "plan": "湖二村定期排查", "on": "2026-10-11",
         "village": "湖二村", "team": ["林春梅"], "places": "3组、5组", "households_visited": 12,
         "zero_report": False,
         "findings": [{"summary": "张三与李四因山林界址不清多次争吵", "parties": "张三与李四",
                       "dispute_type": "山林土地纠纷", "risk_level": "orange",
                       "people_involved": 2, "amount_involved": "0", "measure": "watch",
                       "responsible": "林春梅", "due_on": "2026-10-20",
                       "escalated_to": "湖头镇综治中心"}]}


def write(tmp_path: Path, name: str, doc: Any) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def test_plan_schedule_visit_case_ics_and_print(db: Path, tmp_path: Path) -> None:  # noqa: F811
    added = run_json(db, "patrol", "plan-add", str(write(tmp_path, "plan.json", PLAN)))
    assert added["id"] and added["rule_text"] == "每10天"

    rows = run_json(db, "patrol", "schedule", "--from", "2026-10-01", "--to", "2026-11-05")
    assert [(r["date"], r["time"]) for r in rows] == [
        ("2026-10-01", "09:00"), ("2026-10-11", "09:00"), ("2026-10-21", "09:00"),
        ("2026-10-31", "09:00")]
    assert rows[0]["plan"] == "湖二村定期排查" and rows[0]["villages"] == ["湖二村"]
    assert rows[0]["team"] == ["林春梅", "陈志强"]

    visit = run_json(db, "patrol", "visit-add", str(write(tmp_path, "visit.json", VISIT)))
    assert visit["id"] and len(visit["findings"]) == 1
    finding = visit["findings"][0]["id"]
    zero = dict(VISIT, on="2026-10-21", zero_report=True, findings=[])
    assert run_json(db, "patrol", "visit-add",
                    str(write(tmp_path, "zero.json", zero)))["findings"] == []

    made = run_json(db, "patrol", "to-case", finding)
    assert made["number"] == "（2026）湖头人调字第1号"
    case = run_json(db, "show", made["number"])
    assert case["source"] == "排查发现" and case["village"] == "湖二村"
    assert [p["name"] for p in case["parties"]] == ["张三", "李四"]
    again = run(db, "patrol", "to-case", finding)
    assert again.returncode == 1 and "已登记为案件" in again.stderr

    listed = run_json(db, "patrol", "findings", "--risk", "orange")
    assert [f["case_number"] for f in listed] == [made["number"]]
    counts = run_json(db, "patrol", "counts", "--month", "2026-10")
    assert (counts["patrols_held"], counts["findings"], counts["became_cases"],
            counts["zero_reports"], counts["escalated"]) == (2, 1, 1, 1, 1)

    ics = tmp_path / "s.ics"
    out = run_json(db, "patrol", "export-ics", "--from", "2026-10-01", "--to", "2026-10-31",
                   "--out", str(ics))
    events = list(Calendar.from_ical(ics.read_bytes()).walk("VEVENT"))
    assert out["events"] == len(events) == 4
    assert [e.decoded("dtstart").day for e in events] == [1, 11, 21, 31]
    assert all(str(e["summary"]) == "湖二村定期排查" for e in events)

    pdf = tmp_path / "t.pdf"
    printed = run(db, "patrol", "print", "--month", "2026-10", "--out", str(pdf))
    assert printed.returncode == 0, printed.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    tool = shutil.which("pdftotext")
    if tool:
        text = "".join(subprocess.run([tool, str(pdf), "-"], capture_output=True,
                                      text=True, check=True).stdout.split())
        for expected in ("2026年10月", "湖二村", "林春梅", "已排查", "零报告", "未排查"):
            assert expected in text, expected


def counts(db: Path) -> tuple[int, int]:  # noqa: F811
    plans = run_json(db, "patrol", "plans")
    findings = run_json(db, "patrol", "findings")
    return len(plans), len(findings)


def test_bad_input_is_refused_and_nothing_written(db: Path, tmp_path: Path) -> None:  # noqa: F811
    for changes, reason in (
        ({"rule": "FREQ=DAILY;INTERVAL=0"}, "INTERVAL 应为正整数"),
        ({"rule": "FREQ=HOURLY"}, "FREQ 应为"),
        ({"until": "2026-09-01"}, "结束日期 早于开始日期"),
        ({"starts_on": "2026/10/01"}, "日期格式应为 YYYY-MM-DD"),
    ):
        result = run(db, "patrol", "plan-add",
                     str(write(tmp_path, "bad.json", dict(PLAN, **changes))))
        assert result.returncode == 1, result.stderr
        assert reason in result.stderr and "未写入任何数据" in result.stderr
    assert counts(db) == (0, 0)

    run_json(db, "patrol", "plan-add", str(write(tmp_path, "plan.json", PLAN)))
    off_day = run(db, "patrol", "visit-add",
                  str(write(tmp_path, "v1.json", dict(VISIT, on="2026-10-12"))))
    assert off_day.returncode == 1 and "2026-10-12 没有安排排查" in off_day.stderr
    no_risk = dict(VISIT, findings=[dict(VISIT["findings"][0], risk_level="")])  # type: ignore[index]
    result = run(db, "patrol", "visit-add", str(write(tmp_path, "v2.json", no_risk)))
    assert result.returncode == 1 and "风险等级 不能为空" in result.stderr
    assert counts(db) == (1, 0)

    ad_hoc = dict(VISIT, on="2026-10-12", ad_hoc=True, village="湖二材")
    made = run(db, "--json", "patrol", "visit-add", str(write(tmp_path, "v3.json", ad_hoc)))
    assert made.returncode == 0, made.stderr
    assert "新增村（社区）：湖二材，请核对是否笔误" in made.stderr
    assert counts(db) == (1, 1)

    assert run(db, "patrol", "schedule", "--from", "2026-10-31",
               "--to", "2026-10-01").returncode == 1
    assert run(db, "patrol", "print", "--month", "2026-13", "--out",
               str(tmp_path / "x.pdf")).returncode == 1
    assert run(db, "patrol", "to-case", "no-such-id").returncode == 1
    assert run(db, "patrol", "schedule").returncode == 2  # usage
