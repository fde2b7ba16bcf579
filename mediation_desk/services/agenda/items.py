"""One line on 工作台, whatever capability it comes from (cases, patrols, visitor requests):
its own module so each capability's agenda can build lines without importing the others."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class AgendaItem:
    """One line on 工作台: which case, why it is there, and how urgent."""

    kind: str  # deadline | followup | confirmation | session | draft | import_review | duty …
    case_id: str
    number: str
    title: str
    text: str
    due: date | None
    urgent: bool
    ref_id: str = ""
