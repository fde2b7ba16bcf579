"""The life of a case as an explicit state machine: which step may follow which.

Why a table and not scattered ``if``s: the law fixes an order (rights notice before mediation,
MOJ 2002 Art 30; a refusing party stops everything, Art 17; termination and agreement end
mediation, Arts 26 and 28), and the window, the command line and the reports must all agree on
it. One table answers "may I do this now?" and "what can I do next?" identically everywhere.

Closing is not the end of editing: addenda after closing are handled by the service layer
with an audit trail; this module only governs status.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from mediation_desk.domain.errors import DomainError


class CaseStatus(StrEnum):
    REGISTERED = "registered"
    NOTIFIED = "notified"
    INVESTIGATING = "investigating"
    MEDIATING = "mediating"
    AGREED = "agreed"
    TERMINATED = "terminated"
    REFUSED = "refused"
    FOLLOWING_UP = "following_up"
    CLOSED = "closed"
    ARCHIVED = "archived"


STATUS_LABELS: dict[CaseStatus, str] = {
    CaseStatus.REGISTERED: "已登记",
    CaseStatus.NOTIFIED: "已告知权利义务",
    CaseStatus.INVESTIGATING: "调查中",
    CaseStatus.MEDIATING: "调解中",
    CaseStatus.AGREED: "已达成协议",
    CaseStatus.TERMINATED: "已终止调解",
    CaseStatus.REFUSED: "当事人拒绝调解",
    CaseStatus.FOLLOWING_UP: "回访中",
    CaseStatus.CLOSED: "已结案",
    CaseStatus.ARCHIVED: "已归档",
}


class Step(StrEnum):
    NOTIFY_RIGHTS = "notify_rights"
    INVESTIGATE = "investigate"
    MEDIATE = "mediate"
    AGREE = "agree"
    TERMINATE = "terminate"
    REFUSE = "refuse"
    FOLLOW_UP = "follow_up"
    CLOSE = "close"
    ARCHIVE = "archive"
    EXTEND = "extend"


STEP_LABELS: dict[Step, str] = {
    Step.NOTIFY_RIGHTS: "告知权利义务",
    Step.INVESTIGATE: "调查",
    Step.MEDIATE: "调解",
    Step.AGREE: "达成协议",
    Step.TERMINATE: "终止调解",
    Step.REFUSE: "拒绝调解",
    Step.FOLLOW_UP: "回访",
    Step.CLOSE: "结案",
    Step.ARCHIVE: "归档",
    Step.EXTEND: "延长调解期限",
}

_S = CaseStatus

# Statuses in which mediation is still running (and the time limit is ticking).
OPEN_STATUSES: frozenset[CaseStatus] = frozenset(
    {_S.REGISTERED, _S.NOTIFIED, _S.INVESTIGATING, _S.MEDIATING}
)

# For each status, its legal steps in the order a UI shows them: the usual next step first.
# Extending the time limit keeps the status; it is allowed while mediation is open.
_STEPS: dict[CaseStatus, tuple[tuple[Step, CaseStatus], ...]] = {
    _S.REGISTERED: (
        (Step.NOTIFY_RIGHTS, _S.NOTIFIED),
        (Step.REFUSE, _S.REFUSED),
        (Step.EXTEND, _S.REGISTERED),
    ),
    _S.NOTIFIED: (
        (Step.INVESTIGATE, _S.INVESTIGATING),
        (Step.MEDIATE, _S.MEDIATING),
        (Step.AGREE, _S.AGREED),
        (Step.TERMINATE, _S.TERMINATED),
        (Step.REFUSE, _S.REFUSED),
        (Step.EXTEND, _S.NOTIFIED),
    ),
    _S.INVESTIGATING: (
        (Step.MEDIATE, _S.MEDIATING),
        (Step.INVESTIGATE, _S.INVESTIGATING),
        (Step.AGREE, _S.AGREED),
        (Step.TERMINATE, _S.TERMINATED),
        (Step.EXTEND, _S.INVESTIGATING),
    ),
    _S.MEDIATING: (
        (Step.AGREE, _S.AGREED),
        (Step.MEDIATE, _S.MEDIATING),
        (Step.INVESTIGATE, _S.INVESTIGATING),
        (Step.TERMINATE, _S.TERMINATED),
        (Step.EXTEND, _S.MEDIATING),
    ),
    _S.AGREED: ((Step.FOLLOW_UP, _S.FOLLOWING_UP), (Step.CLOSE, _S.CLOSED)),
    _S.FOLLOWING_UP: ((Step.CLOSE, _S.CLOSED), (Step.FOLLOW_UP, _S.FOLLOWING_UP)),
    _S.TERMINATED: ((Step.CLOSE, _S.CLOSED),),
    _S.REFUSED: ((Step.CLOSE, _S.CLOSED),),
    _S.CLOSED: ((Step.ARCHIVE, _S.ARCHIVED),),
    _S.ARCHIVED: (),
}

# 简易程序: a small on-the-spot dispute may be mediated, even settled, straight from intake.
# These are inserted right after notify_rights in the UI order.
_SIMPLE_EXTRA: tuple[tuple[Step, CaseStatus], ...] = (
    (Step.MEDIATE, _S.MEDIATING),
    (Step.AGREE, _S.AGREED),
)

TRANSITIONS: dict[tuple[CaseStatus, Step], CaseStatus] = {
    (status, step): target for status, moves in _STEPS.items() for step, target in moves
}
SIMPLE_TRANSITIONS: dict[tuple[CaseStatus, Step], CaseStatus] = {
    **TRANSITIONS,
    **{(_S.REGISTERED, step): target for step, target in _SIMPLE_EXTRA},
}

# Steps that need a written reason: Art 26 requires telling parties why mediation ended and
# which routes remain; Art 17 refusal must be on file because it bars mediation.
_REASON_REQUIRED: dict[Step, str] = {
    Step.TERMINATE: "终止调解须填写原因",
    Step.REFUSE: "拒绝调解须记录拒绝理由",
}


def _moves(current: CaseStatus, simple: bool) -> tuple[tuple[Step, CaseStatus], ...]:
    moves = _STEPS[current]
    if simple and current is _S.REGISTERED:
        return moves[:1] + _SIMPLE_EXTRA + moves[1:]
    return moves


def allowed_steps(current: CaseStatus, simple: bool = False) -> list[Step]:
    """The steps legal from ``current``, the usual next one first (for buttons and menus)."""
    return [step for step, _ in _moves(current, simple)]


def next_status(
    current: CaseStatus, step: Step, *, reason: str = "", simple: bool = False
) -> CaseStatus:
    """The status after taking ``step`` from ``current``, or DomainError naming both.

    The legality check comes before the reason check so that a mediator is never asked to
    type a reason for a step that would be refused anyway.
    """
    try:
        current, step = CaseStatus(current), Step(step)
    except ValueError:
        raise DomainError("未知的案件状态或操作") from None
    table = SIMPLE_TRANSITIONS if simple else TRANSITIONS
    target = table.get((current, step))
    if target is None:
        raise DomainError(f"案件状态为“{STATUS_LABELS[current]}”，不能“{STEP_LABELS[step]}”")
    if step in _REASON_REQUIRED and not reason.strip():
        raise DomainError(_REASON_REQUIRED[step])
    return target


#: 在办: every case not yet closed (结案) — mediation running, or an agreement being followed
#: up, or ended and waiting to be closed. The register's 在办 filter and its risk tint.
IN_HAND_STATUSES: frozenset[CaseStatus] = frozenset(CaseStatus) - {_S.CLOSED, _S.ARCHIVED}


def in_hand(status: CaseStatus) -> bool:
    """Whether the case is still 在办 (not closed or archived)."""
    return status in IN_HAND_STATUSES


def is_open(status: CaseStatus) -> bool:
    """Whether mediation is still running (registered … mediating): it counts toward the
    time limit, appears on the to-do list and may still be extended, refused or ended."""
    return status in OPEN_STATUSES


#: A term's performance that a follow-up still has to look at (Art 31, supervising
#: performance): promised and not yet found done (承诺履行), or found not done (未履行).
UNPERFORMED: frozenset[str] = frozenset({"promised", "not_done"})
CLOSE_REASON_REQUIRED = "尚有协议条款未履行完毕（承诺履行或未履行），结案须填写原因"


def awaits_performance(performances: Iterable[str]) -> bool:
    """Whether some term of the agreement is still unperformed."""
    return any(p in UNPERFORMED for p in performances)


def suggested_steps(current: CaseStatus, simple: bool = False, *, unperformed: bool = False
                    ) -> list[Step]:
    """:func:`allowed_steps` in the order to offer them, the main one first.

    While a term is unperformed the room's duty is to supervise performance (Art 31), so 回访
    comes before 结案 — a case 回访中 with a term still 承诺履行 used to offer 结案 as its main
    button (issue 16). The window shows 回访 as "plan a follow-up" when none is planned, and
    as "record the follow-up" when one is.
    """
    steps = allowed_steps(current, simple)
    if unperformed and Step.FOLLOW_UP in steps:
        steps.remove(Step.FOLLOW_UP)
        steps.insert(0, Step.FOLLOW_UP)
    return steps


def close_reason_problem(reason: str, *, unperformed: bool) -> str | None:
    """Why closing needs a reason now, or None: closing while a term is unperformed ends the
    room's supervision of it, so the reason goes on file (the case event and the audit)."""
    if unperformed and not reason.strip():
        return CLOSE_REASON_REQUIRED
    return None
