"""Visitor requests (信访 / 接访): the town's closed loop 接访 → 研判 → 督办 → 反馈 — receiving a
request, assessing the route it takes (mediated here as a case, referred to a department,
joint handling, answered directly), assignments to departments with deadlines on the
信访工作条例 clock and their results, joint meetings (联席处置), the answer to the person and
their satisfaction; the duty rota and appointments (坐班接访 / 预约接访); the room's lists
for it (categories, departments, the property alliance's members and residential compounds);
the three printed forms (来访登记表, 督办单, 信访处理意见书) filed back to their request.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mediation_desk.services.shared.exports import lazy_exports

if TYPE_CHECKING:
    from mediation_desk.services.petitions.lists import PetitionListsService
    from mediation_desk.services.petitions.printing import PetitionPrintingService
    from mediation_desk.services.petitions.rota import RotaService
    from mediation_desk.services.petitions.service import PetitionService

__all__ = ["PetitionListsService", "PetitionPrintingService", "PetitionService", "RotaService"]

__getattr__ = lazy_exports(__name__, {
    "PetitionService": "service",
    "PetitionListsService": "lists",
    "PetitionPrintingService": "printing",
    "RotaService": "rota",
})
