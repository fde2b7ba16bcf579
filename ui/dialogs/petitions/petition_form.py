"""What the 接访 dialogs share: the case dialogs' inline errors and service calls (a refusal is
shown beside its field, everything typed stays), a date field on the program's clock, and
the result of the step (the service's :class:`PetitionResult`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDialog, QPlainTextEdit, QWidget

from mediation_desk.errors import NotFound, PermissionDenied
from mediation_desk.services.petitions.types import PetitionResult
from ui import dates
from ui.context import AppContext
from ui.dialogs.cases.case_form import CaseDialog
from ui.widgets.case_fields import DateEdit

T = TypeVar("T")


class PetitionDialog(CaseDialog):
    """Base of the 接访 dialogs; ``ask`` returns the service's result or None."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)

    def call_service(self, work: Callable[[], T]) -> T | None:
        """As the case dialogs do, and a step the account may not take (an extension needs
        the director) or a record gone meanwhile is said beside the fields too."""
        try:
            return super().call_service(work)
        except (PermissionDenied, NotFound) as exc:
            self.default_error.set_error(str(exc))
            return None

    def run_petition(self) -> PetitionResult | None:
        try:
            if self.exec() == QDialog.DialogCode.Accepted:
                assert isinstance(self.result_value, PetitionResult)
                return self.result_value
            return None
        finally:
            self.deleteLater()


def date_field(value: date | None = None, parent: QWidget | None = None) -> DateEdit:
    """A date field (today by the program's clock unless given), never after today."""
    edit = DateEdit(dates.today() if value is None else QDate(value.year, value.month, value.day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def text_field(lines: int = 3, parent: QWidget | None = None) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(edit.fontMetrics().height() * lines + 12)
    return edit


def choice(items: dict[str, str] | list[str], parent: QWidget | None = None, *,
           editable: bool = False) -> QComboBox:
    """A combo box of labels (their codes as data when ``items`` is a mapping)."""
    box = QComboBox(parent)
    if isinstance(items, dict):
        for code, label in items.items():
            box.addItem(label, code)
    else:
        for label in items:
            box.addItem(label, label)
    box.setEditable(editable)
    if editable:
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    return box


def code_of(box: QComboBox) -> str:
    data = box.currentData()
    return str(data) if data is not None and box.currentText() == box.itemText(
        box.currentIndex()) else box.currentText().strip()
