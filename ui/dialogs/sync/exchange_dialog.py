"""同步: exchange with the desk (on a laptop) or with the laptops (on the desk) on a stick.

Why one big button that imports and then exports: a mediator back from the villages, or the
desk before a patrol leaves, does both every time, in that order (what came in is then
acknowledged in what goes out). The separate buttons stay for the rare half-exchange.
The work runs on a worker thread (a stick is slow); what went out, what came in and the
conflicts to review are listed in the dialog, which stays open until closed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.errors import PermissionDenied, StoreUnavailable, ValidationError
from mediation_desk.services.sync.exporter import Exported
from mediation_desk.services.sync.importer import Imported
from ui.context import AppContext
from ui.dialogs.sync.conflicts_dialog import ConflictsDialog
from ui.i18n import translate
from ui.icons import icon
from ui.widgets.field_error import FieldError
from ui.workers import Job, on_worker, run_in_background

FOLDER_KEY = "sync/folder"
#: What an exchange job gives back: what came in, what went out, why export failed.
Outcome = tuple[Imported | None, Exported | None, BaseException | None]


def _reason(exc: BaseException) -> str:
    if isinstance(exc, ValidationError):
        return "\n".join(str(p) for p in exc.problems)
    return str(exc)


@dataclass
class ExchangeResult:
    """What an exchange did, for the caller (the laptops page refreshes from it)."""

    imported: Imported | None = None
    exported: Exported | None = None
    lines: list[str] = field(default_factory=list)


def describe_import(done: Imported) -> list[str]:
    lines = [translate("ExchangeDialog", "Imported %1 bundle(s) with %2 change(s); %3 skipped.")
             .replace("%1", str(done.applied)).replace("%2", str(done.changes))
             .replace("%3", str(done.skipped))]
    lines += done.notes + done.warnings
    if done.conflicts:
        lines.append(translate("ExchangeDialog", "%1 conflict(s) to review.")
                     .replace("%1", str(done.conflicts)))
    return lines


def describe_export(done: Exported) -> list[str]:
    lines = [translate("ExchangeDialog", "For %1: %2 change(s) in %3")
             .replace("%1", b.to_name).replace("%2", str(b.changes)).replace("%3", str(b.path))
             for b in done.bundles]
    lines += [translate("ExchangeDialog", "Case numbers leased: %1").replace("%1", text)
              for text in done.leased]
    return lines


class ExchangeDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result_ = ExchangeResult()
        self.job: Job | None = None
        self.setWindowTitle(translate("ExchangeDialog", "Exchange with laptops"))
        self.setWindowIcon(icon("exchange"))
        self.resize(760, 520)

        laptop = ctx.sync.status().role == "laptop"
        intro = QLabel(translate(
            "ExchangeDialog", "Plug in the USB stick (or choose the shared folder). "
            "“Exchange” first brings in what the other side wrote there, then writes what "
            "it does not have yet.") + "\n" + (
            translate("ExchangeDialog", "This computer is a patrol laptop: it exchanges with "
                                        "the room's desk.") if laptop else
            translate("ExchangeDialog", "This computer is the room's desk: it writes a bundle "
                                        "for every enrolled laptop.")))
        intro.setWordWrap(True)
        self.folder_edit = QLineEdit(str(QSettings().value(FOLDER_KEY, "") or ""))
        self.folder_edit.setAccessibleName(translate("ExchangeDialog", "Stick or folder"))
        self.folder_edit.setPlaceholderText(translate("ExchangeDialog",
                                                      "The USB stick or shared folder"))
        self.browse_button = QPushButton(icon("folder"), translate("ExchangeDialog",
                                                                   "&Browse…"))
        folder_row = QHBoxLayout()
        folder_label = QLabel(translate("ExchangeDialog", "&Stick or folder"))
        folder_label.setBuddy(self.folder_edit)
        folder_row.addWidget(folder_label)
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.browse_button)
        self.folder_error = FieldError()

        self.exchange_button = QPushButton(icon("exchange"),
                                           translate("ExchangeDialog", "&Exchange"))
        self.exchange_button.setDefault(True)
        self.import_button = QPushButton(icon("import"), translate("ExchangeDialog",
                                                                   "&Import only"))
        self.export_button = QPushButton(icon("export"), translate("ExchangeDialog",
                                                                   "Ex&port only"))
        buttons_row = QHBoxLayout()
        for button in (self.exchange_button, self.import_button, self.export_button):
            buttons_row.addWidget(button)
        buttons_row.addStretch(1)

        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        self.log.setAccessibleName(translate("ExchangeDialog", "What went out and came in"))
        self.log.setPlaceholderText(translate("ExchangeDialog",
                                              "What went out and came in is listed here."))
        self.conflicts_button = QPushButton(icon("conflict", "danger"), "")
        self.conflicts_button.clicked.connect(self.review_conflicts)
        self.close_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_box.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(folder_row)
        layout.addWidget(self.folder_error)
        layout.addLayout(buttons_row)
        layout.addWidget(self.log, 1)
        layout.addWidget(self.conflicts_button)
        layout.addWidget(self.close_box)

        self.browse_button.clicked.connect(self.browse)
        self.folder_edit.textEdited.connect(lambda _t: self.folder_error.clear())
        self.exchange_button.clicked.connect(lambda: self.start(True, True))
        self.import_button.clicked.connect(lambda: self.start(True, False))
        self.export_button.clicked.connect(lambda: self.start(False, True))
        self._update_conflicts()

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext) -> ExchangeResult | None:
        dialog = cls(ctx, parent)
        dialog.exec()
        done = dialog.result_
        return done if done.imported or done.exported else None

    def browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, translate("ExchangeDialog", "Stick or folder"), self.folder_edit.text())
        if chosen:
            self.folder_edit.setText(chosen)
            self.folder_error.clear()

    def start(self, bring_in: bool, send_out: bool) -> None:
        text = self.folder_edit.text().strip()
        folder = Path(text)
        if not text or not folder.is_dir():
            self.folder_error.show_error(translate(
                "ExchangeDialog", "Choose an existing folder (the USB stick)."))
            self.folder_edit.setFocus()
            return
        QSettings().setValue(FOLDER_KEY, text)
        self._busy(True)
        store, sync = self.ctx.store, self.ctx.sync

        def work(report: Any) -> Outcome:
            def both() -> Outcome:
                imported = sync.import_(folder) if bring_in else None
                report(1, 2)
                try:
                    exported = sync.export(folder) if send_out else None
                except (ValidationError, StoreUnavailable, PermissionDenied) as exc:
                    return imported, None, exc  # what came in stays in, and is shown
                return imported, exported, None
            return on_worker(store, both)  # type: ignore[no-any-return]

        self.job = run_in_background(self, work, title=translate("ExchangeDialog",
                                                                 "Exchanging…"),
                                     on_done=self._done, on_error=self._failed,
                                     cancellable=False)

    def _done(self, outcome: Outcome) -> None:
        imported, exported, failed = outcome
        lines: list[str] = []
        if imported is not None:
            self.result_.imported = imported
            lines += describe_import(imported)
        if exported is not None:
            self.result_.exported = exported
            lines += describe_export(exported)
        self.result_.lines += lines
        self.log.appendPlainText("\n".join(lines))
        if failed is not None:
            self.log.appendPlainText(translate("ExchangeDialog", "Nothing was written to the "
                                                                 "stick:") + "\n" + _reason(failed))
        self._busy(False)
        self._update_conflicts()

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        if not isinstance(exc, ValidationError | StoreUnavailable | PermissionDenied):
            raise exc
        self.log.appendPlainText(translate("ExchangeDialog", "Nothing was imported:") + "\n"
                                 + _reason(exc))

    def _busy(self, busy: bool) -> None:
        for widget in (self.exchange_button, self.import_button, self.export_button,
                       self.browse_button, self.folder_edit):
            widget.setEnabled(not busy)

    def _update_conflicts(self) -> None:
        count = self.ctx.conflicts.open_count()
        self.conflicts_button.setText(translate("ExchangeDialog", "Review %1 conflict(s)…")
                                      .replace("%1", str(count)))
        self.conflicts_button.setVisible(count > 0)

    def review_conflicts(self) -> None:
        ConflictsDialog.ask(self, self.ctx)
        self._update_conflicts()
