"""What the case dialogs share: inline error labels beside fields and one way to call a service.

Why here and not in each dialog: every case dialog must refuse bad input beside the field it
concerns (never in a modal box), turn a service's ValidationError into those same inline
messages, and keep everything typed when the register cannot be written (StoreUnavailable).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.errors import Problem, StoreUnavailable, ValidationError
from mediation_desk.services.cases.casework import StepResult
from ui.context import AppContext
from ui.i18n import translate

T = TypeVar("T")

ERROR_STYLE = "color:#c62828;"
INVALID_STYLE = "border:1px solid #c62828;"


class ErrorLabel(QLabel):
    """A red message under a field; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def set_error(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def add_error(self, text: str) -> None:
        self.set_error(f"{self.text()}\n{text}" if self.text() else text)

    def clear_error(self) -> None:
        self.set_error("")


def field_with_error(widget: QWidget) -> tuple[QWidget, ErrorLabel]:
    """``widget`` with an error label right under it, as one form cell."""
    cell = QWidget()
    column = QVBoxLayout(cell)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(widget)
    error = ErrorLabel()
    column.addWidget(error)
    return cell, error


def add_row(form: QFormLayout, caption: str, widget: QWidget) -> ErrorLabel:
    """A labelled form row with its own inline error label; the caption is the buddy."""
    cell, error = field_with_error(widget)
    label = QLabel(caption)
    label.setBuddy(widget)
    widget.setAccessibleName(caption.replace("&", "").rstrip("：:*"))
    form.addRow(label, cell)
    return error


class CaseDialog(QDialog):
    """Base of the case dialogs: OK/Cancel, inline errors, service calls that keep typed data.

    Subclasses fill ``error_map`` with (keyword, label) pairs: a service Problem whose field
    contains the keyword is shown in that label; others go to ``default_error``.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result_value: object | None = None
        self.general_error = ErrorLabel()
        self.default_error: ErrorLabel = self.general_error
        self.error_map: list[tuple[str, ErrorLabel]] = []
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    @property
    def ok_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        return button

    def finish_layout(self, layout: QVBoxLayout) -> None:
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def clear_errors(self) -> None:
        self.general_error.clear_error()
        for _, label in self.error_map:
            label.clear_error()
        self.default_error.clear_error()

    def error_labels(self) -> list[ErrorLabel]:
        """Every error label now showing a message (tests and screen readers use this)."""
        labels = [self.general_error, self.default_error, *(lab for _, lab in self.error_map)]
        return [lab for lab in dict.fromkeys(labels) if lab.text()]

    def show_problems(self, problems: Sequence[Problem]) -> None:
        for problem in problems:
            for keyword, label in self.error_map:
                if keyword and keyword in problem.field:
                    label.add_error(problem.reason)
                    break
            else:
                target = self.default_error
                target.add_error(str(problem) if target is self.general_error
                                 else problem.reason)

    def call_service(self, work: Callable[[], T]) -> T | None:
        """Run one service call; on refusal show why inline and keep the dialog open."""
        try:
            return work()
        except ValidationError as exc:
            self.show_problems(exc.problems)
        except StoreUnavailable as exc:
            self.general_error.set_error(translate(
                "CaseDialog", "The register could not be written: %1 Nothing you typed has "
                "been lost; try again when the problem is solved.").replace("%1", str(exc)))
        return None

    def done_with(self, value: object) -> None:
        """The service accepted the input: close the dialog with ``value`` as its result."""
        self.result_value = value
        super().accept()

    def run_for_result(self) -> StepResult | None:
        """Show the dialog; what the service returned if it was accepted (the classmethods
        ``ask`` of the case dialogs are thin wrappers around this)."""
        if self.exec() == QDialog.DialogCode.Accepted:
            assert isinstance(self.result_value, StepResult)
            return self.result_value
        return None
