"""Writing one room setting: the one way every settings page stores a value.

Inside the caller's transaction: the row is created or changed, and audited, only when its
stored text differs, so saving a page unchanged writes nothing to the trail.
"""

from __future__ import annotations

from mediation_desk.services.shared import audit
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.models import Setting


def write_setting(actor: Actor, key: str, text: str, detail: str) -> bool:
    """Store ``text`` (JSON) under ``key``; whether anything changed."""
    row = Setting.get_or_none(Setting.key == key)
    if row is None:
        row = Setting.create(key=key, value=text)
    elif row.value == text:
        return False
    else:
        row.value = text
        row.save()
    audit.record(actor, "update", row, detail=detail)
    return True
