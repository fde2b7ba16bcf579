"""Where the parties sign: a cell per party (side, name, how they sign, a line) beside a
fingerprint box, two parties to a row when their names allow it.

Why measured: the cell is a fixed box, and a party's name must print whole in it — a company's
name broken after "安溪县湖头恒达建" invites the question whether the company signed at all.
So each name is measured in the faces that will draw it: "申请人：张㛃" on one line when it
fits; otherwise the side on one line and the name on the next, shrunk as far as 9 pt to stay on
one line; and when some name does not fit a half-width cell even so, every party gets a
full-width row (one column) rather than some names shrinking to nothing. Only a name too long
for a full row at 7 pt wraps.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from mediation_desk.documents import fitting
from mediation_desk.documents import flowables as fl
from mediation_desk.documents.data import PartyInfo

if TYPE_CHECKING:
    from mediation_desk.documents.layout import Kit

NAME_SMALLEST = 9.0  # a name in a half-width cell: smaller than this, use full-width rows
NAME_FLOOR = 7.0  # a name in a full-width row: smaller than this, it wraps
_GUTTER = 2 * mm  # between a cell's text and the fingerprint box


def caption(party: PartyInfo) -> str:
    """How a party signs: organisations by seal and representative, persons by hand."""
    return "（盖章，代表人签名）" if party.kind == "organization" else "（签名/盖章）"


def _fits(kit: Kit, party: PartyInfo, room: float) -> bool:
    size = kit.styles["cell"].fontSize
    label = f"{party.side_label}：{party.name}"
    return (fitting.fit_size(kit.chain, label, size, room, size) is not None
            or fitting.fit_size(kit.chain, party.name, size, room, NAME_SMALLEST) is not None)


def _cell(kit: Kit, party: PartyInfo, room: float) -> list[Flowable]:
    size = kit.styles["cell"].fontSize
    label = f"{party.side_label}：{party.name}"
    if fitting.fit_size(kit.chain, label, size, room, size) is not None:
        lines = [kit.para(label, "cell")]
    else:
        lines = [kit.para(f"{party.side_label}：", "cell"),
                 kit.fitted(party.name, "cell", room, NAME_FLOOR)]
    return [*lines, kit.fitted(caption(party), "cell", room, NAME_FLOOR),
            Spacer(1, 2 * mm), fl.Rule(room * 0.9)]


def party_signatures(kit: Kit, parties: Sequence[PartyInfo], columns: int = 2,
                     width: float | None = None) -> Flowable:
    """Per party a signature cell and a fingerprint box (按指印), up to ``columns`` parties to
    a row across ``width`` (default: the line width)."""
    width = width or kit.width
    box_w = (17 if kit.compact else 19) * mm
    while columns > 1 and not all(_fits(kit, p, width / columns - box_w - _GUTTER)
                                  for p in parties):
        columns -= 1
    room = width / columns - box_w - _GUTTER
    cells: list[Any] = []
    for p in parties:
        cells += [_cell(kit, p, room), kit.fingerprint()]
    per_row = 2 * columns
    if len(cells) % per_row:
        cells += [""] * (per_row - len(cells) % per_row)
    rows = [cells[i:i + per_row] for i in range(0, len(cells), per_row)]
    table = Table(rows, colWidths=[room + _GUTTER, box_w] * columns)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), kit.chain.primary),  # empty cells: not Helvetica
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5 * mm),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))
    return table


def signing_block(kit: Kit, parties: Sequence[PartyInfo], officials: Sequence[str],
                  date_text: str, seal_width: float) -> Flowable:
    """On the left each party's signature cell and fingerprint box (two to a row when the
    names allow) and under them the officials' signature lines; on the right the committee's
    name and the date in the seal area. Side by side to save height, so the block stays on
    the same page as the last clause."""
    left: list[Flowable] = [party_signatures(kit, parties, 2, kit.width - seal_width)]
    for label in officials:
        left += [kit.space(2 if kit.compact else 3),
                 kit.rich(kit.markup(f"{label}：") + "_" * 12, "cell")]
    return kit.beside(left, kit.seal(date_text), seal_width, valign="BOTTOM")
