"""终止人民调解告知书: mediation failed, so the committee ends it and tells the parties what
roads remain (Art 26; Art 3: mediation never closes the road to a court).

Addressed to every party: the dispute and when it was taken up, the reason it is ended, the
statutory basis, and the three routes the Law names — a lawsuit, arbitration where the law or an
arbitration agreement allows it, and the administrative authority responsible — with a reminder
that time limits keep running. The committee signs and seals. A receipt (送达回执) follows on
a sheet of its own: the parties keep the notice, the file keeps the signed receipt showing they
were told.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mediation_desk.documents.data import CaseFile
from mediation_desk.documents.form_parts import dispute_words, names
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

TITLE = "终止人民调解告知书"
ROUTES = (
    "（一）向有管辖权的人民法院提起诉讼；",
    "（二）当事人之间订有仲裁协议，或者属于劳动争议、农村土地承包经营纠纷等依法可以申请仲裁的，"
    "向仲裁机构申请仲裁；",
    "（三）属于行政机关职责范围的，请求有关行政机关依法处理。",
)


def problems(case: CaseFile) -> list[Problem]:
    out = two_sides_problems(TITLE, case)
    out += [missing(TITLE, f"{p.side_label} 姓名或名称") for p in case.parties
            if not p.name.strip()]
    if not case.termination_reason.strip():
        out.append(missing(TITLE, "终止调解原因"))
    return out


def story(case: CaseFile, kit: Kit) -> list[Any]:
    from mediation_desk.documents.form_blocks import signature_grid

    parties = ordered_parties(case)
    ended = case.closed_on or case.printed_on
    reason = case.termination_reason.strip().rstrip("。；;")
    between = f"{names(case.side('applicant'))}与{names(case.side('respondent'))}之间的" \
              f"{dispute_words(case)}"
    third = case.side("third_party")
    out: list[Any] = [*kit.title(TITLE, f"编号：{case.number}")]
    out.append(kit.para(f"{names(parties)}：", "plain"))
    out.append(kit.para(
        f"{between}" + (f"（第三人：{names(third)}）" if third else "")
        + f"，本委员会于{cn_date(case.received_on)}受理调解。因{reason}，调解不成。"
        f"根据《中华人民共和国人民调解法》第二十六条的规定，本委员会决定自{cn_date(ended)}起"
        "终止调解。"))
    out.append(kit.para("依照《中华人民共和国人民调解法》第三条、第二十六条的规定，你们可以依法通过"
                        "仲裁、行政、司法等途径维护自己的权利："))
    out += [kit.para(route) for route in ROUTES]
    out.append(kit.para("请注意在诉讼时效、仲裁时效等法定期限内行使权利。"))
    out.append(kit.keep([
        kit.para("特此告知。"),
        kit.space(4),
        kit.beside([kit.sign_lines(["人民调解员（签名）"])], kit.seal(cn_date(ended)),
                   70 * _mm()),
    ]))
    # The receipt is a sheet of its own: the parties keep the notice, the file keeps this.
    out += [kit.page_break(), kit.bold("送达回执", "title"), kit.space(4)]
    out.append(kit.fields([
        (("送达文书", f"《{TITLE}》（编号：{case.number}）"),),
        (("送达单位", case.room.committee_name),),
        (("送达人", case.lead_mediator),),
    ]))
    out += [kit.space(4),
            kit.para(f"本人已收到《{TITLE}》，知悉终止调解的原因和可以选择的其他途径。"),
            kit.para("受送达人（签名或按指印）：", "plain"),
            signature_grid(kit, [p.name for p in parties]),
            kit.space(4),
            kit.para(f"签收日期：{BLANK_DATE}", "right")]
    return out


def _mm() -> float:
    from reportlab.lib.units import mm

    return float(mm)


FORM = FormSpec("termination", TITLE, problems, story)
