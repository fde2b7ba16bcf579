"""预约接访: book a person into a free slot of a duty day."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QFormLayout, QLineEdit, QVBoxLayout, QWidget

from mediation_desk.services.petitions.rota import AppointmentDraft, SlotView
from mediation_desk.services.petitions.types import PetitionResult
from ui.context import AppContext
from ui.dialogs.cases.case_form import add_row
from ui.dialogs.petitions.petition_form import PetitionDialog, choice
from ui.i18n import translate
from ui.icons import icon
from ui.widgets.screen_fit import open_at


class AppointmentDialog(PetitionDialog):
    def __init__(self, ctx: AppContext, slots: list[SlotView], chosen: datetime | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(translate("AppointmentDialog", "Book an appointment"))
        self.setWindowIcon(icon("duty_rota"))
        free = [s for s in slots if not s.appointment_id]
        self.slot_box = choice({s.at.isoformat(): f"{s.at:%Y-%m-%d %H:%M} {s.receiver}"
                                for s in free})
        if chosen is not None:
            self.slot_box.setCurrentIndex(max(self.slot_box.findData(chosen.isoformat()), 0))
        self.name_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.topic_edit = QLineEdit()
        form = QFormLayout()
        self.error_map = [
            ("预约时段", add_row(form, translate("AppointmentDialog", "&Slot *"),
                                 self.slot_box)),
            ("姓名", add_row(form, translate("AppointmentDialog", "&Name *"), self.name_edit)),
            ("电话", add_row(form, translate("AppointmentDialog", "&Phone"), self.phone_edit)),
            ("事由", add_row(form, translate("AppointmentDialog", "&About"), self.topic_edit)),
        ]
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.finish_layout(layout)
        open_at(self, 480, 240)

    def accept(self) -> None:
        self.clear_errors()
        at = self.slot_box.currentData()
        draft = AppointmentDraft(
            at=datetime.fromisoformat(str(at)) if at else None,
            person_name=self.name_edit.text(), person_phone=self.phone_edit.text(),
            topic=self.topic_edit.text())
        result = self.call_service(lambda: self.ctx.rota.book(draft))
        if result is not None:
            self.done_with(result)

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext, slots: list[SlotView],
            chosen: datetime | None = None) -> PetitionResult | None:
        return cls(ctx, slots, chosen, parent).run_petition()
