"""Every page and dialog fits a 1366×768 laptop with its taskbar (1366×728) at 100, 125 and
150 % text, with demo data in it.

Why measured this way: a window can never be smaller than its minimum size (the larger of
``minimumSizeHint()`` and ``minimumSize()``), so if that is wider or taller than the screen
the right edge or the buttons are off the screen whatever the user does. The font is the
bundled LXGW WenKai at the setting's size, set here explicitly, so the answer does not depend
on which Chinese fonts this machine has; the offscreen platform has no real screen (96 dpi).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QStyle,
    QTableView,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from mediation_desk.domain.lifecycle import CaseStatus, Step
from mediation_desk.services.cases.detail import CaseDetail
from mediation_desk.services.demo.fill import fill_demo
from mediation_desk.services.patrols.service import Occurrence
from mediation_desk.services.petitions.rota import RotaDraft, RotaView
from mediation_desk.services.petitions.types import AnswerDraft, PetitionDetail, RequestDraft
from mediation_desk.services.safety.accounts import create_register
from mediation_desk.services.safety.backups import BackupInfo, backup_to
from tests.conftest import PASSWORD, ROOM
from tests.ui.conftest import save_shot
from tests.ui.test_settings_view import own_settings  # noqa: F401 (autouse: QSettings apart)
from ui.context import AppContext
from ui.dialogs.cases.agreement_dialog import AgreementDialog, draft_of
from ui.dialogs.cases.extend_dialog import ExtendDialog
from ui.dialogs.cases.followup_dialogs import RecordFollowupDialog, ScheduleFollowupDialog
from ui.dialogs.cases.intake_dialog import IntakeDialog
from ui.dialogs.cases.party_dialog import PartyDialog
from ui.dialogs.cases.record_dialog import RecordDialog
from ui.dialogs.cases.session_dialog import SessionDialog
from ui.dialogs.patrol.finding_dialog import FindingDialog
from ui.dialogs.patrol.occurrence_dialog import OccurrenceDialog
from ui.dialogs.patrol.plan_dialog import PlanDialog
from ui.dialogs.patrol.visit_dialog import VisitDialog
from ui.dialogs.petitions.answer_dialog import AnswerDialog
from ui.dialogs.petitions.appointment_dialog import AppointmentDialog
from ui.dialogs.petitions.assess_dialog import AssessDialog
from ui.dialogs.petitions.assign_dialog import AssignDialog
from ui.dialogs.petitions.close_dialog import CloseDialog
from ui.dialogs.petitions.compound_dialog import CompoundDialog
from ui.dialogs.petitions.meeting_dialog import MeetingDialog
from ui.dialogs.petitions.request_dialog import RequestDialog
from ui.dialogs.petitions.request_edit_dialog import RequestEditDialog
from ui.dialogs.petitions.result_dialog import ResultDialog
from ui.dialogs.petitions.return_visit_dialog import ReturnVisitDialog
from ui.dialogs.petitions.rota_dialog import RotaDialog
from ui.dialogs.petitions.rota_end_dialog import RotaEndDialog
from ui.dialogs.preview_dialog import PreviewDialog
from ui.dialogs.reason_dialog import ReasonDialog
from ui.dialogs.reminders_dialog import RemindersDialog
from ui.dialogs.safety.account_dialog import AccountDialog
from ui.dialogs.safety.login_dialog import LoginDialog
from ui.dialogs.safety.password_dialog import PasswordDialog
from ui.dialogs.safety.restore_dialog import RestoreDialog
from ui.dialogs.safety.setup_wizard import SetupWizard
from ui.fonts import BASE_POINT_SIZE, apply_ui_font, bundled_ui_font
from ui.main_window import PAGE_CASES, PAGE_PATROLS, PAGE_PETITIONS, PAGE_SETTINGS, MainWindow
from ui.views.patrol.findings_list import COL_DAY as F_DAY
from ui.views.patrol.findings_list import COL_RISK as F_RISK
from ui.views.patrol.findings_list import COL_STATUS as F_STATUS
from ui.views.patrol.findings_list import COL_SUMMARY as F_SUMMARY
from ui.views.patrol.findings_list import COL_VILLAGE as F_VILLAGE
from ui.widgets.flow_layout import FlowLayout

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

SCREEN = QSize(1366, 728)  # 1366×768 less a 40-pixel taskbar
SCALES = (1.0, 1.25, 1.5)
#: The demo's calendar: a fixed day, so the data is the same on any day the suite runs.
DEMO_DAY = date(2025, 11, 20)


# -- the register and the text size ---------------------------------------------------------
@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, qapp: QApplication) -> Iterator[AppContext]:
    """A register with a few months of a room's work: cases in every state, patrols,
    findings, agreements and follow-ups."""
    folder = tmp_path_factory.mktemp("screen-fit")
    store, actor, _ = create_register(folder / "demo.db", ROOM, "admin", PASSWORD)
    fill_demo(store, actor, cases=40, seed=3, today=DEMO_DAY)
    yield AppContext.build(store, actor)
    store.close()


@pytest.fixture(params=SCALES, ids=["100%", "125%", "150%"])
def text_scale(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[float]:
    """The larger-text setting as the app applies it, in the bundled face."""
    before = qapp.font()
    apply_ui_font(qapp, request.param, bundled_ui_font())
    yield float(request.param)
    qapp.setFont(before)


def least_size(window: QWidget) -> QSize:
    """The smallest the window can be made."""
    return window.minimumSizeHint().expandedTo(window.minimumSize())


def largest_parts(window: QWidget, *, tall: bool, count: int = 6) -> str:
    """The descendants demanding the most width (or height), to say what to fix."""
    parts = sorted(window.findChildren(QWidget), key=lambda w: -(
        w.minimumSizeHint().height() if tall else w.minimumSizeHint().width()))
    return "; ".join(f"{type(w).__name__}({w.objectName()}) {w.minimumSizeHint().width()}×"
                     f"{w.minimumSizeHint().height()}" for w in parts[:count])


def assert_fits(window: QWidget, what: str) -> None:
    """At least as small as the screen, opened no larger, and nothing inside cut off."""
    for _ in range(3):  # text set after showing (a preview, a count) is laid out in turns
        QApplication.processEvents()
    least = least_size(window)
    fits = least.width() <= SCREEN.width() and least.height() <= SCREEN.height()
    assert fits, (f"{what}: needs at least {least.width()}×{least.height()}, the screen has "
                  f"{SCREEN.width()}×{SCREEN.height()}; the largest parts: "
                  f"{largest_parts(window, tall=least.height() > SCREEN.height())}")
    opens = window.width() <= SCREEN.width() and window.height() <= SCREEN.height()
    assert opens, f"{what} opens at {window.width()}×{window.height()}"
    assert not squeezed(window), f"{what}: " + "; ".join(squeezed(window))


def squeezed(window: QWidget) -> list[str]:
    """Labels, buttons and fields shown smaller than they need (their text cut off), and
    wrapping rows given less height than their lines take; a scroll area's contents can
    scroll, so they are not counted."""
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or _in_scroll_area(widget, window):
            continue
        inner = isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox)  # its field
        if isinstance(widget, QLabel | QAbstractButton | QComboBox | QLineEdit) and not inner:
            need = widget.minimumSizeHint().expandedTo(widget.minimumSize())
            height = need.height()
            if isinstance(widget, QLabel) and widget.wordWrap():
                height = max(height, widget.heightForWidth(widget.width()))
            if widget.width() < need.width() or widget.height() < height:
                text = widget.text() if hasattr(widget, "text") else ""
                found.append(f"{type(widget).__name__} “{text[:20]}” {widget.width()}×"
                             f"{widget.height()} < {need.width()}×{height}")
    for flow in window.findChildren(FlowLayout):
        owner = flow.parentWidget()
        if owner is None or not owner.isVisible() or _in_scroll_area(owner, window):
            continue
        area = flow.geometry()
        if area.height() < flow.heightForWidth(area.width()):
            found.append(f"wrapping row in {type(owner).__name__}: {area.height()} < "
                         f"{flow.heightForWidth(area.width())} px")
    return found


def _in_scroll_area(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


# -- the main window ------------------------------------------------------------------------
def _cases(ctx: AppContext) -> list[CaseDetail]:
    return [ctx.case_detail.load(row.id) for row in ctx.pages.page(limit=200)]


def _visit_tabs(tabs: QTabWidget) -> None:
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        QApplication.processEvents()


def test_the_main_window_fits_with_every_page_shown(demo: AppContext, text_scale: float,
                                                    qtbot: QtBot) -> None:
    window = MainWindow(demo)
    qtbot.addWidget(window)
    window.resize(SCREEN)
    window.show()
    qtbot.waitExposed(window)
    cases = _cases(demo)
    # The case with the most next steps (a newly registered one) and one with everything.
    busy = max(cases, key=lambda d: len(d.next_steps))
    full = max(cases, key=lambda d: (d.agreement is not None) + len(d.parties)
               + len(d.records) + len(d.followups))
    for page in range(window.stack.count()):
        window.show_page(page)
        QApplication.processEvents()
    for case in (busy, full):
        _visit_tabs(window.open_case(case.id).tabs)
    _visit_tabs(window.patrol_view.tabs)
    _petition(demo)
    _petition(demo, closed=True)
    window.show_page(PAGE_PETITIONS)
    window.petition_view.refresh()
    _visit_tabs(window.petition_view.tabs)
    window.petition_view.tabs.setCurrentIndex(0)
    window.petition_view.select(_petition(demo).id)  # assigned and overdue on this day
    QApplication.processEvents()
    assert_fits(window, f"接访 page at {text_scale:.0%}")
    save_shot(window, f"petition_page_{round(text_scale * 100)}")
    _visit_tabs(window.settings_tabs)
    _visit_tabs(window.settings_view.dictionary_tabs)
    assert_fits(window, f"main window at {text_scale:.0%}")


@pytest.mark.parametrize("scale", [1.25, 1.5], ids=["125%", "150%"])
def test_a_larger_text_chosen_on_settings_reaches_the_open_window(
        demo: AppContext, scale: float, qtbot: QtBot, qapp: QApplication) -> None:
    """Chosen on 设置 with a case open, the larger text applies at once: headings, status
    chips and coloured notes grow with it (a case title smaller than the text around it was
    the bug), the tables are measured again, and the window still fits."""
    apply_ui_font(qapp, 1.0, bundled_ui_font())
    window = MainWindow(demo)
    qtbot.addWidget(window)
    window.resize(SCREEN)
    window.show()
    qtbot.waitExposed(window)
    view = window.open_case(max(_cases(demo), key=lambda d: len(d.next_steps)).id)
    date_width = view.history_tab.table.columnWidth(0)
    window.show_page(PAGE_SETTINGS)
    box = window.settings_view.scale_box
    box.setCurrentIndex(box.findData(scale))
    assert qapp.font().pointSizeF() == pytest.approx(BASE_POINT_SIZE * scale)
    assert qapp.font().family() == bundled_ui_font()  # only the size changed
    for page in (PAGE_CASES, PAGE_PATROLS):
        window.show_page(page)
        assert_fits(window, f"main window switched to {scale:.0%}")
        small = [f"{type(w).__name__} “{w.text()[:16]}” {w.font().pointSizeF():.1f} pt"
                 for w in window.findChildren(QLabel) + window.findChildren(QAbstractButton)
                 if w.isVisible() and w.text()
                 and w.font().pointSizeF() < 0.85 * qapp.font().pointSizeF()]
        assert not small, "did not follow the text size: " + "; ".join(small)
    title = view.title_label.font().pointSizeF()
    assert title == pytest.approx(1.25 * BASE_POINT_SIZE * scale)
    assert view.history_tab.table.columnWidth(0) > date_width  # the time column grew


def cut_cells(table: QTableView, columns: Iterable[int]) -> list[str]:
    """The cells of ``columns`` whose text does not fit: wider than the column on one line,
    or, where the table wraps, taller than the row."""
    model = table.model()
    metrics = table.fontMetrics()
    margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
    found = []
    for row in range(model.rowCount()):
        for column in columns:
            index = model.index(row, column)
            text = str(model.data(index) or "")
            room = table.columnWidth(column) - margin
            if model.data(index, Qt.ItemDataRole.DecorationRole) is not None:
                room -= table.iconSize().width() if table.iconSize().width() > 0 else 16
            if table.wordWrap():
                wrapped = metrics.boundingRect(QRect(0, 0, max(room, 1), 10_000),
                                               Qt.TextFlag.TextWordWrap, text)
                if wrapped.width() > room or wrapped.height() > table.rowHeight(row):
                    found.append(f"row {row} column {column} “{text}”")
            elif metrics.horizontalAdvance(text) > room:
                found.append(f"row {row} column {column} “{text}”")
    return found


def test_the_patrol_lists_are_readable_at_100_percent(demo: AppContext, qtbot: QtBot,
                                                      qapp: QApplication) -> None:
    """排查 at 100 % on the laptop: the findings' risk, date, village and status are never
    cut short and the summary keeps room for a few words; in the week and plan lists nothing
    is cut (longer entries wrap onto more lines)."""
    apply_ui_font(qapp, 1.0, bundled_ui_font())
    window = MainWindow(demo)
    qtbot.addWidget(window)
    window.resize(SCREEN)
    window.show()
    qtbot.waitExposed(window)
    window.show_page(PAGE_PATROLS)
    view = window.patrol_view
    view.show_month(DEMO_DAY.year, DEMO_DAY.month, DEMO_DAY)  # a month with patrols
    QApplication.processEvents()
    findings = view.findings.table
    assert findings.model().rowCount() > 5
    assert not cut_cells(findings, (F_RISK, F_DAY, F_VILLAGE, F_STATUS))
    em = findings.fontMetrics().horizontalAdvance("中")
    assert findings.columnWidth(F_SUMMARY) >= 6 * em
    week = view.week.table
    assert week.model().rowCount() > 0
    assert not cut_cells(week, range(week.model().columnCount()))
    view.tabs.setCurrentWidget(view.plans)
    QApplication.processEvents()
    plans = view.plans.table
    assert plans.model().rowCount() > 0
    assert not cut_cells(plans, range(plans.model().columnCount()))


# -- the dialogs ----------------------------------------------------------------------------
def _agreed(ctx: AppContext) -> CaseDetail:
    """An agreed case whose written agreement prints (a many-term one if there is)."""
    agreed = [d for d in _cases(ctx) if d.agreement is not None
              and d.agreement.form == "written"]
    return max(agreed, key=lambda d: len(d.agreement.terms) if d.agreement else 0)


def _open_case(ctx: AppContext) -> CaseDetail:
    return next(d for d in _cases(ctx) if d.status in (CaseStatus.MEDIATING,
                                                       CaseStatus.INVESTIGATING))


def _pending_followup(ctx: AppContext) -> tuple[CaseDetail, str]:
    return next((d, f.id) for d in _cases(ctx) for f in d.followups if f.done_on is None)


def _occurrence(ctx: AppContext) -> Occurrence:
    """The next planned patrol, not yet recorded."""
    coming = ctx.patrols.schedule(DEMO_DAY, DEMO_DAY + timedelta(days=60), DEMO_DAY)
    return next(o for o in coming if o.mark == "upcoming")


def _visit_id(ctx: AppContext) -> str:
    visits = ctx.patrols.visits(date(2020, 1, 1), DEMO_DAY)
    return max(visits, key=lambda v: len(v.findings)).id


def _backup(ctx: AppContext, folder: Path) -> BackupInfo:
    path = backup_to(ctx.store, ctx.actor, folder / "手动备份-20251120-093000.db")
    return BackupInfo(path, datetime(2025, 11, 20, 9, 30), path.stat().st_size)


def _rota(ctx: AppContext) -> RotaView:
    """A rota on a custom rule (the custom-rule field shown, the longest form)."""
    found = ctx.rota.rotas()
    if not found:
        ctx.rota.save_rota(RotaDraft(title="镇领导坐班接访", receivers=["陈镇长", "林春梅"],
                                     place="镇综治中心接访室", starts_on=DEMO_DAY,
                                     rule="FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
                                     note="逢节假日顺延"))
        found = ctx.rota.rotas()
    return found[0]


def _petition(ctx: AppContext, *, closed: bool = False) -> PetitionDetail:
    """A request assigned to a department (or closed unsatisfied: a return visit due)."""
    name = "黄美玲" if closed else "郭秀琴"
    found = [r for r in ctx.petitions.requests() if r.person == name]
    if found:
        return ctx.petitions.detail(found[0].id)
    received = ctx.petitions.receive(RequestDraft(
        received_at=datetime(2025, 11, 3, 9, 30), person_name=name, village="美坂村",
        person_phone="13912345678", category="农村建房", respondent="黄文彬",
        content="邻居新建房屋占用公共排水沟，雨天积水倒灌入户，要求镇里责令恢复排水沟。"))
    ctx.petitions.assess(received.id, "refer", "属村庄规划建设管理事项，转镇规划建设办处理。",
                         "yellow")
    ctx.petitions.assign(received.id, "镇规划建设办", responsible="王建国")
    if closed:
        ctx.petitions.reply(received.id, AnswerDraft(text="已责令恢复排水沟。"))
        ctx.petitions.close(received.id, "unsatisfied")
    return ctx.petitions.detail(received.id)


def _wizard_at(folder: Path, page: int) -> SetupWizard:
    wizard = SetupWizard(folder / "new-room.db")
    wizard.setStartId(wizard.pageIds()[page])
    wizard.restart()
    return wizard


DIALOGS: dict[str, Callable[[AppContext, Path], QWidget]] = {
    "intake": lambda ctx, _tmp: IntakeDialog(ctx),
    "party": lambda ctx, _tmp: PartyDialog(ctx, _open_case(ctx).id),
    "record": lambda ctx, _tmp: RecordDialog(ctx, _open_case(ctx), "mediation"),
    "agreement": lambda ctx, _tmp: AgreementDialog(ctx, _open_case(ctx)),
    "agreement-correct": lambda ctx, _tmp: AgreementDialog(
        ctx, _agreed(ctx), initial=draft_of(_agreed(ctx).agreement)),  # type: ignore[arg-type]
    "follow-up-schedule": lambda ctx, _tmp: ScheduleFollowupDialog(ctx, _agreed(ctx).id),
    "follow-up-record": lambda ctx, _tmp: RecordFollowupDialog(ctx, *_pending_followup(ctx)),
    "extend": lambda ctx, _tmp: ExtendDialog(ctx, _open_case(ctx).id,
                                             _open_case(ctx).deadline_on),
    "reason": lambda ctx, _tmp: ReasonDialog(ctx, _open_case(ctx).id, Step.TERMINATE),
    "session": lambda ctx, _tmp: SessionDialog(ctx, _open_case(ctx).id),
    "preview": lambda ctx, _tmp: PreviewDialog(
        ctx, ctx.printing.render(_agreed(ctx).id, "agreement"), number=_agreed(ctx).number),
    "visit": lambda ctx, _tmp: VisitDialog(ctx, None, _occurrence(ctx)),
    "visit-ad-hoc": lambda ctx, _tmp: VisitDialog(ctx, None, None, ad_hoc=True, day=DEMO_DAY),
    "visit-correct": lambda ctx, _tmp: VisitDialog(ctx, None, visit_id=_visit_id(ctx)),
    "plan-new": lambda ctx, _tmp: PlanDialog(ctx, None, starts_on=DEMO_DAY),
    "plan-edit": lambda ctx, _tmp: PlanDialog(ctx, None, plan_id=ctx.patrols.plans()[0].id),
    "finding": lambda ctx, _tmp: FindingDialog(ctx, ctx.patrols.findings(None, DEMO_DAY)[0].id),
    "occurrence-cancel": lambda ctx, _tmp: OccurrenceDialog(ctx, None, _occurrence(ctx),
                                                            mode="cancel"),
    "occurrence-move": lambda ctx, _tmp: OccurrenceDialog(ctx, None, _occurrence(ctx),
                                                          mode="move"),
    "petition-request": lambda ctx, _tmp: RequestDialog(ctx),
    "petition-request-edit": lambda ctx, _tmp: RequestEditDialog(ctx, _petition(ctx).id,
                                                                 _petition(ctx).number),
    "petition-assess": lambda ctx, _tmp: AssessDialog(ctx, _petition(ctx)),
    "petition-assign": lambda ctx, _tmp: AssignDialog(ctx, _petition(ctx)),
    "petition-result": lambda ctx, _tmp: ResultDialog(ctx, _petition(ctx)),
    "petition-extend": lambda ctx, _tmp: ResultDialog(ctx, _petition(ctx), extend=True),
    "petition-meeting": lambda ctx, _tmp: MeetingDialog(ctx, _petition(ctx)),
    "petition-answer": lambda ctx, _tmp: AnswerDialog(ctx, _petition(ctx)),
    "petition-close": lambda ctx, _tmp: CloseDialog(ctx, _petition(ctx)),
    "petition-return-visit": lambda ctx, _tmp: ReturnVisitDialog(ctx,
                                                                 _petition(ctx, closed=True)),
    "petition-rota": lambda ctx, _tmp: RotaDialog(ctx),
    "petition-rota-edit": lambda ctx, _tmp: RotaDialog(ctx, None, _rota(ctx)),
    "petition-rota-end": lambda ctx, _tmp: RotaEndDialog(ctx, _rota(ctx)),
    "petition-compound": lambda ctx, _tmp: CompoundDialog(ctx),
    "petition-appointment": lambda ctx, _tmp: AppointmentDialog(ctx, []),
    "password": lambda ctx, _tmp: PasswordDialog(ctx),
    "account": lambda ctx, _tmp: AccountDialog(ctx),
    "restore": lambda ctx, tmp: RestoreDialog(ctx, _backup(ctx, tmp)),
    "login": lambda ctx, _tmp: LoginDialog(ctx.store.path),
    "reminders": lambda ctx, _tmp: RemindersDialog(ctx.week.week(DEMO_DAY, days=2), DEMO_DAY,
                                                   False),
    "setup-wizard-room": lambda _ctx, tmp: _wizard_at(tmp, 0),
    "setup-wizard-numbers": lambda _ctx, tmp: _wizard_at(tmp, 1),
    "setup-wizard-administrator": lambda _ctx, tmp: _wizard_at(tmp, 2),
    "setup-wizard-recovery-key": lambda _ctx, tmp: _wizard_at(tmp, 3),
}


@pytest.mark.parametrize("name", list(DIALOGS))
def test_each_dialog_fits(name: str, demo: AppContext, text_scale: float, qtbot: QtBot,
                          tmp_path: Path) -> None:
    dialog = DIALOGS[name](demo, tmp_path)
    qtbot.addWidget(dialog)
    if hasattr(dialog, "_ask_keep"):  # closing at teardown must not ask in a modal box
        dialog._ask_keep = lambda: QMessageBox.StandardButton.No
    dialog.show()
    qtbot.waitExposed(dialog)
    assert_fits(dialog, f"{name} dialog at {text_scale:.0%}")
    if name.startswith("petition-") and text_scale != 1.25:
        save_shot(dialog, f"fit_{name}_{round(text_scale * 100)}")
