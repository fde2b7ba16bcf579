"""The plain data a printed form is built from (architecture.md §4).

Builders in this package know nothing of peewee or Qt: a service reads the register and fills
these frozen dataclasses; a builder turns them into PDF bytes. Keeping the boundary here means
a form can be tested from a literal ``CaseFile`` and a service from the data it produces.

Conventions: every text is already in Chinese as it should be printed (labels, not codes,
except where a field says "code"); money is integer fen (``None`` = not stated); dates are
``datetime.date``. Private working notes never reach a ``CaseFile``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from mediation_desk import clock


@dataclass(frozen=True)
class RoomInfo:
    """The room as the settings describe it; used in every header, footer and seal area."""

    room_name: str  # 问房调解室
    committee_name: str  # 湖头镇人民调解委员会 (the body whose seal goes on agreements)
    header: str = ""  # optional line above titles, e.g. "安溪县湖头镇"
    address: str = ""  # where the room sits (default place of mediation and performance)
    phone: str = ""
    court: str = ""  # the basic court for judicial confirmation, e.g. "安溪县人民法院"
    font_path: str = ""  # the room's configured font file, tried first; "" = none


@dataclass(frozen=True)
class PartyInfo:
    side: str  # code: applicant | respondent | third_party
    side_label: str  # 申请人 / 被申请人 / 第三人 (or 对方当事人 in a simple procedure)
    kind: str  # code: person | organization
    name: str
    gender: str = ""  # 男 / 女 / ""
    ethnicity: str = ""
    birth_date: date | None = None
    age: int | None = None  # on the case's received date
    id_type: str = "resident_id"  # code: resident_id | other
    id_number: str = ""  # printed in full: a court needs it (lists on screen mask it)
    phone: str = ""
    address: str = ""
    occupation: str = ""  # occupation or post; for an organisation, empty
    legal_representative: str = ""  # organisations
    agent: str = ""  # 委托代理人, when one acts


@dataclass(frozen=True)
class MediatorInfo:
    name: str
    role: str  # code: lead | member | recorder
    role_label: str  # 主持人 / 参与 / 记录人


@dataclass(frozen=True)
class RecordInfo:
    """An investigation or mediation record (never a private note)."""

    kind: str  # code: investigation | mediation | followup
    at: datetime
    place: str
    participants: tuple[str, ...]
    author: str
    body: str
    addendum: bool = False  # written after the case was closed


@dataclass(frozen=True)
class TermInfo:
    number: int  # 1-based, as printed
    text: str
    obligor: str = ""
    obligee: str = ""
    amount_fen: int | None = None
    due_on: date | None = None
    place: str = ""
    method: str = ""  # manner of performance, e.g. 现金 / 银行转账
    performance: str = ""  # 即时履行 / 承诺履行 / 已履行 / 未履行


@dataclass(frozen=True)
class AgreementInfo:
    form: str  # code: written | oral
    reached_on: date
    effective_on: date | None
    facts: str
    issues: str
    responsibilities: str
    terms: tuple[TermInfo, ...]


@dataclass(frozen=True)
class FollowUpInfo:
    due_on: date
    done_on: date | None
    visited: str
    performance: str
    satisfaction: str
    sued: bool
    renewed_conflict: str
    measures: str
    visitor: str
    body: str = ""  # the follow-up record's text, when one was written


@dataclass(frozen=True)
class PrintedInfo:
    """A document already printed for this case (for the contents list)."""

    kind: str
    title: str
    at: datetime
    pages: int


@dataclass(frozen=True)
class AttachmentInfo:
    """A file filed to the case (附件), as the dossier lists it; ``image`` holds the bytes of
    an image the whole-file print includes as a page (None otherwise, or when only listing)."""

    title: str
    kind: str  # code: signed_agreement | evidence | receipt | photo | other
    kind_label: str  # 签字协议书扫描件 / 证据材料 / 履行凭证 / 照片 / 其他材料
    added_on: date
    file_name: str = ""
    printable: bool = False  # an image the dossier prints as a page
    image: bytes | None = None


@dataclass(frozen=True)
class CaseFile:
    """Everything any form of one case may print."""

    room: RoomInfo
    number: str  # （2026）湖头人调字第12号
    title: str
    status: str  # label, e.g. 调解中
    received_on: date
    source: str  # label, e.g. 当事人申请 / 排查发现
    dispute_type: str  # label, e.g. 邻里纠纷
    village: str
    summary: str
    requests: tuple[str, ...]
    procedure: str  # code: normal | simple
    parties: tuple[PartyInfo, ...]
    mediators: tuple[MediatorInfo, ...]
    records: tuple[RecordInfo, ...] = ()
    agreement: AgreementInfo | None = None
    followups: tuple[FollowUpInfo, ...] = ()
    amount_fen: int | None = None
    people_involved: int | None = None
    risk_level: str = ""  # label 红/橙/黄/蓝
    notified_on: date | None = None  # the rights notice was given (step NOTIFY)
    deadline_on: date | None = None
    closed_on: date | None = None
    archived_on: date | None = None
    outcome: str = ""  # label: 调解成功 / 调解不成功 / 终止调解 / 不予受理 / ""
    termination_reason: str = ""
    refusal_reason: str = ""
    retention: str = ""  # 保管期限, e.g. "10年"
    filed_by: str = ""  # 立卷人
    printed: tuple[PrintedInfo, ...] = ()
    attachments: tuple[AttachmentInfo, ...] = ()  # oldest first
    printed_on: date = field(default_factory=clock.today)  # the date printed on forms

    @property
    def lead_mediator(self) -> str:
        for m in self.mediators:
            if m.role == "lead":
                return m.name
        return self.mediators[0].name if self.mediators else ""

    @property
    def recorder(self) -> str:
        for m in self.mediators:
            if m.role == "recorder":
                return m.name
        return ""

    def side(self, code: str) -> tuple[PartyInfo, ...]:
        return tuple(p for p in self.parties if p.side == code)


# -- patrols (issue 4) -----------------------------------------------------------------------

@dataclass(frozen=True)
class PatrolSlot:
    """One occurrence on the month's timetable."""

    on: date
    time: str  # HH:MM
    plan_title: str
    villages: tuple[str, ...]
    team: tuple[str, ...]  # names, lead first
    lead: str
    mark: str = ""  # 已排查 / 零报告 / 未排查 / 已取消 / 改期 / "" (still to come)


@dataclass(frozen=True)
class PatrolMonth:
    room: RoomInfo
    year: int
    month: int
    slots: tuple[PatrolSlot, ...]


@dataclass(frozen=True)
class FindingInfo:
    summary: str
    parties: str
    dispute_type: str
    people_involved: int | None
    amount_fen: int | None
    risk_level: str  # label 红/橙/黄/蓝
    measure: str  # label 当场调处 / 登记立案 / 移交 / 持续关注
    responsible: str
    due_on: date | None
    escalated_to: str = ""
    result: str = ""
    case_number: str = ""  # when it became a case


@dataclass(frozen=True)
class PatrolVisitSheet:
    """The patrol record form (排查记录表) of one visit."""

    room: RoomInfo
    on: date
    village: str
    plan_title: str  # "" for an ad-hoc visit
    team: tuple[str, ...]
    lead: str
    places: str
    households_visited: int
    zero_report: bool
    findings: tuple[FindingInfo, ...]
    note: str = ""
    focus: tuple[str, ...] = ()
