"""排查发现: one finding — what was found, what is being done, who was told, and the outcome.

Why escalations live here with their receipts: a red finding handed to the 综治中心 is only
handed over when somebody there has received it; the form shows which reports still wait for
a receipt. 转为案件 opens the ordinary intake form prefilled from the finding (source 排查发现)
and registers through ``finding_to_case``, so the case and its link to the finding are written
in one transaction — never a case that forgot where it came from.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from html import escape

from PySide6.QtCore import QDate, QDateTime, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.domain.money import format_yuan
from mediation_desk.errors import NotFound, Problem, StoreUnavailable, ValidationError
from mediation_desk.services.cases.drafts import CaseDraft
from mediation_desk.services.cases.intake import Registered
from mediation_desk.services.patrols.service import (
    FINDING_STATUSES,
    MEASURES,
    EscalationView,
    PatrolResult,
)
from ui import dates
from ui.context import AppContext
from ui.dialogs.cases.intake_dialog import IntakeDialog
from ui.i18n import translate
from ui.icons import icon
from ui.views.patrol.style import RISK_COLORS
from ui.widgets.case_fields import DateEdit
from ui.widgets.column_fit import fit_columns
from ui.widgets.field_error import FieldError, with_message
from ui.widgets.party_editor import party_to_dict
from ui.widgets.screen_fit import open_at
from ui.widgets.tables import read_only_table

METHODS = ("当面移交", "电话报告", "书面报告", "平台上报")


def intake_payload(draft: CaseDraft) -> dict[str, object]:
    """A CaseDraft as the intake form's saved payload, so the form opens filled in."""
    lead = next((m.name for m in draft.mediators if m.role == "lead"), "")
    second = next(((m.name, m.role) for m in draft.mediators if m.role != "lead"), ("", ""))
    return {
        "version": 1,
        "received_on": draft.received_on.isoformat() if draft.received_on else "",
        "source": draft.source, "dispute_type": draft.dispute_type, "village": draft.village,
        "procedure": draft.procedure, "risk_level": draft.risk_level,
        "summary": draft.summary, "requests": "\n".join(draft.requests),
        "amount": format_yuan(draft.amount_fen) if draft.amount_fen is not None else "",
        "people": draft.people_involved or 0, "lead_mediator": lead,
        "second_mediator": second[0], "second_role": second[1] or "recorder",
        "parties": [party_to_dict(p) for p in draft.parties], "current_party": 0,
    }


def finding_to_case(parent: QWidget | None, ctx: AppContext,
                    finding_id: str) -> Registered | None:
    """Open the intake form prefilled from the finding; registering links the two.

    The intake form checks the typed case as always; the registration itself goes through
    ``ctx.patrols.finding_to_case`` (one transaction: the case, the link, the finding's
    measure). Returns what was registered, or None if the mediator cancelled.
    """
    draft = ctx.patrols.case_draft_for(finding_id)
    return IntakeDialog.ask(parent, ctx,
                            prefill={**intake_payload(draft), "finding_id": finding_id})


def _pydatetime(value: QDateTime) -> datetime:
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


class FindingDialog(QDialog):
    """Shows a finding and lets its measure, result and escalations be recorded.

    ``open_case_id`` is set when the mediator asked to open the finding's case (made now or
    before); the caller opens it after the dialog closes.
    """

    def __init__(self, ctx: AppContext, finding_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.finding_id = finding_id
        self.open_case_id: str | None = None
        self.changed = False
        self.setWindowTitle(translate("FindingDialog", "Finding"))
        self.setWindowIcon(icon("finding"))
        self._build()
        self.reload()

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext, finding_id: str) -> str | None:
        """Show the finding; the id of a case to open afterwards, or None."""
        dialog = cls(ctx, finding_id, parent)
        try:
            dialog.exec()
            return dialog.open_case_id
        finally:
            dialog.deleteLater()

    # -- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = QLabel(self)
        self.heading.setObjectName("finding-heading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.case_label = QLabel(self)
        self.case_label.setObjectName("finding-case")
        self.case_button = QPushButton(icon("to_case"), "", self)
        self.case_button.setObjectName("finding-to-case")
        case_row = QHBoxLayout()
        case_row.addWidget(self.case_label, 1)
        case_row.addWidget(self.case_button)

        # -- handling ---------------------------------------------------------------------
        self.measure_box = QComboBox(self)
        for code, name in MEASURES.items():
            self.measure_box.addItem(name, code)
        self.responsible_box = QComboBox(self)
        self.responsible_box.setEditable(True)
        self.responsible_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.responsible_box.addItems(["", *self.ctx.register.mediator_names()])
        self.due_edit = DateEdit(dates.today(), self)
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("yyyy-MM-dd")
        self.status_box = QComboBox(self)
        for code, name in FINDING_STATUSES.items():
            self.status_box.addItem(name, code)
        self.result_edit = QPlainTextEdit(self)
        self.result_edit.setTabChangesFocus(True)
        self.result_edit.setFixedHeight(self.fontMetrics().height() * 3 + 12)
        self.save_button = QPushButton(icon("save", "accent"),
                                       translate("FindingDialog", "&Save handling"), self)
        self.handling_message = FieldError(self)
        handling = QGroupBox(translate("FindingDialog", "Handling"), self)
        handling_layout = QVBoxLayout(handling)
        form = QFormLayout()
        handling_layout.addLayout(form)
        self.messages: dict[str, FieldError] = {}
        for key, text, field in (
                ("measure", translate("FindingDialog", "&Measure"), self.measure_box),
                ("responsible", translate("FindingDialog", "Res&ponsible"),
                 self.responsible_box),
                ("due_on", translate("FindingDialog", "&Due by"), self.due_edit),
                ("status", translate("FindingDialog", "S&tatus"), self.status_box),
                ("result", translate("FindingDialog", "&Result"), self.result_edit)):
            cell, self.messages[key] = with_message(field, self)
            label = QLabel(text, self)
            label.setBuddy(field)
            field.setAccessibleName(text.replace("&", ""))
            form.addRow(label, cell)
        save_row = QHBoxLayout()
        save_row.addWidget(self.handling_message, 1)
        save_row.addWidget(self.save_button)
        handling_layout.addStretch(1)
        handling_layout.addLayout(save_row)

        # -- escalations ------------------------------------------------------------------
        self.escalations = read_only_table(
            [translate("FindingDialog", "Reported to"), translate("FindingDialog", "When"),
             translate("FindingDialog", "How"), translate("FindingDialog", "Receipt")],
            3, translate("FindingDialog", "Escalations"))
        self.escalation_columns = fit_columns(self.escalations, {
            0: 130, 1: "2026-11-20 14:30", 2: 80})  # widths at 100 % text, growing with it
        self.target_box = QComboBox(self)
        self.target_box.setEditable(True)
        self.target_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.target_box.addItem("")  # filled by reload(): the finding's type orders them
        self.at_edit = QDateTimeEdit(dates.now(), self)
        self.at_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.at_edit.setCalendarPopup(True)
        self.method_box = QComboBox(self)
        self.method_box.setEditable(True)
        self.method_box.addItems(list(METHODS))
        self.escalate_summary = QLineEdit(self)
        self.escalate_button = QPushButton(icon("escalate"),
                                           translate("FindingDialog", "Esca&late"), self)
        self.receiver_edit = QLineEdit(self)
        self.received_edit = QDateTimeEdit(dates.now(), self)
        self.received_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.received_edit.setCalendarPopup(True)
        self.receipt_result = QLineEdit(self)
        self.receipt_button = QPushButton(icon("receipt"),
                                          translate("FindingDialog", "Record rece&ipt"), self)
        self.escalation_message = FieldError(self)
        report = QGroupBox(translate("FindingDialog", "Escalation"), self)
        grid = QGridLayout(report)
        grid.addWidget(self.escalations, 0, 0, 1, 4)
        for row, items in enumerate((
                ((translate("FindingDialog", "Tar&get"), self.target_box),
                 (translate("FindingDialog", "&When"), self.at_edit)),
                ((translate("FindingDialog", "Wa&y"), self.method_box),
                 (translate("FindingDialog", "What was reported"), self.escalate_summary)),
                ((translate("FindingDialog", "Received &by"), self.receiver_edit),
                 (translate("FindingDialog", "Received at"), self.received_edit)),
                ((translate("FindingDialog", "Their answer"), self.receipt_result), None)), 1):
            for column, pair in enumerate(items):
                if pair is None:
                    continue
                caption, widget = pair
                buddy = QLabel(caption, self)
                buddy.setBuddy(widget)
                widget.setAccessibleName(caption.replace("&", ""))
                grid.addWidget(buddy, row, column * 2)
                grid.addWidget(widget, row, column * 2 + 1)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.escalation_message, 1)
        buttons_row.addWidget(self.escalate_button)
        buttons_row.addWidget(self.receipt_button)
        grid.addLayout(buttons_row, 5, 0, 1, 4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        columns = QHBoxLayout()
        columns.addWidget(handling, 1)
        columns.addWidget(report, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.details)
        layout.addLayout(case_row)
        layout.addLayout(columns, 1)
        layout.addWidget(close)

        self.save_button.clicked.connect(self.save_handling)
        self.escalate_button.clicked.connect(self.escalate)
        self.receipt_button.clicked.connect(self.record_receipt)
        self.case_button.clicked.connect(self._case_clicked)
        self.escalations.currentCellChanged.connect(lambda *_: self._update_receipt())
        open_at(self, 1000, 600)  # pixels at 100 % text; grows with it

    # -- showing ----------------------------------------------------------------------------
    def reload(self) -> None:
        finding = self.ctx.patrols.finding(self.finding_id)
        self.finding = finding
        self.setWindowTitle(translate("FindingDialog", "Finding — %1").replace(
            "%1", f"{finding.found_on:%Y-%m-%d} {finding.village}"))
        color = RISK_COLORS.get(finding.risk_level, "#607d8b")
        ink = "#212121" if finding.risk_level == "yellow" else "white"
        self.heading.setText(
            f'<span style="background:{color};color:{ink};">&nbsp;{finding.risk_label}色&nbsp;'
            f'</span>　{finding.found_on:%Y-%m-%d}　{escape(finding.village)}　'
            f'{escape(finding.dispute_type)}　<span style="color:#546e7a;">'
            f'{escape(finding.status_label)}</span>')
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        lines = [finding.summary]
        if finding.parties:
            lines.append(translate("FindingDialog", "Parties: %1").replace("%1", finding.parties))
        figures = []
        if finding.people_involved:
            figures.append(translate("FindingDialog", "%1 people").replace(
                "%1", str(finding.people_involved)))
        if finding.amount_fen:
            figures.append(translate("FindingDialog", "%1 yuan").replace(
                "%1", format_yuan(finding.amount_fen)))
        if figures:
            lines.append("，".join(figures))
        self.details.setText("\n".join(lines))
        if finding.case_id:
            self.case_label.setText(translate("FindingDialog", "Registered as case %1").replace(
                "%1", finding.case_number))
            self.case_button.setText(translate("FindingDialog", "&Open the case"))
        else:
            self.case_label.setText(translate("FindingDialog", "Not a case yet."))
            self.case_button.setText(translate("FindingDialog", "Make a &case…"))
        self.measure_box.setCurrentIndex(max(self.measure_box.findData(finding.measure), 0))
        self.responsible_box.setCurrentText(finding.responsible)
        if finding.due_on:
            self.due_edit.setDate(QDate(finding.due_on.year, finding.due_on.month,
                                        finding.due_on.day))
        self.status_box.setCurrentIndex(max(self.status_box.findData(finding.status), 0))
        self.result_edit.setPlainText(finding.result)
        self._fill_escalations(finding.escalations)
        typed = self.target_box.currentText()
        self.target_box.clear()
        self.target_box.addItems(["", *self.ctx.patrol_settings.escalation_targets(
            finding.dispute_type)])
        self.target_box.setCurrentText(typed)

    def _fill_escalations(self, rows: tuple[EscalationView, ...]) -> None:
        self.escalations.setRowCount(0)
        for escalation in rows:
            row = self.escalations.rowCount()
            self.escalations.insertRow(row)
            receipt = (f"{escalation.received_by} {escalation.received_at:%m-%d %H:%M} "
                       f"{escalation.result}".strip() if escalation.received_at
                       else translate("FindingDialog", "waiting for receipt"))
            for column, text in enumerate((escalation.target, f"{escalation.at:%m-%d %H:%M}",
                                           escalation.method, receipt)):
                self.escalations.setItem(row, column, _item(text, escalation.id))
        waiting = [i for i, e in enumerate(rows) if e.received_at is None]
        if waiting:
            self.escalations.selectRow(waiting[0])
        self._update_receipt()

    def _current_escalation(self) -> EscalationView | None:
        row = self.escalations.currentRow()
        if 0 <= row < len(self.finding.escalations):
            return self.finding.escalations[row]
        return None

    def _update_receipt(self) -> None:
        current = self._current_escalation()
        waiting = current is not None and current.received_at is None
        for widget in (self.receiver_edit, self.received_edit, self.receipt_result,
                       self.receipt_button):
            widget.setEnabled(waiting)

    # -- writing ----------------------------------------------------------------------------
    def _run(self, work: Callable[[], PatrolResult],
             message: FieldError) -> PatrolResult | None:
        """One service call; a refusal is shown in ``message`` and the form stays as typed."""
        message.clear()
        try:
            result: PatrolResult = work()
        except ValidationError as exc:
            message.show_error("\n".join(_reason(p) for p in exc.problems))
            return None
        except (StoreUnavailable, NotFound) as exc:
            message.show_error(str(exc))
            return None
        self.changed = True
        return result

    def save_handling(self) -> None:
        due = self.due_edit.date()
        result = self._run(lambda: self.ctx.patrols.update_finding(
            self.finding_id, measure=str(self.measure_box.currentData()),
            responsible=self.responsible_box.currentText().strip(),
            due_on=date(due.year(), due.month(), due.day()),
            result=self.result_edit.toPlainText().strip(),
            status=str(self.status_box.currentData())), self.handling_message)
        if result is not None:
            self.reload()
            self.handling_message.show_note(translate("FindingDialog", "Saved."))

    def escalate(self) -> None:
        result = self._run(lambda: self.ctx.patrols.escalate(
            self.finding_id, self.target_box.currentText().strip(),
            _pydatetime(self.at_edit.dateTime()), self.method_box.currentText().strip(),
            self.escalate_summary.text().strip()), self.escalation_message)
        if result is not None:
            self.escalate_summary.clear()
            self.reload()
            self.escalation_message.show_note(translate("FindingDialog", "Report recorded."))

    def record_receipt(self) -> None:
        current = self._current_escalation()
        if current is None:
            return
        result = self._run(lambda: self.ctx.patrols.record_receipt(
            current.id, self.receiver_edit.text().strip(),
            _pydatetime(self.received_edit.dateTime()), self.receipt_result.text().strip()),
            self.escalation_message)
        if result is not None:
            self.receiver_edit.clear()
            self.receipt_result.clear()
            self.reload()
            self.escalation_message.show_note(translate("FindingDialog", "Receipt recorded."))

    def _case_clicked(self) -> None:
        if self.finding.case_id:
            self.open_case_id = self.finding.case_id
            self.accept()
            return
        registered = finding_to_case(self, self.ctx, self.finding_id)
        if registered is not None:
            self.changed = True
            self.reload()
            self.case_button.setFocus(Qt.FocusReason.OtherFocusReason)


def _reason(problem: Problem) -> str:
    return f"{problem.field}：{problem.reason}" if problem.field else problem.reason


def _item(text: str, key: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setData(Qt.ItemDataRole.UserRole, key)
    item.setToolTip(text)
    return item

