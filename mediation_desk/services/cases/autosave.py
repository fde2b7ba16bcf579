"""Drafts saved while a mediator types, so a crash or a power cut loses nothing.

Why in the encrypted register and not a temp file: a draft holds the same personal data as a
case. Why not audited: a draft is not a record yet; auditing every pause in typing would bury
the trail. Drafts belong to one account on one device and are never synced.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.base import to_local, utc_now
from mediation_desk.store.database import Store
from mediation_desk.store.models import Draft

DRAFT_KINDS = {"intake": "受理登记", "record": "记录", "agreement": "调解协议",
               "patrol_visit": "排查记录", "agreement_edit": "协议修改"}


@dataclass(frozen=True)
class DraftInfo:
    id: str
    kind: str
    case_ref: str
    title: str
    saved_at: datetime


class AutosaveService:
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor

    def save(self, kind: str, payload: dict[str, Any], *, draft_id: str | None = None,
             case_ref: str = "", title: str = "") -> str:
        """Create or overwrite a draft; returns its id (keep it for the next save)."""
        text = json.dumps(payload, ensure_ascii=False, default=str)
        with self.store.write() as changes:
            row = Draft.get_or_none(Draft.id == draft_id) if draft_id else None
            if row is None or row.account != self.actor.account_id:
                row = Draft.create(account=self.actor.account_id, kind=kind, case_ref=case_ref,
                                   title=title, payload=text)
            else:
                row.payload, row.title, row.deleted_at = text, title, None
                row.save()
            changes.touch("draft")
        return row.id

    def load(self, draft_id: str) -> dict[str, Any] | None:
        row = Draft.live().where(Draft.id == draft_id,
                                 Draft.account == self.actor.account_id).first()
        if row is None:
            return None
        payload: dict[str, Any] = json.loads(row.payload)
        return payload

    def discard(self, draft_id: str) -> None:
        """The form was saved for real or abandoned on purpose: the draft goes."""
        with self.store.write() as changes:
            Draft.delete().where(Draft.id == draft_id,
                                 Draft.account == self.actor.account_id).execute()
            changes.touch("draft")

    def pending(self, kind: str | None = None, case_ref: str | None = None) -> list[DraftInfo]:
        query = Draft.live().where(Draft.account == self.actor.account_id)
        if kind:
            query = query.where(Draft.kind == kind)
        if case_ref is not None:
            query = query.where(Draft.case_ref == case_ref)
        return [DraftInfo(d.id, d.kind, d.case_ref, d.title, to_local(d.updated_at or utc_now()))
                for d in query.order_by(Draft.updated_at.desc())]

