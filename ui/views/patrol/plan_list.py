"""The plan list of the 排查 page: the patrol plans, their cadence in words, edit and end.

Why ended plans stay listed (greyed, behind a checkbox): their past patrols and records remain
on the calendar and in the counts; a plan is ended on a date, never deleted.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHeaderView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.services.patrols.service import PlanView
from ui.i18n import translate
from ui.icons import icon
from ui.views.patrol.style import team_text
from ui.widgets.column_fit import fit_columns
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.tables import Index, RowsModel, RowTable

COL_TITLE, COL_VILLAGES, COL_CADENCE, COL_TEAM, COL_PERIOD = range(5)
ENDED_COLOR = QColor("#9e9e9e")


def period_text(plan: PlanView) -> str:
    end = f"{plan.until:%Y-%m-%d}" if plan.until else translate("PatrolPlans", "open-ended")
    return f"{plan.starts_on:%Y-%m-%d} — {end}"


def short_period(plan: PlanView) -> str:
    """"至2027-04-30": in the list only the end matters (the tooltip has both)."""
    if plan.until is None:
        return translate("PatrolPlans", "open-ended")
    return translate("PatrolPlans", "until %1").replace("%1", f"{plan.until:%Y-%m-%d}")


def short_team(plan: PlanView) -> str:
    """"林春梅等3人": the lead, and how many go."""
    if len(plan.team) <= 1:
        return plan.lead
    return translate("PatrolPlans", "%1 (team of %2)").replace("%1", plan.lead).replace(
        "%2", str(len(plan.team)))


class PlansModel(RowsModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([translate("PatrolPlans", "Plan"), translate("PatrolPlans", "Villages"),
                          translate("PatrolPlans", "Cadence"), translate("PatrolPlans", "Team"),
                          translate("PatrolPlans", "Period")], parent)
        self.rows: list[PlanView] = []

    def plan(self, row: int) -> PlanView | None:
        found: PlanView | None = self.row_at(row)
        return found

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        plan = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (plan.title, "、".join(plan.villages),
                    f"{plan.rule_text} {plan.time}", short_team(plan),
                    short_period(plan))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            focus = "、".join(plan.focus)
            team = team_text(tuple(m.name for m in plan.team), plan.lead)
            return "\n".join(filter(None, [plan.title, "、".join(plan.villages),
                                           f"{plan.rule_text} {plan.time}", team,
                                           period_text(plan), plan.rule,
                                           translate("PatrolPlans", "Focus: %1").replace(
                                               "%1", focus) if focus else ""]))
        if role == Qt.ItemDataRole.ForegroundRole and not plan.active:
            return QBrush(ENDED_COLOR)
        return None

class PlanList(QWidget):
    """``edit_plan(id)`` and ``end_plan(id)`` are handled by the page; ``show_ended_changed``
    asks it to reload."""

    edit_plan = Signal(str)
    end_plan = Signal(str)
    show_ended_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PlansModel(self)
        self.table = RowTable(self.model, translate("PatrolPlans", "Patrol plans"))
        header = self.table.horizontalHeader()
        # The title takes the spare width; the others as wide as a typical entry at the
        # current text size, and a longer one breaks onto a second line, never cut short.
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        self.columns = fit_columns(self.table, {
            COL_VILLAGES: "湖一村、湖二村", COL_CADENCE: "每月第一个星期二",
            COL_TEAM: translate("PatrolPlans", "%1 (team of %2)").replace(
                "%1", "林春梅").replace("%2", "3"),
            COL_PERIOD: translate("PatrolPlans", "until %1").replace("%1", "2027-04-30")})
        self.table.wrap_rows()
        self.ended_box = QCheckBox(translate("PatrolPlans", "Show ended plans"))
        self.edit_button = QPushButton(icon("edit"), translate("PatrolPlans", "&Edit plan…"))
        self.end_button = QPushButton(icon("end_plan"), translate("PatrolPlans", "E&nd plan…"))
        buttons = FlowLayout()  # the buttons go below the checkbox when the pane is narrow
        buttons.addWidget(self.ended_box)
        buttons.add_gap(24)
        buttons.add_widgets(self.edit_button, self.end_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.ended_box.toggled.connect(self.show_ended_changed)
        self.table.doubleClicked.connect(lambda index: self._edit(index.row()))
        self.table.activated_row.connect(self._edit)
        self.edit_button.clicked.connect(lambda: self._edit(self.table.currentIndex().row()))
        self.end_button.clicked.connect(self._end)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    @property
    def active_only(self) -> bool:
        return not self.ended_box.isChecked()

    def set_plans(self, plans: list[PlanView]) -> None:
        current = self.current()
        self.model.set_rows(plans)
        if current is not None:
            for row, plan in enumerate(plans):
                if plan.id == current.id:
                    self.table.selectRow(row)
        self._update_buttons()

    def current(self) -> PlanView | None:
        index = self.table.currentIndex()
        return self.model.plan(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        plan = self.current()
        self.edit_button.setEnabled(plan is not None)
        self.end_button.setEnabled(plan is not None and plan.active)

    def _edit(self, row: int) -> None:
        plan = self.model.plan(row)
        if plan is not None:
            self.edit_plan.emit(plan.id)

    def _end(self) -> None:
        plan = self.current()
        if plan is not None and plan.active:
            self.end_plan.emit(plan.id)
