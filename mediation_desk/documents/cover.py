"""卷宗封面: the front of an archived case file.

"____人民调解委员会 调解卷宗" in large type, then the particulars an archivist files and finds a
dossier by: the file's name, the case number, the dispute type and parties, the mediators, the
mediation dates from receipt to closing, the result, who filed it and when, the retention period
(保管期限) and remarks. A field the case does not know yet (a case printed before it is closed
or filed) prints blank, to be written in by hand, rather than refusing: the cover is printed
when the file is put together, and never stops that.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from mediation_desk.documents.data import CaseFile
from mediation_desk.documents.form_parts import mediator_names, names
from mediation_desk.documents.text import FormSpec, cn_date, ordered_parties
from mediation_desk.errors import Problem

if TYPE_CHECKING:
    from mediation_desk.documents.layout import Kit

TITLE = "卷宗封面"
HEADLINE = "调解卷宗"


def problems(case: CaseFile) -> list[Problem]:
    """None: every field may be written in by hand (see the module's docstring)."""
    del case
    return []


def story(case: CaseFile, kit: Kit) -> list[Any]:
    from reportlab.lib.styles import ParagraphStyle

    big = ParagraphStyle("cover_headline", parent=kit.styles["title"], fontSize=36, leading=48,
                         spaceAfter=0)
    committee = ParagraphStyle("cover_committee", parent=kit.styles["title"], fontSize=20,
                               leading=30, spaceAfter=0)
    mediation = f"自 {cn_date(case.received_on)} 至 {_date(case.closed_on)}"
    out: list[Any] = [
        kit.section("cover", numbered=False),
        kit.space(6),
        _bold(kit, kit.markup(case.room.committee_name, kit.title_chain), committee, 0.02),
        kit.space(6),
        _bold(kit, kit.markup("\u2003".join(HEADLINE), kit.title_chain), big),
        kit.space(12),
    ]
    out.append(particulars(kit, [
        [("卷宗名称", case.title)],
        [("案件编号", case.number)],
        [("纠纷类型", case.dispute_type), ("调解结果", case.outcome)],
        [("当事人", names(ordered_parties(case)))],
        [("人民调解员", mediator_names(case))],
        [("调解日期", mediation)],
        [("立卷人", case.filed_by), ("立卷日期", _date(case.archived_on))],
        [("保管期限", case.retention)],
        [("备注", "")],
    ]))
    out += [kit.space(8), kit.para(case.room.room_name, "center")]
    return out


def _date(d: date | None) -> str:
    """A date, or a blank short enough for the cover's half-width cells."""
    return cn_date(d) if d else "\u3000\u3000年\u3000月\u3000日"


def particulars(kit: Kit, rows: list[list[tuple[str, str]]]) -> Any:
    """The cover's grid in body-size type with tall rows: a cover is read from a shelf and
    written on by hand, so it is set larger and roomier than a form's field table."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Table, TableStyle

    from mediation_desk.documents import flowables as fl

    label_w, short_w = 30 * mm, 26 * mm
    value_w = (kit.width - label_w - short_w) / 2
    widths = [label_w, value_w, short_w, value_w]
    data: list[list[Any]] = []
    style: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.8, fl.INK),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONTNAME", (0, 0), (-1, -1), kit.chain.primary),  # not the unembedded Helvetica
        ("TOPPADDING", (0, 0), (-1, -1), 2.5 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
    ]
    pad = 6  # reportlab's default cell padding, left and right
    for r, row in enumerate(rows):
        cells: list[Any] = []
        for i, (label, value) in enumerate(row):
            label_room = widths[2 * i] - 2 * pad
            value_room = (kit.width - label_w if len(row) == 1 else widths[2 * i + 1]) - 2 * pad
            cells += [kit.fitted(label, "center", label_room),
                      kit.cell(value, "plain", value_room)]
        if len(row) == 1:
            cells += ["", ""]
            style.append(("SPAN", (1, r), (3, r)))
        data.append(cells)
    heights: list[float | None] = [None] * len(rows)
    heights[-1] = 24 * mm  # remarks: room to write
    table = Table(data, colWidths=widths, rowHeights=heights)
    table.setStyle(TableStyle(style))
    return table


def _bold(kit: Kit, markup: str, style: Any, weight: float = 0.04) -> Any:
    """A faux-bold paragraph in a cover-only size (markup already escaped by ``kit.markup``)."""
    from mediation_desk.documents import flowables as fl
    from mediation_desk.documents.linebreak import Para

    del kit
    return fl.FauxBold(Para(markup, style), weight=weight)


def _mm(n: float) -> float:
    from reportlab.lib.units import mm

    return float(n * mm)


FORM = FormSpec("cover", TITLE, problems, story)
