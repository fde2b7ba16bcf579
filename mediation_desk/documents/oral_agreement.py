"""口头调解协议登记表: the record of an oral agreement (Arts 28, 30).

An oral agreement takes effect when it is reached; the paper is the room's evidence of what
was agreed and how it was performed, so the mediator and the recorder sign it and the
committee seals it. The parties may sign too (space is left), but need not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mediation_desk.documents.data import CaseFile
from mediation_desk.documents.term_text import printed_term
from mediation_desk.documents.text import (
    BLANK_DATE,
    FormSpec,
    cn_date,
    missing,
    ordered_parties,
    two_sides_problems,
)
from mediation_desk.errors import Problem

if TYPE_CHECKING:
    from mediation_desk.documents.layout import Kit

TITLE = "口头调解协议登记表"


def problems(case: CaseFile) -> list[Problem]:
    a = case.agreement
    if a is None:
        return [missing(TITLE, "调解协议", "尚未登记调解协议，请先填写协议内容")]
    out = two_sides_problems(TITLE, case)
    if a.form != "oral":
        out.append(missing(TITLE, "协议形式", "书面协议请打印人民调解协议书"))
    if not a.terms:
        out.append(missing(TITLE, "协议内容", "没有协议条款，请至少填写一条"))
    for p in case.parties:
        if not p.name.strip():
            out.append(missing(TITLE, f"{p.side_label} 姓名或名称"))
    return out


def _content(case: CaseFile) -> str:
    assert case.agreement is not None
    lines = [printed_term(t, case.agreement.reached_on) for t in case.agreement.terms]
    return "\n".join(lines)


def _performance(case: CaseFile) -> str:
    assert case.agreement is not None
    done = [f"第{t.number}条：{t.performance}" for t in case.agreement.terms if t.performance]
    return "；".join(done)


def story(case: CaseFile, kit: Kit) -> list[Any]:
    a = case.agreement
    assert a is not None
    parties = "；".join(f"{p.side_label}{p.name}" + (f"（{p.phone}）" if p.phone else "")
                       for p in ordered_parties(case))
    place = next((r.place for r in case.records if r.kind == "mediation"), "") or \
        case.room.room_name
    table = kit.fields([
        [("案件编号", case.number)],
        [("当事人", parties)],
        [("纠纷类型", case.dispute_type), ("受理日期", cn_date(case.received_on))],
        [("纠纷简要情况", a.facts.strip() or case.summary, 30)],
        [("协议内容", _content(case), 40)],
        [("履行情况", _performance(case), 18)],
        [("达成日期", cn_date(a.reached_on)), ("调解地点", place)],
        [("人民调解员", case.lead_mediator), ("记录人", case.recorder)],
        [("当事人签名", "", 16)],
    ], label_width=31 * 72 / 25.4)
    return [
        *kit.title(TITLE),
        table,
        kit.space(4),
        kit.beside([kit.para("口头调解协议自各方当事人达成协议之日起生效。", "plain")],
                   kit.seal(BLANK_DATE), 60 * 72 / 25.4),
    ]


FORM = FormSpec("oral-agreement", TITLE, problems, story)
