"""Printed documents: reading a case into the plain data a form needs, printing and filing
each printout back to its case, the room's document settings, and whether a dossier is
complete enough to archive.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mediation_desk.services.shared.exports import lazy_exports

if TYPE_CHECKING:
    from mediation_desk.services.printing.document_settings import DocumentSettingsService
    from mediation_desk.services.printing.dossier import DossierService
    from mediation_desk.services.printing.service import PrintingService

__all__ = ["DocumentSettingsService", "DossierService", "PrintingService"]

__getattr__ = lazy_exports(__name__, {
    "PrintingService": "service",
    "DocumentSettingsService": "document_settings",
    "DossierService": "dossier",
})
