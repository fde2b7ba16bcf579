"""以案释法: one anonymised case told for the public — 基本案情, 调解过程 (with its result),
法律依据 (the articles quoted in full) and 释法说理 — on A4 like the room's other papers,
closed by the committee's name and the date.
"""

from __future__ import annotations

from typing import Any

from mediation_desk.documents.layout import Kit
from mediation_desk.documents.report_data import BriefSheet
from mediation_desk.documents.text import cn_date

NUMERALS = "一二三四五六七八九十"
HEADER = "以案释法"


def title(sheet: BriefSheet) -> str:
    return sheet.title or f"{sheet.dispute_type}以案释法"


def build(sheet: BriefSheet) -> bytes:
    kit = Kit(sheet.room, HEADER)
    story: list[Any] = [*kit.title(title(sheet))]
    story.append(kit.para(f"【{HEADER}·{sheet.dispute_type}】", "center"))
    story.append(kit.space(3))
    for i, (heading, text) in enumerate(sheet.sections):
        story.append(kit.heading(f"{NUMERALS[i]}、{heading}"))
        story += kit.paras(text) or [kit.para("（无）")]
        story.append(kit.space(2))
    story += [kit.space(6), kit.para(sheet.room.committee_name, "right"),
              kit.para(cn_date(sheet.on), "right")]
    return kit.render(story, title(sheet))
