"""研判: how the request is handled — mediated here, referred to a department, joint handling or
answered directly — with the reasoning and a risk level. "Mediate here" then registers the
case (the page opens the intake form prefilled from the request; the link is made both ways
in the same transaction as the case)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from mediation_desk.domain.dictionaries import RISK_LEVELS
from mediation_desk.domain.petitions import ROUTES
from mediation_desk.services.petitions.types import PetitionDetail, PetitionResult
from ui.context import AppContext
from ui.dialogs.cases.case_form import add_row
from ui.dialogs.petitions.petition_form import PetitionDialog, choice, code_of, text_field
from ui.i18n import translate
from ui.icons import icon
from ui.widgets.screen_fit import open_at


class AssessDialog(PetitionDialog):
    def __init__(self, ctx: AppContext, detail: PetitionDetail,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.detail = detail
        self.wants_case = False
        self.setWindowTitle(translate("AssessDialog", "Assess %1").replace("%1", detail.number))
        self.setWindowIcon(icon("petition_assess"))
        about = QLabel(f"{detail.person_name}　{detail.category}\n{detail.content}")
        about.setWordWrap(True)
        self.route_box = choice(dict(ROUTES))
        if detail.route:
            self.route_box.setCurrentIndex(max(self.route_box.findData(detail.route), 0))
        self.risk_box = choice({"": translate("AssessDialog", "not rated"),
                                **{code: label + translate("AssessDialog", " (risk)")
                                   for code, label in RISK_LEVELS.items()}})
        if detail.risk_level:
            self.risk_box.setCurrentIndex(max(self.risk_box.findData(detail.risk_level), 0))
        self.note_edit = text_field(4)
        self.note_edit.setPlainText(detail.assessment)
        self.case_box = QCheckBox(translate("AssessDialog", "Register the case now"))
        self.case_box.setChecked(True)
        form = QFormLayout()
        self.error_map = [
            ("处理方式", add_row(form, translate("AssessDialog", "&Route *"), self.route_box)),
            ("风险", add_row(form, translate("AssessDialog", "Ris&k level"), self.risk_box)),
            ("研判意见", add_row(form, translate("AssessDialog", "R&easoning *"),
                                 self.note_edit)),
        ]
        form.addRow("", self.case_box)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        self.finish_layout(layout)
        self.route_box.currentIndexChanged.connect(self._route_changed)
        self._route_changed()
        open_at(self, 560, 380)

    def _route_changed(self) -> None:
        self.case_box.setVisible(code_of(self.route_box) == "mediate")

    @property
    def register_case(self) -> bool:
        return code_of(self.route_box) == "mediate" and self.case_box.isChecked()

    def accept(self) -> None:
        self.clear_errors()
        risk = code_of(self.risk_box) or None
        result = self.call_service(lambda: self.ctx.petitions.assess(
            self.detail.id, code_of(self.route_box), self.note_edit.toPlainText(), risk))
        if result is not None:
            self.wants_case = self.register_case
            self.done_with(result)

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext,
            detail: PetitionDetail) -> tuple[PetitionResult, bool] | None:
        """The result and whether the case is to be registered now."""
        dialog = cls(ctx, detail, parent)
        result = dialog.run_petition()
        return None if result is None else (result, dialog.wants_case)
