"""Pickers the patrol forms share: tick villages or team members from a list, or add one.

Why ticks and not typing: villages and mediators are short lists the room already has, and a
mediator on a small laptop should pick, not type (typing is where 湖二村 becomes 湖2村 and a
village silently splits in two). A name that is not in the list yet can still be added; it is
marked as new so the form can say it will be added to the list.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import translate
from ui.icons import icon

NEW_ROLE = Qt.ItemDataRole.UserRole


class AddLine(QLineEdit):
    """The "add a name" line: Enter adds the name instead of confirming the dialog."""

    add_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.text().strip():
            self.add_requested.emit()
            return
        super().keyPressEvent(event)


class NamePicker(QWidget):
    """A list of names with ticks, and a line to add a name; ``changed`` on every tick."""

    changed = Signal()

    def __init__(self, name: str, add_hint: str, parent: QWidget | None = None,
                 rows: int = 4) -> None:
        super().__init__(parent)
        self.known: list[str] = []
        self.list = QListWidget(self)
        self.list.setAccessibleName(name)
        self.list.setFixedHeight((self.list.fontMetrics().height() + 7) * rows + 6)
        self.add_edit = AddLine(self)
        self.add_edit.setAccessibleName(add_hint)
        self.add_edit.setPlaceholderText(add_hint)
        self.add_button = QPushButton(icon("add"), "", self)
        self.add_button.setAccessibleName(translate("NamePicker", "Add"))
        self.add_button.setToolTip(translate("NamePicker", "Add (Enter)"))
        self.add_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Enter in the line adds
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.add_edit, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.list)
        layout.addLayout(row)
        self.list.itemChanged.connect(lambda _item: self.changed.emit())
        self.add_edit.add_requested.connect(self.add_typed)
        self.add_button.clicked.connect(self.add_typed)

    def set_names(self, known: list[str], checked: list[str]) -> None:
        """The list's names (``known``) with ``checked`` ticked; a checked name not known is
        added and marked new."""
        self.list.blockSignals(True)
        self.list.clear()
        self.known = list(known)
        for name in [*known, *(n for n in checked if n not in known)]:
            self._add_item(name, name in checked)
        self.list.blockSignals(False)
        self.changed.emit()

    def _add_item(self, name: str, checked: bool) -> QListWidgetItem:
        is_new = name not in self.known
        text = name + (translate("NamePicker", " (new)") if is_new else "")
        item = QListWidgetItem(text, self.list)
        item.setData(Qt.ItemDataRole.UserRole + 1, name)
        item.setData(NEW_ROLE, is_new)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                      | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        return item

    def add_typed(self) -> None:
        """Tick the typed name (adding it to the list if it is not there)."""
        name = self.add_edit.text().strip()
        if not name:
            return
        self.add_edit.clear()
        for item in self._items():
            if item.data(Qt.ItemDataRole.UserRole + 1) == name:
                item.setCheckState(Qt.CheckState.Checked)
                self.list.setCurrentItem(item)
                return
        item = self._add_item(name, True)
        self.list.setCurrentItem(item)
        self.changed.emit()

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def checked(self) -> list[str]:
        return [str(item.data(Qt.ItemDataRole.UserRole + 1)) for item in self._items()
                if item.checkState() == Qt.CheckState.Checked]

    def new_names(self) -> list[str]:
        """Ticked names that are not in the list the picker was given."""
        return [name for name in self.checked() if name not in self.known]

    def set_checked(self, name: str, checked: bool = True) -> None:
        for item in self._items():
            if item.data(Qt.ItemDataRole.UserRole + 1) == name:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                return
        if checked:
            self._add_item(name, True)
            self.changed.emit()


class TeamPicker(NamePicker):
    """Team members with ticks and the one lead (负责人) chosen among them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("NamePicker", "Team members"),
                         translate("NamePicker", "Add a person…"), parent)
        self.lead_box = QComboBox(self)
        self.lead_box.setAccessibleName(translate("NamePicker", "Lead"))
        self.lead_box.setMinimumContentsLength(6)
        self.changed.connect(self._refresh_leads)

    def _refresh_leads(self) -> None:
        current = self.lead_box.currentText()
        names = self.checked()
        self.lead_box.blockSignals(True)
        self.lead_box.clear()
        self.lead_box.addItems(names)
        if current in names:
            self.lead_box.setCurrentText(current)
        self.lead_box.blockSignals(False)

    def lead(self) -> str:
        return self.lead_box.currentText() if self.checked() else ""

    def set_lead(self, name: str) -> None:
        self.set_checked(name)
        self._refresh_leads()
        self.lead_box.setCurrentText(name)
