"""工作台: what needs the mediator today, in sections, each line opening its case, and 本周安排 —
the next seven days, the user's own or the whole room's (issue 16).

Why one tree with section headers rather than five separate lists: the arrow keys walk the
whole day from top to bottom and Enter opens whatever is selected — no Tab-hopping between
lists. The view refreshes only when a change set touches something it shows.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mediation_desk import clock
from mediation_desk.services.agenda.today import Agenda, AgendaItem
from mediation_desk.services.agenda.week import WeekItem
from mediation_desk.services.patrols.service import FindingView, Occurrence
from mediation_desk.store.changes import ChangeSet
from ui.context import AppContext
from ui.dialogs.patrol.finding_dialog import FindingDialog
from ui.dialogs.patrol.visit_dialog import DRAFT_KIND as VISIT_DRAFT
from ui.dialogs.patrol.visit_dialog import VisitDialog
from ui.i18n import translate
from ui.icons import icon
from ui.views.patrol.style import team_text
from ui.views.sync.conflict_badge import ConflictBadge
from ui.widgets.column_fit import fit_columns

WATCHED_KINDS = frozenset({"case", "followup", "agreement", "appointment", "draft", "patrol",
                           "petition", "rota"})
ITEM_ROLE = Qt.ItemDataRole.UserRole
DANGER = QColor("#c62828")
SECTION_BACKGROUND = QColor("#e3ecf5")
NOTE_COLOR = QColor("#546e7a")
COL_NUMBER, COL_TITLE, COL_TEXT, COL_DUE = range(4)
WEEK_SECTION = "week"
WEEKDAYS = "一二三四五六日"


def week_when(item: WeekItem) -> str:
    """"12-08 周二 15:00": the day and, where it has one, the time."""
    return f"{item.on:%m-%d} 周{WEEKDAYS[item.on.weekday()]} {item.time}".strip()


def _sections() -> list[tuple[str, str, str]]:
    """(agenda attribute, heading, icon) in the order a mediator reads them."""
    return [
        ("deadlines", translate("TodayView", "Mediation deadlines near or past"), "overdue"),
        ("followups", translate("TodayView", "Follow-up visits due"), "followup"),
        ("confirmations", translate("TodayView", "Judicial confirmation windows closing"),
         "confirm"),
        ("sessions", translate("TodayView", "Today's sessions"), "session"),
        ("petition_overdue", translate("TodayView", "Visitor requests overdue"), "petitions"),
        ("petition_due", translate("TodayView", "Visitor requests due soon"), "petitions"),
        ("duty", translate("TodayView", "Receiving visitors today"), "duty_rota"),
        ("visit_appointments", translate("TodayView", "Visitors booked today"), "duty_rota"),
        ("drafts", translate("TodayView", "Unfinished drafts"), "draft"),
        ("imports", translate("TodayView", "Imported cases to check"), "import_review"),
    ]


class AgendaTree(QTreeWidget):
    """Enter on an item activates it, as a double click does."""

    activated_item = Signal(QTreeWidgetItem)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None:
            self.activated_item.emit(item)
            return
        super().keyPressEvent(event)


class TodayView(QWidget):
    open_case = Signal(str)
    resume_intake = Signal(str)
    open_review = Signal()  # the register's list of imported cases to check
    open_petition = Signal(str)  # a visitor request's id ("" = the 接访 page's duty tab)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.agenda = Agenda()
        self.loaded_on: date | None = None
        self._intake_drafts: set[str] = set()
        self._visit_drafts: set[str] = set()
        self._patrol_refs: dict[str, Occurrence] = {}
        self.section_items: dict[str, QTreeWidgetItem] = {}
        self.week: list[WeekItem] = []
        self._week_when: dict[tuple[str, str, str], str] = {}  # a week line's day and time

        self.greeting_label = QLabel()
        self.greeting_label.setAccessibleName(translate("TodayView", "Greeting"))
        self.summary_label = QLabel()
        self._grey(self.summary_label)
        self.refresh_button = QPushButton(icon("refresh"), translate("TodayView", "&Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.greeting_label)
        titles.addWidget(self.summary_label)
        # 本周安排 for me or the whole room; a mediator starts with their own.
        self.week_scope = QComboBox()
        self.week_scope.setAccessibleName(translate("TodayView", "Whose week"))
        self.week_scope.addItem(translate("TodayView", "Mine"), True)
        self.week_scope.addItem(translate("TodayView", "Whole room"), False)
        self.week_scope.setCurrentIndex(0 if ctx.week.mediates() else 1)
        self.week_scope.currentIndexChanged.connect(lambda _i: self.refresh())
        scope_label = QLabel(translate("TodayView", "&This week:"))
        scope_label.setBuddy(self.week_scope)
        header.addLayout(titles, 1)
        header.addWidget(scope_label, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignVCenter)
        header.addWidget(self.week_scope, 0, Qt.AlignmentFlag.AlignTop)
        self.conflict_badge = ConflictBadge(ctx)
        header.addWidget(self.conflict_badge, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignTop)

        self.tree = AgendaTree()
        self.tree.setAccessibleName(translate("TodayView", "Today's work"))
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([translate("TodayView", "Case number"),
                                   translate("TodayView", "Case or patrol"),
                                   translate("TodayView", "What is due"),
                                   translate("TodayView", "Date")])
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        head = self.tree.header()
        head.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        head.setStretchLastSection(False)
        head.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        self.columns = fit_columns(self.tree, {  # widths at 100 % text, growing with it
            COL_NUMBER: 250, COL_TITLE: 300, COL_DUE: "12-08 周二 15:00"})
        self.tree.itemDoubleClicked.connect(lambda item, _col: self.activate(item))
        self.tree.activated_item.connect(self.activate)

        self.empty_label = QLabel(translate(
            "TodayView", "Nothing due today. New disputes can be registered with Ctrl+N."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setMargin(40)
        self._grey(self.empty_label)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tree)
        self.stack.addWidget(self.empty_label)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.stack, 1)
        self._style_greeting()
        ctx.bus.changes_committed.connect(self._on_changes)

    # -- loading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the agenda, keeping the selected line selected if it is still there."""
        selected = self._key(self.tree.currentItem())
        today = clock.today()
        self.agenda = self.ctx.today.agenda(today)
        self._intake_drafts = {d.id for d in self.ctx.autosave.pending(kind="intake")}
        self._visit_drafts = {d.id for d in self.ctx.autosave.pending(kind=VISIT_DRAFT)}
        self.loaded_on = today
        self.greeting_label.setText(
            translate("TodayView", "Hello, %1").replace("%1", self.ctx.actor.name)
            + "　" + QLocale(QLocale.Language.Chinese, QLocale.Country.China).toString(
                QDate(today.year, today.month, today.day), QLocale.FormatType.LongFormat))

        self.tree.clear()
        self.section_items = {}
        reselect: QTreeWidgetItem | None = None
        sections = [(attr, heading, icon_name, getattr(self.agenda, attr))
                    for attr, heading, icon_name in _sections()]
        sections[4:4] = self._patrol_sections(today)  # after today's sessions, before drafts
        everything = [entry for *_, entry_list in sections for entry in entry_list]
        # The week's look-ahead last: it is not "needing attention" today, so not counted.
        self.week = self.ctx.week.week(today, mine=self.week_mine())
        sections.append((WEEK_SECTION, translate("TodayView", "This week (next 7 days)"),
                         "week", [self._week_entry(w, today) for w in self.week]))
        for attr, heading, icon_name, items in sections:
            if not items:
                continue
            section = QTreeWidgetItem(self.tree, [f"{heading}（{len(items)}）"])
            section.setFirstColumnSpanned(True)
            section.setIcon(COL_NUMBER, icon(icon_name, "accent"))
            font = QFont()
            font.setBold(True)
            section.setFont(COL_NUMBER, font)
            for column in range(4):
                section.setBackground(column, QBrush(SECTION_BACKGROUND))
            section.setFlags(Qt.ItemFlag.ItemIsEnabled)
            section.setData(COL_NUMBER, ITEM_ROLE, attr)
            self.section_items[attr] = section
            for entry in items:
                child = self._item_row(section, entry, icon_name)
                if selected is not None and self._key(child) == selected:
                    reselect = child
            section.setExpanded(True)
        total = len(everything)
        self.stack.setCurrentWidget(self.tree if total or self.week else self.empty_label)
        urgent = sum(1 for entry in everything if entry.urgent)
        summary = translate("TodayView", "%n item(s) need attention", None, total)
        if urgent:
            summary += translate("TodayView", ", %n of them urgent", None, urgent)
        self.summary_label.setText(summary if total else "")
        if reselect is not None:
            self.tree.setCurrentItem(reselect)

    def _patrol_sections(self, today: date) -> list[tuple[str, str, str, list[AgendaItem]]]:
        """Today's and missed patrols and open red/orange findings, as agenda lines."""
        agenda = self.ctx.patrols.agenda(today)
        self._patrol_refs = {}

        def patrol_line(o: Occurrence, late: bool) -> AgendaItem:
            ref = f"{o.plan_id}|{o.key.isoformat()}|{o.extra_id}"
            self._patrol_refs[ref] = o
            # The number column holds case numbers only: a patrol's time and villages go with
            # what is due (a day of use showed "09:00 湖二村" under 案件编号).
            text = "　".join(p for p in (f"{o.time} {'、'.join(o.villages)}",
                                         team_text(o.team, o.lead), o.mark_label) if p)
            return AgendaItem("patrol", "", "", o.plan_title, text, o.on, late, ref)

        def finding_line(f: FindingView) -> AgendaItem:
            due = f"{f.due_on:%m月%d日}前" if f.due_on else ""
            text = "　".join(p for p in (f"{f.risk_label}色", f"{f.found_on:%m-%d} {f.village}发现",
                                         f.status_label, f.responsible, due) if p)
            return AgendaItem("finding", f.case_id or "", "", f.summary, text, f.due_on,
                              f.overdue or f.risk_level == "red", f.id)

        return [
            ("patrols_today", translate("TodayView", "Today's patrols"), "patrols",
             [patrol_line(o, False) for o in agenda.today]),
            ("patrols_overdue", translate("TodayView", "Patrols not recorded"), "overdue",
             [patrol_line(o, True) for o in agenda.overdue]),
            ("urgent_findings", translate("TodayView", "Open red and orange findings"),
             "finding", [finding_line(f) for f in agenda.urgent_findings]),
        ]

    def week_mine(self) -> bool:
        return bool(self.week_scope.currentData())

    def _week_entry(self, item: WeekItem, today: date) -> AgendaItem:
        """A week line as 工作台 lists and opens it; a patrol's occurrence is kept so today's
        opens its visit form."""
        if item.occurrence is not None:
            self._patrol_refs[item.ref_id] = item.occurrence
        self._week_when[("week_" + item.kind, item.case_id, item.ref_id)] = week_when(item)
        return AgendaItem("week_" + item.kind, item.case_id, item.number, item.title,
                          f"{item.kind_label}　{item.text}", item.on, False, item.ref_id)

    def _item_row(self, section: QTreeWidgetItem, entry: AgendaItem,
                  icon_name: str) -> QTreeWidgetItem:
        due = f"{entry.due:%Y-%m-%d}" if entry.due else ""
        due = self._week_when.get((entry.kind, entry.case_id, entry.ref_id), due)
        child = QTreeWidgetItem(section, [entry.number, entry.title, entry.text, due])
        child.setData(COL_NUMBER, ITEM_ROLE, entry)
        child.setToolTip(COL_TITLE, entry.title)
        child.setToolTip(COL_TEXT, entry.text)
        child.setIcon(COL_NUMBER, icon(icon_name))
        if entry.urgent:
            child.setIcon(COL_NUMBER, icon("overdue", "danger"))
            for column in range(4):
                child.setForeground(column, QBrush(DANGER))
        return child

    @staticmethod
    def _key(item: QTreeWidgetItem | None) -> tuple[str, str, str] | None:
        entry = item.data(COL_NUMBER, ITEM_ROLE) if item is not None else None
        if not isinstance(entry, AgendaItem):
            return None
        return entry.kind, entry.case_id, entry.ref_id

    def items(self, section: str) -> list[QTreeWidgetItem]:
        """The lines under one section ("deadlines", "followups", …); empty if none."""
        parent = self.section_items.get(section)
        if parent is None:
            return []
        return [parent.child(i) for i in range(parent.childCount())]

    # -- activation -------------------------------------------------------------------------
    def activate(self, item: QTreeWidgetItem) -> None:
        """Open the case of a line, or resume the intake draft it stands for."""
        entry = item.data(COL_NUMBER, ITEM_ROLE)
        if not isinstance(entry, AgendaItem):
            return
        if entry.kind == "import_review":
            self.open_review.emit()
            return
        if entry.kind.startswith("week_"):
            self._open_week_line(entry)
            return
        if entry.kind.startswith("petition_"):
            self.open_petition.emit(self.agenda.petition_of.get(entry.ref_id, ""))
            return
        if entry.kind in ("duty", "visit_appointment"):
            self.open_petition.emit("")
            return
        if entry.kind in ("patrol", "finding") or entry.ref_id in self._visit_drafts:
            self._open_patrol_line(entry)
            return
        if entry.kind == "draft" and (entry.ref_id in self._intake_drafts
                                      or not entry.case_id):
            self.resume_intake.emit(entry.ref_id)
        elif entry.case_id:
            self.open_case.emit(entry.case_id)

    def _open_week_line(self, entry: AgendaItem) -> None:
        """A case's line opens the case; today's patrol its visit form (a later one has
        nothing to record yet)."""
        if entry.case_id:
            self.open_case.emit(entry.case_id)
        elif entry.kind == "week_patrol" and entry.due == clock.today() \
                and entry.ref_id in self._patrol_refs:
            VisitDialog.ask(self, self.ctx, self._patrol_refs[entry.ref_id])

    def open_week_item(self, item: WeekItem) -> None:
        """Open what a reminder names (the reminders at start list week lines)."""
        if item.occurrence is not None:
            self._patrol_refs[item.ref_id] = item.occurrence
        self._open_week_line(self._week_entry(item, clock.today()))

    def _open_patrol_line(self, entry: AgendaItem) -> None:
        """A patrol opens its visit form, a finding its details, a visit draft its form."""
        if entry.kind == "finding":
            case_id = FindingDialog.ask(self, self.ctx, entry.ref_id)
            if case_id:
                self.open_case.emit(case_id)
        elif entry.kind == "patrol" and entry.ref_id in self._patrol_refs:
            VisitDialog.ask(self, self.ctx, self._patrol_refs[entry.ref_id])
        elif entry.kind == "draft":
            VisitDialog.ask(self, self.ctx, draft_id=entry.ref_id)

    # -- keeping current --------------------------------------------------------------------
    def _on_changes(self, changes: ChangeSet) -> None:
        if not changes.kinds & WATCHED_KINDS:
            return
        if self.isVisible():
            self.refresh()
        else:
            self.loaded_on = None  # stale: reloaded when the page is shown (an import of
            # hundreds of cases does not rebuild a page nobody is looking at)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.loaded_on != clock.today():  # first show, or the window stayed open overnight
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ApplicationFontChange:
            self._style_greeting()

    @staticmethod
    def _grey(label: QLabel) -> None:
        # By palette, not style sheet, so the label follows the larger-text setting.
        palette = QPalette(label.palette())
        palette.setColor(QPalette.ColorRole.WindowText, NOTE_COLOR)
        label.setPalette(palette)

    def _style_greeting(self) -> None:
        """The greeting is larger than the body text, following the larger-text setting."""
        font = QFont(QApplication.font())
        font.setPointSizeF(QApplication.font().pointSizeF() * 1.35)
        font.setBold(True)
        self.greeting_label.setFont(font)
