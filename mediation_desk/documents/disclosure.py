"""月度公示: the month's mediation figures for the notice board outside the room.

Read standing, from a step away, by villagers of any age: so large type (figures at 24 pt,
labels at 18 pt), A4 portrait, one sheet, and nothing that names anyone — counts only, which
the service guarantees by giving this builder nothing else. A busy month with many dispute
types is set a step smaller rather than spill onto a second sheet. The committee's name and
the date close it as on any public notice, with where to ask or object.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from mediation_desk.documents import page_count
from mediation_desk.documents.layout import Kit
from mediation_desk.documents.report_data import DisclosureSheet, Figure
from mediation_desk.documents.text import cn_date

TITLE = "人民调解工作月度公示"
SCALES = (1.0, 0.88, 0.76)


def _styles(kit: Kit, scale: float) -> None:
    body = kit.styles["body"]
    for name, size, align in (("big_label", 18, TA_LEFT), ("big_value", 24, TA_RIGHT),
                              ("mid_label", 15, TA_LEFT), ("mid_value", 15, TA_RIGHT),
                              ("big_center", 16, TA_CENTER), ("big_plain", 15, TA_LEFT),
                              ("big_right", 16, TA_RIGHT)):
        kit.styles[name] = ParagraphStyle(name, parent=body, fontSize=size * scale,
                                          leading=size * scale * 1.35, alignment=align,
                                          firstLineIndent=0)


def _table(kit: Kit, figures: Sequence[Figure], columns: int, label: str, value: str,
           scale: float) -> Any:
    cells: list[Any] = []
    for f in figures:
        cells += [kit.para(f.label, label), kit.para(f.current, value)]
    per_row = 2 * columns
    cells += [""] * (-len(cells) % per_row)
    rows = [cells[i:i + per_row] for i in range(0, len(cells), per_row)]
    share = kit.width / columns
    split = 0.5 if columns == 1 else 0.6
    widths = [share * split, share * (1 - split)] * columns
    padding = (5 if label == "big_label" else 2) * scale
    return kit.ruled(rows, widths, [("TOPPADDING", (0, 0), (-1, -1), padding),
                                     ("BOTTOMPADDING", (0, 0), (-1, -1), padding + 2)])


def _story(kit: Kit, sheet: DisclosureSheet, scale: float) -> list[Any]:
    _styles(kit, scale)
    story: list[Any] = [*kit.title(TITLE),
                        kit.para(f"{sheet.room.committee_name}　{sheet.period_label}",
                                 "big_center"),
                        kit.space(5 * scale),
                        _table(kit, sheet.headline, 1, "big_label", "big_value", scale)]
    for heading, figures, columns in (("受理纠纷类型", sheet.by_type, 3),
                                      ("矛盾纠纷排查", sheet.patrols, 2)):
        if figures:
            story += [kit.space(5 * scale), kit.bold(heading, "big_plain"),
                      kit.space(1.5 * scale),
                      _table(kit, figures, columns, "mid_label", "mid_value", scale)]
    story += [kit.space(5 * scale),
              kit.para("以上为本月人民调解工作统计数字，不含当事人个人信息。人民调解不收取任何"
                       "费用。欢迎群众监督。" + sheet.contact, "big_plain"),
              kit.space(6 * scale), kit.para(sheet.room.committee_name, "big_right"),
              kit.para(cn_date(sheet.on), "big_right")]
    return story


def build(sheet: DisclosureSheet) -> bytes:
    title = f"{sheet.room.committee_name}{TITLE}（{sheet.period_label}）"
    pdf = b""
    for scale in SCALES:
        kit = Kit(sheet.room, TITLE, compact=scale < 1)
        pdf = kit.render(_story(kit, sheet, scale), title)
        if page_count(pdf) == 1:
            break
    return pdf
