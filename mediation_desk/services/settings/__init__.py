"""The room's settings as the 设置 page changes them: room and numbering, editable
dictionaries and villages, and mediators.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mediation_desk.services.shared.exports import lazy_exports

if TYPE_CHECKING:
    from mediation_desk.services.settings.service import SettingsService

__all__ = ["SettingsService"]

__getattr__ = lazy_exports(__name__, {
    "SettingsService": "service",
})
