"""文书设置: what every printed form carries about the room — the header line, the room's address
and phone, the court named for judicial confirmation — and the room's own font.

Why on the settings page and checked here as well as in the service: every agreement handed to
the parties carries these values, so only the director or administrator may change them (the
service refuses anyone else too), and a refused value is said beside its field. The font is
checked with :func:`font_problem` before saving, because the service only checks that the file
exists, while the font chain would silently skip a file reportlab cannot embed and print in
another font instead.

Which font printing will use is shown on a line under the font. Finding it opens font files
(and asks fontconfig on Linux), which costs about a tenth of a second the first time, so it is
computed only once the panel is shown and after the font path is changed — never at start-up,
and reportlab is imported only then.
"""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.errors import (
    PermissionDenied,
    Problem,
    StoreUnavailable,
    ValidationError,
)
from mediation_desk.services.printing.document_settings import LABELS, DocumentSettings
from mediation_desk.store.changes import ChangeSet
from ui.context import AppContext
from ui.i18n import translate
from ui.icons import icon
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

#: The service's field labels (Problem.field) back to the panel's field names.
FIELD_BY_LABEL = {label: name for name, label in LABELS.items()}


def font_problem(path: str) -> str:
    """Why the chain could not use this file ("" when it can); reportlab imported only now."""
    from mediation_desk.documents.fonts import font_problem as problem

    return problem(path)


def font_in_use(room_font: str) -> str:
    """The family of the font body text will be printed in, and where it comes from, e.g.
    "LXGW WenKai（程序自带）". Raises ValidationError when no Chinese font is usable at all."""
    from reportlab.pdfbase import pdfmetrics

    from mediation_desk.documents.fonts import FontSource, bundled_font, chain_for

    face = pdfmetrics.getFont(chain_for(room_font, "body").primary).face
    family = getattr(face.familyName, "ustr", None) or str(face.familyName)
    used = FontSource(face.filename)
    if room_font and used.key == FontSource(room_font.partition("#")[0]).key:
        origin = translate("DocumentSettingsPanel", "%1 (the room's font)")
    elif used.path == bundled_font().path:
        origin = translate("DocumentSettingsPanel", "%1 (bundled)")
    else:
        origin = translate("DocumentSettingsPanel", "%1 (system font)")
    return origin.replace("%1", family)


class DocumentSettingsPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.can_edit = ctx.actor.role in ("director", "admin")
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self._checked_font: str | None = None  # the path the "will use" line describes
        self._problems: dict[str, str] = {}  # font_problem by path: opening a font is slow

        form = QFormLayout()
        for name, caption, hint in (
                ("header", translate("DocumentSettingsPanel", "Document &header"),
                 translate("DocumentSettingsPanel",
                           "Place name above every title, e.g. Hutou Town, Anxi County")),
                ("address", translate("DocumentSettingsPanel", "Room addr&ess"),
                 translate("DocumentSettingsPanel",
                           "Default place of mediation and of performance")),
                ("phone", translate("DocumentSettingsPanel", "Room pho&ne"),
                 translate("DocumentSettingsPanel", "Landline or mobile")),
                ("court", translate("DocumentSettingsPanel", "Confirming co&urt"),
                 translate("DocumentSettingsPanel",
                           "Basic court named in agreements, e.g. Anxi County People's Court"))):
            edit = QLineEdit()
            edit.setObjectName(f"document_{name}")
            edit.setAccessibleName(caption.replace("&", ""))
            edit.setPlaceholderText(hint)
            self.edits[name] = edit
            self.errors[name] = error = status_label(STATUS_ERROR)
            add_field_row(form, caption, edit, error)
            edit.textEdited.connect(lambda _text, e=error: show_error(e, ""))

        self.font_edit = QLineEdit()
        self.font_edit.setObjectName("document_font_path")
        self.font_edit.setAccessibleName(translate("DocumentSettingsPanel", "Printing font"))
        self.font_edit.setPlaceholderText(translate(
            "DocumentSettingsPanel", "Empty: a system font or the bundled font"))
        self.edits["font_path"] = self.font_edit
        self.choose_button = QPushButton(translate("DocumentSettingsPanel", "Choose f&ile…"))
        self.choose_button.setToolTip(translate(
            "DocumentSettingsPanel", "Choose a TrueType font file (.ttf or .ttc)"))
        font_row = QWidget()
        row = QHBoxLayout(font_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.font_edit, 1)
        row.addWidget(self.choose_button)
        font_row.setFocusProxy(self.font_edit)  # the caption's mnemonic lands in the path
        self.errors["font_path"] = status_label(STATUS_ERROR)
        font_label = translate("DocumentSettingsPanel", "Printing &font")
        add_field_row(form, font_label, font_row, self.errors["font_path"])
        self.font_in_use = status_label(STATUS_NOTE)
        self.font_in_use.setObjectName("font_in_use")
        item = form.itemAt(form.rowCount() - 1, QFormLayout.ItemRole.FieldRole)
        column = item.layout() if item is not None else None
        assert isinstance(column, QVBoxLayout)
        column.addWidget(self.font_in_use)  # under the font and its message, one column

        self.save_button = QPushButton(icon("save"), translate(
            "DocumentSettingsPanel", "Save docu&ment settings"))
        self.message = status_label(STATUS_DONE)
        self.permission = status_label(STATUS_ERROR, "" if self.can_edit else translate(
            "DocumentSettingsPanel", "Only the director or administrator can change these."))
        self.save_button.setToolTip(translate(
            "DocumentSettingsPanel", "Printed on every form from now on; forms already "
            "printed do not change."))  # a tooltip: a line more would push the page to scroll
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.message, 1)
        buttons.addStretch(1)  # the button keeps its size while the message is hidden
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.permission)
        layout.addLayout(form)
        layout.addLayout(buttons)

        for widget in (*self.edits.values(), self.choose_button, self.save_button):
            widget.setEnabled(self.can_edit)
        self.save_button.clicked.connect(self.save)
        for edit in self.edits.values():
            edit.returnPressed.connect(self.save)  # Enter saves, as elsewhere on the page
        self.choose_button.clicked.connect(self.choose_font)
        self.font_edit.textEdited.connect(lambda _text: show_error(self.errors["font_path"], ""))
        self.font_edit.editingFinished.connect(self.update_font_in_use)
        ctx.bus.changes_committed.connect(self._on_changes)
        self.load()

    # -- values -----------------------------------------------------------------------------
    def load(self) -> None:
        current = self.ctx.document_settings.get()
        for f in fields(current):
            self.edits[f.name].setText(getattr(current, f.name))
        if self.isVisible():
            self.update_font_in_use()

    def config(self) -> DocumentSettings:
        return DocumentSettings(**{name: edit.text() for name, edit in self.edits.items()})

    # -- the font ---------------------------------------------------------------------------
    def choose_font(self) -> None:
        start = self.font_edit.text().strip()
        path, _filter = QFileDialog.getOpenFileName(
            self, translate("DocumentSettingsPanel", "Choose the printing font"), start,
            translate("DocumentSettingsPanel", "TrueType fonts (*.ttf *.ttc)"))
        if path:
            self.use_font(path)

    def use_font(self, path: str) -> None:
        """Put a chosen file in the field, say at once if it cannot be used, and which font
        printing would then use (what the file dialog's answer goes to)."""
        self.font_edit.setText(path)
        self.update_font_in_use()

    def _font_problem(self, path: str) -> str:
        if path not in self._problems:
            self._problems[path] = font_problem(path)
        return self._problems[path]

    def update_font_in_use(self) -> None:
        """Say which font printing will use with the path in the field (and why the path's
        own font will not be used, if it will not)."""
        path = self.font_edit.text().strip()
        if path == self._checked_font:
            return
        self._checked_font = path
        problem = self._font_problem(path) if path else ""
        show_error(self.errors["font_path"], problem)
        try:
            text = translate("DocumentSettingsPanel", "Printing will use: %1").replace(
                "%1", font_in_use("" if problem else path))
        except ValidationError as exc:
            self._line(STATUS_ERROR, "；".join(p.reason for p in exc.problems))
            return
        self._line(STATUS_NOTE, text)

    def _line(self, color: QColor, text: str) -> None:
        set_text_colour(self.font_in_use, color)
        show_error(self.font_in_use, text)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._checked_font is None:  # first shown: let the page paint, then look
            QTimer.singleShot(0, self, self.update_font_in_use)

    # -- saving -----------------------------------------------------------------------------
    def save(self) -> bool:
        """Save the settings; each refused value is shown beside its field, nothing is stored."""
        for label in (*self.errors.values(), self.message):
            show_error(label, "")
        config = self.config()
        font = config.font_path.strip()
        try:
            if font and self.can_edit and (reason := self._font_problem(font)):
                raise ValidationError(Problem("", LABELS["font_path"], reason))
            self.ctx.document_settings.update(config)
        except ValidationError as exc:
            rest = place_problems(exc.problems, self.errors,
                                  lambda problem: FIELD_BY_LABEL.get(problem.field))
            if rest:
                self._say(STATUS_ERROR, rest)
            return False
        except (PermissionDenied, StoreUnavailable) as exc:
            self._say(STATUS_ERROR, str(exc))
            return False
        self._say(STATUS_DONE, translate("DocumentSettingsPanel", "Document settings saved."))
        self.load()  # the stored spelling (a phone number is normalised)
        return True

    def _say(self, color: QColor, text: str) -> None:
        set_text_colour(self.message, color)
        show_error(self.message, text)

    def _on_changes(self, changes: ChangeSet) -> None:
        if "settings" in changes.kinds:
            self.load()
