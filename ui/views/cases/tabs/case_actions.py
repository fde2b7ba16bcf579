"""What the case view's buttons do: each opens its dialog or calls its service, then says how
it went in the view's message line. Reloading is not done here: the service's change set
arrives on ``ctx.bus`` and the view refreshes itself from it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from mediation_desk.domain.lifecycle import STATUS_LABELS, Step
from mediation_desk.errors import NotFound, StoreUnavailable, ValidationError
from mediation_desk.services.cases.casework import StepResult
from mediation_desk.services.cases.drafts import PartyDraft
from ui.context import AppContext
from ui.dialogs.cases.agreement_dialog import AgreementDialog
from ui.dialogs.cases.case_edit_dialog import CaseEditDialog
from ui.dialogs.cases.extend_dialog import ExtendDialog
from ui.dialogs.cases.followup_dialogs import RecordFollowupDialog, ScheduleFollowupDialog
from ui.dialogs.cases.party_dialog import PartyDialog
from ui.dialogs.cases.record_dialog import RecordDialog
from ui.dialogs.cases.session_dialog import SessionDialog
from ui.dialogs.reason_dialog import ReasonDialog
from ui.i18n import translate

if TYPE_CHECKING:
    from ui.views.cases.case_view import CaseView

INFO, WARNING, ERROR = "info", "warning", "error"


def done_text(step: Step) -> str:
    """What the message line says after ``step`` went through."""
    return {
        Step.NOTIFY_RIGHTS: translate("CaseView", "Rights and duties notified"),
        Step.INVESTIGATE: translate("CaseView", "Investigation record added"),
        Step.MEDIATE: translate("CaseView", "Session record added"),
        Step.AGREE: translate("CaseView", "Agreement recorded"),
        Step.TERMINATE: translate("CaseView", "Mediation terminated"),
        Step.REFUSE: translate("CaseView", "Refusal recorded"),
        Step.EXTEND: translate("CaseView", "Time limit extended"),
        Step.FOLLOW_UP: translate("CaseView", "Follow-up scheduled"),
        Step.CLOSE: translate("CaseView", "Case closed"),
        Step.ARCHIVE: translate("CaseView", "Case archived"),
    }[step]


class CaseActions(QObject):
    message = Signal(str, str)  # text, level

    def __init__(self, view: CaseView) -> None:
        super().__init__(view)
        self.view = view

    @property
    def ctx(self) -> AppContext:
        return self.view.ctx

    def _done(self, result: StepResult | None, what: str) -> None:
        if result is None:
            return
        text = translate("CaseView", "%1. The case is now “%2”.").replace("%1", what).replace(
            "%2", STATUS_LABELS[result.status])
        if result.warnings:
            text += "\n" + translate("CaseView", "Please check:") + " " + "；".join(
                result.warnings)
        self.message.emit(text, WARNING if result.warnings else INFO)

    def _call(self, work: Callable[[], object]) -> object | None:
        """A service call made without a dialog: refusals go to the message line."""
        try:
            return work()
        except ValidationError as exc:
            self.message.emit("；".join(p.reason if not p.field else f"{p.field}：{p.reason}"
                                       for p in exc.problems), ERROR)
        except (StoreUnavailable, NotFound) as exc:
            self.message.emit(translate("CaseView", "Nothing was changed: %1").replace(
                "%1", str(exc)), ERROR)
        return None

    # -- steps ------------------------------------------------------------------------------
    def take_step(self, step: Step) -> None:
        detail = self.view.detail
        if detail is None:
            return
        view, ctx, label = self.view, self.ctx, done_text(step)
        result: object | None
        if step in (Step.NOTIFY_RIGHTS, Step.CLOSE, Step.ARCHIVE):
            result = self._call(lambda: ctx.casework.take_step(detail.id, step))
        elif step is Step.INVESTIGATE:
            result = RecordDialog.ask(view, ctx, detail, "investigation")
        elif step is Step.MEDIATE:
            result = RecordDialog.ask(view, ctx, detail, "mediation")
        elif step is Step.AGREE:
            result = AgreementDialog.ask(view, ctx, detail)
        elif step in (Step.TERMINATE, Step.REFUSE):
            result = ReasonDialog.ask(view, ctx, detail.id, step)
        elif step is Step.EXTEND:
            result = ExtendDialog.ask(view, ctx, detail.id, detail.deadline_on)
        elif step is Step.FOLLOW_UP:
            result = ScheduleFollowupDialog.ask(view, ctx, detail.id)
        else:  # pragma: no cover - every step is handled above
            raise ValueError(step)
        self._done(result if isinstance(result, StepResult) else None, label)

    def record_followup(self, followup_id: str) -> None:
        detail = self.view.detail
        if detail is not None:
            self._done(RecordFollowupDialog.ask(self.view, self.ctx, detail, followup_id),
                       translate("CaseView", "Follow-up visit recorded"))

    def schedule_followup(self) -> None:
        detail = self.view.detail
        if detail is not None:
            self._done(ScheduleFollowupDialog.ask(self.view, self.ctx, detail.id),
                       translate("CaseView", "Follow-up scheduled"))

    def add_record(self, kind: str) -> None:
        detail = self.view.detail
        if detail is not None:
            allowed = {step for step, _ in detail.next_steps}
            if kind == "mediation" and not detail.closed and Step.MEDIATE not in allowed:
                kind = "investigation" if Step.INVESTIGATE in allowed else "note"
            self._done(RecordDialog.ask(self.view, self.ctx, detail, kind),
                       translate("CaseView", "Record added"))

    def record_agreement(self) -> None:
        self.take_step(Step.AGREE)

    def edit_agreement(self) -> None:
        """Correct the recorded agreement; its warnings (printed before, vague terms) go to
        the message line as the record flow's do."""
        detail = self.view.detail
        if detail is None:
            return
        result = AgreementDialog.ask_edit(self.view, self.ctx, detail)
        if result is not None and not result.changes:
            self.message.emit(translate("CaseView", "The agreement was not changed."), INFO)
        else:
            self._done(result, translate("CaseView", "Agreement corrected"))

    # -- sessions and parties ---------------------------------------------------------------
    def plan_session(self) -> None:
        self._done(SessionDialog.ask(self.view, self.ctx, self.view.case_id),
                   translate("CaseView", "Session planned"))

    def session_held(self, appointment_id: str) -> None:
        self._call(lambda: self.ctx.casework.finish_session(appointment_id))

    def add_party(self) -> None:
        self._done(PartyDialog.ask(self.view, self.ctx, self.view.case_id),
                   translate("CaseView", "Party added"))

    def edit_party(self, party_id: str) -> None:
        """Correct a party: the form opens with the full details (an audited reveal)."""
        initial = self._call(lambda: self.ctx.casework.party_draft(party_id))
        if not isinstance(initial, PartyDraft):
            return
        result = PartyDialog.ask(self.view, self.ctx, self.view.case_id, party_id=party_id,
                                 initial=initial)
        if result is not None and not result.changes:
            self.message.emit(translate("CaseView", "No details were changed."), INFO)
        else:
            self._done(result, translate("CaseView", "Party details saved"))

    def edit_case(self) -> None:
        """修改案件信息: every changed field goes to the history with before and after."""
        result = CaseEditDialog.ask(self.view, self.ctx, self.view.case_id)
        if result is None:
            return
        if not result.fields:
            self.message.emit(translate("CaseView", "No details were changed."), INFO)
            return
        self.message.emit(translate("CaseView", "Case details saved: %1").replace(
            "%1", "、".join(c.label for c in result.fields)), INFO)

    def reveal_party(self, party_id: str) -> None:
        """Full ID and phone, audited by the service; the history tab shows the event."""
        found = self._call(lambda: self.ctx.case_detail.reveal_party(party_id))
        if isinstance(found, tuple):
            id_number, phone = found
            self.view.parties_tab.show_revealed(party_id, id_number, phone)
            # reveal_party publishes no change set, so refresh the history ourselves.
            self.view.reload()
