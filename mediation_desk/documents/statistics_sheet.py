"""人民调解工作统计表: the period's figures printed in the county workbook's layout.

Landscape A4, because the form is wide: dispute types down, the sources of the cases received
and the forms of the agreements reached across, under two-level merged headers as county forms
draw them. Then the blocks a director reads — success rate, prevention, screening patrols
(and the 接访 loop once it is recorded) — each figure beside the same period a year earlier,
and the 填报人 / 审核人 / 填报日期 lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Table, TableStyle

from mediation_desk.documents.layout import Kit
from mediation_desk.documents.report_data import Figure, StatisticsSheet
from mediation_desk.documents.text import cn_date

TITLE = "人民调解工作统计表"
#: The second header row, under 受理纠纷 (4 columns) and 调解成功 (3 columns).
SUB_HEADER = ("合计", "主动调解", "依申请调解", "委托移送", "合计", "书面协议", "口头协议")
WIDTHS = (30, 12, 13, 14, 13, 12, 13, 13, 16, 24, 14)  # relative, 11 columns


def title(sheet: StatisticsSheet) -> str:
    return f"{sheet.room.committee_name}{TITLE}"


def plain_row(kit: Kit, cells: Sequence[Any], widths: Sequence[float]) -> Table:
    """Cells side by side without rules (a heading line, the signature lines)."""
    table = Table([list(cells)], colWidths=list(widths))
    table.setStyle(TableStyle([kit._table_font, ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def _type_table(kit: Kit, sheet: StatisticsSheet) -> Any:
    total = sum(WIDTHS)
    widths = [kit.width * w / total for w in WIDTHS]
    head: Any = "cell_small_center"

    def p(text: str, style: str = "cell_small_center") -> Any:
        return kit.para(text, style)

    row1 = [p("纠纷类型", head), p("受理纠纷（件）", head), "", "", "", p("调解成功（件）", head),
            "", "", p("调解不成功（件）", head), p("协议涉及金额（元）", head),
            p("涉及人数（人）", head)]
    row2 = ["", *(p(t, head) for t in SUB_HEADER), "", "", ""]
    body = [[p(row[0], "cell_small"), *(p(v) for v in row[1:])] for row in sheet.type_rows]
    total_row = [kit.bold(sheet.total_row[0], "cell_small_center"),
                 *(kit.bold(v, "cell_small_center") for v in sheet.total_row[1:])]
    spans = [("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (4, 0)), ("SPAN", (5, 0), (7, 0)),
             ("SPAN", (8, 0), (8, 1)), ("SPAN", (9, 0), (9, 1)), ("SPAN", (10, 0), (10, 1)),
             ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
    return kit.ruled([row1, row2, *body, total_row], widths, spans, repeat=2)


def _block(kit: Kit, heading: str, figures: Sequence[Figure], current: str,
           earlier: str) -> Any:
    """A block of figures two to a row: label | 本期 | 上年同期, twice across."""
    widths = [kit.width * w for w in (0.26, 0.12, 0.12, 0.26, 0.12, 0.12)]
    rows: list[list[Any]] = [[kit.bold(heading, "cell_small"), "", "", "", "", ""],
                             [kit.para("项目", "cell_small_center"),
                              kit.para(current, "cell_small_center"),
                              kit.para(earlier, "cell_small_center"),
                              kit.para("项目", "cell_small_center"),
                              kit.para(current, "cell_small_center"),
                              kit.para(earlier, "cell_small_center")]]
    for i in range(0, len(figures), 2):
        row: list[Any] = []
        for f in figures[i:i + 2]:
            row += [kit.para(f.label, "cell_small"), kit.para(f.current, "cell_small_center"),
                    kit.para(f.earlier, "cell_small_center")]
        rows.append(row + [""] * (6 - len(row)))
    return kit.ruled(rows, widths, [("SPAN", (0, 0), (5, 0)),
                                     ("TOPPADDING", (0, 0), (-1, -1), 1),
                                     ("BOTTOMPADDING", (0, 0), (-1, -1), 2)])


def build(sheet: StatisticsSheet) -> bytes:
    kit = Kit(sheet.room, TITLE, landscape_page=True)
    story: list[Any] = [*kit.title(title(sheet))]
    info = plain_row(kit, [kit.para(f"填报单位：{sheet.room.committee_name}", "plain"),
                           kit.para(f"统计期间：{sheet.period_label}", "right")],
                     [kit.width * 0.6, kit.width * 0.4])
    story += [info, kit.space(2), _type_table(kit, sheet), kit.space(4)]
    story.append(kit.para(f"以下各项“本期”为{sheet.period_label}，“上年同期”为"
                          f"{sheet.earlier_label}。", "small"))
    blocks = [_block(kit, heading, figures, "本期", "上年同期") for heading, figures in (
        ("调解情况", sheet.summary), ("矛盾纠纷预防", sheet.prevention),
        ("矛盾纠纷排查", sheet.patrols), ("来访接待", sheet.visitors)) if figures]
    for block in blocks[:-1]:
        story += [kit.keep([block]), kit.space(2)]
    blank = "\u3000" * 6
    ending: list[Any] = [blocks[-1], kit.space(2)] if blocks else []
    if sheet.note:
        ending.append(kit.para(sheet.note, "small"))
    ending += [kit.space(4), plain_row(kit, [
        kit.para(f"填报人：{sheet.filled_by or blank}", "plain"),
        kit.para(f"审核人：{sheet.reviewed_by or blank}", "plain"),
        kit.para(f"填报日期：{cn_date(sheet.filled_on)}", "plain")], [kit.width / 3] * 3)]
    story.append(kit.keep(ending))  # the signature lines never stand alone on a page
    return kit.render(story, title(sheet))
