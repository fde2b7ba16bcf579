"""What one committed operation changed, so each view refreshes only what it shows.

Why (architecture.md §3, as Anki does it): a change set per operation instead of a whole-window
reload keeps a 100,000-case register responsive after every keystroke-sized edit.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ChangeSet:
    """Kinds of records changed ("case", "party", "record", …) and the case ids touched."""

    kinds: set[str] = field(default_factory=set)
    case_ids: set[str] = field(default_factory=set)

    def touch(self, kind: str, case_id: str | None = None) -> None:
        self.kinds.add(kind)
        if case_id:
            self.case_ids.add(case_id)

    def merge(self, other: ChangeSet) -> None:
        self.kinds |= other.kinds
        self.case_ids |= other.case_ids

    def __bool__(self) -> bool:
        return bool(self.kinds)
