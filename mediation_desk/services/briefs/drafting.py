"""The first draft of a brief, written from the case and anonymised before anyone sees it.

What goes in: 基本案情 from the case summary and the agreement's facts; 调解过程 from the
investigation and mediation records a party could read (never private working notes) and the
result (the agreement's terms, or why mediation ended); 法律依据 the chosen articles quoted in
full; 释法说理 the library's plain-words explanation for the dispute's topics. The mediator
then edits every section; the checker reads the edited text, not this draft.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from mediation_desk.domain.anonymise import Anonymiser, Person
from mediation_desk.domain.law_articles import REASONING, topics_for
from mediation_desk.services.briefs.library import ArticleView
from mediation_desk.store.models import (
    Agreement,
    AgreementTerm,
    Case,
    Mediator,
    Party,
    Record,
    Village,
)

#: (field, heading) of each section, in print order.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("facts", "基本案情"), ("process", "调解过程"), ("legal_basis", "法律依据"),
    ("reasoning", "释法说理"))
SIDE_ORDER = {"applicant": 0, "respondent": 1, "third_party": 2}
NUMERALS = "一二三四五六七八九十"
#: The heading lines of a printed record (time, place, who was there): not part of a story.
RECORD_HEADINGS = ("调解时间", "调解地点", "调解事项", "参加人员", "调查时间", "调查地点",
                   "被调查人", "记录人")
CLOSING = ("遇到矛盾纠纷，应当依法理性表达诉求，可以向村（居）或乡镇人民调解委员会申请调解。人民调解"
           "不收取任何费用，经调解达成的协议具有法律约束力。")


@dataclass
class BriefDraft:
    """A brief as edited: title, the four sections, the article keys quoted."""

    title: str = ""
    facts: str = ""
    process: str = ""
    legal_basis: str = ""
    reasoning: str = ""
    articles: list[str] = field(default_factory=list)
    generalise_villages: bool = False

    def sections(self) -> list[tuple[str, str, str]]:
        """(field, heading, text) of each section."""
        return [(name, heading, getattr(self, name)) for name, heading in SECTIONS]


@dataclass(frozen=True)
class Secrets:
    """Who must not be recognisable in a case's brief, and whose names stay."""

    people: tuple[Person, ...]
    case_numbers: tuple[str, ...]
    villages: tuple[str, ...]
    keep: tuple[str, ...]  # mediators

    def anonymiser(self, generalise_villages: bool) -> Anonymiser:
        return Anonymiser(self.people, villages=self.villages, case_numbers=self.case_numbers,
                          generalise_villages=generalise_villages, keep=self.keep)


def secrets_of(case: Case) -> Secrets:
    parties = sorted(Party.live().where(Party.case == case),
                     key=lambda p: (SIDE_ORDER.get(p.side, 3), p.position))
    people = tuple(Person(p.name, p.side, p.kind, p.id_number, p.phone, p.address, p.agent,
                          p.legal_representative) for p in parties)
    villages = tuple(v.name for v in Village.select(Village.name))
    keep = tuple(m.name for m in Mediator.select(Mediator.name))
    return Secrets(people, (case.number,) if case.number else (), villages, keep)


def cn_day(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def legal_basis_text(articles: Sequence[ArticleView]) -> str:
    return "\n".join(f"{a.citation}：{a.text}" for a in articles)


def reasoning_text(dispute_type: str) -> str:
    parts = [REASONING[t] for t in topics_for(dispute_type) if t in REASONING]
    return "\n".join([*parts, CLOSING])


def _process(case: Case) -> str:
    lines = [f"{cn_day(case.received_on)}，本调委会受理该纠纷，指派人民调解员进行调解，并告知双方"
             "当事人在人民调解活动中享有的权利和承担的义务。"]
    records = (Record.live().where(Record.case == case, Record.private == False,  # noqa: E712
                                   Record.kind.in_(("investigation", "mediation")))
               .order_by(Record.at))
    for r in records:
        when = cn_day(r.at.date())
        if r.kind == "investigation":
            place = f"到{r.place}" if r.place else ""
            lines.append(f"{when}，调解员{place}调查了解纠纷情况，听取各方陈述，核实相关事实。")
        else:
            lines.append(f"{when}，调解员组织双方进行调解。")
            lines += [line.strip() for line in r.body.splitlines()
                      if line.strip() and not line.strip().startswith(RECORD_HEADINGS)]
    agreement = Agreement.live().where(Agreement.case == case).first()
    if agreement is not None:
        terms = [t.text.strip().rstrip("。；;") for t in AgreementTerm.live()
                 .where(AgreementTerm.agreement == agreement).order_by(AgreementTerm.position)]
        form = "书面调解协议" if agreement.form == "written" else "口头调解协议"
        result = f"{cn_day(agreement.reached_on)}，经调解，双方自愿达成{form}"
        if terms:
            result += "：" + "；".join(f"{NUMERALS[i % 10]}、{t}" for i, t in enumerate(terms))
        lines.append(result + "。")
    elif case.outcome == "terminated":
        lines.append("经多次调解，双方未能达成一致意见，本调委会依法终止调解，并告知当事人可以依法"
                     "通过仲裁、行政、司法等途径维护自己的权利。")
    elif case.outcome == "failure":
        lines.append("经调解，双方未能达成协议，本调委会告知当事人可以依法通过其他途径解决纠纷。")
    return "\n".join(lines)


def draft_of(case: Case, secrets: Secrets, articles: Sequence[ArticleView], *,
             generalise_villages: bool = False) -> BriefDraft:
    """The anonymised first draft of the case's brief, quoting ``articles``."""
    anon = secrets.anonymiser(generalise_villages)
    agreement = Agreement.live().where(Agreement.case == case).first()
    facts = [case.summary.strip()]
    if agreement is not None and agreement.facts.strip() and \
            agreement.facts.strip() not in case.summary:
        facts.append(agreement.facts.strip())
    return BriefDraft(
        title=f"一起{case.dispute_type}的调解",
        facts=anon.apply("\n".join(f for f in facts if f)).strip(),
        process=anon.apply(_process(case)).strip(),
        legal_basis=legal_basis_text(articles),
        reasoning=anon.apply(reasoning_text(case.dispute_type)),
        articles=[a.key for a in articles],
        generalise_villages=generalise_villages)
