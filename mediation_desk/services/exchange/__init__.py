"""Cases in and out of the register as files: the open ``mediation-desk/case@1`` JSON format
and old Excel registers (台账), all-or-nothing imports; imported cases arrive in the state
they ended in, and those the import could not tell wait in one list (导入待核对).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mediation_desk.services.shared.exports import lazy_exports

if TYPE_CHECKING:
    from mediation_desk.services.exchange.review import ImportReviewService

__all__ = ["ImportReviewService"]

__getattr__ = lazy_exports(__name__, {
    "ImportReviewService": "review",
})
