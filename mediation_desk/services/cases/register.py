"""Reading the register: lists with filters, one case in full, and the exchange document.

Lists return small rows (ids and the columns a mediator scans) with ID numbers and phones
masked; the full document of a case is for ``show``/``export`` and carries them unmasked,
because those are deliberate acts of an authorised user (and are audited).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import peewee

from mediation_desk.domain.lifecycle import IN_HAND_STATUSES
from mediation_desk.domain.money import format_yuan
from mediation_desk.errors import PermissionDenied
from mediation_desk.services.cases.mine import my_cases
from mediation_desk.services.cases.number_lookup import find_case
from mediation_desk.services.exchange.case_document import CaseDocuments
from mediation_desk.services.exchange.review import under_review
from mediation_desk.services.settings.mediators import mediator_names
from mediation_desk.services.shared import audit
from mediation_desk.services.shared.actor import Actor
from mediation_desk.services.shared.permissions import require
from mediation_desk.store.database import Store
from mediation_desk.store.models import (
    Case,
    CaseMediator,
    Mediator,
    Party,
    Village,
)


@dataclass(frozen=True)
class CaseFilter:
    status: str | None = None  # a status code, or IN_HAND: every case not yet closed (在办)
    year: int | None = None
    dispute_type: str | None = None
    village: str | None = None
    mediator: str | None = None
    overdue_on: date | None = None  # open cases whose deadline is before this day
    to_review: bool = False  # only imported cases still to be checked (导入待核对)
    mine: bool = False  # only cases where the user is a mediator (我的; services/cases/mine.py)


#: The status filter's "在办": every case not yet closed or archived (lifecycle.IN_HAND_STATUSES).
IN_HAND = "in_hand"

#: No filter: every live case.
ALL_CASES = CaseFilter()


def _d(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _money(fen: int | None) -> str | None:
    return format_yuan(fen) if fen is not None else None


class RegisterService:
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor

    def query(self, f: CaseFilter = ALL_CASES) -> peewee.ModelSelect[Case]:
        """Live cases matching ``f``, newest first (received date, then number)."""
        q = Case.live()
        if f.status == IN_HAND:
            q = q.where(Case.status.in_([s.value for s in IN_HAND_STATUSES]))
        elif f.status:
            q = q.where(Case.status == f.status)
        if f.year:
            q = q.where(Case.received_on.between(date(f.year, 1, 1), date(f.year, 12, 31)))
        if f.dispute_type:
            q = q.where(Case.dispute_type == f.dispute_type)
        if f.village:
            villages = Village.select(Village.id).where(Village.name == f.village)
            q = q.where(Case.village.in_(villages))
        if f.mediator:
            q = q.where(Case.id.in_(
                CaseMediator.select(CaseMediator.case).join(Mediator)
                .where(Mediator.name == f.mediator, CaseMediator.deleted_at.is_null())))
        if f.overdue_on:  # live work only: an imported case still to be checked is not
            q = q.where(Case.deadline_on < f.overdue_on,
                        Case.status.in_(["registered", "notified", "investigating", "mediating"]),
                        Case.id.not_in(under_review()))
        if f.to_review:
            q = q.where(Case.id.in_(under_review()))
        if f.mine:
            q = q.where(Case.id.in_(my_cases(self.actor)))
        return q.order_by(Case.received_on.desc(), Case.number_seq.desc(), Case.created_at.desc())

    def list_summaries(self, f: CaseFilter = ALL_CASES, limit: int | None = None,
                       ) -> list[dict[str, Any]]:
        """The contract's list rows: id, number, title, status, date, type, village, parties."""
        q = self.query(f)
        if limit:
            q = q.limit(limit)
        cases = list(q)
        ids = [c.id for c in cases]
        villages = {v.id: v.name for v in Village.select(Village.id, Village.name)}
        names: dict[str, list[str]] = {i: [] for i in ids}
        for chunk_start in range(0, len(ids), 500):
            chunk = ids[chunk_start:chunk_start + 500]
            for p in (Party.select(Party.case, Party.name)
                      .where(Party.case.in_(chunk), Party.deleted_at.is_null())
                      .order_by(Party.position)):
                names[p.case_id].append(p.name)
        return [{
            "id": c.id, "number": c.number, "title": c.title, "status": c.status,
            "received_on": _d(c.received_on), "dispute_type": c.dispute_type,
            "village": villages.get(c.village_id or "", ""), "parties": names[c.id],
        } for c in cases]

    def mediator_names(self) -> list[str]:
        """Active mediators, for pick lists and filters."""
        return mediator_names()

    def by_number(self, number: str) -> Case:
        """The case a typed number names: in full, or short ("82", "2026-82")."""
        return find_case(number)

    def document(self, case: Case, *, audit_read: bool = True) -> dict[str, Any]:
        """The full ``mediation-desk/case@1`` document of a case (see contract.md), with the
        private records this account may read."""
        doc, _ = CaseDocuments(self.actor).document(case, private=True)
        if audit_read:
            with self.store.write():
                audit.record(self.actor, "read", case, detail="查看完整案件（含身份证号码）")
        return doc

    def export(self, numbers: list[str] | None = None, *, include_private: bool = False,
               deliver: Callable[[list[dict[str, Any]]], None] | None = None
               ) -> list[dict[str, Any]]:
        """Documents of the cases named (or every live case, oldest first), audited.

        Private records go out only with ``include_private`` and only those this account may
        read; each document counts what it left out (``omitted_private_records``), and
        :meth:`omitted_private` totals it for the caller to say. ``deliver`` (writing the
        file) runs inside the audit's transaction: an export that could not be written is
        not recorded.
        """
        require(self.actor, "export")  # every party's personal data leaves the register
        if include_private and not self.actor.sees_private_notes:
            raise PermissionDenied("只有调委会主任可以导出不公开的工作笔记（--include-private）")
        cases = [self.by_number(n) for n in numbers] if numbers else \
            list(self.query().order_by(Case.received_on, Case.number_seq, Case.created_at))
        builder = CaseDocuments(self.actor)
        docs = [builder.document(c, private=include_private)[0] for c in cases]
        omitted = sum(d["omitted_private_records"] for d in docs)
        with self.store.write():
            if deliver is not None:
                deliver(docs)
            audit.record(self.actor, "export", entity="case", detail=(
                f"导出{len(docs)}件案件" + ("（含不公开记录）" if include_private else "")
                + (f"，略去{omitted}条不公开记录" if omitted else "")))
        return docs

    @staticmethod
    def omitted_private(docs: list[dict[str, Any]]) -> int:
        """How many private records the documents left out."""
        return sum(int(d.get("omitted_private_records") or 0) for d in docs)
