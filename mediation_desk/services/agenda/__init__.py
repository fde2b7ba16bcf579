"""工作台 and the mediator's days: what falls due today and in the coming days, across cases
and patrols.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mediation_desk.services.shared.exports import lazy_exports

if TYPE_CHECKING:
    from mediation_desk.services.agenda.today import TodayService
    from mediation_desk.services.agenda.week import WeekService

__all__ = ["TodayService", "WeekService"]

__getattr__ = lazy_exports(__name__, {
    "TodayService": "today",
    "WeekService": "week",
})
