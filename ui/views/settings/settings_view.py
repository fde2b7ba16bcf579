"""设置: room names, the case-number pattern, deadlines, the pick-list dictionaries, text size.

Why entries are deactivated rather than deleted: old cases keep the label chosen when they
were registered, and reports must still count them; a retired entry only leaves the pick lists.
Room settings and dictionaries belong to the director or administrator (the service checks
it too); the text size is each user's own and is kept in QSettings, not in the register.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mediation_desk import clock
from mediation_desk.errors import PermissionDenied, ValidationError
from mediation_desk.services.settings.service import EntryView, RoomConfig
from mediation_desk.store.changes import ChangeSet
from ui.context import AppContext
from ui.fonts import SETTINGS_SCALE, apply_ui_font
from ui.i18n import translate
from ui.icons import icon
from ui.views.settings.attachment_limit import AttachmentLimitPanel
from ui.views.settings.document_settings_view import DocumentSettingsPanel
from ui.views.settings.risk_levels_view import PatrolRiskSettings
from ui.widgets.field_error import (
    STATUS_DONE,
    STATUS_ERROR,
    STATUS_NOTE,
    add_field_row,
    place_problems,
    set_text_colour,
    show_error,
    status_label,
)

# Colours go through the palette, not style sheets: a style sheet pins the font a widget had
# when it was styled, and the larger-text setting must reach every label at once.
SCALES = ((1.0, "100%"), (1.25, "125%"), (1.5, "150%"))
ID_ROLE = Qt.ItemDataRole.UserRole
ACTIVE_ROLE = Qt.ItemDataRole.UserRole + 1


def current_scale() -> float:
    try:
        return float(QSettings().value(SETTINGS_SCALE, 1.0) or 1.0)
    except (TypeError, ValueError):
        return 1.0


class DictionaryPanel(QWidget):
    """One dictionary: entries with their state, add, and deactivate/reactivate."""

    def __init__(self, name: str, load: Callable[[], list[EntryView]],
                 add: Callable[[str], None] | None,
                 set_active: Callable[[str, bool], None] | None) -> None:
        super().__init__()
        self.load, self.add, self.set_active = load, add, set_active
        self.list = QListWidget()
        self.list.setAccessibleName(name)
        self.add_edit = QLineEdit()
        self.add_edit.setAccessibleName(translate("SettingsView", "New entry"))
        self.add_edit.setPlaceholderText(translate("SettingsView", "New entry"))
        self.add_button = QPushButton(icon("add"), translate("SettingsView", "&Add"))
        self.toggle_button = QPushButton(translate("SettingsView", "Deactivate"))
        self.error_label = status_label(STATUS_ERROR)
        row = QHBoxLayout()
        row.addWidget(self.add_edit, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.toggle_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        if add is None or set_active is None:
            for widget in (self.add_edit, self.add_button, self.toggle_button):
                widget.hide()
        self.add_button.clicked.connect(self.add_entry)
        self.add_edit.returnPressed.connect(self.add_entry)
        self.toggle_button.clicked.connect(self.toggle_current)
        self.list.currentItemChanged.connect(lambda *_: self._update_toggle())
        self.reload()

    def reload(self) -> None:
        current = self.list.currentItem()
        keep = current.data(ID_ROLE) if current is not None else None
        self.list.clear()
        for entry in self.load():
            text = entry.label if entry.active else translate(
                "SettingsView", "%1 (inactive)").replace("%1", entry.label)
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, entry.id)
            item.setData(ACTIVE_ROLE, entry.active)
            if not entry.active:
                font = QFont()
                font.setItalic(True)
                item.setFont(font)
                item.setForeground(Qt.GlobalColor.gray)
            self.list.addItem(item)
            if entry.id == keep:
                self.list.setCurrentItem(item)
        self._update_toggle()

    def labels(self, active: bool | None = None) -> list[str]:
        """Entry labels as the list shows them, optionally only active or inactive ones."""
        return [e.label for e in self.load() if active is None or e.active == active]

    def select(self, label: str) -> None:
        for entry in self.load():
            if entry.label == label:
                for row in range(self.list.count()):
                    if self.list.item(row).data(ID_ROLE) == entry.id:
                        self.list.setCurrentRow(row)
                return

    def _update_toggle(self) -> None:
        item = self.list.currentItem()
        self.toggle_button.setEnabled(item is not None and self.set_active is not None)
        active = item is None or bool(item.data(ACTIVE_ROLE))
        self.toggle_button.setText(translate("SettingsView", "&Deactivate") if active
                                   else translate("SettingsView", "Reacti&vate"))
        self.toggle_button.setIcon(icon("remove") if active else icon("add"))

    def add_entry(self) -> None:
        if self.add is None:
            return
        show_error(self.error_label, "")
        try:
            self.add(self.add_edit.text())
        except ValidationError as exc:
            show_error(self.error_label, "；".join(p.reason for p in exc.problems))
            return
        except PermissionDenied as exc:
            show_error(self.error_label, str(exc))
            return
        self.add_edit.clear()
        self.reload()

    def toggle_current(self) -> None:
        item = self.list.currentItem()
        if item is None or self.set_active is None:
            return
        show_error(self.error_label, "")
        try:
            self.set_active(str(item.data(ID_ROLE)), not bool(item.data(ACTIVE_ROLE)))
        except PermissionDenied as exc:
            show_error(self.error_label, str(exc))
            return
        self.reload()

    def set_editable(self, editable: bool) -> None:
        for widget in (self.add_edit, self.add_button, self.toggle_button):
            widget.setEnabled(editable)
        if editable:
            self._update_toggle()


class SettingsView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.can_edit = ctx.actor.role in ("director", "admin")

        # -- room and numbering -------------------------------------------------------------
        self.room_edit = QLineEdit()
        self.committee_edit = QLineEdit()
        self.prefix_edit = QLineEdit()
        self.pattern_edit = QLineEdit()
        self.example_label = QLabel()
        self.example_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.example_label.setWordWrap(True)
        bold = QFont()
        bold.setBold(True)
        self.example_label.setFont(bold)  # only the weight: the size follows the text size
        self.days_spin = QSpinBox()
        self.days_spin.setRange(1, 90)
        self.days_spin.setSuffix(translate("SettingsView", " days"))
        self.save_button = QPushButton(icon("save"), translate("SettingsView", "&Save settings"))
        self.message_label = status_label(STATUS_DONE)
        self.permission_note = status_label(STATUS_ERROR, "" if self.can_edit else translate(
            "SettingsView", "Only the director or administrator can change settings."))
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, caption, widget in (
                ("room", translate("SettingsView", "&Room name"), self.room_edit),
                ("committee", translate("SettingsView", "&Committee name"), self.committee_edit),
                ("prefix", translate("SettingsView", "Number &prefix"), self.prefix_edit),
                ("pattern", translate("SettingsView", "Number pa&ttern"), self.pattern_edit)):
            widget.setAccessibleName(caption.replace("&", ""))
            self.errors[key] = error = status_label(STATUS_ERROR)
            add_field_row(form, caption, widget, error)
            if key != "pattern":  # the pattern's message follows the live example
                widget.textEdited.connect(lambda _text, e=error: show_error(e, ""))
        form.addRow(translate("SettingsView", "Example"), self.example_label)
        form.addRow("", status_label(STATUS_NOTE, translate(
            "SettingsView", "The pattern may use {year}, {seq} (or {seq:03d} for 001) and "
            "{prefix}; {year} and {seq} exactly once. Numbers already issued do not change.")))
        self.days_spin.setAccessibleName(translate("SettingsView", "Mediation deadline"))
        self.errors["days"] = status_label(STATUS_ERROR)
        add_field_row(form, translate("SettingsView", "Mediation dead&line"), self.days_spin,
                   self.errors["days"])
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.message_label, 1)
        buttons.addStretch(1)
        room_box = QGroupBox(translate("SettingsView", "Room and case numbers"))
        room_layout = QVBoxLayout(room_box)
        room_layout.addWidget(self.permission_note)
        room_layout.addLayout(form)
        room_layout.addLayout(buttons)

        # -- printed documents --------------------------------------------------------------
        self.documents = DocumentSettingsPanel(ctx)
        documents_box = QGroupBox(translate("SettingsView", "Printed documents"))
        QVBoxLayout(documents_box).addWidget(self.documents)

        # -- display ------------------------------------------------------------------------
        self.scale_box = QComboBox()
        self.scale_box.setAccessibleName(translate("SettingsView", "Text size"))
        for scale, text in SCALES:
            self.scale_box.addItem(text, scale)
        found = self.scale_box.findData(current_scale())
        self.scale_box.setCurrentIndex(max(found, 0))
        display_box = QGroupBox(translate("SettingsView", "Display"))
        display_form = QFormLayout(display_box)
        display_form.addRow(translate("SettingsView", "Te&xt size"), self.scale_box)
        display_form.addRow("", status_label(STATUS_NOTE, translate(
            "SettingsView", "Larger text for this computer's user; applied at once.")))

        # -- dictionaries -------------------------------------------------------------------
        settings = ctx.settings
        self.dispute_types = DictionaryPanel(
            translate("SettingsView", "Dispute types"),
            lambda: settings.entries("dispute_type"),
            lambda label: settings.add_entry("dispute_type", label), settings.set_entry_active)
        self.sources = DictionaryPanel(
            translate("SettingsView", "Sources"), lambda: settings.entries("source"),
            lambda label: settings.add_entry("source", label), settings.set_entry_active)
        self.villages = DictionaryPanel(
            translate("SettingsView", "Villages"),
            lambda: settings.villages(include_inactive=True), settings.add_village,
            settings.set_village_active)
        self.ethnicities = DictionaryPanel(
            translate("SettingsView", "Ethnicities"), lambda: settings.entries("ethnicity"),
            None, None)
        self.dictionary_tabs = QTabWidget()
        for panel, title in ((self.dispute_types, translate("SettingsView", "Dispute types")),
                             (self.sources, translate("SettingsView", "Sources")),
                             (self.villages, translate("SettingsView", "Villages")),
                             (self.ethnicities, translate("SettingsView", "Ethnicities"))):
            self.dictionary_tabs.addTab(panel, title)
        self.risk_levels = PatrolRiskSettings(ctx)
        self.dictionary_tabs.addTab(self.risk_levels, translate("SettingsView", "Risk levels"))
        dict_box = QGroupBox(translate("SettingsView", "Pick lists"))
        dict_layout = QVBoxLayout(dict_box)
        dict_layout.addWidget(status_label(STATUS_NOTE, translate(
            "SettingsView", "A deactivated entry leaves the pick lists for new cases; old "
            "cases keep their labels, and it can be reactivated at any time.")))
        dict_layout.addWidget(self.dictionary_tabs, 1)

        self.attachment_limit = AttachmentLimitPanel(ctx)
        attachments_box = QGroupBox(translate("SettingsView", "Attachments"))
        QVBoxLayout(attachments_box).addWidget(self.attachment_limit)

        left = QVBoxLayout()
        left.addWidget(room_box)
        left.addWidget(display_box)
        left.addWidget(attachments_box)
        left.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        right = QVBoxLayout()
        right.addWidget(documents_box)  # beside the room settings, above the pick lists
        right.addWidget(dict_box, 1)
        columns.addLayout(right, 1)
        content = QWidget()
        content.setLayout(columns)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self.load_room()
        for widget in (self.room_edit, self.committee_edit, self.prefix_edit,
                       self.pattern_edit, self.days_spin, self.save_button):
            widget.setEnabled(self.can_edit)
        for panel in (self.dispute_types, self.sources, self.villages):
            panel.set_editable(self.can_edit)
        self.prefix_edit.textChanged.connect(self.update_example)
        self.pattern_edit.textChanged.connect(self.update_example)
        self.save_button.clicked.connect(self.save)
        for edit in (self.room_edit, self.committee_edit, self.prefix_edit, self.pattern_edit):
            edit.returnPressed.connect(self.save)  # Enter saves, as in a dialog
        self.scale_box.currentIndexChanged.connect(self._scale_chosen)
        ctx.bus.changes_committed.connect(self._on_changes)

    # -- room -------------------------------------------------------------------------------
    def load_room(self) -> None:
        room = self.ctx.settings.room()
        self.room_edit.setText(room.room_name)
        self.committee_edit.setText(room.committee_name)
        self.prefix_edit.setText(room.number_prefix)
        self.pattern_edit.setText(room.number_pattern)
        self.days_spin.setValue(room.mediation_days)
        self.update_example()

    def update_example(self) -> None:
        try:
            example = self.ctx.settings.number_example(
                self.pattern_edit.text().strip(), self.prefix_edit.text().strip(),
                year=clock.today().year)
        except ValidationError as exc:  # said beside the pattern as it is typed
            show_error(self.errors["pattern"], "；".join(p.reason for p in exc.problems))
            self.example_label.setText("—")
            return
        show_error(self.errors["pattern"], "")
        self.example_label.setText(example)

    def config(self) -> RoomConfig:
        return RoomConfig(self.room_edit.text(), self.committee_edit.text(),
                          self.prefix_edit.text(), self.pattern_edit.text(),
                          self.days_spin.value())

    def save(self) -> bool:
        """Save the room settings; every refused value is shown beside its field."""
        for label in (*self.errors.values(), self.message_label):
            show_error(label, "")
        try:
            self.ctx.settings.update_room(self.config())
        except ValidationError as exc:
            fields = {"调解室名称": "room", "调委会名称": "committee", "编号前缀": "prefix",
                      "编号格式": "pattern", "调解期限": "days"}
            rest = place_problems(exc.problems, self.errors,
                                  lambda problem: fields.get(problem.field))
            if rest:
                self._message(STATUS_ERROR, rest)
            return False
        except PermissionDenied as exc:
            self._message(STATUS_ERROR, str(exc))
            return False
        self._message(STATUS_DONE, translate("SettingsView", "Settings saved."))
        return True

    def _message(self, color: QColor, text: str) -> None:
        set_text_colour(self.message_label, color)
        show_error(self.message_label, text)

    # -- text size --------------------------------------------------------------------------
    def _scale_chosen(self) -> None:
        scale = float(self.scale_box.currentData())
        QSettings().setValue(SETTINGS_SCALE, scale)
        app = QApplication.instance()
        if isinstance(app, QApplication):  # the face stays; only the size changes
            apply_ui_font(app, scale, app.font().family())

    # -- keeping current --------------------------------------------------------------------
    def _on_changes(self, changes: ChangeSet) -> None:
        if "dictionary" in changes.kinds:
            for panel in (self.dispute_types, self.sources, self.ethnicities):
                panel.reload()
        if "village" in changes.kinds:
            self.villages.reload()
