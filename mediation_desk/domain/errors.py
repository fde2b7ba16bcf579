"""The one error a pure rule raises: a value refused, with a short Chinese reason.

Here rather than in :mod:`mediation_desk.errors` so that ``domain`` imports nothing of the
program but itself; ``mediation_desk.errors`` re-exports it for everyone else.
"""

from __future__ import annotations


class DomainError(ValueError):
    """A pure rule refused a value; ``reason`` is a short Chinese phrase such as "校验位错误".

    Domain functions know nothing about which record or form field a value came from, so they
    raise this and the service that called them attaches the record and field label.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
