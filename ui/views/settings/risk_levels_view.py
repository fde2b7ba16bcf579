"""风险等级 settings: how soon each colour of finding must be acted on, and who is told.

Why here and editable: the four-colour scale is local practice (one county answers red within
24 hours and reports to the 综治中心, another within 12 to the police); a finding's default
deadline and escalation target follow these values. Only the director or administrator may
change them — the service checks it too.
"""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.errors import PermissionDenied, StoreUnavailable, ValidationError
from mediation_desk.services.patrols.risk_levels import MAX_RESPONSE_HOURS, RiskLevelSetting
from mediation_desk.store.changes import ChangeSet
from ui.context import AppContext
from ui.dialogs.patrol.visit_dialog import DEFAULT_TARGETS
from ui.i18n import translate
from ui.icons import icon
from ui.views.patrol.style import risk_chip
from ui.widgets.field_error import (
    STATUS_DONE,
    STATUS_ERROR,
    STATUS_NOTE,
    place_problems,
    set_text_colour,
    show_error,
    status_label,
)


def hours_hint(hours: int) -> str:
    """"3天" beside 72 hours: people think of deadlines in days."""
    if hours % 24 == 0:
        return translate("PatrolRiskSettings", "= %1 day(s)").replace("%1", str(hours // 24))
    return ""


class PatrolRiskSettings(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.can_edit = ctx.actor.role in ("director", "admin")
        self.levels: list[RiskLevelSetting] = []
        self.hours: dict[str, QSpinBox] = {}
        self.hints: dict[str, QLabel] = {}
        self.targets: dict[str, QComboBox] = {}
        self.errors: dict[str, QLabel] = {}

        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        for column, text in enumerate((translate("PatrolRiskSettings", "Level"),
                                       translate("PatrolRiskSettings", "Response time"), "",
                                       translate("PatrolRiskSettings", "Escalate to"))):
            header = QLabel(f"<b>{text}</b>")
            grid.addWidget(header, 0, column)
        for row, level in enumerate(ctx.patrol_settings.risk_levels(), start=1):
            chip = QLabel()
            chip.setPixmap(risk_chip(level.code, 16).pixmap(16, 16))
            name = QLabel(f"{level.label}色")
            cell = QHBoxLayout()
            cell.addWidget(chip)
            cell.addWidget(name)
            cell.addStretch(1)
            spin = QSpinBox()
            spin.setRange(1, MAX_RESPONSE_HOURS)
            spin.setSuffix(translate("PatrolRiskSettings", " hours"))
            spin.setAccessibleName(translate("PatrolRiskSettings", "Response time of %1")
                                   .replace("%1", f"{level.label}色"))
            hint = QLabel()
            hint.setStyleSheet("color:#546e7a;")
            target = QComboBox()
            target.setEditable(True)
            target.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            target.addItems(["", *DEFAULT_TARGETS])
            target.setMinimumContentsLength(10)
            target.setAccessibleName(translate("PatrolRiskSettings", "Escalation target of %1")
                                     .replace("%1", f"{level.label}色"))
            error = status_label(STATUS_ERROR)
            name.setBuddy(spin)
            grid.addLayout(cell, row * 2 - 1, 0)
            grid.addWidget(spin, row * 2 - 1, 1)
            grid.addWidget(hint, row * 2 - 1, 2)
            grid.addWidget(target, row * 2 - 1, 3)
            grid.addWidget(error, row * 2, 1, 1, 3)
            self.hours[level.code], self.hints[level.code] = spin, hint
            self.targets[level.code], self.errors[level.code] = target, error
            spin.valueChanged.connect(lambda value, h=hint: h.setText(hours_hint(value)))
        grid.setColumnStretch(3, 1)

        self.save_button = QPushButton(icon("save"), translate("PatrolRiskSettings",
                                                               "&Save risk levels"))
        self.message = status_label(STATUS_DONE)
        note = status_label(STATUS_NOTE, translate(
            "PatrolRiskSettings", "A finding's deadline is its found date plus the response "
            "time; an empty target means the room handles that level itself. Findings already "
            "recorded keep their deadlines."))
        permission = status_label(STATUS_ERROR, "" if self.can_edit else translate(
            "PatrolRiskSettings", "Only the director or administrator can change these."))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(permission)
        layout.addLayout(grid)
        layout.addWidget(note)
        layout.addLayout(buttons)
        layout.addStretch(1)
        for widget in (*self.hours.values(), *self.targets.values(), self.save_button):
            widget.setEnabled(self.can_edit)
        self.save_button.clicked.connect(self.save)
        ctx.bus.changes_committed.connect(self._on_changes)
        self.load()

    def load(self) -> None:
        self.levels = self.ctx.patrol_settings.risk_levels()
        for level in self.levels:
            self.hours[level.code].setValue(level.response_hours)
            self.hints[level.code].setText(hours_hint(level.response_hours))
            self.targets[level.code].setCurrentText(level.escalation_target)

    def edited(self) -> list[RiskLevelSetting]:
        return [RiskLevelSetting(level.code, level.label, self.hours[level.code].value(),
                                 self.targets[level.code].currentText().strip())
                for level in self.levels]

    def save(self) -> bool:
        for label in (*self.errors.values(), self.message):
            show_error(label, "")
        try:
            self.ctx.patrol_settings.update_risk_levels(self.edited())
        except ValidationError as exc:
            by_label = {f"{level.label}色": level.code for level in self.levels}
            rest = place_problems(exc.problems, self.errors,
                                  lambda problem: by_label.get(problem.record))
            if rest:
                self._say(STATUS_ERROR, rest)
            return False
        except (PermissionDenied, StoreUnavailable) as exc:
            self._say(STATUS_ERROR, str(exc))
            return False
        self._say(STATUS_DONE, translate("PatrolRiskSettings", "Risk levels saved."))
        return True

    def _say(self, color: QColor, text: str) -> None:
        set_text_colour(self.message, color)
        show_error(self.message, text)

    def _on_changes(self, changes: ChangeSet) -> None:
        if "settings" in changes.kinds:
            self.load()
