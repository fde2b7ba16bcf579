"""文书: every form of the case with whether it can be printed, the printouts filed so far, and
whether the file (卷宗) is complete enough to archive.

Why the missing fields are on the row itself: a mediator printing an agreement in a village
office needs to see "被申请人 住址：未填写" before pressing anything, not a refusal afterwards.
The completeness panel shows the very list the archive step refuses with, so what the tab
says and what 归档 does never disagree.

Loading is lazy: forms are checked by reading the whole case file, so the tab refreshes only
when it is visible (or becomes visible) after the case changed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.errors import NotFound, StoreUnavailable, ValidationError
from mediation_desk.services.cases.detail import CaseDetail
from mediation_desk.services.printing.dossier import DossierItem, gaps
from mediation_desk.services.printing.service import FormChoice, PrintedView, RenderedDocument
from ui.context import AppContext
from ui.dialogs.preview_dialog import PreviewDialog, problems_text
from ui.i18n import translate
from ui.icons import icon
from ui.views.cases.tabs.batch_print import BatchPrint
from ui.views.cases.tabs.common import MUTED, OVERDUE, cell, show_time
from ui.widgets.column_fit import fit_columns
from ui.widgets.tables import read_only_table

OK_COLOUR = "#2e7d32"
LACKING_COLOUR = "#bf360c"
COL_FORM, COL_STATE = range(2)
COL_P_TITLE, COL_P_AT, COL_P_ACTION, COL_P_USER, COL_P_COPIES, COL_P_PAGES, COL_P_HASH = range(7)
COL_D_NO, COL_D_TITLE, COL_D_NEED, COL_D_STATE = range(4)
HASH_PREFIX = 12
#: Ctrl+P opens the first of these the case can print (the paper the parties take home).
PREFERRED_KINDS = ("agreement", "oral-agreement", "termination", "intake", "application")
BATCH_DOSSIER, BATCH_CHECKED = "dossier", "checked"
MESSAGE_STYLE = {
    "info": "background:#e8f5e9;color:#1b5e20;border:1px solid #a5d6a7;",
    "error": "background:#ffebee;color:#b71c1c;border:1px solid #c62828;",
}


def printable(choice: FormChoice) -> bool:
    return choice.available and choice.applies


class DocumentsTab(QWidget):
    #: (case_id) after a printout or a saved PDF was filed; the case view reloads from the bus.
    printed_filed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail: CaseDetail | None = None
        self.choices: list[FormChoice] = []
        self.printed: list[PrintedView] = []
        self.items: list[DossierItem] = []
        self.missing: list[str] = []
        self._dirty = True
        self.setObjectName("documents-tab")

        self.forms_table = read_only_table(
            [translate("DocumentsTab", "Form"), translate("DocumentsTab", "Can it be printed?")],
            COL_STATE, translate("DocumentsTab", "Forms of this case"))
        self.forms_table.setObjectName("documents-forms")
        self.form_columns = fit_columns(self.forms_table, {COL_FORM: 230}, row_height=26)
        self.forms_table.itemSelectionChanged.connect(self._update_buttons)
        self.forms_table.itemDoubleClicked.connect(lambda *_: self.preview_selected())
        self.preview_button = QPushButton(icon("preview"), translate("DocumentsTab", "Pre&view"))
        self.preview_button.setObjectName("documents-preview")
        self.print_button = QPushButton(icon("print"), translate("DocumentsTab", "P&rint…"))
        self.print_button.setObjectName("documents-print")
        self.batch_box = QComboBox()
        self.batch_box.setAccessibleName(translate("DocumentsTab", "What to print together"))
        self.batch_box.addItem(translate("DocumentsTab", "The whole case file, in order"),
                               BATCH_DOSSIER)
        self.batch_box.addItem(translate("DocumentsTab", "The ticked forms"), BATCH_CHECKED)
        self.batch_button = QPushButton(icon("print"), translate("DocumentsTab", "&Batch print…"))
        self.batch_button.setObjectName("documents-batch")
        self.preview_button.clicked.connect(self.preview_selected)
        self.print_button.clicked.connect(lambda: self.preview_selected(start_printing=True))
        self.batch_button.clicked.connect(self.batch_clicked)
        self.message_label = QLabel()
        self.message_label.setObjectName("documents-message")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.hide()

        forms_box = QGroupBox(translate("DocumentsTab", "Forms"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(self.batch_box)
        buttons.addWidget(self.batch_button)
        forms_layout = QVBoxLayout(forms_box)
        forms_layout.addWidget(self.forms_table, 1)
        forms_layout.addLayout(buttons)

        self.completeness_label = QLabel()
        self.completeness_label.setObjectName("documents-completeness")
        self.completeness_label.setWordWrap(True)
        self.completeness_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dossier_table = read_only_table(
            ["#", translate("DocumentsTab", "Item"), translate("DocumentsTab", "Required"),
             translate("DocumentsTab", "In the file")], COL_D_STATE,
            translate("DocumentsTab", "Case file checklist"))
        self.dossier_table.setObjectName("documents-dossier")
        # The material and its state share the narrow pane and wrap; number and requirement
        # as wide as their text.
        self.dossier_table.horizontalHeader().setSectionResizeMode(
            COL_D_TITLE, QHeaderView.ResizeMode.Stretch)
        self.dossier_columns = fit_columns(self.dossier_table, {
            COL_D_NO: "13", COL_D_NEED: "视情况"}, row_height=24)
        dossier_box = QGroupBox(translate("DocumentsTab", "Case file (卷宗) before archiving"))
        dossier_layout = QVBoxLayout(dossier_box)
        dossier_layout.addWidget(self.completeness_label)
        dossier_layout.addWidget(self.dossier_table, 1)

        self.printed_table = read_only_table(
            [translate("DocumentsTab", "Document"), translate("DocumentsTab", "Time"),
             translate("DocumentsTab", "Action"), translate("DocumentsTab", "By"),
             translate("DocumentsTab", "Copies"), translate("DocumentsTab", "Pages"),
             translate("DocumentsTab", "SHA-256")], COL_P_TITLE,
            translate("DocumentsTab", "Documents printed for this case"))
        self.printed_table.setObjectName("documents-printed")
        self.printed_columns = fit_columns(self.printed_table, {
            COL_P_AT: "2026-11-20 14:30", COL_P_ACTION: 90, COL_P_USER: 90, COL_P_COPIES: 50,
            COL_P_PAGES: 50, COL_P_HASH: 120}, row_height=24)
        printed_box = QGroupBox(translate("DocumentsTab", "Printed and saved"))
        printed_layout = QVBoxLayout(printed_box)
        printed_layout.addWidget(self.printed_table)

        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(forms_box)
        top.addWidget(dossier_box)
        top.setStretchFactor(0, 1)
        top.setStretchFactor(1, 1)
        top.setSizes([600, 600])  # the checklist's notes need as much room as the forms
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(printed_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_label)
        layout.addWidget(split, 1)
        self.batch = BatchPrint(self)
        self._update_buttons()

    # -- data -------------------------------------------------------------------------------
    def show_detail(self, detail: CaseDetail) -> None:
        """Called on every reload of the case view; the forms are read when visible."""
        self.detail = detail
        self._dirty = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def refresh(self) -> None:
        if self.detail is None:
            return
        case_id = self.detail.id
        try:
            self.choices = self.ctx.printing.forms(case_id)
            self.printed = self.ctx.printing.printed(case_id)
            self.items = self.ctx.dossier.items(case_id)
        except (StoreUnavailable, NotFound) as exc:
            self.show_message(str(exc), error=True)
            return
        self._dirty = False
        self.missing = gaps(self.items)
        self._show_forms()
        self._show_dossier()
        self._show_printed()
        self._update_buttons()

    def _show_forms(self) -> None:
        selected = self.selected_kind()
        table = self.forms_table
        table.setRowCount(len(self.choices))
        for row, choice in enumerate(self.choices):
            name = QTableWidgetItem(choice.title)
            name.setData(Qt.ItemDataRole.UserRole, choice.kind)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if printable(choice) and choice.kind != "dossier":
                flags |= Qt.ItemFlag.ItemIsUserCheckable
                name.setCheckState(Qt.CheckState.Unchecked)
            name.setFlags(flags)
            lines = "\n".join(choice.missing)
            if not choice.applies:
                # No such paper in this case (yet): no agreement, no termination…
                state = cell(translate("DocumentsTab", "Not part of this case yet"), lines,
                             MUTED)
                name.setForeground(Qt.GlobalColor.gray)
            elif choice.missing:
                state = cell(translate("DocumentsTab", "Fill in first: %1").replace(
                    "%1", "；".join(choice.missing)), lines, LACKING_COLOUR)
                name.setForeground(Qt.GlobalColor.gray)
                name.setToolTip(lines)
            else:
                state = cell(translate("DocumentsTab", "Ready to print"), "", OK_COLOUR)
            table.setItem(row, COL_FORM, name)
            table.setItem(row, COL_STATE, state)
        table.resizeRowsToContents()
        if selected:
            self.select_kind(selected)

    def _show_dossier(self) -> None:
        table = self.dossier_table
        table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            table.setItem(row, COL_D_NO, cell(str(item.number)))
            table.setItem(row, COL_D_TITLE, cell(item.title, item.title))
            table.setItem(row, COL_D_NEED, cell(
                translate("DocumentsTab", "required") if item.required
                else translate("DocumentsTab", "as needed"), "", "" if item.required else MUTED))
            if item.present:
                text, colour = translate("DocumentsTab", "present"), OK_COLOUR
            elif item.required:
                text, colour = translate("DocumentsTab", "MISSING"), OVERDUE
            else:
                text, colour = translate("DocumentsTab", "—"), MUTED
            if item.note:
                text += f"（{item.note}）"
            state = cell(text, item.note, colour)
            table.setItem(row, COL_D_STATE, state)
        table.resizeRowsToContents()
        if self.detail is not None and self.detail.status == "archived":
            self._completeness(translate("DocumentsTab", "The case is archived."), OK_COLOUR)
        elif self.missing:
            # The very words the archive step refuses with (casework: 卷宗 缺少：…).
            self._completeness(translate("DocumentsTab", "Cannot be archived yet. Missing: %1")
                               .replace("%1", "、".join(self.missing)), OVERDUE)
        else:
            self._completeness(translate(
                "DocumentsTab", "All required items are in the file; the case can be archived "
                "once closed."), OK_COLOUR)

    def _completeness(self, text: str, colour: str) -> None:
        self.completeness_label.setText(text)
        self.completeness_label.setStyleSheet(f"color:{colour};font-weight:bold;")

    def _show_printed(self) -> None:
        table = self.printed_table
        table.setRowCount(len(self.printed))
        for row, p in enumerate(self.printed):
            action = (translate("DocumentsTab", "printed") if p.action == "print"
                      else translate("DocumentsTab", "saved as PDF"))
            table.setItem(row, COL_P_TITLE, cell(p.title, p.kind, data=p.id))
            table.setItem(row, COL_P_AT, cell(show_time(p.at)))
            table.setItem(row, COL_P_ACTION, cell(action))
            table.setItem(row, COL_P_USER, cell(p.user_name))
            table.setItem(row, COL_P_COPIES, cell(str(p.copies) if p.action == "print" else "—"))
            table.setItem(row, COL_P_PAGES, cell(str(p.pages)))
            table.setItem(row, COL_P_HASH, cell(p.sha256[:HASH_PREFIX], p.sha256))

    # -- selection --------------------------------------------------------------------------
    def choice(self, kind: str) -> FormChoice | None:
        return next((c for c in self.choices if c.kind == kind), None)

    def selected_kind(self) -> str:
        rows = self.forms_table.selectionModel().selectedRows()
        if not rows:
            return ""
        item = self.forms_table.item(rows[0].row(), COL_FORM)
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def select_kind(self, kind: str) -> bool:
        for row, choice in enumerate(self.choices):
            if choice.kind == kind:
                self.forms_table.selectRow(row)
                return True
        return False

    def checked_kinds(self) -> list[str]:
        kinds = []
        for row in range(self.forms_table.rowCount()):
            item = self.forms_table.item(row, COL_FORM)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                kinds.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return kinds

    def set_checked(self, kinds: list[str]) -> None:
        for row in range(self.forms_table.rowCount()):
            item = self.forms_table.item(row, COL_FORM)
            if item is not None and item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                kind = str(item.data(Qt.ItemDataRole.UserRole))
                item.setCheckState(Qt.CheckState.Checked if kind in kinds
                                   else Qt.CheckState.Unchecked)

    def _update_buttons(self) -> None:
        choice = self.choice(self.selected_kind())
        ready = choice is not None and printable(choice) and not self.batch.running
        self.preview_button.setEnabled(ready)
        self.print_button.setEnabled(ready)
        self.batch_button.setEnabled(bool(self.choices) and not self.batch.running)
        if choice is not None and choice.applies and choice.missing:
            tip = translate("DocumentsTab", "Fill in first: %1").replace(
                "%1", "；".join(choice.missing))
        else:
            tip = ""
        self.preview_button.setToolTip(tip)
        self.print_button.setToolTip(tip)

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(MESSAGE_STYLE["error" if error else "info"]
                                         + "padding:6px;border-radius:3px;")
        self.message_label.setVisible(bool(text))

    # -- actions ----------------------------------------------------------------------------
    def render_form(self, kind: str) -> RenderedDocument | None:
        """Build one form; a refusal (fields to fill, unprintable characters) goes to the
        message line and nothing is printed."""
        if self.detail is None:
            return None
        # A form takes ~0.1 s, the whole dossier about a second: say the window is busy.
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return self.ctx.printing.render(self.detail.id, kind)
        except ValidationError as exc:
            choice = self.choice(kind)
            title = choice.title if choice is not None else kind
            self.show_message(translate("DocumentsTab", "%1 cannot be printed: %2").replace(
                "%1", title).replace("%2", problems_text(exc)), error=True)
        except (StoreUnavailable, NotFound) as exc:
            self.show_message(str(exc), error=True)
        finally:
            QApplication.restoreOverrideCursor()
        return None

    def preview_selected(self, start_printing: bool = False) -> list[str]:
        kind = self.selected_kind()
        choice = self.choice(kind)
        if choice is None or not printable(choice):
            return []
        return self.preview(kind, start_printing=start_printing)

    def preview(self, kind: str, *, start_printing: bool = False) -> list[str]:
        document = self.render_form(kind)
        if document is None or self.detail is None:
            return []
        self.show_message("")
        filed = PreviewDialog.ask(self, self.ctx, document, number=self.detail.number,
                                  start_printing=start_printing)
        if filed:
            self.printed_filed.emit(document.case_id)
        return filed

    def default_kind(self) -> str:
        """The form Ctrl+P opens: the selected one, else the case's main paper."""
        selected = self.choice(self.selected_kind())
        if selected is not None and printable(selected):
            return selected.kind
        for kind in PREFERRED_KINDS:
            choice = self.choice(kind)
            if choice is not None and printable(choice):
                return kind
        return next((c.kind for c in self.choices if printable(c)), "")

    def print_default(self) -> list[str]:
        """Ctrl+P: refresh, pick the case's main document and open its preview."""
        if self._dirty:
            self.refresh()
        kind = self.default_kind()
        if not kind:
            self.show_message(translate("DocumentsTab", "No form of this case can be printed "
                                                        "yet; see what each one lacks."),
                              error=True)
            return []
        self.select_kind(kind)
        return self.preview(kind)

    def batch_clicked(self) -> None:
        if self.batch_box.currentData() == BATCH_DOSSIER:
            kinds = ["dossier"]
            choice = self.choice("dossier")
            if choice is not None and not choice.available:
                self.show_message(translate("DocumentsTab", "%1 cannot be printed: %2").replace(
                    "%1", choice.title).replace("%2", "；".join(choice.missing)), error=True)
                return
        else:
            kinds = self.checked_kinds()
            if not kinds:
                self.show_message(translate("DocumentsTab", "Tick the forms to print first."),
                                  error=True)
                return
        self.batch.start(kinds)
