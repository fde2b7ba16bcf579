"""人民调解受理登记表: the room registers a dispute it takes up (the first item of a dossier
when no party applied in writing: found on a patrol, taken up on the committee's own
initiative, or referred by the police, a court or a government department).

The register states, in the words rooms use, "on date D, with the parties' consent, this
committee mediates the dispute between A and B", with the source, the dispute type, the
parties' details and the brief facts; the parties sign (their consent is what makes it lawful
to mediate, Art 17), the registrar signs and the committee seals.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mediation_desk.documents.data import CaseFile
from mediation_desk.documents.form_parts import dispute_words, mediator_names, names
from mediation_desk.documents.text import (
    FormSpec,
    amount_text,
    cn_date,
    missing,
    ordered_parties,
    party_problems,
    two_sides_problems,
)
from mediation_desk.errors import Problem

if TYPE_CHECKING:
    from mediation_desk.documents.layout import Kit

TITLE = "人民调解受理登记表"


def problems(case: CaseFile) -> list[Problem]:
    out = two_sides_problems(TITLE, case)
    out += party_problems(TITLE, ordered_parties(case))
    for label, value in (("案件来源", case.source), ("纠纷类型", case.dispute_type),
                         ("纠纷简要情况", case.summary)):
        if not value.strip():
            out.append(missing(TITLE, label))
    return out


def acceptance_sentence(case: CaseFile) -> str:
    """The register's one legal sentence, worded after how the case came to the room."""
    on, source = cn_date(case.received_on), case.source.strip()
    between = f"{names(case.side('applicant'))}与{names(case.side('respondent'))}之间的" \
              f"{dispute_words(case)}"
    third = case.side("third_party")
    tail = f"，第三人{names(third)}参加调解" if third else ""
    if "申请" in source:
        return f"{on}，经当事人申请，并征得各方当事人同意，本委员会受理{between}，依法进行调解{tail}。"
    if "排查" in source:
        return f"{on}，本委员会在矛盾纠纷排查中发现{between}，经各方当事人同意，依法受理调解{tail}。"
    if "主动" in source:
        return f"{on}，本委员会主动介入{between}，经各方当事人同意，依法受理调解{tail}。"
    if "移送" in source:
        who = source.replace("委托移送", "").replace("移送", "").strip("（）()") or "有关单位"
        return f"{on}，{who}委托移送{between}，经各方当事人同意，本委员会依法受理调解{tail}。"
    return f"{on}，经各方当事人同意，本委员会受理{between}（案件来源：{source}），依法进行调解{tail}。"


def story(case: CaseFile, kit: Kit) -> list[Any]:
    out: list[Any] = [*kit.title(TITLE, f"编号：{case.number}")]
    amount = amount_text(case.amount_fen) if case.amount_fen else ""
    people = f"{case.people_involved}人" if case.people_involved else ""
    out.append(kit.fields([
        (("受理日期", cn_date(case.received_on)), ("案件来源", case.source)),
        (("纠纷类型", case.dispute_type), ("所在村（社区）", case.village)),
        (("涉及人数", people), ("人民调解员", mediator_names(case, with_recorder=False))),
        (("涉及金额", amount),),
    ], label_width=30 * kit_mm()))
    out += [kit.space(2), *kit.party_table(ordered_parties(case))]
    out += [kit.space(2), kit.heading("纠纷简要情况："), *kit.paras(case.summary)]
    requests = [r.strip().rstrip("；;。") for r in case.requests if r.strip()]
    if requests:
        out.append(kit.heading("当事人请求："))
        out += [kit.para(f"{i}. {text}。") for i, text in enumerate(requests, 1)]
    out.append(kit.keep([
        kit.space(2),
        kit.para(acceptance_sentence(case)),
        kit.party_signatures(ordered_parties(case)),
        kit.beside([kit.sign_lines(["登记人（签名）"])],
                   kit.seal(cn_date(case.received_on)), 70 * kit_mm()),
    ]))
    return out


def kit_mm() -> float:
    """One millimetre in points (reportlab's unit), without importing reportlab at top level."""
    from reportlab.lib.units import mm

    return float(mm)


FORM = FormSpec("intake", TITLE, problems, story, fit_one_page=True)
