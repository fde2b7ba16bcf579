"""Inline messages beside a field: the reason a value was refused, or a short note.

Why inline and not a message box: architecture.md §5 — a mediator fixing a form must see *which*
field is wrong and why while looking at it; a modal box disappears before she reaches the field.
Any dialog may use this: put the field and its :class:`FieldError` in one cell with
:func:`with_message`, call ``show_error(reason)`` from ``accept()``, ``clear()`` on the next edit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QVBoxLayout, QWidget

from mediation_desk.errors import Problem

ERROR_COLOR = "#c62828"
NOTE_COLOR = "#2e7d32"
INFO_COLOR = "#5d4037"

ERROR_STYLE = "color:#c62828"


class FieldError(QLabel):
    """A small label under a field: red for a refusal, green for a note; hidden when empty.

    ``steady``: the fields below must not move under the mouse (issue 16: in the intake form
    a reason appearing or going pushed the next field away just as the mediator clicked it,
    and the click landed in the wrong field). A steady message keeps its line once it has
    been shown — an empty line when cleared — and :meth:`reserve` gives it the line from the
    start, for a field whose message comes while typing (the ID number's note or refusal).
    """

    def __init__(self, parent: QWidget | None = None, *, steady: bool = False) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind = ""
        self.steady = steady
        self.holding = False  # keeping its line while empty
        self.hide()

    def reserve(self) -> None:
        """Hold the message's line now, empty, so its first message moves nothing."""
        self.steady = True
        if not self.kind:
            self._hold()

    def _hold(self) -> None:
        self.holding = True
        super().setText(" ")  # one line of the label's own font, at any text size
        self.setAccessibleName("")
        self.show()

    def _show(self, text: str, kind: str, color: str) -> None:
        if not text:
            self.clear()
            return
        self.kind = kind
        self.holding = False
        self.setStyleSheet(f"color: {color}; font-size: 90%;")
        self.setText(text)
        self.setAccessibleName(text)
        self.show()

    def show_error(self, reason: str) -> None:
        """Show why the value was refused (the field's buddy label names the field)."""
        self._show(reason, "error", ERROR_COLOR)

    def show_note(self, text: str) -> None:
        """Show a helpful note (something was filled in or will be added)."""
        self._show(text, "note", NOTE_COLOR)

    def show_info(self, text: str) -> None:
        """Show a neutral, non-blocking notice (for example earlier cases of a person)."""
        self._show(text, "info", INFO_COLOR)

    def clear(self) -> None:  # type: ignore[override]
        super().clear()
        self.kind = ""
        if self.steady and not self.isHidden():
            # Keep the lines it had (a reason may wrap onto two): nothing below moves up.
            self.setMinimumHeight(max(self.minimumHeight(), self.height()))
            self._hold()
        else:
            self.hide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # a new text size: lines measured anew
            self.setMinimumHeight(0)

    @property
    def is_error(self) -> bool:
        return self.kind == "error" and not self.isHidden()

    @property
    def shown(self) -> bool:
        """Whether a message is showing (a held empty line is not one)."""
        return bool(self.kind) and not self.isHidden()


def with_message(field: QWidget, parent: QWidget | None = None, *,
                 steady: bool = False) -> tuple[QWidget, FieldError]:
    """A container holding ``field`` with its (hidden) message label underneath
    (``steady``: see :class:`FieldError`)."""
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(1)
    layout.addWidget(field)
    message = FieldError(box, steady=steady)
    layout.addWidget(message)
    return box, message


def error_label() -> QLabel:
    """A red message shown beside a field; hidden while empty."""
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def place_problems(problems: Iterable[Problem], labels: Mapping[str, QLabel],
                   key_of: Callable[[Problem], str | None]) -> str:
    """Show each refused value beside its field (``key_of`` names the field's label in
    ``labels``); the problems that belong to no field come back as one line for the page's
    message."""
    rest = []
    for problem in problems:
        key = key_of(problem)
        if key is None or key not in labels:
            rest.append(str(problem))
        else:
            show_error(labels[key], problem.reason)
    return "；".join(rest)


def add_field_row(form: QFormLayout, caption: str, field: QWidget, error: QLabel) -> None:
    """A captioned field with its message directly below it (no gap while there is none)."""
    label = QLabel(caption)
    label.setBuddy(field)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    label.setContentsMargins(0, max(0, field.sizeHint().height()
                                    - label.sizeHint().height()) // 2, 0, 0)
    column = QVBoxLayout()
    column.setSpacing(2)
    column.addWidget(field)
    column.addWidget(error)
    form.addRow(label, column)


#: Colours of status lines on the settings pages, set through the palette so that the
#: larger-text setting still reaches them (a style sheet would fix their font).
STATUS_ERROR = QColor("#c62828")
STATUS_NOTE = QColor("#546e7a")
STATUS_DONE = QColor("#2e7d32")


def set_text_colour(widget: QWidget, color: QColor | None) -> None:
    """Text colour by palette (None: the normal one)."""
    palette = QPalette(widget.palette())
    normal = QApplication.palette(widget).color(QPalette.ColorRole.WindowText)
    palette.setColor(QPalette.ColorRole.WindowText, color or normal)
    widget.setPalette(palette)


def status_label(color: QColor, text: str = "") -> QLabel:
    """A wrapped status line in ``color``, hidden while empty."""
    label = QLabel(text)
    set_text_colour(label, color)
    label.setWordWrap(True)
    label.setVisible(bool(text))
    return label
