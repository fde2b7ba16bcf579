"""Residential compounds (小区) of the property-management legal alliance (物业管理司法联盟).

A compound is a dictionary entry with the people a dispute there involves: its property
company, its owners' committee and the grid member responsible for it. Visitor requests and
cases name a compound, so the alliance can see one compound's history in one place.
"""

from __future__ import annotations

import peewee
from playhouse import apsw_ext

from mediation_desk.store.base import BaseModel
from mediation_desk.store.models.room import Village


class Compound(BaseModel):
    """A residential compound (小区): who manages it, who speaks for its owners, whose grid."""

    natural_key = ("name",)  # one compound of a name on every device (laptop sync)

    name = peewee.CharField(unique=True)
    village = peewee.ForeignKeyField(Village, null=True, backref="compounds")
    village_id: str | None
    property_company = peewee.CharField(default="")  # 物业服务企业
    owners_committee = peewee.CharField(default="")  # 业主委员会 (chair, contact)
    grid_member = peewee.CharField(default="")  # 网格员
    note = peewee.TextField(default="")
    active = apsw_ext.BooleanField(default=True)
