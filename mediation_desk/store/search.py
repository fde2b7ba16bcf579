"""Full-text search over cases, parties, records and agreements.

Why bigrams and not the trigram tokenizer: architecture.md planned FTS5 trigram, but a trigram
index cannot answer a 2-character query at all (measured: ``MATCH '张喆'`` on a trigram table
returns nothing), and two-character names are common. Overlapping bigrams, indexed as tokens
by FTS5's ``ascii`` tokenizer (every non-ASCII character is a token character), answer any
query of two or more characters as a phrase of its bigrams — "张喆" is one token, "邻里纠纷"
the phrase "邻里 里纠 纠纷" — from one index of the same size as a trigram one. One-character
queries fall back to a scan of party names and case titles.

The index is contentless (``content=''``): the original text lives once in ``search_doc`` for
snippets, and the FTS table holds only the tokens. Pinyin initials of party names ("zz" for
张喆) are indexed as their own documents so a mediator can type them without an IME.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mediation_desk.store.database import Store

SNIPPET_RADIUS = 18


def create_schema(store: Store) -> None:
    store.execute(
        "CREATE TABLE IF NOT EXISTS search_doc ("
        " id INTEGER PRIMARY KEY, case_id TEXT NOT NULL, field TEXT NOT NULL,"
        " ref_id TEXT NOT NULL DEFAULT '', private_owner TEXT NOT NULL DEFAULT '',"
        " text TEXT NOT NULL)"
    )
    store.execute("CREATE INDEX IF NOT EXISTS search_doc_case ON search_doc(case_id)")
    store.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
        "tokens, content='', contentless_delete=1, tokenize='ascii')"
    )


def normalize(text: str) -> str:
    """Full-width to half-width, lower case: what both documents and queries go through."""
    return unicodedata.normalize("NFKC", text).casefold()


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or unicodedata.category(ch) == "Co"  # private-use: rare-name glyphs


def _runs(text: str) -> Iterable[str]:
    run: list[str] = []
    for ch in normalize(text):
        if _is_word_char(ch):
            run.append(ch)
        elif run:
            yield "".join(run)
            run = []
    if run:
        yield "".join(run)


def words(text: str) -> list[str]:
    """The word runs of ``text`` as the index sees them (normalised), e.g. for marking."""
    return list(_runs(text))


def bigram_tokens(text: str) -> list[str]:
    """Overlapping bigrams of every word run; a one-character run is its own token."""
    tokens: list[str] = []
    for run in _runs(text):
        if len(run) == 1:
            tokens.append(run)
        else:
            tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
    return tokens


def match_expression(query: str) -> str | None:
    """The FTS5 MATCH text for a query: each word a phrase of bigrams, words ANDed.

    ``None`` when some word is a single character (the index cannot answer it).
    """
    phrases = []
    for run in _runs(query):
        if len(run) < 2:
            return None
        phrases.append('"' + " ".join(run[i : i + 2] for i in range(len(run) - 1)) + '"')
    return " AND ".join(phrases) if phrases else None


def warm_up() -> None:
    """Import pypinyin now (~0.15 s, most of it its phrase dictionary).

    Not at module import: that put it on every start's critical path. Not silently on first
    use either: a module first imported on a worker thread while the window's thread runs can
    crash PySide6's import hook (seen: demo data filled in the background aborted in
    pypinyin's import). So the window calls this on its own thread right after the first
    paint and again before starting any background job (``ui.workers``); the command line
    simply imports on first use.
    """
    import pypinyin  # noqa: F401


def pinyin_initials(name: str) -> str:
    """Initials of every reading of a name, space-separated ("单雄" → "sx dx").

    Surnames are often heteronyms (单 shan/dan, 曾 zeng/ceng); keeping every reading (capped)
    means a mediator finds the party whichever one she types.
    """
    from pypinyin import Style, pinyin

    readings: list[list[str]] = pinyin(
        name, style=Style.FIRST_LETTER, heteronym=True, errors="ignore", strict=False
    )
    combos = [""]
    for options in readings:
        letters = sorted({o[:1].lower() for o in options if o and o[:1].isascii()})
        if not letters:
            continue
        combos = [c + letter for c in combos for letter in letters][:8]
    return " ".join(c for c in combos if c)


@dataclass(frozen=True)
class SearchDoc:
    """One searchable piece of a case: which field it came from and its text."""

    field: str
    text: str
    ref_id: str = ""
    private_owner: str = ""
    tokens_text: str | None = None  # index these instead of ``text`` (pinyin initials)


def add_docs_of_cases(store: Store, docs: dict[str, list[SearchDoc]]) -> None:
    """Index documents of many cases at once (one id lookup, two batched inserts)."""
    rows = [(case_id, doc) for case_id, case_docs in docs.items() for doc in case_docs
            if doc.text.strip()]
    if not rows:
        return
    first = store.execute("SELECT coalesce(max(id), 0) + 1 FROM search_doc").fetchall()[0][0]
    cursor = store.connection().cursor()
    cursor.executemany(
        "INSERT INTO search_doc(id, case_id, field, ref_id, private_owner, text)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(first + n, case_id, d.field, d.ref_id, d.private_owner, d.text)
         for n, (case_id, d) in enumerate(rows)])
    cursor.executemany(
        "INSERT INTO search_fts(rowid, tokens) VALUES (?, ?)",
        [(first + n, " ".join(bigram_tokens(d.tokens_text if d.tokens_text is not None
                                            else d.text)))
         for n, (_, d) in enumerate(rows)])


def add_docs(store: Store, case_id: str, docs: Iterable[SearchDoc]) -> None:
    """Index more documents of one case (a new case, a new record), inside the caller's
    transaction.

    Why batched with explicit row ids: a case has a dozen documents, and one statement per
    document and per index row made indexing the slowest part of every write. The ids are
    what SQLite would choose itself (the largest plus one); the caller's write transaction
    keeps anyone else from taking them meanwhile.
    """
    rows = [doc for doc in docs if doc.text.strip()]
    if not rows:
        return
    first = store.execute("SELECT coalesce(max(id), 0) + 1 FROM search_doc").fetchall()[0][0]
    ids = range(first, first + len(rows))
    cursor = store.connection().cursor()
    cursor.executemany(
        "INSERT INTO search_doc(id, case_id, field, ref_id, private_owner, text)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(rowid, case_id, d.field, d.ref_id, d.private_owner, d.text)
         for rowid, d in zip(ids, rows, strict=True)],
    )
    cursor.executemany(
        "INSERT INTO search_fts(rowid, tokens) VALUES (?, ?)",
        [(rowid, " ".join(bigram_tokens(d.tokens_text if d.tokens_text is not None else d.text)))
         for rowid, d in zip(ids, rows, strict=True)],
    )


def replace_case_docs(store: Store, case_id: str, docs: Iterable[SearchDoc]) -> None:
    """Re-index one case: drop its old documents and add the new ones (inside the caller's
    transaction, so the index never disagrees with the data)."""
    delete_case_docs(store, case_id)
    add_docs(store, case_id, docs)


def cases_with_docs(store: Store, case_ids: list[str]) -> dict[str, bool]:
    """For each case, whether it has any document in the index."""
    found: dict[str, bool] = dict.fromkeys(case_ids, False)
    for start in range(0, len(case_ids), 500):
        part = case_ids[start:start + 500]
        rows = store.execute("SELECT DISTINCT case_id FROM search_doc WHERE case_id IN "
                             f"({', '.join('?' * len(part))})", tuple(part)).fetchall()
        found.update((str(r[0]), True) for r in rows)
    return found


def delete_ref_docs(store: Store, refs: Iterable[tuple[str, str, str]]) -> None:
    """Drop documents of rows of cases: (case id, ref id, field) — ref id "" for a case's
    own fields, field "" for all of the row's documents (inside the caller's transaction)."""
    every = [(case_id, ref_id) for case_id, ref_id, field in refs if not field]
    some = [(case_id, ref_id, field) for case_id, ref_id, field in refs if field]
    cursor = store.connection().cursor()
    if every:
        cursor.executemany(
            "DELETE FROM search_fts WHERE rowid IN"
            " (SELECT id FROM search_doc WHERE case_id = ? AND ref_id = ?)", every)
        cursor.executemany("DELETE FROM search_doc WHERE case_id = ? AND ref_id = ?", every)
    if some:
        cursor.executemany(
            "DELETE FROM search_fts WHERE rowid IN (SELECT id FROM search_doc"
            " WHERE case_id = ? AND ref_id = ? AND field = ?)", some)
        cursor.executemany(
            "DELETE FROM search_doc WHERE case_id = ? AND ref_id = ? AND field = ?", some)


def delete_case_docs(store: Store, case_id: str) -> None:
    store.execute(
        "DELETE FROM search_fts WHERE rowid IN (SELECT id FROM search_doc WHERE case_id = ?)",
        (case_id,),
    )
    store.execute("DELETE FROM search_doc WHERE case_id = ?", (case_id,))


@dataclass(frozen=True)
class Hit:
    case_id: str
    field: str
    ref_id: str
    snippet: str


def snippet(text: str, query: str) -> str:
    """The text around the first match, on one line, with ellipses where cut."""
    flat = " ".join(text.split())
    words = [w for w in _runs(query)]
    pos = -1
    norm = normalize(flat)
    for w in words:
        pos = norm.find(w)
        if pos >= 0:
            break
    if pos < 0:
        return flat[: SNIPPET_RADIUS * 2] + ("…" if len(flat) > SNIPPET_RADIUS * 2 else "")
    start = max(0, pos - SNIPPET_RADIUS)
    end = min(len(flat), pos + len(words[0]) + SNIPPET_RADIUS)
    return ("…" if start else "") + flat[start:end] + ("…" if end < len(flat) else "")


def search(store: Store, query: str, *, viewer: str = "", see_private: bool = False,
           limit: int = 50) -> list[Hit]:
    """Newest-indexed matches first. Private notes only for their author (or ``see_private``).

    Rows come in descending rowid order, which FTS5 serves without sorting the whole match
    set, so a query hitting half the register still returns its first 50 at once.
    """
    query = query.strip()
    if not query:
        return []
    expression = match_expression(query)
    privacy = "" if see_private else " AND (d.private_owner = '' OR d.private_owner = ?)"
    params: tuple[object, ...]
    if expression is not None:
        sql = (
            "SELECT d.case_id, d.field, d.ref_id, d.text FROM search_fts f"
            " JOIN search_doc d ON d.id = f.rowid WHERE search_fts MATCH ?"
            + privacy + " ORDER BY f.rowid DESC LIMIT ?"
        )
        params = (expression, viewer, limit) if privacy else (expression, limit)
    else:
        like = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        sql = (
            "SELECT d.case_id, d.field, d.ref_id, d.text FROM search_doc d"
            " WHERE d.field IN ('party', 'title') AND d.text LIKE ? ESCAPE '\\'"
            + privacy + " ORDER BY d.id DESC LIMIT ?"
        )
        params = (like, viewer, limit) if privacy else (like, limit)
    return [
        Hit(case_id=row[0], field=row[1], ref_id=row[2], snippet=snippet(row[3], query))
        for row in store.execute(sql, params)
    ]
