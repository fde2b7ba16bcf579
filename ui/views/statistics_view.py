"""统计: the year's cases by status and by dispute type, counted from the register.

The monthly report for the county (success rate, money, prevention counts) comes with the
statistics work; until then this page shows the counts the register already answers.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from mediation_desk import clock
from mediation_desk.domain.lifecycle import STATUS_LABELS, CaseStatus
from mediation_desk.services.cases.register import CaseFilter
from mediation_desk.store.changes import ChangeSet
from ui.context import AppContext
from ui.i18n import translate


class StatisticsView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.year_box = QComboBox()
        self.year_box.setAccessibleName(translate("StatisticsView", "Year"))
        for year in range(clock.today().year, 2009, -1):
            self.year_box.addItem(str(year), year)
        self.total_label = QLabel()
        self.by_status = QFormLayout()
        self.by_type = QFormLayout()
        top = QHBoxLayout()
        top.addWidget(QLabel(translate("StatisticsView", "Year")))
        top.addWidget(self.year_box)
        top.addWidget(self.total_label)
        top.addStretch(1)
        status_box = QGroupBox(translate("StatisticsView", "By status"))
        status_box.setLayout(self.by_status)
        type_box = QGroupBox(translate("StatisticsView", "By dispute type"))
        type_box.setLayout(self.by_type)
        boxes = QHBoxLayout()
        boxes.addWidget(status_box)
        boxes.addWidget(type_box)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(boxes)
        layout.addStretch(1)
        self.year_box.currentIndexChanged.connect(self.refresh)
        ctx.bus.changes_committed.connect(self._on_changes)
        self._stale = True

    def showEvent(self, event: object) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)  # type: ignore[arg-type]

    def _on_changes(self, changes: ChangeSet) -> None:
        if "case" in changes.kinds:
            self._stale = True
            if self.isVisible():
                self.refresh()

    @staticmethod
    def _clear(form: QFormLayout) -> None:
        while form.rowCount():
            form.removeRow(0)

    def refresh(self) -> None:
        self._stale = False
        year = int(self.year_box.currentData())
        pages = self.ctx.pages
        total = pages.count(CaseFilter(year=year))
        self.total_label.setText(translate("StatisticsView", "%n case(s) received", None, total))
        self._clear(self.by_status)
        for status in CaseStatus:
            count = pages.count(CaseFilter(year=year, status=status.value))
            self.by_status.addRow(STATUS_LABELS[status], QLabel(str(count)))
        self._clear(self.by_type)
        for entry in self.ctx.settings.entries("dispute_type"):
            count = pages.count(CaseFilter(year=year, dispute_type=entry.label))
            if count:
                self.by_type.addRow(entry.label, QLabel(str(count)))
