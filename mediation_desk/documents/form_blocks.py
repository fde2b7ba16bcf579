"""Small layout blocks the case-file forms share that the Kit does not offer (reportlab).

Import this inside a ``story`` function, never at a form module's top level: ``problems()``
must stay free of reportlab (see text.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.platypus import Table, TableStyle

from mediation_desk.documents import fitting
from mediation_desk.documents import flowables as fl

if TYPE_CHECKING:
    from mediation_desk.documents.layout import Kit


def _label_room(kit: Kit, labels: Sequence[str], least: float, most: float) -> float:
    """A label column wide enough for the widest label at the cell size (measured in the
    faces that draw it), between ``least`` and ``most`` points."""
    size = kit.styles["cell"].fontSize
    widest = max((fitting.width(kit.chain, label, size) for label in labels), default=0.0)
    return min(max(widest + 3 * mm, least), most)


def signature_grid(kit: Kit, labels: Sequence[str], label_mm: float = 34) -> Table:
    """Two signatures to a row: "label" then a ruled blank to sign on; one to a row when a
    label (a company's name) does not fit a half-width row.

    Why not always one line per person: a session with three parties, a village elder and two
    mediators would spend half a page on signature lines and push them away from the text
    they confirm. The blank is ruled (not underscores) so a long label cannot shorten it, and
    each label stays on one line (shrunk a little if need be): a name is never broken.
    """
    size = kit.styles["cell"].fontSize
    two = all(fitting.fit_size(kit.chain, label, size, label_mm * mm - 3 * mm, size * 0.85)
              for label in labels)
    label_w = label_mm * mm if two else _label_room(kit, labels, label_mm * mm,
                                                     kit.width * 0.7)
    per_row = 2 if two else 1
    sign_w = kit.width / per_row - label_w
    cells: list[Any] = []
    for label in labels:
        cells += [kit.fitted(label, "cell", label_w - 3 * mm), ""]
    if len(cells) % (2 * per_row):
        cells += ["", ""]
    rows = [cells[i:i + 2 * per_row] for i in range(0, len(cells), 2 * per_row)]
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
        for c in range(1, 2 * per_row, 2):
            if row[c - 1] != "":
                style.append(("LINEBELOW", (c, r), (c, r), 0.6, fl.INK))
    table = Table(rows, colWidths=[label_w, sign_w] * per_row)
    table.setStyle(TableStyle(style))
    return table


def dated_signatures(kit: Kit, labels: Sequence[str], width: float) -> Table:
    """One row per signer: label, a ruled blank to sign on, and a date to write by hand, in
    ``width`` (narrow enough to sit beside the seal area, so the block stays short). The label
    column grows with the longest label (measured), leaving the blank at least 20 mm; a label
    still too long is shrunk to stay on one line."""
    date_text = "\u3000\u3000年\u3000月\u3000日"
    date_w = fitting.width(kit.chain, date_text, kit.styles["cell"].fontSize) + 3 * mm
    label_w = _label_room(kit, labels, min(32 * mm, width * 0.38), width - date_w - 20 * mm)
    sign_w = width - label_w - date_w
    rows = [[kit.fitted(label, "cell", label_w - 2 * mm), "",
             kit.fitted(date_text, "cell", date_w - 2 * mm)] for label in labels]
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
