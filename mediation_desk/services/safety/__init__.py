"""Keeping the register safe: creating it and logging in, accounts and key slots (and the
recovery key), re-keying the register (``rekey``), backups as restorable pairs and their
rotation (``backups``), restore as a protocol (``restore``), checks, the audit trail's
verification, and retention of personal data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mediation_desk.services.shared.exports import lazy_exports

if TYPE_CHECKING:
    from mediation_desk.services.safety.accounts import AccountService
    from mediation_desk.services.safety.retention import RetentionService

__all__ = ["AccountService", "RetentionService"]

__getattr__ = lazy_exports(__name__, {
    "AccountService": "accounts",
    "RetentionService": "retention",
})
