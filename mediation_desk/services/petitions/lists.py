"""The room's lists for visitor requests: categories (信访事项类别), the departments a request
can be handed to (承办部门), the members of the property-management legal alliance
(物业管理司法联盟), the residential compounds (小区), and the request-number pattern.

Why categories are added when a request names a new one but departments are not: a category
is a word for what the person asked about (a new one is added and reported, like a dispute
type); a department is who will be chased for an answer, so a typo there would chase nobody
— a department must be on the list before anything is assigned to it.

Why seeding here as well as at a register's creation: a register made before visitor requests
existed has none of these lists; the first write of the loop (or the 接访 page opening) fills
them with the defaults, each row audited, once.
"""

from __future__ import annotations

import json

from mediation_desk.domain import petitions as rules
from mediation_desk.domain.case_number import format_case_number, validate_pattern
from mediation_desk.errors import DomainError, NotFound, PermissionDenied, Problem, ValidationError
from mediation_desk.services.petitions.types import CompoundDraft, CompoundView
from mediation_desk.services.settings.dictionaries import dictionary_version, labels
from mediation_desk.services.settings.service import EntryView
from mediation_desk.services.shared import audit, field_history
from mediation_desk.services.shared.actor import Actor
from mediation_desk.services.shared.setting_rows import write_setting
from mediation_desk.store.changes import ChangeSet
from mediation_desk.store.database import Store
from mediation_desk.store.models import Compound, DictEntry, Village

CATEGORY, DEPARTMENT, ALLIANCE = "petition_category", "petition_department", "alliance_member"
KIND_NAMES = {CATEGORY: "信访事项类别", DEPARTMENT: "承办部门", ALLIANCE: "物业管理司法联盟成员单位"}
DEFAULTS = {CATEGORY: rules.DEFAULT_CATEGORIES, DEPARTMENT: rules.DEFAULT_DEPARTMENTS,
            ALLIANCE: rules.DEFAULT_ALLIANCE}
PATTERN_KEY = "petition_number_pattern"
#: An alliance member as an assignment target is written with this mark ("联盟：湖头人民法庭").
ALLIANCE_MARK = "联盟："
COMPOUND_LABELS = {"name": "小区名称", "village": "所在村（社区）", "property_company": "物业服务企业",
                   "owners_committee": "业主委员会", "grid_member": "网格员", "note": "备注",
                   "active": "启用"}


def seed_lists(actor: Actor | None) -> bool:
    """Inside the caller's transaction: the default lists of each kind still empty, each row
    with its audit event. Whether anything was written."""
    wrote = False
    for kind, values in DEFAULTS.items():
        if DictEntry.select().where(DictEntry.kind == kind).exists():
            continue
        for position, label in enumerate(values):
            entry = DictEntry.create(kind=kind, label=label, position=position, version=1)
            audit.record(actor, "seed", entry, detail=f"{KIND_NAMES[kind]}：{label}")
        wrote = True
    return wrote


def _labels(kind: str) -> list[str]:
    """Active labels of a list, or its defaults while the register has none yet."""
    if not DictEntry.select().where(DictEntry.kind == kind).exists():
        return list(DEFAULTS[kind])
    return labels(kind)


def targets() -> list[str]:
    """Everyone an assignment may go to: the departments, then the alliance's members."""
    departments = _labels(DEPARTMENT)
    return departments + [m for m in _labels(ALLIANCE) if m not in departments]


def alliance_labels() -> list[str]:
    """The members of the 物业管理司法联盟 (the room's list, or its defaults while empty)."""
    return _labels(ALLIANCE)


def is_target(name: str) -> bool:
    name = name.strip().removeprefix(ALLIANCE_MARK)
    return bool(name) and name in targets()


def pattern(store: Store) -> tuple[str, str]:
    """The request-number pattern and the committee's prefix it uses."""
    return (str(store.setting(PATTERN_KEY, rules.DEFAULT_NUMBER_PATTERN)),
            str(store.setting("number_prefix", "")))


def compound_view(row: Compound) -> CompoundView:
    village = Village.get_by_id(row.village_id).name if row.village_id else ""
    return CompoundView(row.id, row.name, village, row.property_company, row.owners_committee,
                        row.grid_member, row.note, bool(row.active))


class PetitionListsService:
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor

    def _require_manager(self) -> None:
        if self.actor.role not in ("director", "admin"):
            raise PermissionDenied("只有调委会主任或管理员可以修改接访名录")

    def ensure_defaults(self) -> ChangeSet:
        """Fill the lists a register made before visitor requests lacks (once, audited)."""
        with self.store.write() as changes:
            if seed_lists(self.actor):
                changes.touch("dictionary")
        return changes

    # -- dictionaries -------------------------------------------------------------------------
    def categories(self) -> list[str]:
        return _labels(CATEGORY)

    def departments(self) -> list[str]:
        return _labels(DEPARTMENT)

    def alliance_members(self) -> list[str]:
        return _labels(ALLIANCE)

    def targets(self) -> list[str]:
        return targets()

    def entries(self, kind: str) -> list[EntryView]:
        self._check_kind(kind)
        return [EntryView(e.id, e.label, e.active, e.version) for e in
                DictEntry.live().where(DictEntry.kind == kind)
                .order_by(DictEntry.position, DictEntry.label)]

    def add_entry(self, kind: str, label: str) -> ChangeSet:
        """Add a category, department or alliance member (director or administrator)."""
        self._check_kind(kind)
        self._require_manager()
        label = label.strip()
        if not label:
            raise ValidationError(Problem("", KIND_NAMES[kind], "不能为空"))
        with self.store.write() as changes:
            seed_lists(self.actor)
            existing = DictEntry.get_or_none(DictEntry.kind == kind, DictEntry.label == label)
            if existing is not None and existing.active and existing.deleted_at is None:
                raise ValidationError(Problem("", KIND_NAMES[kind], f"“{label}”已在列表中"))
            if existing is not None:
                existing.active, existing.deleted_at = True, None
                existing.version = dictionary_version(kind) + 1
                existing.save()
                audit.record(self.actor, "update", existing, detail=f"恢复：{label}")
            else:
                position = DictEntry.select().where(DictEntry.kind == kind).count()
                row = DictEntry.create(kind=kind, label=label, position=position,
                                       version=dictionary_version(kind) + 1)
                audit.record(self.actor, "create", row, detail=f"{KIND_NAMES[kind]}：{label}")
            changes.touch("dictionary")
        return changes

    def set_entry_active(self, entry_id: str, active: bool) -> ChangeSet:
        """Retire an entry from the pick lists (old requests keep it) or bring it back."""
        self._require_manager()
        row = DictEntry.get_live(entry_id)
        if row is None or row.kind not in KIND_NAMES:
            raise NotFound(f"找不到名录条目 {entry_id}")
        with self.store.write() as changes:
            before = field_history.snapshot(row)
            row.active = active
            row.version = dictionary_version(row.kind) + 1
            row.save()
            field_history.record_edit(
                self.actor, row, field_history.diff(before, row, {"active": "启用"}),
                case_id=None, record=f"{KIND_NAMES[row.kind]} {row.label}",
                detail="启用" if active else "停用")
            changes.touch("dictionary")
        return changes

    @staticmethod
    def _check_kind(kind: str) -> None:
        if kind not in KIND_NAMES:
            raise ValidationError(Problem("", "名录", "应为 " + " / ".join(KIND_NAMES) + " 之一"))

    # -- compounds ----------------------------------------------------------------------------
    def compounds(self, include_inactive: bool = False) -> list[CompoundView]:
        query = Compound.live()
        if not include_inactive:
            query = query.where(Compound.active == True)  # noqa: E712 (peewee expression)
        return [compound_view(c) for c in query.order_by(Compound.name)]

    def compound(self, compound_id: str) -> CompoundView:
        row = Compound.get_live(compound_id)
        if row is None:
            raise NotFound(f"找不到小区 {compound_id}")
        return compound_view(row)

    def save_compound(self, draft: CompoundDraft, compound_id: str | None = None) -> ChangeSet:
        """Add a compound or correct one (director or administrator); every changed field is
        kept with its before and after."""
        self._require_manager()
        name = draft.name.strip()
        problems = []
        if not name:
            problems.append(Problem("小区", "小区名称", "不能为空"))
        clash = Compound.get_or_none(Compound.name == name) if name else None
        if clash is not None and clash.id != compound_id:
            problems.append(Problem("小区", "小区名称", f"“{name}”已在小区名录中"))
        village = None
        if draft.village.strip():
            village = Village.live().where(Village.name == draft.village.strip()).first()
            if village is None:
                problems.append(Problem("小区", "所在村（社区）",
                                        f"“{draft.village.strip()}”不在村（社区）列表中"))
        row = None
        if compound_id is not None:
            row = Compound.get_live(compound_id)
            if row is None:
                raise NotFound(f"找不到小区 {compound_id}")
        if problems:
            raise ValidationError(problems)
        values = {"name": name, "village": village.id if village else None,
                  "property_company": draft.property_company.strip(),
                  "owners_committee": draft.owners_committee.strip(),
                  "grid_member": draft.grid_member.strip(), "note": draft.note.strip()}
        with self.store.write() as changes:
            if row is None:
                row = Compound.create(**values)
                audit.record(self.actor, "create", row, detail=f"小区：{name}")
            else:
                before = field_history.snapshot(row)
                for key, value in values.items():
                    setattr(row, key, value)
                row.save()
                field_history.record_edit(self.actor, row, field_history.diff(
                    before, row, COMPOUND_LABELS), case_id=None, record=f"小区 {name}")
            changes.touch("compound")
        return changes

    def set_compound_active(self, compound_id: str, active: bool) -> ChangeSet:
        self._require_manager()
        row = Compound.get_live(compound_id)
        if row is None:
            raise NotFound(f"找不到小区 {compound_id}")
        with self.store.write() as changes:
            before = field_history.snapshot(row)
            row.active = active
            row.save()
            field_history.record_edit(self.actor, row, field_history.diff(
                before, row, {"active": "启用"}), case_id=None, record=f"小区 {row.name}",
                detail="启用" if active else "停用")
            changes.touch("compound")
        return changes

    # -- numbers ------------------------------------------------------------------------------
    def number_pattern(self) -> str:
        return pattern(self.store)[0]

    def set_number_pattern(self, text: str) -> ChangeSet:
        """The request-number pattern, like case numbers' ({year}, {seq}, {prefix})."""
        self._require_manager()
        try:
            validate_pattern(text.strip())
        except DomainError as exc:
            raise ValidationError(Problem("", "来访编号格式", exc.reason)) from exc
        with self.store.write() as changes:
            if write_setting(self.actor, PATTERN_KEY, json.dumps(text.strip(), ensure_ascii=False),
                             f"{PATTERN_KEY}={text.strip()}"):
                changes.touch("settings")
        return changes

    def number_example(self, text: str, year: int = 2026) -> str:
        try:
            return format_case_number(text.strip(), year=year, seq=3,
                                      prefix=pattern(self.store)[1])
        except DomainError as exc:
            raise ValidationError(Problem("", "来访编号格式", exc.reason)) from exc
