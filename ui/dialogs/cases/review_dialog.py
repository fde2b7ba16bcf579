"""Checking an imported case (导入待核对): confirm it as it stands, or record how it really
ended, on which day — for the rows of an old register whose outcome the import could not tell.

Why a dialog of its own and not the lifecycle's steps: the case ended years ago; what the
mediator has is the paper dossier, not a session to record. Recording the ending closes the
case on the given day through the import's own audited path; only the director or an
administrator may do that, so for others the choice is shown but disabled, with the reason.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from mediation_desk import clock
from mediation_desk.services.cases.detail import CaseDetail
from mediation_desk.services.exchange.review import ReviewResult
from ui.context import AppContext
from ui.dialogs.cases.case_form import CaseDialog, add_row
from ui.i18n import translate
from ui.widgets.case_fields import DateEdit


def _endings() -> list[tuple[str, str]]:
    return [("", translate("ReviewDialog", "As it stands (checked, nothing to change)")),
            ("success", translate("ReviewDialog", "Mediated successfully")),
            ("failure", translate("ReviewDialog", "Mediation failed")),
            ("terminated", translate("ReviewDialog", "Mediation terminated")),
            ("refused", translate("ReviewDialog", "A party refused mediation"))]


class ReviewDialog(CaseDialog):
    def __init__(self, ctx: AppContext, detail: CaseDetail,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.detail = detail
        self.setWindowTitle(translate("ReviewDialog", "Check an imported case"))
        intro = QLabel(translate(
            "ReviewDialog", "The import could not tell how this case ended. Check the paper "
            "file, then confirm the case as it stands or record how it ended.") + "\n"
            + "\n".join(f"• {reason}" for reason in detail.to_review))
        intro.setWordWrap(True)
        self.ending_box = QComboBox()
        for code, label in _endings():
            self.ending_box.addItem(label, code)
        may_close = ctx.actor.role in ("director", "admin")
        self.closed_edit = DateEdit(QDate(detail.received_on))
        self.closed_edit.setCalendarPopup(True)
        self.closed_edit.setDisplayFormat("yyyy-MM-dd")
        self.closed_edit.setDateRange(QDate(detail.received_on), QDate(clock.today()))
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setPlaceholderText(translate(
            "ReviewDialog", "e.g. checked against the paper file on 5 December"))
        self.note_edit.setMinimumHeight(70)
        form = QFormLayout()
        self.ending_error = add_row(form, translate("ReviewDialog", "How it ended"),
                                    self.ending_box)
        self.closed_error = add_row(form, translate("ReviewDialog", "Closed on"),
                                    self.closed_edit)
        self.note_error = add_row(form, translate("ReviewDialog", "Note"), self.note_edit)
        self.error_map = [("调解结果", self.ending_error), ("结案日期", self.closed_error),
                          ("案件状态", self.ending_error)]
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        if not may_close:
            only = QLabel(translate("ReviewDialog", "Only the director or an administrator "
                                                    "may record how a case ended."))
            only.setWordWrap(True)
            layout.addWidget(only)
            self.ending_box.setEnabled(False)
        layout.addLayout(form)
        self.finish_layout(layout)
        self.ending_box.currentIndexChanged.connect(self._follow_ending)
        self._follow_ending()
        self.resize(560, 380)

    def _follow_ending(self) -> None:
        self.closed_edit.setEnabled(bool(self.ending_box.currentData()))

    def closed_on(self) -> date:
        value = self.closed_edit.date().toPython()
        assert isinstance(value, date)
        return value

    def accept(self) -> None:
        self.clear_errors()
        ending = str(self.ending_box.currentData() or "")
        note = self.note_edit.toPlainText().strip()
        closed_on = self.closed_on() if ending else None
        result = self.call_service(lambda: self.ctx.import_review.resolve(
            self.detail.id, ending=ending, closed_on=closed_on, note=note))
        if result is not None:
            self.done_with(result)

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext,
            detail: CaseDetail) -> ReviewResult | None:
        dialog = cls(ctx, detail, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            assert isinstance(dialog.result_value, ReviewResult)
            return dialog.result_value
        return None
