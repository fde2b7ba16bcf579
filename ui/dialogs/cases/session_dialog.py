"""Planning a mediation session or an investigation visit; it shows on 工作台 on its day."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from mediation_desk import clock
from mediation_desk.services.cases.casework import StepResult
from ui.context import AppContext
from ui.dialogs.cases.case_form import CaseDialog, add_row
from ui.i18n import translate
from ui.widgets.screen_fit import open_at

DEFAULT_HOUR = 9


class SessionDialog(CaseDialog):
    def __init__(self, ctx: AppContext, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.case_id = case_id
        self.setWindowTitle(translate("SessionDialog", "Plan a session"))
        tomorrow = clock.today() + timedelta(days=1)
        self.at_edit = QDateTimeEdit(QDateTime(QDate(tomorrow), QTime(DEFAULT_HOUR, 0)))
        self.at_edit.setCalendarPopup(True)
        self.at_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.kind_box = QComboBox()
        self.kind_box.addItem(translate("SessionDialog", "Mediation session"), "mediation")
        self.kind_box.addItem(translate("SessionDialog", "Investigation visit"),
                              "investigation")
        self.place_edit = QLineEdit(ctx.settings.room().room_name)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setPlaceholderText(translate(
            "SessionDialog", "e.g. invite the village elder; bring the site photos"))
        self.note_edit.setFixedHeight(80)
        form = QFormLayout()
        self.at_error = add_row(form, translate("SessionDialog", "Date and time"), self.at_edit)
        self.kind_error = add_row(form, translate("SessionDialog", "Kind"), self.kind_box)
        add_row(form, translate("SessionDialog", "Place"), self.place_edit)
        add_row(form, translate("SessionDialog", "Note"), self.note_edit)
        self.error_map = [("预约类型", self.kind_error)]
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.finish_layout(layout)
        open_at(self, 480, 280)  # pixels at 100 % text; grows with it

    def at(self) -> datetime:
        value = self.at_edit.dateTime().toPython()
        assert isinstance(value, datetime)
        return value.replace(second=0, microsecond=0)

    def accept(self) -> None:
        self.clear_errors()
        at = self.at()
        if at.date() < clock.today():
            self.at_error.set_error(translate("SessionDialog",
                                              "A planned session cannot be in the past."))
            return
        result = self.call_service(lambda: self.ctx.casework.schedule_session(
            self.case_id, at, kind=str(self.kind_box.currentData()),
            place=self.place_edit.text().strip(), note=self.note_edit.toPlainText().strip()))
        if result is not None:
            self.done_with(result)

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext, case_id: str) -> StepResult | None:
        dialog = cls(ctx, case_id, parent)
        return dialog.run_for_result()
