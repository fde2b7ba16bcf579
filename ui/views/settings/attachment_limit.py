"""附件 in 设置: the largest file that may be filed to a case.

Why a setting: a desk PC with a small disk, or a room that files long phone videos, needs a
different limit from the default 50 MB; every backup carries every file, so the limit is also
how big backups may grow. Only the director or administrator changes it (the service says so).
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QPushButton, QSpinBox, QWidget

from mediation_desk.domain.attachments import MAX_LIMIT_MB
from mediation_desk.errors import PermissionDenied, StoreUnavailable, ValidationError
from ui.context import AppContext
from ui.i18n import translate
from ui.icons import icon
from ui.widgets.field_error import (
    STATUS_DONE,
    STATUS_ERROR,
    STATUS_NOTE,
    set_text_colour,
    show_error,
    status_label,
)


class AttachmentLimitPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        can_edit = ctx.actor.role in ("director", "admin")
        self.limit_spin = QSpinBox()
        self.limit_spin.setRange(1, MAX_LIMIT_MB)
        self.limit_spin.setSuffix(" MB")
        self.limit_spin.setValue(ctx.attachments.limit_mb())
        self.limit_spin.setAccessibleName(translate("SettingsView", "Largest attachment"))
        self.save_button = QPushButton(icon("save"), translate("SettingsView", "Save"))
        self.save_button.clicked.connect(self.save)
        self.message = status_label(STATUS_DONE)
        for widget in (self.limit_spin, self.save_button):
            widget.setEnabled(can_edit)
        row = QHBoxLayout()
        row.addWidget(self.limit_spin)
        row.addWidget(self.save_button)
        row.addStretch(1)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(translate("SettingsView", "Largest attachment"), row)
        form.addRow("", status_label(STATUS_NOTE, translate(
            "SettingsView", "Each scan, photo or document filed to a case may be at most this "
            "big. Files are stored encrypted in the register and go into every backup.")))
        form.addRow("", self.message)

    def save(self) -> bool:
        try:
            self.ctx.attachments.set_limit_mb(self.limit_spin.value())
        except (ValidationError, PermissionDenied, StoreUnavailable) as exc:
            set_text_colour(self.message, STATUS_ERROR)
            show_error(self.message, str(exc))
            return False
        set_text_colour(self.message, STATUS_DONE)
        show_error(self.message, translate("SettingsView", "Saved: files up to %1 MB.").replace(
            "%1", str(self.limit_spin.value())))
        return True
