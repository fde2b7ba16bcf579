"""工作台: what needs the mediator today — deadlines, follow-ups, confirmation windows,
sessions planned for today, and drafts left unfinished."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from mediation_desk import clock
from mediation_desk.domain.deadlines import confirmation_deadline, days_left
from mediation_desk.domain.lifecycle import OPEN_STATUSES
from mediation_desk.services.cases.autosave import DRAFT_KINDS, AutosaveService
from mediation_desk.services.exchange.review import ImportReviewService, under_review
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.database import Store
from mediation_desk.store.models import Agreement, Appointment, Case, FollowUp

NEAR_DEADLINE_DAYS = 5
FOLLOWUP_AHEAD_DAYS = 3
CONFIRMATION_WARN_DAYS = 7


@dataclass(frozen=True)
class AgendaItem:
    """One line on 工作台: which case, why it is there, and how urgent."""

    kind: str  # deadline | followup | confirmation | session | draft | import_review
    case_id: str
    number: str
    title: str
    text: str
    due: date | None
    urgent: bool
    ref_id: str = ""


@dataclass
class Agenda:
    deadlines: list[AgendaItem] = field(default_factory=list)
    followups: list[AgendaItem] = field(default_factory=list)
    confirmations: list[AgendaItem] = field(default_factory=list)
    sessions: list[AgendaItem] = field(default_factory=list)
    drafts: list[AgendaItem] = field(default_factory=list)
    #: One line, "N 件导入案件待核对", when imported cases wait to be checked (never as
    #: overdue deadlines: services/exchange/review.py).
    imports: list[AgendaItem] = field(default_factory=list)

    def all(self) -> list[AgendaItem]:
        return self.deadlines + self.followups + self.confirmations + self.sessions + \
            self.drafts + self.imports


class TodayService:
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor

    def agenda(self, today: date | None = None) -> Agenda:
        today = today or clock.today()
        agenda = Agenda()
        open_codes = [s.value for s in OPEN_STATUSES]
        for case in (Case.live().where(Case.status.in_(open_codes),
                                       Case.deadline_on <= today + timedelta(NEAR_DEADLINE_DAYS),
                                       Case.id.not_in(under_review()))
                     .order_by(Case.deadline_on)):
            left = days_left(case.deadline_on, today)
            text = f"已超过调解期限{-left}天" if left < 0 else (
                "今天到期" if left == 0 else f"距调解期限还有{left}天")
            agenda.deadlines.append(AgendaItem("deadline", case.id, case.number or "",
                                               case.title, text, case.deadline_on, left < 0))
        # Each query selects its case too (one query, not one more per line).
        for fu in (FollowUp.select(FollowUp, Case).join(Case)
                   .where(FollowUp.deleted_at.is_null(), FollowUp.done_on.is_null(),
                          Case.deleted_at.is_null(),
                          FollowUp.due_on <= today + timedelta(FOLLOWUP_AHEAD_DAYS))
                   .order_by(FollowUp.due_on)):
            late = fu.due_on < today
            text = f"回访已逾期{(today - fu.due_on).days}天" if late else \
                f"回访日期 {fu.due_on:%m月%d日}"
            agenda.followups.append(AgendaItem("followup", fu.case.id, fu.case.number or "",
                                               fu.case.title, text, fu.due_on, late, fu.id))
        window_start = today - timedelta(days=30)
        for ag in (Agreement.select(Agreement, Case).join(Case)
                   .where(Agreement.deleted_at.is_null(), Agreement.form == "written",
                          Agreement.effective_on >= window_start,
                          Case.status.in_(["agreed", "following_up"]),
                          Case.deleted_at.is_null())):
            end = confirmation_deadline(ag.effective_on)
            left = days_left(end, today)
            if 0 <= left <= CONFIRMATION_WARN_DAYS:
                agenda.confirmations.append(AgendaItem(
                    "confirmation", ag.case.id, ag.case.number or "", ag.case.title,
                    f"申请司法确认的期限还剩{left}天（{end:%m月%d日}截止）", end, left <= 2))
        start = datetime.combine(today, datetime.min.time())
        for ap in (Appointment.select(Appointment, Case).join(Case)
                   .where(Appointment.deleted_at.is_null(), Appointment.at >= start,
                          Appointment.at < start + timedelta(days=1),
                          Appointment.done == False,  # noqa: E712
                          Case.deleted_at.is_null())
                   .order_by(Appointment.at)):
            agenda.sessions.append(AgendaItem(
                "session", ap.case.id, ap.case.number or "", ap.case.title,
                f"{ap.at:%H:%M} {ap.place or ''} {ap.note or ''}".strip(), today, False, ap.id))
        waiting = ImportReviewService(self.store, self.actor).count()
        if waiting:
            agenda.imports.append(AgendaItem(
                "import_review", "", "", f"{waiting} 件导入案件待核对",
                "调解结果或日期不明，核对后才计入调解期限", None, False))
        for d in AutosaveService(self.store, self.actor).pending():
            agenda.drafts.append(AgendaItem(
                "draft", d.case_ref, "", d.title or DRAFT_KINDS.get(d.kind, d.kind),
                f"未完成的{DRAFT_KINDS.get(d.kind, d.kind)}（{d.saved_at:%m月%d日 %H:%M}保存）",
                None, False, d.id))
        return agenda
