"""``report monthly / brief / disclosure`` through the installed ``mediation-desk-cli``, on
cases and patrols whose figures are known from the input itself (contract.md v2)."""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path
from typing import Any

from docx import Document
from openpyxl import load_workbook

from tests.cli.test_cli import db, run, run_json  # noqa: F401 (db is a fixture)


def _person(side: str, name: str) -> dict[str, Any]:
    return {"side": side, "kind": "person", "name": name}


CASES: list[dict[str, Any]] = [
    {"received_on": "2025-11-02", "source": "当事人申请", "dispute_type": "邻里纠纷",
     "village": "湖二村", "summary": "张喆与李明因屋檐滴水发生纠纷，张喆住湖二村3组45号。",
     "people_involved": 2,
     "parties": [{**_person("applicant", "张喆"), "phone": "13912345678",
                  "address": "安溪县湖头镇湖二村3组45号"}, _person("respondent", "李明")],
     "mediators": [{"name": "林春梅", "role": "lead"}],
     "records": [{"kind": "mediation", "at": "2025-11-04T09:30", "place": "问房调解室",
                  "participants": ["张喆", "李明"], "author": "林春梅",
                  "body": "张喆陈述：李明家屋檐滴水落入院内。李明同意改建排水。"}],
     "agreement": {"form": "written", "reached_on": "2025-11-05", "facts": "滴水",
                   "terms": [{"text": "李明赔偿张喆5000元", "obligor": "李明", "obligee": "张喆",
                              "amount": "5000"},
                             {"text": "李明承担修复费1200.50元", "obligor": "李明",
                              "amount": "1200.50"}]}},
    {"received_on": "2025-11-10", "source": "法院委托移送", "dispute_type": "物业纠纷",
     "village": "湖头社区", "people_involved": 6,
     "parties": [_person("applicant", "王堃"), _person("respondent", "陈志明")],
     "agreement": {"form": "oral", "reached_on": "2025-12-01",
                   "terms": [{"text": "陈志明退还王堃300元", "obligor": "陈志明",
                              "amount": "300"}]}},
    {"received_on": "2025-10-28", "source": "调委会主动调解", "dispute_type": "合同纠纷",
     "village": "美溪村", "people_involved": 3,
     "parties": [_person("applicant", "郭秀琴"), _person("respondent", "谢锦荣")],
     "agreement": {"form": "written", "reached_on": "2025-11-20",
                   "terms": [{"text": "谢锦荣支付郭秀琴800元", "obligor": "谢锦荣",
                              "amount": "800"}]}},
    {"received_on": "2025-11-15", "dispute_type": "婚姻家庭纠纷", "village": "湖一村",
     "people_involved": 4,
     "parties": [_person("applicant", "苏美玲"), _person("respondent", "苏文彬")]},
]
VISITS: list[dict[str, Any]] = [
    {"on": "2025-11-03", "village": "湖二村", "zero_report": True},
    {"on": "2025-11-12", "village": "美溪村", "findings": [
        {"summary": "宅基地界址争议", "risk_level": "red"},
        {"summary": "邻里通行纠纷", "risk_level": "yellow"}]},
    {"on": "2025-12-02", "village": "湖一村", "findings": [
        {"summary": "赡养费纠纷", "risk_level": "orange"}]},
]


def _load(db: Path, tmp_path: Path) -> None:  # noqa: F811
    cases = tmp_path / "cases.json"
    cases.write_text(json.dumps(CASES, ensure_ascii=False), encoding="utf-8")
    run_json(db, "import", str(cases))
    for i, visit in enumerate(VISITS):
        doc = {"format": "mediation-desk/patrol-visit@1", "team": ["林春梅"], "ad_hoc": True,
               "households_visited": 10, **visit}
        doc.setdefault("zero_report", False)
        doc["findings"] = [{"dispute_type": "邻里纠纷", **f} for f in doc.get("findings", [])]
        path = tmp_path / f"visit{i}.json"
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        run_json(db, "patrol", "visit-add", str(path))


def test_report_monthly_json_quarter_year_and_files(db: Path, tmp_path: Path) -> None:  # noqa: F811
    _load(db, tmp_path)
    xlsx, pdf = tmp_path / "nov.xlsx", tmp_path / "nov.pdf"
    nov = run_json(db, "report", "monthly", "--month", "2025-11", "--xlsx", str(xlsx),
                   "--pdf", str(pdf))
    assert {k: nov[k] for k in (
        "from", "to", "received", "received_by_type", "received_by_source", "succeeded",
        "succeeded_written", "succeeded_oral", "failed", "terminated", "success_rate",
        "agreement_amount", "people_involved")} == {
        "from": "2025-11-01", "to": "2025-11-30", "received": 3,
        "received_by_type": {"婚姻家庭纠纷": 1, "邻里纠纷": 1, "物业纠纷": 1},
        "received_by_source": {"当事人申请": 2, "法院委托移送": 1},
        "succeeded": 2, "succeeded_written": 2, "succeeded_oral": 0, "failed": 0,
        "terminated": 0, "success_rate": 1.0, "agreement_amount": "7000.50",
        "people_involved": 12}
    assert list(nov["received_by_type"]) == ["婚姻家庭纠纷", "邻里纠纷", "物业纠纷"]
    assert nov["prevented"] == {"criminal": 0, "criminal_people": 0, "suicide": 0,
                                "group_fight": 0, "group_fight_people": 0,
                                "group_petition": 0, "group_petition_people": 0}
    assert {k: nov["patrols"][k] for k in ("visits", "zero_reports", "findings",
                                           "findings_resolved", "findings_to_case")} == {
        "visits": 2, "zero_reports": 1, "findings": 2, "findings_resolved": 0,
        "findings_to_case": 0}
    assert nov["group_disputes"] == 1 and nov["year_earlier"]["received"] == 0

    quarter = run_json(db, "report", "monthly", "--quarter", "2025-Q4")
    assert (quarter["from"], quarter["to"]) == ("2025-10-01", "2025-12-31")
    assert (quarter["received"], quarter["succeeded"], quarter["succeeded_oral"],
            quarter["agreement_amount"], quarter["people_involved"]) == (4, 3, 1, "7300.50", 15)
    assert quarter["patrols"]["findings"] == 3 and quarter["patrols"]["visits"] == 3
    year = run_json(db, "report", "monthly", "--year", "2025")
    assert (year["from"], year["to"], year["received"]) == ("2025-01-01", "2025-12-31", 4)
    empty = run_json(db, "report", "monthly", "--month", "2025-06")
    assert empty["received"] == 0 and empty["success_rate"] is None

    named = {}
    wb = load_workbook(xlsx, data_only=True)
    for name in ("received", "succeeded", "agreement_amount", "period_label"):
        title, ref = next(iter(wb.defined_names[name].destinations))
        named[name] = wb[title][ref.replace("$", "")].value
    assert named == {"received": 3, "succeeded": 2, "agreement_amount": 7000.5,
                     "period_label": "2025年11月"}
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "人民调解工作统计表" in text and "7,000.50" in text
    plain = run(db, "report", "monthly", "--month", "2025-11")
    assert plain.returncode == 0 and "受理 3 件" in plain.stdout


def test_report_brief_and_disclosure(db: Path, tmp_path: Path) -> None:  # noqa: F811
    _load(db, tmp_path)
    number = run_json(db, "cases", "--type", "邻里纠纷")[0]["number"]
    out = tmp_path / "brief.docx"
    result = run_json(db, "report", "brief", number, "--out", str(out))
    assert result["reviewed"] is False and out.exists()
    body = "\n".join(p.text for p in Document(io.BytesIO(out.read_bytes())).paragraphs)
    assert "基本案情" in body and "释法说理" in body and "张某" in body
    for secret in ("张喆", "李明", "13912345678", "3组45号", number):
        assert secret not in body
    short = number.split("第")[1].rstrip("号")
    pdf = tmp_path / "brief.pdf"
    assert run(db, "report", "brief", f"2025-{short}", "--out", str(pdf)).returncode == 0
    assert pdf.read_bytes().startswith(b"%PDF")

    sheet = tmp_path / "notice.pdf"
    made = run_json(db, "report", "disclosure", "--month", "2025-11", "--out", str(sheet))
    assert made["pages"] == 1
    text = subprocess.run(["pdftotext", str(sheet), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "人民调解工作月度公示" in text and "2025年11月" in text
    assert "张喆" not in text and "王堃" not in text


def test_report_refusals_and_usage(db: Path, tmp_path: Path) -> None:  # noqa: F811
    _load(db, tmp_path)
    bad = run(db, "report", "monthly", "--month", "2025-13")
    assert bad.returncode == 1 and "--month 格式应为 YYYY-MM" in bad.stderr
    assert run(db, "report", "monthly", "--quarter", "2025-Q5").returncode == 1
    assert run(db, "report", "monthly").returncode == 2
    assert run(db, "report", "monthly", "--month", "2025-11", "--year", "2025").returncode == 2
    assert run(db, "report", "brief", "999", "--out", str(tmp_path / "x.pdf")).returncode == 1
    assert run(db, "report", "brief", "1", "--out", str(tmp_path / "x.txt")).returncode == 2
    open_case = run_json(db, "cases", "--type", "婚姻家庭纠纷")[0]["number"]
    refused = run(db, "report", "brief", open_case, "--out", str(tmp_path / "y.pdf"))
    assert refused.returncode == 1 and "调解尚未结束" in refused.stderr
    assert not (tmp_path / "y.pdf").exists()
    listed = run_json(db, "report", "cases", "succeeded", "--month", "2025-11")
    assert sorted(c["dispute_type"] for c in listed) == ["合同纠纷", "邻里纠纷"]
