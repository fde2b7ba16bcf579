"""Recording the mediation agreement (人民调解协议书 or 口头协议, Arts 28–29).

Vague terms are warned about while the parties are still in the room (a court refuses to
confirm unclear content), never refused: only the mediator can judge. The form is autosaved
as a draft (kind "agreement", tied to the case).

The same dialog corrects a recorded agreement (opened with ``initial``): the agreement is
typed, printed, read to the parties and corrected before they sign. A correction is
autosaved as kind "agreement_edit", so a half-typed correction is never offered as a new
agreement, nor a new agreement as a correction.
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.domain.money import format_yuan
from mediation_desk.domain.terms import confirmation_warnings, vague_term_warnings
from mediation_desk.errors import DomainError
from mediation_desk.services.cases.agreement_edit import SIGNED_KINDS
from mediation_desk.services.cases.casework import StepResult
from mediation_desk.services.cases.detail import AgreementView, CaseDetail
from mediation_desk.services.cases.drafts import AgreementDraft, TermDraft
from ui import dates
from ui.context import AppContext
from ui.dialogs.cases.agreement_terms import TermsTable
from ui.dialogs.cases.case_form import CaseDialog, ErrorLabel, add_row, field_with_error
from ui.i18n import translate
from ui.icons import icon
from ui.widgets.draft_keeper import DraftKeeper
from ui.widgets.screen_fit import open_at

WARNING_STYLE = ("QLabel{background:#fff3e0;border:1px solid #ef6c00;border-radius:3px;"
                 "padding:6px;color:#bf360c;}")
NEW_DRAFT, EDIT_DRAFT = "agreement", "agreement_edit"
FOUND_PERFORMANCE = ("done", "not_done")


def draft_of(agreement: AgreementView) -> AgreementDraft:
    """The recorded agreement as a draft to correct."""
    return AgreementDraft(
        form=agreement.form, reached_on=agreement.reached_on, facts=agreement.facts,
        issues=agreement.issues, responsibilities=agreement.responsibilities,
        terms=[TermDraft(t.text, t.obligor, t.obligee, t.amount_fen, t.due_on, t.place,
                         t.method) for t in agreement.terms])


def _text_box(lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(22 * lines + 12)
    return box


class AgreementDialog(CaseDialog):
    def __init__(self, ctx: AppContext, detail: CaseDetail, parent: QWidget | None = None,
                 draft_id: str | None = None, initial: AgreementDraft | None = None) -> None:
        """``initial``: the recorded agreement, to correct it (OK then updates it)."""
        super().__init__(ctx, parent)
        self.detail = detail
        self.editing = initial is not None
        title = translate("AgreementDialog", "Edit agreement — %1") if self.editing else \
            translate("AgreementDialog", "Record agreement — %1")
        self.setWindowTitle(title.replace("%1", detail.number or detail.title))
        self.form_box = QComboBox()
        self.form_box.addItem(translate("AgreementDialog", "Written agreement"), "written")
        self.form_box.addItem(translate("AgreementDialog", "Oral agreement"), "oral")
        self.reached_edit = QDateEdit(dates.today())
        self.reached_edit.setCalendarPopup(True)
        self.reached_edit.setDisplayFormat("yyyy-MM-dd")
        self.reached_edit.setMaximumDate(dates.today())
        self.reached_edit.setMinimumDate(QDate(detail.received_on))
        self.facts_edit = _text_box()
        self.issues_edit = _text_box(2)
        self.responsibilities_edit = _text_box(2)

        top = QHBoxLayout()
        left = QFormLayout()
        add_row(left, translate("AgreementDialog", "Form"), self.form_box)
        self.reached_error = add_row(left, translate("AgreementDialog", "Reached on"),
                                     self.reached_edit)
        right = QFormLayout()
        add_row(right, translate("AgreementDialog", "Main facts"), self.facts_edit)
        add_row(right, translate("AgreementDialog", "Matters in dispute"), self.issues_edit)
        add_row(right, translate("AgreementDialog", "Responsibilities"),
                self.responsibilities_edit)
        top.addLayout(left)
        top.addLayout(right, 1)

        self.terms = TermsTable([p.name for p in detail.parties])
        self.add_button = QPushButton(icon("add"), translate("AgreementDialog", "&Add term"))
        self.remove_button = QPushButton(icon("remove"),
                                         translate("AgreementDialog", "&Remove term"))
        self.add_button.clicked.connect(lambda: self.terms.add_term())
        self.remove_button.clicked.connect(self.terms.remove_current)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(translate("AgreementDialog", "Agreed terms")))
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        terms_cell, self.terms_error = field_with_error(self.terms)
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(WARNING_STYLE)
        self.notice_label = QLabel()  # correcting: what a correction means for paper, visits
        self.notice_label.setObjectName("agreement_edit_notice")
        self.notice_label.setWordWrap(True)
        self.notice_label.setStyleSheet(WARNING_STYLE)
        self.notice_label.setVisible(False)
        self.drafts = DraftKeeper(ctx, EDIT_DRAFT if self.editing else NEW_DRAFT, self,
                                  payload=self.payload,
                                  title=lambda: detail.title, case_ref=detail.id,
                                  draft_id=draft_id)
        self.error_map = [("达成日期", self.reached_error), ("条款", self.terms_error)]

        layout = QVBoxLayout(self)
        layout.addWidget(self.notice_label)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(terms_cell, 1)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.drafts.label)
        self.finish_layout(layout)
        open_at(self, 1180, 680)  # pixels at 100 % text; grows with it

        restored = self.drafts.load()
        #: What "nothing changed" looks like: a correction cancelled unchanged leaves no draft.
        self._unchanged: dict[str, Any] | None = None
        if initial is not None:
            self._fill(initial)
            self._unchanged = self.payload()
            self._show_notice()
            if restored:
                while self.terms.rows:
                    self.terms.remove_term(0)
        if restored:
            self._restore(restored)
        elif initial is None:
            self.facts_edit.setPlainText(detail.summary)
            self.terms.add_term()
        self.terms.edited.connect(self._edited)
        self.terms.rows_changed.connect(self.fix_tab_order)
        self.fix_tab_order()
        for signal in (self.form_box.currentIndexChanged, self.reached_edit.dateChanged,
                       self.facts_edit.textChanged, self.issues_edit.textChanged,
                       self.responsibilities_edit.textChanged):
            signal.connect(self._edited)
        self.update_warnings()

    def fix_tab_order(self) -> None:
        """Tab in reading order: the header fields, each term row, then add/remove, OK."""
        chain: list[QWidget] = [self.form_box, self.reached_edit, self.facts_edit,
                                self.issues_edit, self.responsibilities_edit,
                                *self.terms.editors(), self.add_button, self.remove_button,
                                self.ok_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- live checks ------------------------------------------------------------------------
    def _edited(self) -> None:
        self.update_warnings()
        self.drafts.touch()

    def warnings(self) -> list[str]:
        facts = [row.facts() for row in self.terms.rows]
        found = vague_term_warnings(facts) if facts or self.form() == "written" else []
        text = " ".join([self.detail.summary, self.facts_edit.toPlainText(),
                         *(f.text for f in facts)])
        return found + confirmation_warnings(self.detail.dispute_type, text)

    def update_warnings(self) -> None:
        found = self.warnings()
        if found:
            self.warning_label.setText(translate(
                "AgreementDialog", "A court may refuse to confirm unclear terms. Please check:")
                + "\n" + "\n".join(f"• {w}" for w in found))
        self.warning_label.setVisible(bool(found))

    def form(self) -> str:
        return str(self.form_box.currentData())

    def reached_on(self) -> date:
        value = self.reached_edit.date().toPython()
        assert isinstance(value, date)
        return value

    # -- autosave ---------------------------------------------------------------------------
    def payload(self) -> dict[str, Any]:
        return {"form": self.form(), "reached_on": self.reached_on().isoformat(),
                "facts": self.facts_edit.toPlainText(), "issues": self.issues_edit.toPlainText(),
                "responsibilities": self.responsibilities_edit.toPlainText(),
                "terms": [row.payload() for row in self.terms.rows]}

    def _restore(self, data: dict[str, Any]) -> None:
        self.form_box.setCurrentIndex(max(self.form_box.findData(data.get("form")), 0))
        reached = QDate.fromString(str(data.get("reached_on", "")), "yyyy-MM-dd")
        if reached.isValid():
            self.reached_edit.setDate(reached)
        self.facts_edit.setPlainText(str(data.get("facts", "")))
        self.issues_edit.setPlainText(str(data.get("issues", "")))
        self.responsibilities_edit.setPlainText(str(data.get("responsibilities", "")))
        for term in data.get("terms", []):
            due = term.get("due_on") or ""
            self.terms.add_term(term.get("text", ""), term.get("obligor", ""),
                                term.get("obligee", ""), term.get("amount", ""),
                                date.fromisoformat(due) if due else None,
                                term.get("place", ""), term.get("method", ""))

    def _fill(self, draft: AgreementDraft) -> None:
        self.form_box.setCurrentIndex(max(self.form_box.findData(draft.form), 0))
        if draft.reached_on is not None:
            self.reached_edit.setDate(QDate(draft.reached_on))
        self.facts_edit.setPlainText(draft.facts)
        self.issues_edit.setPlainText(draft.issues)
        self.responsibilities_edit.setPlainText(draft.responsibilities)
        for t in draft.terms:
            self.terms.add_term(t.text, t.obligor, t.obligee,
                                format_yuan(t.amount_fen) if t.amount_fen is not None else "",
                                t.due_on, t.place, t.method)

    def _show_notice(self) -> None:
        """Before OK, say what a correction means: the signed paper no longer matches, and a
        reworded term loses what a follow-up found about it."""
        lines = []
        printed = sum(1 for p in self.ctx.printing.printed(self.detail.id)
                      if p.kind in SIGNED_KINDS)
        if printed:
            lines.append(translate(
                "AgreementDialog", "This agreement has been printed %1 time(s). After "
                "correcting it, print it again and have every party sign again.")
                .replace("%1", str(printed)))
        agreement = self.detail.agreement
        if agreement and any(t.performance in FOUND_PERFORMANCE for t in agreement.terms):
            lines.append(translate(
                "AgreementDialog", "A term whose wording is kept keeps the performance "
                "recorded at follow-up visits; a reworded term starts again as a new term."))
        self.notice_label.setText("\n".join(lines))
        self.notice_label.setVisible(bool(lines))

    def _has_content(self) -> bool:
        if self._unchanged is not None:  # correcting: worth keeping only if changed
            return self.payload() != self._unchanged
        return any(row.text.text().strip() for row in self.terms.rows) or bool(
            self.issues_edit.toPlainText().strip()
            or self.responsibilities_edit.toPlainText().strip())

    # -- closing ----------------------------------------------------------------------------
    def _check_terms(self, errors: ErrorLabel) -> list[TermDraft] | None:
        drafts: list[TermDraft] = []
        ok = True
        for number, row in enumerate(self.terms.rows, start=1):
            prefix = translate("AgreementDialog", "Term %1:").replace("%1", str(number))
            missing_text = not row.text.text().strip()
            missing_obligor = not row.obligor.currentData()
            self.terms.mark_invalid(row.text, missing_text)
            self.terms.mark_invalid(row.obligor, missing_obligor)
            if missing_text:
                errors.add_error(f"{prefix} " + translate("AgreementDialog",
                                                          "write what is to be done."))
            if missing_obligor:
                errors.add_error(f"{prefix} " + translate("AgreementDialog",
                                                          "choose the party who must do it."))
            try:
                drafts.append(row.draft())
            except DomainError as exc:
                errors.add_error(f"{prefix} {exc.reason}")
                ok = False
            ok = ok and not missing_text and not missing_obligor
        if self.form() == "written" and not self.terms.rows:
            errors.add_error(translate("AgreementDialog",
                                       "A written agreement needs at least one term."))
            ok = False
        return drafts if ok else None

    def agreement_draft(self, terms: list[TermDraft]) -> AgreementDraft:
        return AgreementDraft(form=self.form(), reached_on=self.reached_on(),
                              facts=self.facts_edit.toPlainText().strip(),
                              issues=self.issues_edit.toPlainText().strip(),
                              responsibilities=self.responsibilities_edit.toPlainText().strip(),
                              terms=terms)

    def accept(self) -> None:
        self.clear_errors()
        terms = self._check_terms(self.terms_error)
        if terms is None:
            return
        draft = self.agreement_draft(terms)
        work = self.ctx.casework
        result = self.call_service(
            (lambda: work.update_agreement(self.detail.id, draft)) if self.editing
            else (lambda: work.record_agreement(self.detail.id, draft)))
        if result is not None:
            self.drafts.discard()
            self.done_with(result)

    def reject(self) -> None:
        if self._has_content():
            self.drafts.save_now()  # offered again the next time it is recorded / corrected
        else:
            self.drafts.discard()
        super().reject()

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext,
            detail: CaseDetail) -> StepResult | None:
        pending = ctx.autosave.pending(NEW_DRAFT, case_ref=detail.id)
        dialog = cls(ctx, detail, parent, draft_id=pending[0].id if pending else None)
        return dialog.run_for_result()

    @classmethod
    def ask_edit(cls, parent: QWidget | None, ctx: AppContext,
                 detail: CaseDetail) -> StepResult | None:
        """Correct the case's recorded agreement; None if it has none or the user cancels."""
        if detail.agreement is None:
            return None
        pending = ctx.autosave.pending(EDIT_DRAFT, case_ref=detail.id)
        dialog = cls(ctx, detail, parent, draft_id=pending[0].id if pending else None,
                     initial=draft_of(detail.agreement))
        return dialog.run_for_result()
