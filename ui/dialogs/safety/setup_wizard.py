"""The first start: name the room, choose the case-number prefix, create the administrator,
then show the recovery key once.

Why the recovery key page cannot be skipped: the register is encrypted, and the key printed
for the director's safe is the only way back in if every password is forgotten. It is shown
once, never stored in clear, so finishing requires ticking "I have written it down".
SettingsService needs an open register, so the number preview uses the domain function.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSettings, Qt
from PySide6.QtGui import QFont, QFontDatabase, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from mediation_desk import clock
from mediation_desk.domain.case_number import DEFAULT_PATTERN, format_case_number
from mediation_desk.errors import DomainError, StoreUnavailable, ValidationError
from mediation_desk.services.safety.accounts import (
    MIN_PASSWORD,
    RoomSettings,
    check_password,
    check_username,
    create_register,
)
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.database import Store
from ui.dialogs.safety.login_dialog import SETTINGS_LAST_USER
from ui.i18n import translate
from ui.icons import icon
from ui.widgets.field_error import add_field_row, error_label, show_error

DEFAULT_ROOM = "问房调解室"
DEFAULT_COMMITTEE = "湖头镇人民调解委员会"
DEFAULT_PREFIX = "湖头"


def _field(form: QFormLayout, caption: str, edit: QLineEdit) -> QLabel:
    """Add a captioned line edit with its error label below it; returns the error label."""
    edit.setAccessibleName(caption.replace("&", ""))
    error = error_label()
    add_field_row(form, caption, edit, error)
    edit.textEdited.connect(lambda _text: show_error(error, ""))  # the fix is under way
    return error


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color:#546e7a")
    return label


class RoomPage(QWizardPage):
    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(translate("SetupWizard", "Welcome to Mediation Desk"))
        self.setSubTitle(translate(
            "SetupWizard", "There is no register on this computer yet. First, name the "
            "mediation room and its committee as they appear on documents."))
        self.room_edit = QLineEdit(DEFAULT_ROOM)
        self.committee_edit = QLineEdit(DEFAULT_COMMITTEE)
        form = QFormLayout(self)
        self.room_error = _field(form, translate("SetupWizard", "&Room name"), self.room_edit)
        self.committee_error = _field(form, translate("SetupWizard", "&Committee name"),
                                      self.committee_edit)
        form.addRow(_note(translate("SetupWizard", "The register will be created at: %1")
                          .replace("%1", str(path))))

    def validatePage(self) -> bool:
        empty = translate("SetupWizard", "Please fill this in.")
        show_error(self.room_error, "" if self.room_edit.text().strip() else empty)
        show_error(self.committee_error, "" if self.committee_edit.text().strip() else empty)
        return not (self.room_error.text() or self.committee_error.text())


class NumberPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(translate("SetupWizard", "Case numbers"))
        self.setSubTitle(translate(
            "SetupWizard", "Every case gets a number with the committee's short name. The "
            "full pattern can be changed later under Settings."))
        self.prefix_edit = QLineEdit(DEFAULT_PREFIX)
        self.preview_label = QLabel()
        self.preview_label.setAccessibleName(translate("SetupWizard", "Example case number"))
        self.preview_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout(self)
        self.prefix_error = _field(form, translate("SetupWizard", "Number &prefix"),
                                   self.prefix_edit)
        form.addRow(translate("SetupWizard", "Example"), self.preview_label)
        self.prefix_edit.textChanged.connect(self.update_preview)
        self.update_preview()

    def update_preview(self) -> None:
        prefix = self.prefix_edit.text().strip()
        try:
            example = format_case_number(DEFAULT_PATTERN, year=clock.today().year, seq=1,
                                         prefix=prefix or "…")
        except DomainError as exc:  # cannot happen with the default pattern; shown if it does
            example = exc.reason
        self.preview_label.setText(f"<b>{example}</b>")

    def validatePage(self) -> bool:
        ok = bool(self.prefix_edit.text().strip())
        show_error(self.prefix_error, "" if ok else translate("SetupWizard",
                                                              "Please fill this in."))
        return ok


class AdminPage(QWizardPage):
    """The administrator account; Next ("Create register") creates the register."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(translate("SetupWizard", "Administrator"))
        self.setSubTitle(translate(
            "SetupWizard", "The administrator manages accounts and settings. Mediators' "
            "accounts can be added after the first login."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton,
                           translate("SetupWizard", "Create register"))
        self.username_edit = QLineEdit("admin")
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout(self)
        self.username_error = _field(form, translate("SetupWizard", "&User name"),
                                     self.username_edit)
        self.password_error = _field(form, translate("SetupWizard", "&Password"),
                                     self.password_edit)
        self.repeat_error = _field(form, translate("SetupWizard", "&Repeat password"),
                                   self.repeat_edit)
        form.addRow(_note(translate("SetupWizard", "At least %1 characters. The register "
                                    "is encrypted with it: choose one you will remember.")
                          .replace("%1", str(MIN_PASSWORD))))
        self.general_error = error_label()
        form.addRow(self.general_error)

    def check(self) -> bool:
        """Inline checks before anything is written; True when all fields are acceptable."""
        for label in (self.username_error, self.password_error, self.repeat_error,
                      self.general_error):
            show_error(label, "")
        for checker, value, label in ((check_username, self.username_edit.text(),
                                     self.username_error),
                                    (check_password, self.password_edit.text(),
                                     self.password_error)):
            try:
                checker(value)
            except ValidationError as exc:
                show_error(label, "；".join(p.reason for p in exc.problems))
        if self.repeat_edit.text() != self.password_edit.text():
            show_error(self.repeat_error, translate("SetupWizard",
                                                    "The two passwords do not match."))
        return not any(label.text() for label in (self.username_error, self.password_error,
                                                  self.repeat_error))

    def validatePage(self) -> bool:
        return self.check() and self._wizard.create()


class RecoveryPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(translate("SetupWizard", "Recovery key"))
        self.setSubTitle(translate(
            "SetupWizard", "The register has been created. This is its recovery key; it is "
            "shown only this once."))
        self.key_label = QLabel()
        self.key_label.setAccessibleName(translate("SetupWizard", "Recovery key"))
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(QApplication.font().pointSizeF() * 1.7)
        font.setBold(True)
        self.key_label.setFont(font)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                               | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.key_label.setFrameShape(QFrame.Shape.Box)
        self.key_label.setStyleSheet("background:#fffde7;padding:14px")
        instruction = QLabel(self.instruction())
        instruction.setWordWrap(True)
        self.confirm_box = QCheckBox(translate("SetupWizard",
                                               "I have &written down the recovery key"))
        self.confirm_box.toggled.connect(lambda _on: self.completeChanged.emit())
        layout = QVBoxLayout(self)
        layout.addWidget(self.key_label)
        layout.addSpacing(8)
        layout.addWidget(instruction)
        self.print_button = QPushButton(icon("print"), translate("SetupWizard", "&Print…"))
        self.print_button.clicked.connect(self._print)
        layout.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        layout.addWidget(self.confirm_box)

    @staticmethod
    def instruction() -> str:
        return translate(
            "SetupWizard", "Write this key down or print it, and keep it in the director's "
            "safe. If every password is forgotten, only this key opens the register. Anyone "
            "who has it can read all cases: do not keep it with the computer.")

    def isComplete(self) -> bool:
        return self.confirm_box.isChecked()

    def _print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            wizard = self.wizard()
            if isinstance(wizard, SetupWizard):
                wizard.print_recovery_key(printer)


class SetupWizard(QWizard):
    """Creates the register at ``path``; ``store``/``actor`` are set once it exists."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.store: Store | None = None
        self.actor: Actor | None = None
        self.recovery_key = ""
        self.setWindowTitle(translate("SetupWizard", "Set up Mediation Desk"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setMinimumSize(680, 500)
        self.room_page = RoomPage(self.path)
        self.number_page = NumberPage()
        self.admin_page = AdminPage(self)
        self.recovery_page = RecoveryPage()
        for page in (self.room_page, self.number_page, self.admin_page, self.recovery_page):
            self.addPage(page)
        self.currentIdChanged.connect(self._page_changed)

    def _page_changed(self) -> None:
        # Cancel does nothing once the register exists (see reject), so it is not offered.
        self.setOption(QWizard.WizardOption.NoCancelButton,
                       self.currentPage() is self.recovery_page)

    def room_settings(self) -> RoomSettings:
        return RoomSettings(self.room_page.room_edit.text().strip(),
                            self.room_page.committee_edit.text().strip(),
                            self.number_page.prefix_edit.text().strip())

    def create(self) -> bool:
        """Create the encrypted register; problems go beside the fields, nothing half made."""
        if self.store is not None:
            return True
        page = self.admin_page
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            store, actor, recovery = create_register(
                self.path, self.room_settings(), page.username_edit.text(),
                page.password_edit.text(), encrypted=True)
        except ValidationError as exc:
            targets = {"用户名": page.username_error, "密码": page.password_error}
            rest = []
            for problem in exc.problems:
                if problem.field in targets:
                    show_error(targets[problem.field], problem.reason)
                else:
                    rest.append(str(problem))
            show_error(page.general_error, "；".join(rest))
            return False
        except StoreUnavailable as exc:
            show_error(page.general_error, str(exc))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.store, self.actor, self.recovery_key = store, actor, recovery or ""
        self.recovery_page.key_label.setText(self.recovery_key)
        QSettings().setValue(SETTINGS_LAST_USER, actor.username)
        return True

    def print_recovery_key(self, printer: QPrinter) -> None:
        """One page for the safe: whose register, where it is, the key and what it is for."""
        room = self.room_settings()
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        painter = QPainter(printer)
        try:
            body = QFont(QApplication.font())
            body.setPointSizeF(12)
            mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
            mono.setPointSizeF(20)
            mono.setBold(True)
            lines = [(body, f"{room.committee}　{room.room}"),
                     (body, translate("SetupWizard", "Recovery key of the register %1")
                      .replace("%1", str(self.path))),
                     (body, clock.today().isoformat()), (mono, self.recovery_key),
                     (body, RecoveryPage.instruction())]
            top = float(area.top())
            for font, text in lines:
                painter.setFont(font)
                rect = QRectF(area.left(), top, area.width(), area.height())
                used = painter.boundingRect(rect, int(Qt.TextFlag.TextWordWrap), text)
                painter.drawText(rect, int(Qt.TextFlag.TextWordWrap), text)
                top += used.height() + painter.fontMetrics().height()
        finally:
            painter.end()

    def reject(self) -> None:
        # Once the register exists the key must be acknowledged: Esc and the close button
        # do nothing until the box is ticked and Finish is pressed.
        if self.store is not None:
            return
        super().reject()

    @classmethod
    def ask(cls, parent: QWidget | None, path: Path) -> tuple[Store, Actor] | None:
        wizard = cls(path, parent)
        accepted = wizard.exec() == QWizard.DialogCode.Accepted
        if wizard.store is None or wizard.actor is None:
            return None
        if not accepted:  # pragma: no cover - reject is refused after creation
            wizard.store.close()
            return None
        return wizard.store, wizard.actor
