"""人民调解协议书: the paper the parties sign and a court reads (domain.md, Arts 28–33).

Every element the law and the 2002 rules ask for is printed: the number; each party's details
grouped by side (persons and organisations, with legal representative and agent); the main
facts, the matters in dispute and each side's responsibility; the numbered terms, each with its
obligor, amount in figures and capitals, place, deadline and manner, each printed once
(documents/term_text.py); the statutory clauses (when it takes effect, that it binds,
judicial confirmation within 30 days — left out when the agreement settles what no court
confirms); "一式N份" with one
original per party plus the room's; and for every party a signature line and a fingerprint box,
lines for the mediator and the recorder, the committee's name, a seal area and the date.

The signing block is kept on one page with the copies clause before it, so nobody signs a page
that carries no agreement text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mediation_desk.documents.data import CaseFile
from mediation_desk.documents.term_text import printed_term
from mediation_desk.documents.text import (
    FormSpec,
    cn_number,
    missing,
    ordered_parties,
    party_problems,
    two_sides_problems,
)
from mediation_desk.domain.terms import TermFacts, agreement_warnings
from mediation_desk.errors import Problem

if TYPE_CHECKING:
    from mediation_desk.documents.layout import Kit

TITLE = "人民调解协议书"
EFFECT = ("本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效。"
          "经人民调解委员会调解达成的本协议，具有法律约束力，当事人应当按照约定履行。")
ENFORCE = "人民法院依法确认本协议有效，一方当事人拒绝履行或者未全部履行的，对方当事人可以向人民法院申请强制执行。"
SUE = "当事人之间就本协议的履行或者协议的内容发生争议的，一方当事人可以向人民法院提起诉讼。"


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
    terms (no obligor, amount or deadline) and what the mediator marked a court will not
    confirm (涉及身份关系, 涉及物权、知识产权确权) — by the agreement's content, not the
    dispute type (domain/terms.py)."""
    a = case.agreement
    if a is None:
        return []
    facts = [TermFacts(t.text, t.obligor or None, t.amount_fen, t.due_on) for t in a.terms]
    return agreement_warnings(facts, a.flags)


def copies_clause(case: CaseFile) -> str:
    n = cn_number(len(case.parties) + 1)
    return f"本协议一式{n}份，当事人各执一份，人民调解委员会留存一份。"


def confirmation_clause(case: CaseFile) -> str:
    """How the parties may have the agreement confirmed and enforced (Art 33) — or, for an
    agreement no court confirms (it settles an identity relation or an ownership), only
    that a dispute over it may go to court (Art 32): telling parties to apply for a
    confirmation the court must refuse would send them on a wasted errand."""
    assert case.agreement is not None
    if not case.agreement.flags.confirmable:
        return SUE
    court = case.room.court or "人民调解委员会所在地基层人民法院"
    return f"当事人可以自本协议生效之日起三十日内共同向{court}申请司法确认。" + ENFORCE


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
        out.append(kit.para(printed_term(term, a.reached_on)))
    out += kit.lead("五、履行方式、地点、期限：", performance_clause(case))
    out += kit.lead("六、协议效力：", EFFECT)
    out.append(kit.keep([  # the last clauses and the signatures share a page
        kit.para(confirmation_clause(case)),
        kit.para(copies_clause(case)),
        kit.signing_block(parties),
    ]))
    return out


FORM = FormSpec("agreement", TITLE, problems, story, fit_one_page=True)
