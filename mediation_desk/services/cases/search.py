"""Search as a mediator uses it: any text, a two-character name, or pinyin initials.

Two shapes of answer. :meth:`SearchService.search` gives one row per matching field — the
contract's ``search --json`` rows. :meth:`SearchService.search_cases` gives one row per
case, with its number, title and status and its best snippets, the matching words marked:
a day of use showed the per-field list naming one case three or four times, without saying
whether it was still open (issue 16).
"""

from __future__ import annotations

from dataclasses import dataclass

from mediation_desk.domain.lifecycle import STATUS_LABELS, CaseStatus
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store import search
from mediation_desk.store.database import Store
from mediation_desk.store.models import Case

FIELD_LABELS = {
    "title": "标题", "summary": "纠纷简要情况", "requests": "申请事项", "party": "当事人",
    "pinyin": "当事人（拼音首字母）", "record": "记录", "agreement": "协议", "term": "协议条款",
}
#: Which matching field says most about why a case was found, best first: a party's name is
#: what a mediator usually types; the title is shown on the row anyway.
FIELD_RANK = ("party", "pinyin", "summary", "requests", "term", "agreement", "record", "title")
SNIPPETS_PER_CASE = 2
#: Field rows read per case wanted: enough that a case matched in many fields does not crowd
#: the others out of the grouped list, few enough to stay within the search budget.
ROWS_PER_CASE = 6

Span = tuple[int, int]


@dataclass(frozen=True)
class SearchResult:
    case_id: str
    number: str
    title: str
    field: str
    snippet: str


@dataclass(frozen=True)
class Snippet:
    """Where a case matched: the field, its Chinese name, the text, and the matched spans."""

    field: str
    label: str
    text: str
    marks: tuple[Span, ...]


@dataclass(frozen=True)
class CaseHit:
    """One case found: what the register row says, and why it was found."""

    case_id: str
    number: str
    title: str
    status: CaseStatus
    status_label: str
    title_marks: tuple[Span, ...]
    snippets: tuple[Snippet, ...]


def marks(text: str, query: str) -> tuple[Span, ...]:
    """Spans of ``text`` where a word of ``query`` occurs, compared as the index compares
    (full-width folded, case-insensitive); overlapping spans merged."""
    folded: list[str] = []
    origin: list[int] = []  # for each folded character, the index it came from
    for index, ch in enumerate(text):
        for piece in search.normalize(ch):
            folded.append(piece)
            origin.append(index)
    haystack = "".join(folded)
    found: list[Span] = []
    for word in set(search.words(query)):
        start = haystack.find(word)
        while start >= 0:
            end = start + len(word)
            found.append((origin[start], origin[end - 1] + 1))
            start = haystack.find(word, start + 1)
    merged: list[Span] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def warm_up() -> None:
    """Load the pinyin dictionary now, on the calling thread (see store.search.warm_up)."""
    search.warm_up()


class SearchService:
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor

    def _hits(self, query: str, limit: int) -> list[search.Hit]:
        return search.search(self.store, query, viewer=self.actor.account_id,
                             see_private=self.actor.sees_private_notes, limit=limit)

    def search(self, query: str, limit: int = 50) -> list[SearchResult]:
        hits = self._hits(query, limit)
        ids = list({h.case_id for h in hits})
        cases = {c.id: c for c in Case.select(Case.id, Case.number, Case.title)
                 .where(Case.id.in_(ids), Case.deleted_at.is_null())}
        return [SearchResult(h.case_id, cases[h.case_id].number or "", cases[h.case_id].title,
                             h.field, h.snippet) for h in hits if h.case_id in cases]

    def search_cases(self, query: str, limit: int = 30) -> list[CaseHit]:
        """One row per case (the most recently written first), each with its best
        :data:`SNIPPETS_PER_CASE` snippets by :data:`FIELD_RANK`."""
        hits = self._hits(query, limit * ROWS_PER_CASE)
        by_case: dict[str, list[search.Hit]] = {}
        for hit in hits:
            by_case.setdefault(hit.case_id, []).append(hit)
        cases = {c.id: c for c in Case.select(Case.id, Case.number, Case.title, Case.status)
                 .where(Case.id.in_(list(by_case)), Case.deleted_at.is_null())}
        found = []
        for case_id, case_hits in by_case.items():
            case = cases.get(case_id)
            if case is None:
                continue
            status = CaseStatus(case.status)
            found.append(CaseHit(case_id, case.number or "", case.title, status,
                                 STATUS_LABELS[status], marks(case.title, query),
                                 _best(case_hits, query)))
            if len(found) == limit:
                break
        return found


def _best(hits: list[search.Hit], query: str) -> tuple[Snippet, ...]:
    """The case's most telling snippets: by field rank, one per party or record, never the
    title (the row shows it), a pinyin match only where the name itself did not match."""
    ranked = sorted(hits, key=lambda h: FIELD_RANK.index(h.field)
                    if h.field in FIELD_RANK else len(FIELD_RANK))
    chosen: list[Snippet] = []
    seen: set[tuple[str, str]] = set()
    named = {h.ref_id for h in hits if h.field == "party"}
    for hit in ranked:
        if hit.field == "title" or (hit.field == "pinyin" and hit.ref_id in named):
            continue
        key = (hit.field, hit.ref_id or hit.snippet)
        if key in seen:
            continue
        seen.add(key)
        spans = ((0, len(hit.snippet)),) if hit.field == "pinyin" else marks(hit.snippet, query)
        chosen.append(Snippet(hit.field, FIELD_LABELS.get(hit.field, hit.field), hit.snippet,
                              spans))
        if len(chosen) == SNIPPETS_PER_CASE:
            break
    return tuple(chosen)
