"""The kinds of failure the core reports, each mapped to one exit code of the CLI.

Why a small fixed set: the window, the command line and the tests must all tell *whose*
problem a failure is — the user's input (fix the field), the environment's (disk, lock,
password) or ours (a bug) — without parsing messages. Messages are Chinese and name the
record, the field and the reason, because that is what a mediator or administrator reads.
"""

from __future__ import annotations

from dataclasses import dataclass

from mediation_desk.domain.errors import DomainError

__all__ = [
    "CheckFailed",
    "DomainError",
    "NotFound",
    "PermissionDenied",
    "Problem",
    "StoreUnavailable",
    "ValidationError",
    "WrongPassword",
]


@dataclass(frozen=True)
class Problem:
    """One refused value: which record, which field, and why (all in Chinese)."""

    record: str
    field: str
    reason: str

    def __str__(self) -> str:
        return " ".join(part for part in (self.record, self.field, self.reason) if part)


class ValidationError(Exception):
    """Input refused; nothing was written. Carries every problem found, not just the first."""

    exit_code = 1

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("；".join(str(p) for p in self.problems))


class PermissionDenied(Exception):
    """The account may not do this (or the password was wrong)."""

    exit_code = 3


class WrongPassword(PermissionDenied):
    """The password (or recovery key) does not open this database."""


class StoreUnavailable(Exception):
    """The database cannot be used: missing, locked, corrupt, read-only, disk full.

    The environment's problem, not a bug: the message says what to do and nothing was lost.
    """

    exit_code = 4


class NotFound(Exception):
    """A record named by the user does not exist (a case number, a finding id)."""

    exit_code = 1


class CheckFailed(Exception):
    """A check the user asked for (verify, audit verify) found a problem."""

    exit_code = 1
