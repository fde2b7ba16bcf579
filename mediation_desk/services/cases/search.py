"""Search as a mediator uses it: any text, a two-character name, or pinyin initials."""

from __future__ import annotations

from dataclasses import dataclass

from mediation_desk.services.shared.actor import Actor
from mediation_desk.store import search
from mediation_desk.store.database import Store
from mediation_desk.store.models import Case

FIELD_LABELS = {
    "title": "标题", "summary": "纠纷简要情况", "requests": "申请事项", "party": "当事人",
    "pinyin": "当事人（拼音首字母）", "record": "记录", "agreement": "协议", "term": "协议条款",
}


@dataclass(frozen=True)
class SearchResult:
    case_id: str
    number: str
    title: str
    field: str
    snippet: str


def warm_up() -> None:
    """Load the pinyin dictionary now, on the calling thread (see store.search.warm_up)."""
    search.warm_up()


class SearchService:
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor

    def search(self, query: str, limit: int = 50) -> list[SearchResult]:
        hits = search.search(self.store, query, viewer=self.actor.account_id,
                             see_private=self.actor.sees_private_notes, limit=limit)
        ids = list({h.case_id for h in hits})
        cases = {c.id: c for c in Case.select(Case.id, Case.number, Case.title)
                 .where(Case.id.in_(ids), Case.deleted_at.is_null())}
        return [SearchResult(h.case_id, cases[h.case_id].number or "", cases[h.case_id].title,
                             h.field, h.snippet) for h in hits if h.case_id in cases]
