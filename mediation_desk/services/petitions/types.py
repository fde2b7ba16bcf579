"""Plain data of the visitor-request loop: what the forms, a ``petition@1`` file and the
demo hand to the service (drafts), and what the window, the command line and the printed forms
get back (views). No peewee here: the window never sees a model.

ID numbers and phones in views are masked (3505**********1234) unless a field says otherwise;
the full values are read through an audited reveal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from mediation_desk.store.changes import ChangeSet


@dataclass
class RequestDraft:
    """A request as received (接访登记)."""

    received_at: datetime | None = None
    channel: str = "walk_in"
    received_by: str = ""
    person_name: str = ""
    person_gender: str = ""
    person_id_number: str = ""
    person_phone: str = ""
    person_address: str = ""
    village: str = ""
    compound: str = ""
    category: str = ""
    content: str = ""
    respondent: str = ""  # 被反映人或单位 (optional)
    people_involved: int | None = None
    representatives: list[str] = field(default_factory=list)
    #: The visitor booked this appointment (预约接访): it is marked done and linked.
    appointment_id: str = ""


@dataclass
class AnswerDraft:
    """The answer given to the person (反馈), and what the 信访处理意见书 prints."""

    text: str = ""
    method: str = "in_person"
    answered_on: date | None = None
    answered_by: str = ""
    decision: str = ""  # support | explain | not_supported ("" = not decided in writing)
    facts_reasons: str = ""
    legal_basis: str = ""


@dataclass
class TaskDraft:
    """Who does what by when, as a joint meeting decided it (each becomes an assignment)."""

    department: str
    request: str = ""
    responsible: str = ""
    due_on: date | None = None


@dataclass
class MeetingDraft:
    """A joint meeting (联席会议): date, place, chair, departments present, decisions, tasks."""

    held_on: date | None = None
    place: str = ""
    chaired_by: str = ""
    departments: list[str] = field(default_factory=list)
    decisions: str = ""
    tasks: list[TaskDraft] = field(default_factory=list)


@dataclass(frozen=True)
class PetitionFilter:
    """The 接访 list's filters; empty values filter nothing."""

    status: str = ""
    overdue: bool = False
    department: str = ""
    category: str = ""
    village: str = ""
    compound: str = ""
    text: str = ""


@dataclass
class PetitionResult:
    """What a write did: the record's id, the change set, and what to tell the user."""

    id: str
    changes: ChangeSet
    warnings: list[str] = field(default_factory=list)
    number: str = ""
    ids: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class AssignmentView:
    id: str
    department: str
    task: str
    task_label: str
    request: str
    responsible: str
    assigned_on: date
    due_on: date  # after the extension, if any
    extension_days: int
    extension_reason: str
    result: str
    result_on: date | None
    overdue: bool
    due_soon: bool
    meeting_id: str | None


@dataclass(frozen=True)
class MeetingView:
    id: str
    held_on: date
    place: str
    chaired_by: str
    departments: tuple[str, ...]
    decisions: str
    task_ids: tuple[str, ...]


@dataclass(frozen=True)
class ReturnVisitView:
    id: str
    due_on: date
    done_on: date | None
    visitor: str
    result: str
    satisfaction: str


@dataclass(frozen=True)
class PetitionRow:
    """One line of the 接访 list (and of ``petition list --json``)."""

    id: str
    number: str
    received_at: datetime
    person: str
    category: str
    village: str
    compound: str
    status: str
    status_label: str
    route: str
    assigned_to: tuple[str, ...]  # departments of the open assignments (else all)
    due_on: date | None
    overdue: bool
    risk_level: str
    case_number: str
    person_id_number: str = ""  # masked
    person_phone: str = ""  # masked


@dataclass(frozen=True)
class PetitionDetail:
    """Everything the 接访 page shows of one request."""

    id: str
    number: str
    received_at: datetime
    channel: str
    channel_label: str
    received_by: str
    person_name: str
    person_gender: str
    person_id_number: str  # masked
    person_phone: str  # masked
    person_address: str
    village: str
    compound: str
    category: str
    content: str
    respondent: str
    people_involved: int | None
    representatives: tuple[str, ...]
    status: str
    status_label: str
    route: str
    route_label: str
    assessment: str
    risk_level: str
    assessed_on: date | None
    assessed_by: str
    forward_due: date
    handle_due: date
    answer: str
    answer_method: str
    answered_on: date | None
    answered_by: str
    decision: str
    facts_reasons: str
    legal_basis: str
    satisfaction: str
    closed_on: date | None
    case_id: str | None
    case_number: str
    assignments: tuple[AssignmentView, ...]
    meetings: tuple[MeetingView, ...]
    return_visits: tuple[ReturnVisitView, ...]
    next_steps: tuple[str, ...]
    #: Earlier requests and cases of the same person ("（2026）湖头访字第1号 2026-11-03 …").
    earlier: tuple[str, ...]
    printed: tuple[str, ...]  # "2026-12-07 10:00 来访登记表 打印1份 林春梅"

    @property
    def overdue(self) -> bool:
        return any(a.overdue for a in self.assignments)


@dataclass(frozen=True)
class CompoundView:
    id: str
    name: str
    village: str
    property_company: str
    owners_committee: str
    grid_member: str
    note: str
    active: bool


@dataclass
class CompoundDraft:
    name: str = ""
    village: str = ""
    property_company: str = ""
    owners_committee: str = ""
    grid_member: str = ""
    note: str = ""


@dataclass(frozen=True)
class CompoundLine:
    """One request or case of a compound, in its history (newest first)."""

    kind: str  # petition | case
    id: str
    number: str
    on: date
    title: str
    status_label: str
