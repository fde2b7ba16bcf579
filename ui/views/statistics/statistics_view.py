"""统计: the month's (quarter's, year's) figures in one click, beside the same period last year.

Top: the period and what to do with it — print the statistics sheet, write the county workbook,
print the notice-board sheet, manage the county template. Below, in tabs: the figures at a
glance with the dispute types beside them; by village; by mediator; and three charts. Every
figure that counts cases opens the list of them, and a case opens from there.

Figures come from SQL aggregates in a few milliseconds (bench: monthly_report_ms), so they are
read on the GUI thread; building the workbook and PDFs goes through ui/workers.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.domain.periods import Period
from mediation_desk.errors import PermissionDenied, StoreUnavailable, ValidationError
from mediation_desk.store.changes import ChangeSet
from ui.context import AppContext
from ui.dialogs.preview_dialog import problems_text
from ui.dialogs.statistics.cases_dialog import CasesDialog
from ui.dialogs.statistics.report_preview import ReportPreviewDialog
from ui.i18n import translate
from ui.icons import icon
from ui.printing import safe_file_name
from ui.views.statistics.charts import (
    ChartPanel,
    coverage_chart,
    coverage_height,
    rate_chart,
    type_chart,
)
from ui.views.statistics.period_picker import PeriodPicker
from ui.views.statistics.tables import BreakdownTable, FiguresTable, TypeTable
from ui.workers import on_worker, run_in_background

#: Kinds of change that alter some figure.
WATCHED = {"case", "agreement", "patrol", "dictionary", "village", "party"}
SETTINGS_DIR = "statistics/save_dir"
ERROR_STYLE = "color:#b71c1c;"
DONE_STYLE = "color:#1b5e20;"
TAB_FIGURES, TAB_VILLAGES, TAB_MEDIATORS, TAB_CHARTS = range(4)


class StatisticsView(QWidget):
    open_case = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.picker = PeriodPicker()
        self.print_button = QPushButton(icon("print"), translate("StatisticsView",
                                                                 "Statistics sheet…"))
        self.workbook_button = QPushButton(icon("save"), translate("StatisticsView",
                                                                   "County workbook…"))
        self.notice_button = QPushButton(icon("notify"), translate("StatisticsView",
                                                                   "Notice board…"))
        self.template_button = QToolButton()
        self.template_button.setText(translate("StatisticsView", "Template"))
        self.template_button.setIcon(icon("settings"))
        self.template_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.template_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.template_button)
        self.use_template_action = menu.addAction(translate("StatisticsView",
                                                            "Use the county's template…"))
        self.save_template_action = menu.addAction(translate("StatisticsView",
                                                             "Save the template in use…"))
        self.reset_template_action = menu.addAction(translate("StatisticsView",
                                                              "Back to the default template"))
        self.template_button.setMenu(menu)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()

        self.figures = FiguresTable()
        self.types = TypeTable()
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.figures)
        split.addWidget(self.types)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        self.villages = BreakdownTable(translate("StatisticsView", "Village"),
                                       translate("StatisticsView", "By village"), True)
        self.mediators = BreakdownTable(translate("StatisticsView", "Lead mediator"),
                                        translate("StatisticsView", "By mediator"), False)
        self.type_panel = ChartPanel(translate("StatisticsView", "Cases per month"))
        self.rate_panel = ChartPanel(translate("StatisticsView", "Success rate"))
        self.coverage_panel = ChartPanel(translate("StatisticsView", "Patrol coverage"))
        self.charts = QTabWidget()
        self.charts.setDocumentMode(True)
        for panel in (self.type_panel, self.rate_panel, self.coverage_panel):
            self.charts.addTab(panel, panel.name)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(split, icon("statistics"), translate("StatisticsView", "Figures"))
        self.tabs.addTab(self.villages, icon("patrols"), translate("StatisticsView",
                                                                   "By village"))
        self.tabs.addTab(self.mediators, icon("accounts"), translate("StatisticsView",
                                                                     "By mediator"))
        self.tabs.addTab(self.charts, icon("statistics"), translate("StatisticsView", "Charts"))

        top = QHBoxLayout()
        top.addWidget(self.picker)
        top.addStretch(1)
        for button in (self.print_button, self.workbook_button, self.notice_button,
                       self.template_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)

        self.picker.changed.connect(lambda _p: self.refresh())
        self.tabs.currentChanged.connect(lambda _i: self._fill_tab())
        self.figures.drill.connect(self.list_cases)
        self.types.drill.connect(lambda label: self.list_cases("received", dispute_type=label))
        self.villages.drill.connect(lambda key: self.list_cases("received", village_id=key))
        self.mediators.drill.connect(lambda key: self.list_cases("received", mediator_id=key)
                                     if key else None)
        self.print_button.clicked.connect(lambda: self.preview("statistics"))
        self.notice_button.clicked.connect(lambda: self.preview("disclosure"))
        self.workbook_button.clicked.connect(self.workbook_clicked)
        self.use_template_action.triggered.connect(self.use_template_clicked)
        self.save_template_action.triggered.connect(self.save_template_clicked)
        self.reset_template_action.triggered.connect(self.reset_template)
        ctx.bus.changes_committed.connect(self._on_changes)
        self._filled: set[int] = set()
        self._stale = True

    # -- data -------------------------------------------------------------------------------
    @property
    def period(self) -> Period:
        return self.picker.period()

    def showEvent(self, event: Any) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def _on_changes(self, changes: ChangeSet) -> None:
        if changes.kinds & WATCHED:
            self._stale = True
            if self.isVisible():
                self.refresh()

    def refresh(self) -> None:
        """Read the period's figures for the tab shown; other tabs when they are opened."""
        self._stale = False
        self._filled = set()
        self.notice_button.setEnabled(self.period.kind == "month")
        self._fill_tab()

    def _fill_tab(self) -> None:
        index = self.tabs.currentIndex()
        if index in self._filled:
            return
        self._filled.add(index)
        period = self.period
        stats = self.ctx.statistics
        if index == TAB_FIGURES:
            comparison = stats.compare(period)
            self.figures.show_comparison(comparison)
            self.types.show_figures(comparison.current)
        elif index == TAB_VILLAGES:
            self.villages.show_rows(stats.by_village(period))
        elif index == TAB_MEDIATORS:
            self.mediators.show_rows(stats.by_mediator(period))
        else:
            self.fill_charts(period)

    def fill_charts(self, period: Period) -> None:
        series = self.ctx.statistics.months(period.end.year, period.end.month)
        first, last = series.months[0], series.months[-1]
        span = translate("StatisticsView", "%1 to %2").replace(
            "%1", f"{first[0]}年{first[1]}月").replace("%2", f"{last[0]}年{last[1]}月")
        self.type_panel.set_chart(type_chart(series), span)
        self.rate_panel.set_chart(rate_chart(series), span + translate(
            "StatisticsView", "; success rate = succeeded / (succeeded + not successful + "
                              "terminated)."))
        coverage = self.ctx.statistics.coverage(period)
        self.coverage_panel.set_chart(
            coverage_chart(coverage), period.label,
            coverage_height(coverage, self.fontMetrics().height()))

    def list_cases(self, figure: str, **narrow: Any) -> None:
        period = self.period
        lines = self.ctx.statistics.cases_behind(period, figure, **narrow)
        title = translate("StatisticsView", "Cases behind the figure — %1").replace(
            "%1", period.label)
        case_id = CasesDialog.ask(self, title, lines)
        if case_id:
            self.open_case.emit(case_id)

    # -- messages ---------------------------------------------------------------------------
    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else DONE_STYLE)
        self.message.setVisible(bool(text))

    def _folder(self) -> str:
        return str(QSettings().value(SETTINGS_DIR, "") or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation))

    # -- reports ----------------------------------------------------------------------------
    def preview(self, kind: str) -> None:
        period = self.period

        def done(document: Any) -> None:
            ReportPreviewDialog.ask(self, self.ctx, document, period)

        run_in_background(self, lambda _report: on_worker(
                              self.ctx.store, lambda: self.ctx.reports.render(kind, period)),
                          title=translate("StatisticsView", "Preparing the report…"),
                          on_done=done, on_error=self._failed, cancellable=False)

    def workbook_clicked(self) -> None:
        period = self.period
        name = safe_file_name(f"{self.ctx.settings.room().committee_name}"
                              f"人民调解工作统计表-{period.label}")
        path, _ = QFileDialog.getSaveFileName(
            self, translate("StatisticsView", "Save the county workbook"),
            str(Path(self._folder()) / f"{name}.xlsx"),
            translate("StatisticsView", "Excel workbooks (*.xlsx)"))
        if path:
            self.write_workbook(Path(path))

    def write_workbook(self, path: Path, on_finished: Any = None) -> None:
        """Build the workbook off the GUI thread, write it whole, audit it."""
        period = self.period
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")

        def work(_report: Any) -> Path:
            data = self.ctx.reports.workbook(period)
            written = write_file(data, path)
            self.ctx.reports.file_report(f"人民调解工作统计表（Excel，{period.label}）", period,
                                         data, "export")
            return written

        def done(written: Path) -> None:
            QSettings().setValue(SETTINGS_DIR, str(written.parent))
            self.show_message(translate("StatisticsView", "Saved to %1").replace(
                "%1", str(written)))
            if on_finished is not None:
                on_finished(written)

        run_in_background(self, lambda report: on_worker(self.ctx.store, lambda: work(report)),
                          title=translate("StatisticsView", "Writing the county workbook…"),
                          on_done=done, on_error=self._failed, cancellable=False)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.show_message(problems_text(exc), error=True)
        elif isinstance(exc, StoreUnavailable | PermissionDenied | OSError):
            self.show_message(str(exc), error=True)
        else:
            raise exc

    # -- the county template ----------------------------------------------------------------
    def use_template_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("StatisticsView", "The county's report template"), self._folder(),
            translate("StatisticsView", "Excel workbooks (*.xlsx)"))
        if path:
            self.use_template(Path(path))

    def use_template(self, path: Path) -> bool:
        try:
            used = self.ctx.reports.set_template(path.read_bytes(), path.name)
        except (ValidationError, PermissionDenied, OSError) as exc:
            self.show_message(problems_text(exc) if isinstance(exc, ValidationError)
                              else str(exc), error=True)
            return False
        self.show_message(translate("StatisticsView", "Template in use: %1 (%n named cell(s))",
                                    None, len(used)).replace("%1", path.name))
        return True

    def save_template_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, translate("StatisticsView", "Save the template in use"),
            str(Path(self._folder()) / "人民调解工作统计表模板.xlsx"),
            translate("StatisticsView", "Excel workbooks (*.xlsx)"))
        if path:
            try:
                written = write_file(self.ctx.reports.template(), Path(path))
            except OSError as exc:
                self.show_message(str(exc), error=True)
            else:
                self.show_message(translate("StatisticsView", "Saved to %1").replace(
                    "%1", str(written)))

    def reset_template(self) -> None:
        try:
            self.ctx.reports.reset_template()
        except PermissionDenied as exc:
            self.show_message(str(exc), error=True)
            return
        self.show_message(translate("StatisticsView", "The default template is in use."))


def write_file(data: bytes, path: Path) -> Path:
    """Write ``data`` whole or not at all (a temporary file renamed over ``path``)."""
    temp = path.with_name(f".{path.name}.part")
    try:
        temp.write_bytes(data)
        temp.replace(path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return path
