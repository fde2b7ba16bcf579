"""The 统计 page's tables: the figures a director reads at a glance (this period beside the
same period last year, and the change), the dispute types, and the village and mediator
breakdowns. A row whose figure counts cases opens the list of those cases (double click or
Enter): the ``drill`` signals carry what to list.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from mediation_desk.domain.dictionaries import RISK_LEVELS
from mediation_desk.services.statistics.types import (
    BreakdownRow,
    Comparison,
    PeriodFigures,
    TypeRow,
)
from ui.i18n import translate

SECTION_BACKGROUND = "#e3f2fd"
DRILL_COLOR = "#0d47a1"


@dataclass(frozen=True)
class FigureRow:
    label: str
    current: str = ""
    earlier: str = ""
    change: str = ""
    drill: str = ""  # the figure whose cases a click lists ("" = none)
    section: bool = False


def _n(value: int) -> str:
    return str(value)


def _change(cur: int, old: int) -> str:
    diff = cur - old
    if diff == 0:
        return translate("StatisticsView", "same")
    return f"+{diff}" if diff > 0 else str(diff)


def _money(fen: int) -> str:
    return f"{fen / 100:,.2f}"


def _rate(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _rate_change(cur: float | None, old: float | None) -> str:
    if cur is None or old is None:
        return ""
    points = (cur - old) * 100
    return translate("StatisticsView", "%1 points").replace("%1", f"{points:+.1f}")


def figure_rows(c: Comparison) -> list[FigureRow]:
    """Every line of the at-a-glance table, in the order a monthly report reads."""
    a, b = c.current, c.year_earlier

    def count(label: str, cur: int, old: int, drill: str = "") -> FigureRow:
        return FigureRow(label, _n(cur), _n(old), _change(cur, old), drill)

    def pair(label: str, cur: tuple[int, int], old: tuple[int, int], drill: str) -> FigureRow:
        return FigureRow(label, f"{cur[0]} / {cur[1]}", f"{old[0]} / {old[1]}",
                         _change(cur[0], old[0]), drill)

    rows = [FigureRow(translate("StatisticsView", "Mediation"), section=True),
            count(translate("StatisticsView", "Cases received"), a.received, b.received, "received")]
    for kind in a.received_by_source_kind:
        rows.append(count("　" + translate("StatisticsView", "of which %1").replace("%1", kind),
                          a.received_by_source_kind[kind], b.received_by_source_kind.get(kind, 0)))
    rows += [
        count(translate("StatisticsView", "Mediated successfully"), a.succeeded, b.succeeded,
              "succeeded"),
        count("　" + translate("StatisticsView", "written agreements"), a.succeeded_written,
              b.succeeded_written, "succeeded_written"),
        count("　" + translate("StatisticsView", "oral agreements"), a.succeeded_oral, b.succeeded_oral,
              "succeeded_oral"),
        count(translate("StatisticsView", "Not successful"), a.failed, b.failed, "failed"),
        count(translate("StatisticsView", "Mediation terminated"), a.terminated, b.terminated,
              "terminated"),
        FigureRow(translate("StatisticsView", "Success rate"), _rate(a.success_rate),
                  _rate(b.success_rate), _rate_change(a.success_rate, b.success_rate)),
        FigureRow(translate("StatisticsView", "Amount in agreements (yuan)"),
                  _money(a.agreement_amount_fen), _money(b.agreement_amount_fen)),
        count(translate("StatisticsView", "People involved"), a.people_involved, b.people_involved),
        count(translate("StatisticsView", "Group disputes"), a.group_disputes, b.group_disputes,
              "group_disputes"),
        count(translate("StatisticsView", "Judicial confirmations"), a.judicial_confirmations,
              b.judicial_confirmations, "judicial_confirmations"),
        FigureRow(translate("StatisticsView", "Prevention (cases / people)"), section=True),
    ]
    pa, pb = a.prevented, b.prevented
    rows += [
        pair(translate("StatisticsView", "Prevented a criminal case"), (pa.criminal, pa.criminal_people),
             (pb.criminal, pb.criminal_people), "prevented_criminal"),
        pair(translate("StatisticsView", "Prevented a group petition"),
             (pa.group_petition, pa.group_petition_people),
             (pb.group_petition, pb.group_petition_people), "prevented_group_petition"),
        pair(translate("StatisticsView", "Prevented a group fight"),
             (pa.group_fight, pa.group_fight_people), (pb.group_fight, pb.group_fight_people),
             "prevented_group_fight"),
        count(translate("StatisticsView", "Prevented a suicide"), pa.suicide, pb.suicide,
              "prevented_suicide"),
        FigureRow(translate("StatisticsView", "Screening patrols"), section=True),
    ]
    qa, qb = a.patrols, b.patrols
    rows += [
        count(translate("StatisticsView", "Patrols held"), qa.visits, qb.visits),
        count(translate("StatisticsView", "Zero reports"), qa.zero_reports, qb.zero_reports),
        count(translate("StatisticsView", "Households visited"), qa.households, qb.households),
        count(translate("StatisticsView", "Villages patrolled"), qa.villages_visited,
              qb.villages_visited),
        count(translate("StatisticsView", "Disputes found"), qa.findings, qb.findings),
    ]
    for code, label in RISK_LEVELS.items():
        rows.append(count("　" + translate("StatisticsView", "risk %1").replace("%1", label),
                          qa.findings_by_risk.get(code, 0), qb.findings_by_risk.get(code, 0)))
    rows += [count(translate("StatisticsView", "Findings resolved"), qa.findings_resolved,
                   qb.findings_resolved),
             count(translate("StatisticsView", "Findings registered as cases"), qa.findings_to_case,
                   qb.findings_to_case, "findings_to_case")]
    if a.visitors is not None:  # the 接访 loop (issue 15) adds its block here
        va, vb = a.visitors, b.visitors
        rows.append(FigureRow(translate("StatisticsView", "Visitor requests"), section=True))
        for label, cur, old in (
                (translate("StatisticsView", "Requests received"), va.received, vb and vb.received),
                (translate("StatisticsView", "Answered in time"), va.answered_in_time,
                 vb and vb.answered_in_time),
                (translate("StatisticsView", "Overdue"), va.overdue, vb and vb.overdue),
                (translate("StatisticsView", "Satisfied"), va.satisfied, vb and vb.satisfied)):
            rows.append(count(label, cur, int(old or 0)))
    return rows


class _DrillTable(QTableWidget):
    """Enter on a row does what a double click does."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self.cellDoubleClicked.emit(self.currentRow(), 0)
            return
        super().keyPressEvent(event)


def _setup(table: QTableWidget, headers: list[str], stretch: int, name: str) -> None:
    """Read-only, whole rows, striped, as every list in the window (ui/widgets/tables.py)."""
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(28)
    header = table.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def _item(text: str, *, right: bool = False, drill: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if drill:
        item.setForeground(QBrush(QColor(DRILL_COLOR)))
        item.setToolTip(translate("StatisticsView", "Double-click to list the cases"))
    return item


class FiguresTable(_DrillTable):
    drill = Signal(str)  # a figure name (services.statistics.service.DRILLS)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _setup(self, [translate("StatisticsView", "Figure"),
                      translate("StatisticsView", "This period"),
                      translate("StatisticsView", "Same period last year"),
                      translate("StatisticsView", "Change")], 0,
               translate("StatisticsView", "Figures"))
        self.rows: list[FigureRow] = []
        self.cellDoubleClicked.connect(self._clicked)

    def show_comparison(self, c: Comparison) -> None:
        self.rows = figure_rows(c)
        self.clearSpans()
        self.setRowCount(len(self.rows))
        bold = QFont(self.font())
        bold.setBold(True)
        for r, row in enumerate(self.rows):
            if row.section:
                item = QTableWidgetItem(row.label)
                item.setFont(bold)
                item.setBackground(QBrush(QColor(SECTION_BACKGROUND)))
                self.setItem(r, 0, item)
                for col in range(1, 4):
                    self.setItem(r, col, QTableWidgetItem(""))
                self.setSpan(r, 0, 1, 4)
                continue
            self.setItem(r, 0, _item(row.label, drill=bool(row.drill)))
            self.setItem(r, 1, _item(row.current, right=True, drill=bool(row.drill)))
            self.setItem(r, 2, _item(row.earlier, right=True))
            self.setItem(r, 3, _item(row.change, right=True))

    def _clicked(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.rows) and self.rows[row].drill:
            self.drill.emit(self.rows[row].drill)


class TypeTable(_DrillTable):
    """Dispute types in dictionary order: received, succeeded, not succeeded, money."""

    drill = Signal(str)  # a dispute type

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _setup(self, [translate("StatisticsView", "Dispute type"),
                      translate("StatisticsView", "Received"),
                      translate("StatisticsView", "Succeeded"),
                      translate("StatisticsView", "Failed"),
                      translate("StatisticsView", "Amount (yuan)")], 0,
               translate("StatisticsView", "By dispute type"))
        self.types: list[TypeRow] = []
        self.cellDoubleClicked.connect(
            lambda row, _c: self.drill.emit(self.types[row].label)
            if 0 <= row < len(self.types) and self.types[row].received else None)

    def show_figures(self, f: PeriodFigures) -> None:
        self.types = list(f.type_rows)
        self.setRowCount(len(self.types))
        for r, t in enumerate(self.types):
            has = bool(t.received)
            self.setItem(r, 0, _item(t.label, drill=has))
            self.setItem(r, 1, _item(_n(t.received), right=True, drill=has))
            self.setItem(r, 2, _item(_n(t.succeeded), right=True))
            self.setItem(r, 3, _item(_n(t.failed), right=True))
            self.setItem(r, 4, _item(_money(t.amount_fen), right=True))


class BreakdownTable(_DrillTable):
    """Villages or mediators: received, succeeded, not, rate, money (villages: patrols)."""

    drill = Signal(str)  # the row's key (village or mediator id)

    def __init__(self, heading: str, name: str, patrols: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        headers = [heading, translate("StatisticsView", "Received"),
                   translate("StatisticsView", "Succeeded"),
                   translate("StatisticsView", "Failed"),
                   translate("StatisticsView", "Success rate"),
                   translate("StatisticsView", "Amount (yuan)")]
        if patrols:
            headers += [translate("StatisticsView", "Patrols held"),
                        translate("StatisticsView", "Disputes found")]
        _setup(self, headers, 0, name)
        self.patrols = patrols
        self.breakdown: list[BreakdownRow] = []
        self.cellDoubleClicked.connect(self._clicked)

    def show_rows(self, rows: list[BreakdownRow]) -> None:
        self.breakdown = rows
        self.setRowCount(len(rows))
        for r, b in enumerate(rows):
            has = bool(b.received)
            values = [_n(b.received), _n(b.succeeded), _n(b.unsuccessful),
                      _rate(b.success_rate), _money(b.amount_fen)]
            if self.patrols:
                values += [_n(b.patrol_visits), _n(b.findings)]
            self.setItem(r, 0, _item(b.name, drill=has))
            for col, value in enumerate(values, start=1):
                self.setItem(r, col, _item(value, right=True, drill=has and col == 1))

    def _clicked(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.breakdown) and self.breakdown[row].received:
            self.drill.emit(self.breakdown[row].key)
