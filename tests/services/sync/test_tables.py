"""Every table of a register is classified for laptop sync, so a table added later cannot
silently stay behind on the desk: it travels in the changeset (``SYNCED_MODELS``), as blobs
named by hash (``CONTENT_MODELS``: attachment bytes), or stays on each device for a reason
given here. And every UNIQUE index of a travelling table is one the merge can settle."""

from __future__ import annotations

from mediation_desk.services.sync import changes as cs
from mediation_desk.store import capture
from mediation_desk.store.models import CONTENT_MODELS, LOCAL_MODELS, SYNCED_MODELS
from tests.conftest import Register

#: Tables that stay on each device, and why.
STAY = {
    "local_state": "this device's identity, role, schema version and marks",
    "sqlite_sequence": "SQLite's own counter (the outbox's AUTOINCREMENT)",
    "sync_outbox": "this device's captured changes, until acknowledged",
    "sync_peer": "what this device knows of each device it exchanges with",
    "sync_ledger": "the bundles applied here",
    "search_doc": "the search index: each device rebuilds it from the rows that arrive",
    "search_fts": "the search index (FTS5 and its shadow tables)",
    "search_fts_config": "", "search_fts_data": "", "search_fts_docsize": "",
    "search_fts_idx": "",
}
#: Unique values that are not a natural key of the row, and how the merge settles them.
SETTLED_OTHERWISE = {
    ("case", ("number",)): "a clash renames the later case to a provisional number the desk "
                           "replaces (services/sync/values.py)",
    ("law_article", ("key",)): "a default article's row id derives from its key "
                               "(services/briefs/library.py:row_id); an added one's key is a "
                               "random UUID",
    ("petition", ("number",)): "a request number issued on two devices: the later arrival "
                               "is renamed “…（重复xxxx）” the same way everywhere "
                               "(services/sync/values.py); petition numbers are not leased",
    ("audit_event", ("device", "seq")): "each device numbers only its own events: two devices "
                                        "never write the same (device, seq)",
}


def test_every_table_is_classified(register: Register) -> None:
    tables = {str(r[0]) for r in register.store.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()}
    synced = {m._meta.table_name for m in SYNCED_MODELS}
    content = {m._meta.table_name for m in CONTENT_MODELS}
    local = {m._meta.table_name for m in LOCAL_MODELS}
    assert synced == capture.synced_tables()
    assert not synced & (content | local | set(STAY))
    assert {"attachment_content", "attachment_chunk"} == content
    unclassified = tables - synced - content - local - set(STAY)
    assert unclassified == set(), "add each table to SYNCED_MODELS, CONTENT_MODELS or STAY"
    assert set(STAY) - tables == set()  # no stale names


def test_every_unique_value_of_a_synced_table_can_be_merged(register: Register) -> None:
    schema = cs.schema_of(register.store)
    models = {m._meta.table_name: m for m in SYNCED_MODELS}
    unsettled = []
    for table, indexes in schema.unique.items():
        model = models[table]
        natural = {model._meta.fields[name].column_name for name in model.natural_key}
        for columns in indexes:
            names = tuple(schema.columns[table][i] for i in columns)
            if set(names) != natural and (table, names) not in SETTLED_OTHERWISE:
                unsettled.append((table, names))
    assert unsettled == [], "give the model a natural_key (store/base.py) or settle it"
