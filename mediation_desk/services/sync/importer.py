"""Importing bundles: verify everything first, then each bundle in one transaction.

Why verify every bundle before applying any: a stick can hold a good bundle beside a damaged
or foreign one; the contract is "a damaged, foreign or newer-schema bundle → nothing from
it applied", and the simplest honest form of that is: if any bundle addressed to this
device fails a check, nothing is applied at all and every problem is named.

Then a backup of the register, and per bundle one transaction: the entries this device has
not applied (bundles overlap, and may arrive twice or out of order — the ledger and the
per-device sequence marks make that harmless) are applied one by one, in order, through the
merge (:mod:`merge`), each followed by the writes the merge decided on; then conflicts,
hints, final numbers, audit vouchers and the search index; foreign keys and the touched
tables' integrity are checked, the ledger and the marks updated — and if anything fails,
the transaction rolls back and the register is as it was.

Why one by one and not one combined changeset: an entry that echoes this device's own
value and a later one that moves it back would combine into "no change", and this device
would keep a value every other device has left behind.

On the desk, what the apply changed is captured under the sender's id and what the desk
adds under its own (both go to every laptop: that is the relay); a laptop applies with no
capture, since the desk already has all of it, and captures only what it adds itself.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import apsw

from mediation_desk import clock
from mediation_desk.errors import Problem, StoreUnavailable, ValidationError
from mediation_desk.services.safety.backups import snapshot_before_import
from mediation_desk.services.shared import audit
from mediation_desk.services.shared.actor import Actor
from mediation_desk.services.shared.permissions import require
from mediation_desk.services.sync import changes as cs
from mediation_desk.services.sync import fixups, state
from mediation_desk.services.sync.bundle import (
    Bundle,
    BundleRefused,
    bundle_keys,
    find_bundles,
    read_bundle,
    read_manifest,
)
from mediation_desk.services.sync.merge import Merger
from mediation_desk.store import attachment_content as content
from mediation_desk.store import migrations
from mediation_desk.store.changes import ChangeSet
from mediation_desk.store.database import Store
from mediation_desk.store.models import Device

CLOCK_DAYS = 2  # a sender's clock further off than this earns a warning
#: Which kinds of record (as the window's views know them) each table's changes touch.
KINDS = {"case": "case", "party": "party", "record": "record", "agreement": "agreement",
         "agreement_term": "agreement", "follow_up": "followup", "appointment": "appointment",
         "case_mediator": "case", "case_event": "case", "printed_document": "printed",
         "patrol_plan": "patrol", "patrol_change": "patrol", "patrol_visit": "patrol",
         "finding": "patrol", "escalation": "patrol", "setting": "settings",
         "account": "account", "village": "village", "dict_entry": "dictionary",
         "mediator": "dictionary", "audit_event": "audit", "sync_conflict": "sync",
         "number_lease": "sync", "device": "sync", "number_sequence": "case",
         "case_arrival": "case", "field_change": "case", "attachment": "attachment",
         "brief": "brief", "law_article": "law_article"}


@dataclass
class BundleReport:
    bundle: str
    sender: str
    changes: int
    conflicts: int
    status: str  # applied | skipped | waiting


@dataclass
class Imported:
    applied: int = 0
    skipped: int = 0
    conflicts: int = 0
    changes: int = 0
    reports: list[BundleReport] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    backup: Path | None = None
    changeset: ChangeSet = field(default_factory=ChangeSet)


def import_folder(store: Store, actor: Actor, folder: Path) -> Imported:
    """Apply every bundle under ``folder`` meant for this device and not yet applied."""
    require(actor, "sync.exchange")
    me = store.local_device_id()
    if not state.peers(store):
        raise ValidationError(Problem("同步", "", "本机还没有参与同步：请先在调解室主机上登记巡查笔记本"))
    if not folder.is_dir():
        raise ValidationError(Problem("同步", "文件夹", f"找不到文件夹 {folder}"))
    result = Imported()
    found = find_bundles(folder, me)
    result.notes += found.notes
    bundles = verify_all(store, found.bundles, me)
    todo = [b for b in bundles if not state.in_ledger(store, b.id)]
    if todo:
        result.backup = backup_before_import(store)
    for bundle in bundles:
        if bundle not in todo:
            result.skipped += 1
            result.reports.append(BundleReport(bundle.id, bundle.sender, 0, 0, "skipped"))
            continue
        try:
            report = apply_bundle(store, actor, bundle, result)
        except BundleRefused as exc:
            done = f"（此前的{result.applied}个交换包已导入）" if result.applied else ""
            raise ValidationError(Problem(bundle.label, "", f"{exc}，此交换包没有导入任何内容{done}")
                                  ) from exc
        result.reports.append(report)
        if report.status == "applied":
            result.applied += 1
            result.changes += report.changes
            result.conflicts += report.conflicts
        else:
            result.skipped += 1
    return result


# -- checking ---------------------------------------------------------------------------------
def verify_all(store: Store, folders: Iterable[Path], me: str) -> list[Bundle]:
    """Every bundle addressed to this device, fully checked; ValidationError naming every
    problem if any fails (then nothing is applied)."""
    keys = bundle_keys(state.bundle_secret(store))
    schema = cs.schema_of(store)
    problems: list[Problem] = []
    bundles: list[Bundle] = []
    for folder in folders:
        label = f"交换包 {folder.parent.name[:8]}/{folder.name}"
        try:
            if read_manifest(folder).get("to") != me:
                continue  # for another device sharing the stick
            bundle = read_bundle(folder, keys)
            _check_sender(store, bundle)
            _check_schema(bundle)
            totals = cs.check_entries(bundle.entries, schema)
            if totals != bundle.manifest.get("tables") or \
                    sum(totals.values()) != bundle.manifest["changes"]:
                raise BundleRefused("各数据表的修改条数与清单不符")
            bundles.append(bundle)
        except BundleRefused as exc:
            problems.append(Problem(label, "", str(exc)))
    if problems:
        raise ValidationError(problems)
    return sorted(bundles, key=lambda b: (b.sender, b.manifest["seq_first"],
                                          b.manifest["seq_last"], b.id))


def _check_sender(store: Store, bundle: Bundle) -> None:
    sender = bundle.sender
    if state.role(store) == "laptop":
        if sender != state.desk_id(store):
            raise BundleRefused("不是本机所属调解室主机写的交换包")
        return
    device = Device.get_or_none(Device.id == sender)
    if device is None or device.kind != "laptop" or state.peer(store, sender) is None:
        raise BundleRefused("发送设备没有在本机登记")
    if device.deleted_at is not None:
        raise BundleRefused(f"设备“{device.name}”已被注销，不再接收它的交换包")


def _check_schema(bundle: Bundle) -> None:
    theirs = bundle.manifest["schema"]
    if theirs > migrations.LATEST:
        raise BundleRefused(f"由较新版本的程序写出（结构版本 {theirs}，本机 {migrations.LATEST}），请先升级本机程序")
    if theirs < migrations.LATEST:
        raise BundleRefused(f"由较旧版本的程序写出（结构版本 {theirs}，本机 {migrations.LATEST}），请先升级对方程序")


def backup_before_import(store: Store) -> Path:
    """A restorable backup pair of the register before anything arrives, in ``backups/``
    with the other pre-import backups (services/safety/backups.py: a fast whole-file copy,
    and the key slots beside it); rotated with them."""
    try:
        return snapshot_before_import(store)
    except StoreUnavailable as exc:
        raise StoreUnavailable(f"导入前无法备份数据库（{exc}），没有导入任何内容") from exc
    except ValidationError as exc:  # the backup folder's name is not usable
        raise StoreUnavailable(f"导入前无法备份数据库（{exc}），没有导入任何内容") from exc


# -- applying ---------------------------------------------------------------------------------
def apply_bundle(store: Store, actor: Actor, bundle: Bundle, result: Imported) -> BundleReport:
    sender = bundle.sender
    peer = state.peer(store, sender) or state.Peer(sender)
    entries = [e for e in bundle.entries if e.seq > peer.applied_seq]
    if entries and entries[0].seq != peer.applied_seq + 1:
        result.notes.append(f"{bundle.label}：缺少对方第{peer.applied_seq + 1}号起的更早内容，"
                            "暂不导入（请把更早的交换包一起带来，或请对方重新导出）")
        return BundleReport(bundle.id, sender, 0, 0, "waiting")
    hub = state.role(store) == "desk"
    with store.write(origin=sender, capture=hub) as changes:
        merger = Merger(cs.schema_of(store), hub, _pending(store, bundle, hub),
                        find_unique=lambda t, c, v: _find_unique(store, t, c, v),
                        fetch_row=lambda t, k: _fetch_row(store, t, k))
        _store_blobs(bundle)  # attachment bytes first: the rows arriving point at them
        # In order, never merged across a row: an echo's intermediate value matters.
        for changeset in cs.disjoint_runs(e.changeset for e in entries):
            _apply(store, merger, changeset)
        store.capture.switch()  # what this device adds now is its own work
        conflicts = fixups.record_conflicts(store, merger.clashes, sender, bundle.id)
        case_ids = {fixups.case_of(store, t, k) for t, k in merger.touched}
        if hub:
            conflicts += fixups.same_dispute_hints(store, merger.inserted.get("case", []), sender,
                                                   bundle.id)
            numbered = fixups.finalise_numbers(store, actor)
            if numbered:
                result.notes.append(f"已为{len(numbered)}件临时编号的案件分配正式编号")
        # Every row updated, not only those the handler merged: a clean apply of one device's
        # update (it carries only the columns it changed) onto a row merged earlier can give
        # content no device's event holds (found by the heavier state machine: an agreement
        # three laptops added terms to). An inserted row arrives whole: its sender's event.
        fixups.vouch(actor, set(merger.changed) | merger.handled)
        fixups.reindex(store, merger.touched,
                       {i for ids in merger.inserted.values() for i in ids},
                       merger.changed, merger.handled)
        if conflicts:
            audit.record(actor, "sync_import", entity="register",
                         detail=f"导入交换包：{len(conflicts)}处冲突待处理")
        _check_after(store, merger)
        _purge_anonymised_content(store, merger)
        applied = sum(merger.offered.values())
        state.add_to_ledger(store, bundle.id, sender, bundle.manifest["seq_first"],
                            bundle.manifest["seq_last"], applied, len(conflicts),
                            clock.now(), actor.username)
        _update_peer(store, peer, bundle, entries, result)
        state.prune_outbox(store)
        for table, _ in merger.touched:
            changes.touch(KINDS.get(table, "sync"))
        changes.case_ids |= case_ids - {""}
        changes.touch("sync")
    result.changeset.merge(changes)
    return BundleReport(bundle.id, sender, applied, len(conflicts), "applied")


def _store_blobs(bundle: Bundle) -> None:
    """Every attachment content the bundle carries and this register lacks (content is
    keyed by hash and never changed: nothing to merge; not captured, the desk relays it
    from its own copy). Each is checked against its hash again as it is stored."""
    for sha256 in bundle.blobs:
        if content.has_content(sha256):
            continue
        data = bundle.blob(sha256)
        try:
            content.write_content(io.BytesIO(data), sha256, len(data))
        except content.ContentChanged as exc:
            raise BundleRefused(f"附件内容 {sha256[:12]}… 与它的校验值不符") from exc


def _pending(store: Store, bundle: Bundle, hub: bool) -> dict[cs.Key, set[int]]:
    """On a laptop: what it changed that this bundle's sender has not acknowledged."""
    if hub:
        return {}
    unsent = state.outbox_after(store, int(bundle.manifest["acked"]))
    return cs.touched_fields(e.changeset for e in unsent)


def _find_unique(store: Store, table: str, columns: list[int],
                 values: tuple[Any, ...]) -> str | None:
    names = _columns(store, table)
    where = " AND ".join(f'"{names[i]}" IS ?' for i in columns)
    rows = store.execute(f'SELECT id FROM "{table}" WHERE {where}', values).fetchall()
    return str(rows[0][0]) if rows else None


def _fetch_row(store: Store, table: str, row_id: str) -> tuple[Any, ...] | None:
    rows = store.execute(f'SELECT * FROM "{table}" WHERE id = ?', (row_id,)).fetchall()
    return tuple(rows[0]) if rows else None


def _columns(store: Store, table: str) -> list[str]:
    return [str(r[1]) for r in store.execute(f'PRAGMA table_info("{table}")').fetchall()]


def _apply(store: Store, merger: Merger, changeset: bytes) -> None:
    """Apply one entry through the merge, then write back what the merge decided (the next
    entry must meet the result)."""
    before = sum(merger.offered.values()) + merger.indirect
    expected, _ = cs.count(changeset)
    try:
        # Not SQLITE_CHANGESETAPPLY_IGNORENOOP: with it, SQLite 3.53's apply fails with
        # "SQL logic error" on a table named "case" (a keyword it leaves unquoted there);
        # the merge treats a change that is already here as a no-op anyway.
        apsw.Changeset.apply(changeset, store.connection(), filter_change=merger.offer,
                             conflict=merger.handle,
                             flags=apsw.SQLITE_CHANGESETAPPLY_FKNOACTION)
    except apsw.AbortError as exc:
        if merger.error is not None:
            raise merger.error from exc
        raise BundleRefused("内容引用了本机没有的数据，无法导入") from exc
    if merger.error is not None:
        raise merger.error
    offered = sum(merger.offered.values()) + merger.indirect - before
    if offered != expected:
        raise BundleRefused(f"应用了{offered}条修改，交换包中有{expected}条：有数据表未能应用")
    write_back(store, merger)


def write_back(store: Store, merger: Merger) -> None:
    """The writes the merge decided on (columns taken field by field, restored rows, rows
    renamed because of a unique clash)."""
    for (table, row_id), columns in merger.updates.items():
        names = merger.schema.columns[table]
        sets = ", ".join(f'"{names[i]}" = ?' for i in columns)
        store.execute(f'UPDATE "{table}" SET {sets} WHERE id = ?', (*columns.values(), row_id))
    for table, row in merger.inserts:
        marks = ", ".join("?" * len(row))
        store.execute(f'INSERT INTO "{table}" VALUES ({marks})', row)
    merger.updates.clear()
    merger.inserts.clear()


def _check_after(store: Store, merger: Merger) -> None:
    """Before COMMIT: every row that arrived is there, and every reference it makes leads
    to a row that exists.

    Why these and not ``PRAGMA integrity_check``: that reads the whole file (1.7 s for the
    audit table alone of a 10,000-case register) and the cost grows with the register, not
    with what arrived; what an apply can get wrong is in the rows it wrote. The file's
    pages are checked where that belongs: when a register was not closed cleanly, by
    ``verify``, and before each daily backup."""
    for table, ids in merger.inserted.items():
        wanted = [i for i in ids if (table, i) not in merger.omitted]
        for start in range(0, len(wanted), 500):
            part = wanted[start:start + 500]
            found = store.execute(f'SELECT count(*) FROM "{table}" WHERE id IN '
                                  f'({", ".join("?" * len(part))})', tuple(part)).fetchone()[0]
            if found != len(part):
                raise BundleRefused(f"数据表“{table}”应新增{len(part)}行，实际{found}行，已撤销")
    attachments = sorted(row_id for table, row_id in merger.touched if table == "attachment")
    for start in range(0, len(attachments), 500):
        part = attachments[start:start + 500]
        lacking = store.execute(
            f'SELECT count(*) FROM attachment a WHERE a.id IN ({", ".join("?" * len(part))}) '
            "AND a.deleted_at IS NULL AND NOT EXISTS "
            "(SELECT 1 FROM attachment_content c WHERE c.sha256 = a.sha256)",
            tuple(part)).fetchone()[0]
        if lacking:
            raise BundleRefused(f"有{lacking}个附件的内容没有随交换包到达，已撤销")
    by_table: dict[str, list[str]] = {}
    for table, row_id in merger.touched:
        by_table.setdefault(table, []).append(row_id)
    for table, ids in sorted(by_table.items()):
        references = store.execute(f'PRAGMA foreign_key_list("{table}")').fetchall()
        for ref in references:
            parent, column, target = str(ref[2]), str(ref[3]), str(ref[4] or "id")
            for start in range(0, len(ids), 500):
                part = ids[start:start + 500]
                broken = store.execute(
                    f'SELECT count(*) FROM "{table}" t WHERE t.id IN '
                    f'({", ".join("?" * len(part))}) AND t."{column}" IS NOT NULL AND NOT '
                    f'EXISTS (SELECT 1 FROM "{parent}" p WHERE p."{target}" = t."{column}")',
                    tuple(part)).fetchone()[0]
                if broken:
                    raise BundleRefused(f"导入后数据表“{table}”有{broken}处引用了不存在的数据，已撤销")


def _purge_anonymised_content(store: Store, merger: Merger) -> None:
    """Retention's purge arrives as attachment rows taken off an anonymised case; the bytes
    the sender deleted (content rows never travel) are deleted here too when no live
    attachment of this register uses them — a scan of an ID card is personal data."""
    ids = sorted(row_id for table, row_id in merger.touched if table == "attachment")
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        rows = store.execute(
            f'SELECT DISTINCT a.sha256 FROM attachment a JOIN "case" c ON c.id = a.case_id '
            f'WHERE a.id IN ({", ".join("?" * len(part))}) AND a.deleted_at IS NOT NULL '
            "AND c.anonymised_on IS NOT NULL AND NOT EXISTS (SELECT 1 FROM attachment o "
            "WHERE o.sha256 = a.sha256 AND o.deleted_at IS NULL)", tuple(part)).fetchall()
        for (sha256,) in rows:
            content.delete_content(str(sha256))


def _update_peer(store: Store, peer: state.Peer, bundle: Bundle, entries: list[Any],
                 result: Imported) -> None:
    if entries:
        peer.applied_seq = entries[-1].seq
    peer.acked_seq = max(peer.acked_seq, int(bundle.manifest["acked"]))
    peer.last_in_at = clock.now().isoformat(timespec="seconds")
    peer.last_in_bundle = bundle.id
    peer.clock_note = clock_note(bundle.manifest.get("created_at"),
                                 str(bundle.manifest.get("from_name", "")))
    if peer.clock_note:
        result.warnings.append(peer.clock_note)
    state.save_peer(store, peer)


def clock_note(created_at: object, name: str) -> str:
    """A warning when the sender's clock was far from this one's when it wrote the bundle.

    Only a warning: clocks never decide anything in the merge. A bundle may wait on a stick
    for days, so only a clock *ahead* of ours, or more than a year behind, is certain."""
    try:
        then = datetime.fromisoformat(str(created_at))
    except ValueError:
        return ""
    if then.tzinfo is None:
        then = then.replace(tzinfo=UTC)
    now = clock.utc_now().replace(tzinfo=UTC)
    days = (then - now).total_seconds() / 86400
    who = f"设备“{name}”" if name else "发送设备"
    if days > CLOCK_DAYS:
        return f"{who}的时钟比本机快约{round(days)}天，请核对该设备的日期和时间（不影响合并）"
    if days < -365:
        return f"{who}的时钟比本机慢约{round(-days)}天，请核对该设备的日期和时间（不影响合并）"
    return ""
