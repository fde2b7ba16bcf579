"""The period a report covers: a month, a quarter, a year or any run of days, with ◀ ▶ to step.

Why a widget of its own: the 统计 page, its charts and its exports all follow one period, and
older users should reach last month with one click (◀) rather than by setting three fields.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QToolButton,
    QWidget,
)

from mediation_desk import clock
from mediation_desk.domain.periods import QUARTER_NAMES, Period
from ui.i18n import translate
from ui.icons import icon

KINDS = ("month", "quarter", "year", "custom")


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class PeriodPicker(QWidget):
    changed = Signal(object)  # Period

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        today = clock.today()
        self.kind_box = QComboBox()
        self.kind_box.setAccessibleName(translate("StatisticsView", "Period kind"))
        for kind, text in zip(KINDS, (translate("StatisticsView", "Month"),
                                      translate("StatisticsView", "Quarter"),
                                      translate("StatisticsView", "Year"),
                                      translate("StatisticsView", "Custom")), strict=True):
            self.kind_box.addItem(text, kind)
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, today.year + 1)
        self.year_spin.setValue(today.year)
        self.year_spin.setSuffix(translate("StatisticsView", " (year)"))
        self.year_spin.setAccessibleName(translate("StatisticsView", "Year"))
        self.month_box = QComboBox()
        self.month_box.setAccessibleName(translate("StatisticsView", "Month"))
        for m in range(1, 13):
            self.month_box.addItem(translate("StatisticsView", "Month %1").replace("%1", str(m)),
                                   m)
        self.month_box.setCurrentIndex(today.month - 1)
        self.quarter_box = QComboBox()
        self.quarter_box.setAccessibleName(translate("StatisticsView", "Quarter"))
        for q, name in enumerate(QUARTER_NAMES, start=1):
            self.quarter_box.addItem(name, q)
        self.quarter_box.setCurrentIndex((today.month - 1) // 3)
        self.start_edit = QDateEdit(_qdate(today.replace(day=1)))
        self.end_edit = QDateEdit(_qdate(today))
        for edit, name in ((self.start_edit, translate("StatisticsView", "From")),
                           (self.end_edit, translate("StatisticsView", "To"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
        self.to_label = QLabel(translate("StatisticsView", "to"))
        self.back = QToolButton()
        self.back.setIcon(icon("previous"))
        self.back.setToolTip(translate("StatisticsView", "Previous period"))
        self.back.setAccessibleName(translate("StatisticsView", "Previous period"))
        self.forward = QToolButton()
        self.forward.setIcon(icon("next"))
        self.forward.setToolTip(translate("StatisticsView", "Next period"))
        self.forward.setAccessibleName(translate("StatisticsView", "Next period"))

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.back, self.kind_box, self.year_spin, self.month_box,
                       self.quarter_box, self.start_edit, self.to_label, self.end_edit,
                       self.forward):
            row.addWidget(widget)
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        for signal in (self.year_spin.valueChanged, self.month_box.currentIndexChanged,
                       self.quarter_box.currentIndexChanged, self.start_edit.dateChanged,
                       self.end_edit.dateChanged):
            signal.connect(self._emit)
        self.back.clicked.connect(lambda: self.step(-1))
        self.forward.clicked.connect(lambda: self.step(1))
        self._quiet = False
        self._kind_changed()

    @property
    def kind(self) -> str:
        return str(self.kind_box.currentData())

    def period(self) -> Period:
        kind = self.kind
        year = self.year_spin.value()
        if kind == "month":
            return Period.month(year, int(self.month_box.currentData()))
        if kind == "quarter":
            return Period.quarter(year, int(self.quarter_box.currentData()))
        if kind == "year":
            return Period.year(year)
        start, end = _pydate(self.start_edit.date()), _pydate(self.end_edit.date())
        return Period.custom(min(start, end), max(start, end))

    def set_period(self, period: Period) -> None:
        """Show ``period`` (emits ``changed`` once)."""
        self._quiet = True
        try:
            self.kind_box.setCurrentIndex(KINDS.index(period.kind))
            self.year_spin.setValue(period.start.year)
            self.month_box.setCurrentIndex(period.start.month - 1)
            self.quarter_box.setCurrentIndex((period.start.month - 1) // 3)
            self.start_edit.setDate(_qdate(period.start))
            self.end_edit.setDate(_qdate(period.end))
        finally:
            self._quiet = False
        self._emit()

    def step(self, direction: int) -> None:
        """The period before (-1) or after (+1) the one shown, of the same kind."""
        p = self.period()
        if p.kind == "month":
            index = p.start.year * 12 + p.start.month - 1 + direction
            new = Period.month(index // 12, index % 12 + 1)
        elif p.kind == "quarter":
            index = p.start.year * 4 + (p.start.month - 1) // 3 + direction
            new = Period.quarter(index // 4, index % 4 + 1)
        elif p.kind == "year":
            new = Period.year(p.start.year + direction)
        else:
            span = p.days
            start = date.fromordinal(p.start.toordinal() + direction * span)
            new = Period.custom(start, date.fromordinal(start.toordinal() + span - 1))
        if 2000 <= new.start.year <= self.year_spin.maximum():
            self.set_period(new)

    def _kind_changed(self) -> None:
        kind = self.kind
        self.year_spin.setVisible(kind != "custom")
        self.month_box.setVisible(kind == "month")
        self.quarter_box.setVisible(kind == "quarter")
        for widget in (self.start_edit, self.to_label, self.end_edit):
            widget.setVisible(kind == "custom")
        self._emit()

    def _emit(self) -> None:
        if self._quiet:
            return
        self.changed.emit(self.period())
