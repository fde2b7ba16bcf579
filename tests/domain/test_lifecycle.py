from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mediation_desk.domain.lifecycle import (
    CLOSE_REASON_REQUIRED,
    STATUS_LABELS,
    STEP_LABELS,
    CaseStatus,
    Step,
    allowed_steps,
    awaits_performance,
    close_reason_problem,
    is_open,
    next_status,
    suggested_steps,
)
from mediation_desk.errors import DomainError

S = CaseStatus

# The documented table, written out independently of the implementation.
DOCUMENTED: dict[tuple[CaseStatus, Step], CaseStatus] = {
    (S.REGISTERED, Step.NOTIFY_RIGHTS): S.NOTIFIED,
    (S.REGISTERED, Step.REFUSE): S.REFUSED,
    (S.NOTIFIED, Step.INVESTIGATE): S.INVESTIGATING,
    (S.NOTIFIED, Step.MEDIATE): S.MEDIATING,
    (S.NOTIFIED, Step.REFUSE): S.REFUSED,
    (S.INVESTIGATING, Step.INVESTIGATE): S.INVESTIGATING,
    (S.INVESTIGATING, Step.MEDIATE): S.MEDIATING,
    (S.MEDIATING, Step.MEDIATE): S.MEDIATING,
    (S.MEDIATING, Step.INVESTIGATE): S.INVESTIGATING,
    (S.NOTIFIED, Step.AGREE): S.AGREED,
    (S.INVESTIGATING, Step.AGREE): S.AGREED,
    (S.MEDIATING, Step.AGREE): S.AGREED,
    (S.NOTIFIED, Step.TERMINATE): S.TERMINATED,
    (S.INVESTIGATING, Step.TERMINATE): S.TERMINATED,
    (S.MEDIATING, Step.TERMINATE): S.TERMINATED,
    (S.AGREED, Step.FOLLOW_UP): S.FOLLOWING_UP,
    (S.FOLLOWING_UP, Step.FOLLOW_UP): S.FOLLOWING_UP,
    (S.AGREED, Step.CLOSE): S.CLOSED,
    (S.FOLLOWING_UP, Step.CLOSE): S.CLOSED,
    (S.TERMINATED, Step.CLOSE): S.CLOSED,
    (S.REFUSED, Step.CLOSE): S.CLOSED,
    (S.CLOSED, Step.ARCHIVE): S.ARCHIVED,
    # Extending the time limit keeps the status and is possible while mediation is open.
    (S.REGISTERED, Step.EXTEND): S.REGISTERED,
    (S.NOTIFIED, Step.EXTEND): S.NOTIFIED,
    (S.INVESTIGATING, Step.EXTEND): S.INVESTIGATING,
    (S.MEDIATING, Step.EXTEND): S.MEDIATING,
}
SIMPLE = {
    **DOCUMENTED,
    (S.REGISTERED, Step.AGREE): S.AGREED,
    (S.REGISTERED, Step.MEDIATE): S.MEDIATING,
}


@pytest.mark.parametrize("simple", [False, True])
def test_every_status_step_pair_follows_the_documented_table(simple: bool) -> None:
    table = SIMPLE if simple else DOCUMENTED
    for status, step in itertools.product(CaseStatus, Step):
        expected = table.get((status, step))
        if expected is None:
            with pytest.raises(DomainError):
                next_status(status, step, reason="双方意见分歧过大", simple=simple)
        else:
            assert next_status(status, step, reason="双方意见分歧过大", simple=simple) == expected


@pytest.mark.parametrize("simple", [False, True])
def test_allowed_steps_match_the_table(simple: bool) -> None:
    table = SIMPLE if simple else DOCUMENTED
    for status in CaseStatus:
        steps = allowed_steps(status, simple=simple)
        assert len(steps) == len(set(steps))
        assert set(steps) == {step for (st_, step) in table if st_ is status}


def test_the_usual_next_step_comes_first() -> None:
    assert allowed_steps(S.REGISTERED)[0] is Step.NOTIFY_RIGHTS
    assert allowed_steps(S.REGISTERED, simple=True)[0] is Step.NOTIFY_RIGHTS
    assert allowed_steps(S.NOTIFIED)[0] is Step.INVESTIGATE
    assert allowed_steps(S.INVESTIGATING)[0] is Step.MEDIATE
    assert allowed_steps(S.MEDIATING)[0] is Step.AGREE
    assert allowed_steps(S.AGREED)[0] is Step.FOLLOW_UP
    assert allowed_steps(S.FOLLOWING_UP)[0] is Step.CLOSE
    assert allowed_steps(S.CLOSED) == [Step.ARCHIVE]


def test_archived_has_no_steps() -> None:
    assert allowed_steps(S.ARCHIVED) == []
    assert allowed_steps(S.ARCHIVED, simple=True) == []


def test_illegal_move_names_both_states() -> None:
    with pytest.raises(DomainError) as caught:
        next_status(S.ARCHIVED, Step.TERMINATE, reason="x")
    assert caught.value.reason == "案件状态为“已归档”，不能“终止调解”"


@pytest.mark.parametrize("reason", ["", "   ", "\n"])
def test_termination_and_refusal_need_a_reason(reason: str) -> None:
    with pytest.raises(DomainError) as caught:
        next_status(S.MEDIATING, Step.TERMINATE, reason=reason)
    assert caught.value.reason == "终止调解须填写原因"
    with pytest.raises(DomainError) as caught:
        next_status(S.REGISTERED, Step.REFUSE, reason=reason)
    assert caught.value.reason == "拒绝调解须记录拒绝理由"


def test_illegality_is_reported_before_a_missing_reason() -> None:
    with pytest.raises(DomainError) as caught:
        next_status(S.CLOSED, Step.TERMINATE)
    assert caught.value.reason.startswith("案件状态为“已结案”")


def test_plain_strings_are_accepted_and_unknown_ones_refused() -> None:
    assert next_status("closed", "archive") is S.ARCHIVED  # type: ignore[arg-type]
    with pytest.raises(DomainError):
        next_status("lost", "archive")  # type: ignore[arg-type]


def test_is_open() -> None:
    assert [s for s in CaseStatus if is_open(s)] == [
        S.REGISTERED,
        S.NOTIFIED,
        S.INVESTIGATING,
        S.MEDIATING,
    ]


def test_every_status_and_step_has_a_chinese_label() -> None:
    assert set(STATUS_LABELS) == set(CaseStatus)
    assert set(STEP_LABELS) == set(Step)
    assert STATUS_LABELS[S.REFUSED] == "当事人拒绝调解"
    assert len(set(STATUS_LABELS.values())) == len(CaseStatus)


@given(st.lists(st.integers(min_value=0, max_value=20), max_size=40), st.booleans())
def test_random_walks_along_allowed_steps_never_fail(choices: list[int], simple: bool) -> None:
    status = S.REGISTERED
    for choice in choices:
        steps = allowed_steps(status, simple=simple)
        if not steps:
            assert status is S.ARCHIVED
            break
        step = steps[choice % len(steps)]
        new = next_status(status, step, reason="当事人书面申请", simple=simple)
        assert new == (SIMPLE if simple else DOCUMENTED)[(status, step)]
        if not is_open(status):
            assert not is_open(new)  # a case never reopens
        status = new


def test_follow_up_leads_while_a_term_is_unperformed() -> None:
    """Issue 16: 回访中 with a term still 承诺履行 offered 结案 as its main button."""
    assert suggested_steps(CaseStatus.FOLLOWING_UP) == [Step.CLOSE, Step.FOLLOW_UP]
    assert suggested_steps(CaseStatus.FOLLOWING_UP, unperformed=True) == [
        Step.FOLLOW_UP, Step.CLOSE]
    assert suggested_steps(CaseStatus.AGREED, unperformed=True) == [Step.FOLLOW_UP, Step.CLOSE]
    # Where there is nothing to follow up, the order is the table's.
    assert suggested_steps(CaseStatus.MEDIATING, unperformed=True) == allowed_steps(
        CaseStatus.MEDIATING)
    assert awaits_performance(["done", "promised"]) and awaits_performance(["not_done"])
    assert not awaits_performance(["done", "immediate"]) and not awaits_performance([])


def test_closing_an_unperformed_agreement_needs_a_reason() -> None:
    assert close_reason_problem("", unperformed=True) == CLOSE_REASON_REQUIRED
    assert close_reason_problem("  ", unperformed=True) == CLOSE_REASON_REQUIRED
    assert close_reason_problem("当事人已向法院起诉", unperformed=True) is None
    assert close_reason_problem("", unperformed=False) is None
