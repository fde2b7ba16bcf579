"""The main window, kept thin: navigation, the views, the toolbar and the status bar.

Views do their own work and talk to services through the context; this module only places
them and routes "open this case" and "register a new one" between them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QWidget,
)

from ui.actions import Actions, build_actions
from ui.context import AppContext
from ui.i18n import translate
from ui.icons import icon
from ui.idle_lock import IdleLock
from ui.views.cases.register_view import RegisterView
from ui.views.patrol.patrol_view import PatrolView
from ui.views.today_view import TodayView
from ui.widgets.search_box import SearchBox

if TYPE_CHECKING:
    from ui.dialogs.reminders_dialog import RemindersDialog
    from ui.views.cases.case_view import CaseView
    from ui.views.petitions.petition_view import PetitionView
    from ui.views.safety.accounts_view import AccountsView
    from ui.views.safety.backups_view import BackupsView
    from ui.views.safety.retention_view import RetentionView
    from ui.views.settings.settings_view import SettingsView
    from ui.views.statistics.statistics_view import StatisticsView
    from ui.views.sync.laptops_view import LaptopsView

PAGE_TODAY, PAGE_CASES, PAGE_PATROLS, PAGE_PETITIONS, PAGE_STATISTICS, PAGE_SETTINGS = range(6)
#: Pages built when first shown (or first asked for), not at start: start-up pays only for
#: 工作台, the register and 排查 — the 接访, 统计 and 设置 pages with their imports (QtCharts,
#: the report and sync modules) cost ~0.2 s that a morning start did not need.
LAZY_PAGES = (PAGE_PETITIONS, PAGE_STATISTICS, PAGE_SETTINGS)


class MainWindow(QMainWindow):
    #: A restore closes the register (the backups page says so); relayed here because that
    #: page is built only when 设置 is first opened, and the daily backup listens from start.
    restore_running = Signal(bool)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self._settings_pages: tuple[QWidget, ...] = ()
        self.actions: Actions = build_actions(self)
        room = ctx.settings.room()
        title = translate("MainWindow", "Mediation Desk") + f" — {room.room_name}"
        if ctx.demo:
            title += " — " + translate("MainWindow", "DEMO DATA")
        self.setWindowTitle(title)
        self.resize(1366, 768)

        self.today_view = TodayView(ctx)
        self.reminders: RemindersDialog | None = None
        self.register_view = RegisterView(ctx)
        self.case_tabs = QTabWidget()
        self.case_tabs.setDocumentMode(True)
        self.case_tabs.setTabsClosable(True)
        self.case_tabs.addTab(self.register_view, icon("cases"),
                              translate("MainWindow", "Register"))
        self.case_tabs.tabBar().setTabButton(0, self.case_tabs.tabBar().ButtonPosition.RightSide,
                                             None)
        self.case_tabs.tabCloseRequested.connect(self._close_tab)
        self.stack = QStackedWidget()
        self.patrol_view = PatrolView(ctx)
        self._built: dict[int, QWidget] = {}
        for widget in (self.today_view, self.case_tabs, self.patrol_view):
            self.stack.addWidget(widget)
        for _page in LAZY_PAGES:  # placeholders until first shown
            self.stack.addWidget(QWidget())

        self.nav = QListWidget()
        self.nav.setAccessibleName(translate("MainWindow", "Navigation"))
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setFixedWidth(118)
        for action in self._page_actions():
            item = QListWidgetItem(action.icon(), action.text())
            item.setSizeHint(QSize(110, 44))
            item.setToolTip(f"{action.text()} ({action.shortcut().toString()})")
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._show_row)

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.search_box = SearchBox(ctx)
        toolbar = QToolBar(translate("MainWindow", "Main toolbar"))
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.actions.new_case)
        toolbar.addAction(self.actions.exchange)
        toolbar.addSeparator()
        toolbar.addWidget(self.search_box)
        self.addToolBar(toolbar)
        self._build_status_bar()

        self.actions.new_case.triggered.connect(self.new_case)
        self.actions.exchange.triggered.connect(self._exchange)
        self.actions.find.triggered.connect(self._focus_search)
        self.actions.close_tab.triggered.connect(
            lambda: self._close_tab(self.case_tabs.currentIndex()))
        self.actions.quit.triggered.connect(self.close)
        for page, action in enumerate(self._page_actions()):
            action.triggered.connect(lambda _=False, p=page: self.show_page(p))
        self.actions.print.triggered.connect(self.print_current_case)
        self.case_tabs.currentChanged.connect(self._update_print_action)
        self.stack.currentChanged.connect(self._update_print_action)
        self.search_box.open_case.connect(self.open_case)
        self.register_view.open_case.connect(self.open_case)
        self.patrol_view.open_case.connect(self.open_case)
        self.today_view.open_case.connect(self.open_case)
        self.today_view.resume_intake.connect(self.new_case)
        self.today_view.open_review.connect(self.show_review_list)
        self.today_view.open_petition.connect(self.open_petition)
        self.idle_lock = IdleLock(self, ctx, ctx.settings.safety().idle_lock_minutes)
        self.show_page(PAGE_TODAY)
        self._update_print_action()

    def _page_actions(self) -> tuple[QAction, ...]:
        """The pages' actions, in the order of the pages (PAGE_…)."""
        a = self.actions
        return (a.show_today, a.show_cases, a.show_patrols, a.show_petitions,
                a.show_statistics, a.show_settings)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        actor = self.ctx.actor
        # Permanent widgets: action hints shown in the status bar must not hide who is working.
        bar.addPermanentWidget(QLabel(translate("MainWindow", "User: %1").replace(
            "%1", actor.name)))
        bar.addPermanentWidget(QLabel(translate("MainWindow", "Register: %1").replace(
            "%1", str(self.ctx.store.path))))
        if self.ctx.demo:
            badge = QLabel(translate("MainWindow", "DEMO DATA"))
            badge.setStyleSheet("background:#ef6c00;color:white;padding:2px 8px;"
                                "border-radius:3px;font-weight:bold")
            bar.addPermanentWidget(badge)

    # -- routing ----------------------------------------------------------------------------
    def show_page(self, page: int) -> None:
        self._page(page)
        self.nav.setCurrentRow(page)
        self.stack.setCurrentIndex(page)

    def _show_row(self, row: int) -> None:
        if row >= 0:
            self._page(row)
            self.stack.setCurrentIndex(row)

    def _page(self, page: int) -> QWidget:
        """The page's widget, built and wired on first need (see LAZY_PAGES)."""
        if page not in LAZY_PAGES:
            return self.stack.widget(page)
        built = self._built.get(page)
        if built is None:
            built = self._build_page(page)
            self._built[page] = built
            placeholder = self.stack.widget(page)
            current = self.stack.currentIndex()
            self.stack.blockSignals(True)
            self.stack.removeWidget(placeholder)
            self.stack.insertWidget(page, built)
            self.stack.setCurrentIndex(current)
            self.stack.blockSignals(False)
            placeholder.deleteLater()
        return built

    def _build_page(self, page: int) -> QWidget:
        ctx = self.ctx
        if page == PAGE_PETITIONS:
            from ui.views.petitions.petition_view import PetitionView

            petitions = PetitionView(ctx)
            petitions.open_case.connect(self.open_case)
            return petitions
        if page == PAGE_STATISTICS:
            from ui.views.statistics.statistics_view import StatisticsView

            statistics = StatisticsView(ctx)
            statistics.open_case.connect(self.open_case)
            return statistics
        from ui.views.safety.accounts_view import AccountsView
        from ui.views.safety.backups_view import BackupsView
        from ui.views.safety.retention_view import RetentionView
        from ui.views.settings.settings_view import SettingsView
        from ui.views.sync.laptops_view import LaptopsView

        self._settings_pages = (SettingsView(ctx), AccountsView(ctx), BackupsView(ctx),
                                RetentionView(ctx), LaptopsView(ctx))
        tabs = QTabWidget()
        tabs.setDocumentMode(True)
        for view, (icon_name, text) in zip(self._settings_pages, (
                ("settings", translate("MainWindow", "General")),
                ("accounts", translate("MainWindow", "Accounts")),
                ("backup", translate("MainWindow", "Backups")),
                ("history", translate("MainWindow", "Retention")),
                ("laptop", translate("MainWindow", "Laptops"))), strict=True):
            tabs.addTab(view, icon(icon_name), text)
        backups = self._settings_pages[2]
        assert isinstance(backups, BackupsView)
        backups.restore_running.connect(self.idle_lock.set_suspended)
        backups.restore_running.connect(self.restore_running)
        backups.restart_required.connect(self._restart_required)
        return tabs

    # The lazily built pages, by the names the rest of the window (and the tests) use.
    @property
    def petition_view(self) -> PetitionView:
        return self._page(PAGE_PETITIONS)  # type: ignore[return-value]

    @property
    def statistics_view(self) -> StatisticsView:
        return self._page(PAGE_STATISTICS)  # type: ignore[return-value]

    @property
    def settings_tabs(self) -> QTabWidget:
        return self._page(PAGE_SETTINGS)  # type: ignore[return-value]

    @property
    def settings_view(self) -> SettingsView:
        self._page(PAGE_SETTINGS)
        return self._settings_pages[0]  # type: ignore[return-value]

    @property
    def accounts_view(self) -> AccountsView:
        self._page(PAGE_SETTINGS)
        return self._settings_pages[1]  # type: ignore[return-value]

    @property
    def backups_view(self) -> BackupsView:
        self._page(PAGE_SETTINGS)
        return self._settings_pages[2]  # type: ignore[return-value]

    @property
    def retention_view(self) -> RetentionView:
        self._page(PAGE_SETTINGS)
        return self._settings_pages[3]  # type: ignore[return-value]

    @property
    def laptops_view(self) -> LaptopsView:
        self._page(PAGE_SETTINGS)
        return self._settings_pages[4]  # type: ignore[return-value]

    def _focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def _exchange(self) -> None:
        from ui.dialogs.sync.exchange_dialog import ExchangeDialog

        ExchangeDialog.ask(self, self.ctx)

    def open_case(self, case_id: str) -> CaseView:
        """Show the case in its own tab (reusing the tab if it is already open).

        The case view's modules (and the dialogs they open) are imported on the first case
        opened, not at start: a morning start shows 工作台, not a case."""
        from ui.views.cases.case_view import CaseView

        self.show_page(PAGE_CASES)
        for index in range(1, self.case_tabs.count()):
            view = self.case_tabs.widget(index)
            if isinstance(view, CaseView) and view.case_id == case_id:
                self.case_tabs.setCurrentIndex(index)
                return view
        view = CaseView(self.ctx, case_id)
        index = self.case_tabs.addTab(view, icon("record"), view.short_title())
        view.title_changed.connect(lambda text, v=view: self.case_tabs.setTabText(
            self.case_tabs.indexOf(v), text))
        self.case_tabs.setCurrentIndex(index)
        return view

    def show_reminders(self) -> RemindersDialog | None:
        """At start: what falls due today and tomorrow, if anything (a line opens its case)."""
        if self.reminders is not None:  # one list at a time (kept, not deleted on close)
            self.reminders.close()
            self.reminders.deleteLater()
        from ui.dialogs.reminders_dialog import RemindersDialog

        self.reminders = RemindersDialog.show_for(self, self.ctx)
        if self.reminders is not None:
            self.reminders.activated.connect(self.today_view.open_week_item)
        return self.reminders

    def open_petition(self, petition_id: str) -> None:
        """A 工作台 line of the 接访 loop: the request on the 接访 page, or (a duty day or an
        appointment) the page's duty tab."""
        self.show_page(PAGE_PETITIONS)
        view = self.petition_view
        if petition_id:
            view.tabs.setCurrentWidget(view.requests_page)
            view.select(petition_id)
        else:
            view.tabs.setCurrentWidget(view.rota_tab)

    def show_review_list(self) -> None:
        """工作台's "N 件导入案件待核对": the register, filtered to those cases."""
        self.show_page(PAGE_CASES)
        self.case_tabs.setCurrentIndex(0)
        self.register_view.show_to_review()

    def current_case_view(self) -> CaseView | None:
        if self.stack.currentWidget() is not self.case_tabs:
            return None
        if self.case_tabs.currentIndex() <= 0:  # the register; every other tab is a case
            return None
        return self.case_tabs.currentWidget()  # type: ignore[return-value]

    def _update_print_action(self, *_: object) -> None:
        self.actions.print.setEnabled(self.current_case_view() is not None)

    def print_current_case(self) -> None:
        """Ctrl+P: the open case's 文书 tab with its main document in preview."""
        view = self.current_case_view()
        if view is not None:
            view.print_documents()

    def _close_tab(self, index: int) -> None:
        if index <= 0:
            return
        widget = self.case_tabs.widget(index)
        self.case_tabs.removeTab(index)
        widget.deleteLater()

    def _restart_required(self, message: str) -> None:
        """After a restore the register is closed: say so, and close the window."""
        QMessageBox.information(self, translate("MainWindow", "Start the program again"),
                                message)
        self.close()

    def new_case(self, draft_id: str | None = None) -> None:
        from ui.dialogs.cases.intake_dialog import IntakeDialog

        result = IntakeDialog.ask(self, self.ctx, draft_id=draft_id or None)
        if result is not None:
            self.open_case(result.case_id)
