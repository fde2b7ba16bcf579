"""What a casework step returns, and the small helpers every casework module shares."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from mediation_desk import clock
from mediation_desk.domain.lifecycle import CaseStatus
from mediation_desk.errors import Problem, ValidationError
from mediation_desk.store.changes import ChangeSet

CLOSED_STATUSES = {CaseStatus.CLOSED, CaseStatus.ARCHIVED}


@dataclass
class StepResult:
    status: CaseStatus
    changes: ChangeSet
    warnings: list[str]


def now() -> datetime:
    """Local time to the second, as case events and records keep it."""
    return clock.now().replace(microsecond=0)


def refuse(field: str, reason: str) -> ValidationError:
    return ValidationError(Problem("", field, reason))
