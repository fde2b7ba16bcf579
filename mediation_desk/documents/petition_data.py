"""The plain data the visitor-request forms are built from (来访登记表, 督办单, 信访处理意见书).

Filled by :mod:`mediation_desk.services.petitions.printing`; every text is already as it is
printed (labels, not codes). The person's ID number and phone are printed in full: the paper
stays in the request's file, and a department must be able to reach the person.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from mediation_desk.documents.data import RoomInfo


@dataclass(frozen=True)
class PersonInfo:
    name: str
    gender: str = ""  # 男 / 女 / ""
    id_number: str = ""
    phone: str = ""
    address: str = ""


@dataclass(frozen=True)
class AssignmentInfo:
    department: str
    task: str  # 办理 / 转送或告知去向
    request: str
    responsible: str
    assigned_on: date
    due_on: date
    extension: str  # "延长10天：…" or ""
    result: str
    result_on: date | None


@dataclass(frozen=True)
class PetitionSheet:
    """One request as its forms print it."""

    room: RoomInfo
    number: str
    received_at: datetime
    channel: str
    received_by: str
    person: PersonInfo
    village: str
    compound: str
    category: str
    content: str
    respondent: str
    people_involved: int | None
    representatives: tuple[str, ...]
    earlier: tuple[str, ...]  # earlier requests and cases of the same person
    route: str  # 研判: the route's label, "" while not assessed
    assessment: str
    risk: str  # 红 / 橙 / 黄 / 蓝
    assessed_by: str
    assessed_on: date | None
    assignments: tuple[AssignmentInfo, ...]
    answer: str
    answer_method: str
    answered_on: date | None
    answered_by: str
    decision: str  # 予以支持 / 解释说明 / 不予支持 / ""
    facts_reasons: str
    legal_basis: str
    printed_on: date


@dataclass(frozen=True)
class SupervisionSheet:
    """督办单: one assignment sent to its department."""

    petition: PetitionSheet
    assignment: AssignmentInfo
    sequence: int  # the assignment's place on the request (督办单 第N份)
