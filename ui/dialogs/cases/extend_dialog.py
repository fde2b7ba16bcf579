"""Extending the mediation time limit, only with the parties' consent on record (MOJ 2002 Art 33)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QFormLayout, QLabel, QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget

from mediation_desk.services.cases.casework import StepResult
from ui.context import AppContext
from ui.dialogs.cases.case_form import CaseDialog, add_row
from ui.i18n import translate
from ui.widgets.screen_fit import open_at

MAX_DAYS = 30
DEFAULT_DAYS = 15


class ExtendDialog(CaseDialog):
    def __init__(self, ctx: AppContext, case_id: str, deadline_on: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.case_id = case_id
        self.deadline_on = deadline_on
        self.setWindowTitle(translate("ExtendDialog", "Extend the time limit"))
        intro = QLabel(translate(
            "ExtendDialog", "Mediation should normally finish within one month. It may be "
            "extended only when both parties agree; record how and when they agreed."))
        intro.setWordWrap(True)
        self.days_box = QSpinBox()
        self.days_box.setRange(1, MAX_DAYS)
        self.days_box.setValue(DEFAULT_DAYS)
        self.days_box.setSuffix(translate("ExtendDialog", " days"))
        self.consent_edit = QPlainTextEdit()
        self.consent_edit.setTabChangesFocus(True)
        self.consent_edit.setPlaceholderText(translate(
            "ExtendDialog", "e.g. both parties agreed in person on 28 November"))
        self.consent_edit.setMinimumHeight(80)
        self.new_deadline = QLabel()
        form = QFormLayout()
        form.addRow(translate("ExtendDialog", "Current time limit"),
                    QLabel(deadline_on.isoformat()))
        self.days_error = add_row(form, translate("ExtendDialog", "Extend by"), self.days_box)
        form.addRow(translate("ExtendDialog", "New time limit"), self.new_deadline)
        self.consent_error = add_row(form, translate("ExtendDialog", "Parties' consent *"),
                                     self.consent_edit)
        self.error_map = [("延长天数", self.days_error), ("延期", self.consent_error)]
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        self.finish_layout(layout)
        self.days_box.valueChanged.connect(self._show_new_deadline)
        self._show_new_deadline()
        open_at(self, 520, 320)  # pixels at 100 % text; grows with it

    def _show_new_deadline(self) -> None:
        new = self.deadline_on + timedelta(days=self.days_box.value())
        self.new_deadline.setText(new.isoformat())

    def accept(self) -> None:
        self.clear_errors()
        note = self.consent_edit.toPlainText().strip()
        if not note:
            self.consent_error.set_error(translate(
                "ExtendDialog", "Record that both parties agreed to the extension."))
            self.consent_edit.setFocus()
            return
        days = self.days_box.value()
        result = self.call_service(lambda: self.ctx.casework.extend(self.case_id, days, note))
        if result is not None:
            self.done_with(result)

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext, case_id: str,
            deadline_on: date) -> StepResult | None:
        dialog = cls(ctx, case_id, deadline_on, parent)
        return dialog.run_for_result()
