"""The parties' particulars as printed at the head of a form: one bordered table per party.

Why its own module: it is the densest cell layout of the dossier (seven columns, labels and
values of every width), and the place a face's metrics show first — an 18-digit ID number is
108 pt in one face and 130 pt in another. Labels, names, ID and phone numbers and dates are
therefore fitted to their cell's measured width (:meth:`Kit.fitted`), addresses and agents
wrap (:meth:`Kit.cell`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from mediation_desk.documents.data import PartyInfo
from mediation_desk.documents.text import age_text

if TYPE_CHECKING:
    from mediation_desk.documents.layout import Kit

#: Party-table values that must print whole on one line (shrunk if need be), never wrapped.
_WHOLE_VALUES = {"姓名", "名称", "性别", "民族", "身份证号码", "证件号码", "出生日期", "年龄",
                 "联系电话", "法定代表人", "证照号码"}


def party_tables(kit: Kit, parties: Sequence[PartyInfo], *, with_id: bool = True
                 ) -> list[Flowable]:
    """Each party's details as a small bordered table, labelled by side (申请人 …).

    Persons: 姓名 性别 民族 / 身份证号码 出生日期(年龄) / 职业 联系电话 / 住址 (/ 委托代理人);
    organisations: 名称 / 住所 / 法定代表人 联系电话 (/ 证照号码) (/ 委托代理人). One table
    per party so a page break falls between parties, never inside one. Labels, names, ID
    and phone numbers and dates stay on one line, shrunk to their cell's measured width
    when a face sets them wider; addresses and agents wrap.
    """
    out: list[Flowable] = []
    widths = [w * mm for w in (16, 24, 49, 21, 16, 12, 18)]
    widths[2] += kit.width - sum(widths)  # landscape or other widths: give it to the ID
    for p in parties:
        rows: list[list[tuple[str, str]]]
        if p.kind == "organization":
            rows = [[("名称", p.name)], [("住所", p.address)],
                    [("法定代表人", p.legal_representative), ("联系电话", p.phone)]]
            if with_id and p.id_number:
                rows.append([("证照号码", p.id_number)])
        else:
            rows = [[("姓名", p.name), ("性别", p.gender), ("民族", p.ethnicity)],
                    [(("身份证号码" if p.id_type == "resident_id" else "证件号码"),
                      p.id_number if with_id else ""),
                     ("出生日期" if p.birth_date or p.age is None else "年龄", age_text(p))],
                    [("职业", p.occupation), ("联系电话", p.phone)],
                    [("住址", p.address)]]
            if not with_id:
                rows[1] = rows[1][1:]
        if p.agent:
            rows.append([("委托代理人", p.agent)])
        data: list[list[Any]] = []
        pad = 3
        style: list[tuple[Any, ...]] = [("SPAN", (0, 0), (0, len(rows) - 1)),
                                        ("LEFTPADDING", (0, 0), (-1, -1), pad),
                                        ("RIGHTPADDING", (0, 0), (-1, -1), pad)]
        for r, row in enumerate(rows):
            cells: list[Any] = [kit.vertical(p.side_label) if r == 0 else ""]
            for i, (label, value) in enumerate(row):
                col = len(cells)
                end = 7 if i == len(row) - 1 else col + 2
                room = sum(widths[col + 1:end]) - 2 * pad
                whole = label in _WHOLE_VALUES
                cells += [kit.fitted(label, "label", widths[col] - 2 * pad),
                          kit.fitted(value, "cell", room) if whole
                          else kit.cell(value, "cell", room)]
            last = len(cells) - 1
            if last < 6:  # the last value spans to the right edge
                style.append(("SPAN", (last, r), (6, r)))
                cells += [""] * (6 - last)
            data.append(cells)
        out.append(kit.ruled(data, widths, style))
    return out
