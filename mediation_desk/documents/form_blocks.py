"""Small layout blocks the case-file forms share that the Kit does not offer (reportlab).

Import this inside a ``story`` function, never at a form module's top level: ``problems()``
must stay free of reportlab (see text.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.platypus import Table, TableStyle

from mediation_desk.documents import flowables as fl

if TYPE_CHECKING:
    from mediation_desk.documents.layout import Kit


def signature_grid(kit: Kit, labels: Sequence[str], label_mm: float = 34) -> Table:
    """Two signatures to a row: "label" then a ruled blank to sign on.

    Why not one line per person: a session with three parties, a village elder and two
    mediators would spend half a page on signature lines and push them away from the text
    they confirm. The blank is ruled (not underscores) so a long label cannot shorten it.
    """
    sign_w = kit.width / 2 - label_mm * mm
    cells: list[Any] = []
    for label in labels:
        cells += [kit.para(label, "cell"), ""]
    if len(cells) % 4:
        cells += ["", ""]
    rows = [cells[i:i + 4] for i in range(0, len(cells), 4)]
    style: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        # empty cells are drawn as strings: in reportlab's default (unembedded) Helvetica
        ("FONTNAME", (0, 0), (-1, -1), kit.chain.primary),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 6 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]
    for r, row in enumerate(rows):
        for c in (1, 3):
            if row[c - 1] != "":
                style.append(("LINEBELOW", (c, r), (c, r), 0.6, fl.INK))
    table = Table(rows, colWidths=[label_mm * mm, sign_w, label_mm * mm, sign_w])
    table.setStyle(TableStyle(style))
    return table


def dated_signatures(kit: Kit, labels: Sequence[str], width: float) -> Table:
    """One row per signer: label, a ruled blank to sign on, and a date to write by hand, in
    ``width`` (narrow enough to sit beside the seal area, so the block stays short)."""
    label_w = min(32 * mm, width * 0.38)
    date_w = 36 * mm  # "　　年　月　日" is ~86 pt at 12 pt
    sign_w = width - label_w - date_w
    rows = [[kit.para(label, "cell"), "", kit.para("\u3000\u3000年\u3000月\u3000日", "cell")] for label in labels]
    table = Table(rows, colWidths=[label_w, sign_w, date_w])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), kit.chain.primary),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 5 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("LINEBELOW", (1, 0), (1, -1), 0.6, fl.INK),
    ]))
    return table
