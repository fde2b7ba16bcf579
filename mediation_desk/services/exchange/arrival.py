"""Where an imported case arrives: the state it ended in, not 已登记.

Two kinds of file bring cases in. A case@1 document exported by this program says its status,
dates and outcome outright; it arrives exactly so (:func:`_as_stated`). A hand-kept register
(台账) says only what the room wrote down — 调解结果 in its own words, usually a 结案日期 and no
agreement date — so the ending is read from those words (:func:`_as_register`): a 2024 case
recorded as 调解不成功 arrives closed as failed on its closing date, an old 调解成功 arrives
closed with its agreement, and a row whose outcome cannot be told arrives marked for review
(导入待核对) instead of as overdue live work. What the import had to assume is listed per
case (:attr:`Settled.inferred`) for the report and the case's arrival record.

Pure: the register's mediation period and ``today`` are parameters. The lifecycle's steps
(:mod:`mediation_desk.domain.lifecycle`) still govern every case registered now; arrival is
a separate, audited path taken only by import.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from mediation_desk.domain.deadlines import mediation_deadline
from mediation_desk.domain.lifecycle import OPEN_STATUSES, STATUS_LABELS, CaseStatus, Step
from mediation_desk.errors import Problem
from mediation_desk.services.cases.drafts import (
    AgreementDraft,
    ArrivalDraft,
    CaseDraft,
    Settled,
)
from mediation_desk.services.cases.validation import PERFORMANCE
from mediation_desk.services.exchange import outcomes as O

S = CaseStatus
_Fail = Callable[[str, str], None]  # a field and a reason
CLOSED = frozenset({S.CLOSED.value, S.ARCHIVED.value})
OUTCOMES = ("success", "failure", "terminated", "refused")
EVENT_STEPS = frozenset({"register", "import", "review", *(s.value for s in Step)})
APPOINTMENT_KINDS = ("mediation", "investigation", "followup")
MAX_EXTENSION_DAYS = 3650  # ten years of extensions: anything more is a typing error
MAX_PEOPLE = 100_000

# What the import assumed, worded without dates so the report can group rows under one line.
AGREED_ON_MEDIATED = "协议达成日期取自“调解日期”（台账没有协议日期）"
AGREED_ON_CLOSED = "协议达成日期取自“结案日期”（台账没有协议日期）"
AGREED_ON_RECEIVED = "协议达成日期按受理日期记（台账没有协议日期、调解日期和结案日期）"
CLOSED_ON_AGREED = "结案日期按协议达成日期记（台账没有结案日期）"
CLOSED_ON_MEDIATED = "结案日期取自“调解日期”（台账没有结案日期）"
CLOSED_ON_RECEIVED = "结案日期按受理日期记（台账没有结案日期和调解日期）"
WRITTEN_NO_TERMS = "调解成功但台账没有协议内容：记为书面协议，条款见纸质卷宗"
SUCCESS_FROM_TERMS = "调解结果未写，按有协议内容记为调解成功"
WITHDRAWN = "调解结果为撤回，记为终止调解（当事人要求终止）"


def content_status(draft: CaseDraft) -> CaseStatus:
    """Where a case stands judged only from what it contains (a case@1 document without a
    status): an agreement → 已达成协议 (回访中 with a follow-up record), a session → 调解中,
    an investigation → 调查中, otherwise 已登记."""
    kinds = {r.kind for r in draft.records}
    if draft.agreement is not None:
        return S.FOLLOWING_UP if "followup" in kinds else S.AGREED
    if "mediation" in kinds:
        return S.MEDIATING
    if "investigation" in kinds:
        return S.INVESTIGATING
    return S.REGISTERED


def settle(draft: CaseDraft, today: date, mediation_days: int) -> Settled:
    """Work out (once) the state ``draft.arrival`` says the case ended in; fills missing
    agreement dates and reasons in the draft, and remembers the answer on the arrival."""
    a = draft.arrival
    assert a is not None
    if a.settled is not None:
        return a.settled
    received = draft.received_on or today
    extension = min(max(a.extension_days, 0), MAX_EXTENSION_DAYS)  # check() names a bad one
    deadline = a.deadline_on or mediation_deadline(received, max(mediation_days, 1), extension)
    a.settled = _as_stated(draft, a, deadline) if a.status else \
        _as_register(draft, a, today, deadline)
    a.settled.review[:0] = a.carried_review
    a.settled.inferred[:0] = a.read_notes
    return a.settled


def _latest_date(draft: CaseDraft) -> date | None:
    days = [r.at.date() for r in draft.records]
    if draft.agreement is not None and draft.agreement.reached_on is not None:
        days.append(draft.agreement.reached_on)
    days += [f.done_on for f in (draft.arrival.followups if draft.arrival else [])
             if f.done_on is not None]
    return max(days, default=draft.received_on)


def _as_stated(draft: CaseDraft, a: ArrivalDraft, deadline: date) -> Settled:
    """A document that says its status: taken as it is; only dates an older export left out
    are assumed, and such a case is marked for review."""
    out = Settled(a.status, a.outcome if a.outcome in OUTCOMES else "", a.closed_on,
                  a.archived_on, deadline)
    if not out.outcome:
        if a.status in (S.AGREED, S.FOLLOWING_UP) or (
                a.status in CLOSED and draft.agreement is not None):
            out.outcome = "success"
        elif a.status == S.TERMINATED or (a.status in CLOSED and a.termination_reason):
            out.outcome = "terminated"
        elif a.status == S.REFUSED or (a.status in CLOSED and a.refusal_reason):
            out.outcome = "refused"
        elif a.status in CLOSED:
            out.review.append("文件没有写明结案方式（调解结果），请核对")
    if a.status in CLOSED and out.closed_on is None:
        out.closed_on = _latest_date(draft)
        out.inferred.append("结案日期按最后一次记录的日期记（文件没有结案日期）")
        out.review.append(f"文件没有结案日期，暂按{out.closed_on}记，请核对")
    if a.status == S.ARCHIVED and out.archived_on is None:
        out.archived_on = out.closed_on
        out.inferred.append("归档日期按结案日期记（文件没有归档日期）")
    return out


def _as_register(draft: CaseDraft, a: ArrivalDraft, today: date, deadline: date) -> Settled:
    """A register row (or a document without a status): the ending read from 调解结果,
    the dates from whatever date columns the room kept."""
    out = Settled(content_status(draft).value, "", None, None, deadline)
    agreement = draft.agreement
    code = a.outcome or O.UNKNOWN
    said = O.OUTCOME_LABELS.get(code, code)
    if agreement is not None and code in (O.FAILURE, O.TERMINATED, O.REFUSED, O.OPEN):
        out.review.append(f"调解结果为“{a.outcome_text or said}”，但有协议内容，请核对")
        code = O.UNKNOWN
    elif agreement is not None and code == O.UNKNOWN and a.register_row:
        if a.outcome_text:
            out.review.append(f"调解结果“{a.outcome_text}”无法识别，按有协议内容记为调解成功，请核对")
        else:
            out.inferred.append(SUCCESS_FROM_TERMS)
        code = O.SUCCESS
    if code == O.SUCCESS:
        _settle_success(draft, a, agreement, today, out)
    elif code in (O.FAILURE, O.TERMINATED, O.REFUSED):
        _settle_ended(draft, a, code, out)
    else:
        _settle_unclear(draft, a, code, today, out)
    if a.archived_on is not None:
        if out.status == S.CLOSED:
            out.status, out.archived_on = S.ARCHIVED.value, a.archived_on
        else:
            out.review.append("有归档日期，但案件尚未结案，请核对")
    return out


def _settle_success(draft: CaseDraft, a: ArrivalDraft, agreement: AgreementDraft | None,
                    today: date, out: Settled) -> None:
    out.outcome = "success"
    if agreement is None:  # a document saying "success" without its agreement: check refuses
        return
    if agreement.reached_on is None:
        if a.mediated_on is not None:
            agreement.reached_on, why = a.mediated_on, AGREED_ON_MEDIATED
        elif a.closed_on is not None:
            agreement.reached_on, why = a.closed_on, AGREED_ON_CLOSED
        else:
            agreement.reached_on, why = draft.received_on, AGREED_ON_RECEIVED
        out.inferred.append(why)
    if a.register_row and agreement.form == "written" and not agreement.terms:
        out.inferred.append(WRITTEN_NO_TERMS)
    reached = agreement.reached_on
    if a.closed_on is not None:
        out.status, out.closed_on = S.CLOSED.value, a.closed_on
    elif a.register_row and reached is not None and (today - reached).days > _days(out, draft):
        # An old agreement in a register kept by hand: the room has long finished with it.
        out.status, out.closed_on = S.CLOSED.value, reached
        out.inferred.append(CLOSED_ON_AGREED)


def _days(out: Settled, draft: CaseDraft) -> int:
    """The case's mediation period in days (its deadline less its receipt)."""
    return (out.deadline_on - (draft.received_on or out.deadline_on)).days


def _settle_ended(draft: CaseDraft, a: ArrivalDraft, code: str, out: Settled) -> None:
    out.status, out.outcome = S.CLOSED.value, code
    if a.closed_on is not None:
        out.closed_on = a.closed_on
    elif a.mediated_on is not None:
        out.closed_on = a.mediated_on
        out.inferred.append(CLOSED_ON_MEDIATED)
    else:
        out.closed_on = draft.received_on
        out.inferred.append(CLOSED_ON_RECEIVED)
    text = a.outcome_text or O.OUTCOME_LABELS[code]
    if code == O.TERMINATED and not a.termination_reason:
        a.termination_reason = text
        if O.classify(text).withdrawn:
            out.inferred.append(WITHDRAWN)
    elif code == O.REFUSED and not a.refusal_reason:
        a.refusal_reason = text


def _settle_unclear(draft: CaseDraft, a: ArrivalDraft, code: str, today: date,
                    out: Settled) -> None:
    """处理中, blank or unreadable: as content says, checked by a person when it is doubtful."""
    if a.outcome in OUTCOMES:  # a document that states a closing outcome without a status
        out.outcome = a.outcome
    elif draft.agreement is not None:  # its content says agreed, as a case typed now would
        out.outcome = "success"
    if a.closed_on is not None:
        if code == O.OPEN:
            out.review.append(f"调解结果为“{a.outcome_text or '处理中'}”，但有结案日期，请核对")
        elif not out.outcome:
            out.review.append("有结案日期，但调解结果不明，请核对调解结果")
        out.status, out.closed_on = S.CLOSED.value, a.closed_on
        return
    if a.register_row and a.outcome_text and code == O.UNKNOWN:
        out.review.append(f"调解结果“{a.outcome_text}”无法识别，请核对")
    elif S(out.status) in OPEN_STATUSES and out.deadline_on < today:
        said = f"调解结果为“{a.outcome_text}”" if a.outcome_text else "没有调解结果"
        out.review.append(f"{said}，调解期限（{out.deadline_on}）已过，请核对是否已结案")


# -- checks -----------------------------------------------------------------------------------

def check(draft: CaseDraft, today: date, record: str) -> list[Problem]:
    """Problems with what ``draft.arrival`` says (after :func:`settle`), naming the record
    and field as the rest of validation does."""
    a = draft.arrival
    assert a is not None and a.settled is not None
    out: list[Problem] = []

    def fail(field: str, reason: str) -> None:
        out.append(Problem(record, field, reason))

    settled = a.settled
    statuses = [s.value for s in S]
    if a.status and a.status not in statuses:
        fail("案件状态", "应为 " + " / ".join(statuses) + f" 之一，实际为“{a.status}”")
        return out
    if a.outcome and a.outcome not in (*OUTCOMES, O.OPEN, O.UNKNOWN):
        fail("调解结果", "应为 " + " / ".join(OUTCOMES) + f" 之一，实际为“{a.outcome}”")
    label = STATUS_LABELS[S(settled.status)]
    if settled.status in (S.AGREED, S.FOLLOWING_UP) and draft.agreement is None:
        fail("案件状态", f"为“{label}”，但没有调解协议")
    elif settled.outcome == "success" and draft.agreement is None:
        fail("调解结果", "为调解成功，但没有调解协议")
    received = draft.received_on
    for field, day in (("结案日期", settled.closed_on), ("归档日期", settled.archived_on),
                       ("匿名化日期", a.anonymised_on)):
        if day is None:
            continue
        if day > today:
            fail(field, "不能晚于今天")
        elif received is not None and day < received:
            fail(field, "早于受理日期")
    if settled.closed_on and settled.archived_on and settled.archived_on < settled.closed_on:
        fail("归档日期", "早于结案日期")
    if settled.status in CLOSED and settled.closed_on is None:
        fail("结案日期", f"案件状态为“{label}”时不能为空")
    reached = draft.agreement.reached_on if draft.agreement else None
    if reached and settled.closed_on and reached > settled.closed_on:
        fail("协议 达成日期", f"晚于结案日期（{settled.closed_on}）")
    if received and settled.deadline_on < received:
        fail("调解期限", "早于受理日期")
    if not 0 <= a.extension_days <= MAX_EXTENSION_DAYS:
        fail("延长天数", f"应在0至{MAX_EXTENSION_DAYS}天之间")
    if not 0 <= a.prevented_criminal_people <= MAX_PEOPLE:
        fail("防止民转刑人数", f"应在0至{MAX_PEOPLE}之间")
    _check_parts(draft, a, today, fail)
    return out


def _check_parts(draft: CaseDraft, a: ArrivalDraft, today: date, fail: _Fail) -> None:
    if draft.agreement is not None:
        for i, term in enumerate(draft.agreement.terms, start=1):
            if term.performance and term.performance not in PERFORMANCE:
                fail(f"协议条款[{i}] 履行情况", "应为 " + " / ".join(PERFORMANCE) +
                     f" 之一，实际为“{term.performance}”")
            if term.performed_on and term.performed_on > today:
                fail(f"协议条款[{i}] 履行日期", "不能晚于今天")
    for i, f in enumerate(a.followups, start=1):
        if f.done_on is not None and f.done_on > today:
            fail(f"回访[{i}] 回访日期", "不能晚于今天")
        if f.performance and f.performance not in PERFORMANCE:
            fail(f"回访[{i}] 履行情况", "应为 " + " / ".join(PERFORMANCE) + " 之一")
        if f.record is not None and not 1 <= f.record <= len(draft.records):
            fail(f"回访[{i}] 回访记录", f"应为记录的序号（1至{len(draft.records)}）"
                 if draft.records else "本案没有记录可以对应")
    for i, e in enumerate(a.escalations, start=1):
        if not e.target.strip():
            fail(f"上报[{i}] 上报单位", "不能为空")
        if e.received_at is not None and e.received_at < e.at:
            fail(f"上报[{i}] 接收时间", "早于上报时间")
    for i, ap in enumerate(a.appointments, start=1):
        if ap.kind not in APPOINTMENT_KINDS:
            fail(f"预约[{i}] 类型", "应为 " + " / ".join(APPOINTMENT_KINDS) + " 之一")
    statuses = {"", *(s.value for s in S)}
    for i, ev in enumerate(a.events, start=1):
        if ev.step not in EVENT_STEPS:
            fail(f"办理经过[{i}] 步骤", f"“{ev.step}”不是已知的办理步骤")
        if ev.from_status not in statuses or ev.to_status not in statuses:
            fail(f"办理经过[{i}] 状态", "不是已知的案件状态")
        if ev.at.date() > today:
            fail(f"办理经过[{i}] 时间", "不能晚于今天")


