"""Ending mediation with a written reason: termination (Art 26) or a party's refusal (Art 17)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from mediation_desk.domain.lifecycle import Step
from mediation_desk.services.cases.casework import StepResult
from ui.context import AppContext
from ui.dialogs.cases.case_form import CaseDialog, add_row
from ui.i18n import translate
from ui.views.cases.tabs.record_templates import TERMINATION_ROUTES, fill
from ui.widgets.screen_fit import open_at


class ReasonDialog(CaseDialog):
    """Asks why mediation ends; the step is taken only with a reason on file."""

    def __init__(self, ctx: AppContext, case_id: str, step: Step,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        if step not in (Step.TERMINATE, Step.REFUSE):
            raise ValueError(f"no reason dialog for {step}")
        self.case_id = case_id
        self.step = step
        if step is Step.TERMINATE:
            self.setWindowTitle(translate("ReasonDialog", "Terminate mediation"))
            explanation = translate(
                "ReasonDialog", "Mediation ends without an agreement (People's Mediation Law "
                "Art 26). Write why, and note that the parties were told which routes remain: "
                "arbitration, administrative channels or the court.")
        else:
            self.setWindowTitle(translate("ReasonDialog", "Record refusal of mediation"))
            explanation = translate(
                "ReasonDialog", "A party expressly refuses mediation (Art 17): the room must "
                "not mediate. Record who refused and the reason given.")
        intro = QLabel(explanation)
        intro.setWordWrap(True)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setMinimumHeight(110)
        form = QFormLayout()
        self.reason_error = add_row(form, translate("ReasonDialog", "Reason *"),
                                    self.reason_edit)
        self.default_error = self.reason_error
        self.routes_button = QPushButton(translate("ReasonDialog", "Insert the notice of "
                                                   "other routes"))
        self.routes_button.setVisible(step is Step.TERMINATE)
        committee = ctx.settings.room().committee_name
        self.routes_button.clicked.connect(
            lambda: self.reason_edit.insertPlainText(fill(TERMINATION_ROUTES, committee)))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.routes_button)
        self.finish_layout(layout)
        open_at(self, 560, 320)  # pixels at 100 % text; grows with it

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def accept(self) -> None:
        self.clear_errors()
        reason = self.reason()
        if not reason:
            self.reason_error.set_error(translate("ReasonDialog", "A reason is required."))
            self.reason_edit.setFocus()
            return
        result = self.call_service(
            lambda: self.ctx.casework.take_step(self.case_id, self.step, reason))
        if result is not None:
            self.done_with(result)

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext, case_id: str,
            step: Step) -> StepResult | None:
        dialog = cls(ctx, case_id, step, parent)
        return dialog.run_for_result()
