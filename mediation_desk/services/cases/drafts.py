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
    recused: bool = False  # withdrew from the case (回避); kept so the dossier says so


@dataclass
class RecordDraft:
    kind: str
    at: datetime
    place: str = ""
    participants: list[str] = field(default_factory=list)
    author: str = ""
    body: str = ""
    private: bool = False
    addendum: bool = False  # written after the case was closed (an exported case says so)
    author_user: str = ""  # the author's account name, when the file carries it


@dataclass
class TermDraft:
    text: str
    obligor: str = ""
    obligee: str = ""
    amount_fen: int | None = None
    due_on: date | None = None
    place: str = ""
    method: str = ""
    performance: str = ""  # "" = judged from the due date (a new agreement); else as exported
    performed_on: date | None = None


@dataclass
class AgreementDraft:
    form: str = "written"
    reached_on: date | None = None
    facts: str = ""
    issues: str = ""
    responsibilities: str = ""
    terms: list[TermDraft] = field(default_factory=list)
    effective_on: date | None = None  # "" = the day it was reached


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
    #: How a case brought in by import had ended up (its status, dates, follow-ups…);
    #: ``None`` for a case registered now. See :mod:`mediation_desk.services.exchange.arrival`.
    arrival: ArrivalDraft | None = None


@dataclass
class FollowUpDraft:
    """A follow-up visit (回访) as an exported case carries it: planned, or done."""

    due_on: date
    done_on: date | None = None
    visited: str = ""
    performance: str = ""
    satisfaction: str = ""
    sued: bool = False
    renewed_conflict: str = ""
    measures: str = ""
    visitor: str = ""
    record: int | None = None  # 1-based position of its 回访记录 in the case's records


@dataclass
class EscalationDraft:
    """A report or hand-over (上报/移交) of the case and its receipt."""

    target: str
    at: datetime
    method: str = ""
    summary: str = ""
    received_by: str = ""
    received_at: datetime | None = None
    result: str = ""


@dataclass
class AppointmentDraft:
    """A planned session or visit (预约)."""

    at: datetime
    kind: str = "mediation"
    place: str = ""
    note: str = ""
    done: bool = False


@dataclass
class EventDraft:
    """One step of the case's legal life as it happened in the register it came from."""

    at: datetime
    step: str
    from_status: str = ""
    to_status: str = ""
    reason: str = ""
    by: str = ""  # account name


@dataclass
class Settled:
    """Where an arriving case stands, worked out from what the file said (``settle``)."""

    status: str
    outcome: str
    closed_on: date | None
    archived_on: date | None
    deadline_on: date
    inferred: list[str] = field(default_factory=list)  # what import assumed, for the report
    review: list[str] = field(default_factory=list)  # why a person should check the case


@dataclass
class ArrivalDraft:
    """What an import file says about how a case went, beyond what intake takes.

    Empty values mean "the file does not say"; :func:`services.exchange.arrival.settle`
    fills :attr:`settled` from them (the same way whether read from a register row or a
    JSON document), and intake writes the case in that state instead of 已登记.
    """

    source: str = ""  # "台账.xlsx 第5行", "cases.json 第2条案件"
    register_row: bool = False  # a hand-kept register: its 调解结果 words decide the ending
    status: str = ""
    outcome: str = ""  # success | failure | terminated | refused | open | unknown
    outcome_text: str = ""  # the register's own words (调解结果)
    closed_on: date | None = None
    archived_on: date | None = None
    anonymised_on: date | None = None
    mediated_on: date | None = None  # a register's 调解日期
    agreement_form_said: bool = False
    deadline_on: date | None = None
    extension_days: int = 0
    refusal_reason: str = ""
    termination_reason: str = ""
    group_dispute: bool | None = None
    prevented_criminal: bool = False
    prevented_criminal_people: int = 0
    prevented_suicide: bool = False
    prevented_group_fight: bool = False
    prevented_group_petition: bool = False
    from_finding: str = ""
    omitted_private: int = 0
    carried_review: list[str] = field(default_factory=list)  # left unchecked where it was
    read_notes: list[str] = field(default_factory=list)  # how the file was read (a report line)
    followups: list[FollowUpDraft] = field(default_factory=list)
    escalations: list[EscalationDraft] = field(default_factory=list)
    appointments: list[AppointmentDraft] = field(default_factory=list)
    events: list[EventDraft] = field(default_factory=list)
    settled: Settled | None = None


def derive_title(draft: CaseDraft) -> str:
    """"张喆与李明邻里纠纷": applicants, respondents and the dispute type, as registers write it."""
    if draft.title.strip():
        return draft.title.strip()
    applicants = "、".join(p.name for p in draft.parties if p.side == "applicant" and p.name)
    others = "、".join(p.name for p in draft.parties if p.side == "respondent" and p.name)
    if applicants and others:
        return f"{applicants}与{others}{draft.dispute_type}"
    return f"{applicants or others}{draft.dispute_type}" or "未命名纠纷"
