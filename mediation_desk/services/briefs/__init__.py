"""以案释法 briefs: an anonymised account of a concluded case — 基本案情, 调解过程, 法律依据,
释法说理 — drafted from the case, reviewed and edited by the mediator, checked for surviving
personal data before it is saved with the case, printed or written as .docx; and the room's
editable library of law articles the briefs quote.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mediation_desk.services.shared.exports import lazy_exports

if TYPE_CHECKING:
    from mediation_desk.services.briefs.library import ArticleLibraryService
    from mediation_desk.services.briefs.service import BriefService

__all__ = ["ArticleLibraryService", "BriefService"]

__getattr__ = lazy_exports(__name__, {
    "BriefService": "service",
    "ArticleLibraryService": "library",
})
