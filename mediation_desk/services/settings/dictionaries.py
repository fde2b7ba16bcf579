"""Editable, versioned dictionaries (dispute types, sources, ethnicities) and villages.

Why a value not yet known is *added and reported* rather than refused or silently added: an
import from another county's register brings its own list, and a typo ("湖二材") must show
up to the user instead of quietly splitting one village in two.
"""

from __future__ import annotations

from mediation_desk.domain import dictionaries as defaults
from mediation_desk.domain import petitions as petition_defaults
from mediation_desk.services.shared import audit
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.models import DictEntry, Village

KIND_LABELS = {"dispute_type": "纠纷类型", "source": "案件来源", "ethnicity": "民族",
               "petition_category": "信访事项类别", "petition_department": "承办部门",
               "alliance_member": "物业管理司法联盟成员单位"}


def dictionary_version(kind: str) -> int:
    row = (DictEntry.select(DictEntry.version).where(DictEntry.kind == kind)
           .order_by(DictEntry.version.desc()).first())
    return int(row.version) if row else 0


def labels(kind: str, include_inactive: bool = False) -> list[str]:
    query = DictEntry.live().where(DictEntry.kind == kind)
    if not include_inactive:
        query = query.where(DictEntry.active == True)  # noqa: E712 (peewee expression)
    return [e.label for e in query.order_by(DictEntry.position, DictEntry.label)]


def ensure_entry(kind: str, label: str, actor: Actor | None, notices: list[str]) -> DictEntry:
    """The entry for ``label``, adding it (one dictionary version up) if it is new."""
    label = label.strip()
    entry = DictEntry.get_or_none(DictEntry.kind == kind, DictEntry.label == label)
    if entry is not None:
        return entry
    version = dictionary_version(kind) + 1
    position = DictEntry.select().where(DictEntry.kind == kind).count()
    entry = DictEntry.create(kind=kind, label=label, position=position, version=version)
    audit.record(actor, "create", entry, detail=f"{KIND_LABELS.get(kind, kind)}：{label}")
    notices.append(f"{KIND_LABELS.get(kind, kind)}“{label}”原来不在列表中，已新增")
    return entry


def ensure_village(name: str, actor: Actor | None, notices: list[str]) -> Village:
    name = name.strip()
    village = Village.get_or_none(Village.name == name)
    if village is not None:
        return village
    village = Village.create(name=name)
    audit.record(actor, "create", village, detail=name)
    notices.append(f"村（社区）“{name}”原来不在列表中，已新增")
    return village


def seed_defaults(actor: Actor | None) -> None:
    """The lists a new register starts with (domain.md), version 1 of each dictionary.

    Each row gets its own audit event (with its row hash), like any other write, so that
    ``audit verify`` can tell a seeded village from one slipped in behind the app's back.
    """
    for kind, values in (
        ("dispute_type", defaults.DISPUTE_TYPES),
        ("source", defaults.SOURCES),
        ("ethnicity", defaults.ETHNICITIES),
        # the visitor-request lists (issue 15)
        ("petition_category", petition_defaults.DEFAULT_CATEGORIES),
        ("petition_department", petition_defaults.DEFAULT_DEPARTMENTS),
        ("alliance_member", petition_defaults.DEFAULT_ALLIANCE),
    ):
        for position, label in enumerate(values):
            entry = DictEntry.create(kind=kind, label=label, position=position, version=1)
            audit.record(actor, "seed", entry, detail=label)
    for name in defaults.DEFAULT_VILLAGES:
        audit.record(actor, "seed", Village.create(name=name), detail=name)
