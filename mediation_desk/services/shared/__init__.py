"""Shared pieces of every capability: who is acting (:class:`Actor`), the audit trail
every write appends to, and the one way a room setting row is written.

Change sets live in :mod:`mediation_desk.store.changes` (the store emits them on commit).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mediation_desk.services.shared.exports import lazy_exports

if TYPE_CHECKING:
    from mediation_desk.services.shared.actor import Actor

__all__ = ["Actor"]

__getattr__ = lazy_exports(__name__, {
    "Actor": "actor",
})
