"""Dispute-screening patrols (矛盾纠纷排查): plans and their cadence with cancelled, moved and
extra occurrences, visits with findings or zero reports, what is done about a finding,
risk levels, and what patrols produce (counts, timetable data, iCalendar).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mediation_desk.services.shared.exports import lazy_exports

if TYPE_CHECKING:
    from mediation_desk.services.patrols.risk_levels import PatrolSettingsService
    from mediation_desk.services.patrols.service import PatrolService

__all__ = ["PatrolService", "PatrolSettingsService"]

__getattr__ = lazy_exports(__name__, {
    "PatrolService": "service",
    "PatrolSettingsService": "risk_levels",
})
