"""坐班接访: a duty rota — who receives visitors (the leader first), where, how often, from when
to when, and how long an appointment slot is. The cadence uses the patrol plans' presets
(weekly on one weekday, as most towns hold them; every 10 days; the 1st and 16th; the first
weekday of the month; or a custom RFC 5545 rule), with the next duty days shown as it is
chosen. The same form corrects a rota already saved (its history keeps before and after)."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.domain import recurrence
from mediation_desk.domain.errors import DomainError
from mediation_desk.services.petitions.rota import RotaDraft, RotaView
from mediation_desk.services.petitions.types import PetitionResult
from ui.context import AppContext
from ui.dialogs.cases.case_form import add_row
from ui.dialogs.patrol.plan_dialog import preset_names
from ui.dialogs.petitions.petition_form import PetitionDialog, choice, code_of, date_field
from ui.i18n import translate
from ui.icons import icon
from ui.views.patrol.cadence import Cadence, cadence_of, describe, next_dates
from ui.widgets.screen_fit import open_at

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
PREVIEW_COUNT = 4


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class RotaDialog(PetitionDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 rota: RotaView | None = None) -> None:
        super().__init__(ctx, parent)
        self.rota_id = rota.id if rota else None
        self.setWindowTitle(translate("RotaDialog", "Duty rota") if rota is None
                            else translate("RotaDialog", "Edit the duty rota"))
        self.setWindowIcon(icon("duty_rota"))
        self.title_edit = QLineEdit()
        self.receivers_edit = QLineEdit()
        self.receivers_edit.setPlaceholderText(
            translate("RotaDialog", "the leader first, names separated by 、"))
        self.place_edit = QLineEdit()
        self.preset_box = QComboBox()
        for code, text in preset_names():
            self.preset_box.addItem(text, code)
        self.preset_box.setAccessibleName(translate("RotaDialog", "Cadence"))
        self.weekday_box = choice({code: name for code, name in zip(WEEKDAYS, (
            translate("RotaDialog", "Mondays"), translate("RotaDialog", "Tuesdays"),
            translate("RotaDialog", "Wednesdays"), translate("RotaDialog", "Thursdays"),
            translate("RotaDialog", "Fridays"), translate("RotaDialog", "Saturdays"),
            translate("RotaDialog", "Sundays")), strict=True)})
        self.weekday_box.setAccessibleName(translate("RotaDialog", "Weekday"))
        self.rule_edit = QLineEdit()
        self.rule_edit.setAccessibleName(translate("RotaDialog", "RRULE"))
        self.rule_edit.setPlaceholderText("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO")
        self.preview_label = QLabel()
        self.preview_label.setWordWrap(True)
        self.starts_edit = date_field()
        self.until_check = QCheckBox(translate("RotaDialog", "Ends on"))
        self.until_edit = date_field()
        self.until_edit.setEnabled(False)
        self.start_edit = QLineEdit("09:00")
        self.end_edit = QLineEdit("12:00")
        self.slot_box = QSpinBox()
        self.slot_box.setRange(5, 240)
        self.slot_box.setValue(30)
        self.slot_box.setSuffix(translate("RotaDialog", " minutes"))
        self.note_edit = QLineEdit()

        cadence = QWidget()
        cadence_row = QHBoxLayout()
        cadence_row.setContentsMargins(0, 0, 0, 0)
        cadence_row.addWidget(self.preset_box)
        cadence_row.addWidget(self.weekday_box)
        cadence_row.addWidget(self.rule_edit, 1)
        cadence_column = QVBoxLayout(cadence)
        cadence_column.setContentsMargins(0, 0, 0, 0)
        cadence_column.addLayout(cadence_row)
        cadence_column.addWidget(self.preview_label)
        until = QWidget()
        until_row = QHBoxLayout(until)
        until_row.setContentsMargins(0, 0, 0, 0)
        until_row.addWidget(self.until_check)
        until_row.addWidget(self.until_edit, 1)
        form = QFormLayout()
        self.error_map = [
            ("名称", add_row(form, translate("RotaDialog", "&Title *"), self.title_edit)),
            ("接访人员", add_row(form, translate("RotaDialog", "&Receivers *"),
                                 self.receivers_edit)),
            ("地点", add_row(form, translate("RotaDialog", "&Place"), self.place_edit)),
            ("周期", add_row(form, translate("RotaDialog", "Ever&y"), cadence)),
            ("开始日期", add_row(form, translate("RotaDialog", "&From"), self.starts_edit)),
            ("结束日期", add_row(form, translate("RotaDialog", "&Until"), until)),
            ("开始时间", add_row(form, translate("RotaDialog", "&Starts at"),
                                 self.start_edit)),
            ("结束时间", add_row(form, translate("RotaDialog", "&Ends at"), self.end_edit)),
            ("预约时段", add_row(form, translate("RotaDialog", "&Appointment slot"),
                                 self.slot_box)),
            ("备注", add_row(form, translate("RotaDialog", "&Note"), self.note_edit)),
        ]
        self.preset_box.setCurrentIndex(self.preset_box.findData("weekly"))
        if rota is not None:
            self.load(rota)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.finish_layout(layout)
        for signal in (self.preset_box.currentIndexChanged, self.weekday_box.currentIndexChanged,
                       self.rule_edit.textChanged, self.starts_edit.dateChanged,
                       self.until_edit.dateChanged, self.until_check.toggled,
                       self.start_edit.textChanged):
            signal.connect(self.update_preview)
        self.until_check.toggled.connect(self.until_edit.setEnabled)
        self.update_preview()
        open_at(self, 600, 480)

    def load(self, rota: RotaView) -> None:
        self.title_edit.setText(rota.title)
        self.receivers_edit.setText("、".join(rota.receivers))
        self.place_edit.setText(rota.place)
        cadence = cadence_of(rota.rule)
        self.preset_box.setCurrentIndex(self.preset_box.findData(cadence.preset))
        self.weekday_box.setCurrentIndex(cadence.weekday)
        self.rule_edit.setText(cadence.custom or rota.rule)
        self.starts_edit.setDate(_qdate(rota.starts_on))
        self.until_check.setChecked(rota.until is not None)
        self.until_edit.setEnabled(rota.until is not None)
        if rota.until is not None:
            self.until_edit.setDate(_qdate(rota.until))
        self.start_edit.setText(rota.start_time)
        self.end_edit.setText(rota.end_time)
        self.slot_box.setValue(rota.slot_minutes)
        self.note_edit.setText(rota.note)

    def rule(self) -> str:
        code = code_of(self.weekday_box)
        weekday = WEEKDAYS.index(code) if code in WEEKDAYS else 0
        return Cadence(str(self.preset_box.currentData()), weekday,
                       self.rule_edit.text()).rule()

    def until(self) -> date | None:
        if not self.until_check.isChecked():
            return None
        picked: date = self.until_edit.date().toPython()  # type: ignore[assignment]
        return picked

    def update_preview(self) -> None:
        """The next duty days of the cadence as chosen, or why it cannot be read."""
        preset = str(self.preset_box.currentData())
        self.weekday_box.setVisible(preset in ("weekly", "monthly_first"))
        self.rule_edit.setVisible(preset == "custom")
        starts: date = self.starts_edit.date().toPython()  # type: ignore[assignment]
        rule = self.rule()
        if not rule:
            self.preview_label.setText(translate(
                "RotaDialog", "Type an RFC 5545 rule, for example FREQ=WEEKLY;BYDAY=MO."))
            return
        try:
            at = recurrence.parse_time(self.start_edit.text().strip())
        except DomainError:
            at = time(9, 0)
        try:
            days = next_dates(rule, starts, self.until(), at, PREVIEW_COUNT)
        except (ValueError, TypeError) as exc:
            self.preview_label.setText(str(exc).replace("排查", "坐班"))
            return
        self.preview_label.setText(translate("RotaDialog", "%1 — next: %2").replace(
            "%1", describe(rule, starts)).replace("%2", "、".join(d.isoformat() for d in days)))

    def accept(self) -> None:
        self.clear_errors()
        names = self.receivers_edit.text().replace("，", "、").replace(",", "、").split("、")
        draft = RotaDraft(
            title=self.title_edit.text(), receivers=names, place=self.place_edit.text(),
            starts_on=self.starts_edit.date().toPython(),  # type: ignore[arg-type]
            until=self.until(),
            start_time=self.start_edit.text().strip(), end_time=self.end_edit.text().strip(),
            slot_minutes=self.slot_box.value(), rule=self.rule(), note=self.note_edit.text())
        result = self.call_service(lambda: self.ctx.rota.save_rota(draft, self.rota_id))
        if result is not None:
            self.done_with(result)

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext,
            rota: RotaView | None = None) -> PetitionResult | None:
        return cls(ctx, parent, rota).run_petition()
