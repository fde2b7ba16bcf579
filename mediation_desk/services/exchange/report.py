"""The import report: what arrived in which state, what the import assumed, what to check.

Why grouped: a room's first import is its whole old register, hundreds of rows; one line per
assumption ("协议达成日期取自“结案日期” — 212件：第3行、第4行…") is readable where a line
per row is not, and still names every row it concerns (the first few on screen, all of them
in the ``--json`` result).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from mediation_desk.domain.lifecycle import STATUS_LABELS, CaseStatus
from mediation_desk.services.cases.intake import Registered
from mediation_desk.services.exchange.outcomes import OUTCOME_LABELS

SHOWN_RECORDS = 8


def _record(reg: Registered) -> str:
    """"第5行" of "台账.xlsx 第5行" (the file is named once, at the top of the report)."""
    return reg.source.rsplit(" ", 1)[-1] if reg.source else reg.number


def grouped_inferences(cases: list[Registered]) -> list[dict[str, Any]]:
    """Each assumption once, with the records it was made for, in first-seen order."""
    groups: dict[str, list[str]] = {}
    for reg in cases:
        for what in reg.inferred:
            groups.setdefault(what, []).append(_record(reg))
    return [{"what": what, "records": records} for what, records in groups.items()]


def to_review(cases: list[Registered]) -> list[dict[str, Any]]:
    return [{"number": reg.number, "record": _record(reg), "reasons": reg.review}
            for reg in cases if reg.review]


def states_line(cases: list[Registered]) -> str:
    """"已导入 120 件：已结案 96 件（调解成功 80、调解不成功 10…），调解中 3 件…"."""
    statuses = Counter(reg.status for reg in cases)
    parts = []
    for status in CaseStatus:
        count = statuses.get(status.value, 0)
        if not count:
            continue
        part = f"{STATUS_LABELS[status]} {count} 件"
        if status in (CaseStatus.CLOSED, CaseStatus.ARCHIVED):
            outcomes = Counter(reg.outcome or "unknown" for reg in cases
                               if reg.status == status.value)
            part += "（" + "、".join(f"{OUTCOME_LABELS.get(o, o)} {n}"
                                    for o, n in outcomes.most_common()) + "）"
        parts.append(part)
    return f"已导入 {len(cases)} 件：" + "，".join(parts)


def report_lines(cases: list[Registered]) -> list[str]:
    """The report as lines for a terminal or a message box (Chinese, one fact a line)."""
    lines = [states_line(cases)]
    for group in grouped_inferences(cases):
        records = group["records"]
        shown = "、".join(records[:SHOWN_RECORDS]) + ("等" if len(records) > SHOWN_RECORDS else "")
        lines.append(f"{group['what']}：{len(records)} 件（{shown}）")
    review = to_review(cases)
    if review:
        lines.append(f"{len(review)} 件导入案件待核对（调解结果或日期不明，未计入超期案件）：")
        lines += [f"  {item['record']} {item['number']}：{'；'.join(item['reasons'])}"
                  for item in review]
    return lines
