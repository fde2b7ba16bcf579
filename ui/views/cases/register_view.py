"""案件: the register — filters a mediator uses, a lazily loaded table, Enter opens a case."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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
from ui.models.register_model import RegisterModel, column_titles
from ui.widgets.column_fit import fit_columns
from ui.widgets.flow_layout import FlowLayout, labelled
from ui.widgets.tables import RowTable

FIRST_YEAR = 2010
#: What a typical long entry of each column looks like (the last column takes the rest).
COLUMN_SAMPLES = {
    "number": "（2026）湖头人调字第123号", "title": "张美娟与李伟志房屋宅基地纠纷",
    "parties": "张美娟、李伟志", "contact": "0595-****6789", "dispute_type": "房屋宅基地纠纷",
    "village": "湖头社区", "status": "已告知权利义务", "received_on": "2026-11-20",
    "days_left": "超期 12 天"}


class RegisterView(QWidget):
    open_case = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = RegisterModel(ctx.pages, self)

        self.status_box = self._combo(translate("RegisterView", "Status"),
                                      [(s.value, STATUS_LABELS[s]) for s in CaseStatus])
        self.type_box = self._combo(translate("RegisterView", "Dispute type"), [])
        self.village_box = self._combo(translate("RegisterView", "Village"), [])
        self.year_box = self._combo(translate("RegisterView", "Year"), [
            (str(y), str(y)) for y in range(clock.today().year, FIRST_YEAR - 1, -1)])
        self.mediator_box = self._combo(translate("RegisterView", "Mediator"), [])
        self.overdue_box = QCheckBox(translate("RegisterView", "Overdue only"))
        self.review_box = QCheckBox(translate("RegisterView", "Imported, to check"))
        self.review_box.setToolTip(translate(
            "RegisterView", "Imported cases whose outcome or dates the import could not tell; "
            "they count no time limit until checked."))
        self.count_label = QLabel()

        # The filters wrap onto a second line at larger text instead of widening the window;
        # each caption stays beside its box.
        bar = FlowLayout()
        for label, box in ((translate("RegisterView", "Status"), self.status_box),
                           (translate("RegisterView", "Type"), self.type_box),
                           (translate("RegisterView", "Village"), self.village_box),
                           (translate("RegisterView", "Year"), self.year_box),
                           (translate("RegisterView", "Mediator"), self.mediator_box)):
            caption = QLabel(label)
            caption.setBuddy(box)
            bar.addWidget(labelled(caption, box))
        bar.addWidget(self.overdue_box)
        bar.addWidget(self.review_box)
        bar.add_gap(24)
        bar.addWidget(self.count_label)

        self.table = RowTable(self.model, translate("RegisterView", "Case register"), 28)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(7, Qt.SortOrder.DescendingOrder)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        # Widths from what the columns hold, measured in the current text size; at 150 % the
        # register scrolls sideways rather than cutting the number or the date short.
        self.columns = fit_columns(self.table, {
            column: COLUMN_SAMPLES[key] for column, (key, _title) in enumerate(column_titles())
            if key in COLUMN_SAMPLES})
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated_row.connect(self._open_row)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

        for box in (self.status_box, self.type_box, self.village_box, self.year_box,
                    self.mediator_box):
            box.currentIndexChanged.connect(self.apply_filter)
        self.overdue_box.toggled.connect(self.apply_filter)
        self.review_box.toggled.connect(self.apply_filter)
        ctx.bus.changes_committed.connect(self._on_changes)
        self.refresh_choices()
        self.apply_filter()

    def _combo(self, name: str, items: list[tuple[str, str]]) -> QComboBox:
        box = QComboBox()
        box.setAccessibleName(name)
        box.setMinimumContentsLength(6)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self._fill(box, items)
        return box

    @staticmethod
    def _fill(box: QComboBox, items: list[tuple[str, str]]) -> None:
        current = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(translate("RegisterView", "All"), None)
        for value, label in items:
            box.addItem(label, value)
        found = box.findData(current)
        box.setCurrentIndex(max(found, 0))
        box.blockSignals(False)

    def refresh_choices(self) -> None:
        settings = self.ctx.settings
        self._fill(self.type_box, [(e.label, e.label) for e in settings.entries("dispute_type")])
        self._fill(self.village_box, [(v.label, v.label) for v in settings.villages()])
        self._fill(self.mediator_box, [(n, n) for n in self.ctx.register.mediator_names()])

    def current_filter(self) -> CaseFilter:
        year = self.year_box.currentData()
        return CaseFilter(
            status=self.status_box.currentData(), year=int(year) if year else None,
            dispute_type=self.type_box.currentData(), village=self.village_box.currentData(),
            mediator=self.mediator_box.currentData(),
            overdue_on=clock.today() if self.overdue_box.isChecked() else None,
            to_review=self.review_box.isChecked())

    def apply_filter(self) -> None:
        self.model.reload(self.current_filter())
        self.count_label.setText(translate("RegisterView", "%n case(s)", None,
                                           self.model.rowCount()))

    def show_to_review(self) -> None:
        """Only the imported cases still to be checked (工作台's "N 件导入案件待核对")."""
        for box in (self.status_box, self.type_box, self.village_box, self.year_box,
                    self.mediator_box):
            box.blockSignals(True)
            box.setCurrentIndex(0)
            box.blockSignals(False)
        self.overdue_box.blockSignals(True)
        self.overdue_box.setChecked(False)
        self.overdue_box.blockSignals(False)
        if self.review_box.isChecked():
            self.apply_filter()
        else:
            self.review_box.setChecked(True)
        self.table.setFocus()

    def _on_changes(self, changes: ChangeSet) -> None:
        if changes.kinds & {"dictionary", "village"}:
            self.refresh_choices()
        if changes.kinds & {"case", "party", "agreement", "record", "followup"}:
            self.apply_filter()

    def _open_index(self, index: QModelIndex) -> None:
        self._open_row(index.row())

    def _open_row(self, row: int) -> None:
        case_id = self.model.case_id(row)
        if case_id:
            self.open_case.emit(case_id)
