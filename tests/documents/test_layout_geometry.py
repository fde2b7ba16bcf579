"""Every printed form holds under every face: read back as geometry, not as one font's text.

Each form (and the dossier, contents, patrol timetable and visit record) is built with the
room's face being, in turn, the bundled LXGW WenKai, a generated face 8 % wider than any real
one, and each of AR PL UMing, AR PL UKai, WenQuanYi Micro Hei / Zen Hei, SimSun and FangSong the
machine has. The PDF is then read back with pdfminer (:mod:`tests.documents.geometry`) and
checked for what a reader of the paper would notice: text outside the page's text area, a rule
drawn through a character (a cell overflowing), two characters printed over each other, a
party's name broken over two lines inside a cell or a signature cell, too many or too few pages.
The agreement is also checked where the parties sign: every name whole, 年 月 日 on one line,
the committee's name and the date inside the seal circle.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4, landscape

from mediation_desk import documents
from mediation_desk.documents.data import CaseFile
from mediation_desk.documents.fonts import forced_chain
from mediation_desk.documents.layout import BOTTOM, LEFT, RIGHT, TOP
from tests.documents import conftest as engine
from tests.documents import forms_data as cases
from tests.documents import geometry as geo
from tests.documents.faces import ALL, chain_sources


@dataclass(frozen=True)
class Doc:
    id: str
    build: Callable[[], bytes]
    pages: tuple[int, int]  # fewest and most pages any face may take
    names: tuple[str, ...]  # names that must never break inside a cell
    landscape: bool = False
    committee: str = engine.ROOM.committee_name


def _names(case: CaseFile) -> tuple[str, ...]:
    return tuple(p.name for p in case.parties)


def _form(kind: str, make: Callable[[], CaseFile], pages: tuple[int, int]) -> Doc:
    return Doc(f"{kind}-{make.__name__}", lambda: documents.build(kind, make()), pages,
               _names(make()), committee=make().room.committee_name)


DOCS = (
    _form("agreement", engine.two_party_case, (2, 2)),
    _form("agreement", engine.three_party_case, (3, 3)),
    _form("agreement", engine.long_case, (3, 4)),
    _form("agreement", engine.short_case, (1, 2)),
    _form("agreement", engine.long_names_case, (3, 3)),
    _form("confirmation", engine.long_names_case, (3, 4)),
    _form("oral-agreement", engine.oral_case, (1, 1)),
    _form("application", cases.agreed_case, (1, 2)),
    _form("application", engine.three_party_case, (1, 2)),
    _form("intake", cases.patrol_case, (1, 1)),
    _form("notice", cases.agreed_case, (2, 3)),
    _form("investigation", cases.agreed_case, (2, 2)),
    _form("record", cases.agreed_case, (3, 4)),
    _form("followup", cases.agreed_case, (1, 1)),
    _form("termination", cases.terminated_case, (2, 2)),
    _form("confirmation", cases.agreed_case, (3, 4)),
    _form("cover", cases.agreed_case, (1, 1)),
    _form("contents", cases.agreed_case, (1, 1)),
    _form("dossier", cases.agreed_case, (20, 24)),
    Doc("patrol-timetable", lambda: documents.patrol_timetable(engine.patrol_month()),
        (1, 1), (), landscape=True),
    Doc("patrol-record", lambda: documents.patrol_record(engine.patrol_visit()), (1, 1),
        ("王䶮、张㛃",)),
    Doc("patrol-record-zero", lambda: documents.patrol_record(engine.zero_visit()), (1, 1),
        ()),
)


@pytest.fixture(params=ALL)
def face(request: pytest.FixtureRequest, wide_font: Path) -> Iterator[str]:
    with forced_chain(chain_sources(request.param, wide_font)):
        yield request.param


def _frames(landscape_page: bool) -> list[geo.Box]:
    """Where text may be on a page: the frame (a little slack for descenders), the footer band
    with the page number, and the dossier's file page number top right."""
    if landscape_page:
        w, h = landscape(A4)
        margin = 18 * geo.MM
        return [geo.Box(margin, 5 * geo.MM, w - margin, h - 20 * geo.MM + 4)]
    w, h = A4
    return [geo.Box(LEFT, BOTTOM - 5, w - RIGHT, h - TOP + 4),
            geo.Box(LEFT, 8 * geo.MM, w - RIGHT, BOTTOM - 5),  # 第 x 页 共 y 页
            geo.Box(w / 2, h - TOP, w - RIGHT, h - 15 * geo.MM)]  # 卷内页号


def seal_problems(page: geo.Page, committee: str) -> list[str]:
    """Each seal circle holds the committee's name whole and a date on one line, and no
    character straddles the circle."""
    found = []
    for circle in page.circles:
        near = [c for c in page.chars
                if (c.cx - circle.cx) ** 2 + (c.cy - circle.cy) ** 2 <= circle.r ** 2]
        found += [f"p{page.number}: “{c.text}” crosses the seal circle"
                  for c in near if not circle.holds(c)]
        printed = ["".join(c.text for c in line) for line in geo.lines(near, gap=4)]
        if not any(committee in line for line in printed) and not (
                committee.endswith("人民调解委员会") and "人民调解委员会" in printed
                and any(committee.removesuffix("人民调解委员会") in line for line in printed)):
            found.append(f"p{page.number}: the seal circle lacks “{committee}”: {printed}")
        if not any(re.search("年.*月.*日", line) for line in printed):
            found.append(f"p{page.number}: no date on one line in the seal circle: {printed}")
    return found


def signature_problems(page: geo.Page, names: tuple[str, ...]) -> list[str]:
    """Beside the fingerprint boxes, where the parties sign the agreement: every party's name
    printed whole on one line."""
    boxes = [b for b in page.boxes if 12 * geo.MM < b.x1 - b.x0 < 22 * geo.MM]
    if not boxes:
        return []
    low, high = min(b.y0 for b in boxes) - 30, max(b.y1 for b in boxes) + 30
    region = [c for c in page.chars if low <= c.cy <= high
              and not any(b.holds(c) for b in boxes) and not any(
                  (c.cx - s.cx) ** 2 + (c.cy - s.cy) ** 2 <= s.r ** 2 for s in page.circles)]
    printed = ["".join(c.text for c in line) for line in geo.lines(region)]
    return [f"p{page.number} signatures: “{name}” not printed whole: {printed}"
            for name in names if not any(name in line for line in printed)]


def layout_problems(doc: Doc, pdf: bytes) -> list[str]:
    pages = geo.read_pages(pdf)
    frames = _frames(doc.landscape)
    found = []
    low, high = doc.pages
    if not low <= len(pages) <= high:
        found.append(f"{len(pages)} pages, expected {low}–{high}")
    for page in pages:
        found += [f"p{page.number}: “{c.text}” outside the text area ({c.x0:.1f}, {c.y0:.1f})"
                  for c in page.chars if not any(f.holds(c) for f in frames)]
        found += geo.crossing_problems(page)
        found += geo.overlap_problems(page)
        found += geo.cell_problems(page)
        in_cells: dict[geo.Box, list[geo.Char]] = {}
        for c in page.chars:
            cell = geo.cell_of(page, c)
            if cell is not None:
                in_cells.setdefault(cell, []).append(c)
        for chars in in_cells.values():
            found += [f"p{page.number}: {p}" for p in geo.split_names(chars, doc.names)]
        loose = [c for c in page.chars if geo.cell_of(page, c) is None]
        found += [f"p{page.number}: {p}" for p in geo.broken_names(
            loose, doc.names, max(f.x1 for f in frames))]
        found += seal_problems(page, doc.committee)
        if doc.id.startswith("agreement-"):
            found += signature_problems(page, doc.names)
    return found


@pytest.mark.parametrize("doc", DOCS, ids=[d.id for d in DOCS])
def test_every_form_holds_under_every_face(doc: Doc, face: str) -> None:
    pdf = doc.build()
    problems = layout_problems(doc, pdf)
    if doc.id.startswith(("agreement-", "confirmation-")):  # names the parties sign under
        problems += geo.inkless(pdf, geo.read_pages(pdf), "".join(doc.names))
    assert problems == [], f"{doc.id} under {face}:\n" + "\n".join(problems[:25])
