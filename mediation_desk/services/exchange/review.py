"""导入待核对: imported cases whose outcome or dates the import could not tell.

Why one list: an old register's unclear rows (处理中 for two years, a blank 调解结果, a
结案日期 without a result) are not live work. Shown as overdue they would bury 工作台 under
hundreds of red lines; shown nowhere they would be forgotten. So they are kept out of every
overdue count (:func:`under_review`) and gathered here, one line on 工作台 and one filter in
the register, until a person checks each: confirms it as it is (it is live work after all, or
the casework steps were taken to correct it), or records how it really ended — the same
distinct, audited path the import itself takes, never the lifecycle's steps for live cases.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import peewee

from mediation_desk import clock
from mediation_desk.domain.lifecycle import STATUS_LABELS, CaseStatus
from mediation_desk.errors import NotFound, PermissionDenied, Problem, ValidationError
from mediation_desk.services.shared import audit
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.changes import ChangeSet
from mediation_desk.store.database import Store
from mediation_desk.store.models import Agreement, Case, CaseArrival, CaseEvent

#: How a checked case really ended (the outcomes a closed case may have).
ENDINGS = {"success": "调解成功", "failure": "调解不成功", "terminated": "终止调解",
           "refused": "拒绝调解"}


def under_review() -> peewee.ModelSelect[CaseArrival]:
    """The ids of cases still to be checked (a subquery for other queries' ``not_in``)."""
    return CaseArrival.select(CaseArrival.case).where(
        CaseArrival.review != "", CaseArrival.reviewed_on.is_null(),
        CaseArrival.deleted_at.is_null())


@dataclass(frozen=True)
class ReviewItem:
    case_id: str
    number: str
    title: str
    status: str
    status_label: str
    received_on: date
    source: str
    reasons: list[str]


@dataclass
class ReviewResult:
    status: str
    changes: ChangeSet


class ImportReviewService:
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor

    def count(self) -> int:
        return int(under_review().join(Case).where(Case.deleted_at.is_null()).count())

    def pending(self, limit: int | None = None) -> list[ReviewItem]:
        """The cases to check, oldest first (as they stood in the old register)."""
        query = (CaseArrival.select(CaseArrival, Case).join(Case)
                 .where(CaseArrival.review != "", CaseArrival.reviewed_on.is_null(),
                        CaseArrival.deleted_at.is_null(), Case.deleted_at.is_null())
                 .order_by(Case.received_on, Case.number_seq))
        if limit:
            query = query.limit(limit)
        return [ReviewItem(row.case.id, row.case.number or "", row.case.title, row.case.status,
                           STATUS_LABELS[CaseStatus(row.case.status)], row.case.received_on,
                           row.source, [r for r in row.review.split("\n") if r])
                for row in query]

    def reasons(self, case_id: str) -> list[str]:
        """Why this case is still to be checked ([] when it is not)."""
        row = self._pending_row(case_id)
        return [r for r in row.review.split("\n") if r] if row else []

    @staticmethod
    def _pending_row(case_id: str) -> CaseArrival | None:
        row: CaseArrival | None = CaseArrival.live().where(
            CaseArrival.case == case_id, CaseArrival.review != "",
            CaseArrival.reviewed_on.is_null()).first()
        return row

    def resolve(self, case_id: str, *, ending: str = "", closed_on: date | None = None,
                note: str = "") -> ReviewResult:
        """Mark the case checked; with ``ending``, first record how it really ended (closed
        on ``closed_on``): a director's or administrator's act, since it closes a case
        without the lifecycle's steps."""
        today = clock.today()
        problems: list[Problem] = []
        if ending and ending not in ENDINGS:
            problems.append(Problem("", "调解结果", "应为 " + " / ".join(ENDINGS) + " 之一"))
        if ending and closed_on is None:
            problems.append(Problem("", "结案日期", "记录结案方式时不能为空"))
        if closed_on is not None and closed_on > today:
            problems.append(Problem("", "结案日期", "不能晚于今天"))
        if problems:
            raise ValidationError(problems)
        if ending and self.actor.role not in ("director", "admin"):
            raise PermissionDenied("只有调委会主任或管理员可以为导入案件补记结案")
        with self.store.write() as changes:
            case = Case.get_live(case_id)
            if case is None:
                raise NotFound(f"找不到案件 {case_id}")
            row = self._pending_row(case_id)
            if row is None:
                raise ValidationError(Problem(case.number or "", "导入待核对", "本案没有待核对的导入信息"))
            if ending:
                self._close(case, ending, closed_on, note, changes)
            row.reviewed_on, row.reviewed_by, row.review_note = today, self.actor.name, note
            row.save()
            audit.record(self.actor, "review", row, detail=note or "已核对")
            changes.touch("case", case.id)
        return ReviewResult(case.status, changes)

    def _close(self, case: Case, ending: str, closed_on: date | None, note: str,
               changes: ChangeSet) -> None:
        assert closed_on is not None
        if closed_on < case.received_on:
            raise ValidationError(Problem(case.number or "", "结案日期", "早于受理日期"))
        if case.status == CaseStatus.ARCHIVED:
            raise ValidationError(Problem(case.number or "", "案件状态", "已归档的案件不能改记结案"))
        agreement = Agreement.live().where(Agreement.case == case).first()
        if ending == "success" and agreement is None:
            raise ValidationError(Problem(case.number or "", "调解结果",
                                          "调解成功须先记录调解协议"))
        if ending != "success" and agreement is not None:
            raise ValidationError(Problem(case.number or "", "调解结果",
                                          "本案有调解协议，只能记为调解成功"))
        if agreement is not None and agreement.reached_on > closed_on:
            raise ValidationError(Problem(case.number or "", "结案日期",
                                          f"早于协议达成日期（{agreement.reached_on}）"))
        before = case.status
        case.status, case.outcome, case.closed_on = CaseStatus.CLOSED.value, ending, closed_on
        if ending == "terminated" and not case.termination_reason:
            case.termination_reason = note or ENDINGS[ending]
        if ending == "refused" and not case.refusal_reason:
            case.refusal_reason = note or ENDINGS[ending]
        case.save()
        reason = f"核对导入案件：{ENDINGS[ending]}，结案日期 {closed_on}" + (f"；{note}" if note else "")
        CaseEvent.create(case=case, at=clock.now().replace(microsecond=0), step="review",
                         from_status=before, to_status=case.status, reason=reason,
                         account=self.actor.account_id or None)
        audit.record(self.actor, "review", case, detail=reason)
        changes.touch("case", case.id)
