"""Every icon by meaning, in one map (as OpenLP does it): views ask for "new_case", never
for a Font Awesome glyph name, so a change of icon set touches this file only."""

from __future__ import annotations

from functools import cache

import qtawesome
from PySide6.QtGui import QIcon

GLYPHS: dict[str, str] = {
    "today": "fa5s.calendar-day",
    "week": "fa5s.calendar-week",
    "reminder": "fa5s.bell",
    "cases": "fa5s.folder-open",
    "patrols": "fa5s.route",
    "statistics": "fa5s.chart-bar",
    "settings": "fa5s.cog",
    "new_case": "fa5s.plus-circle",
    "search": "fa5s.search",
    "print": "fa5s.print",
    "preview": "fa5s.search-plus",
    "documents": "fa5s.file-signature",
    "pdf": "fa5s.file-pdf",
    "open": "fa5s.external-link-alt",
    "save": "fa5s.save",
    "refresh": "fa5s.sync-alt",
    "party": "fa5s.user",
    "organization": "fa5s.building",
    "record": "fa5s.file-alt",
    "note": "fa5s.sticky-note",
    "agreement": "fa5s.handshake",
    "followup": "fa5s.phone-alt",
    "history": "fa5s.history",
    "warning": "fa5s.exclamation-triangle",
    "overdue": "fa5s.clock",
    "step": "fa5s.arrow-right",
    "close": "fa5s.times",
    "add": "fa5s.plus",
    "remove": "fa5s.minus",
    "reveal": "fa5s.eye",
    "lock": "fa5s.lock",
    "user": "fa5s.user-circle",
    "demo": "fa5s.flask",
    "draft": "fa5s.pencil-alt",
    "session": "fa5s.comments",
    "confirm": "fa5s.gavel",
    "quit": "fa5s.sign-out-alt",
    "notify": "fa5s.bullhorn",
    "terminate": "fa5s.stop-circle",
    "refuse": "fa5s.ban",
    "done": "fa5s.check-circle",
    "archive": "fa5s.archive",
    "import_review": "fa5s.tasks",
    "unlock": "fa5s.unlock",
    "key": "fa5s.key",
    "accounts": "fa5s.users",
    "add_user": "fa5s.user-plus",
    "enable_user": "fa5s.user-check",
    "disable_user": "fa5s.user-slash",
    "backup": "fa5s.hdd",
    "restore": "fa5s.undo-alt",
    "folder": "fa5s.folder",
    # patrols (排查)
    "new_plan": "fa5s.calendar-plus",
    "record_visit": "fa5s.clipboard-check",
    "ad_hoc_visit": "fa5s.bolt",
    "reschedule": "fa5s.calendar-times",
    "export_calendar": "fa5s.file-export",
    "finding": "fa5s.exclamation-circle",
    "escalate": "fa5s.level-up-alt",
    "receipt": "fa5s.receipt",
    "to_case": "fa5s.file-signature",
    "previous": "fa5s.chevron-left",
    "next": "fa5s.chevron-right",
    "edit": "fa5s.edit",
    "end_plan": "fa5s.stop",
    "patrol_done": "fa5s.check",
    "patrol_missed": "fa5s.times",
    "patrol_cancelled": "fa5s.ban",
    "patrol_due": "fa5s.dot-circle",
    # attachments (附件)
    "attach": "fa5s.paperclip",
    "image": "fa5s.file-image",
    "file": "fa5s.file",
    "signed": "fa5s.file-signature",
    # visitor requests (接访)
    "petitions": "fa5s.concierge-bell",
    "new_request": "fa5s.address-card",
    "petition_assess": "fa5s.balance-scale",
    "petition_assign": "fa5s.share-square",
    "petition_result": "fa5s.clipboard-check",
    "petition_reply": "fa5s.reply",
    "duty_rota": "fa5s.calendar-check",
    "compound": "fa5s.city",
    # laptop sync (同步)
    "exchange": "fa5s.exchange-alt",
    "laptop": "fa5s.laptop",
    "enrol": "fa5s.laptop-medical",
    "import": "fa5s.file-import",
    "export": "fa5s.file-export",
    "conflict": "fa5s.code-branch",
    "keep": "fa5s.check",
}

COLORS = {"default": "#37474f", "accent": "#1565c0", "danger": "#c62828"}


@cache
def icon(name: str, color: str = "default") -> QIcon:
    """The icon for a meaning; an unknown name is a programming error (KeyError)."""
    return qtawesome.icon(GLYPHS[name], color=COLORS.get(color, color))
