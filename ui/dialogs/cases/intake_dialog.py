"""受理登记: registering a dispute while the parties sit at the desk.

Everything typed is saved as a draft within a second of the last keystroke (a crash or a power
cut loses nothing); refused values are named beside their field, in the words the services use;
only a clean form is registered, in one transaction. Enter moves to the next field (a mediator
typing a name must not register half a case by accident); Ctrl+Enter registers.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mediation_desk import clock
from mediation_desk.errors import Problem, StoreUnavailable, ValidationError
from mediation_desk.services.cases.drafts import CaseDraft, PartyDraft, derive_title
from mediation_desk.services.cases.intake import Registered
from ui.context import AppContext
from ui.i18n import translate
from ui.icons import icon
from ui.widgets.case_fields import CaseFields
from ui.widgets.draft_keeper import DraftKeeper
from ui.widgets.field_error import FieldError
from ui.widgets.party_editor import party_from_dict, party_to_dict
from ui.widgets.party_grid import PROBLEM_FIELDS, PartyGrid
from ui.widgets.screen_fit import open_at

DRAFT_KIND = "intake"
PAYLOAD_VERSION = 1
_PARTY_FIELD = re.compile(r"当事人\[(\d+)\] (.+)")


#: Registers a checked draft and says what was registered (the default: ctx.intake.register).
RegisterHook = Callable[[CaseDraft, date], Registered]


class IntakeDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 draft_id: str | None = None, *, prefill: dict[str, Any] | None = None,
                 register: RegisterHook | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.registered: Registered | None = None
        # A caller registering the case its own way hands the checked draft to ``register``.
        self._register: RegisterHook = register or self._register_case
        #: The patrol finding this case is registered from, kept in the autosaved draft so a
        #: form closed and resumed later from 工作台 still links the case to its finding.
        self.finding_id: str = ""
        self._restoring = True
        self.setWindowTitle(translate("IntakeDialog", "Register a dispute"))
        self.setWindowIcon(icon("new_case"))
        self.drafts = DraftKeeper(ctx, DRAFT_KIND, self, payload=self.payload,
                                  title=lambda: derive_title(self.build_draft()[0]),
                                  draft_id=draft_id)

        self.case = CaseFields(ctx, self)
        self.grid = PartyGrid([e.label for e in ctx.settings.entries("ethnicity") if e.active],
                              ctx.intake.earlier_cases_of, self._earlier_party, self)
        self._build_layout()
        self._set_tab_order()
        self.case.changed.connect(self._changed)
        self.grid.changed.connect(self._changed)
        payload = self.drafts.load() or prefill
        if payload:
            self.finding_id = str(payload.get("finding_id") or "")
            self.restore(payload)
        self._restoring = False
        self.case.received_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext,
            draft_id: str | None = None, *, prefill: dict[str, Any] | None = None,
            register: RegisterHook | None = None) -> Registered | None:
        """Open the intake form (restoring a saved draft, or ``prefill`` — a payload as
        :meth:`payload` writes it); the registered case, or None."""
        dialog = cls(ctx, parent, draft_id=draft_id, prefill=prefill, register=register)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.registered
            return None
        finally:
            dialog.deleteLater()

    # -- building ---------------------------------------------------------------------------
    def _build_layout(self) -> None:
        parties_box = QGroupBox(translate("IntakeDialog", "Parties"), self)
        QVBoxLayout(parties_box).addWidget(self.grid)
        columns = QWidget(self)
        row = QHBoxLayout(columns)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.case, 9)
        row.addWidget(parties_box, 11)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setWidget(columns)

        self.general_message = FieldError(self)
        self.buttons = QDialogButtonBox(self)
        self.register_button = QPushButton(icon("save", "accent"),
                                           translate("IntakeDialog", "Register"), self)
        self.register_button.setDefault(True)
        self.register_button.setToolTip(
            translate("IntakeDialog", "Register the case (Ctrl+Enter)"))
        self.buttons.addButton(self.register_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.drafts.label, 1)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.general_message)
        layout.addLayout(bottom)
        open_at(self, 1080, 660)  # pixels at 100 % text; grows with it

    def _set_tab_order(self) -> None:
        chain = [*self.case.focus_chain(), *self.grid.focus_chain(), self.register_button,
                 self.cancel_button]
        for first, after in itertools.pairwise(chain):
            QWidget.setTabOrder(first, after)
        self.tab_chain = chain
        for edit in (self.case.summary_edit, self.case.requests_edit):
            edit.installEventFilter(self)  # Ctrl+Enter registers from multi-line fields too

    # -- the form as data -------------------------------------------------------------------
    def build_draft(self) -> tuple[CaseDraft, list[Problem]]:
        """The form as a CaseDraft, and the problems only the form can see (an amount or a
        birth date that does not parse) — the services check everything else."""
        draft = CaseDraft(parties=self.grid.parties())
        problems = self.case.fill(draft)
        birth = self.grid.editor.birth_problem()
        if birth and self.grid.current_index() >= 0:
            field = f"当事人[{self.grid.current_index() + 1}] 出生日期"
            problems.append(Problem("", field, birth))
        return draft, problems

    def payload(self) -> dict[str, Any]:
        """Everything typed, as JSON-able data for the autosaved draft."""
        return {"version": PAYLOAD_VERSION, **self.case.payload(),
                "parties": [party_to_dict(p) for p in self.grid.parties()],
                "current_party": self.grid.current_index(),
                **({"finding_id": self.finding_id} if self.finding_id else {})}

    def _register_case(self, draft: CaseDraft, today: date) -> Registered:
        """Register the case; one made from a patrol finding is registered and linked to it
        in one transaction (source 排查发现, the finding's measure 登记立案)."""
        if not self.finding_id:
            return self.ctx.intake.register(draft, today).cases[0]
        result = self.ctx.patrols.finding_to_case(self.finding_id, draft)
        number = self.ctx.patrols.finding(self.finding_id).case_number
        return Registered(result.id, number, notices=list(result.warnings))

    def restore(self, data: dict[str, Any]) -> None:
        """Put a saved payload back into every field."""
        was, self._restoring = self._restoring, True
        try:
            self.case.restore(data)
            parties = [party_from_dict(p) for p in data.get("parties", []) or []
                       if isinstance(p, dict)]
            if parties:
                self.grid.set_parties(parties, int(data.get("current_party", 0) or 0))
        finally:
            self._restoring = was

    # -- autosave ---------------------------------------------------------------------------
    def _changed(self) -> None:
        if not self._restoring:
            self.drafts.touch()

    @property
    def draft_id(self) -> str | None:
        return self.drafts.draft_id

    def save_draft(self) -> None:
        """Save the whole form as a draft now (the debounce timer calls this)."""
        self.drafts.save_now()

    # -- reasons ----------------------------------------------------------------------------
    def _clear_problems(self) -> None:
        self.case.clear_problems()
        self.general_message.clear()
        self.grid.clear_problems()

    def show_problems(self, problems: list[Problem]) -> None:
        """Each reason beside its field; the first offending field gets the focus."""
        parties: dict[int, dict[str, str]] = {}
        about_parties: list[str] = []
        other: list[str] = []
        first: QWidget | None = None
        for problem in problems:
            party = _PARTY_FIELD.fullmatch(problem.field)
            if party and party[2] in PROBLEM_FIELDS:
                found = parties.setdefault(int(party[1]) - 1, {})
                key = PROBLEM_FIELDS[party[2]]
                found[key] = "；".join(filter(None, (found.get(key), problem.reason)))
            elif problem.field == "当事人":
                about_parties.append(problem.reason)
            elif (shown := self.case.show_problem(problem.field, problem.reason)) is not None:
                first = first or shown
            else:
                other.append(str(problem))
        self.grid.set_problems(parties, about_parties)
        if other:
            self.general_message.show_error("\n".join(other))
        if first is None and parties:
            first = self.grid.editor.widgets.get(next(iter(parties[min(parties)])))
        target = first or (self.grid.table if about_parties else None)
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            self.scroll_area.ensureWidgetVisible(target)

    # -- accepting and leaving --------------------------------------------------------------
    def accept(self) -> None:
        self._clear_problems()
        draft, problems = self.build_draft()
        today = clock.today()
        registered: Registered | None = None
        try:
            problems += self.ctx.intake.check([draft], today)
            if not problems:
                registered = self._register(draft, today)
        except ValidationError as exc:
            problems = exc.problems
        except StoreUnavailable as exc:
            self.general_message.show_error(translate(
                "IntakeDialog", "The case could not be registered: {reason}\nNothing was "
                "saved and everything you typed is still here; try again.").format(
                reason=str(exc)))
            return
        if problems or registered is None:
            self.show_problems(problems)
            return
        # The case is registered; a draft left behind by a failing disk is harmless.
        self.drafts.discard()
        self.registered = registered
        lines = [*registered.warnings, *registered.notices]
        if lines:
            self._inform(translate("IntakeDialog", "Registered {number}")
                         .format(number=registered.number),
                         "\n".join(lines))
        super().accept()

    def reject(self) -> None:
        self.drafts.flush()
        if self.draft_id:
            answer = self._ask_keep()
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.No:
                self.drafts.discard()
                if self.draft_id:
                    self.general_message.show_error(translate(
                        "IntakeDialog", "The draft could not be removed; try again."))
                    return
        super().reject()

    def _ask_keep(self) -> QMessageBox.StandardButton:
        return QMessageBox.question(
            self, translate("IntakeDialog", "Keep the draft?"),
            translate("IntakeDialog", "Keep the draft for later?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes)

    def _inform(self, title: str, text: str) -> None:
        QMessageBox.information(self, title, text)

    # -- keyboard ---------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.accept()
            else:
                self.focusNextChild()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.accept()
            return True
        return super().eventFilter(watched, event)

    # -- earlier cases of the same person ---------------------------------------------------
    def _earlier_party(self, id_number: str) -> PartyDraft | None:
        """The person's details in their latest earlier case (the reuse is audited)."""
        return self.ctx.intake.latest_party_of(id_number)

