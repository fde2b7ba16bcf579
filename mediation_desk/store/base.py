"""The base of every stored record: sync-ready identity, versioning and soft deletion.

Why every table looks like this (architecture.md §2, §7): patrol laptops carry their own copy
of the register into villages and merge back later through SQLite's session extension, which
ignores tables without a declared PRIMARY KEY. A random UUID key lets two devices create rows
without colliding; ``row_version`` and ``updated_by_device`` let a merge tell who changed what;
``deleted_at`` keeps what a user made (nothing is hard-deleted except by an audited purge).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any, ClassVar, Self

import peewee
from playhouse import apsw_ext

#: Every model is bound to this proxy; :class:`mediation_desk.store.database.Store` points it
#: at the open database. One store is open per process (the window has one register).
database_proxy = peewee.DatabaseProxy()


def new_id() -> str:
    """A fresh primary key: a random UUID, so devices never collide."""
    return str(uuid.uuid4())


def utc_now() -> datetime:
    """Bookkeeping time (created/updated) in UTC; user-facing times are local."""
    return datetime.now(UTC).replace(tzinfo=None)


def to_local(utc: datetime) -> datetime:
    """A stored UTC bookkeeping time as local wall-clock time, for people to read."""
    return utc.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


class StoreContext:
    """Who is writing, on which device — stamped on every row saved.

    Held on the model class rather than passed to every ``save`` because peewee's API has no
    place for it; the store sets it when it opens and when a user logs in.
    """

    device_id: str = ""
    account_id: str | None = None


class BaseModel(peewee.Model):
    """A record that can travel between devices: UUID key, version counter, soft delete."""

    id = peewee.CharField(primary_key=True, max_length=36, default=new_id)
    created_at = apsw_ext.DateTimeField(default=utc_now)
    updated_at = apsw_ext.DateTimeField(default=utc_now)
    updated_by_device = peewee.CharField(max_length=36, default="")
    row_version = peewee.IntegerField(default=1)
    deleted_at = apsw_ext.DateTimeField(null=True)

    context: ClassVar[type[StoreContext]] = StoreContext

    class Meta:
        database = database_proxy
        legacy_table_names = False

    def save(self, *args: Any, **kwargs: Any) -> Any:
        """Stamp the version, time and device on every write, new or changed.

        New rows must be written with ``create()`` (or ``save(force_insert=True)``): the key
        has a default, so a plain ``save()`` of a new object would be taken for an update.
        """
        if not kwargs.get("force_insert"):
            self.row_version = (self.row_version or 0) + 1
        self.updated_at = utc_now()
        self.updated_by_device = StoreContext.device_id
        return super().save(*args, **kwargs)

    @classmethod
    def live(cls) -> peewee.ModelSelect[Self]:
        """Rows not soft-deleted: the default view of any table."""
        return cls.select().where(cls.deleted_at.is_null())

    def soft_delete(self) -> None:
        self.deleted_at = utc_now()
        self.save()
