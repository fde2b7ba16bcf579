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

from mediation_desk import clock

#: Every model is bound to this proxy; :class:`mediation_desk.store.database.Store` points it
#: at the open database. One store is open per process (the window has one register).
database_proxy = peewee.DatabaseProxy()


def new_id() -> str:
    """A fresh primary key: a random UUID, so devices never collide."""
    return str(uuid.uuid4())


#: Namespace of the keys derived from a row's natural key (see ``BaseModel.natural_key``).
NATURAL_KEYS = uuid.UUID("7d4d2a4e-1c55-5c3e-9a51-6d6564696174")


def natural_id(table: str, values: tuple[object, ...]) -> str:
    """The key two devices both give a row with the same natural key (a village's name)."""
    text = "\x1f".join([table, *(str(v) for v in values)])
    return str(uuid.uuid5(NATURAL_KEYS, text))


def utc_now() -> datetime:
    """Bookkeeping time (created/updated) in UTC; user-facing times are local."""
    return clock.utc_now()


def to_local(utc: datetime) -> datetime:
    """A stored UTC bookkeeping time as local wall-clock time, for people to read."""
    return utc.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


#: Statements built once per (model, insert/update, columns); see ``BaseModel.save``.
_STATEMENTS: dict[tuple[type, bool, tuple[str, ...]], str] = {}


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


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
    #: Columns that name the row among its kind (a village's name, a setting's key). A new
    #: row of such a table gets a key derived from them, so when two offline laptops both
    #: add the village "湖二村" their rows are one row to the merge, not a clash of two
    #: rows over a unique name (services/sync). Empty: a random key.
    natural_key: ClassVar[tuple[str, ...]] = ()

    class Meta:
        database = database_proxy
        legacy_table_names = False

    @classmethod
    def create(cls, **query: Any) -> Self:
        """Insert a new row; a table with a :attr:`natural_key` gets its derived key unless
        that key is already taken (a renamed row keeps the key of its first name: then a
        random one)."""
        if cls.natural_key and "id" not in query:
            values = tuple(getattr(query.get(n), "id", query.get(n)) for n in cls.natural_key)
            if all(v is not None for v in values):
                derived = natural_id(cls._meta.table_name, values)
                if not cls.select(cls.id).where(cls.id == derived).exists():
                    query["id"] = derived
        created: Self = super().create(**query)
        return created

    def save(self, *args: Any, **kwargs: Any) -> Any:
        """Stamp the version, time and device on every write, new or changed.

        New rows must be written with ``create()`` (or ``save(force_insert=True)``): the key
        has a default, so a plain ``save()`` of a new object would be taken for an update.
        """
        if not kwargs.get("force_insert"):
            self.row_version = (self.row_version or 0) + 1
        self.updated_at = utc_now()
        self.updated_by_device = StoreContext.device_id
        if args or set(kwargs) - {"force_insert"}:
            return super().save(*args, **kwargs)
        return self._save_with_cached_sql(bool(kwargs.get("force_insert")))

    def _save_with_cached_sql(self, force_insert: bool) -> Any:
        """What peewee's ``Model.save`` does, with the statement built once per table and set
        of columns instead of on every call.

        Why: building the SQL for a 37-column case row took peewee ~0.3 ms, a hundred times
        the cost of running it, and every write saves several rows (the row, its audit event,
        the case event). Values still go through each field's ``db_value``; anything unusual
        (an expression as a value) is left to peewee.
        """
        this: Any = self  # peewee's private API, untyped
        meta: Any = self._meta
        data = self.__data__.copy()
        this._populate_unsaved_relations(data)
        pk = meta.primary_key
        update = this._pk is not None and not force_insert
        if update:
            data.pop(pk.name, None)
            if not data:
                raise ValueError("no data to save!")
        else:
            for field, default in meta.defaults.items():
                if field.name not in data:
                    data[field.name] = default() if callable(default) else default
        fields = [f for f in meta.sorted_fields if f.name in data]
        if any(isinstance(data[f.name], peewee.Node) for f in fields):
            return super().save(force_insert=force_insert)
        params = [f.db_value(data[f.name]) for f in fields]
        key = (type(self), update, tuple(f.name for f in fields))
        sql = _STATEMENTS.get(key)
        if sql is None:
            table = _quote(meta.table_name)
            if update:
                sets = ", ".join(f"{_quote(f.column_name)} = ?" for f in fields)
                sql = f"UPDATE {table} SET {sets} WHERE {_quote(pk.column_name)} = ?"
            else:
                columns = ", ".join(_quote(f.column_name) for f in fields)
                sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' * len(fields))})"
            _STATEMENTS[key] = sql
        if update:
            params.append(pk.db_value(this._pk))
        cursor = meta.database.execute_sql(sql, params)
        rows = meta.database.rows_affected(cursor) if update else 1
        this._dirty -= set(data)
        return rows

    @classmethod
    def live(cls) -> peewee.ModelSelect[Self]:
        """Rows not soft-deleted: the default view of any table."""
        return cls.select().where(cls.deleted_at.is_null())

    @classmethod
    def get_live(cls, pk: str) -> Self | None:
        """The live row with this id, or ``None``: the commonest lookup of all, its SQL built
        once per table (``cls.live().where(cls.id == pk).first()`` built it every time)."""
        meta: Any = cls._meta
        key = (cls, False, ("get_live",))
        sql = _STATEMENTS.get(key)
        if sql is None:
            columns = ", ".join(_quote(f.column_name) for f in meta.sorted_fields)
            sql = (f"SELECT {columns} FROM {_quote(meta.table_name)}"
                   f" WHERE {_quote(meta.primary_key.column_name)} = ? AND deleted_at IS NULL")
            _STATEMENTS[key] = sql
        row = meta.database.execute_sql(sql, (pk,)).fetchone()
        if row is None:
            return None
        instance: Any = cls(__no_default__=1, **{
            f.name: f.python_value(value) for f, value in zip(meta.sorted_fields, row,
                                                              strict=True)})
        instance._dirty.clear()
        found: Self = instance
        return found

    def soft_delete(self) -> None:
        self.deleted_at = utc_now()
        self.save()
