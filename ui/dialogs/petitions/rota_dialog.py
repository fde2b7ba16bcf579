"""坐班接访: a duty rota — who receives visitors (the leader first), where, on which weekday,
from when to when, and how long an appointment slot is. Weekly on one weekday, as most towns
hold them (the service takes any recurrence rule; the command line can set others)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from mediation_desk.services.petitions.rota import RotaDraft
from mediation_desk.services.petitions.types import PetitionResult
from ui.context import AppContext
from ui.dialogs.cases.case_form import add_row
from ui.dialogs.petitions.petition_form import PetitionDialog, choice, code_of, date_field
from ui.i18n import translate
from ui.icons import icon
from ui.widgets.screen_fit import open_at

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


class RotaDialog(PetitionDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(translate("RotaDialog", "Duty rota"))
        self.setWindowIcon(icon("duty_rota"))
        self.title_edit = QLineEdit()
        self.receivers_edit = QLineEdit()
        self.receivers_edit.setPlaceholderText(
            translate("RotaDialog", "the leader first, names separated by 、"))
        self.place_edit = QLineEdit()
        self.weekday_box = choice({code: name for code, name in zip(WEEKDAYS, (
            translate("RotaDialog", "Mondays"), translate("RotaDialog", "Tuesdays"),
            translate("RotaDialog", "Wednesdays"), translate("RotaDialog", "Thursdays"),
            translate("RotaDialog", "Fridays"), translate("RotaDialog", "Saturdays"),
            translate("RotaDialog", "Sundays")), strict=True)})
        self.starts_edit = date_field()
        self.start_edit = QLineEdit("09:00")
        self.end_edit = QLineEdit("12:00")
        self.slot_box = QSpinBox()
        self.slot_box.setRange(5, 240)
        self.slot_box.setValue(30)
        self.slot_box.setSuffix(translate("RotaDialog", " minutes"))
        form = QFormLayout()
        self.error_map = [
            ("名称", add_row(form, translate("RotaDialog", "&Title *"), self.title_edit)),
            ("接访人员", add_row(form, translate("RotaDialog", "&Receivers *"),
                                 self.receivers_edit)),
            ("地点", add_row(form, translate("RotaDialog", "&Place"), self.place_edit)),
            ("周期", add_row(form, translate("RotaDialog", "Ever&y"), self.weekday_box)),
            ("开始日期", add_row(form, translate("RotaDialog", "&From"), self.starts_edit)),
            ("开始时间", add_row(form, translate("RotaDialog", "&Starts at"),
                                 self.start_edit)),
            ("结束时间", add_row(form, translate("RotaDialog", "&Ends at"), self.end_edit)),
            ("预约时段", add_row(form, translate("RotaDialog", "&Appointment slot"),
                                 self.slot_box)),
        ]
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.finish_layout(layout)
        open_at(self, 520, 380)

    def accept(self) -> None:
        self.clear_errors()
        names = self.receivers_edit.text().replace("，", "、").replace(",", "、").split("、")
        draft = RotaDraft(
            title=self.title_edit.text(), receivers=names, place=self.place_edit.text(),
            starts_on=self.starts_edit.date().toPython(),  # type: ignore[arg-type]
            start_time=self.start_edit.text().strip(), end_time=self.end_edit.text().strip(),
            slot_minutes=self.slot_box.value(),
            rule=f"FREQ=WEEKLY;BYDAY={code_of(self.weekday_box)}")
        result = self.call_service(lambda: self.ctx.rota.save_rota(draft))
        if result is not None:
            self.done_with(result)

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext) -> PetitionResult | None:
        return cls(ctx, parent).run_petition()
