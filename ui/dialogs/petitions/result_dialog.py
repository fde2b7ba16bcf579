"""The department's result (its reply to the supervision), or an extension of its deadline:
once, at most 30 days, with the reason the person is told (信访工作条例 Art 34)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from mediation_desk.domain import petitions as rules
from mediation_desk.services.petitions.types import (
    AssignmentView,
    PetitionDetail,
    PetitionResult,
)
from ui.context import AppContext
from ui.dialogs.cases.case_form import add_row
from ui.dialogs.petitions.petition_form import PetitionDialog, choice, date_field, text_field
from ui.i18n import translate
from ui.icons import icon
from ui.widgets.screen_fit import open_at


def open_assignments(detail: PetitionDetail) -> list[AssignmentView]:
    return [a for a in detail.assignments if a.result_on is None]


def assignment_label(a: AssignmentView) -> str:
    return translate("ResultDialog", "%1, %2, due %3").replace("%1", a.department).replace(
        "%2", a.task_label).replace("%3", f"{a.due_on:%Y-%m-%d}")


class ResultDialog(PetitionDialog):
    """``extend`` False: record a result; True: extend the deadline."""

    def __init__(self, ctx: AppContext, detail: PetitionDetail, *, extend: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.detail = detail
        self.extend = extend
        self.assignments = open_assignments(detail)
        self.setWindowTitle((translate("ResultDialog", "Extend the deadline — %1") if extend
                             else translate("ResultDialog", "Department's result — %1"))
                            .replace("%1", detail.number))
        self.setWindowIcon(icon("overdue" if extend else "petition_result"))
        self.assignment_box = choice({a.id: assignment_label(a) for a in self.assignments})
        form = QFormLayout()
        self.error_map = [("交办", add_row(form, translate("ResultDialog", "&Assignment"),
                                           self.assignment_box))]
        if extend:
            intro = QLabel(translate(
                "ResultDialog", "A deadline may be extended once, by at most %1 days, with "
                "the head's approval; the person is told the reason.").replace(
                "%1", str(rules.MAX_EXTENSION_DAYS)))
            self.days_box = QSpinBox()
            self.days_box.setRange(1, rules.MAX_EXTENSION_DAYS)
            self.days_box.setValue(rules.MAX_EXTENSION_DAYS)
            self.days_box.setSuffix(translate("ResultDialog", " days"))
            self.reason_edit = text_field(3)
            self.error_map += [
                ("延长期限", add_row(form, translate("ResultDialog", "Extend &by"),
                                     self.days_box)),
                ("理由", add_row(form, translate("ResultDialog", "Rea&son *"),
                                 self.reason_edit)),
            ]
            self.default_error = self.error_map[1][1]
        else:
            intro = QLabel(translate("ResultDialog", "What the department did and replied."))
            self.result_edit = text_field(4)
            self.on_edit = date_field()
            self.error_map += [
                ("办理结果", add_row(form, translate("ResultDialog", "&Result *"),
                                     self.result_edit)),
                ("办结日期", add_row(form, translate("ResultDialog", "Replied &on"),
                                     self.on_edit)),
            ]
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        self.finish_layout(layout)
        open_at(self, 560, 340)

    def accept(self) -> None:
        self.clear_errors()
        assignment = str(self.assignment_box.currentData() or "")
        if not assignment:
            self.error_map[0][1].set_error(translate("ResultDialog", "No open assignment."))
            return
        if self.extend:
            days, reason = self.days_box.value(), self.reason_edit.toPlainText()
            result = self.call_service(
                lambda: self.ctx.petitions.extend(assignment, days, reason))
        else:
            text, on = self.result_edit.toPlainText(), self.on_edit.date().toPython()
            result = self.call_service(lambda: self.ctx.petitions.record_result(
                assignment, text, on))  # type: ignore[arg-type]
        if result is not None:
            self.done_with(result)

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext, detail: PetitionDetail, *,
            extend: bool = False) -> PetitionResult | None:
        return cls(ctx, detail, extend=extend, parent=parent).run_petition()
