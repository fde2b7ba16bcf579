"""协议: the agreement's facts and terms, with the warnings a court would raise shown first.

A term without an obligor, an amount or a due date, or an agreement touching personal status
or ownership, will likely be refused judicial confirmation; the mediator should see that
before the parties sign, so warnings sit above everything else on this tab.
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mediation_desk import clock
from mediation_desk.domain.dictionaries import PERFORMANCE
from mediation_desk.domain.lifecycle import CaseStatus, Step
from mediation_desk.domain.money import chinese_capital, format_yuan
from mediation_desk.domain.terms import MONEY_WORDS
from mediation_desk.services.cases.detail import AgreementView, CaseDetail
from ui.i18n import translate
from ui.icons import icon
from ui.views.cases.tabs.common import COLON, MUTED, OVERDUE, cell, show_date
from ui.widgets.column_fit import fit_columns
from ui.widgets.field_error import set_text_colour
from ui.widgets.tables import read_only_table

WARNING_STYLE = ("QLabel{background:#fff3e0;border:2px solid #ef6c00;border-radius:4px;"
                 "padding:8px;color:#bf360c;font-weight:bold;}")
COL_NO, COL_OBLIGOR, COL_TEXT, COL_AMOUNT, COL_CAPITAL, COL_DUE, COL_PLACE, COL_METHOD, \
    COL_PERFORMANCE = range(9)


def form_label(form: str) -> str:
    return {"written": translate("CaseView", "Written agreement"),
            "oral": translate("CaseView", "Oral agreement")}.get(form, form)


class AgreementTab(QWidget):
    record_requested = Signal()
    edit_requested = Signal()  # correct the recorded agreement (before or after signing)
    attach_signed_requested = Signal(str)  # agreement id: file the signed paper's scan

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stack = QStackedWidget()

        empty = QWidget()
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.record_button = QPushButton(icon("agreement"),
                                         translate("CaseView", "Record agreement…"))
        self.record_button.setMinimumHeight(36)
        self.record_button.clicked.connect(self.record_requested)
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_label)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.record_button)
        row.addStretch(1)
        empty_layout.addLayout(row)
        empty_layout.addStretch(2)

        shown = QWidget()
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(WARNING_STYLE)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.confirmation_label = QLabel()
        self.confirmation_label.setWordWrap(True)
        self.edit_button = QPushButton(icon("edit"), translate("CaseView", "Edit a&greement…"))
        self.edit_button.setObjectName("edit_agreement")
        self.edit_button.setToolTip(translate(
            "CaseView", "Correct the facts, matters in dispute, responsibilities or terms "
            "before the parties sign"))
        self.edit_button.clicked.connect(self.edit_requested)
        self.signed_label = QLabel()
        self.signed_label.setWordWrap(True)
        self.signed_button = QPushButton(icon("signed"),
                                         translate("CaseView", "File the &signed scan…"))
        self.signed_button.setObjectName("attach_signed")
        self.signed_button.setToolTip(translate(
            "CaseView", "The agreement takes effect when every party, the mediator and the "
            "committee have signed and sealed it: file a scan of that paper"))
        self.signed_button.clicked.connect(
            lambda: self.attach_signed_requested.emit(self.agreement_id))
        self.agreement_id = ""
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.summary_label, 1)
        summary_row.addWidget(self.signed_button)
        summary_row.addWidget(self.edit_button)
        self.texts = QTextBrowser()
        self.texts.setAccessibleName(translate("CaseView", "Facts, matters and responsibilities"))
        self.texts.setMaximumHeight(130)
        self.terms = read_only_table(
            ["#", translate("CaseView", "Obligor"), translate("CaseView", "Term"),
             translate("CaseView", "Amount (yuan)"), translate("CaseView", "In capitals"),
             translate("CaseView", "Due by"), translate("CaseView", "Place"),
             translate("CaseView", "Method"), translate("CaseView", "Performance")],
            COL_TEXT, translate("CaseView", "Agreed terms"))
        self.columns = fit_columns(self.terms, {  # as wide as a typical entry; the term
            COL_NO: "12", COL_OBLIGOR: "欧阳春梅", COL_AMOUNT: "129700.00",  # takes the rest
            COL_CAPITAL: "贰万玖仟柒佰元整", COL_DUE: "2026-11-20", COL_PLACE: "问房调解室",
            COL_METHOD: "银行转账", COL_PERFORMANCE: "部分履行"})
        shown_layout = QVBoxLayout(shown)
        shown_layout.setContentsMargins(0, 0, 0, 0)
        shown_layout.addWidget(self.warning_label)
        shown_layout.addLayout(summary_row)
        shown_layout.addWidget(self.signed_label)
        shown_layout.addWidget(self.confirmation_label)
        shown_layout.addWidget(self.texts)
        shown_layout.addWidget(self.terms, 1)

        self.stack.addWidget(empty)
        self.stack.addWidget(shown)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

    def show_detail(self, detail: CaseDetail, today: date | None = None) -> None:
        agreement = detail.agreement
        if agreement is None:
            may_record = any(step is Step.AGREE for step, _ in detail.next_steps)
            self.empty_label.setText(
                translate("CaseView", "No agreement has been recorded.") if may_record else
                translate("CaseView", "No agreement has been recorded. An agreement can be "
                          "recorded once the parties have been told their rights and duties, "
                          "while mediation is open."))
            self.record_button.setVisible(may_record)
            self.stack.setCurrentIndex(0)
            return
        self.stack.setCurrentIndex(1)
        # An archived file is closed for good (services refuse); correcting stays possible
        # after closing, as records do.
        self.edit_button.setVisible(detail.status is not CaseStatus.ARCHIVED)
        self._show_agreement(agreement, today or clock.today())

    def _show_agreement(self, agreement: AgreementView, today: date) -> None:
        self.agreement_id = agreement.id
        if agreement.signed_on is not None:
            self.signed_label.setText(translate(
                "CaseView", "Signed — the scan “%1” was filed on %2 (see Attachments).").replace(
                    "%1", agreement.signed_title).replace("%2", show_date(agreement.signed_on)))
            set_text_colour(self.signed_label, QColor("#2e7d32"))
        else:
            self.signed_label.setText(translate(
                "CaseView", "No scan of the signed agreement has been filed yet."))
            set_text_colour(self.signed_label, QColor(MUTED))
        if agreement.warnings:
            self.warning_label.setText(
                translate("CaseView", "Check before the parties sign — a court may refuse "
                          "to confirm this agreement:")
                + "\n" + "\n".join(f"⚠ {w}" for w in agreement.warnings))
        self.warning_label.setVisible(bool(agreement.warnings))
        self.summary_label.setText(
            translate("CaseView", "%1, reached on %2, effective from %3.")
            .replace("%1", form_label(agreement.form))
            .replace("%2", show_date(agreement.reached_on))
            .replace("%3", show_date(agreement.effective_on)))
        until = agreement.confirmation_until
        if until is None:
            self.confirmation_label.setText("")
        else:
            left = (until - today).days
            text = translate("CaseView", "Judicial confirmation: both parties may apply to "
                             "the court together until %1").replace("%1", show_date(until))
            if left >= 0:
                text += " — " + translate("CaseView", "%n day(s) left", None, left)
            else:
                text += " — " + translate("CaseView", "the window has closed")
            colour = OVERDUE if 0 <= left <= 7 else MUTED
            self.confirmation_label.setStyleSheet(f"color:{colour};")
            self.confirmation_label.setText(text)
        parts = []
        for caption, value in ((translate("CaseView", "Main facts"), agreement.facts),
                               (translate("CaseView", "Matters in dispute"), agreement.issues),
                               (translate("CaseView", "Responsibilities"),
                                agreement.responsibilities)):
            body = html.escape(value) if value else "—"
            parts.append(f"<p><b>{html.escape(caption)}{COLON}</b> {body}</p>")
        self.texts.setHtml("".join(parts))
        self.terms.setRowCount(len(agreement.terms))
        for row, term in enumerate(agreement.terms):
            amount = format_yuan(term.amount_fen) if term.amount_fen is not None else "—"
            capital = chinese_capital(term.amount_fen) if term.amount_fen is not None else ""
            performance = PERFORMANCE.get(term.performance, term.performance)
            colour = OVERDUE if term.performance == "not_done" else ""
            for column, item in (
                    (COL_NO, cell(str(row + 1))),
                    (COL_OBLIGOR, cell(term.obligor or "—",
                                       colour="" if term.obligor else OVERDUE)),
                    (COL_TEXT, cell(term.text, term.text)),
                    (COL_AMOUNT, cell(amount, colour=OVERDUE if term.amount_fen is None and any(
                        word in term.text for word in MONEY_WORDS) else "")),
                    (COL_CAPITAL, cell(capital)),
                    (COL_DUE, cell(show_date(term.due_on),
                                   colour="" if term.due_on else OVERDUE)),
                    (COL_PLACE, cell(term.place)), (COL_METHOD, cell(term.method)),
                    (COL_PERFORMANCE, cell(performance, colour=colour))):
                self.terms.setItem(row, column, item)
