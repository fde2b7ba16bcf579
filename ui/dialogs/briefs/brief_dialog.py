"""以案释法 editor: the anonymised draft of a concluded case, for the mediator to review and edit.

Left, the four sections (基本案情 / 调解过程 / 法律依据 / 释法说理) under a title; right, the
articles to quote (from the room's library, the dispute type's usual ones ticked) and the
check. The check runs as the mediator types: anything that still identifies a party — a name,
an agent, an ID number, a phone, an address, the case number — is listed and marked in the
text, and 保存, 打印 and 导出 Word stay refused until the list is empty.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.errors import NotFound, Problem, StoreUnavailable, ValidationError
from mediation_desk.services.briefs.drafting import SECTIONS, BriefDraft
from ui.context import AppContext
from ui.dialogs.briefs.articles_dialog import ArticlesDialog
from ui.dialogs.preview_dialog import PreviewDialog, problems_text
from ui.i18n import translate
from ui.icons import icon
from ui.printing import safe_file_name

CHECK_DELAY_MS = 400
LEAK_BACKGROUND = "#ffcdd2"
OK_STYLE = "color:#1b5e20;font-weight:bold;"
BAD_STYLE = "color:#b71c1c;font-weight:bold;"
SETTINGS_DIR = "briefs/save_dir"


class BriefDialog(QDialog):
    def __init__(self, ctx: AppContext, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_id = case_id
        self.saved = False
        self.setWindowTitle(translate("BriefDialog", "Case brief for teaching the law — review and edit"))
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(translate("BriefDialog", "Title"))
        self.generalise_box = QCheckBox(translate("BriefDialog", "Write villages as 某村"))
        self.redraft_button = QPushButton(icon("refresh"), translate("BriefDialog",
                                                                     "Draft again"))
        self.editors: dict[str, QPlainTextEdit] = {}
        self.sections = QTabWidget()
        for name, heading in SECTIONS:
            edit = QPlainTextEdit()
            edit.setAccessibleName(heading)
            self.editors[name] = edit
            self.sections.addTab(edit, heading)

        self.articles = QListWidget()
        self.articles.setAccessibleName(translate("BriefDialog", "Articles quoted"))
        self.apply_articles_button = QPushButton(translate("BriefDialog",
                                                           "Quote the ticked articles"))
        self.library_button = QPushButton(translate("BriefDialog", "Article library…"))
        articles_box = QGroupBox(translate("BriefDialog", "Legal basis"))
        articles_layout = QVBoxLayout(articles_box)
        articles_layout.addWidget(self.articles, 1)
        row = QHBoxLayout()
        row.addWidget(self.apply_articles_button)
        row.addWidget(self.library_button)
        articles_layout.addLayout(row)
        self.check_label = QLabel()
        self.check_label.setWordWrap(True)
        self.leaks = QListWidget()
        self.leaks.setAccessibleName(translate("BriefDialog", "Personal data still in the text"))
        check_box = QGroupBox(translate("BriefDialog", "Check for personal data"))
        check_layout = QVBoxLayout(check_box)
        check_layout.addWidget(self.check_label)
        check_layout.addWidget(self.leaks, 1)
        side = QSplitter(Qt.Orientation.Vertical)
        side.addWidget(articles_box)
        side.addWidget(check_box)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.sections)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.save_button = QPushButton(icon("save"), translate("BriefDialog", "Save with the case"))
        self.print_button = QPushButton(icon("print"), translate("BriefDialog", "Print…"))
        self.word_button = QPushButton(icon("documents"), translate("BriefDialog",
                                                                   "Save as Word…"))
        self.close_button = QPushButton(translate("BriefDialog", "Close"))
        buttons = QHBoxLayout()
        for button in (self.save_button, self.print_button, self.word_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        top = QFormLayout()
        head = QHBoxLayout()
        head.addWidget(self.title_edit, 1)
        head.addWidget(self.generalise_box)
        head.addWidget(self.redraft_button)
        top.addRow(translate("BriefDialog", "Title"), head)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(CHECK_DELAY_MS)
        self.timer.timeout.connect(self.run_check)
        self.title_edit.textChanged.connect(lambda _t: self.timer.start())
        for edit in self.editors.values():
            edit.textChanged.connect(self.timer.start)
        self.redraft_button.clicked.connect(self.redraft)
        self.apply_articles_button.clicked.connect(self.quote_ticked)
        self.library_button.clicked.connect(self.open_library)
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.print_brief)
        self.word_button.clicked.connect(self.save_word)
        self.close_button.clicked.connect(self.reject)
        self.resize(1080, 640)

        existing = ctx.briefs.saved(case_id)
        self.load(existing or ctx.briefs.draft(case_id))
        if existing is None:
            self.show_message(translate("BriefDialog", "A first draft, anonymised: read every "
                                                       "section and edit before saving."))

    # -- content ------------------------------------------------------------------------------
    def load(self, draft: BriefDraft) -> None:
        self.title_edit.setText(draft.title)
        self.generalise_box.setChecked(draft.generalise_villages)
        for name, _ in SECTIONS:
            self.editors[name].setPlainText(getattr(draft, name))
        self._list_articles(draft.articles)
        self.run_check()

    def _list_articles(self, ticked: list[str]) -> None:
        self.articles.clear()
        library = self.ctx.articles.articles()
        # the quoted ones first, in library order: they are what the mediator checks
        for a in [a for a in library if a.key in ticked] + \
                [a for a in library if a.key not in ticked]:
            item = QListWidgetItem(a.citation)
            item.setToolTip(a.text)
            item.setData(Qt.ItemDataRole.UserRole, a.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if a.key in ticked
                               else Qt.CheckState.Unchecked)
            self.articles.addItem(item)

    def ticked(self) -> list[str]:
        keys = []
        for i in range(self.articles.count()):
            item = self.articles.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                keys.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return keys

    def draft(self) -> BriefDraft:
        return BriefDraft(title=self.title_edit.text().strip(),
                          articles=self.ticked(),
                          generalise_villages=self.generalise_box.isChecked(),
                          **{name: self.editors[name].toPlainText() for name, _ in SECTIONS})

    def redraft(self) -> None:
        """A new anonymised draft (villages as chosen, the ticked articles); replaces edits."""
        self.load(self.ctx.briefs.draft(self.case_id,
                                        generalise_villages=self.generalise_box.isChecked(),
                                        article_keys=self.ticked()))
        self.show_message(translate("BriefDialog", "Drafted again from the case."))

    def quote_ticked(self) -> None:
        self.editors["legal_basis"].setPlainText(self.ctx.briefs.legal_basis(self.ticked()))
        self.sections.setCurrentWidget(self.editors["legal_basis"])

    def open_library(self) -> None:
        if ArticlesDialog.ask(self, self.ctx):
            self._list_articles(self.ticked())

    # -- the check ------------------------------------------------------------------------------
    def run_check(self) -> list[Problem]:
        """List and mark what still identifies a party; returns the problems."""
        self.timer.stop()
        problems = self.ctx.briefs.check(self.case_id, self.draft())
        self.leaks.clear()
        for p in problems:
            self.leaks.addItem(QListWidgetItem(icon("warning", "danger"),
                                               f"{p.record.split()[-1]}：{p.reason}"))
        if problems:
            self.check_label.setText(translate("BriefDialog", "%n thing(s) still identify a "
                                                              "party: remove them before "
                                                              "saving.", None, len(problems)))
            self.check_label.setStyleSheet(BAD_STYLE)
        else:
            self.check_label.setText(translate("BriefDialog", "No personal data found."))
            self.check_label.setStyleSheet(OK_STYLE)
        for button in (self.save_button, self.print_button, self.word_button):
            button.setEnabled(not problems)
        self._mark(problems)
        return problems

    def _mark(self, problems: list[Problem]) -> None:
        values = [p.reason.split("“", 1)[-1].rstrip("”") for p in problems]
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(LEAK_BACKGROUND))
        for edit in self.editors.values():
            marks = []
            document: QTextDocument = edit.document()
            for value in values:
                cursor = document.find(value)
                while not cursor.isNull():
                    selection = QTextEdit.ExtraSelection()
                    selection.cursor = QTextCursor(cursor)  # type: ignore[attr-defined]
                    selection.format = fmt  # type: ignore[attr-defined]
                    marks.append(selection)
                    cursor = document.find(value, cursor)
            edit.setExtraSelections(marks)

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(BAD_STYLE if error else "")
        self.message.setVisible(bool(text))

    # -- saving and output ----------------------------------------------------------------------
    def _guarded(self, work: object) -> object | None:
        try:
            return work()  # type: ignore[operator]
        except ValidationError as exc:
            self.show_message(problems_text(exc), error=True)
        except (StoreUnavailable, NotFound, OSError) as exc:
            self.show_message(str(exc), error=True)
        return None

    def save(self) -> bool:
        if self.run_check():
            return False
        if self._guarded(lambda: self.ctx.briefs.save(self.case_id, self.draft())) is None:
            return False
        self.saved = True
        self.show_message(translate("BriefDialog", "Saved with the case."))
        return True

    def print_brief(self) -> None:
        if self.run_check():
            return
        document = self._guarded(lambda: self.ctx.briefs.render_pdf(self.case_id, self.draft()))
        if document is not None:
            PreviewDialog.ask(self, self.ctx, document)  # type: ignore[arg-type]

    def save_word(self) -> None:
        folder = QSettings().value(SETTINGS_DIR, "") or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        name = safe_file_name(f"以案释法-{self.title_edit.text().strip() or '案例'}")
        path, _ = QFileDialog.getSaveFileName(
            self, translate("BriefDialog", "Save as Word"), str(Path(str(folder)) / f"{name}.docx"),
            translate("BriefDialog", "Word documents (*.docx)"))
        if path:
            self.write_word(Path(path))

    def write_word(self, path: Path) -> Path | None:
        if self.run_check():
            return None
        if path.suffix.lower() != ".docx":
            path = path.with_suffix(".docx")

        def work() -> Path:
            document = self.ctx.briefs.render_docx(self.case_id, self.draft())
            temp = path.with_name(f".{path.name}.part")
            temp.write_bytes(document.pdf)
            temp.replace(path)
            self.ctx.briefs.file(document, "save")
            return path

        written = self._guarded(work)
        if isinstance(written, Path):
            QSettings().setValue(SETTINGS_DIR, str(written.parent))
            self.show_message(translate("BriefDialog", "Saved to %1").replace("%1", str(written)))
            return written
        return None

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext, case_id: str) -> bool:
        """Edit the case's brief; whether it was saved."""
        dialog = cls(ctx, case_id, parent)
        dialog.exec()
        return dialog.saved
