"""Adding a party to a registered case (a third party joins, an applicant was missed), or
correcting one (the respondent's address a form needs, the ID number archiving needs).

Editing opens the same form prefilled with the party's full details (read through the audited
``CaseworkService.party_draft``); fields the form does not show (birth date) are kept, except
that a changed ID number lets the birth date be read from the new number.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from mediation_desk.domain.dictionaries import PARTY_SIDES
from mediation_desk.services.cases.casework import StepResult
from mediation_desk.services.cases.drafts import PartyDraft
from ui.context import AppContext
from ui.dialogs.cases.case_form import CaseDialog, add_row
from ui.i18n import translate
from ui.widgets.screen_fit import open_at


class PartyDialog(CaseDialog):
    def __init__(self, ctx: AppContext, case_id: str, parent: QWidget | None = None, *,
                 party_id: str | None = None, initial: PartyDraft | None = None) -> None:
        super().__init__(ctx, parent)
        self.case_id = case_id
        self.party_id = party_id  # None: a new party
        self.initial = initial
        self.setWindowTitle(translate("PartyDialog", "Edit party") if party_id
                            else translate("PartyDialog", "Add party"))
        self.side_box = QComboBox()
        for code, label in PARTY_SIDES.items():
            self.side_box.addItem(label, code)
        self.side_box.setCurrentIndex(self.side_box.findData("third_party"))
        self.kind_box = QComboBox()
        self.kind_box.addItem(translate("PartyDialog", "Person"), "person")
        self.kind_box.addItem(translate("PartyDialog", "Organisation"), "organization")
        self.name_edit = QLineEdit()
        self.gender_box = QComboBox()
        self.gender_box.addItem(translate("PartyDialog", "(from the ID number)"), "")
        self.gender_box.addItem(translate("PartyDialog", "Male"), "male")
        self.gender_box.addItem(translate("PartyDialog", "Female"), "female")
        self.id_type_box = QComboBox()
        self.id_type_box.addItem(translate("PartyDialog", "Resident ID card"), "resident_id")
        self.id_type_box.addItem(translate("PartyDialog", "Other document"), "other")
        self.id_edit = QLineEdit()
        self.id_edit.setMaxLength(30)
        self.ethnicity_box = QComboBox()
        self.ethnicity_box.addItem("", "")
        for entry in ctx.settings.entries("ethnicity"):
            if entry.active:
                self.ethnicity_box.addItem(entry.label, entry.label)
        self.phone_edit = QLineEdit()
        self.address_edit = QLineEdit()
        self.occupation_edit = QLineEdit()
        self.representative_edit = QLineEdit()
        self.agent_edit = QLineEdit()

        form = QFormLayout()
        self.side_error = add_row(form, translate("PartyDialog", "Side"), self.side_box)
        self.kind_error = add_row(form, translate("PartyDialog", "Kind"), self.kind_box)
        self.name_error = add_row(form, translate("PartyDialog", "Name *"), self.name_edit)
        self.gender_error = add_row(form, translate("PartyDialog", "Gender"), self.gender_box)
        add_row(form, translate("PartyDialog", "Ethnicity"), self.ethnicity_box)
        self.id_type_error = add_row(form, translate("PartyDialog", "Document"),
                                     self.id_type_box)
        self.id_error = add_row(form, translate("PartyDialog", "Document number"), self.id_edit)
        self.phone_error = add_row(form, translate("PartyDialog", "Phone"), self.phone_edit)
        add_row(form, translate("PartyDialog", "Address"), self.address_edit)
        add_row(form, translate("PartyDialog", "Occupation"), self.occupation_edit)
        add_row(form, translate("PartyDialog", "Legal representative"),
                self.representative_edit)
        add_row(form, translate("PartyDialog", "Agent"), self.agent_edit)
        self.error_map = [("姓名", self.name_error), ("身份证号码", self.id_error),
                          ("证件类型", self.id_type_error), ("联系电话", self.phone_error),
                          ("性别", self.gender_error), ("出生日期", self.id_error),
                          ("类型", self.kind_error), ("身份", self.side_error)]
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.finish_layout(layout)
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        if initial is not None:
            self._fill(initial)
        self._kind_changed()
        open_at(self, 520, 480)  # pixels at 100 % text; grows with it

    def _fill(self, party: PartyDraft) -> None:
        for box, value in ((self.side_box, party.side), (self.kind_box, party.kind),
                           (self.gender_box, party.gender), (self.id_type_box, party.id_type),
                           (self.ethnicity_box, party.ethnicity)):
            if box.findData(value) < 0:  # a value no longer in the pick list is kept
                box.addItem(value, value)
            box.setCurrentIndex(box.findData(value))
        for edit, text in ((self.name_edit, party.name), (self.id_edit, party.id_number),
                           (self.phone_edit, party.phone), (self.address_edit, party.address),
                           (self.occupation_edit, party.occupation),
                           (self.representative_edit, party.legal_representative),
                           (self.agent_edit, party.agent)):
            edit.setText(text)

    def _kind_changed(self) -> None:
        person = self.kind_box.currentData() == "person"
        self.gender_box.setEnabled(person)
        self.ethnicity_box.setEnabled(person)
        self.representative_edit.setEnabled(not person)

    def draft(self) -> PartyDraft:
        person = self.kind_box.currentData() == "person"
        draft = PartyDraft(
            side=str(self.side_box.currentData()), kind=str(self.kind_box.currentData()),
            name=self.name_edit.text().strip(),
            gender=str(self.gender_box.currentData()) if person else "",
            ethnicity=str(self.ethnicity_box.currentData() or "") if person else "",
            id_type=str(self.id_type_box.currentData()), id_number=self.id_edit.text().strip(),
            phone=self.phone_edit.text().strip(), address=self.address_edit.text().strip(),
            occupation=self.occupation_edit.text().strip(),
            legal_representative="" if person else self.representative_edit.text().strip(),
            agent=self.agent_edit.text().strip())
        if self.initial is not None and person and self.initial.kind == "person" \
                and draft.id_number.upper() == self.initial.id_number.upper():
            # The form has no birth date: keep the one on file unless the ID number (which
            # gives it) was changed.
            draft = replace(draft, birth_date=self.initial.birth_date)
        return draft

    def accept(self) -> None:
        self.clear_errors()
        draft = self.draft()
        if not draft.name:
            self.name_error.set_error(translate("PartyDialog", "The name is required."))
            self.name_edit.setFocus()
            return
        party_id = self.party_id
        result = self.call_service(
            (lambda: self.ctx.casework.update_party(party_id, draft)) if party_id
            else (lambda: self.ctx.casework.add_party(self.case_id, draft)))
        if result is not None:
            self.done_with(result)

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext, case_id: str, *,
            party_id: str | None = None, initial: PartyDraft | None = None
            ) -> StepResult | None:
        """Add a party, or with ``party_id`` and its ``initial`` details correct one."""
        dialog = cls(ctx, case_id, parent, party_id=party_id, initial=initial)
        return dialog.run_for_result()
