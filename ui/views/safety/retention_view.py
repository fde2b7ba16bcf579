"""保存期限: how long an archived file keeps its personal data, and the files now due.

Why a page of its own (PIPL Arts 19, 47): personal data is kept only as long as it is needed.
After a file is archived it is kept for a number of years set per dispute type (a default for
the rest); then the administrator reviews the files due and anonymises them — names become
当事人甲, 当事人乙…, ID numbers, phones, addresses and free text go, the figures statistics
count stay. Anonymising is audited and cannot be undone, so it is the one action here that
asks for a confirmation in a dialog; everything else reports inline. Everyone may look at the
periods and the list; only the administrator changes or acts on them (the service checks it).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.errors import PermissionDenied, StoreUnavailable, ValidationError
from mediation_desk.services.safety.retention import DueFile, RetentionService
from mediation_desk.services.shared.permissions import may
from mediation_desk.store.changes import ChangeSet
from ui.context import AppContext
from ui.i18n import translate
from ui.icons import icon
from ui.widgets.field_error import (
    STATUS_ERROR,
    STATUS_NOTE,
    FieldError,
    status_label,
)
from ui.widgets.tables import read_only_table

COL_TYPE, COL_YEARS = range(2)
COL_NUMBER, COL_DISPUTE, COL_ARCHIVED, COL_DUE = range(4)
ID_ROLE = Qt.ItemDataRole.UserRole
FOLLOWS_DEFAULT = 0  # a type's spin box at its minimum: no period of its own


def _years_spin(minimum: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(minimum, 100)
    spin.setSuffix(translate("RetentionView", " years"))
    spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return spin


class RetentionView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service = RetentionService(ctx.store, ctx.actor)
        self.is_admin = may(ctx.actor, "retention.anonymise")
        self.can_review = may(ctx.actor, "retention.review")
        self.files: list[DueFile] = []
        self.today: date | None = None  # None: the real today
        self.loaded: dict[str, int] = {}  # per type: own years, or FOLLOWS_DEFAULT
        self.loaded_default = 0
        self.spins: dict[str, QSpinBox] = {}
        self.saving = False

        intro = status_label(STATUS_NOTE, translate(
            "RetentionView", "After a file is archived, the personal data in it is kept for "
            "the years set here for its dispute type. When that time has passed the file is "
            "listed on the right, and the administrator anonymises it: the parties' names are "
            "replaced by 当事人甲, 当事人乙…, ID numbers, phones, addresses and the text of "
            "records and agreements are removed. The figures counted in statistics (type, "
            "dates, outcome, amounts, village) stay."))
        self.read_only_note = QWidget()
        note_row = QHBoxLayout(self.read_only_note)
        note_row.setContentsMargins(0, 0, 0, 0)
        lock = QLabel()
        lock.setPixmap(icon("lock").pixmap(16, 16))
        note_row.addWidget(lock, 0, Qt.AlignmentFlag.AlignTop)
        note_row.addWidget(status_label(STATUS_ERROR, translate(
            "RetentionView", "Only the administrator can change the periods or anonymise "
            "files. You can see them here.")), 1)
        self.read_only_note.setVisible(not self.is_admin)

        # -- the periods --------------------------------------------------------------------
        self.default_spin = _years_spin(1)
        self.default_spin.setAccessibleName(translate("RetentionView", "Default period"))
        default_form = QFormLayout()
        default_caption = QLabel(translate("RetentionView", "&Default period"))
        default_caption.setBuddy(self.default_spin)
        default_form.addRow(default_caption, self.default_spin)
        self.types_table = QTableWidget(0, 2)
        self.types_table.setAccessibleName(translate("RetentionView",
                                                     "Periods by dispute type"))
        self.types_table.setHorizontalHeaderLabels([
            translate("RetentionView", "Dispute type"), translate("RetentionView", "Kept for")])
        self.types_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.types_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.types_table.verticalHeader().hide()
        header = self.types_table.horizontalHeader()
        header.setSectionResizeMode(COL_TYPE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_YEARS, QHeaderView.ResizeMode.ResizeToContents)
        self.save_button = QPushButton(icon("save"), translate("RetentionView", "&Save"))
        self.policy_message = FieldError()
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addStretch(1)
        policy_box = QGroupBox(translate("RetentionView", "How long files are kept"))
        policy_layout = QVBoxLayout(policy_box)
        policy_layout.addLayout(default_form)
        policy_layout.addWidget(status_label(STATUS_NOTE, translate(
            "RetentionView", "Counted from the day a file is archived. A dispute type set to "
            "“Default” follows the default period.")))
        policy_layout.addWidget(self.types_table, 1)
        policy_layout.addLayout(save_row)
        policy_layout.addWidget(self.policy_message)

        # -- the files due ------------------------------------------------------------------
        self.due_table = read_only_table(
            [translate("RetentionView", "Case number"), translate("RetentionView", "Dispute type"),
             translate("RetentionView", "Archived"), translate("RetentionView", "Due since")],
            3, translate("RetentionView", "Files due"))
        due_header = self.due_table.horizontalHeader()
        due_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        due_header.setStretchLastSection(True)
        self.select_all_button = QPushButton(translate("RetentionView", "Select &all"))
        self.anonymise_button = QPushButton(icon("warning", "danger"),
                                            translate("RetentionView", "A&nonymise selected…"))
        self.refresh_button = QPushButton(icon("refresh"), translate("RetentionView",
                                                                     "Re&fresh"))
        actions = QHBoxLayout()
        for button in (self.select_all_button, self.anonymise_button, self.refresh_button):
            actions.addWidget(button)
        actions.addStretch(1)
        self.empty_label = status_label(STATUS_NOTE)
        self.due_message = FieldError()
        self.due_box = due_box = QGroupBox(translate("RetentionView",
                                                     "Files due for anonymisation"))
        due_box.setVisible(self.can_review)  # which files are due: director and admin
        due_layout = QVBoxLayout(due_box)
        due_layout.addLayout(actions)
        due_layout.addWidget(self.due_table, 1)
        due_layout.addWidget(self.empty_label)
        due_layout.addWidget(self.due_message)

        boxes = QHBoxLayout()
        boxes.addWidget(policy_box, 2)
        boxes.addWidget(due_box, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.read_only_note)
        layout.addLayout(boxes, 1)

        self.default_spin.setEnabled(self.is_admin)
        for button in (self.save_button, self.select_all_button, self.anonymise_button):
            button.setVisible(self.is_admin)
        self.default_spin.valueChanged.connect(self._default_changed)
        self.save_button.clicked.connect(self.save)
        self.select_all_button.clicked.connect(self.select_all)
        self.anonymise_button.clicked.connect(self.anonymise_selected)
        self.refresh_button.clicked.connect(lambda _checked=False: self.refresh())
        self.due_table.itemChanged.connect(self._update_buttons)
        ctx.bus.changes_committed.connect(self._on_changes)
        self.load_policy()
        # The list of files due is read when the page is shown, not at start-up.

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh(self.today)  # a day may have passed since the page was last shown

    def _on_changes(self, changes: ChangeSet) -> None:
        if "settings" in changes.kinds and not self.saving:
            self.load_policy()  # a dispute type added elsewhere, or the periods changed
        if changes.kinds & {"case", "settings"} and self.isVisible():
            self.refresh(self.today)

    # -- the periods --------------------------------------------------------------------------
    def load_policy(self) -> None:
        """Show the stored periods; edits not yet saved are kept."""
        pending = self.pending_changes()
        policy = self.service.policy()
        self.loaded_default = policy[""]
        self.default_spin.blockSignals(True)
        self.default_spin.setValue(pending.pop("", self.loaded_default))
        self.default_spin.blockSignals(False)
        entries = self.ctx.settings.entries("dispute_type")
        labels = [(e.label, e.active) for e in entries]
        known = {e.label for e in entries}
        labels += [(t, True) for t in policy if t and t not in known]
        self.loaded = {label: policy.get(label, FOLLOWS_DEFAULT) for label, _active in labels}
        self.spins = {}
        self.types_table.setRowCount(len(labels))
        italic = QFont()
        italic.setItalic(True)
        for row, (label, active) in enumerate(labels):
            item = QTableWidgetItem(label)
            if not active:
                item.setFont(italic)
                item.setForeground(QColor("gray"))
                item.setToolTip(translate("RetentionView", "No longer in the pick list; older "
                                                           "files may still have this type."))
            self.types_table.setItem(row, COL_TYPE, item)
            own = label in policy
            spin = _years_spin(1 if own else FOLLOWS_DEFAULT)
            spin.setAccessibleName(label)
            spin.setValue(pending.get(label, self.loaded[label]))
            spin.setEnabled(self.is_admin)
            spin.valueChanged.connect(lambda _v: self.policy_message.clear())
            self.types_table.setCellWidget(row, COL_YEARS, spin)
            self.spins[label] = spin
        self._default_changed(self.default_spin.value())
        self.types_table.resizeColumnToContents(COL_YEARS)

    def _default_changed(self, years: int) -> None:
        self.policy_message.clear()
        text = translate("RetentionView", "Default (%1 years)").replace("%1", str(years))
        for spin in self.spins.values():
            spin.setSpecialValueText(text if spin.minimum() == FOLLOWS_DEFAULT else "")

    def pending_changes(self) -> dict[str, int]:
        """Periods changed on screen and not saved yet ("" is the default)."""
        changed = {}
        if self.loaded_default and self.default_spin.value() != self.loaded_default:
            changed[""] = self.default_spin.value()
        for label, spin in self.spins.items():
            if spin.value() != self.loaded.get(label, FOLLOWS_DEFAULT):
                changed[label] = spin.value()
        return changed

    def save(self) -> bool:
        self.policy_message.clear()
        changed = {k: v for k, v in self.pending_changes().items() if v != FOLLOWS_DEFAULT}
        if not changed:
            self.policy_message.show_note(translate("RetentionView", "Nothing was changed."))
            return True
        self.saving = True
        try:
            for dispute_type, years in changed.items():
                self.service.set_years(dispute_type, years)
        except ValidationError as exc:
            self.policy_message.show_error("；".join(p.reason for p in exc.problems))
            return False
        except (PermissionDenied, StoreUnavailable) as exc:
            self.policy_message.show_error(str(exc))
            return False
        finally:
            self.saving = False
            self.load_policy()  # what was saved becomes the loaded state; failures stay edited
        self.policy_message.show_note(translate("RetentionView", "The periods were saved."))
        self.refresh(self.today)
        return True

    # -- the files due ------------------------------------------------------------------------
    def refresh(self, today: date | None = None) -> None:
        """List the files due on ``today`` (the real today if None); ticks are kept."""
        self.today = today
        ticked = set(self.checked_ids())
        try:
            self.files = self.service.due(today) if self.can_review else []
        except StoreUnavailable as exc:
            self.files = []
            self.due_message.show_error(str(exc))
        self.due_table.blockSignals(True)
        self.due_table.setRowCount(len(self.files))
        for row, due in enumerate(self.files):
            for column, text in enumerate((due.number, due.dispute_type,
                                           due.archived_on.isoformat(), due.due_on.isoformat())):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, due.case_id)
                if column == COL_NUMBER and self.is_admin:
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(Qt.CheckState.Checked if due.case_id in ticked
                                       else Qt.CheckState.Unchecked)
                self.due_table.setItem(row, column, item)
        self.due_table.blockSignals(False)
        self.empty_label.setText(translate(
            "RetentionView", "No archived file has reached the end of its period.")
            if not self.files else translate("RetentionView", "Files due: %1")
            .replace("%1", str(len(self.files))))
        self.empty_label.setVisible(True)
        self._update_buttons()

    def numbers(self) -> list[str]:
        return [f.number for f in self.files]

    def checked_ids(self) -> list[str]:
        ids = []
        for row in range(self.due_table.rowCount()):
            item = self.due_table.item(row, COL_NUMBER)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                ids.append(str(item.data(ID_ROLE)))
        return ids

    def set_checked(self, case_id: str, checked: bool = True) -> None:
        for row in range(self.due_table.rowCount()):
            item = self.due_table.item(row, COL_NUMBER)
            if item is not None and item.data(ID_ROLE) == case_id:
                item.setCheckState(Qt.CheckState.Checked if checked
                                   else Qt.CheckState.Unchecked)

    def select_all(self) -> None:
        everything = len(self.checked_ids()) < len(self.files)
        for due in self.files:
            self.set_checked(due.case_id, everything)

    def _update_buttons(self, *_args: object) -> None:
        self.select_all_button.setEnabled(bool(self.files))
        self.anonymise_button.setEnabled(self.is_admin and bool(self.checked_ids()))

    # -- anonymise ----------------------------------------------------------------------------
    def _confirm(self, count: int) -> bool:
        """The one question asked in a dialog: anonymising cannot be undone."""
        answer = QMessageBox.question(
            self, translate("RetentionView", "Anonymise files"),
            translate("RetentionView", "Anonymise %1 files?\n\nThe parties' names are replaced "
                      "by 当事人甲, 当事人乙…; ID numbers, phones, addresses and the text of "
                      "records and agreements are removed. The figures counted in statistics "
                      "stay.\n\nThis cannot be undone.").replace("%1", str(count)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def anonymise_selected(self) -> bool:
        ids = self.checked_ids()
        if not ids or not self.is_admin:
            return False
        self.due_message.clear()
        if not self._confirm(len(ids)):
            return False
        numbers = [f.number for f in self.files if f.case_id in ids]
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.service.anonymise(ids, self.today)
        except ValidationError as exc:
            self.due_message.show_error("；".join(p.reason for p in exc.problems))
            return False
        except (PermissionDenied, StoreUnavailable) as exc:
            self.due_message.show_error(str(exc))
            return False
        finally:
            QApplication.restoreOverrideCursor()
            self.refresh(self.today)
        self.due_message.show_note(translate(
            "RetentionView", "Anonymised: %1. The personal data in these files is gone; their "
            "figures still count in statistics.").replace("%1", "、".join(numbers)))
        return True
