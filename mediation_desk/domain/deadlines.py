"""Time limits: the mediation period and the judicial-confirmation window.

Mediation should normally finish within one month of acceptance (MOJ 2002 Art 33); local
rules allow an extension when both parties agree, so the length is a parameter and every
extension carries a note of that consent. Parties who want judicial confirmation must apply
together within 30 days of the agreement taking effect (People's Mediation Law Art 33) —
missing it silently costs them a court route, so the desk counts it down.

Counting follows Civil Code Art 201: the starting day is not counted, so "30 days from the
1st" ends on the 31st. The rule that a period ending on a public holiday runs to the next
working day (Art 203) is not applied: the holiday calendar changes every year and the desk is
offline; deadlines here are reminders, and the earlier date is the safe one.
"""

from __future__ import annotations

from datetime import date, timedelta

from mediation_desk.domain.errors import DomainError

DEFAULT_MEDIATION_DAYS = 30
CONFIRMATION_WINDOW_DAYS = 30


def mediation_deadline(
    received_on: date, days: int = DEFAULT_MEDIATION_DAYS, extension_days: int = 0
) -> date:
    """Last day of mediation for a case accepted on ``received_on``, after extensions."""
    if days < 1:
        raise DomainError("调解期限天数应为正数")
    if extension_days < 0:
        raise DomainError("延长天数不能为负数")
    return received_on + timedelta(days=days + extension_days)


def extend_deadline(
    current_deadline: date, days: int, consent_note: str, max_days: int = 30
) -> date:
    """The deadline after one extension of ``days``; refused without a note of consent.

    The consent check comes first because it is the legal precondition (both parties must
    agree); ``max_days`` caps one extension so that a case cannot be parked indefinitely.
    """
    if not consent_note.strip():
        raise DomainError("延期须记录双方当事人同意")
    if not 1 <= days <= max_days:
        raise DomainError(f"延长天数应在1至{max_days}天之间")
    return current_deadline + timedelta(days=days)


def days_left(deadline: date, today: date) -> int:
    """Whole days until ``deadline``: 0 on the day itself, negative once overdue."""
    return (deadline - today).days


def is_overdue(deadline: date, today: date) -> bool:
    """Whether the deadline has passed (the deadline day itself is still in time)."""
    return today > deadline


def confirmation_deadline(effective_on: date) -> date:
    """Last day to apply for judicial confirmation of an agreement effective on that date."""
    return effective_on + timedelta(days=CONFIRMATION_WINDOW_DAYS)


def confirmation_days_left(effective_on: date, today: date) -> int:
    """Days left to apply for judicial confirmation; negative when the window has closed."""
    return days_left(confirmation_deadline(effective_on), today)
