"""小区: a residential compound of the property-management legal alliance's list — its
property company, owners' committee and grid member (director or administrator)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QVBoxLayout, QWidget

from mediation_desk.services.petitions.types import CompoundDraft, CompoundView
from ui.context import AppContext
from ui.dialogs.cases.case_form import add_row
from ui.dialogs.petitions.petition_form import PetitionDialog, choice
from ui.i18n import translate
from ui.icons import icon
from ui.widgets.screen_fit import open_at


class CompoundDialog(PetitionDialog):
    def __init__(self, ctx: AppContext, compound: CompoundView | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.compound = compound
        self.saved = False
        self.setWindowTitle(translate("CompoundDialog", "Residential compound"))
        self.setWindowIcon(icon("compound"))
        self.name_edit = QLineEdit(compound.name if compound else "")
        self.village_box = choice(["", *(v.label for v in ctx.settings.villages())])
        self.village_box.setCurrentText(compound.village if compound else "")
        self.company_edit = QLineEdit(compound.property_company if compound else "")
        self.committee_edit = QLineEdit(compound.owners_committee if compound else "")
        self.grid_edit = QLineEdit(compound.grid_member if compound else "")
        self.note_edit = QLineEdit(compound.note if compound else "")
        form = QFormLayout()
        self.error_map = [
            ("小区名称", add_row(form, translate("CompoundDialog", "Compound &name *"), self.name_edit)),
            ("村", add_row(form, translate("CompoundDialog", "&Village"), self.village_box)),
            ("物业", add_row(form, translate("CompoundDialog", "&Property company"),
                             self.company_edit)),
            ("业主", add_row(form, translate("CompoundDialog", "&Owners' committee"),
                             self.committee_edit)),
            ("网格", add_row(form, translate("CompoundDialog", "&Grid member"),
                             self.grid_edit)),
            ("备注", add_row(form, translate("CompoundDialog", "No&te"), self.note_edit)),
        ]
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.finish_layout(layout)
        open_at(self, 480, 280)

    def accept(self) -> None:
        self.clear_errors()
        draft = CompoundDraft(
            name=self.name_edit.text(), village=self.village_box.currentText(),
            property_company=self.company_edit.text(),
            owners_committee=self.committee_edit.text(), grid_member=self.grid_edit.text(),
            note=self.note_edit.text())
        changes = self.call_service(lambda: self.ctx.petition_lists.save_compound(
            draft, self.compound.id if self.compound else None))
        if changes is not None:
            self.saved = True
            self.done_with(changes)

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext,
            compound: CompoundView | None = None) -> bool:
        dialog = cls(ctx, compound, parent)
        try:
            dialog.exec()
            return dialog.saved
        finally:
            dialog.deleteLater()
