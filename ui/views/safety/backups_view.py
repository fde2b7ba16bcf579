"""备份: where daily backups go, how many are kept, the idle lock, and the backups themselves.

Why a restore closes the program: a restore replaces the register file, and that must never
happen while the program has it open. The view closes the store, restores on a worker thread
(the register stays closed until the program quits), and emits ``restart_required``; the main
window then closes. If the restore is refused before anything was replaced (a wrong password,
a file that is no backup), the register is opened again and work goes on.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.errors import PermissionDenied, ValidationError, WrongPassword
from mediation_desk.services.safety.backups import BackupInfo, backup_to
from mediation_desk.services.safety.restore import Restored, restore_backup
from mediation_desk.services.settings.service import SafetyConfig
from mediation_desk.services.shared.permissions import may
from mediation_desk.store.changes import ChangeSet
from ui.backup_jobs import backups_in, is_automatic, manual_backup_path
from ui.context import AppContext
from ui.dialogs.safety.restore_dialog import RestoreDialog
from ui.i18n import translate
from ui.icons import icon
from ui.widgets.field_error import (
    STATUS_DONE,
    STATUS_ERROR,
    STATUS_NOTE,
    add_field_row,
    set_text_colour,
    show_error,
    status_label,
)
from ui.widgets.tables import read_only_table
from ui.workers import Job, on_worker, run_in_background

COL_MADE, COL_KIND, COL_SIZE, COL_FILE = range(4)
PATH_ROLE = Qt.ItemDataRole.UserRole


def _size(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


class BackupsView(QWidget):
    restart_required = Signal(str)  # the message to show before the program closes
    restore_running = Signal(bool)  # True while the register is closed for a restore

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.can_manage = may(ctx.actor, "backup.settings")
        self.can_back_up = may(ctx.actor, "backup")
        self.can_restore = may(ctx.actor, "restore")
        self.backups: list[BackupInfo] = []
        self.busy = False
        self.job: Job | None = None  # the last job, kept: unheld, its result would be lost

        # -- settings -----------------------------------------------------------------------
        self.folder_edit = QLineEdit()
        self.browse_button = QPushButton(icon("folder"), translate("BackupsView", "&Browse…"))
        folder_row = QHBoxLayout()
        folder_row.setContentsMargins(0, 0, 0, 0)
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.browse_button)
        folder_box = QWidget()
        folder_box.setLayout(folder_row)
        self.keep_spin = QSpinBox()
        self.keep_spin.setRange(1, 365)
        self.keep_spin.setSuffix(translate("BackupsView", " copies"))
        self.idle_spin = QSpinBox()
        self.idle_spin.setRange(1, 120)
        self.idle_spin.setSuffix(translate("BackupsView", " minutes"))
        for spin in (self.keep_spin, self.idle_spin):  # as wide as their text, no wider
            spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.errors = {key: status_label(STATUS_ERROR) for key in ("folder", "keep", "idle")}
        form = QFormLayout()
        for key, caption, widget, field in (
                ("folder", translate("BackupsView", "Backup &folder"), folder_box,
                 self.folder_edit),
                ("keep", translate("BackupsView", "Daily backups &kept"), self.keep_spin,
                 self.keep_spin),
                ("idle", translate("BackupsView", "&Lock after no input for"), self.idle_spin,
                 self.idle_spin)):
            field.setAccessibleName(caption.replace("&", ""))
            add_field_row(form, caption, widget, self.errors[key])
            if key == "folder":
                form.itemAt(form.rowCount() - 1, QFormLayout.ItemRole.LabelRole
                            ).widget().setBuddy(self.folder_edit)
        self.save_button = QPushButton(icon("save"), translate("BackupsView", "&Save"))
        self.settings_message = status_label(STATUS_DONE)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.settings_message, 1)
        save_row.addStretch(1)
        settings_box = QGroupBox(translate("BackupsView", "Automatic backups and lock"))
        settings_layout = QVBoxLayout(settings_box)
        settings_layout.addWidget(status_label(STATUS_NOTE, translate(
            "BackupsView", "While the program runs it makes one backup a day into this folder "
            "(a USB stick kept apart from the computer is best) and removes the oldest beyond "
            "the number kept. Backups made with “Back up now” are never removed. The screen "
            "locks after the given time without keyboard or mouse input (Ctrl+L locks at "
            "once).")))
        if not self.can_manage:
            settings_layout.addWidget(status_label(STATUS_ERROR, translate(
                "BackupsView", "Only the director or administrator can change these settings, "
                "back up or restore a backup.")))
        settings_layout.addLayout(form)
        settings_layout.addLayout(save_row)

        # -- the backups --------------------------------------------------------------------
        self.backup_button = QPushButton(icon("backup"), translate("BackupsView",
                                                                   "&Back up now"))
        self.refresh_button = QPushButton(icon("refresh"), translate("BackupsView", "Re&fresh"))
        self.restore_button = QPushButton(icon("restore"), translate("BackupsView",
                                                                     "&Restore…"))
        self.table = read_only_table(
            [translate("BackupsView", "Made at"), translate("BackupsView", "Kind"),
             translate("BackupsView", "Size"), translate("BackupsView", "File")],
            COL_FILE, translate("BackupsView", "Backups in the folder"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.empty_label = status_label(STATUS_NOTE)
        self.message_label = status_label(STATUS_DONE)
        actions = QHBoxLayout()
        for button in (self.backup_button, self.refresh_button, self.restore_button):
            actions.addWidget(button)
        actions.addStretch(1)
        list_box = QGroupBox(translate("BackupsView", "Backups in the folder"))
        list_layout = QVBoxLayout(list_box)
        list_layout.addLayout(actions)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(self.empty_label)
        list_layout.addWidget(self.message_label)

        layout = QVBoxLayout(self)
        layout.addWidget(settings_box)
        layout.addWidget(list_box, 1)

        self.load_settings()
        for widget in (self.folder_edit, self.browse_button, self.keep_spin, self.idle_spin,
                       self.save_button):
            widget.setEnabled(self.can_manage)
        self.folder_edit.textEdited.connect(lambda _t: show_error(self.errors["folder"], ""))
        self.folder_edit.editingFinished.connect(self.refresh)
        self.folder_edit.returnPressed.connect(self.save)
        self.browse_button.clicked.connect(self.browse)
        self.save_button.clicked.connect(self.save)
        self.backup_button.clicked.connect(self.back_up_now)
        self.refresh_button.clicked.connect(self.refresh)
        self.restore_button.clicked.connect(self.restore_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        ctx.bus.changes_committed.connect(self._on_changes)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()  # the daily backup may have added one meanwhile

    # -- settings ---------------------------------------------------------------------------
    def load_settings(self) -> None:
        safety = self.ctx.settings.safety()
        self.folder_edit.setText(safety.backup_dir)
        self.keep_spin.setValue(safety.backup_keep)
        self.idle_spin.setValue(safety.idle_lock_minutes)

    def _on_changes(self, changes: ChangeSet) -> None:
        if "settings" in changes.kinds and not self.busy:
            self.load_settings()
            self.refresh()

    def folder(self) -> Path:
        return Path(self.folder_edit.text().strip() or self.ctx.settings.safety().backup_dir)

    def browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, translate("BackupsView", "Backup folder"), str(self.folder()))
        if chosen:
            self.folder_edit.setText(chosen)
            show_error(self.errors["folder"], "")
            self.refresh()

    def save(self) -> bool:
        for label in (*self.errors.values(), self.settings_message):
            show_error(label, "")
        config = SafetyConfig(self.folder_edit.text(), self.keep_spin.value(),
                              self.idle_spin.value())
        try:
            self.ctx.settings.update_safety(config)
        except ValidationError as exc:
            fields = {"备份文件夹": "folder", "保留份数": "keep", "自动锁定": "idle"}
            rest = []
            for problem in exc.problems:
                key = fields.get(problem.field)
                if key is None:
                    rest.append(str(problem))
                else:
                    show_error(self.errors[key], problem.reason)
            if rest:
                self._message(self.settings_message, STATUS_ERROR, "；".join(rest))
            return False
        except PermissionDenied as exc:
            self._message(self.settings_message, STATUS_ERROR, str(exc))
            return False
        self._message(self.settings_message, STATUS_DONE,
                      translate("BackupsView", "Settings saved."))
        self.refresh()
        return True

    # -- the list ---------------------------------------------------------------------------
    def refresh(self) -> None:
        keep = self.selected_backup()
        folder = self.folder()
        try:
            self.backups = backups_in(folder)
        except OSError as exc:  # a USB stick pulled out, a folder not readable
            self.backups = []
            show_error(self.empty_label, translate("BackupsView", "The folder cannot be read: %1")
                  .replace("%1", str(exc)))
        else:
            show_error(self.empty_label, "" if self.backups else translate(
                "BackupsView", "No backups in %1 yet.").replace("%1", str(folder)))
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            kind = translate("BackupsView", "Automatic") if is_automatic(info) else translate(
                "BackupsView", "Manual")
            for column, text in enumerate((info.made_at.strftime("%Y-%m-%d %H:%M"), kind,
                                           _size(info.size), info.path.name)):
                item = QTableWidgetItem(text)
                item.setData(PATH_ROLE, str(info.path))
                if column == COL_SIZE:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
            if keep is not None and info.path == keep.path:
                self.table.selectRow(row)
        self._update_buttons()

    def file_names(self) -> list[str]:
        return [b.path.name for b in self.backups]

    def selected_backup(self) -> BackupInfo | None:
        items = self.table.selectedItems()
        if not items:
            return None
        path = Path(str(items[0].data(PATH_ROLE)))
        return next((b for b in self.backups if b.path == path), None)

    def select(self, name: str) -> None:
        for row, info in enumerate(self.backups):
            if info.path.name == name:
                self.table.selectRow(row)
                return

    def _update_buttons(self) -> None:
        self.backup_button.setVisible(self.can_back_up)
        self.restore_button.setVisible(self.can_restore)
        self.backup_button.setEnabled(not self.busy and self.can_back_up)
        self.restore_button.setEnabled(not self.busy and self.can_restore
                                       and self.selected_backup() is not None)

    # -- back up now ------------------------------------------------------------------------
    def back_up_now(self) -> None:
        if self.busy or not self.can_back_up:
            return
        out = manual_backup_path(self.folder())
        store, actor = self.ctx.store, self.ctx.actor
        self._set_busy(True)
        show_error(self.message_label, "")
        self.job = run_in_background(self, lambda _report: on_worker(
            store, lambda: backup_to(store, actor, out)),
            title=translate("BackupsView", "Backing up…"), on_done=self._backed_up,
            on_error=self._backup_failed, cancellable=False)

    def _backed_up(self, path: Path) -> None:
        self._set_busy(False)
        self.refresh()
        self.select(path.name)
        self._message(self.message_label, STATUS_DONE, translate(
            "BackupsView", "Backed up to %1").replace("%1", str(path)))

    def _backup_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._message(self.message_label, STATUS_ERROR, translate(
            "BackupsView", "The backup failed: %1").replace("%1", str(exc)))

    # -- restore ----------------------------------------------------------------------------
    def restore_selected(self) -> None:
        backup = self.selected_backup()
        if backup is None or not self.can_restore or self.busy:
            return
        password = RestoreDialog.ask(self, self.ctx, backup)
        if password is not None:
            self.restore(backup.path, password)

    def restore(self, backup: Path, password: str) -> None:
        """Close the register, put ``backup`` in its place (worker thread), then ask for a
        restart; the store is never open while its file is replaced."""
        target, username = Path(self.ctx.store.path), self.ctx.actor.username
        self._set_busy(True)
        show_error(self.message_label, "")
        self.restore_running.emit(True)
        self.ctx.store.close()
        before = os.stat(target)
        self.job = run_in_background(self, lambda _report: restore_backup(
            backup, target, username, password, force=True, own_window=True),
            title=translate("BackupsView", "Restoring the backup…"), on_done=self._restored,
            on_error=lambda exc: self._restore_failed(exc, target, before),
            cancellable=False, show_after_ms=0)

    def _restored(self, restored: Restored) -> None:
        kept = str(restored.replaced) if restored.replaced else "—"
        message = translate(
            "BackupsView", "The backup was restored to %1. The register it replaced was kept "
            "as %2. The program will now close: start it again and log in.") \
            .replace("%1", str(restored.path)).replace("%2", kept)
        self._message(self.message_label, STATUS_DONE, message)
        self.restart_required.emit(message)

    def _restore_failed(self, exc: BaseException, target: Path,
                        before: os.stat_result) -> None:
        untouched = False
        try:
            now = os.stat(target)
            untouched = (now.st_ino, now.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
        except OSError:
            pass
        reason = translate("BackupsView", "The password does not open this backup.") \
            if isinstance(exc, WrongPassword) else str(exc)
        if untouched:
            try:
                self.ctx.store.reopen()  # open the (unchanged) register again
            except Exception:  # any failure here means: start again
                untouched = False
        if untouched:
            self._set_busy(False)
            self.restore_running.emit(False)
            self._message(self.message_label, STATUS_ERROR, translate(
                "BackupsView", "Nothing was restored: %1").replace("%1", reason))
            return
        message = translate(
            "BackupsView", "The restore did not finish: %1. The previous register was kept "
            "beside %2 (its name ends in “.replaced-” and the time). The program will now "
            "close: start it again.").replace("%1", reason).replace("%2", str(target))
        self._message(self.message_label, STATUS_ERROR, message)
        self.restart_required.emit(message)

    # -- helpers ----------------------------------------------------------------------------
    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update_buttons()

    @staticmethod
    def _message(label: QLabel, color: QColor, text: str) -> None:
        set_text_colour(label, color)
        show_error(label, text)
