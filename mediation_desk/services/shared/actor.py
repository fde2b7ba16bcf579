"""Who is acting: the logged-in account, carried into every service call.

Why explicit: permissions are enforced in services, not only hidden in the window, and every
audit event names its user; passing the actor in keeps both honest and testable.
"""

from __future__ import annotations

from dataclasses import dataclass

ROLES = ("mediator", "director", "admin")
ROLE_LABELS = {"mediator": "调解员", "director": "调委会主任", "admin": "管理员"}


@dataclass(frozen=True)
class Actor:
    account_id: str
    username: str
    role: str
    display_name: str = ""

    @property
    def name(self) -> str:
        return self.display_name or self.username

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def sees_private_notes(self) -> bool:
        """Private notes are for their author and the committee director only."""
        return self.role == "director"
