"""Writing a record (调查记录, 调解记录, 工作笔记) while the session runs, with common passages.

The text is autosaved as a draft (kind "record", tied to the case) a moment after each edit,
so a crash or power cut loses nothing; the next "Add record" on the case picks it up again.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from PySide6.QtCore import QDateTime, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.domain.dictionaries import RECORD_KINDS
from mediation_desk.services.cases.casework import StepResult
from mediation_desk.services.cases.detail import CaseDetail
from mediation_desk.services.cases.drafts import RecordDraft
from ui import dates
from ui.context import AppContext
from ui.dialogs.cases.case_form import CaseDialog, add_row
from ui.i18n import translate
from ui.views.cases.tabs.record_templates import TEMPLATES, fill
from ui.widgets.draft_keeper import DraftKeeper
from ui.widgets.screen_fit import open_at

WRITABLE_KINDS = ("investigation", "mediation", "note")
_SEPARATORS = re.compile(r"[、,，;；\s]+")


def split_names(text: str) -> list[str]:
    return [name for name in _SEPARATORS.split(text.strip()) if name]


class RecordDialog(CaseDialog):
    def __init__(self, ctx: AppContext, detail: CaseDetail, kind: str = "mediation",
                 parent: QWidget | None = None, draft_id: str | None = None) -> None:
        super().__init__(ctx, parent)
        self.detail = detail
        self.setWindowTitle(translate("RecordDialog", "Add record — %1").replace(
            "%1", detail.number or detail.title))
        room = ctx.settings.room()
        self.committee = room.committee_name

        self.kind_box = QComboBox()
        for code in WRITABLE_KINDS:
            self.kind_box.addItem(RECORD_KINDS[code], code)
        self.kind_box.setCurrentIndex(max(self.kind_box.findData(kind), 0))
        self.at_edit = QDateTimeEdit(dates.now())
        self.at_edit.setCalendarPopup(True)
        self.at_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.at_edit.setMaximumDateTime(QDateTime(dates.today(),
                                                  QTime(23, 59)))
        self.place_edit = QLineEdit(room.room_name)
        self.participants_edit = QLineEdit()
        self.participants_edit.setPlaceholderText(translate(
            "RecordDialog", "Names separated by 、 — parties, relatives, village elders…"))
        self.private_box = QCheckBox(translate(
            "RecordDialog", "Private: only I and the committee director can read it"))
        self.template_box = QComboBox()
        for template in TEMPLATES:
            self.template_box.addItem(template.title, template.key)
        self.template_box.setAccessibleName(translate("RecordDialog", "Common passage"))
        self.insert_button = QPushButton(translate("RecordDialog", "&Insert passage"))
        self.insert_button.clicked.connect(self.insert_template)
        self.body_edit = QPlainTextEdit()
        self.body_edit.setTabChangesFocus(True)
        self.body_edit.setMinimumHeight(220)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color:#5d4037;")
        self.drafts = DraftKeeper(ctx, "record", self, payload=self.payload,
                                  title=lambda: detail.title, case_ref=detail.id,
                                  draft_id=draft_id,
                                  worth_saving=lambda: bool(self.body_edit.toPlainText().strip()))

        form = QFormLayout()
        self.kind_error = add_row(form, translate("RecordDialog", "Kind"), self.kind_box)
        self.at_error = add_row(form, translate("RecordDialog", "Time"), self.at_edit)
        add_row(form, translate("RecordDialog", "Place"), self.place_edit)
        add_row(form, translate("RecordDialog", "Participants"), self.participants_edit)
        form.addRow("", self.private_box)
        templates = QWidget()
        row = QHBoxLayout(templates)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.template_box, 1)
        row.addWidget(self.insert_button)
        form.addRow(translate("RecordDialog", "Common passages"), templates)
        self.body_error = add_row(form, translate("RecordDialog", "Record *"), self.body_edit)
        self.error_map = [("记录类型", self.kind_error), ("记录时间", self.at_error),
                          ("记录内容", self.body_error)]

        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addLayout(form, 1)
        layout.addWidget(self.drafts.label)
        self.finish_layout(layout)
        open_at(self, 780, 620)  # pixels at 100 % text; grows with it

        restored = self.drafts.load()
        if restored:
            self._restore(restored)
        elif kind in ("investigation", "mediation"):
            self.participants_edit.setText("、".join(p.name for p in detail.parties))
        self._kind_changed()
        self._show_notice()
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        for signal in (self.kind_box.currentIndexChanged, self.at_edit.dateTimeChanged,
                       self.place_edit.textChanged, self.participants_edit.textChanged,
                       self.body_edit.textChanged, self.private_box.toggled):
            signal.connect(self.drafts.touch)

    # -- form -------------------------------------------------------------------------------
    def kind(self) -> str:
        return str(self.kind_box.currentData())

    def _kind_changed(self) -> None:
        note = self.kind() == "note"
        if note:
            self.private_box.setChecked(True)
        self.private_box.setEnabled(not note)

    def _show_notice(self) -> None:
        """A record on a closed case is kept as a dated addendum: say so before typing."""
        if self.detail.closed:
            self.notice.setText(translate("RecordDialog", "This case is closed: the record will "
                                          "be kept as a dated addendum (补充)."))
        self.notice.setVisible(self.detail.closed)

    def insert_template(self) -> None:
        template = TEMPLATES[max(self.template_box.currentIndex(), 0)]
        cursor = self.body_edit.textCursor()
        if cursor.positionInBlock() > 0:
            cursor.insertText("\n")
        cursor.insertText(fill(template.text, self.committee) + "\n")
        self.body_edit.setTextCursor(cursor)
        self.body_edit.setFocus()

    def draft(self) -> RecordDraft:
        at = self.at_edit.dateTime().toPython()
        assert isinstance(at, datetime)
        return RecordDraft(kind=self.kind(), at=at.replace(second=0, microsecond=0),
                           place=self.place_edit.text().strip(),
                           participants=split_names(self.participants_edit.text()),
                           author=self.ctx.actor.name,
                           body=self.body_edit.toPlainText().strip(),
                           private=self.private_box.isChecked())

    # -- autosave ---------------------------------------------------------------------------
    def payload(self) -> dict[str, Any]:
        return {"kind": self.kind(), "at": self.at_edit.dateTime().toString("yyyy-MM-ddTHH:mm"),
                "place": self.place_edit.text(), "participants": self.participants_edit.text(),
                "body": self.body_edit.toPlainText(), "private": self.private_box.isChecked()}

    def _restore(self, data: dict[str, Any]) -> None:
        self.kind_box.setCurrentIndex(max(self.kind_box.findData(data.get("kind")), 0))
        at = QDateTime.fromString(str(data.get("at", "")), "yyyy-MM-ddTHH:mm")
        if at.isValid():
            self.at_edit.setDateTime(at)
        self.place_edit.setText(str(data.get("place", "")))
        self.participants_edit.setText(str(data.get("participants", "")))
        self.body_edit.setPlainText(str(data.get("body", "")))
        self.private_box.setChecked(bool(data.get("private")))

    # -- closing ----------------------------------------------------------------------------
    def accept(self) -> None:
        self.clear_errors()
        draft = self.draft()
        if not draft.body:
            self.body_error.set_error(translate("RecordDialog", "Write the record first."))
            self.body_edit.setFocus()
            return
        if draft.at.date() < self.detail.received_on and draft.kind != "note":
            self.at_error.set_error(translate(
                "RecordDialog", "The time is before the case was received (%1).").replace(
                "%1", self.detail.received_on.isoformat()))
            return
        result = self.call_service(lambda: self.ctx.casework.add_record(self.detail.id, draft))
        if result is not None:
            self.drafts.discard()
            self.done_with(result)

    def reject(self) -> None:
        if self.body_edit.toPlainText().strip():
            self.drafts.save_now()  # keep what was typed: it is offered again next time
        else:
            self.drafts.discard()
        super().reject()

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext, detail: CaseDetail,
            kind: str = "mediation") -> StepResult | None:
        pending = ctx.autosave.pending("record", case_ref=detail.id)
        dialog = cls(ctx, detail, kind, parent, draft_id=pending[0].id if pending else None)
        return dialog.run_for_result()
