"""Offline patrol laptops (巡查笔记本): enrolment, exchange on a stick, field-level merge.

The design in one page (the long form, with the reasons, is ``docs/sync.md``).

**Topology.** A star: the room's desk (调解室主机) is the hub; each laptop exchanges only with
the desk, and the desk relays what one laptop sent to the others. Every device holds the
whole register.

**Enrolment** (``enroll``): the desk makes a laptop's register as an online copy of its own
(same accounts, same key slots), gives the copy a new device identity (a ``device`` row of
kind ``laptop``), leases it a block of official case numbers (``number_lease``) and marks in
both files how far each has seen the other (``sync_peer``).

**Capture.** ``Store.write()`` attaches an SQLite session (apsw ``Session``) to its
transaction whenever capture is on (``local_state.sync_capture``, set by enrolment); before
COMMIT the changeset of the synced tables — never the outbox, the local tables or the search
index — goes into ``sync_outbox`` with this device's next sequence number, in the same
transaction. No timestamp decides anything.

**Bundles** (``bundle``): one folder per sending device on the stick or shared folder,
``mediation-desk-sync/<device id>/<bundle>/``, holding ``manifest.json`` (format, schema
version, sender, receiver, sequence range, the entries with their origins, per-table counts,
SHA-256 and size of each member, what the sender has applied from the receiver, the
sender's clock) and ``changes.bin`` (the entries' changesets, AES-GCM encrypted with a key
derived from the register key; the manifest carries an HMAC). Written to a ``.part`` name,
fsynced, read back and verified, then renamed: a pulled stick leaves only a ``.part``.

**Import** (``importer``): every bundle addressed to this device is verified before anything
is written (names, sizes, hashes, MAC, enrolled sender, schema version, every change's table
and column count against ``PRAGMA table_info``, per-table counts). Then a backup, and each
bundle in its own transaction: the entries this device has not applied are applied one by
one, in order, with a conflict handler that merges field by field (``merge``); conflicts, hints, final case
numbers and audit vouchers are written; the ledger (``sync_ledger``) and the peer marks are
updated; foreign keys and the touched tables' integrity are checked — or nothing at all.

**Who wins a clash.** The desk applies what arrives (it serialises everyone's work in the
order it arrives) and keeps the value it replaced in ``sync_conflict`` for a person to
review; a laptop keeps its own values only where it has changes the desk has not yet
acknowledged (the desk will see those and decide), and otherwise takes the desk's. So after
a full round every device holds the desk's state, and no value is dropped: it is current,
in the conflict table or in the record's history. Deletion is soft (``deleted_at``), so a
delete is a field like any other; an edit that meets a deletion restores the row and
raises a conflict.

**Numbers.** The desk leases each laptop blocks of the year's sequence (and moves its own
sequence past them), topping them up at each exchange; a laptop that runs out registers
with a provisional number (``临时-…``) that the desk replaces with the next official one
when the case arrives.

**Conflicts** (``conflicts``) are rows that travel like any other; resolving one is an
ordinary audited edit of the row, which travels on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mediation_desk.services.shared.exports import lazy_exports

if TYPE_CHECKING:
    from mediation_desk.services.sync.conflicts import ConflictService
    from mediation_desk.services.sync.service import SyncService

__all__ = ["ConflictService", "SyncService"]

__getattr__ = lazy_exports(__name__, {
    "SyncService": "service",
    "ConflictService": "conflicts",
})
