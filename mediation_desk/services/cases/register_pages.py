"""The register as the window pages through it: a count, then pages of display rows.

Why pages and not all ids: a 100,000-case register must paint its first rows at once
(architecture.md §10: ≤ 150 ms). Counting and reading one page of a hundred rows uses the
indexes; the table model asks for further pages only as the mediator scrolls to them.
Rows carry what a mediator scans, with phones masked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import peewee

from mediation_desk import clock
from mediation_desk.domain.deadlines import days_left
from mediation_desk.domain.lifecycle import STATUS_LABELS, CaseStatus, is_open
from mediation_desk.domain.phone import mask_phone
from mediation_desk.services.cases.register import ALL_CASES, CaseFilter, RegisterService
from mediation_desk.services.exchange.review import under_review
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.database import Store
from mediation_desk.store.models import (
    Case,
    CaseArrival,
    CaseMediator,
    Mediator,
    Party,
    Village,
)

PAGE_SIZE = 100


@dataclass(frozen=True)
class RegisterRow:
    id: str
    number: str
    title: str
    parties: str
    contact: str  # the first applicant's phone, masked
    dispute_type: str
    village: str
    status: CaseStatus
    status_label: str
    received_on: date
    days_left: int | None  # None once mediation has ended
    mediator: str
    risk_level: str
    to_review: bool = False  # imported, still to be checked: no deadline counted (导入待核对)

    @property
    def overdue(self) -> bool:
        return self.days_left is not None and self.days_left < 0


#: Sort keys the register's columns offer; each is served by an index or a small join.
SORT_KEYS = ("number", "title", "dispute_type", "village", "status", "received_on",
             "days_left")


class RegisterPages:
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor
        self._register = RegisterService(store, actor)

    def _ordered(self, f: CaseFilter, sort: str, descending: bool) -> peewee.ModelSelect[Case]:
        query = self._register.query(f).order_by()
        keys: list[Any]
        if sort == "number":
            keys = [Case.number_year, Case.number_seq]
        elif sort == "village":
            query = query.join(Village, peewee.JOIN.LEFT_OUTER,
                               on=(Case.village == Village.id))
            keys = [Village.name]
        elif sort == "days_left":
            keys = [Case.deadline_on]
        elif sort in SORT_KEYS:
            keys = [getattr(Case, sort)]
        else:
            raise ValueError(f"unknown sort key {sort!r}")
        # Ties broken newest first; a key listed twice would make SQLite sort the whole
        # table instead of walking the index (measured: 328 ms against 0.3 ms at 100,000).
        for tie in (Case.received_on, Case.number_seq):
            if not any(tie is key for key in keys):  # identity: peewee overloads ==
                keys.append(tie)
        return query.order_by(*[k.desc() if descending else k.asc() for k in keys])

    def count(self, f: CaseFilter = ALL_CASES) -> int:
        return int(self._register.query(f).order_by().count())

    def page(self, f: CaseFilter = ALL_CASES, *, sort: str = "received_on",
             descending: bool = True, offset: int = 0, limit: int = PAGE_SIZE,
             today: date | None = None) -> list[RegisterRow]:
        today = today or clock.today()
        cases = list(self._ordered(f, sort, descending).offset(offset).limit(limit))
        ids = [c.id for c in cases]
        villages: dict[str, str] = {}
        village_ids = {c.village_id for c in cases if c.village_id}
        if village_ids:
            villages = {v.id: v.name for v in Village.select(Village.id, Village.name)
                        .where(Village.id.in_(list(village_ids)))}
        names: dict[str, list[str]] = {i: [] for i in ids}
        phones: dict[str, str] = {}
        for p in (Party.select(Party.case, Party.name, Party.phone, Party.side)
                  .where(Party.case.in_(ids), Party.deleted_at.is_null())
                  .order_by(Party.position)):
            names[p.case_id].append(p.name)
            if p.side == "applicant" and p.phone and p.case_id not in phones:
                phones[p.case_id] = mask_phone(p.phone)
        leads: dict[str, str] = {}
        for cm in (CaseMediator.select(CaseMediator.case, Mediator.name).join(Mediator)
                   .where(CaseMediator.case.in_(ids), CaseMediator.deleted_at.is_null())
                   .order_by(CaseMediator.position)):
            leads.setdefault(cm.case_id, cm.mediator.name)
        waiting = {a.case_id for a in under_review().where(CaseArrival.case.in_(ids))}
        rows = []
        for c in cases:
            status = CaseStatus(c.status)
            rows.append(RegisterRow(
                id=c.id, number=c.number or "", title=c.title, parties="、".join(names[c.id]),
                contact=phones.get(c.id, ""), dispute_type=c.dispute_type,
                village=villages.get(c.village_id or "", ""), status=status,
                status_label=STATUS_LABELS[status], received_on=c.received_on,
                days_left=days_left(c.deadline_on, today)
                if is_open(status) and c.id not in waiting else None,
                mediator=leads.get(c.id, ""), risk_level=c.risk_level,
                to_review=c.id in waiting))
        return rows
