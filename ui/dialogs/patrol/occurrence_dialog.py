"""取消 / 改期 / 加排: change one patrol of a plan without touching the plan's cadence.

Why one dialog with three choices: for the mediator it is one question — "this patrol is not
happening as planned" — whose answers are cancel it, move it, or (for a festival or an incident)
add one more on another day. The plan's rule stays as it was; the service stores the exception.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from mediation_desk import clock
from mediation_desk.errors import Problem, StoreUnavailable, ValidationError
from mediation_desk.services.patrols.service import Occurrence, PatrolResult
from ui.context import AppContext
from ui.i18n import translate
from ui.icons import icon
from ui.views.patrol.month_calendar import describe
from ui.views.patrol.style import long_day_text
from ui.widgets.case_fields import DateEdit
from ui.widgets.field_error import FieldError, with_message
from ui.widgets.screen_fit import open_at

MODES = ("cancel", "move", "extra")


class OccurrenceDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 occurrence: Occurrence | None = None, day: date | None = None,
                 mode: str = "cancel") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.occurrence = occurrence
        self.result_value: PatrolResult | None = None
        self.setWindowTitle(translate("OccurrenceDialog", "Cancel, move or add a patrol"))
        self.setWindowIcon(icon("reschedule"))
        day = day or (occurrence.on if occurrence else clock.today())

        self.about_label = QLabel(self)
        self.about_label.setWordWrap(True)
        if occurrence is not None:
            self.about_label.setText(long_day_text(occurrence.on) + "　" + describe(occurrence))
        else:
            self.about_label.setText(translate(
                "OccurrenceDialog", "No patrol chosen: an extra patrol of a plan can be added."))
        self.mode_group = QButtonGroup(self)
        self.mode_buttons: dict[str, QRadioButton] = {}
        for code, text in (("cancel", translate("OccurrenceDialog", "&Cancel this patrol")),
                           ("move", translate("OccurrenceDialog", "&Move it to another day")),
                           ("extra", translate("OccurrenceDialog", "&Add an extra patrol"))):
            button = QRadioButton(text, self)
            self.mode_group.addButton(button)
            self.mode_buttons[code] = button
            button.setEnabled(occurrence is not None or code == "extra")
        self.plan_box = QComboBox(self)
        for plan in ctx.patrols.plans(active_only=True):
            self.plan_box.addItem(plan.title, plan.id)
        if occurrence is not None:
            found = self.plan_box.findData(occurrence.plan_id)
            if found < 0:
                self.plan_box.addItem(occurrence.plan_title, occurrence.plan_id)
                found = self.plan_box.count() - 1
            self.plan_box.setCurrentIndex(found)
        self.date_edit = DateEdit(QDate(day.year, day.month, day.day), self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        hours, minutes = (int(p) for p in (occurrence.time if occurrence else "09:00").split(":"))
        self.time_edit = QTimeEdit(QTime(hours, minutes), self)
        self.time_edit.setDisplayFormat("HH:mm")
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setPlaceholderText(translate(
            "OccurrenceDialog", "e.g. 镇里集中开会 / 春节前专项排查"))

        form = QFormLayout()
        self.messages: dict[str, FieldError] = {}
        self.rows: dict[str, QLabel] = {}
        self.cells: dict[str, QWidget] = {}
        for key, text, field in (
                ("plan", translate("OccurrenceDialog", "&Plan"), self.plan_box),
                ("date", translate("OccurrenceDialog", "&Date"), self.date_edit),
                ("time", translate("OccurrenceDialog", "&Time"), self.time_edit),
                ("reason", translate("OccurrenceDialog", "&Reason"), self.reason_edit)):
            cell, self.messages[key] = with_message(field, self)
            self.cells[key] = cell
            label = QLabel(text, self)
            label.setBuddy(field)
            field.setAccessibleName(text.replace("&", ""))
            form.addRow(label, cell)
            self.rows[key] = label
        self.general_message = FieldError(self)
        self.buttons = QDialogButtonBox(self)
        self.ok_button = QPushButton(icon("save", "accent"),
                                     translate("OccurrenceDialog", "&Save"), self)
        self.ok_button.setDefault(True)
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.about_label)
        for button in self.mode_buttons.values():
            layout.addWidget(button)
        layout.addLayout(form)
        layout.addWidget(self.general_message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.mode_group.buttonToggled.connect(lambda *_: self._mode_changed())
        self.set_mode(mode if occurrence is not None else "extra")
        open_at(self, 520, 360)  # pixels at 100 % text; grows with it

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext, occurrence: Occurrence | None = None,
            day: date | None = None, mode: str = "cancel") -> PatrolResult | None:
        """Cancel or move ``occurrence``, or add an extra patrol; the service's result or None."""
        dialog = cls(ctx, parent, occurrence, day, mode)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.result_value
            return None
        finally:
            dialog.deleteLater()

    def mode(self) -> str:
        return next((code for code, b in self.mode_buttons.items() if b.isChecked()), "cancel")

    def set_mode(self, mode: str) -> None:
        self.mode_buttons[mode].setChecked(True)
        self._mode_changed()

    def _mode_changed(self) -> None:
        mode = self.mode()
        for key, shown in (("plan", mode == "extra"), ("date", mode != "cancel"),
                           ("time", mode != "cancel")):
            self.rows[key].setVisible(shown)
            self.cells[key].setVisible(shown)
        for message in self.messages.values():
            message.clear()
        self.general_message.clear()

    def _show(self, problems: list[Problem]) -> None:
        keys = (("计划", "plan"), ("日期", "date"), ("时间", "time"), ("原因", "reason"),
                ("事由", "reason"), ("理由", "reason"))
        rest = []
        for problem in problems:
            key = next((k for word, k in keys if word in problem.field), None)
            if key is None or self.rows[key].isHidden():  # e.g. "already recorded" on cancel
                rest.append(str(problem))
            else:
                self.messages[key].show_error(problem.reason)
        if rest:
            self.general_message.show_error("\n".join(rest))

    def accept(self) -> None:
        for message in self.messages.values():
            message.clear()
        self.general_message.clear()
        mode = self.mode()
        picked = self.date_edit.date()
        on = date(picked.year(), picked.month(), picked.day())
        at = self.time_edit.time().toString("HH:mm")
        reason = self.reason_edit.text().strip()
        patrols = self.ctx.patrols
        try:
            if mode == "extra":
                plan_id = self.plan_box.currentData()
                if not plan_id:
                    self.messages["plan"].show_error(translate(
                        "OccurrenceDialog", "Choose the plan the extra patrol belongs to."))
                    return
                result = patrols.add_extra(str(plan_id), on, at, reason)
            else:
                assert self.occurrence is not None
                if mode == "cancel":
                    result = patrols.cancel_occurrence(self.occurrence.plan_id,
                                                       self.occurrence.key, reason,
                                                       extra_id=self.occurrence.extra_id)
                else:
                    result = patrols.move_occurrence(self.occurrence.plan_id,
                                                     self.occurrence.key, on, at, reason,
                                                     extra_id=self.occurrence.extra_id)
        except ValidationError as exc:
            self._show(exc.problems)
            return
        except StoreUnavailable as exc:
            self.general_message.show_error(translate(
                "OccurrenceDialog", "Nothing was saved: %1").replace("%1", str(exc)))
            return
        self.result_value = result
        super().accept()
