"""排查计划: plan a recurring screening patrol — villages, team, dates, cadence, focus.

Why the next five dates are shown live: a cadence is easy to get wrong ("every 10 days" from a
Saturday, the 1st and 16th in February) and the mediator should see the dates before a wall
timetable is printed from them. Why warnings come before saving: a double-booked team member or
a new village (a typo?) should be seen while the form is still open; Enter a second time saves
anyway. Refusals are shown beside their fields, in the service's own words.
"""

from __future__ import annotations

import re
from datetime import date, time

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from mediation_desk import clock
from mediation_desk.errors import Problem, StoreUnavailable, ValidationError
from mediation_desk.services.patrols.service import PatrolResult, PlanDraft, PlanView, TeamMember
from ui.context import AppContext
from ui.dialogs.patrol.pickers import NamePicker, TeamPicker
from ui.i18n import translate
from ui.icons import icon
from ui.views.patrol.cadence import WEEKDAY_CODES, Cadence, cadence_of, describe, next_dates
from ui.views.patrol.style import WEEKDAYS, day_text
from ui.widgets.case_fields import DateEdit
from ui.widgets.field_error import FieldError, with_message
from ui.widgets.screen_fit import open_at

PREVIEW_COUNT = 5
#: How far ahead the form looks for double bookings (the service checks the same way).
_SPLIT = re.compile(r"[、，,；;\s]+")


def preset_names() -> list[tuple[str, str]]:
    return [("weekly", translate("PlanDialog", "Every week on")),
            ("every_10_days", translate("PlanDialog", "Every 10 days")),
            ("half_monthly", translate("PlanDialog", "Twice a month (1st and 16th)")),
            ("monthly_first", translate("PlanDialog", "Monthly, first")),
            ("custom", translate("PlanDialog", "Custom RRULE"))]


def split_topics(text: str) -> list[str]:
    return [t for t in _SPLIT.split(text.strip()) if t]


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class PlanDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 plan_id: str | None = None, starts_on: date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.plan_id = plan_id
        self.result_value: PatrolResult | None = None
        self._acknowledged: tuple[object, ...] | None = None
        self.setWindowTitle(translate("PlanDialog", "Patrol plan") if plan_id is None
                            else translate("PlanDialog", "Edit patrol plan"))
        self.setWindowIcon(icon("new_plan"))
        self._build(starts_on or clock.today())
        if plan_id is not None:
            self.load(ctx.patrols.plan(plan_id))
        self._connect()
        self.update_preview()
        self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext, plan_id: str | None = None,
            starts_on: date | None = None) -> PatrolResult | None:
        """Plan a patrol (or edit ``plan_id``); what the service returned, or None."""
        dialog = cls(ctx, parent, plan_id=plan_id, starts_on=starts_on)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.result_value
            return None
        finally:
            dialog.deleteLater()

    # -- building ---------------------------------------------------------------------------
    def _build(self, starts_on: date) -> None:
        self.messages: dict[str, FieldError] = {}
        self.title_edit = QLineEdit(self)
        self.starts_edit = DateEdit(_qdate(starts_on), self)
        self.until_check = QCheckBox(translate("PlanDialog", "Ends on"), self)
        self.until_check.setChecked(True)
        self.until_edit = DateEdit(_qdate(starts_on).addMonths(6).addDays(-1), self)
        for edit in (self.starts_edit, self.until_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.time_edit = QTimeEdit(QTime(9, 0), self)
        self.time_edit.setDisplayFormat("HH:mm")
        self.duration_spin = QSpinBox(self)
        self.duration_spin.setRange(15, 720)
        self.duration_spin.setSingleStep(30)
        self.duration_spin.setValue(180)
        self.duration_spin.setSuffix(translate("PlanDialog", " min"))
        self.duration_spin.setAccessibleName(translate("PlanDialog", "Duration"))
        self.preset_box = QComboBox(self)
        for code, text in preset_names():
            self.preset_box.addItem(text, code)
        self.preset_box.setCurrentIndex(self.preset_box.findData("every_10_days"))
        self.weekday_box = QComboBox(self)
        self.weekday_box.setAccessibleName(translate("PlanDialog", "Weekday"))
        for i, name in enumerate(WEEKDAYS):
            self.weekday_box.addItem(f"星期{name}", WEEKDAY_CODES[i])
        self.weekday_box.setCurrentIndex(starts_on.weekday())
        self.rule_edit = QLineEdit(self)
        self.rule_edit.setAccessibleName(translate("PlanDialog", "RRULE"))
        self.rule_edit.setPlaceholderText("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO")
        self.preview_label = QLabel(self)
        self.preview_label.setWordWrap(True)
        self.preview_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview_label.setAccessibleName(translate("PlanDialog", "Next dates"))
        self.preview_label.setStyleSheet("color:#1565c0;")
        self.focus_edit = QLineEdit(self)
        self.focus_edit.setPlaceholderText(translate("PlanDialog", "e.g. 山林土地、农村建房"))
        self.note_edit = QLineEdit(self)

        villages = [v.label for v in self.ctx.settings.villages()]
        self.villages = NamePicker(translate("PlanDialog", "Villages"),
                                   translate("PlanDialog", "Add a village not in the list…"),
                                   self, rows=6)
        self.villages.set_names(villages, [])
        self.team = TeamPicker(self)
        names = self.ctx.register.mediator_names()
        me = self.ctx.actor.name
        self.team.set_names(names, [me] if me in names else [])
        if me in names:
            self.team.set_lead(me)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        until_row = QWidget(self)
        until_layout = QHBoxLayout(until_row)
        until_layout.setContentsMargins(0, 0, 0, 0)
        until_layout.addWidget(self.until_check)
        until_layout.addWidget(self.until_edit, 1)
        when_row = QWidget(self)
        when_layout = QHBoxLayout(when_row)
        when_layout.setContentsMargins(0, 0, 0, 0)
        when_layout.addWidget(self.time_edit)
        when_layout.addWidget(QLabel(translate("PlanDialog", "for"), self))
        when_layout.addWidget(self.duration_spin)
        when_layout.addStretch(1)
        cadence_row = QWidget(self)
        cadence_layout = QHBoxLayout(cadence_row)
        cadence_layout.setContentsMargins(0, 0, 0, 0)
        cadence_layout.addWidget(self.preset_box)
        cadence_layout.addWidget(self.weekday_box)
        cadence_layout.addWidget(self.rule_edit, 1)
        cadence_cell = QWidget(self)
        cadence_column = QVBoxLayout(cadence_cell)
        cadence_column.setContentsMargins(0, 0, 0, 0)
        cadence_column.addWidget(cadence_row)
        cadence_column.addWidget(self.preview_label)
        for key, text, field, shown in (
                ("title", translate("PlanDialog", "&Title"), self.title_edit, self.title_edit),
                ("starts", translate("PlanDialog", "Starts o&n"), self.starts_edit,
                 self.starts_edit),
                ("until", translate("PlanDialog", "Until"), self.until_edit, until_row),
                ("time", translate("PlanDialog", "T&ime"), self.time_edit, when_row),
                ("rule", translate("PlanDialog", "&Cadence"), self.preset_box, cadence_cell),
                ("focus", translate("PlanDialog", "&Focus topics"), self.focus_edit,
                 self.focus_edit),
                ("note", translate("PlanDialog", "N&ote"), self.note_edit, self.note_edit)):
            cell, message = with_message(shown, self)
            label = QLabel(text, self)
            label.setBuddy(field)
            field.setAccessibleName(text.replace("&", ""))
            form.addRow(label, cell)
            self.messages[key] = message

        when_box = QGroupBox(translate("PlanDialog", "When"), self)
        when_box.setLayout(form)
        village_box = QGroupBox(translate("PlanDialog", "&Villages"), self)
        village_cell, self.messages["villages"] = with_message(self.villages, self)
        QVBoxLayout(village_box).addWidget(village_cell)
        team_box = QGroupBox(translate("PlanDialog", "Tea&m"), self)
        team_layout = QVBoxLayout(team_box)
        team_cell, self.messages["team"] = with_message(self.team, self)
        team_layout.addWidget(team_cell)
        lead_row = QHBoxLayout()
        lead_label = QLabel(translate("PlanDialog", "&Lead"), self)
        lead_label.setBuddy(self.team.lead_box)
        lead_row.addWidget(lead_label)
        lead_row.addWidget(self.team.lead_box, 1)
        team_layout.addLayout(lead_row)
        team_layout.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(village_box)
        right.addWidget(team_box)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addWidget(when_box, 3)
        columns.addLayout(right, 2)

        self.warning_label = FieldError(self)
        self.warning_label.setObjectName("plan-warnings")
        self.general_message = FieldError(self)
        self.buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(icon("save", "accent"), translate("PlanDialog", "&Save"),
                                       self)
        self.save_button.setDefault(True)
        self.save_button.setAutoDefault(True)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.general_message)
        layout.addWidget(self.buttons)
        for first, after in zip(
                (self.title_edit, self.starts_edit, self.until_check, self.until_edit,
                 self.time_edit, self.duration_spin, self.preset_box, self.weekday_box,
                 self.rule_edit, self.focus_edit, self.note_edit, self.villages.list,
                 self.villages.add_edit, self.team.list, self.team.add_edit,
                 self.team.lead_box, self.save_button),
                (self.starts_edit, self.until_check, self.until_edit, self.time_edit,
                 self.duration_spin, self.preset_box, self.weekday_box, self.rule_edit,
                 self.focus_edit, self.note_edit, self.villages.list, self.villages.add_edit,
                 self.team.list, self.team.add_edit, self.team.lead_box, self.save_button,
                 self.cancel_button), strict=True):
            QWidget.setTabOrder(first, after)
        open_at(self, 860, 560)  # pixels at 100 % text; grows with it

    def _connect(self) -> None:
        for signal in (self.starts_edit.dateChanged, self.until_edit.dateChanged,
                       self.until_check.toggled, self.time_edit.timeChanged,
                       self.preset_box.currentIndexChanged, self.weekday_box.currentIndexChanged,
                       self.rule_edit.textChanged):
            signal.connect(lambda *_a: self.update_preview())
        self.until_check.toggled.connect(self.until_edit.setEnabled)
        self.villages.changed.connect(self._villages_changed)
        self.team.changed.connect(lambda: self.messages["team"].clear())
        self.title_edit.textEdited.connect(lambda _t: self.messages["title"].clear())
        self.focus_edit.textEdited.connect(lambda _t: self.messages["focus"].clear())
        self._villages_changed()

    # -- the form as data -------------------------------------------------------------------
    def cadence(self) -> Cadence:
        return Cadence(str(self.preset_box.currentData()), self.weekday_box.currentIndex(),
                       self.rule_edit.text())

    def auto_title(self) -> str:
        villages = self.villages.checked()
        if not villages:
            return ""
        names = "、".join(villages[:2]) + ("等" if len(villages) > 2 else "")
        return f"{names}定期排查"

    def build_draft(self) -> PlanDraft:
        team = [TeamMember(name, "lead" if name == self.team.lead() else "member")
                for name in self.team.checked()]
        team.sort(key=lambda m: m.role != "lead")
        return PlanDraft(
            title=self.title_edit.text().strip() or self.auto_title(),
            villages=self.villages.checked(), team=team,
            starts_on=_pydate(self.starts_edit.date()),
            until=_pydate(self.until_edit.date()) if self.until_check.isChecked() else None,
            time=self.time_edit.time().toString("HH:mm"),
            duration_minutes=self.duration_spin.value(), rule=self.cadence().rule(),
            focus=split_topics(self.focus_edit.text()), note=self.note_edit.text().strip())

    def load(self, plan: PlanView) -> None:
        """Fill the form from a stored plan (editing)."""
        self.title_edit.setText(plan.title)
        self.starts_edit.setDate(_qdate(plan.starts_on))
        self.until_check.setChecked(plan.until is not None)
        if plan.until is not None:
            self.until_edit.setDate(_qdate(plan.until))
        hours, minutes = (int(p) for p in plan.time.split(":"))
        self.time_edit.setTime(QTime(hours, minutes))
        self.duration_spin.setValue(plan.duration_minutes)
        cadence = cadence_of(plan.rule)
        self.preset_box.setCurrentIndex(self.preset_box.findData(cadence.preset))
        self.weekday_box.setCurrentIndex(cadence.weekday)
        self.rule_edit.setText(cadence.custom or plan.rule)
        self.focus_edit.setText("、".join(plan.focus))
        self.note_edit.setText(plan.note)
        self.villages.set_names(self.villages.known, list(plan.villages))
        names = [m.name for m in plan.team]
        self.team.set_names(self.team.known, names)
        self.team.set_lead(plan.lead)

    # -- live feedback ----------------------------------------------------------------------
    def update_preview(self) -> None:
        """Show the next dates of the cadence as it is chosen, or why the rule is refused."""
        preset = str(self.preset_box.currentData())
        self.weekday_box.setVisible(preset in ("weekly", "monthly_first"))
        self.rule_edit.setVisible(preset == "custom")
        self.messages["rule"].clear()
        self.messages["until"].clear()
        draft_rule = self.cadence().rule()
        starts = _pydate(self.starts_edit.date())
        until = _pydate(self.until_edit.date()) if self.until_check.isChecked() else None
        if until is not None and until < starts:
            self.preview_label.clear()
            self.messages["until"].show_error(translate(
                "PlanDialog", "The end date is before the start date."))
            return
        if preset == "custom" and not draft_rule:
            self.preview_label.setText(translate(
                "PlanDialog", "Type an RFC 5545 rule, for example FREQ=WEEKLY;BYDAY=MO."))
            return
        try:
            at = self.time_edit.time()
            dates = next_dates(draft_rule, starts, until, time(at.hour(), at.minute()),
                               PREVIEW_COUNT)
        except (ValueError, TypeError) as exc:
            self.preview_label.clear()
            self.messages["rule"].show_error(translate(
                "PlanDialog", "The cadence cannot be read: %1").replace("%1", str(exc)))
            return
        if not dates:
            self.preview_label.setText(translate("PlanDialog", "No patrol falls in this period."))
            return
        self.preview_label.setText(translate("PlanDialog", "%1 — next: %2").replace(
            "%1", describe(draft_rule, starts)).replace(
            "%2", "、".join(day_text(d) for d in dates)))

    def preview_dates(self) -> list[date]:
        at = self.time_edit.time()
        until = _pydate(self.until_edit.date()) if self.until_check.isChecked() else None
        return next_dates(self.cadence().rule(), _pydate(self.starts_edit.date()), until,
                          time(at.hour(), at.minute()), PREVIEW_COUNT)

    def _villages_changed(self) -> None:
        self.title_edit.setPlaceholderText(self.auto_title() or translate(
            "PlanDialog", "e.g. 湖二村定期排查"))
        new = self.villages.new_names()
        if new:
            self.messages["villages"].show_note(translate(
                "PlanDialog", "Not in the village list yet, will be added: %1").replace(
                "%1", "、".join(new)))
        else:
            self.messages["villages"].clear()

    # -- warnings before saving -------------------------------------------------------------
    def warnings(self, draft: PlanDraft) -> list[str]:
        """Double bookings and new villages, as the user should see them before saving
        (the service's own checks on the unsaved draft; nothing is written)."""
        draft.title = draft.title or self.auto_title()
        return self.ctx.patrols.plan_warnings(draft, self.plan_id)

    # -- accepting --------------------------------------------------------------------------
    def clear_problems(self) -> None:
        for key, message in self.messages.items():
            if key != "villages" or message.is_error:
                message.clear()
        self.general_message.clear()
        self._villages_changed()

    def show_problems(self, problems: list[Problem]) -> None:
        """Each refusal beside its field (matched on the service's Chinese field names)."""
        keys = (("标题", "title"), ("名称", "title"), ("村", "villages"), ("负责人", "team"),
                ("排查组", "team"), ("成员", "team"), ("人员", "team"), ("开始", "starts"), ("结束", "until"),
                ("截止", "until"), ("时长", "time"), ("时间", "time"), ("周期", "rule"),
                ("规则", "rule"), ("RRULE", "rule"), ("重点", "focus"), ("备注", "note"))
        rest = []
        for problem in problems:
            key = next((k for word, k in keys if word in problem.field), None)
            if key is None:
                rest.append(str(problem))
            else:
                self.messages[key].show_error(problem.reason)
        if rest:
            self.general_message.show_error("\n".join(rest))

    def accept(self) -> None:
        self.clear_problems()
        if self.messages["rule"].is_error or self.messages["until"].is_error:
            self.update_preview()
            return
        draft = self.build_draft()
        try:
            warnings = self.warnings(draft)
        except ValidationError as exc:
            self.show_problems(exc.problems)
            return
        except ValueError as exc:
            self.messages["rule"].show_error(str(exc))
            return
        key = (repr(draft),)
        if warnings and key != self._acknowledged:
            self._acknowledged = key
            self.warning_label.show_info("\n".join(
                [*warnings, translate("PlanDialog", "Press Enter or Save again to save anyway.")]))
            self.save_button.setText(translate("PlanDialog", "Save &anyway"))
            return
        try:
            if self.plan_id is None:
                result = self.ctx.patrols.add_plan(draft)
            else:
                result = self.ctx.patrols.update_plan(self.plan_id, draft)
        except ValidationError as exc:
            self.warning_label.clear()
            self.save_button.setText(translate("PlanDialog", "&Save"))
            self._acknowledged = None
            self.show_problems(exc.problems)
            return
        except StoreUnavailable as exc:
            self.general_message.show_error(translate(
                "PlanDialog", "The plan could not be saved: %1 Nothing was written; try "
                "again.").replace("%1", str(exc)))
            return
        self.result_value = result
        super().accept()

