"""Cases (案件): registering a dispute, its legal life after intake (steps, records, the
agreement, follow-ups), corrections, what the case view and the register show, search,
and the drafts a mediator is typing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mediation_desk.services.shared.exports import lazy_exports

if TYPE_CHECKING:
    from mediation_desk.services.cases.autosave import AutosaveService
    from mediation_desk.services.cases.casework import CaseworkService
    from mediation_desk.services.cases.detail import CaseDetailService
    from mediation_desk.services.cases.intake import IntakeService
    from mediation_desk.services.cases.register import RegisterService
    from mediation_desk.services.cases.search import SearchService

__all__ = ["AutosaveService", "CaseDetailService", "CaseworkService", "IntakeService", "RegisterService", "SearchService"]

__getattr__ = lazy_exports(__name__, {
    "IntakeService": "intake",
    "CaseworkService": "casework",
    "CaseDetailService": "detail",
    "RegisterService": "register",
    "SearchService": "search",
    "AutosaveService": "autosave",
})
