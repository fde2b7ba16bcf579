"""Reviewing what the merge could not settle: list the open conflicts, resolve one.

Resolving is an ordinary audited edit of the row (the value kept is written back with
``save()``, so it is stamped, audited and captured like any other edit and travels to every
device), plus the conflict row marked resolved — which travels too, so a conflict resolved
at the desk is closed on the laptops. "Mine" and "theirs" are seen from the device
showing them: on the laptop whose value arrived at the desk, its own value is "mine".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import peewee

from mediation_desk.domain.limits import text_problem
from mediation_desk.domain.phone import mask_phone
from mediation_desk.domain.resident_id import mask_id_number
from mediation_desk.errors import DomainError, NotFound, Problem, ValidationError
from mediation_desk.services.cases import indexing
from mediation_desk.services.safety.audit_check import AUDITED
from mediation_desk.services.shared import audit
from mediation_desk.services.shared.actor import Actor
from mediation_desk.services.shared.permissions import require
from mediation_desk.services.sync.values import from_json
from mediation_desk.store.base import StoreContext, utc_now
from mediation_desk.store.changes import ChangeSet
from mediation_desk.store.database import Store
from mediation_desk.store.models import SYNCED_MODELS, Case, Device, SyncConflict

KIND_LABELS = {"value": "同一字段两边都改了", "restored": "修改了已删除的记录（已恢复）",
               "deleted": "删除了另一边正在修改的记录", "duplicate": "名称或编号重复",
               "missing": "修改的记录本机没有", "same_dispute": "可能是同一纠纷"}
COLUMN_LABELS = {
    "title": "案由", "summary": "纠纷简要情况", "requests": "申请事项", "village_id": "村（社区）",
    "dispute_type": "纠纷类型", "source": "案件来源", "risk_level": "风险等级",
    "amount_fen": "涉及金额", "people_involved": "涉及人数", "status": "状态",
    "received_on": "受理日期", "number": "案件编号", "name": "名称", "phone": "联系电话",
    "id_number": "身份证号码", "address": "住址", "occupation": "职业", "gender": "性别",
    "ethnicity": "民族", "birth_date": "出生日期", "side": "当事人类别", "body": "内容",
    "place": "地点", "at": "时间", "text": "条款内容", "obligor": "义务人", "obligee": "权利人",
    "due_on": "履行期限", "method": "履行方式", "performance": "履行情况", "facts": "主要事实",
    "issues": "争议事项", "responsibilities": "各方责任", "deleted_at": "删除", "value": "值",
    "label": "名称", "active": "启用", "outcome": "结果", "visitor": "回访人",
}
MASKED = {"id_number": mask_id_number, "phone": mask_phone}
_TABLES = {m._meta.table_name: m for m in SYNCED_MODELS}
_TABLE_LABELS = {m._meta.table_name: label for m, label in AUDITED} | {
    "finding": "排查发现", "patrol_visit": "排查记录", "patrol_plan": "排查计划",
    "printed_document": "打印记录", "sync_conflict": "同步冲突"}


@dataclass(frozen=True)
class ConflictView:
    """One conflict as a person reads it (values shown, ID numbers and phones masked)."""

    id: str
    kind: str
    kind_label: str
    number: str
    case_id: str
    table: str
    table_label: str
    column: str
    field_label: str
    mine: str
    theirs: str
    base: str
    current: str
    mine_device: str
    theirs_device: str
    status: str
    editable: bool  # a value a person may type a merged version of


@dataclass(frozen=True)
class Resolved:
    conflict_id: str
    kept: str
    changes: ChangeSet


def show(column: str, value: Any) -> str:
    if column == "deleted_at":
        return "已删除" if value is not None else "未删除（保留）"
    if value is None or value == "":
        return "（空）"
    if column == "amount_fen" and isinstance(value, int):
        return f"{value / 100:.2f}元"
    if isinstance(value, dict):
        return "；".join(f"{k}={show(k, v)}" for k, v in value.items() if k in COLUMN_LABELS)
    text = str(value)
    mask = MASKED.get(column)
    if mask is not None:
        try:
            return mask(text)
        except DomainError:
            return "*" * len(text)
    return text


#: Tables whose conflicts only those who may edit them resolve (resolving writes the row);
#: every other table's rows are case and patrol work, which everyone does.
_RESOLVED_BY = {"account": "accounts", "setting": "settings", "dict_entry": "settings",
                "mediator": "settings", "device": "sync.enroll", "number_lease": "sync.enroll",
                "number_sequence": "sync.enroll"}


def resolve_action(table: str) -> str:
    """The permission (services/shared/permissions.py) resolving a conflict of ``table``
    needs, beside ``sync.conflicts``."""
    return _RESOLVED_BY.get(table, "sync.conflicts")


class ConflictService:
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor

    def open_count(self) -> int:
        require(self.actor, "sync.conflicts")
        return int(SyncConflict.live().where(SyncConflict.status == "open").count())

    def open_conflicts(self) -> list[ConflictView]:
        require(self.actor, "sync.conflicts")
        rows = (SyncConflict.live().where(SyncConflict.status == "open")
                .order_by(SyncConflict.created_at, SyncConflict.id))
        return [self._view(row) for row in rows]

    def conflict(self, conflict_id: str) -> ConflictView:
        require(self.actor, "sync.conflicts")
        return self._view(self._row(conflict_id))

    def _row(self, conflict_id: str) -> SyncConflict:
        row = SyncConflict.get_live(conflict_id)
        if row is None:
            matches = list(SyncConflict.live().where(SyncConflict.id.startswith(conflict_id))
                           .limit(2)) if len(conflict_id) >= 6 else []
            if len(matches) != 1:
                raise NotFound(f"找不到同步冲突 {conflict_id}")
            row = matches[0]
        return row

    def _sides(self, row: SyncConflict) -> tuple[Any, Any, str, str]:
        """(mine, theirs, my device, their device) as seen from this device."""
        mine, theirs = from_json(row.mine), from_json(row.theirs)
        if StoreContext.device_id == row.theirs_device:
            return theirs, mine, row.theirs_device, row.mine_device
        return mine, theirs, row.mine_device, row.theirs_device

    def _current(self, row: SyncConflict) -> Any:
        model = _TABLES.get(row.table_name)
        if model is None or not row.column:
            return None
        found = self.store.execute(
            f'SELECT "{row.column}" FROM "{row.table_name}" WHERE id = ?', (row.row_id,)
        ).fetchall()
        return found[0][0] if found else None

    def _view(self, row: SyncConflict) -> ConflictView:
        mine, theirs, my_device, their_device = self._sides(row)
        case = Case.get_or_none(Case.id == row.case_id) if row.case_id else None
        column = row.column
        if row.kind == "same_dispute":
            mine, theirs = _number(mine), _number(theirs)
            column = "number"
        names = {d.id: d.name for d in Device.select(Device.id, Device.name)}
        editable = row.kind == "value" and isinstance(mine, str) and isinstance(theirs, str) \
            and column not in MASKED
        return ConflictView(
            id=row.id, kind=row.kind, kind_label=KIND_LABELS.get(row.kind, row.kind),
            number=str(case.number) if case is not None and case.number else "",
            case_id=row.case_id, table=row.table_name,
            table_label=_TABLE_LABELS.get(row.table_name, row.table_name), column=column,
            field_label=COLUMN_LABELS.get(column, column), mine=show(column, mine),
            theirs=show(column, theirs), base=show(column, from_json(row.base)),
            current=show(column, self._current(row)) if row.kind != "same_dispute" else "",
            mine_device=names.get(my_device, my_device[:8]),
            theirs_device=names.get(their_device, their_device[:8]), status=row.status,
            editable=editable)

    # -- resolving --------------------------------------------------------------------------
    def resolve(self, conflict_id: str, keep: str, merged: str | None = None) -> Resolved:
        """Keep ``mine`` or ``theirs`` (as this device sees them), or a ``merged`` text the
        person typed; written as an audited edit that travels on."""
        require(self.actor, "sync.conflicts")
        if keep not in ("mine", "theirs", "merged"):
            raise ValidationError(Problem("同步冲突", "保留", "应为 mine、theirs 或 merged"))
        with self.store.write() as changes:
            row = self._row(conflict_id)
            require(self.actor, resolve_action(row.table_name))
            if row.status != "open":
                raise ValidationError(Problem(f"同步冲突 {row.id[:8]}", "", "已经处理过了"))
            mine, theirs, _, _ = self._sides(row)
            if keep == "merged":
                if not self._view(row).editable:
                    raise ValidationError(Problem(f"同步冲突 {row.id[:8]}", "合并后的值",
                                                  "这一项只能选择保留一边"))
                if merged is None or not merged.strip():
                    raise ValidationError(Problem(f"同步冲突 {row.id[:8]}", "合并后的值", "不能为空"))
                reason = text_problem(merged, _text_kind(row))
                if reason:
                    raise ValidationError(Problem(f"同步冲突 {row.id[:8]}", "合并后的值", reason))
            value = {"mine": mine, "theirs": theirs}.get(keep, merged)
            if row.kind in ("value", "restored", "deleted") and row.column:
                self._write_value(row, value, keep)
            row.status, row.resolution = "resolved", keep
            row.resolved_by, row.resolved_at = self.actor.username, utc_now()
            row.save()
            audit.record(self.actor, "resolve", row,
                         detail=f"{KIND_LABELS.get(row.kind, row.kind)}：保留"
                                f"{ {'mine': '本机的值', 'theirs': '对方的值'}.get(keep, '合并后的值') }")
            changes.touch("sync")
            if row.case_id:
                changes.touch("case", row.case_id)
        return Resolved(row.id, keep, changes)

    def _write_value(self, conflict: SyncConflict, value: Any, keep: str) -> None:
        model = _TABLES.get(conflict.table_name)
        if model is None:
            return
        row = model.get_or_none(model.id == conflict.row_id)
        if row is None:
            raise NotFound(f"冲突涉及的记录已不存在：{conflict.table_name} {conflict.row_id[:8]}")
        field = model._meta.columns.get(conflict.column)
        if field is None:
            raise ValidationError(Problem("同步冲突", conflict.column, "本程序没有这一项"))
        if conflict.column == "deleted_at" and value is not None and row.deleted_at is not None:
            return  # already deleted
        new = field.python_value(_stored(value))
        if conflict.column == "deleted_at" and new is not None:
            new = utc_now()
        if getattr(row, field.name) != new:
            setattr(row, field.name, new)
            row.save()
            label = COLUMN_LABELS.get(conflict.column, conflict.column)
            audit.record(self.actor, "update", row, detail=f"解决同步冲突：{label}")
        case_id = getattr(row, "case_id", None) if conflict.table_name != "case" else row.id
        if isinstance(case_id, str) and Case.select().where(Case.id == case_id).exists():
            indexing.reindex_case(self.store, case_id)


def _text_kind(conflict: SyncConflict) -> str:
    """The limits (domain/limits.py) a typed merge of this column obeys: a text column's
    those of long texts, any other's those of one line."""
    model = _TABLES.get(conflict.table_name)
    field = model._meta.columns.get(conflict.column) if model is not None else None
    return "long" if isinstance(field, peewee.TextField) else "short"


def _stored(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _number(case_id: Any) -> str:
    case = Case.get_or_none(Case.id == str(case_id))
    return str(case.number) if case is not None and case.number else str(case_id)[:8]
