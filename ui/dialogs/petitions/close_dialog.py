"""办结: close an answered request with the person's satisfaction. Closing before the person
has been answered is refused by the service; its reason shows beside the satisfaction field
and nothing is written. An unsatisfied person gets a return visit a week later (回访)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from mediation_desk.domain import petitions as rules
from mediation_desk.services.petitions.types import PetitionDetail, PetitionResult
from ui.context import AppContext
from ui.dialogs.cases.case_form import add_row
from ui.dialogs.petitions.petition_form import PetitionDialog, choice, code_of
from ui.i18n import translate
from ui.icons import icon
from ui.widgets.screen_fit import open_at


class CloseDialog(PetitionDialog):
    def __init__(self, ctx: AppContext, detail: PetitionDetail,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.detail = detail
        self.setWindowTitle(translate("CloseDialog", "Close %1").replace("%1", detail.number))
        self.setWindowIcon(icon("done"))
        answer = (translate("CloseDialog", "Answered %1 by %2: %3").replace(
            "%1", f"{detail.answered_on:%Y-%m-%d}").replace("%2", detail.answered_by).replace(
            "%3", detail.answer) if detail.answered_on
            else translate("CloseDialog", "The person has not been answered yet."))
        about = QLabel(answer)
        about.setWordWrap(True)
        self.satisfaction_box = choice(dict(rules.SATISFACTION))
        form = QFormLayout()
        self.satisfaction_error = add_row(
            form, translate("CloseDialog", "The person's &satisfaction"),
            self.satisfaction_box)
        self.error_map = [("满意度", self.satisfaction_error)]
        # The loop's refusal (no answer yet) belongs to no one field: shown beside this one.
        self.default_error = self.satisfaction_error
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        self.finish_layout(layout)
        open_at(self, 480, 220)

    def accept(self) -> None:
        self.clear_errors()
        result = self.call_service(lambda: self.ctx.petitions.close(
            self.detail.id, code_of(self.satisfaction_box)))
        if result is not None:
            self.done_with(result)

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext,
            detail: PetitionDetail) -> PetitionResult | None:
        return cls(ctx, detail, parent).run_petition()
