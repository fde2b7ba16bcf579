"""The room itself: its devices, settings, accounts, mediators, villages, dictionaries and
case-number sequences — what every other table refers to."""

from __future__ import annotations

import peewee
from playhouse import apsw_ext

from mediation_desk.store.base import BaseModel


class Device(BaseModel):
    """One installation: the room's desk 调解室主机 or a patrol laptop 巡查笔记本."""

    name = peewee.CharField()
    kind = peewee.CharField(default="desk")  # desk | laptop


class Setting(BaseModel):
    """Room settings: a key and a JSON value (room name, committee, number pattern, …)."""

    natural_key = ("key",)

    key = peewee.CharField(unique=True)
    value = peewee.TextField()


class Mediator(BaseModel):
    """A person who mediates (人民调解员); may or may not have an account."""

    natural_key = ("name",)

    name = peewee.CharField(index=True)
    phone = peewee.CharField(default="")
    active = apsw_ext.BooleanField(default=True)


class Account(BaseModel):
    """Someone who logs in: a mediator, the committee director or an administrator."""

    natural_key = ("username",)

    username = peewee.CharField(unique=True)
    display_name = peewee.CharField(default="")
    role = peewee.CharField(default="mediator")  # mediator | director | admin
    password_hash = peewee.CharField()
    active = apsw_ext.BooleanField(default=True)
    mediator = peewee.ForeignKeyField(Mediator, null=True, backref="accounts")
    mediator_id: str | None


class Village(BaseModel):
    """A village, community or grid (村 / 社区 / 网格) a case or patrol belongs to."""

    natural_key = ("name",)

    name = peewee.CharField(unique=True)
    active = apsw_ext.BooleanField(default=True)


class DictEntry(BaseModel):
    """One value of an editable dictionary (dispute types, sources, ethnicities).

    ``version`` is the dictionary's version when the entry was added or last changed, so a
    report can say which list a figure was counted against.
    """

    natural_key = ("kind", "label")

    kind = peewee.CharField(index=True)
    label = peewee.CharField()
    position = peewee.IntegerField(default=0)
    active = apsw_ext.BooleanField(default=True)
    version = peewee.IntegerField(default=1)

    class Meta:
        indexes = ((("kind", "label"), True),)


class NumberSequence(BaseModel):
    """The last case number issued in a year: numbers only ever go up, never reused."""

    natural_key = ("year",)

    year = peewee.IntegerField(unique=True)
    last_issued = peewee.IntegerField(default=0)
