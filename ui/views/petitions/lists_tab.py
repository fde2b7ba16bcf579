"""名录 on the 接访 page: the room's lists for visitor requests — categories, the departments a
request can be assigned to, the property-management legal alliance's members — and the pattern
of request numbers. Changing them is for the director or an administrator (the service says
so beside the field otherwise); a deactivated entry leaves the pick lists, old requests keep it.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.errors import PermissionDenied, ValidationError
from mediation_desk.services.petitions.lists import ALLIANCE, CATEGORY, DEPARTMENT
from ui.context import AppContext
from ui.i18n import translate
from ui.icons import icon
from ui.views.settings.settings_view import DictionaryPanel
from ui.widgets.field_error import (
    STATUS_DONE,
    STATUS_ERROR,
    STATUS_NOTE,
    set_text_colour,
    status_label,
)


class ListsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        lists = ctx.petition_lists

        def panel(kind: str, name: str) -> DictionaryPanel:
            return DictionaryPanel(name, lambda: lists.entries(kind),
                                   lambda label: self._add(kind, label),
                                   lambda entry_id, active: self._set_active(entry_id, active))

        self.categories = panel(CATEGORY, translate("PetitionLists", "Categories"))
        self.departments = panel(DEPARTMENT, translate("PetitionLists", "Departments"))
        self.alliance = panel(ALLIANCE, translate("PetitionLists", "Property alliance members"))
        self.tabs = QTabWidget(self)
        for widget, title in ((self.categories, translate("PetitionLists", "Categories")),
                              (self.departments, translate("PetitionLists", "Departments")),
                              (self.alliance,
                               translate("PetitionLists", "Property alliance members"))):
            self.tabs.addTab(widget, title)

        self.pattern_edit = QLineEdit()
        self.pattern_edit.setAccessibleName(translate("PetitionLists", "Number pattern"))
        self.example_label = QLabel()
        self.save_button = QPushButton(icon("save"), translate("PetitionLists", "&Save pattern"))
        self.pattern_message = status_label(STATUS_DONE)
        numbers = QGroupBox(translate("PetitionLists", "Request numbers"))
        form = QFormLayout(numbers)
        row = QHBoxLayout()
        row.addWidget(self.pattern_edit, 1)
        row.addWidget(self.save_button)
        caption = QLabel(translate("PetitionLists", "&Pattern"))
        caption.setBuddy(self.pattern_edit)
        form.addRow(caption, row)
        form.addRow(translate("PetitionLists", "Example"), self.example_label)
        form.addRow("", self.pattern_message)
        form.addRow("", status_label(STATUS_NOTE, translate(
            "PetitionLists", "{year}, {seq} and {prefix} are replaced, as in case numbers.")))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(numbers)
        manager = ctx.actor.role in ("director", "admin")
        for widget in (self.categories, self.departments, self.alliance):
            widget.set_editable(manager)
        self.pattern_edit.setReadOnly(not manager)
        self.save_button.setEnabled(manager)
        self.pattern_edit.textChanged.connect(self._show_example)
        self.save_button.clicked.connect(self._save_pattern)

    def _add(self, kind: str, label: str) -> None:
        self.ctx.petition_lists.add_entry(kind, label)

    def _set_active(self, entry_id: str, active: bool) -> None:
        self.ctx.petition_lists.set_entry_active(entry_id, active)

    def refresh(self) -> None:
        for panel in (self.categories, self.departments, self.alliance):
            panel.reload()
        self.pattern_edit.setText(self.ctx.petition_lists.number_pattern())

    def _show_example(self) -> None:
        try:
            self.example_label.setText(
                self.ctx.petition_lists.number_example(self.pattern_edit.text()))
        except ValidationError as exc:
            self.example_label.setText("；".join(p.reason for p in exc.problems))

    def _save_pattern(self) -> None:
        try:
            self.ctx.petition_lists.set_number_pattern(self.pattern_edit.text())
        except ValidationError as exc:
            set_text_colour(self.pattern_message, STATUS_ERROR)
            self.pattern_message.setText("；".join(p.reason for p in exc.problems))
        except PermissionDenied as exc:
            set_text_colour(self.pattern_message, STATUS_ERROR)
            self.pattern_message.setText(str(exc))
        else:
            set_text_colour(self.pattern_message, STATUS_DONE)
            self.pattern_message.setText(translate("PetitionLists", "Saved."))
        self.pattern_message.show()
