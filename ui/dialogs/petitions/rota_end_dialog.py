"""Ending a duty rota: its last duty day. Later duty days disappear from the rota tab and from
工作台; appointments already booked stay (they are cancelled one by one, with the person told)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from mediation_desk.services.petitions.rota import RotaView
from mediation_desk.services.petitions.types import PetitionResult
from ui.context import AppContext
from ui.dialogs.cases.case_form import add_row
from ui.dialogs.petitions.petition_form import PetitionDialog, date_field
from ui.i18n import translate
from ui.icons import icon
from ui.widgets.screen_fit import open_at


class RotaEndDialog(PetitionDialog):
    def __init__(self, ctx: AppContext, rota: RotaView, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.rota = rota
        self.setWindowTitle(translate("RotaEndDialog", "End the duty rota — %1").replace(
            "%1", rota.title))
        self.setWindowIcon(icon("duty_rota"))
        self.last_edit = date_field()
        intro = QLabel(translate(
            "RotaEndDialog", "%1 (%2). No duty days after the last day; appointments already "
            "booked stay until cancelled.").replace("%1", rota.title).replace(
            "%2", rota.rule_text))
        intro.setWordWrap(True)
        form = QFormLayout()
        self.error_map = [
            ("结束日期", add_row(form, translate("RotaEndDialog", "&Last duty day"),
                                 self.last_edit)),
        ]
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        self.finish_layout(layout)
        open_at(self, 460, 200)

    def accept(self) -> None:
        self.clear_errors()
        last: date = self.last_edit.date().toPython()  # type: ignore[assignment]
        result = self.call_service(lambda: self.ctx.rota.end_rota(self.rota.id, last))
        if result is not None:
            self.done_with(result)

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext,
            rota: RotaView) -> PetitionResult | None:
        return cls(ctx, rota, parent).run_petition()
