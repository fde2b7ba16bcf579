"""Writes resources/reports/county_report_template.xlsx, the default county workbook.

Run it after changing the layout: ``.venv/bin/python scripts/report_template.py``. The
program never runs this; it reads the committed file (a room may replace it with its county's
form, naming cells as mediation_desk/services/statistics/workbook.py lists).
"""

from __future__ import annotations

import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.workbook.defined_name import DefinedName

OUT = Path(__file__).resolve().parent.parent / "resources" / "reports" / \
    "county_report_template.xlsx"
SHEET = "人民调解工作统计表"
TYPE_ROWS = 18  # the 15 default dispute types and three spare lines (hidden when unused)
FIRST_TYPE_ROW = 6

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
BODY = Font(name="宋体", size=11)
BOLD = Font(name="宋体", size=11, bold=True)
TITLE = Font(name="宋体", size=18, bold=True)


def build() -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    names: dict[str, list[str]] = {}

    def name(key: str, ref: str) -> None:
        names.setdefault(key, []).append(ref)

    def cell(ref: str, value: object = None, *, font: Font = BODY,
             align: Alignment = CENTER, box: bool = True) -> None:
        c = ws[ref]
        if value is not None:
            c.value = value
        c.font, c.alignment = font, align
        if box:
            c.border = BOX

    def merge(ref: str, value: object = None, *, font: Font = BODY,
              align: Alignment = CENTER, box: bool = True) -> None:
        ws.merge_cells(ref)
        first = ref.split(":")[0]
        cell(first, value, font=font, align=align, box=box)
        if box:
            for row in ws[ref]:
                for c in row:
                    c.border = BOX

    widths = {"A": 18, "B": 9, "C": 9, "D": 10, "E": 9, "F": 9, "G": 9, "H": 9, "I": 12,
              "J": 17, "K": 12}
    for col, width in widths.items():
        ws.column_dimensions[col].width = width

    merge("A1:K1", "人民调解委员会人民调解工作统计表", font=TITLE, box=False)
    name("report_title", "$A$1")
    ws.row_dimensions[1].height = 32
    cell("A2", "填报单位：", align=LEFT, box=False)
    merge("B2:F2", align=LEFT, box=False)
    name("committee_name", "$B$2")
    cell("G2", "统计期间：", align=LEFT, box=False)
    merge("H2:K2", align=LEFT, box=False)
    name("period_label", "$H$2")

    merge("A4:A5", "纠纷类型", font=BOLD)
    merge("B4:E4", "受理纠纷（件）", font=BOLD)
    merge("F4:H4", "调解成功（件）", font=BOLD)
    merge("I4:I5", "调解不成功（件）", font=BOLD)
    merge("J4:J5", "协议涉及金额（元）", font=BOLD)
    merge("K4:K5", "涉及人数（人）", font=BOLD)
    for col, text in zip("BCDEFGH", ("合计", "主动调解", "依申请调解", "委托移送", "合计",
                                     "书面协议", "口头协议"), strict=True):
        cell(f"{col}5", text, font=BOLD)
    ws.row_dimensions[4].height = 22
    ws.row_dimensions[5].height = 30

    last = FIRST_TYPE_ROW + TYPE_ROWS - 1
    columns = ("type_label", "type_received", "type_received_active", "type_received_applied",
               "type_received_referred", "type_succeeded", "type_succeeded_written",
               "type_succeeded_oral", "type_unsuccessful", "type_amount", "type_people")
    for col, key in zip("ABCDEFGHIJK", columns, strict=True):
        name(key, f"${col}${FIRST_TYPE_ROW}:${col}${last}")
        for row in range(FIRST_TYPE_ROW, last + 1):
            cell(f"{col}{row}", align=LEFT if col == "A" else CENTER)
            if col == "J":
                ws[f"{col}{row}"].number_format = "#,##0.00"
    total = last + 1
    cell(f"A{total}", "合计", font=BOLD)
    for col, key in zip("BCDEFGHIJK", ("received", "received_active", "received_applied",
                                       "received_referred", "succeeded", "succeeded_written",
                                       "succeeded_oral", "unsuccessful", "agreement_amount",
                                       "people_involved"), strict=True):
        cell(f"{col}{total}", font=BOLD)
        name(key, f"${col}${total}")
    ws[f"J{total}"].number_format = "#,##0.00"

    r = total + 1
    cell(f"A{r}", "调解成功率", font=BOLD)
    cell(f"B{r}")
    ws[f"B{r}"].number_format = "0.0%"
    name("success_rate", f"$B${r}")
    merge(f"C{r}:D{r}", "群体性纠纷（件）", font=BOLD)
    cell(f"E{r}")
    name("group_disputes", f"$E${r}")
    merge(f"F{r}:G{r}", "司法确认（件）", font=BOLD)
    cell(f"H{r}")
    name("judicial_confirmations", f"$H${r}")
    merge(f"I{r}:J{r}", "上年同期受理（件）", font=BOLD)
    cell(f"K{r}")
    name("ly_received", f"$K${r}")

    r += 2
    merge(f"A{r}:K{r}", "矛盾纠纷预防", font=BOLD)
    prevention = (
        (("防止民间纠纷转化为刑事案件（件/人）", "prevented_criminal",
          "prevented_criminal_people"),
         ("防止群体性上访（件/人）", "prevented_group_petition",
          "prevented_group_petition_people")),
        (("防止群体性械斗（件/人）", "prevented_group_fight", "prevented_group_fight_people"),
         ("防止民间纠纷引起自杀（件）", "prevented_suicide", "")),
        (("排查纠纷（次）", "patrol_visits", ""),
         ("预防纠纷（件）", "patrol_findings_resolved", "")),
    )
    for left, right in prevention:
        r += 1
        for (label, first, second), (lc, v1, v2) in zip((left, right),
                                                         (("A", "D", "E"), ("F", "I", "J")),
                                                         strict=True):
            end = chr(ord(lc) + 2)
            merge(f"{lc}{r}:{end}{r}", label, font=BOLD)
            cell(f"{v1}{r}")
            name(first, f"${v1}${r}")
            cell(f"{v2}{r}")
            if second:
                name(second, f"${v2}${r}")
        cell(f"K{r}")
        ws.row_dimensions[r].height = 30

    r += 2
    merge(f"A{r}:K{r}", "矛盾纠纷排查", font=BOLD)
    r += 1
    heads = (("排查次数", "patrol_visits"), ("零报告", "patrol_zero_reports"),
             ("走访户数", "patrol_households"), ("排查村居", "patrol_villages"),
             ("发现纠纷", "patrol_findings"), ("红色", "patrol_findings_red"),
             ("橙色", "patrol_findings_orange"), ("黄色", "patrol_findings_yellow"),
             ("蓝色", "patrol_findings_blue"), ("已化解", "patrol_findings_resolved"),
             ("转为案件", "patrol_findings_to_case"))
    for col, (label, key) in zip("ABCDEFGHIJK", heads, strict=True):
        cell(f"{col}{r}", label, font=BOLD)
        cell(f"{col}{r + 1}")
        name(key, f"${col}${r + 1}")

    r += 3
    cell(f"A{r}", "填报人：", align=LEFT, box=False)
    merge(f"B{r}:C{r}", align=LEFT, box=False)
    name("filled_by", f"$B${r}")
    cell(f"E{r}", "审核人：", align=LEFT, box=False)
    merge(f"F{r}:G{r}", align=LEFT, box=False)
    name("reviewed_by", f"$F${r}")
    cell(f"I{r}", "填报日期：", align=LEFT, box=False)
    merge(f"J{r}:K{r}", align=LEFT, box=False)
    name("filled_on", f"$J${r}")
    r += 1
    merge(f"A{r}:K{r}", "说明：受理数按受理日期统计；调解成功按协议达成日期统计；调解不成功含终止调解，"
                        "按结案或终止日期统计；协议涉及金额为期内达成协议各条款金额之和。",
          font=Font(name="宋体", size=9), align=LEFT, box=False)
    ws.row_dimensions[r].height = 28

    for key, refs in names.items():
        wb.defined_names[key] = DefinedName(
            key, attr_text=",".join(f"'{SHEET}'!{ref}" for ref in refs))
    ws.print_area = f"A1:K{r}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    return wb


def main() -> int:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    build().save(OUT)
    print(OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
