"""Pure helpers every form shares: dates and amounts as printed, required-field checks, and
the :class:`FormSpec` a form module exports for the registry.

Why a module without reportlab: ``documents.problems(kind, case)`` runs when the window shows a
case, to grey out forms that cannot be printed yet; it must not pay for importing reportlab or
opening fonts. Form modules import from here at top level and get the layout kit passed in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from mediation_desk.documents.data import CaseFile, PartyInfo
from mediation_desk.domain.money import chinese_capital, format_yuan
from mediation_desk.errors import Problem

if TYPE_CHECKING:
    from mediation_desk.documents.layout import Kit

MISSING = "未填写，打印前请补全"
BLANK_DATE = "\u3000\u3000年\u3000\u3000月\u3000\u3000日"  # filled in by hand when signing
SIDE_ORDER = ("applicant", "respondent", "third_party")
_DIGITS = "零一二三四五六七八九"


@dataclass(frozen=True)
class FormSpec:
    """What the registry needs of one printable form.

    ``story`` returns reportlab flowables laid out with the kit (the usual case); a form that
    assembles other forms (the dossier) gives ``build`` instead and returns PDF bytes itself.
    ``story`` may be called more than once (see ``fit_one_page``): keep it free of side effects.
    """

    kind: str
    title: str
    problems: Callable[[CaseFile], list[Problem]]
    story: Callable[[CaseFile, Kit], list[Any]] | None = None
    build: Callable[[CaseFile], bytes] | None = None
    #: A form that runs just over one page is laid out again in the compact size (body 12 pt)
    #: and kept on one page when that fits: a signature page with no text on it invites
    #: disputes, and short agreements are expected on a single sheet.
    fit_one_page: bool = False


def cn_date(d: date | None) -> str:
    """2026年12月1日 (no leading zeros, as written on forms); a blank date when None."""
    return f"{d.year}年{d.month}月{d.day}日" if d else BLANK_DATE


def cn_number(n: int) -> str:
    """Small counts in Chinese numerals, as in "一式三份": 1–99 (others as digits)."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    if not tens:
        return _DIGITS[ones]
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def yuan_figures(fen: int) -> str:
    """12,000.00 — format_yuan's exact figures with thousands separators for reading."""
    whole, _, cents = format_yuan(fen).partition(".")
    sign = "-" if whole.startswith("-") else ""
    return f"{sign}{int(whole.lstrip('-')):,}.{cents}"


def amount_text(fen: int) -> str:
    """5,000.00元（人民币伍仟元整）: figures and capitals, so a stroke cannot alter it."""
    return f"{yuan_figures(fen)}元（人民币{chinese_capital(fen)}）"


def age_text(party: PartyInfo) -> str:
    """Birth date when known (a court prefers it), else the age."""
    if party.birth_date:
        return cn_date(party.birth_date)
    return f"{party.age}岁" if party.age is not None else ""


def ordered_parties(case: CaseFile) -> list[PartyInfo]:
    """Applicants, then respondents, then third parties (then any other side), stable."""
    rank = {code: i for i, code in enumerate(SIDE_ORDER)}
    return sorted(case.parties, key=lambda p: rank.get(p.side, len(rank)))


def party_field(party: PartyInfo, label: str) -> str:
    """A problem's field for one party: "被申请人李明 住址"."""
    return f"{party.side_label}{party.name} {label}".strip()


def missing(record: str, field: str, reason: str = MISSING) -> Problem:
    return Problem(record, field, reason)


def party_problems(record: str, parties: Iterable[PartyInfo], *,
                   address: bool = True, identity: bool = False) -> list[Problem]:
    """The details a form cannot do without: every party's name and (by default) address;
    with ``identity`` also a person's ID number and phone (the court needs them)."""
    out = []
    for p in parties:
        if not p.name.strip():
            out.append(missing(record, f"{p.side_label} 姓名或名称"))
        if address and not p.address.strip():
            out.append(missing(record, party_field(p, "住所" if p.kind == "organization"
                                                   else "住址")))
        if identity and p.kind == "person" and not p.id_number.strip():
            out.append(missing(record, party_field(p, "身份证号码")))
        if identity and not p.phone.strip():
            out.append(missing(record, party_field(p, "联系电话")))
        if p.kind == "organization" and not p.legal_representative.strip():
            out.append(missing(record, party_field(p, "法定代表人")))
    return out


def two_sides_problems(record: str, case: CaseFile) -> list[Problem]:
    """At least one applicant and one respondent (or 对方当事人 in a simple procedure)."""
    out = []
    if not case.side("applicant"):
        out.append(missing(record, "申请人", "没有申请人"))
    if not case.side("respondent"):
        out.append(missing(record, "被申请人", "没有被申请人"))
    return out
