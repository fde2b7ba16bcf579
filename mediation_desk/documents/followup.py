"""人民调解回访记录: the room checks that an agreement is being kept (Art 31: the committee
supervises performance).

One sheet per visit that took place, in date order: who was visited and by whom, the
agreement it concerns, how far it has been performed, whether the party is satisfied, whether
anyone has gone to court over it, any sign of the conflict returning and what was done about
it, and the visitor's notes. A visit that is only scheduled has nothing to record yet and is
not printed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mediation_desk.documents.data import CaseFile, FollowUpInfo
from mediation_desk.documents.form_parts import dispute_words, done_followups
from mediation_desk.documents.text import BLANK_DATE, FormSpec, cn_date, missing
from mediation_desk.errors import Problem

if TYPE_CHECKING:
    from mediation_desk.documents.layout import Kit

TITLE = "人民调解回访记录"


def problems(case: CaseFile) -> list[Problem]:
    visits = done_followups(case)
    if not visits:
        return [missing(TITLE, "回访", "本案还没有已完成的回访，请先登记回访情况")]
    out = []
    for f in visits:
        when = f"{cn_date(f.done_on)}的回访"
        for label, value in (("被回访人", f.visited), ("回访人", f.visitor),
                             ("协议履行情况", f.performance)):
            if not value.strip():
                out.append(missing(TITLE, f"{when} {label}"))
    return out


def _rows(case: CaseFile, f: FollowUpInfo) -> list[Any]:
    a = case.agreement
    agreement = ""
    if a is not None:
        kind = "书面" if a.form == "written" else "口头"
        agreement = f"{cn_date(a.reached_on)}达成{kind}调解协议（编号：{case.number}）"
    return [
        (("纠纷事项", f"{case.title}（{dispute_words(case)}）" if case.title
          else dispute_words(case)),),
        (("调解协议", agreement or "无"),),
        (("被回访人", f.visited), ("回访人", f.visitor)),
        (("回访日期", cn_date(f.done_on)), ("计划日期", cn_date(f.due_on))),
        (("协议履行情况", f.performance),),
        (("当事人满意程度", f.satisfaction or "未表示"),),
        (("是否就该纠纷起诉", "是" if f.sued else "否"),),
        (("矛盾有无反复", f.renewed_conflict.strip() or "无"),),
        (("采取的措施", f.measures.strip() or "无"),),
        (("回访情况", f.body.strip(), 45),),
    ]


def story(case: CaseFile, kit: Kit) -> list[Any]:
    out: list[Any] = []
    for i, visit in enumerate(done_followups(case)):
        if i:
            out += [kit.page_break(), kit.section(f"followup-{i}")]
        out += kit.title(TITLE, f"编号：{case.number}")
        out.append(kit.fields(_rows(case, visit), label_width=_mm(38)))
        out.append(kit.keep([
            kit.space(6),
            kit.sign_lines(["被回访人（签名）", "回访人（签名）"], date=True),
            kit.space(4),
            kit.para(case.room.committee_name, "right"),
            kit.para(cn_date(visit.done_on) if visit.done_on else BLANK_DATE, "right"),
        ]))
    return out


def _mm(n: float) -> float:
    from reportlab.lib.units import mm

    return float(n * mm)


FORM = FormSpec("followup", TITLE, problems, story)
