"""排查: the screening patrols page — the month on a calendar, the week as a list, the findings
and the plans, and the commands a mediator needs (plan, record, ad hoc, cancel/move, print the
wall timetable, export the calendar for phones).

Why this layout: the calendar answers "where are we going this month", the week list (beside
it, walked with the keyboard) answers "what exactly is on Tuesday", the findings below it
"what is still open". The page reloads only when a change set touches patrols, and not at all
while hidden (it catches up when shown).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QCursor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mediation_desk import clock, documents
from mediation_desk.errors import StoreUnavailable, ValidationError
from mediation_desk.services.patrols.service import Occurrence, PatrolCounts, PatrolResult
from mediation_desk.services.printing.service import RenderedDocument
from mediation_desk.store.changes import ChangeSet
from ui.attachment_jobs import file_request, pick_paths
from ui.context import AppContext
from ui.dialogs.attachments.attach_dialog import AttachDialog
from ui.dialogs.patrol.finding_dialog import FindingDialog, finding_to_case
from ui.dialogs.patrol.occurrence_dialog import OccurrenceDialog
from ui.dialogs.patrol.plan_dialog import PlanDialog
from ui.dialogs.patrol.print_preview import PatrolPreviewDialog
from ui.dialogs.patrol.visit_dialog import VisitDialog
from ui.i18n import translate
from ui.icons import icon
from ui.views.patrol.findings_list import FindingsPanel
from ui.views.patrol.month_calendar import MonthCalendar, first_shown_day, month_title
from ui.views.patrol.plan_list import PlanList
from ui.views.patrol.week_list import WeekList
from ui.widgets.field_error import STATUS_DONE, STATUS_ERROR, set_text_colour, status_label
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.pane_balance import PaneBalance
from ui.workers import on_worker, run_in_background

WATCHED_KINDS = frozenset({"patrol", "village"})
#: How far the iCalendar export reaches: the month shown and the two after it.
ICS_MONTHS = 3
SETTINGS_EXPORT_DIR = "patrols/export_dir"
#: What :meth:`PatrolView.recorded_choice` answers when the record form is to be printed.
PRINT_CHOICE = "print"


def counts_text(counts: PatrolCounts) -> str:
    """The month's figures in one line, as the monthly report words them."""
    return translate(
        "PatrolView", "This month: %1 patrols held · %2 findings · %3 resolved on the spot · "
        "%4 became cases · %5 zero reports").replace("%1", str(counts.patrols_held)).replace(
        "%2", str(counts.findings)).replace("%3", str(counts.resolved_on_site)).replace(
        "%4", str(counts.became_cases)).replace("%5", str(counts.zero_reports))


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


class PatrolView(QWidget):
    open_case = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = clock.today()
        self.year, self.month = self.today.year, self.today.month
        self.occurrences: list[Occurrence] = []
        self.loaded = False
        self._build()
        self._connect()

    # -- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.previous_button = QToolButton(self)
        self.previous_button.setIcon(icon("previous"))
        self.previous_button.setAccessibleName(translate("PatrolView", "Previous month"))
        self.previous_button.setToolTip(translate("PatrolView", "Previous month (PgUp)"))
        self.next_button = QToolButton(self)
        self.next_button.setIcon(icon("next"))
        self.next_button.setAccessibleName(translate("PatrolView", "Next month"))
        self.next_button.setToolTip(translate("PatrolView", "Next month (PgDown)"))
        self.month_label = QLabel(self)
        self.month_label.setObjectName("patrol-month")
        font = QFont()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.month_label.setFont(font)
        self.this_month_button = QPushButton(translate("PatrolView", "This &month"), self)
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("patrol-counts")
        self.counts_label.setStyleSheet("color:#37474f;")
        self.counts_label.setWordWrap(True)  # the month's figures break rather than widen
        month_row = QHBoxLayout()
        month_row.addWidget(self.previous_button)
        month_row.addWidget(self.month_label)
        month_row.addWidget(self.next_button)
        month_row.addWidget(self.this_month_button)
        month_row.addSpacing(12)
        month_row.addWidget(self.counts_label, 1)

        def button(name: str, text: str, tip: str) -> QPushButton:
            widget = QPushButton(icon(name), text, self)
            widget.setToolTip(tip)
            return widget

        self.plan_button = button("new_plan", translate("PatrolView", "New &plan…"),
                                  translate("PatrolView", "Plan a recurring patrol"))
        self.record_button = button("record_visit", translate("PatrolView", "&Record patrol…"),
                                    translate("PatrolView", "Record the selected patrol "
                                                            "(Enter on the week list)"))
        self.ad_hoc_button = button("ad_hoc_visit", translate("PatrolView", "&Ad-hoc patrol…"),
                                    translate("PatrolView", "Record a patrol that was not "
                                                            "planned"))
        self.change_button = button("reschedule", translate("PatrolView", "Cancel/mo&ve…"),
                                    translate("PatrolView", "Cancel or move the selected "
                                                            "patrol, or add an extra one"))
        self.print_button = button("print", translate("PatrolView", "Print &timetable…"),
                                   translate("PatrolView", "The month's timetable for the wall"))
        self.record_print_button = button(
            "print", translate("PatrolView", "Print r&ecord…"),
            translate("PatrolView", "The patrol record form of the selected patrol"))
        self.edit_record_button = button(
            "record_visit", translate("PatrolView", "Ed&it record…"),
            translate("PatrolView", "Correct the record of the selected patrol (places, "
                                    "households, team, findings)"))
        self.edit_record_button.setObjectName("edit-record")
        self.export_button = button("export_calendar", translate("PatrolView", "E&xport "
                                                                              "calendar…"),
                                    translate("PatrolView", "Save the schedule as an .ics file "
                                                            "for phones"))
        commands = FlowLayout()  # wraps at larger text instead of widening the window
        commands.add_widgets(self.plan_button, self.record_button, self.edit_record_button,
                             self.ad_hoc_button, self.change_button)
        commands.add_gap(24)
        commands.add_widgets(self.print_button, self.record_print_button, self.export_button)
        self.status = status_label(STATUS_DONE)
        self.status.setObjectName("patrol-status")

        self.calendar = MonthCalendar(self)
        self.week = WeekList(self)
        self.findings = FindingsPanel(self)
        self.plans = PlanList(self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.findings, icon("finding"), translate("PatrolView", "Findings"))
        self.tabs.addTab(self.plans, icon("patrols"), translate("PatrolView", "Plans"))
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(self.week)
        right.addWidget(self.tabs)
        right.setStretchFactor(0, 2)
        right.setStretchFactor(1, 3)
        right.setChildrenCollapsible(False)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.calendar)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([800, 420])
        # The calendar folds a patrol onto two lines when its days are narrow, the lists
        # cannot: they get the width their key columns need at the current text size.
        self.balance = PaneBalance(self.splitter, self.findings.comfortable_width)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addLayout(month_row)
        layout.addLayout(commands)
        layout.addWidget(self.status)
        layout.addWidget(self.splitter, 1)

    def _connect(self) -> None:
        self.previous_button.clicked.connect(lambda: self.step_month(-1))
        self.next_button.clicked.connect(lambda: self.step_month(1))
        self.this_month_button.clicked.connect(self.go_today)
        self.calendar.month_step.connect(self.step_month)
        self.calendar.day_chosen.connect(self._day_chosen)
        self.calendar.occurrence_clicked.connect(self.week.select)
        self.calendar.occurrence_activated.connect(self.activate)
        self.week.occurrence_chosen.connect(lambda _o: self._update_buttons())
        self.week.occurrence_activated.connect(self.activate)
        self.findings.filter_changed.connect(self.reload_findings)
        self.findings.open_finding.connect(self.open_finding)
        self.findings.to_case.connect(self.make_case)
        self.findings.attach.connect(self.attach_to_finding)
        self.plans.edit_plan.connect(self.edit_plan)
        self.plans.end_plan.connect(self.end_plan)
        self.plans.show_ended_changed.connect(self.reload_plans)
        self.plan_button.clicked.connect(self.new_plan)
        self.record_button.clicked.connect(self.record_selected)
        self.edit_record_button.clicked.connect(self.edit_selected)
        self.ad_hoc_button.clicked.connect(self.record_ad_hoc)
        self.change_button.clicked.connect(self.change_selected)
        self.print_button.clicked.connect(self.print_timetable)
        self.record_print_button.clicked.connect(self.print_record)
        self.export_button.clicked.connect(self.export_calendar)
        self.ctx.bus.changes_committed.connect(self._on_changes)

    # -- loading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload everything the page shows, keeping the chosen day and patrol."""
        self.today = clock.today()
        self.loaded = True
        day = self.calendar.current_day()
        if day is None or (day.year, day.month) != (self.year, self.month):
            day = self.today if (self.today.year, self.today.month) == (self.year, self.month) \
                else date(self.year, self.month, 1)
        self.reload_month(day)
        self.findings.set_villages([v.label for v in self.ctx.settings.villages()])
        self.reload_findings()
        self.reload_plans()

    def reload_month(self, day: date) -> None:
        """Load the six weeks around the month and show ``day``'s week, keeping the chosen
        patrol chosen when it is still there."""
        first = first_shown_day(self.year, self.month)
        self.occurrences = self.ctx.patrols.schedule(first, first + timedelta(days=41),
                                                     self.today)
        keep = self.week.current()
        self.calendar.month_model.set_month(self.year, self.month, self.occurrences,
                                            self.today)
        self.month_label.setText(month_title(self.year, self.month))
        self.counts_label.setText(counts_text(self.ctx.patrols.month_counts(self.year,
                                                                            self.month)))
        self.calendar.select_day(day)
        self.week.show_week(day, self.occurrences)
        if keep is None or not self.week.select(keep):
            self.week.select_first_on(day)
        self._update_buttons()

    def reload_findings(self) -> None:
        self.findings.set_findings(
            self.ctx.patrols.findings(self.findings.current_filter(), self.today), self.today)

    def reload_plans(self) -> None:
        self.plans.set_plans(self.ctx.patrols.plans(active_only=self.plans.active_only))

    def _on_changes(self, changes: ChangeSet) -> None:
        if not changes.kinds & WATCHED_KINDS:
            return
        if self.isVisible():
            self.refresh()
        else:
            self.loaded = False  # reloaded when the page is shown

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.loaded or self.today != clock.today():
            self.refresh()

    # -- navigation -------------------------------------------------------------------------
    def show_month(self, year: int, month: int, day: date | None = None) -> None:
        self.year, self.month = year, month
        self.reload_month(day or (self.today if (self.today.year, self.today.month)
                                  == (year, month) else date(year, month, 1)))

    def step_month(self, step: int) -> None:
        first = add_months(date(self.year, self.month, 1), step)
        self.show_month(first.year, first.month)

    def go_today(self) -> None:
        self.today = clock.today()
        self.show_month(self.today.year, self.today.month, self.today)
        self.calendar.setFocus(Qt.FocusReason.OtherFocusReason)

    def _day_chosen(self, day: date) -> None:
        if (day.year, day.month) != (self.year, self.month):
            # A grey day of the month before or after (clicked, or reached with the arrow
            # keys): turn the page there, once the view has finished changing its current.
            QTimer.singleShot(0, lambda: self.show_month(day.year, day.month, day))
            return
        self.week.show_week(day, self.occurrences)
        self.week.select_first_on(day)
        self._update_buttons()

    def selected(self) -> Occurrence | None:
        return self.week.current()

    def _update_buttons(self) -> None:
        occurrence = self.selected()
        self.record_button.setEnabled(occurrence is not None and occurrence.mark != "cancelled"
                                      and occurrence.on <= self.today)
        self.record_print_button.setEnabled(occurrence is not None
                                            and bool(occurrence.visit_ids))
        self.edit_record_button.setEnabled(self.record_print_button.isEnabled())

    # -- commands ---------------------------------------------------------------------------
    def _status_text(self, text: str, colour: QColor) -> None:
        set_text_colour(self.status, colour)
        self.status.setText(text)
        self.status.show()

    def _said(self, result: PatrolResult | None, done: str) -> None:
        """Tell what a command did (and any warnings) on the status line."""
        if result is None:
            return
        set_text_colour(self.status, STATUS_DONE)
        self.status.setText("；".join([done, *result.warnings]))
        self.status.show()

    def _error(self, text: str) -> None:
        set_text_colour(self.status, STATUS_ERROR)
        self.status.setText(text)
        self.status.show()

    def new_plan(self) -> None:
        day = self.calendar.current_day() or self.today
        self._said(PlanDialog.ask(self, self.ctx, starts_on=max(day, self.today)),
                   translate("PatrolView", "Plan saved."))

    def edit_plan(self, plan_id: str) -> None:
        self._said(PlanDialog.ask(self, self.ctx, plan_id=plan_id),
                   translate("PatrolView", "Plan saved."))

    def end_plan(self, plan_id: str) -> None:
        plan = self.ctx.patrols.plan(plan_id)
        answer = QMessageBox.question(
            self, translate("PatrolView", "End the plan"),
            translate("PatrolView", "End “%1” today? Patrols after today are taken off the "
                                    "calendar; recorded patrols stay.").replace("%1", plan.title))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._run(lambda: self.ctx.patrols.end_plan(plan_id, self.today),
                  translate("PatrolView", "Plan ended."))

    def _run(self, work: Callable[[], PatrolResult], done: str) -> None:
        try:
            result = work()
        except ValidationError as exc:
            self._error("；".join(str(p) for p in exc.problems))
            return
        except StoreUnavailable as exc:
            self._error(str(exc))
            return
        self._said(result, done)

    def activate(self, occurrence: Occurrence) -> None:
        """Enter or a double click on a patrol: record it; once it is recorded for every
        village, offer to correct the record or print its record form."""
        if occurrence.mark == "cancelled":
            self.change_selected()
            return
        if occurrence.visit_ids and len(occurrence.visit_ids) >= len(occurrence.villages):
            self.week.select(occurrence)
            choice = self.recorded_choice(occurrence, with_print=True)
            if choice == PRINT_CHOICE:
                self.print_record()
            elif choice:
                self.edit_record(choice)
            return
        self.record(occurrence)

    def recorded_choice(self, occurrence: Occurrence, *, with_print: bool) -> str | None:
        """Ask, in a menu at the pointer, which record to correct (one line per village) or
        whether to print the record form: a visit id, :data:`PRINT_CHOICE`, or None
        (tests replace this)."""
        menu = QMenu(self)
        for visit_id in occurrence.visit_ids:
            village = self.ctx.patrols.visit(visit_id).village
            action = menu.addAction(icon("record_visit"), translate(
                "PatrolView", "Correct the record of %1…").replace("%1", village))
            action.setData(visit_id)
        if with_print:
            menu.addSeparator()
            action = menu.addAction(icon("print"), translate("PatrolView",
                                                             "Print the record form…"))
            action.setData(PRINT_CHOICE)
        chosen = menu.exec(QCursor.pos())
        menu.deleteLater()
        return str(chosen.data()) if chosen is not None else None

    def edit_selected(self) -> None:
        occurrence = self.selected()
        if occurrence is None or not occurrence.visit_ids:
            return
        visit_id = occurrence.visit_ids[0] if len(occurrence.visit_ids) == 1 else \
            self.recorded_choice(occurrence, with_print=False)
        if visit_id:
            self.edit_record(visit_id)

    def edit_record(self, visit_id: str) -> PatrolResult | None:
        """Correct a recorded visit (修改排查记录)."""
        result = VisitDialog.ask_edit(self, self.ctx, visit_id)
        self._said(result, translate("PatrolView", "Patrol record corrected."))
        return result

    def record(self, occurrence: Occurrence) -> PatrolResult | None:
        self.week.select(occurrence)
        if occurrence.on > self.today:
            self._error(translate("PatrolView", "This patrol is still to come; it can be "
                                                "recorded on or after its day."))
            return None
        result = VisitDialog.ask(self, self.ctx, occurrence)
        self._said(result, translate("PatrolView", "Patrol recorded."))
        return result

    def record_selected(self) -> None:
        occurrence = self.selected()
        if occurrence is not None:
            self.record(occurrence)

    def record_ad_hoc(self) -> None:
        day = min(self.calendar.current_day() or self.today, self.today)
        self._said(VisitDialog.ask(self, self.ctx, None, ad_hoc=True, day=day),
                   translate("PatrolView", "Ad-hoc patrol recorded."))

    def change_selected(self) -> None:
        occurrence = self.selected()
        day = self.calendar.current_day() or self.today
        mode = "cancel" if occurrence is not None else "extra"
        self._said(OccurrenceDialog.ask(self, self.ctx, occurrence, day, mode),
                   translate("PatrolView", "Calendar changed."))

    def open_finding(self, finding_id: str) -> None:
        case_id = FindingDialog.ask(self, self.ctx, finding_id)
        if case_id:
            self.open_case.emit(case_id)

    def attach_to_finding(self, finding_id: str) -> None:
        """Photos taken in the village, filed to the finding (and so to its case later)."""
        paths = pick_paths(self)
        request = AttachDialog.ask(self, self.ctx, [self.ctx.attachments.owner(
            "finding", finding_id)], paths) if paths else None
        if request is not None:
            file_request(self, self.ctx, request, lambda ids: self._status_text(translate(
                "PatrolView", "%n file(s) filed to the finding.", None, len(ids)), STATUS_DONE),
                lambda exc: self._status_text(str(exc), STATUS_ERROR))

    def make_case(self, finding_id: str) -> None:
        registered = finding_to_case(self, self.ctx, finding_id)
        if registered is None:
            return
        self.status.setText(translate("PatrolView", "Registered as case %1.").replace(
            "%1", registered.number))
        set_text_colour(self.status, STATUS_DONE)
        self.status.show()
        self.reload_findings()
        self.findings.select(finding_id)
        self.open_case.emit(registered.case_id)

    # -- printing and export ----------------------------------------------------------------
    def print_timetable(self) -> None:
        year, month = self.year, self.month
        store, patrols = self.ctx.store, self.ctx.patrols
        title = translate("PatrolView", "Patrol timetable %1").replace(
            "%1", month_title(year, month))
        run_in_background(
            self, lambda report: on_worker(store, lambda: documents.patrol_timetable(
                patrols.month_sheet(year, month))),
            title=translate("PatrolView", "Preparing the timetable…"),
            on_done=lambda pdf: self.preview(pdf, title, "patrol_timetable"),
            on_error=lambda exc: self._error(translate(
                "PatrolView", "The timetable could not be made: %1").replace("%1", str(exc))))

    def print_record(self) -> None:
        occurrence = self.selected()
        if occurrence is None or not occurrence.visit_ids:
            return
        visit_id = occurrence.visit_ids[0]
        store, patrols = self.ctx.store, self.ctx.patrols
        title = translate("PatrolView", "Patrol record %1").replace(
            "%1", f"{occurrence.on:%Y-%m-%d} {'、'.join(occurrence.villages)}")
        run_in_background(
            self, lambda report: on_worker(store, lambda: documents.patrol_record(
                patrols.visit_sheet(visit_id))),
            title=translate("PatrolView", "Preparing the record form…"),
            on_done=lambda pdf: self.preview(pdf, title, "patrol_record"),
            on_error=lambda exc: self._error(translate(
                "PatrolView", "The record form could not be made: %1").replace("%1", str(exc))))

    def preview(self, pdf: bytes, title: str, kind: str) -> None:
        """Show a patrol document in the print preview (printing and saving from there)."""
        document = RenderedDocument(
            case_id="", kind=kind, title=title, pdf=pdf, pages=documents.page_count(pdf),
            sha256=hashlib.sha256(pdf).hexdigest(), default_copies=1, warnings=())
        PatrolPreviewDialog.ask(self, self.ctx, document)

    def ics_path(self, suggested: Path) -> Path | None:
        """Ask where to save the .ics file (tests replace this)."""
        path, _ = QFileDialog.getSaveFileName(
            self, translate("PatrolView", "Export the patrol calendar"), str(suggested),
            translate("PatrolView", "iCalendar files (*.ics)"))
        return Path(path) if path else None

    def export_calendar(self) -> None:
        start = date(self.year, self.month, 1)
        end = add_months(start, ICS_MONTHS) - timedelta(days=1)
        folder = QSettings().value(SETTINGS_EXPORT_DIR, "") or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = Path(str(folder)) / f"排查日程-{start:%Y-%m}至{end:%Y-%m}.ics"
        path = self.ics_path(suggested)
        if path is None:
            return
        if path.suffix.lower() != ".ics":
            path = path.with_suffix(".ics")
        try:
            data = self.ctx.patrols.export_ics(start, end)
            path.write_bytes(data)
        except OSError as exc:
            self._error(translate("PatrolView", "Could not save %1: %2").replace(
                "%1", str(path)).replace("%2", exc.strerror or str(exc)))
            return
        QSettings().setValue(SETTINGS_EXPORT_DIR, str(path.parent))
        set_text_colour(self.status, STATUS_DONE)
        self.status.setText(translate("PatrolView", "Calendar saved to %1 (%2 – %3).").replace(
            "%1", str(path)).replace("%2", f"{start:%Y-%m-%d}").replace(
            "%3", f"{end:%Y-%m-%d}"))
        self.status.show()
