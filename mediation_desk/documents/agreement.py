"""人民调解协议书: the paper the parties sign and a court reads (domain.md, Arts 28–33).

Every element the law and the 2002 rules ask for is printed: the number; each party's details
grouped by side (persons and organisations, with legal representative and agent); the main
facts, the matters in dispute and each side's responsibility; the numbered terms, each with its
obligor, amount in figures and capitals, place, deadline and manner; the statutory clauses
(when it takes effect, that it binds, judicial confirmation within 30 days); "一式N份" with one
original per party plus the room's; and for every party a signature line and a fingerprint box,
lines for the mediator and the recorder, the committee's name, a seal area and the date.

The signing block is kept on one page with the copies clause before it, so nobody signs a page
that carries no agreement text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mediation_desk.documents.data import CaseFile, TermInfo
from mediation_desk.documents.text import (
    FormSpec,
    amount_text,
    cn_date,
    cn_number,
    missing,
    ordered_parties,
    party_problems,
    two_sides_problems,
)
from mediation_desk.domain.terms import TermFacts, confirmation_warnings, vague_term_warnings
from mediation_desk.errors import Problem

if TYPE_CHECKING:
    from mediation_desk.documents.layout import Kit

TITLE = "人民调解协议书"
EFFECT = ("本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效。"
          "经人民调解委员会调解达成的本协议，具有法律约束力，当事人应当按照约定履行。")
ENFORCE = "人民法院依法确认本协议有效，一方当事人拒绝履行或者未全部履行的，对方当事人可以向人民法院申请强制执行。"


def problems(case: CaseFile) -> list[Problem]:
    """What must be filled in before the agreement can be printed."""
    a = case.agreement
    if a is None:
        return [missing(TITLE, "调解协议", "尚未登记调解协议，请先填写协议内容")]
    out = two_sides_problems(TITLE, case)
    if a.form != "written":
        out.append(missing(TITLE, "协议形式", "口头协议请打印口头调解协议登记表"))
    out += party_problems(TITLE, ordered_parties(case))
    for label, value in (("纠纷主要事实", a.facts), ("争议事项", a.issues),
                         ("各方责任", a.responsibilities)):
        if not value.strip():
            out.append(missing(TITLE, label))
    if not a.terms:
        out.append(missing(TITLE, "协议条款", "没有协议条款，请至少填写一条"))
    for term in a.terms:
        if not term.text.strip():
            out.append(missing(TITLE, f"第{term.number}条协议条款 内容"))
        if not term.obligor.strip():
            out.append(missing(TITLE, f"第{term.number}条协议条款 义务人"))
    return out


def warnings(case: CaseFile) -> list[str]:
    """Printable, but worth a second look while the parties are still in the room: vague
    terms (no obligor, amount or deadline) and matters courts will not confirm."""
    a = case.agreement
    if a is None:
        return []
    facts = [TermFacts(t.text, t.obligor or None, t.amount_fen, t.due_on) for t in a.terms]
    text = "\n".join([a.facts, a.issues, *(t.text for t in a.terms)])
    return vague_term_warnings(facts) + confirmation_warnings(case.dispute_type, text)


def term_details(term: TermInfo) -> str:
    """"义务人：王䶮；金额：5,000.00元（人民币伍仟元整）；履行期限：…" for the fields set."""
    parts = [f"义务人：{term.obligor}"]
    if term.obligee:
        parts.append(f"权利人：{term.obligee}")
    if term.amount_fen is not None:
        parts.append(f"金额：{amount_text(term.amount_fen)}")
    if term.due_on:
        parts.append(f"履行期限：{cn_date(term.due_on)}前")
    if term.place:
        parts.append(f"履行地点：{term.place}")
    if term.method:
        parts.append(f"履行方式：{term.method}")
    return "；".join(parts) + "。"


def copies_clause(case: CaseFile) -> str:
    n = cn_number(len(case.parties) + 1)
    return f"本协议一式{n}份，当事人各执一份，人民调解委员会留存一份。"


def confirmation_clause(case: CaseFile) -> str:
    court = case.room.court or "人民调解委员会所在地基层人民法院"
    return f"当事人可以自本协议生效之日起三十日内共同向{court}申请司法确认。"


def performance_clause(case: CaseFile) -> str:
    """The manner, place and deadline of performance (Art 29): the terms carry their own; the
    sentence names the defaults only for what some term leaves open."""
    terms = case.agreement.terms if case.agreement else ()
    text = "各项义务按上列各条约定的方式、地点和期限履行"
    if any(not t.place for t in terms):
        text += f"；未约定履行地点的，在{case.room.address or case.room.room_name}履行"
    if any(not t.due_on for t in terms):
        text += "；未约定履行期限的，自本协议生效之日起及时履行"
    return text + "。"


def story(case: CaseFile, kit: Kit) -> list[Any]:
    a = case.agreement
    assert a is not None  # problems() refused it otherwise
    parties = ordered_parties(case)
    out: list[Any] = [*kit.title(TITLE, case.number)]
    out += kit.party_table(parties)
    out.append(kit.space(2))
    for heading, text in (("一、纠纷主要事实：", a.facts), ("二、争议事项：", a.issues),
                          ("三、各方责任：", a.responsibilities)):
        out += kit.lead(heading, text)
    out.append(kit.heading("四、协议内容：经调解，当事人自愿达成如下协议："))
    for term in a.terms:
        out.append(kit.para(f"{term.number}．{term.text.strip()}", keep_with_next=True))
        out.append(kit.para(term_details(term), "detail"))
    out += kit.lead("五、履行方式、地点、期限：", performance_clause(case))
    out += kit.lead("六、协议效力：", EFFECT)
    out.append(kit.keep([  # the last clauses and the signatures share a page
        kit.para(confirmation_clause(case) + ENFORCE),
        kit.para(copies_clause(case)),
        kit.signing_block(parties),
    ]))
    return out


FORM = FormSpec("agreement", TITLE, problems, story, fit_one_page=True)
