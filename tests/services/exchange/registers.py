"""Old Excel registers (台账) laid out the ways rooms keep them, built with openpyxl.

Each builder writes a real .xlsx and returns its path with what each data row should become:
``(row label, status, outcome, closed_on, to_review)``. None follows the layout the docs
describe: title rows and merged cells above the header, a two-row header, one "当事人"
column, dates as Excel dates and as text (2024.3.12, 2024年4月2日, 2024/5/6), blank rows at
the end and a totals row.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

#: The day these registers are imported on (tests pin the clock to it).
TODAY = date(2026, 12, 5)


class Expected(NamedTuple):
    record: str
    status: str
    outcome: str
    closed_on: date | None
    to_review: bool


def _sheet(title: str) -> tuple[Workbook, Worksheet]:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = title
    return wb, ws


def township_register(folder: Path, *, recent: bool = True) -> tuple[Path, list[Expected]]:
    """A year's 台账: two merged title rows, 序号/受理日期/申请人/被申请人/纠纷类型/纠纷简要情况/
    调解结果/结案日期/调解员/协议金额/备注, dates as cells and as text, blank rows, a 合计 row.
    ``recent=False`` leaves out its one row of late 2026 (live work on :data:`TODAY`), for
    tests that run on the real date: every other row is from 2024."""
    wb, ws = _sheet("2024年")
    header = ["序号", "受理日期", "申请人", "被申请人", "纠纷类型", "纠纷简要情况", "调解结果",
              "结案日期", "调解员", "协议金额（元）", "备注"]
    ws.append(["湖头镇人民调解委员会矛盾纠纷调解台账（2024年）"])
    ws.append(["填报单位：问房调解室", None, None, None, None, None, "填报日期：2025年1月5日"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=6)
    ws.append(header)
    rows: list[list[Any]] = [
        [1, datetime(2024, 3, 5), "张喆", "李明", "邻里纠纷", "屋檐滴水", "调解成功",
         datetime(2024, 3, 20), "林春梅", 5000, "已履行完毕"],
        [2, "2024.3.12", "王芳", "陈伟", "损害赔偿", "电动车碰撞", "调解不成功",
         "2024年4月2日", "陈志强", None, "已告知诉讼途径"],
        [3, "2024/5/6", "郭永福", "郭永贵", "婚姻家庭纠纷", "兄弟赡养分歧", "终止",
         "2024/5/30", "林春梅", None, None],
        [4, date(2024, 6, 3), "李秀英", "湖头镇美溪村股份经济合作社", "山林土地纠纷",
         "林地界址", "申请人撤回申请", date(2024, 6, 10), "林春梅", None, None],
        [5, "2024年7月8日", "陈水生", "黄德胜", "合同纠纷", "货款未付", "处理中", None,
         "陈志强", None, None],
        [6, date(2024, 8, 1), "刘美华", "张建国", "邻里纠纷", "排水沟堵塞", None, None, None,
         None, None],
        [7, date(2024, 9, 9), "吴丽娟", "周海峰", "消费纠纷", "退货", "达成协议", None,
         "林春梅", 800, None],
        [8, "2026.11.28", "苏明辉", "许文彬", "劳动争议", "工资拖欠", "处理中", None,
         "陈志强", None, None],
    ]
    for row in rows if recent else rows[:-1]:
        ws.append(row)
    ws.append([])
    ws.append([None, None, None])
    ws.append(["合计", "共8件", None, None, None, None, None, None, None, 5800, None])
    path = folder / "2024年台账.xlsx"
    wb.save(path)
    return path, [
        Expected("第4行", "closed", "success", date(2024, 3, 20), False),
        Expected("第5行", "closed", "failure", date(2024, 4, 2), False),
        Expected("第6行", "closed", "terminated", date(2024, 5, 30), False),
        Expected("第7行", "closed", "terminated", date(2024, 6, 10), False),
        Expected("第8行", "registered", "", None, True),
        Expected("第9行", "registered", "", None, True),
        Expected("第10行", "closed", "success", date(2024, 9, 9), False),
        *([Expected("第11行", "registered", "", None, False)] if recent else []),
    ]


def two_row_header_register(folder: Path) -> tuple[Path, list[Expected]]:
    """A two-row header: "当事人" over 申请人/被申请人, "调解情况" over 调解日期/调解结果/
    协议内容/结案日期; 登记日期 for the date received, 纠纷类别, 承办人."""
    wb, ws = _sheet("台账")
    ws.append(["序号", "登记日期", "当事人", None, "纠纷类别", "调解情况", None, None, None,
               "承办人"])
    ws.append([None, None, "申请人", "被申请人", None, "调解日期", "调解结果", "协议内容",
               "结案日期", None])
    ws.merge_cells("C1:D1")
    ws.merge_cells("F1:I1")
    for cell in ("A1:A2", "B1:B2", "E1:E2", "J1:J2"):
        ws.merge_cells(cell)
    ws.append([1, "2023年11月2日", "张丽", "李明", "邻里", date(2023, 11, 6), "成功",
               "1、李明于2023年12月1日前拆除违建围墙；2、张丽不再追究。", None, "林春梅"])
    ws.append([2, "2023-11-15", "王堃", "陈伟", "合同纠纷", "2023.11.20", "调解未果", None,
               None, "陈志强"])
    ws.append([3, "2023/12/1", "黄建华", "吴秀兰", "房屋宅基地纠纷", None, "部分达成", None,
               None, "林春梅"])
    path = folder / "两行表头.xlsx"
    wb.save(path)
    return path, [
        Expected("第3行", "closed", "success", date(2023, 11, 6), False),
        Expected("第4行", "closed", "failure", date(2023, 11, 20), False),
        Expected("第5行", "registered", "", None, True),
    ]


def one_party_column_register(folder: Path) -> tuple[Path, list[Expected]]:
    """One "当事人" cell for both sides ("张三与李四", "王五、赵六"), 受理时间, 案件类别,
    处理结果, 办结日期, 经办人; no title rows."""
    wb, ws = _sheet("Sheet1")
    ws.append(["序号", "受理时间", "当事人", "案件类别", "纠纷简要情况", "处理结果", "办结日期",
               "经办人"])
    ws.append([1, datetime(2025, 2, 10, 9, 30), "郑国华与郑国强", "婚姻家庭纠纷", "分家",
               "拒绝调解", "2025-02-11", "林春梅"])
    ws.append([2, "2025.3.3", "蔡明亮、蔡明清、蔡明华", "房屋宅基地纠纷", "祖屋修缮",
               None, "2025年3月28日", "陈志强"])
    path = folder / "当事人一栏.xlsx"
    wb.save(path)
    return path, [
        Expected("第2行", "closed", "refused", date(2025, 2, 11), False),
        Expected("第3行", "closed", "", date(2025, 3, 28), True),
    ]
