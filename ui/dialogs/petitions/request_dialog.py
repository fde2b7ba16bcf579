"""接访登记: a visitor's request as the receptionist takes it down.

Why earlier visits are shown while typing: a person who came before (or whose dispute is a case
already) should be recognised at the desk, not after the request is registered; the service
names them by ID number, else by name and phone together.
"""

from __future__ import annotations

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.domain.petitions import CHANNELS
from mediation_desk.services.petitions.types import PetitionResult, RequestDraft
from ui import dates
from ui.context import AppContext
from ui.dialogs.cases.case_form import add_row
from ui.dialogs.petitions.petition_form import PetitionDialog, choice, code_of, text_field
from ui.i18n import translate
from ui.icons import icon
from ui.widgets.field_error import FieldError
from ui.widgets.screen_fit import open_at


class RequestDialog(PetitionDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 appointment: tuple[str, str, str] | None = None) -> None:
        """``appointment``: (id, name, full phone) of the booked visitor being received."""
        super().__init__(ctx, parent)
        self.appointment_id = appointment[0] if appointment else ""
        self.editing_id = ""  # the request being corrected (RequestEditDialog)
        self.setWindowTitle(translate("RequestDialog", "Receive a visitor's request"))
        self.setWindowIcon(icon("new_request"))
        self.received_edit = QDateTimeEdit(dates.now())
        self.received_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.received_edit.setCalendarPopup(True)
        self.received_edit.setMaximumDateTime(QDateTime(dates.today().addDays(1).startOfDay()))
        self.channel_box = choice(dict(CHANNELS))
        self.received_by_box = choice(["", *ctx.register.mediator_names()], editable=True)
        self.received_by_box.setCurrentText(ctx.actor.name)
        self.name_edit = QLineEdit()
        self.gender_box = choice({"": "", "male": translate("RequestDialog", "Male"),
                                  "female": translate("RequestDialog", "Female")})
        self.id_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.address_edit = QLineEdit()
        self.village_box = choice(["", *(v.label for v in ctx.settings.villages())],
                                  editable=True)
        self.compound_box = choice(["", *(c.name for c in ctx.petition_lists.compounds())],
                                   editable=True)
        self.category_box = choice(ctx.petition_lists.categories(), editable=True)
        self.category_box.setCurrentIndex(-1)
        self.respondent_edit = QLineEdit()
        self.people_box = QSpinBox()
        self.people_box.setRange(0, 100_000)
        self.people_box.setSpecialValueText(translate("RequestDialog", "not stated"))
        self.representatives_edit = QLineEdit()
        self.representatives_edit.setPlaceholderText(
            translate("RequestDialog", "names separated by 、"))
        self.content_edit = text_field(4)
        self.earlier_note = FieldError()

        left, right = QFormLayout(), QFormLayout()
        self.error_map = [
            ("来访时间", add_row(left, translate("RequestDialog", "&When *"),
                                 self.received_edit)),
            ("来访方式", add_row(left, translate("RequestDialog", "&Channel"),
                                 self.channel_box)),
            ("接待", add_row(left, translate("RequestDialog", "Received &by"),
                             self.received_by_box)),
            ("姓名", add_row(left, translate("RequestDialog", "&Name *"), self.name_edit)),
            ("性别", add_row(left, translate("RequestDialog", "&Gender"), self.gender_box)),
            ("身份证", add_row(left, translate("RequestDialog", "&ID number"), self.id_edit)),
            ("电话", add_row(left, translate("RequestDialog", "&Phone"), self.phone_edit)),
            ("地址", add_row(right, translate("RequestDialog", "A&ddress"),
                             self.address_edit)),
            ("村", add_row(right, translate("RequestDialog", "&Village"), self.village_box)),
            ("小区", add_row(right, translate("RequestDialog", "Co&mpound"),
                             self.compound_box)),
            ("类别", add_row(right, translate("RequestDialog", "Ca&tegory *"),
                             self.category_box)),
            ("被反映", add_row(right, translate("RequestDialog", "About (person or body)"),
                               self.respondent_edit)),
            ("人数", add_row(right, translate("RequestDialog", "People involved"),
                             self.people_box)),
            ("代表", add_row(right, translate("RequestDialog", "Representatives"),
                             self.representatives_edit)),
        ]
        content_form = QFormLayout()
        self.error_map.append(("诉求", add_row(
            content_form, translate("RequestDialog", "What they ask *"), self.content_edit)))
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        intro = QLabel(translate(
            "RequestDialog", "Write down what the person asks in their own words; a request "
            "made orally is recorded as faithfully as a letter."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(columns)
        layout.addLayout(content_form)
        layout.addWidget(self.earlier_note)
        self.finish_layout(layout)
        self.id_edit.editingFinished.connect(self._show_earlier)
        self.phone_edit.editingFinished.connect(self._show_earlier)
        if appointment:
            self.channel_box.setCurrentIndex(self.channel_box.findData("appointment"))
            self.name_edit.setText(appointment[1])
            self.phone_edit.setText(appointment[2])
        open_at(self, 900, 560)

    def _show_earlier(self) -> None:
        lines = self.ctx.petitions.earlier(self.id_edit.text(), self.name_edit.text(),
                                           self.phone_edit.text(), self.editing_id)
        if lines:
            self.earlier_note.show_info(translate("RequestDialog", "Earlier visits and cases "
                                                  "of this person:") + "\n" + "\n".join(lines))
        else:
            self.earlier_note.clear()

    def draft(self) -> RequestDraft:
        reps = self.representatives_edit.text().replace("，", "、").replace(",", "、")
        return RequestDraft(
            received_at=self.received_edit.dateTime().toPython(),  # type: ignore[arg-type]
            channel=code_of(self.channel_box),
            received_by=self.received_by_box.currentText().strip(),
            person_name=self.name_edit.text(), person_gender=code_of(self.gender_box),
            person_id_number=self.id_edit.text(), person_phone=self.phone_edit.text(),
            person_address=self.address_edit.text(),
            village=self.village_box.currentText().strip(),
            compound=self.compound_box.currentText().strip(),
            category=self.category_box.currentText().strip(),
            content=self.content_edit.toPlainText(),
            respondent=self.respondent_edit.text(),
            people_involved=self.people_box.value() or None,
            representatives=[n for n in reps.split("、") if n.strip()],
            appointment_id=self.appointment_id)

    def accept(self) -> None:
        self.clear_errors()
        result = self.call_service(lambda: self.ctx.petitions.receive(self.draft()))
        if result is not None:
            self.done_with(result)

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext, *,
            appointment: tuple[str, str, str] | None = None) -> PetitionResult | None:
        return cls(ctx, parent, appointment=appointment).run_petition()
