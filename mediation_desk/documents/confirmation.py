"""司法确认申请书: the parties jointly ask the basic court to confirm their agreement (People's
Mediation Law Art 33; Civil Procedure Law Arts 205–206).

What a court asks for, in the order its own forms use: every party as an applicant with
identity, address and contacts; the request (confirm agreement no. N of date D as valid); the
facts (which room mediated, when it was reached and took effect, its terms); the statutory
30-day window computed from the effective date; the applicants' undertaking that the agreement
is voluntary and not collusive; that no fee is charged; the list of attachments; the court; a
signature and fingerprint per applicant. A second sheet is the room's proof that it mediated
(调解组织主持调解的证明), sealed by the committee, which the court requires with the
application.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from mediation_desk.documents.data import CaseFile
from mediation_desk.documents.form_parts import (
    dispute_words,
    mediator_names,
    names,
    party_sentence,
)
from mediation_desk.documents.term_text import printed_term
from mediation_desk.documents.text import (
    BLANK_DATE,
    FormSpec,
    cn_date,
    cn_number,
    missing,
    ordered_parties,
    party_problems,
    two_sides_problems,
)
from mediation_desk.domain.terms import confirmation_warnings
from mediation_desk.errors import Problem

if TYPE_CHECKING:
    from mediation_desk.documents.layout import Kit

TITLE = "司法确认申请书"
PROOF_TITLE = "人民调解组织主持调解证明"
WINDOW_DAYS = 30
UNDERTAKINGS = (
    "（一）申请人出于解决纠纷的目的自愿达成调解协议，没有恶意串通、规避法律的行为；",
    "（二）如果因为该协议内容而给他人造成损害的，愿意承担相应的民事责任和其他法律责任。",
)


#: The court left blank for the parties to fill in when the room has not set one: the
#: parties choose among the courts of their home, the property or the room (Art 33), so a
#: missing setting must not stop the form — nor the dossier, which includes it.
BLANK_COURT = "\u3000" * 6 + "人民法院"


def court_line(court: str) -> str:
    return court.strip() or BLANK_COURT


def problems(case: CaseFile) -> list[Problem]:
    """A written agreement with terms, the court, and every applicant's identity and contacts."""
    out: list[Problem] = []
    a = case.agreement
    if a is None:
        out.append(missing(TITLE, "调解协议", "尚未达成调解协议，不能申请司法确认"))
    elif a.form != "written":
        out.append(missing(TITLE, "调解协议", "口头协议不能申请司法确认，须先制作书面调解协议"))
    elif not [t for t in a.terms if t.text.strip()]:
        out.append(missing(TITLE, "协议条款", "调解协议没有条款，内容不明确的协议法院不予确认"))
    else:  # what the mediator marked no court confirms (domain/terms.py)
        out += [missing(TITLE, "调解协议", warning) for warning in confirmation_warnings(a.flags)]
    out += two_sides_problems(TITLE, case)
    out += party_problems(TITLE, ordered_parties(case), identity=True)
    return out


def story(case: CaseFile, kit: Kit) -> list[Any]:
    assert case.agreement is not None  # problems() refused otherwise
    a, room = case.agreement, case.room
    parties = ordered_parties(case)
    effective = a.effective_on or a.reached_on
    last_day = effective + timedelta(days=WINDOW_DAYS)
    agreement = f"《人民调解协议书》（编号：{case.number}）"
    out: list[Any] = [kit.bold(TITLE, "title"), kit.space(2)]
    for p in parties:
        out.append(kit.labelled("申请人", party_sentence(p)))
    out += [kit.heading("请求事项："),
            kit.para(f"请求依法确认申请人于{cn_date(a.reached_on)}经{room.committee_name}主持调解"
                     f"达成的{agreement}有效。")]
    out.append(kit.heading("事实和理由："))
    out.append(kit.para(
        f"申请人{names(parties)}之间因{dispute_words(case)}，于{cn_date(case.received_on)}由"
        f"{room.committee_name}受理调解。经人民调解员{mediator_names(case, with_recorder=False)}"
        f"主持调解，申请人于{cn_date(a.reached_on)}自愿达成调解协议，该协议经各方当事人签名、"
        f"盖章或者按指印，人民调解员签名并加盖人民调解委员会印章，于{cn_date(effective)}生效。"
        "协议主要内容如下："))
    out += [kit.para(printed_term(t, a.reached_on)) for t in a.terms if t.text.strip()]
    out.append(kit.para(
        "上述协议系申请人的真实意思表示，内容不违反法律、行政法规的强制性规定，不损害国家利益、"
        "社会公共利益和他人合法权益。根据《中华人民共和国人民调解法》第三十三条、《中华人民共和国"
        "民事诉讼法》第二百零五条的规定，申请人共同向贵院申请司法确认。"))
    out += [kit.heading("申请期限："),
            kit.para(f"调解协议于{cn_date(effective)}生效，申请人应当自生效之日起{WINDOW_DAYS}日内"
                     f"（即{cn_date(last_day)}前）共同向人民法院提出申请。人民法院办理人民调解协议"
                     "司法确认案件，不收取费用。")]
    out.append(kit.heading("申请人承诺："))
    out += [kit.para(u) for u in UNDERTAKINGS]
    attachments = (f"{agreement}原件一份；", f"《{PROOF_TITLE}》一份；",
                   f"申请人身份证明复印件{cn_number(len(parties))}份；",
                   "与调解协议相关的财产权利证明等证明材料（如有）。")
    out.append(kit.keep([
        kit.heading("附："),
        *(kit.para(f"{i}. {text}") for i, text in enumerate(attachments, 1)),
        kit.space(2), kit.para("此致", "body"), kit.para(court_line(room.court), "plain"), kit.space(3),
        kit.party_signatures(parties),
        kit.para(f"申请日期：{BLANK_DATE}", "right"),
    ]))
    out += proof_story(case, kit, effective)
    return out


def proof_story(case: CaseFile, kit: Kit, effective: Any) -> list[Any]:
    """The room's sealed proof that it mediated, on a sheet of its own."""
    assert case.agreement is not None
    a, room = case.agreement, case.room
    parties = ordered_parties(case)
    contact = "，".join(x for x in (f"联系人：{case.lead_mediator}" if case.lead_mediator else "",
                                   f"联系电话：{room.phone}" if room.phone else "",
                                   f"地址：{room.address}" if room.address else "") if x)
    out: list[Any] = [kit.page_break(), *kit.title(PROOF_TITLE, f"编号：{case.number}")]
    out.append(kit.para(f"{court_line(room.court)}：", "plain"))
    out.append(kit.para(
        f"兹证明：{names(parties)}之间的{dispute_words(case)}，于{cn_date(case.received_on)}由本委员会"
        f"受理，经人民调解员{mediator_names(case, with_recorder=False)}主持调解，各方当事人于"
        f"{cn_date(a.reached_on)}自愿达成《人民调解协议书》（编号：{case.number}），"
        f"该协议于{cn_date(effective)}生效。本委员会调解本纠纷未收取任何费用。"))
    out.append(kit.para("特此证明。"))
    if contact:
        out.append(kit.para(contact + "。", "plain"))
    out.append(kit.keep([
        kit.space(4),
        kit.beside([kit.sign_lines(["人民调解员（签名）"])], kit.seal(cn_date(case.printed_on)),
                   70 * _mm()),
    ]))
    return out


def _mm() -> float:
    from reportlab.lib.units import mm

    return float(mm)


FORM = FormSpec("confirmation", TITLE, problems, story)
