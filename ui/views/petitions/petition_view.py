"""接访: the visitor-request page — the list (filters: status, overdue, department, category,
village) beside the chosen request's whole loop, with its next steps as buttons; the duty
rota and appointments, and the residential compounds' history, on their own tabs.

Every step is a dialog calling the service (which validates, writes all or nothing and
returns a change set); the page reloads when a change set touches requests or their lists,
and not while hidden (it catches up when shown).
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mediation_desk import clock
from mediation_desk.documents import UnprintableCharacters
from mediation_desk.domain import petitions as rules
from mediation_desk.errors import NotFound, StoreUnavailable, ValidationError
from mediation_desk.services.cases.intake import Registered
from mediation_desk.services.petitions.types import PetitionResult
from mediation_desk.store.changes import ChangeSet
from ui.context import AppContext
from ui.dialogs.cases.intake_dialog import IntakeDialog
from ui.dialogs.patrol.finding_dialog import intake_payload
from ui.dialogs.petitions.answer_dialog import AnswerDialog
from ui.dialogs.petitions.assess_dialog import AssessDialog
from ui.dialogs.petitions.assign_dialog import AssignDialog
from ui.dialogs.petitions.close_dialog import CloseDialog
from ui.dialogs.petitions.meeting_dialog import MeetingDialog
from ui.dialogs.petitions.print_preview import PetitionPreviewDialog
from ui.dialogs.petitions.request_dialog import RequestDialog
from ui.dialogs.petitions.request_edit_dialog import RequestEditDialog
from ui.dialogs.petitions.result_dialog import ResultDialog
from ui.dialogs.petitions.return_visit_dialog import ReturnVisitDialog
from ui.i18n import translate
from ui.icons import icon
from ui.views.petitions.compounds_tab import CompoundsTab
from ui.views.petitions.lists_tab import ListsTab
from ui.views.petitions.request_detail import RequestDetail
from ui.views.petitions.request_list import RequestList
from ui.views.petitions.rota_tab import RotaTab
from ui.widgets.field_error import STATUS_DONE, STATUS_ERROR, set_text_colour, status_label

WATCHED_KINDS = frozenset({"petition", "dictionary", "compound", "village", "case", "rota"})


class PetitionView(QWidget):
    """The page. ``open_case(id)`` asks the window to open a request's case."""

    open_case = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loaded = False
        self.split_done = False
        self.seeded = False
        self.today = clock.today()
        self.list = RequestList(self)
        self.detail = RequestDetail(self)
        self.new_button = QPushButton(icon("new_request", "accent"),
                                      translate("PetitionView", "&Receive a visitor…"))
        self.new_button.setObjectName("petition-new")
        self.new_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.edit_button = QPushButton(icon("edit"), translate("PetitionView", "&Edit…"))
        self.edit_button.setObjectName("petition-edit")
        self.edit_button.setToolTip(translate("PetitionView",
                                              "Correct what was written down at registration"))
        self.case_button = QPushButton(icon("open"), translate("PetitionView", "Open the &case"))
        self.case_button.setObjectName("petition-open-case")
        self.print_button = QToolButton()
        self.print_button.setObjectName("petition-print")
        self.print_button.setIcon(icon("print"))
        self.print_button.setText(translate("PetitionView", "&Print…"))
        self.print_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.print_menu = QMenu(self.print_button)
        self.print_button.setMenu(self.print_menu)
        self.print_menu.aboutToShow.connect(self._fill_print_menu)
        self.message = status_label(STATUS_DONE)
        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addWidget(self.message, 1)
        top.addStretch(1)
        top.addWidget(self.edit_button)
        top.addWidget(self.case_button)
        top.addWidget(self.print_button)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        requests = QWidget(self)
        requests_layout = QVBoxLayout(requests)
        requests_layout.setContentsMargins(4, 4, 4, 4)
        requests_layout.addLayout(top)
        requests_layout.addWidget(self.splitter, 1)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(requests, icon("petitions"), translate("PetitionView", "Requests"))
        self.requests_page = requests
        self.rota_tab = RotaTab(ctx, self)
        self.tabs.addTab(self.rota_tab, icon("duty_rota"),
                         translate("PetitionView", "Duty and appointments"))
        self.compounds_tab = CompoundsTab(ctx, self)
        self.tabs.addTab(self.compounds_tab, icon("compound"),
                         translate("PetitionView", "Compounds"))
        self.lists_tab = ListsTab(ctx, self)
        self.tabs.addTab(self.lists_tab, icon("settings"), translate("PetitionView", "Lists"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        self.new_button.clicked.connect(self.receive)
        self.edit_button.clicked.connect(self.edit)
        self.case_button.clicked.connect(self._open_case)
        self.list.filter_changed.connect(self.refresh)
        self.list.current_changed.connect(self.show_request)
        self.detail.step_requested.connect(self.take_step)
        self.detail.reveal_requested.connect(self.reveal)
        self.ctx.bus.changes_committed.connect(self._on_changes)
        self.case_button.setVisible(False)
        self.rota_tab.received.connect(self._received_by_appointment)
        self.compounds_tab.open_request.connect(self._received_by_appointment)
        self.compounds_tab.open_case.connect(self.open_case)

    # -- loading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the lists and the list, keeping the chosen request."""
        self.today = clock.today()
        if not self.loaded and not self.seeded:
            self.seeded = True  # a register older than 接访 gets its default lists, once
            # If the register cannot be written now, the lists show their defaults and are
            # seeded at the first write of the loop.
            with contextlib.suppress(StoreUnavailable):
                self.ctx.petition_lists.ensure_defaults()
        self.loaded = True
        lists = self.ctx.petition_lists
        self.list.set_choices(lists.targets(), lists.categories(),
                              [v.label for v in self.ctx.settings.villages()])
        keep = self.list.current_id()
        self.list.set_rows(self.ctx.petitions.requests(self.list.filter(), self.today), keep)
        self.rota_tab.refresh()
        self.compounds_tab.refresh()
        self.lists_tab.refresh()

    def show_request(self, petition_id: str) -> None:
        detail = None
        if petition_id:
            try:
                detail = self.ctx.petitions.detail(petition_id, self.today)
            except NotFound:
                detail = None
        self.detail.show_detail(detail)
        self.print_button.setEnabled(detail is not None)
        self.edit_button.setEnabled(detail is not None and detail.status != "closed")
        self.case_button.setVisible(bool(detail and detail.case_id))
        if detail and detail.case_id:
            self.case_button.setText(translate("PetitionView", "Open case %1").replace(
                "%1", detail.case_number))

    def select(self, petition_id: str) -> None:
        row = self.list.model.row_of(petition_id)
        if row < 0:  # filtered out: show everything again
            self.list.status_box.setCurrentIndex(0)
            self.list.overdue_box.setChecked(False)
            for box in (self.list.department_box, self.list.category_box,
                        self.list.village_box):
                box.setCurrentIndex(0)
            self.list.text_edit.clear()
            self.refresh()
            row = self.list.model.row_of(petition_id)
        if row >= 0:
            self.list.table.selectRow(row)

    def _on_changes(self, changes: ChangeSet) -> None:
        if not changes.kinds & WATCHED_KINDS:
            return
        if self.isVisible():
            self.refresh()
            self.show_request(self.list.current_id())
        else:
            self.loaded = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.split_done:  # the list gets the larger share: its columns must be whole
            self.split_done = True
            total = sum(self.splitter.sizes()) or self.splitter.width()
            self.splitter.setSizes([round(total * 0.64), total - round(total * 0.64)])
        if not self.loaded or self.today != clock.today():
            self.refresh()

    # -- commands ---------------------------------------------------------------------------
    def _said(self, result: PetitionResult | None, done: str) -> None:
        if result is None:
            return
        set_text_colour(self.message, STATUS_DONE)
        self.message.setText("\n".join([done, *result.warnings]))
        self.message.show()

    def receive(self) -> None:
        result = RequestDialog.ask(self, self.ctx)
        if result is not None:
            self._said(result, translate("PetitionView", "Registered %1.").replace(
                "%1", result.number))
            self.select(result.id)

    def edit(self) -> None:
        """Correct the chosen request's registration (its history keeps before and after)."""
        detail = self.detail.detail
        if detail is None:
            return
        result = RequestEditDialog.ask_edit(self, self.ctx, detail.id, detail.number)
        self._said(result, translate("PetitionView", "Saved."))

    def _received_by_appointment(self, petition_id: str) -> None:
        self.tabs.setCurrentWidget(self.requests_page)
        self.select(petition_id)

    def take_step(self, step: str) -> None:
        detail = self.detail.detail
        if detail is None:
            return
        done = translate("PetitionView", "Saved.")
        result: PetitionResult | None
        if step == rules.ASSESS:
            assessed = AssessDialog.ask(self, self.ctx, detail)
            result = assessed[0] if assessed else None
            self._said(result, done)
            if assessed and assessed[1]:
                self.to_case(detail.id)
            return
        if step == rules.TO_CASE:
            self.to_case(detail.id)
            return
        dialogs = {
            rules.ASSIGN: lambda: AssignDialog.ask(self, self.ctx, detail),
            rules.RESULT: lambda: ResultDialog.ask(self, self.ctx, detail),
            rules.EXTEND: lambda: ResultDialog.ask(self, self.ctx, detail, extend=True),
            rules.MEETING: lambda: MeetingDialog.ask(self, self.ctx, detail),
            rules.REPLY: lambda: AnswerDialog.ask(self, self.ctx, detail),
            rules.CLOSE: lambda: CloseDialog.ask(self, self.ctx, detail),
            rules.RETURN_VISIT: lambda: ReturnVisitDialog.ask(self, self.ctx, detail),
        }
        self._said(dialogs[step](), done)

    def to_case(self, petition_id: str) -> Registered | None:
        """The intake form prefilled from the request (source 来访); registering it links
        the case and the request both ways in one transaction."""
        draft = self.ctx.petitions.case_draft_for(petition_id)
        # The link travels in the form's autosaved draft: closed and resumed from 工作台
        # later, the form still registers the case as this request's.
        registered = IntakeDialog.ask(self, self.ctx,
                                      prefill={**intake_payload(draft), "petition_id": petition_id})
        if registered is not None:
            set_text_colour(self.message, STATUS_DONE)
            self.message.setText(translate("PetitionView", "Registered as case %1.").replace(
                "%1", registered.number))
            self.message.show()
        return registered

    # -- printing ---------------------------------------------------------------------------
    def _fill_print_menu(self) -> None:
        """The request's forms; one still lacking something is shown disabled, saying what."""
        self.print_menu.clear()
        detail = self.detail.detail
        if detail is None:
            return
        for form in self.ctx.petition_printing.forms(detail.id):
            action = self.print_menu.addAction(icon("print"), form.label)
            action.setEnabled(not form.missing)
            if form.missing:
                action.setToolTip("\n".join(form.missing))
                action.setText(form.label + translate("PetitionView", " (not ready)"))
            action.triggered.connect(lambda _=False, k=form.kind, a=form.assignment_id:
                                     self.print_form(k, a))
        self.print_menu.setToolTipsVisible(True)

    def print_form(self, kind: str, assignment_id: str = "") -> list[str]:
        """Preview one form (print, save as PDF); what was filed to the request."""
        detail = self.detail.detail
        if detail is None:
            return []
        try:
            document = self.ctx.petition_printing.render(detail.id, kind, assignment_id)
        except (ValidationError, NotFound, StoreUnavailable, UnprintableCharacters) as exc:
            set_text_colour(self.message, STATUS_ERROR)
            self.message.setText(str(exc))
            self.message.show()
            return []
        return PetitionPreviewDialog.ask(self, self.ctx, document, number=detail.number)

    def _open_case(self) -> None:
        detail = self.detail.detail
        if detail is not None and detail.case_id:
            self.open_case.emit(detail.case_id)

    def reveal(self) -> None:
        detail = self.detail.detail
        if detail is None:
            return
        try:
            id_number, phone = self.ctx.petitions.reveal_person(detail.id)
        except StoreUnavailable as exc:
            set_text_colour(self.message, STATUS_ERROR)
            self.message.setText(str(exc))
            self.message.show()
            return
        QMessageBox.information(self, translate("PetitionView", "The person"),
                                f"{detail.person_name}\n{id_number}\n{phone}")
