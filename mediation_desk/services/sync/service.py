"""The sync use cases in one place for the window and the command line."""

from __future__ import annotations

from pathlib import Path

from mediation_desk import clock
from mediation_desk.services.shared.actor import Actor
from mediation_desk.services.shared.permissions import require
from mediation_desk.services.sync import enrol, exporter, importer, leases, status
from mediation_desk.store.database import Store


class SyncService:
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor

    def enroll(self, name: str, out: Path, block: int = leases.DEFAULT_BLOCK) -> enrol.Enrolled:
        """(desk, director or administrator) make the register of a new patrol laptop."""
        return enrol.enroll(self.store, self.actor, name, out, clock.today(), block)

    def export(self, folder: Path) -> exporter.Exported:
        return exporter.export_to(self.store, self.actor, folder, clock.today())

    def import_(self, folder: Path) -> importer.Imported:
        return importer.import_folder(self.store, self.actor, folder)

    def status(self) -> status.SyncStatus:
        require(self.actor, "sync.exchange")
        return status.sync_status(self.store, clock.today())
