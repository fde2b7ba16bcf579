"""Attachments (附件): scans, photos, PDFs and office files filed to a case — or to one of
its records, its agreement, a follow-up, or a patrol finding — kept encrypted inside the
register, each distinct file stored once (by SHA-256). A signed agreement's scan marks the
agreement as signed; the dossier lists every attachment and can print image ones as pages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mediation_desk.services.shared.exports import lazy_exports

if TYPE_CHECKING:
    from mediation_desk.services.attachments.service import AttachmentService

__all__ = ["AttachmentService"]

__getattr__ = lazy_exports(__name__, {
    "AttachmentService": "service",
})
