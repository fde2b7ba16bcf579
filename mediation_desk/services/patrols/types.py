"""Plain data of the patrol use cases (排查): what the 排查 page and the CLI send and receive.

Why a module of its own: :mod:`mediation_desk.services.patrols.service` re-exports every name here, so
callers import from one place, while the helper modules behind the service (findings, counts,
iCalendar) can use the same types without importing the service.

Conventions: codes are English (risk ``red|orange|yellow|blue``, measure
``mediated_on_site|registered|referred|watch``, finding status ``open|resolved|closed``);
``*_label`` fields carry the Chinese label to show. Dates are ``datetime.date``; times of day
are ``"HH:MM"`` strings (local); money is integer fen (``None`` = not stated).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from mediation_desk.store.changes import ChangeSet

MEASURES: dict[str, str] = {
    "mediated_on_site": "当场调处",
    "registered": "登记立案",
    "referred": "移交",
    "watch": "持续关注",
}
FINDING_STATUSES: dict[str, str] = {"open": "待处置", "resolved": "已化解", "closed": "已办结"}
#: Marks of an occurrence, as the calendar and lists show them.
MARK_LABELS: dict[str, str] = {
    "done": "已排查",
    "zero": "零报告",
    "missed": "未排查",
    "cancelled": "已取消",
    "due": "今日排查",
    "upcoming": "",
}
OCCURRENCE_KINDS: dict[str, str] = {"planned": "计划", "moved": "改期", "extra": "专项"}
TEAM_ROLES: dict[str, str] = {"lead": "负责人", "member": "成员"}


@dataclass
class TeamMember:
    """One person on a patrol team; exactly one is the ``lead`` (负责人)."""

    name: str
    role: str = "member"  # lead | member


@dataclass
class PlanDraft:
    """A patrol plan as typed or imported (contract.md patrol-plan@1).

    ``rule`` is an RFC 5545 RRULE without the ``RRULE:`` prefix, expanded from ``starts_on``
    at ``time``; ``until`` is inclusive (``None`` = open-ended).
    """

    title: str
    villages: list[str]
    team: list[TeamMember]
    starts_on: date
    until: date | None
    time: str
    duration_minutes: int
    rule: str
    focus: list[str] = field(default_factory=list)
    note: str = ""


@dataclass(frozen=True)
class PlanView:
    id: str
    title: str
    villages: tuple[str, ...]
    team: tuple[TeamMember, ...]
    lead: str
    starts_on: date
    until: date | None
    time: str
    duration_minutes: int
    rule: str
    rule_text: str  # the cadence in Chinese: 每10天 / 每周二 / 每月第一个星期二 / 每半月…
    focus: tuple[str, ...]
    note: str
    active: bool


@dataclass(frozen=True)
class Occurrence:
    """One patrol on the calendar.

    ``kind``: planned (from the rule), moved (an exception moved it; ``original_on`` is the
    planned date), extra (a single extra visit, 专项排查). ``mark``: done (visited, with
    findings or a full record), zero (zero report), missed (past, no visit), cancelled (shown
    struck out), due (today, no visit yet), upcoming. ``visit_ids``: the visits recorded
    against it (one per village visited). ``extra_id``: for an extra visit, the id of its
    exception, which names it (see :attr:`identity`).
    """

    plan_id: str
    plan_title: str
    on: date
    time: str
    duration_minutes: int
    villages: tuple[str, ...]
    team: tuple[str, ...]  # names, lead first
    lead: str
    original_on: date | None
    kind: str  # planned | moved | extra
    mark: str  # done | zero | missed | cancelled | due | upcoming
    visit_ids: tuple[str, ...]
    extra_id: str = ""

    @property
    def key(self) -> date:
        """The occurrence's planned date (a moved one keeps it; an extra's is its own date).

        Visits store it as ``occurrence_on``; the iCalendar UID is built from it."""
        return self.original_on or self.on

    @property
    def identity(self) -> tuple[date, str]:
        """What names this occurrence for good: the planned date and, for an extra visit,
        its exception's id. A date alone is ambiguous: an extra visit may fall on the planned
        date of an occurrence moved away, or beside a planned one on the same day."""
        return self.key, self.extra_id

    @property
    def mark_label(self) -> str:
        return MARK_LABELS[self.mark]


@dataclass
class FindingDraft:
    """A dispute or risk found on a patrol. ``risk_level`` is required; ``due_on`` defaults
    to the found date plus the level's response time (patrol settings)."""

    summary: str
    parties: str = ""
    dispute_type: str = ""
    people_involved: int | None = None
    amount: str = ""  # yuan, as typed ("12000", "3,500.50")
    risk_level: str = ""  # red | orange | yellow | blue
    measure: str = "watch"  # mediated_on_site | registered | referred | watch
    responsible: str = ""
    due_on: date | None = None
    escalated_to: str = ""  # when given, an escalation (上报) is recorded with the finding
    escalated_on: date | None = None  # default: the visit's date
    result: str = ""
    id: str = ""  # correcting a visit: the recorded finding this is; "" = a new finding


@dataclass
class VisitDraft:
    """One patrol held. Unless ``ad_hoc`` it fulfils an occurrence of the plan, named by
    ``extra_id`` (an extra visit), else by ``occurrence_on`` (its planned date), else by
    ``on`` (the day it was held); a zero report has no findings; an empty ``team`` takes the
    plan's team."""

    plan_id: str | None
    occurrence_on: date | None
    on: date
    village: str
    team: list[str]
    places: str = ""
    households_visited: int = 0
    zero_report: bool = False
    note: str = ""
    findings: list[FindingDraft] = field(default_factory=list)
    ad_hoc: bool = False
    extra_id: str = ""  # the extra visit (专项排查) this fulfils, when it is one


@dataclass(frozen=True)
class EscalationView:
    id: str
    target: str
    at: datetime
    method: str
    summary: str
    received_by: str
    received_at: datetime | None
    result: str


@dataclass(frozen=True)
class FindingView:
    id: str
    visit_id: str
    found_on: date
    village: str
    summary: str
    parties: str
    dispute_type: str
    people_involved: int | None
    amount_fen: int | None
    risk_level: str
    risk_label: str
    measure: str
    measure_label: str
    responsible: str
    due_on: date | None
    overdue: bool  # still open after its due date
    status: str  # open | resolved | closed
    status_label: str
    result: str
    resolved_on: date | None
    case_id: str | None
    case_number: str
    escalations: tuple[EscalationView, ...]


@dataclass(frozen=True)
class VisitView:
    id: str
    plan_id: str | None
    plan_title: str
    occurrence_on: date | None
    on: date
    village: str
    team: tuple[str, ...]
    places: str
    households_visited: int
    zero_report: bool
    note: str
    findings: tuple[FindingView, ...]


@dataclass
class FindingFilter:
    """Empty fields do not filter. ``status``: open | resolved | closed | "" (all)."""

    risk_level: str = ""
    village: str = ""
    status: str = ""
    text: str = ""  # in summary, parties, responsible or result


@dataclass(frozen=True)
class PatrolCounts:
    """A month's screening figures (for the statistics work)."""

    year: int
    month: int
    patrols_held: int  # visits recorded (one per village visited)
    findings: int
    resolved_on_site: int
    became_cases: int
    zero_reports: int
    escalated: int  # findings escalated at least once


@dataclass(frozen=True)
class PatrolAgenda:
    """What 工作台 shows: today's patrols, recent ones missed, urgent open findings."""

    today: list[Occurrence]
    overdue: list[Occurrence]  # past (last 30 days), neither visited nor cancelled
    urgent_findings: list[FindingView]  # open red/orange, overdue first


@dataclass(frozen=True)
class PatrolResult:
    """What a write did: the id made or changed (a case id for ``finding_to_case``), the
    change set, warnings for the user, and the ids of findings a visit created."""

    id: str
    changes: ChangeSet
    warnings: list[str]
    finding_ids: list[str] = field(default_factory=list)
