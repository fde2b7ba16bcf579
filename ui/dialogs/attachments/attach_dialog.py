"""添加附件: what the chosen or dropped files are — a title and a kind for each — and what of the
case they belong to (the case, a record, the agreement, a follow-up, a patrol finding).

The filing itself (hashing and storing tens of megabytes) runs afterwards through
``ui/workers.py``; this dialog only checks what can be checked at once — a title for every
file, and each file's size against the room's limit, refused beside that file by name.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.domain.attachments import KINDS, default_title, format_size
from mediation_desk.errors import ValidationError
from mediation_desk.services.attachments.owners import Owner
from ui.context import AppContext
from ui.dialogs.cases.case_form import CaseDialog, ErrorLabel
from ui.i18n import translate

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".bmp", ".heic", ".tif", ".tiff", ".webp")


@dataclass(frozen=True)
class FileToAttach:
    path: Path
    title: str
    kind: str


@dataclass(frozen=True)
class AttachRequest:
    owner_kind: str
    owner_id: str
    files: tuple[FileToAttach, ...]


class _FileRow:
    """One file's line: its name and size, a title, a kind, and a message under them."""

    def __init__(self, path: Path, kind: str, kinds: list[str]) -> None:
        self.path = path
        try:
            size = format_size(path.stat().st_size)
        except OSError:
            size = "?"
        self.name = QLabel(f"{path.name}（{size}）")
        self.name.setWordWrap(True)
        self.title = QLineEdit(default_title(path.name))
        self.title.setAccessibleName(translate("AttachDialog", "Title of %1").replace(
            "%1", path.name))
        self.kind = QComboBox()
        self.kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.kind.setAccessibleName(translate("AttachDialog", "Kind of %1").replace(
            "%1", path.name))
        for code in kinds:
            self.kind.addItem(KINDS[code], code)
        guess = kind or ("photo" if path.suffix.lower() in IMAGE_SUFFIXES else "other")
        self.kind.setCurrentIndex(max(0, self.kind.findData(guess)))
        self.error = ErrorLabel()


class AttachDialog(CaseDialog):
    def __init__(self, ctx: AppContext, owners: list[Owner], paths: list[Path], *,
                 owner: tuple[str, str] | None = None, kind: str = "",
                 has_agreement: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(translate("AttachDialog", "Add files to the case"))
        self.owner_box = QComboBox()
        self.owner_box.setAccessibleName(translate("AttachDialog", "File to"))
        for choice in owners:
            self.owner_box.addItem(choice.label, f"{choice.kind}|{choice.id}")
        if owner is not None:
            self.owner_box.setCurrentIndex(max(0, self.owner_box.findData("|".join(owner))))
        kinds = [code for code in KINDS if code != "signed_agreement" or has_agreement]
        self.rows = [_FileRow(path, kind, kinds) for path in paths]

        top = QFormLayout()
        top.addRow(translate("AttachDialog", "File to"), self.owner_box)
        limit = QLabel(translate("AttachDialog", "Files are stored encrypted in the register; "
                                 "each may be at most %1 MB.").replace(
                                     "%1", str(ctx.attachments.limit_mb())))
        limit.setWordWrap(True)
        grid = QGridLayout()
        for column, caption in enumerate((translate("AttachDialog", "File"),
                                          translate("AttachDialog", "Title"),
                                          translate("AttachDialog", "Kind"))):
            grid.addWidget(QLabel(f"<b>{caption}</b>"), 0, column)
        for index, row in enumerate(self.rows):
            line = 1 + 2 * index
            grid.addWidget(row.name, line, 0)
            grid.addWidget(row.title, line, 1)
            grid.addWidget(row.kind, line, 2)
            grid.addWidget(row.error, line + 1, 0, 1, 3)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        files = QWidget()
        files_layout = QVBoxLayout(files)
        files_layout.addLayout(grid)
        files_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(files)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(limit)
        layout.addWidget(scroll, 1)
        self.finish_layout(layout)
        self.resize(760, min(560, 260 + 60 * len(self.rows)))

    def accept(self) -> None:
        self.clear_errors()
        ok = True
        for row in self.rows:
            row.error.clear_error()
            if not row.title.text().strip():
                row.error.set_error(translate("AttachDialog", "Give the file a title."))
                ok = False
                continue
            try:
                self.ctx.attachments.check_file(row.path)
            except ValidationError as exc:
                row.error.set_error("；".join(f"{p.field}：{p.reason}" for p in exc.problems))
                ok = False
        if not ok:
            return
        kind, _, owner_id = str(self.owner_box.currentData()).partition("|")
        self.done_with(AttachRequest(kind, owner_id, tuple(
            FileToAttach(row.path, row.title.text().strip(), str(row.kind.currentData()))
            for row in self.rows)))

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext, owners: list[Owner],
            paths: list[Path], *, owner: tuple[str, str] | None = None, kind: str = "",
            has_agreement: bool = False) -> AttachRequest | None:
        """``owners``: what the files may be filed to (the first is chosen unless ``owner``
        names another); ``kind`` preselects every file's kind."""
        dialog = cls(ctx, owners, paths, owner=owner, kind=kind, has_agreement=has_agreement,
                     parent=parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            assert isinstance(dialog.result_value, AttachRequest)
            return dialog.result_value
        return None
