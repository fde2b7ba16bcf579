"""Correcting a registered request: the receiving form, filled with what was registered.

The service checks the fields as at registration and keeps each change's before and after
in the request's history; the number stays as issued.
"""

from __future__ import annotations

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QWidget

from mediation_desk.services.petitions.types import PetitionResult, RequestDraft
from ui.context import AppContext
from ui.dialogs.petitions.request_dialog import RequestDialog
from ui.i18n import translate
from ui.icons import icon


class RequestEditDialog(RequestDialog):
    def __init__(self, ctx: AppContext, petition_id: str, number: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.petition_id = petition_id
        self.editing_id = petition_id
        self.setWindowTitle(translate("RequestEditDialog", "Edit the registration — %1")
                            .replace("%1", number))
        self.setWindowIcon(icon("edit"))
        self.fill(ctx.petitions.registration(petition_id))

    def fill(self, draft: RequestDraft) -> None:
        if draft.received_at is not None:
            self.received_edit.setDateTime(QDateTime(draft.received_at))
        self.channel_box.setCurrentIndex(max(0, self.channel_box.findData(draft.channel)))
        self.received_by_box.setCurrentText(draft.received_by)
        self.name_edit.setText(draft.person_name)
        self.gender_box.setCurrentIndex(max(0, self.gender_box.findData(draft.person_gender)))
        self.id_edit.setText(draft.person_id_number)
        self.phone_edit.setText(draft.person_phone)
        self.address_edit.setText(draft.person_address)
        self.village_box.setCurrentText(draft.village)
        self.compound_box.setCurrentText(draft.compound)
        self.category_box.setCurrentText(draft.category)
        self.respondent_edit.setText(draft.respondent)
        self.people_box.setValue(draft.people_involved or 0)
        self.representatives_edit.setText("、".join(draft.representatives))
        self.content_edit.setPlainText(draft.content)

    def accept(self) -> None:
        self.clear_errors()
        result = self.call_service(
            lambda: self.ctx.petitions.edit_request(self.petition_id, self.draft()))
        if result is not None:
            self.done_with(result)

    @classmethod
    def ask_edit(cls, parent: QWidget | None, ctx: AppContext, petition_id: str,
                 number: str) -> PetitionResult | None:
        return cls(ctx, petition_id, number, parent).run_petition()
