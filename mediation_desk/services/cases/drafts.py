"""Plain data for a case being registered: what the intake form, an import and the demo fill.

Why one shape for all three: the same validation must refuse the same bad input whether it was
typed in the window, read from a JSON file or a spreadsheet, so every path builds a
:class:`CaseDraft` and hands it to :func:`mediation_desk.services.cases.validation.validate_case`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass
class PartyDraft:
    side: str = "applicant"
    kind: str = "person"
    name: str = ""
    gender: str = ""
    ethnicity: str = ""
    birth_date: date | None = None
    id_type: str = "resident_id"
    id_number: str = ""
    phone: str = ""
    address: str = ""
    occupation: str = ""
    legal_representative: str = ""
    agent: str = ""


@dataclass
class MediatorDraft:
    name: str
    role: str = "lead"


@dataclass
class RecordDraft:
    kind: str
    at: datetime
    place: str = ""
    participants: list[str] = field(default_factory=list)
    author: str = ""
    body: str = ""
    private: bool = False


@dataclass
class TermDraft:
    text: str
    obligor: str = ""
    obligee: str = ""
    amount_fen: int | None = None
    due_on: date | None = None
    place: str = ""
    method: str = ""


@dataclass
class AgreementDraft:
    form: str = "written"
    reached_on: date | None = None
    facts: str = ""
    issues: str = ""
    responsibilities: str = ""
    terms: list[TermDraft] = field(default_factory=list)


@dataclass
class CaseDraft:
    received_on: date | None = None
    source: str = "当事人申请"
    dispute_type: str = ""
    title: str = ""
    village: str = ""
    summary: str = ""
    requests: list[str] = field(default_factory=list)
    risk_level: str = "blue"
    procedure: str = "normal"
    amount_fen: int | None = None
    people_involved: int | None = None
    mediators: list[MediatorDraft] = field(default_factory=list)
    parties: list[PartyDraft] = field(default_factory=list)
    records: list[RecordDraft] = field(default_factory=list)
    agreement: AgreementDraft | None = None
    number: str = ""  # only for historical cases brought in by import


def derive_title(draft: CaseDraft) -> str:
    """"张喆与李明邻里纠纷": applicants, respondents and the dispute type, as registers write it."""
    if draft.title.strip():
        return draft.title.strip()
    applicants = "、".join(p.name for p in draft.parties if p.side == "applicant" and p.name)
    others = "、".join(p.name for p in draft.parties if p.side == "respondent" and p.name)
    if applicants and others:
        return f"{applicants}与{others}{draft.dispute_type}"
    return f"{applicants or others}{draft.dispute_type}" or "未命名纠纷"
