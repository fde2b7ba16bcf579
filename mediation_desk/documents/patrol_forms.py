"""Patrol paper: the month's timetable for the wall, and one visit's record (矛盾纠纷排查记录表).

The timetable is what a village cadre reads from across the room, so it is a grid — villages
down, patrol dates across — each cell giving the time and the team with the responsible person
marked, and the state of a past patrol (已排查 / 零报告 / 未排查 / 已取消 / 改期). Landscape A4.

The visit record states a zero report in words (零报告：本次排查未发现矛盾纠纷), because "nothing
happened" is itself the record; otherwise it lists each finding with its risk level, measure,
responsible person, deadline and escalation target.
"""

from __future__ import annotations

from datetime import date

from mediation_desk.documents.data import PatrolMonth, PatrolSlot, PatrolVisitSheet
from mediation_desk.documents.layout import Kit
from mediation_desk.documents.text import BLANK_DATE, cn_date, yuan_figures
from mediation_desk.errors import Problem, ValidationError

WEEKDAYS = "一二三四五六日"
LEAD_MARK = "★"
DATES_PER_TABLE = 8  # more date columns than this would squeeze the team names unreadably
RECORD_TITLE = "矛盾纠纷排查记录表"


def timetable_title(month: PatrolMonth) -> str:
    return f"{month.room.committee_name}  {month.year}年{month.month}月矛盾纠纷排查工作安排表"


def _team(slot: PatrolSlot) -> str:
    return "、".join(f"{name}{LEAD_MARK}" if name == slot.lead else name for name in slot.team)


def _cell(slots: list[PatrolSlot]) -> str:
    parts = []
    for s in sorted(slots, key=lambda s: s.time):
        text = f"{s.time}\n{_team(s)}"
        if s.mark:
            text += f"\n【{s.mark}】"
        parts.append(text)
    return "\n".join(parts)


def timetable(month: PatrolMonth) -> bytes:
    """Villages × dates; one table per eight dates, repeated village column."""
    kit = Kit(month.room, "矛盾纠纷排查工作安排表", landscape_page=True)
    story = [*kit.title(timetable_title(month).replace("  ", "\u3000"))]
    villages: list[str] = []
    for slot in month.slots:
        villages += [v for v in slot.villages if v not in villages]
    dates = sorted({slot.on for slot in month.slots})
    if not dates:
        story.append(kit.para("本月没有排查安排。", "plain"))
    for start in range(0, len(dates), DATES_PER_TABLE):
        chunk = dates[start:start + DATES_PER_TABLE]
        header = ["村（社区）", *(f"{d.month}月{d.day}日\n星期{WEEKDAYS[d.weekday()]}"
                                for d in chunk)]
        rows = []
        for village in villages:
            row = [village]
            for d in chunk:
                row.append(_cell([s for s in month.slots if s.on == d and village in s.villages]))
            rows.append(row)
        story += [kit.grid(header, rows, [1.3] + [1.0] * len(chunk),
                           center=range(len(chunk) + 1)), kit.space(4)]
    plans = sorted({(s.plan_title, s.time) for s in month.slots})
    if plans:
        story.append(kit.para("排查计划：" + "；".join(f"{t}（{tm}起）" for t, tm in plans),
                              "small"))
    story.append(kit.para(f"说明：{LEAD_MARK}为负责人。标记：已排查、零报告（排查未发现纠纷）、"
                          "未排查、已取消、改期；无标记为尚待排查。", "small"))
    return kit.render(story, timetable_title(month))


def visit_problems(sheet: PatrolVisitSheet) -> list[Problem]:
    """A visit must either report findings or be a zero report — never both, never neither."""
    if sheet.zero_report and sheet.findings:
        return [Problem(RECORD_TITLE, "排查结果", "已标记零报告，却登记了发现的纠纷")]
    if not sheet.zero_report and not sheet.findings:
        return [Problem(RECORD_TITLE, "排查结果", "未登记发现的纠纷，也未标记零报告")]
    return []


def _short_date(d: date | None, visit: date) -> str:
    """A deadline in the narrow column: the year only when it differs from the visit's."""
    if d is None:
        return ""
    return f"{d.month}月{d.day}日" if d.year == visit.year else cn_date(d)


def _money(fen: int | None) -> str:
    return f"{yuan_figures(fen)}元" if fen else ""


def visit_record(sheet: PatrolVisitSheet) -> bytes:
    found = visit_problems(sheet)
    if found:
        raise ValidationError(found)
    kit = Kit(sheet.room, RECORD_TITLE)
    team = "、".join(f"{n}{LEAD_MARK}" if n == sheet.lead else n for n in sheet.team)
    result = ("零报告（本次排查未发现矛盾纠纷）" if sheet.zero_report
              else f"发现矛盾纠纷{len(sheet.findings)}件")
    rows: list[list[tuple[str, str] | tuple[str, str, float]]] = [
        [("排查日期", cn_date(sheet.on)), ("排查区域", sheet.village)],
        [("排查计划", sheet.plan_title or "临时排查")],
        [("排查人员", team), ("负责人", sheet.lead)],
        [("走访场所", sheet.places)],
        [("走访户数", f"{sheet.households_visited}户"), ("排查结果", result)],
    ]
    if sheet.focus:
        rows.append([("排查重点", "、".join(sheet.focus))])
    story = [*kit.title(RECORD_TITLE), kit.fields(rows), kit.space(4)]
    if sheet.zero_report:
        story.append(kit.bold("零报告：本次排查未发现矛盾纠纷。", "plain"))
    else:
        story.append(kit.heading("发现的矛盾纠纷"))
        header = ["序号", "纠纷简要情况", "涉及人数、金额", "风险等级", "处置措施", "责任人",
                  "办结期限", "上报或移交"]
        body = []
        for i, f in enumerate(sheet.findings, start=1):
            about = f"{f.summary}\n当事人：{f.parties}\n类型：{f.dispute_type}"
            if f.case_number:
                about += f"\n已立案：{f.case_number}"
            involved = "\n".join(x for x in (
                f"{f.people_involved}人" if f.people_involved else "", _money(f.amount_fen)) if x)
            body.append([str(i), about, involved, f.risk_level, f.measure, f.responsible,
                         _short_date(f.due_on, sheet.on), f.escalated_to])
        story.append(kit.grid(header, body, [7, 42, 22, 11, 13, 14, 20, 25],
                              center=(0, 2, 3, 4, 5, 6), small=True))
    if sheet.note:
        story += [kit.space(3), kit.labelled("备注", sheet.note)]
    story += [kit.space(8), kit.keep([kit.sign_lines(["排查人员（签名）", "负责人（签名）"]),
                                      kit.para(f"填表日期：{BLANK_DATE}", "right")])]
    return kit.render(story, RECORD_TITLE)
