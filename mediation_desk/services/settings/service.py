"""Room settings and the editable dictionaries, as the 设置 page changes them.

Who may change what is checked here, not only hidden in the window: room names, the number
pattern and deadlines are the director's or administrator's; dictionary edits likewise.
Renaming a dictionary entry raises its version and never rewrites old cases (they keep the
label chosen then).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from mediation_desk.domain.case_number import DEFAULT_PATTERN, format_case_number, validate_pattern
from mediation_desk.errors import DomainError, PermissionDenied, Problem, ValidationError
from mediation_desk.services.settings.dictionaries import KIND_LABELS, dictionary_version
from mediation_desk.services.shared import audit, field_history
from mediation_desk.services.shared.actor import Actor
from mediation_desk.services.shared.setting_rows import write_setting
from mediation_desk.store.database import Store
from mediation_desk.store.models import DictEntry, Village


@dataclass(frozen=True)
class RoomConfig:
    room_name: str
    committee_name: str
    number_prefix: str
    number_pattern: str
    mediation_days: int


@dataclass(frozen=True)
class EntryView:
    id: str
    label: str
    active: bool
    version: int


@dataclass(frozen=True)
class SafetyConfig:
    """Data-safety settings: where daily backups go, how many are kept, idle lock minutes."""

    backup_dir: str
    backup_keep: int
    idle_lock_minutes: int


DEFAULT_IDLE_LOCK_MINUTES = 10


class SettingsService:
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor

    def _require_manager(self) -> None:
        if self.actor.role not in ("director", "admin"):
            raise PermissionDenied("只有调委会主任或管理员可以修改设置")

    def room(self) -> RoomConfig:
        s = self.store.setting
        return RoomConfig(str(s("room_name", "")), str(s("committee_name", "")),
                          str(s("number_prefix", "")), str(s("number_pattern", DEFAULT_PATTERN)),
                          int(s("mediation_days", 30)))

    def update_room(self, config: RoomConfig) -> None:
        self._require_manager()
        problems = []
        for value, label in ((config.room_name, "调解室名称"),
                             (config.committee_name, "调委会名称"),
                             (config.number_prefix, "编号前缀")):
            if not value.strip():
                problems.append(Problem("", label, "不能为空"))
        try:
            validate_pattern(config.number_pattern)
        except DomainError as exc:
            problems.append(Problem("", "编号格式", exc.reason))
        if not 1 <= config.mediation_days <= 90:
            problems.append(Problem("", "调解期限", "应在1至90天之间"))
        if problems:
            raise ValidationError(problems)
        values: dict[str, Any] = {
            "room_name": config.room_name.strip(),
            "committee_name": config.committee_name.strip(),
            "number_prefix": config.number_prefix.strip(),
            "number_pattern": config.number_pattern.strip(),
            "mediation_days": config.mediation_days,
        }
        self._save_values(values)

    def number_example(self, pattern: str, prefix: str, year: int = 2026) -> str:
        """What a number looks like with this pattern (for the settings page preview)."""
        try:
            validate_pattern(pattern)
        except DomainError as exc:
            raise ValidationError(Problem("", "编号格式", exc.reason)) from exc
        return format_case_number(pattern, year=year, seq=12, prefix=prefix)

    # -- dictionaries ----------------------------------------------------------------------
    def entries(self, kind: str) -> list[EntryView]:
        return [EntryView(e.id, e.label, e.active, e.version) for e in
                DictEntry.live().where(DictEntry.kind == kind)
                .order_by(DictEntry.position, DictEntry.label)]

    def add_entry(self, kind: str, label: str) -> None:
        self._require_manager()
        label = label.strip()
        if not label:
            raise ValidationError(Problem("", KIND_LABELS.get(kind, kind), "不能为空"))
        with self.store.write() as changes:
            existing = DictEntry.get_or_none(DictEntry.kind == kind, DictEntry.label == label)
            if existing is not None:
                if existing.active and existing.deleted_at is None:
                    raise ValidationError(Problem("", KIND_LABELS.get(kind, kind),
                                                  f"“{label}”已在列表中"))
                existing.active, existing.deleted_at = True, None
                existing.version = dictionary_version(kind) + 1
                existing.save()
                audit.record(self.actor, "update", existing, detail=f"恢复：{label}")
            else:
                position = DictEntry.select().where(DictEntry.kind == kind).count()
                row = DictEntry.create(kind=kind, label=label, position=position,
                                       version=dictionary_version(kind) + 1)
                audit.record(self.actor, "create", row, detail=label)
            changes.touch("dictionary")

    def set_entry_active(self, entry_id: str, active: bool) -> None:
        """Retire an entry from the pick lists (old cases keep it) or bring it back."""
        self._require_manager()
        with self.store.write() as changes:
            row = DictEntry.get_by_id(entry_id)
            before = field_history.snapshot(row)
            row.active = active
            row.version = dictionary_version(row.kind) + 1
            row.save()
            field_history.record_edit(
                self.actor, row, field_history.diff(before, row, {"active": "启用"}),
                case_id=None, record=f"{KIND_LABELS.get(row.kind, row.kind)} {row.label}",
                detail="启用" if active else "停用")
            changes.touch("dictionary")

    def villages(self, include_inactive: bool = False) -> list[EntryView]:
        query = Village.live()
        if not include_inactive:
            query = query.where(Village.active == True)  # noqa: E712
        return [EntryView(v.id, v.name, v.active, 0) for v in query.order_by(Village.name)]

    def add_village(self, name: str) -> None:
        self._require_manager()
        name = name.strip()
        if not name:
            raise ValidationError(Problem("", "村（社区）", "不能为空"))
        with self.store.write() as changes:
            existing = Village.get_or_none(Village.name == name)
            if existing is not None and existing.active:
                raise ValidationError(Problem("", "村（社区）", f"“{name}”已在列表中"))
            if existing is not None:
                existing.active = True
                existing.save()
                audit.record(self.actor, "update", existing, detail="启用")
            else:
                audit.record(self.actor, "create", Village.create(name=name), detail=name)
            changes.touch("village")

    def set_village_active(self, village_id: str, active: bool) -> None:
        self._require_manager()
        with self.store.write() as changes:
            row = Village.get_by_id(village_id)
            before = field_history.snapshot(row)
            row.active = active
            row.save()
            field_history.record_edit(
                self.actor, row, field_history.diff(before, row, {"active": "启用"}),
                case_id=None, record=f"村（社区） {row.name}",
                detail="启用" if active else "停用")
            changes.touch("village")

    # -- data safety -------------------------------------------------------------------------
    def safety(self) -> SafetyConfig:
        s = self.store.setting
        return SafetyConfig(str(s("backup_dir", str(self.store.path.parent / "backups"))),
                            int(s("backup_keep", 14)),
                            int(s("idle_lock_minutes", DEFAULT_IDLE_LOCK_MINUTES)))

    def update_safety(self, config: SafetyConfig) -> None:
        """Change the data-safety settings (director or administrator)."""
        self._require_manager()
        problems = []
        if not config.backup_dir.strip():
            problems.append(Problem("", "备份文件夹", "不能为空"))
        if not 1 <= config.backup_keep <= 365:
            problems.append(Problem("", "保留份数", "应在1至365之间"))
        if not 1 <= config.idle_lock_minutes <= 120:
            problems.append(Problem("", "自动锁定", "应在1至120分钟之间"))
        if problems:
            raise ValidationError(problems)
        self._save_values({"backup_dir": config.backup_dir.strip(),
                           "backup_keep": config.backup_keep,
                           "idle_lock_minutes": config.idle_lock_minutes})

    def _save_values(self, values: dict[str, Any]) -> None:
        """Write changed settings, each audited, in one transaction."""
        with self.store.write() as changes:
            for key, value in values.items():
                write_setting(self.actor, key, json.dumps(value, ensure_ascii=False),
                              f"{key}={value}")
            changes.touch("settings")
