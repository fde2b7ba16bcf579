"""修改案件信息: correcting a case's own facts — title, summary, village, residential compound
(小区, for the property alliance), type, source, risk, amount, people, group dispute.

The dialog sends what is typed, as text, to the very service method ``edit`` on the command
line uses (:class:`~mediation_desk.services.cases.case_edit.CaseEditService`), so both refuse
the same values; refusals appear under the field they concern. Pick lists hold the room's
villages and dictionaries (plus the value the case already has, if it was retired since).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.domain.dictionaries import RISK_LEVELS
from mediation_desk.services.cases.case_edit import FIELDS, EditResult
from ui.context import AppContext
from ui.dialogs.cases.case_form import CaseDialog, add_row
from ui.i18n import translate


def _combo(values: list[str], current: str, *, blank: bool = False) -> QComboBox:
    box = QComboBox()
    if blank:
        box.addItem(translate("CaseEditDialog", "(none)"), "")
    for value in values:
        box.addItem(value, value)
    if current and box.findData(current) < 0:
        box.addItem(current, current)  # a value retired from the list since: keep it
    box.setCurrentIndex(max(0, box.findData(current)))
    return box


class CaseEditDialog(CaseDialog):
    def __init__(self, ctx: AppContext, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.case_id = case_id
        self.setWindowTitle(translate("CaseEditDialog", "Edit case details"))
        values = ctx.case_edit.values(case_id)
        self.original = values
        intro = QLabel(translate(
            "CaseEditDialog", "Every change is kept in the case history with its value before "
            "and after."))
        intro.setWordWrap(True)

        self.title_edit = QLineEdit(values["title"])
        self.summary_edit = QPlainTextEdit(values["summary"])
        self.summary_edit.setTabChangesFocus(True)
        self.summary_edit.setMinimumHeight(90)
        self.village_box = _combo([v.label for v in ctx.settings.villages()], values["village"],
                                  blank=True)
        self.compound_box = _combo([c.name for c in ctx.petition_lists.compounds()],
                                   values["compound"], blank=True)
        self.type_box = _combo([e.label for e in ctx.settings.entries("dispute_type")
                                if e.active], values["dispute_type"])
        self.source_box = _combo([e.label for e in ctx.settings.entries("source") if e.active],
                                 values["source"])
        self.risk_box = QComboBox()
        for code, label in RISK_LEVELS.items():
            self.risk_box.addItem(label, code)
        self.risk_box.setCurrentIndex(max(0, self.risk_box.findData(values["risk_level"])))
        self.amount_edit = QLineEdit(values["amount_involved"])
        self.amount_edit.setPlaceholderText(translate("CaseEditDialog", "yuan, e.g. 12000"))
        self.people_edit = QLineEdit(values["people_involved"])
        self.group_box = QCheckBox(translate("CaseEditDialog", "Yes, five or more people on "
                                             "one side"))
        self.group_box.setChecked(values["group_dispute"] == "是")

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.errors = {
            "title": add_row(form, translate("CaseEditDialog", "Case title *"), self.title_edit),
            "summary": add_row(form, translate("CaseEditDialog", "Facts"), self.summary_edit),
            "village": add_row(form, translate("CaseEditDialog", "Village"), self.village_box),
            "compound": add_row(form, translate("CaseEditDialog", "Residential compound"),
                                self.compound_box),
            "dispute_type": add_row(form, translate("CaseEditDialog", "Dispute type"),
                                    self.type_box),
            "source": add_row(form, translate("CaseEditDialog", "Source"), self.source_box),
            "risk_level": add_row(form, translate("CaseEditDialog", "Risk level"),
                                  self.risk_box),
            "amount_involved": add_row(form, translate("CaseEditDialog", "Amount involved"),
                                       self.amount_edit),
            "people_involved": add_row(form, translate("CaseEditDialog", "People involved"),
                                       self.people_edit),
            "group_dispute": add_row(form, translate("CaseEditDialog", "Group dispute"),
                                     self.group_box),
        }
        self.error_map = [(FIELDS[name], label) for name, label in self.errors.items()]
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(intro)
        body_layout.addLayout(form)
        body_layout.addStretch(1)
        scroll = QScrollArea()  # scrolls, never grows, with the larger-text setting
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        self.finish_layout(layout)
        self.resize(640, 560)

    def typed(self) -> dict[str, str]:
        """What the form says now, as the service takes it (text per field)."""
        return {
            "title": self.title_edit.text(),
            "summary": self.summary_edit.toPlainText(),
            "village": str(self.village_box.currentData() or ""),
            "compound": str(self.compound_box.currentData() or ""),
            "dispute_type": str(self.type_box.currentData() or ""),
            "source": str(self.source_box.currentData() or ""),
            "risk_level": str(self.risk_box.currentData()),
            "amount_involved": self.amount_edit.text(),
            "people_involved": self.people_edit.text(),
            "group_dispute": "是" if self.group_box.isChecked() else "否",
        }

    def accept(self) -> None:
        self.clear_errors()
        changed = {name: text for name, text in self.typed().items()
                   if text != self.original[name]}
        result = self.call_service(lambda: self.ctx.case_edit.correct(self.case_id, changed))
        if result is not None:
            self.done_with(result)

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext, case_id: str) -> EditResult | None:
        dialog = cls(ctx, case_id, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            assert isinstance(dialog.result_value, EditResult)
            return dialog.result_value
        return None
