"""The county workbook (.xlsx): the period's figures written into a template's named cells.

Why a template with named cells: counties' forms differ (domain.md: "keep the workbook layout
configurable"), and the person who knows the county's form knows Excel, not Python. A room
opens our default (``resources/reports/county_report_template.xlsx``) or its county's form in
Excel or WPS, names a cell (公式 → 定义名称) after the figure it takes, and loads it on the
统计 page. We write values only, never formulas, so the file reads the same in every office
suite and when read back by a program.

Names (case-insensitive; a name a template lacks is simply not filled):
- one cell each: :data:`SCALARS` (prefix ``ly_`` for the same figure a year earlier);
- one column range each, one row per dispute type in dictionary order: :data:`TYPE_COLUMNS`
  (``type_label`` takes the type's name). All type ranges must have the same number of rows;
  rows left over are hidden, and types beyond the last row are added into it ("其他" style).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any

from mediation_desk.errors import Problem, ValidationError
from mediation_desk.paths import resources_dir
from mediation_desk.services.statistics.types import PeriodFigures, TypeRow

TEMPLATE_NAME = "county_report_template.xlsx"
RECORD = "报表模板"


def _yuan(fen: int) -> float:
    return round(fen / 100, 2)


#: Single-cell names and how each is read from the period's figures.
SCALARS: Mapping[str, Callable[[PeriodFigures], Any]] = MappingProxyType({
    "received": lambda f: f.received,
    "received_active": lambda f: f.received_by_source_kind.get("主动", 0),
    "received_applied": lambda f: f.received_by_source_kind.get("申请", 0),
    "received_referred": lambda f: f.received_by_source_kind.get("委托移送", 0),
    "succeeded": lambda f: f.succeeded,
    "succeeded_written": lambda f: f.succeeded_written,
    "succeeded_oral": lambda f: f.succeeded_oral,
    "failed": lambda f: f.failed,
    "terminated": lambda f: f.terminated,
    "unsuccessful": lambda f: f.failed + f.terminated,
    "success_rate": lambda f: f.success_rate,
    "agreement_amount": lambda f: _yuan(f.agreement_amount_fen),
    "people_involved": lambda f: f.people_involved,
    "group_disputes": lambda f: f.group_disputes,
    "judicial_confirmations": lambda f: f.judicial_confirmations,
    "prevented_criminal": lambda f: f.prevented.criminal,
    "prevented_criminal_people": lambda f: f.prevented.criminal_people,
    "prevented_suicide": lambda f: f.prevented.suicide,
    "prevented_group_fight": lambda f: f.prevented.group_fight,
    "prevented_group_fight_people": lambda f: f.prevented.group_fight_people,
    "prevented_group_petition": lambda f: f.prevented.group_petition,
    "prevented_group_petition_people": lambda f: f.prevented.group_petition_people,
    "patrol_visits": lambda f: f.patrols.visits,
    "patrol_zero_reports": lambda f: f.patrols.zero_reports,
    "patrol_households": lambda f: f.patrols.households,
    "patrol_villages": lambda f: f.patrols.villages_visited,
    "patrol_findings": lambda f: f.patrols.findings,
    "patrol_findings_red": lambda f: f.patrols.findings_by_risk.get("red", 0),
    "patrol_findings_orange": lambda f: f.patrols.findings_by_risk.get("orange", 0),
    "patrol_findings_yellow": lambda f: f.patrols.findings_by_risk.get("yellow", 0),
    "patrol_findings_blue": lambda f: f.patrols.findings_by_risk.get("blue", 0),
    "patrol_findings_resolved": lambda f: f.patrols.findings_resolved,
    "patrol_findings_to_case": lambda f: f.patrols.findings_to_case,
})

#: Per-type column names and how each is read from a type's row.
TYPE_COLUMNS: Mapping[str, Callable[[TypeRow], Any]] = MappingProxyType({
    "type_label": lambda r: r.label,
    "type_received": lambda r: r.received,
    "type_received_active": lambda r: r.by_source_kind.get("主动", 0),
    "type_received_applied": lambda r: r.by_source_kind.get("申请", 0),
    "type_received_referred": lambda r: r.by_source_kind.get("委托移送", 0),
    "type_succeeded": lambda r: r.succeeded,
    "type_succeeded_written": lambda r: r.written,
    "type_succeeded_oral": lambda r: r.oral,
    "type_unsuccessful": lambda r: r.failed,
    "type_amount": lambda r: _yuan(r.amount_fen),
    "type_people": lambda r: r.people,
})

#: Text names: the heading and the signature lines.
TEXTS = ("report_title", "committee_name", "room_name", "period_label", "filled_by",
         "reviewed_by", "filled_on")


@dataclass(frozen=True)
class Heading:
    """What the form's heading and foot say."""

    committee_name: str
    room_name: str
    filled_by: str
    reviewed_by: str
    filled_on: date


def default_template() -> bytes:
    return (resources_dir() / "reports" / TEMPLATE_NAME).read_bytes()


def _load(data: bytes) -> Any:
    import zipfile

    from openpyxl import load_workbook

    try:
        return load_workbook(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ValidationError(Problem(RECORD, "文件", f"不是有效的 Excel 工作簿（.xlsx）：{exc}")) \
            from None


def _cells(wb: Any) -> dict[str, list[tuple[Any, str]]]:
    """Every defined name of the workbook (global or sheet-scoped), lower-cased, with the
    cells it covers as (worksheet, coordinate) in reading order."""
    from openpyxl.utils.cell import get_column_letter as col
    from openpyxl.utils.cell import range_boundaries

    found: dict[str, list[tuple[Any, str]]] = {}

    def add(name: str, defined: Any) -> None:
        cells: list[tuple[Any, str]] = []
        for title, ref in defined.destinations:
            if title not in wb.sheetnames:
                continue
            ws = wb[title]
            c1, r1, c2, r2 = range_boundaries(ref.replace("$", ""))
            cells += [(ws, f"{col(c)}{r}") for r in range(r1, r2 + 1)
                      for c in range(c1, c2 + 1)]
        if cells:
            found[name.lower()] = cells

    for name, defined in wb.defined_names.items():
        add(name, defined)
    for ws in wb.worksheets:
        for name, defined in ws.defined_names.items():
            add(name, defined)
    return found


def check_template(data: bytes) -> list[str]:
    """The figure names a template takes; ValidationError when it is no workbook, takes no
    known figure, or its type columns differ in length."""
    names = _cells(_load(data))
    known = set(SCALARS) | {f"ly_{n}" for n in SCALARS} | set(TYPE_COLUMNS) | set(TEXTS)
    used = sorted(n for n in names if n in known)
    if not used:
        raise ValidationError(Problem(RECORD, "单元格名称",
                                      "模板中没有任何已知的名称（如 received、type_label）"))
    lengths = {len(names[n]) for n in names if n in TYPE_COLUMNS}
    if len(lengths) > 1:
        raise ValidationError(Problem(RECORD, "纠纷类型各列",
                                      "各列名称覆盖的行数不一致：" + "、".join(map(str, lengths))))
    return used


def _rows_for(rows: tuple[TypeRow, ...], slots: int) -> list[TypeRow]:
    """The type rows fitted to ``slots`` lines: beyond the last line, add into it."""
    rows_list = list(rows)
    if len(rows_list) <= slots or slots == 0:
        return rows_list
    head, tail = rows_list[:slots - 1], rows_list[slots - 1:]
    merged = TypeRow(
        label=f"{tail[0].label}等{len(tail)}类",
        received=sum(r.received for r in tail),
        by_source_kind={k: sum(r.by_source_kind.get(k, 0) for r in tail)
                        for k in ("主动", "申请", "委托移送")},
        succeeded=sum(r.succeeded for r in tail), written=sum(r.written for r in tail),
        oral=sum(r.oral for r in tail), failed=sum(r.failed for r in tail),
        amount_fen=sum(r.amount_fen for r in tail), people=sum(r.people for r in tail))
    return [*head, merged]


def fill(template: bytes, figures: PeriodFigures, heading: Heading,
         year_earlier: PeriodFigures | None = None) -> bytes:
    """The filled workbook as .xlsx bytes."""
    check_template(template)
    wb = _load(template)
    names = _cells(wb)

    def put(name: str, value: Any) -> None:
        for ws, coord in names.get(name, []):
            ws[coord].value = value

    texts = {"report_title": f"{heading.committee_name}人民调解工作统计表",
             "committee_name": heading.committee_name, "room_name": heading.room_name,
             "period_label": figures.period.label, "filled_by": heading.filled_by,
             "reviewed_by": heading.reviewed_by,
             "filled_on": f"{heading.filled_on.year}年{heading.filled_on.month}月"
                          f"{heading.filled_on.day}日"}
    for name, text in texts.items():
        put(name, text)
    for name, read in SCALARS.items():
        put(name, read(figures))
        if year_earlier is not None:
            put(f"ly_{name}", read(year_earlier))
    slots = min((len(names[n]) for n in names if n in TYPE_COLUMNS), default=0)
    fitted = _rows_for(figures.type_rows, slots)
    for name, column in TYPE_COLUMNS.items():
        for i, (ws, coord) in enumerate(names.get(name, [])):
            ws[coord].value = column(fitted[i]) if i < len(fitted) else None
    if slots:  # hide the spare lines a template keeps for types a room may add
        anchor = names.get("type_label") or next(names[n] for n in names if n in TYPE_COLUMNS)
        for ws, coord in anchor[len(fitted):]:
            ws.row_dimensions[ws[coord].row].hidden = True
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
