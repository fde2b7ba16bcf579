"""The Excel register reader (台账 → case drafts), and `import FILE.xlsx` through the real CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from mediation_desk.domain.resident_id import make_resident_id
from mediation_desk.errors import Problem
from mediation_desk.services.cases.validation import validate_case
from mediation_desk.services.exchange.excel_register import read_excel_cases

TODAY = date(2026, 11, 28)
ZHANG_ZHE = make_resident_id("350524", date(1971, 3, 2), 11)  # male
ZHANG_LI = make_resident_id("350524", date(1975, 8, 19), 22)  # female
LI_MING = make_resident_id("350524", date(1968, 12, 1), 31)  # male
WANG_FANG = make_resident_id("350524", date(1980, 5, 6), 42)  # female
CHEN_WEI = make_resident_id("350524", date(1990, 1, 15), 53)  # male
BAD_ID = ZHANG_ZHE[:-1] + ("1" if ZHANG_ZHE[-1] != "1" else "2")

HEADER = ["序号", "案件编号", "受理日期", "案件来源", "纠纷类型", "村（社区）",
          "申请人", "申请人身份证号码", "申请人性别", "申请人联系电话", "申请人住址",
          "被申请人", "被申请人身份证号码", "被申请人联系电话", "被申请人住址",
          "纠纷简要情况", "申请事项", "风险等级", "涉及金额（元）", "涉及人数", "调解员",
          "调解结果", "协议内容", "协议日期", "协议金额", "履行期限"]


def _row(**values: Any) -> list[Any]:
    return [values.get(h, values.get(h.removesuffix("（元）"))) for h in HEADER]


def _workbook(path: Path, rows: list[list[Any]], title_rows: int = 1) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "2025年台账"
    for i in range(title_rows):
        ws.append(["湖头镇人民调解委员会矛盾纠纷排查调处台账" if i == 0 else "填报单位：问房调解室"])
    if title_rows:
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _register(tmp_path: Path) -> Path:
    """Three cases the way a room types them: dates as cells and as text, two applicants in
    one cell, one case mediated to a written agreement, a blank row and a totals row."""
    return _workbook(tmp_path / "台账.xlsx", [
        HEADER,
        _row(序号=1, 受理日期=date(2025, 3, 5), 案件来源="申请", 纠纷类型="邻里纠纷",
             **{"村（社区）": "湖二村"},
             申请人="张喆、张丽", 申请人身份证号码=f"{ZHANG_ZHE}、{ZHANG_LI}",
             申请人性别="男、女", 申请人联系电话="13905951234、13805955678",
             申请人住址="湖头镇湖二村后厝12号", 被申请人="李明", 被申请人身份证号码=LI_MING,
             被申请人联系电话="0595-23456789", 被申请人住址="湖头镇湖二村后厝14号",
             纠纷简要情况="李明家屋檐滴水至张家院内，双方多次争吵。",
             申请事项="1、李明改建屋檐排水；\n2、赔偿院墙修缮费用", 风险等级="黄",
             涉及金额=3000, 涉及人数=3, 调解员="林春梅、陈志强"),
        _row(序号=2, 受理日期="2025/4/7", 纠纷类型="山林土地", 申请人="陈伟",
             申请人身份证号码=CHEN_WEI, 被申请人="湖头镇美溪村股份经济合作社",
             风险等级="橙", 涉及金额="1.2万", 涉及人数="8人", 调解员="林春梅"),
        _row(),
        _row(序号=3, 案件编号="（2025）湖头人调字第9号", 受理日期="2025年6月18日",
             案件来源="派出所移送", 纠纷类型="损害赔偿纠纷", 申请人="王芳",
             申请人身份证号码=WANG_FANG, 被申请人="李明", 被申请人身份证号码=LI_MING,
             纠纷简要情况="李明驾驶电动车撞伤王芳。", 调解员="陈志强", 调解结果="调解成功",
             协议内容="1、李明于2025年7月1日前赔偿王芳医疗费5000元。\n2、王芳不再追究其他责任。",
             协议日期=date(2025, 6, 20), 协议金额=5000, 履行期限="2025-07-01"),
        _row(序号="合计", 涉及金额=15000),
    ])


def test_reads_a_realistic_register(tmp_path: Path) -> None:
    drafts, labels, problems = read_excel_cases(_register(tmp_path))
    assert problems == []
    assert labels == ["第3行", "第4行", "第6行"]
    first, second, third = drafts

    assert first.received_on == date(2025, 3, 5)
    assert (first.source, first.dispute_type, first.village) == ("当事人申请", "邻里纠纷", "湖二村")
    assert first.requests == ["李明改建屋檐排水", "赔偿院墙修缮费用"]
    assert (first.risk_level, first.amount_fen, first.people_involved) == ("yellow", 300000, 3)
    assert [(m.name, m.role) for m in first.mediators] == [("林春梅", "lead"), ("陈志强", "member")]
    assert [(p.side, p.name, p.id_number, p.gender, p.phone) for p in first.parties] == [
        ("applicant", "张喆", ZHANG_ZHE, "male", "13905951234"),
        ("applicant", "张丽", ZHANG_LI, "female", "13805955678"),
        ("respondent", "李明", LI_MING, "", "0595-23456789"),
    ]
    assert first.parties[1].address == "湖头镇湖二村后厝12号"  # one address for the household
    assert first.agreement is None

    assert second.received_on == date(2025, 4, 7)
    assert second.dispute_type == "山林土地纠纷"  # completed from the dictionary
    assert (second.risk_level, second.amount_fen, second.people_involved) == ("orange",
                                                                             1_200_000, 8)
    assert second.parties[1].kind == "organization"

    assert third.number == "（2025）湖头人调字第9号"
    assert third.received_on == date(2025, 6, 18)
    assert third.source == "公安机关委托移送"
    agreement = third.agreement
    assert agreement is not None
    assert (agreement.form, agreement.reached_on) == ("written", date(2025, 6, 20))
    assert [(t.text, t.obligor, t.amount_fen, t.due_on) for t in agreement.terms] == [
        ("李明于2025年7月1日前赔偿王芳医疗费5000元。", "李明", 500000, date(2025, 7, 1)),
        ("王芳不再追究其他责任。", "王芳", None, date(2025, 7, 1)),
    ]
    assert "调解结果" not in third.summary

    for draft, label in zip(drafts, labels, strict=True):
        assert validate_case(draft, TODAY, label) == []


def test_missing_required_column_is_named_and_no_row_is_read(tmp_path: Path) -> None:
    header = [h for h in HEADER if not h.startswith("被申请人")]
    path = _workbook(tmp_path / "缺列.xlsx", [header, ["1", None, "2025-03-05", None, "邻里纠纷"]])
    drafts, labels, problems = read_excel_cases(path)
    assert (drafts, labels) == ([], [])
    assert problems == [Problem("表头", "", "缺少“被申请人”列（或一个写明双方的“当事人”列）")]
    assert str(problems[0]) == "表头 缺少“被申请人”列（或一个写明双方的“当事人”列）"


def test_header_synonyms_two_row_header_and_amounts_in_wan(tmp_path: Path) -> None:
    path = tmp_path / "两行表头.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["登记日期", "纠纷类别", "申请人", None, None, "对方当事人", None, "标的额（万元）",
               "协议主要内容", "达成协议日期", "义务人"])
    ws.append([None, None, "姓名", "身份证号", "电话", "姓名", "手机", None, None, None, None])
    ws.append([date(2025, 9, 1), "合同", "张　喆", ZHANG_ZHE, 13905951234, "郭氏茶业有限公司",
               "138 0595 5678", 2.5, "张喆向郭氏茶业有限公司交付茶叶200斤", "2025-09-03", "张喆"])
    wb.save(path)
    (draft,), labels, problems = read_excel_cases(path)
    assert (labels, problems) == (["第3行"], [])
    assert (draft.received_on, draft.dispute_type, draft.amount_fen) == (
        date(2025, 9, 1), "合同纠纷", 2_500_000)
    assert [(p.side, p.name, p.kind, p.phone) for p in draft.parties] == [
        ("applicant", "张喆", "person", "13905951234"),
        ("respondent", "郭氏茶业有限公司", "organization", "138 0595 5678"),
    ]
    assert draft.agreement is not None
    assert [t.obligor for t in draft.agreement.terms] == ["张喆"]
    assert validate_case(draft, TODAY, labels[0]) == []


def test_row_problems_name_the_row_the_field_and_the_reason(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "有误.xlsx", [
        HEADER,
        _row(受理日期="2025-03-05", 纠纷类型="邻里纠纷", 申请人="张喆", 申请人身份证号码=BAD_ID,
             被申请人="李明", 被申请人联系电话="1390595123"),
        _row(受理日期="2025-13-01", 纠纷类型="邻里纠纷", 申请人="张喆、张丽",
             申请人身份证号码=ZHANG_ZHE, 被申请人="李明", 风险等级="紫", 涉及人数="三人"),
    ], title_rows=0)
    drafts, labels, problems = read_excel_cases(path)
    assert labels == ["第2行", "第3行"]
    assert [str(p) for p in problems] == [
        "第3行 受理日期 “2025-13-01”不是真实日期",
        "第3行 风险等级 应为 红 / 橙 / 黄 / 蓝 之一，实际为“紫”",
        "第3行 涉及人数 应为整数，实际为“三人”",
        "第3行 申请人身份证号码 应按相同顺序用“、”分隔填写2项（与人数或条款数相同），实际为1项",
    ]
    # Content rules are validation's, with the same row label (the importer runs both).
    assert [str(p) for p in validate_case(drafts[0], TODAY, labels[0])] == [
        "第2行 当事人[1] 身份证号码 校验位错误",
        "第2行 当事人[2] 联系电话 不是有效的手机号码或固定电话",
    ]


def test_id_number_stored_as_an_excel_number_is_refused(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "数字.xlsx", [
        HEADER, _row(受理日期="2025-03-05", 纠纷类型="邻里纠纷", 申请人="张喆",
                     申请人身份证号码=float(ZHANG_ZHE.replace("X", "0")), 被申请人="李明"),
    ], title_rows=0)
    _, _, problems = read_excel_cases(path)
    assert [(p.record, p.field) for p in problems] == [("第2行", "当事人[1] 身份证号码")]
    assert "文本" in problems[0].reason


@pytest.mark.parametrize("content", [b"this is a renamed text file\n", b"PK\x03\x04broken",
                                     b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1old excel"])
def test_a_file_that_is_not_a_workbook(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "台账.xlsx"
    path.write_bytes(content)
    drafts, _, problems = read_excel_cases(path)
    assert drafts == []
    assert len(problems) == 1
    assert problems[0].record == "台账.xlsx"
    assert "Excel文件" in problems[0].reason


def test_a_truncated_workbook(tmp_path: Path) -> None:
    good = _register(tmp_path)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    _, _, problems = read_excel_cases(broken)
    assert [str(p) for p in problems] == ["broken.xlsx 不是有效的Excel文件（.xlsx），或文件已损坏"]


# -- end to end, through the real command line ---------------------------------------------

def _cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MEDIATION_DESK_PASSWORD": "湖头调解-2026"}
    return subprocess.run([sys.executable, "-m", "mediation_desk.cli", "--db", str(db), *args],
                          capture_output=True, text=True, env=env, timeout=120, check=False)


def test_cli_imports_a_register_all_or_nothing(tmp_path: Path) -> None:
    db = tmp_path / "room" / "register.db"
    db.parent.mkdir()
    init = _cli(db, "--json", "init", "--room", "问房调解室", "--committee",
                "湖头镇人民调解委员会", "--number-prefix", "湖头", "--admin", "admin")
    assert init.returncode == 0, init.stderr

    bad = _workbook(tmp_path / "bad.xlsx", [
        HEADER,
        _row(受理日期="2025-03-05", 纠纷类型="邻里纠纷", 申请人="张喆", 申请人身份证号码=BAD_ID,
             被申请人="李明", 被申请人联系电话="1390595123"),
    ])
    refused = _cli(db, "--user", "admin", "--json", "import", str(bad))
    assert refused.returncode == 1, refused.stderr
    assert refused.stdout == ""
    assert "第3行 当事人[1] 身份证号码 校验位错误" in refused.stderr
    assert "第3行 当事人[2] 联系电话 不是有效的手机号码或固定电话" in refused.stderr
    listed = _cli(db, "--user", "admin", "--json", "cases")
    assert (listed.returncode, json.loads(listed.stdout)) == (0, [])

    done = _cli(db, "--user", "admin", "--json", "import", str(_register(tmp_path)))
    assert done.returncode == 0, done.stderr
    created = json.loads(done.stdout)["created"]
    assert [c["number"] for c in created] == [
        "（2025）湖头人调字第1号", "（2025）湖头人调字第2号", "（2025）湖头人调字第9号"]
    assert all(c["id"] for c in created)

    listed = _cli(db, "--user", "admin", "--json", "cases")
    rows = {r["number"]: r for r in json.loads(listed.stdout)}
    assert rows["（2025）湖头人调字第1号"]["parties"] == ["张喆", "张丽", "李明"]
    # An agreement of 2025 in a hand-kept register: the room finished with it long ago.
    assert rows["（2025）湖头人调字第9号"]["status"] == "closed"
    shown = json.loads(_cli(db, "--user", "admin", "--json", "show",
                            "（2025）湖头人调字第9号").stdout)
    assert shown["agreement"]["terms"][0]["amount"] == "5000.00"
