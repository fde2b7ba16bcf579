"""What the window works with: the open register, the logged-in user and the services.

Built once in :mod:`ui.app` (the composition root) and handed down to every view and dialog;
there are no globals. ``bus.changes_committed`` carries each committed change set so a view
refreshes only when data it shows has changed (architecture.md §3).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from mediation_desk.services.agenda.today import TodayService
from mediation_desk.services.agenda.week import WeekService
from mediation_desk.services.attachments.service import AttachmentService
from mediation_desk.services.cases.autosave import AutosaveService
from mediation_desk.services.cases.case_edit import CaseEditService
from mediation_desk.services.cases.casework import CaseworkService
from mediation_desk.services.cases.detail import CaseDetailService
from mediation_desk.services.cases.intake import IntakeService
from mediation_desk.services.cases.register import RegisterService
from mediation_desk.services.cases.register_pages import RegisterPages
from mediation_desk.services.cases.search import SearchService
from mediation_desk.services.exchange.review import ImportReviewService
from mediation_desk.services.patrols.risk_levels import PatrolSettingsService
from mediation_desk.services.patrols.service import PatrolService
from mediation_desk.services.petitions.lists import PetitionListsService
from mediation_desk.services.petitions.printing import PetitionPrintingService
from mediation_desk.services.petitions.rota import RotaService
from mediation_desk.services.petitions.service import PetitionService
from mediation_desk.services.printing.document_settings import DocumentSettingsService
from mediation_desk.services.printing.dossier import DossierService
from mediation_desk.services.printing.service import PrintingService
from mediation_desk.services.safety.accounts import AccountService
from mediation_desk.services.settings.service import SettingsService
from mediation_desk.services.shared.actor import Actor
from mediation_desk.services.sync.conflicts import ConflictService
from mediation_desk.store.changes import ChangeSet
from mediation_desk.store.database import Store

if TYPE_CHECKING:
    from mediation_desk.services.briefs.library import ArticleLibraryService
    from mediation_desk.services.briefs.service import BriefService
    from mediation_desk.services.statistics.case_facts import CaseFactsService
    from mediation_desk.services.statistics.reports import ReportService
    from mediation_desk.services.statistics.service import StatisticsService
    from mediation_desk.services.sync.service import SyncService


class ChangeBus(QObject):
    """Re-emits the store's committed change sets as a Qt signal (queued across threads)."""

    changes_committed = Signal(object)

    def publish(self, changes: ChangeSet) -> None:
        self.changes_committed.emit(changes)


@dataclass
class AppContext:
    store: Store
    actor: Actor
    bus: ChangeBus
    demo: bool
    intake: IntakeService
    casework: CaseworkService
    case_detail: CaseDetailService
    register: RegisterService
    pages: RegisterPages
    search: SearchService
    today: TodayService
    week: WeekService
    settings: SettingsService
    autosave: AutosaveService
    accounts: AccountService
    printing: PrintingService
    dossier: DossierService
    patrols: PatrolService
    patrol_settings: PatrolSettingsService
    document_settings: DocumentSettingsService
    import_review: ImportReviewService
    attachments: AttachmentService
    case_edit: CaseEditService
    petitions: PetitionService
    petition_lists: PetitionListsService
    petition_printing: PetitionPrintingService
    rota: RotaService
    conflicts: ConflictService


    # Services of pages built on first use (statistics, briefs, laptop sync): made, and their
    # modules imported, when first asked for — not at start (see MainWindow.LAZY_PAGES).
    @functools.cached_property
    def statistics(self) -> StatisticsService:
        from mediation_desk.services.statistics.service import StatisticsService

        return StatisticsService(self.store, self.actor)

    @functools.cached_property
    def reports(self) -> ReportService:
        from mediation_desk.services.statistics.reports import ReportService

        return ReportService(self.store, self.actor)

    @functools.cached_property
    def case_facts(self) -> CaseFactsService:
        from mediation_desk.services.statistics.case_facts import CaseFactsService

        return CaseFactsService(self.store, self.actor)

    @functools.cached_property
    def briefs(self) -> BriefService:
        from mediation_desk.services.briefs.service import BriefService

        return BriefService(self.store, self.actor)

    @functools.cached_property
    def articles(self) -> ArticleLibraryService:
        from mediation_desk.services.briefs.library import ArticleLibraryService

        return ArticleLibraryService(self.store, self.actor)

    @functools.cached_property
    def sync(self) -> SyncService:
        from mediation_desk.services.sync.service import SyncService

        return SyncService(self.store, self.actor)

    @classmethod
    def build(cls, store: Store, actor: Actor, *, demo: bool = False) -> AppContext:
        bus = ChangeBus()
        store.subscribe(bus.publish)
        return cls(
            store=store, actor=actor, bus=bus, demo=demo,
            intake=IntakeService(store, actor), casework=CaseworkService(store, actor),
            case_detail=CaseDetailService(store, actor), register=RegisterService(store, actor),
            pages=RegisterPages(store, actor), search=SearchService(store, actor),
            today=TodayService(store, actor), week=WeekService(store, actor), settings=SettingsService(store, actor),
            autosave=AutosaveService(store, actor), accounts=AccountService(store, actor),
            printing=PrintingService(store, actor), dossier=DossierService(store, actor),
            patrols=PatrolService(store, actor),
            patrol_settings=PatrolSettingsService(store, actor),
            document_settings=DocumentSettingsService(store, actor),
            import_review=ImportReviewService(store, actor),
            attachments=AttachmentService(store, actor), case_edit=CaseEditService(store, actor),
            petitions=PetitionService(store, actor),
            petition_lists=PetitionListsService(store, actor), rota=RotaService(store, actor),
            petition_printing=PetitionPrintingService(store, actor),
            conflicts=ConflictService(store, actor),
        )
