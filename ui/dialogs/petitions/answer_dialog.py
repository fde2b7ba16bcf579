"""反馈: the answer given to the person — how, when, by whom — and for a written answer what the
信访处理意见书 prints (the decision, facts and reasons, legal basis). Given again, it corrects
the answer; the history keeps the earlier one."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from mediation_desk.domain import petitions as rules
from mediation_desk.services.petitions.types import AnswerDraft, PetitionDetail, PetitionResult
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


class AnswerDialog(PetitionDialog):
    def __init__(self, ctx: AppContext, detail: PetitionDetail,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.detail = detail
        self.setWindowTitle(translate("AnswerDialog", "Answer the person — %1").replace(
            "%1", detail.number))
        self.setWindowIcon(icon("petition_reply"))
        about = QLabel(f"{detail.person_name}　{detail.category}\n{detail.content}")
        about.setWordWrap(True)
        self.method_box = choice(dict(rules.ANSWER_METHODS))
        self.on_edit = date_field(detail.answered_on)
        self.by_box = choice(["", *ctx.register.mediator_names()], editable=True)
        self.by_box.setCurrentText(detail.answered_by or ctx.actor.name)
        self.text_edit = text_field(3)
        self.decision_box = choice({"": translate("AnswerDialog", "(no written decision)"),
                                    **rules.DECISIONS})
        self.facts_edit = text_field(2)
        self.basis_edit = text_field(2)
        if detail.answered_on:
            self.method_box.setCurrentIndex(max(self.method_box.findData(detail.answer_method),
                                                0))
            self.text_edit.setPlainText(detail.answer)
            self.decision_box.setCurrentIndex(max(self.decision_box.findData(detail.decision),
                                                  0))
            self.facts_edit.setPlainText(detail.facts_reasons)
            self.basis_edit.setPlainText(detail.legal_basis)
        form = QFormLayout()
        self.error_map = [
            ("答复方式", add_row(form, translate("AnswerDialog", "&How *"), self.method_box)),
            ("答复日期", add_row(form, translate("AnswerDialog", "Whe&n"), self.on_edit)),
            ("答复人", add_row(form, translate("AnswerDialog", "By &whom"), self.by_box)),
            ("答复内容", add_row(form, translate("AnswerDialog", "&Answer *"),
                                 self.text_edit)),
            ("处理意见", add_row(form, translate("AnswerDialog", "&Decision"),
                                 self.decision_box)),
            ("事实", add_row(form, translate("AnswerDialog", "&Facts and reasons"),
                             self.facts_edit)),
            ("依据", add_row(form, translate("AnswerDialog", "&Legal basis"), self.basis_edit)),
        ]
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        self.finish_layout(layout)
        open_at(self, 640, 560)

    def draft(self) -> AnswerDraft:
        return AnswerDraft(
            text=self.text_edit.toPlainText(), method=code_of(self.method_box),
            answered_on=self.on_edit.date().toPython(),  # type: ignore[arg-type]
            answered_by=self.by_box.currentText().strip(),
            decision=str(self.decision_box.currentData() or ""),
            facts_reasons=self.facts_edit.toPlainText(),
            legal_basis=self.basis_edit.toPlainText())

    def accept(self) -> None:
        self.clear_errors()
        result = self.call_service(lambda: self.ctx.petitions.reply(self.detail.id,
                                                                    self.draft()))
        if result is not None:
            self.done_with(result)

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext,
            detail: PetitionDetail) -> PetitionResult | None:
        return cls(ctx, detail, parent).run_petition()
