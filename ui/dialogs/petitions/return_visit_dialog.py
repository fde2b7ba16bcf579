"""回访: what the return visit to an unsatisfied person found, and how satisfied they are now."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QVBoxLayout, QWidget

from mediation_desk.domain import petitions as rules
from mediation_desk.services.petitions.types import PetitionDetail, PetitionResult
from ui.context import AppContext
from ui.dialogs.cases.case_form import add_row
from ui.dialogs.petitions.petition_form import (
    PetitionDialog,
    choice,
    code_of,
    date_field,
    text_field,
)
from ui.i18n import translate
from ui.icons import icon
from ui.widgets.screen_fit import open_at


class ReturnVisitDialog(PetitionDialog):
    def __init__(self, ctx: AppContext, detail: PetitionDetail,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.detail = detail
        self.setWindowTitle(translate("ReturnVisitDialog", "Return visit — %1").replace(
            "%1", detail.number))
        self.setWindowIcon(icon("followup"))
        due = [v for v in detail.return_visits if v.done_on is None]
        self.visit_box = choice({v.id: f"{v.due_on:%Y-%m-%d} {v.visitor}" for v in due})
        self.on_edit = date_field()
        self.result_edit = text_field(3)
        self.satisfaction_box = choice(dict(rules.SATISFACTION))
        form = QFormLayout()
        self.error_map = [
            ("回访记录", add_row(form, translate("ReturnVisitDialog", "&Visit"),
                                 self.visit_box)),
            ("回访日期", add_row(form, translate("ReturnVisitDialog", "&On"), self.on_edit)),
            ("回访情况", add_row(form, translate("ReturnVisitDialog", "&What was found *"),
                                 self.result_edit)),
            ("满意度", add_row(form, translate("ReturnVisitDialog", "&Satisfaction"),
                               self.satisfaction_box)),
        ]
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.finish_layout(layout)
        open_at(self, 520, 300)

    def accept(self) -> None:
        self.clear_errors()
        visit = str(self.visit_box.currentData() or "")
        result = self.call_service(lambda: self.ctx.petitions.record_return_visit(
            visit, self.result_edit.toPlainText(), code_of(self.satisfaction_box),
            self.on_edit.date().toPython()))  # type: ignore[arg-type]
        if result is not None:
            self.done_with(result)

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext,
            detail: PetitionDetail) -> PetitionResult | None:
        return cls(ctx, detail, parent).run_petition()
