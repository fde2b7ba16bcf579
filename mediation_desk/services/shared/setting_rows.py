"""Writing one room setting: the one way every settings page stores a value.

Inside the caller's transaction: the row is created or changed, and audited, only when its
stored text differs, so saving a page unchanged writes nothing to the trail.
"""

from __future__ import annotations

import json

from mediation_desk.services.shared import field_history
from mediation_desk.services.shared.actor import Actor
from mediation_desk.services.shared.field_history import Change
from mediation_desk.store.models import Setting

#: Settings' Chinese names, for the history's before and after.
LABELS = {
    "room_name": "调解室名称", "committee_name": "调委会名称", "number_prefix": "编号前缀",
    "number_pattern": "编号格式", "mediation_days": "调解期限（天）",
    "backup_dir": "备份文件夹", "backup_keep": "备份保留份数",
    "idle_lock_minutes": "自动锁定（分钟）", "retention_years": "保存年限",
    "attachment_limit_mb": "附件大小上限（MB）",
}


def shown(text: str | None) -> str:
    """A stored JSON setting as a person reads it ("问房调解室", not "\"问房调解室\"")."""
    if not text:
        return ""
    try:
        value = json.loads(text)
    except ValueError:
        return text
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def write_setting(actor: Actor, key: str, text: str, detail: str) -> bool:
    """Store ``text`` (JSON) under ``key``; whether anything changed. The value before and
    after goes to the history (settings hold no personal data)."""
    row = Setting.get_or_none(Setting.key == key)
    old = None if row is None else row.value
    if row is None:
        row = Setting.create(key=key, value=text)
    elif row.value == text:
        return False
    else:
        row.value = text
        row.save()
    field_history.record_edit(actor, row, [Change(key, LABELS.get(key, key), shown(old),
                                                  shown(text))],
                              case_id=None, record="设置", detail=detail)
    return True
