"""人民调解申请书: a party asks the committee to mediate (the first item of a dossier when the
case came by application).

Laid out as the Ministry of Justice template rooms still fill by hand: each applicant's and
respondent's details (name, gender, ethnicity, birth date or age, occupation, contact, address),
the brief facts, the numbered requests, the sentence that the committee has explained the rules
and the applicant applies of their own will, then each applicant's signature and fingerprint and
the date. No fee is mentioned because none may be charged (Art 4).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mediation_desk.documents.data import CaseFile
from mediation_desk.documents.text import (
    FormSpec,
    cn_date,
    missing,
    ordered_parties,
    party_field,
    party_problems,
    two_sides_problems,
)
from mediation_desk.errors import Problem

if TYPE_CHECKING:
    from mediation_desk.documents.layout import Kit

TITLE = "人民调解申请书"


def problems(case: CaseFile) -> list[Problem]:
    """Both sides with names and addresses, the applicants' phones, the facts and requests."""
    out = two_sides_problems(TITLE, case)
    out += party_problems(TITLE, ordered_parties(case))
    out += [missing(TITLE, party_field(p, "联系电话"))
            for p in case.side("applicant") if not p.phone.strip()]
    if not case.summary.strip():
        out.append(missing(TITLE, "纠纷简要情况"))
    if not any(r.strip() for r in case.requests):
        out.append(missing(TITLE, "申请事项", "没有申请事项，请至少填写一项"))
    return out


def story(case: CaseFile, kit: Kit) -> list[Any]:
    committee = case.room.committee_name
    applicants = case.side("applicant")
    out: list[Any] = [*kit.title(TITLE, f"编号：{case.number}")]
    out += kit.party_table(ordered_parties(case))
    out += [kit.space(2), kit.heading("纠纷简要情况："), *kit.paras(case.summary)]
    out.append(kit.heading("申请事项："))
    requests = [r.strip().rstrip("；;。") for r in case.requests if r.strip()]
    out += [kit.para(f"{i}. {text}。", "body") for i, text in enumerate(requests, 1)]
    out.append(kit.keep([
        kit.space(2),
        kit.para(f"{committee}已将申请人民调解的相关规定告知我，现自愿申请{committee}进行调解。"),
        kit.para("此致", "body"),
        kit.para(committee, "plain"),
        kit.space(3),
        kit.party_signatures(applicants),
        kit.para(f"申请日期：{cn_date(case.received_on)}", "right"),
    ]))
    return out


FORM = FormSpec("application", TITLE, problems, story, fit_one_page=True)
