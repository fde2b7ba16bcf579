from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mediation_desk.domain.deadlines import (
    CONFIRMATION_WINDOW_DAYS,
    DEFAULT_MEDIATION_DAYS,
    confirmation_days_left,
    confirmation_deadline,
    days_left,
    extend_deadline,
    is_overdue,
    mediation_deadline,
)
from mediation_desk.errors import DomainError

dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1))


def test_defaults() -> None:
    assert DEFAULT_MEDIATION_DAYS == 30
    assert CONFIRMATION_WINDOW_DAYS == 30


def test_mediation_deadline_does_not_count_the_first_day() -> None:
    assert mediation_deadline(date(2026, 3, 1)) == date(2026, 3, 31)
    assert mediation_deadline(date(2026, 3, 1), days=15) == date(2026, 3, 16)
    assert mediation_deadline(date(2026, 3, 1), extension_days=10) == date(2026, 4, 10)
    assert mediation_deadline(date(2026, 2, 10)) == date(2026, 3, 12)


def test_mediation_deadline_refuses_nonsense_lengths() -> None:
    with pytest.raises(DomainError):
        mediation_deadline(date(2026, 3, 1), days=0)
    with pytest.raises(DomainError):
        mediation_deadline(date(2026, 3, 1), extension_days=-1)


def test_extension_needs_consent_and_a_sane_length() -> None:
    deadline = date(2026, 3, 31)
    assert extend_deadline(deadline, 15, "双方当事人于3月28日同意延期") == date(2026, 4, 15)
    with pytest.raises(DomainError) as caught:
        extend_deadline(deadline, 15, "  ")
    assert caught.value.reason == "延期须记录双方当事人同意"
    for days in (0, 31):
        with pytest.raises(DomainError) as caught:
            extend_deadline(deadline, days, "同意")
        assert caught.value.reason == "延长天数应在1至30天之间"
    assert extend_deadline(deadline, 60, "同意", max_days=90) == date(2026, 5, 30)
    with pytest.raises(DomainError) as caught:
        extend_deadline(deadline, 91, "同意", max_days=90)
    assert caught.value.reason == "延长天数应在1至90天之间"


def test_days_left_and_overdue() -> None:
    deadline = date(2026, 3, 31)
    assert days_left(deadline, date(2026, 3, 30)) == 1
    assert days_left(deadline, deadline) == 0
    assert not is_overdue(deadline, deadline)
    assert days_left(deadline, date(2026, 4, 2)) == -2
    assert is_overdue(deadline, date(2026, 4, 1))


def test_confirmation_window() -> None:
    effective = date(2026, 1, 20)
    assert confirmation_deadline(effective) == date(2026, 2, 19)
    assert confirmation_days_left(effective, date(2026, 2, 9)) == 10
    assert confirmation_days_left(effective, date(2026, 2, 20)) == -1


@given(dates, st.integers(min_value=1, max_value=30), st.integers(min_value=-400, max_value=400))
def test_extension_and_countdown_properties(deadline: date, days: int, offset: int) -> None:
    extended = extend_deadline(deadline, days, "同意")
    assert days_left(extended, deadline) == days
    today = deadline + timedelta(days=offset)
    assert days_left(deadline, today) == -offset
    assert is_overdue(deadline, today) == (days_left(deadline, today) < 0)
