"""The 排查 page on a real register: plan through the plan dialog, find the patrol on the
calendar, record it with a finding through the visit dialog, turn the finding into a case from
the findings list; zero-report marks; 工作台 shows a red finding; a month of demo-like data
rendered for a person to look at."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import icalendar
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from mediation_desk import clock, documents
from mediation_desk.services.cases.intake import Registered
from mediation_desk.services.patrols.service import (
    FindingDraft,
    Occurrence,
    PatrolResult,
    PlanDraft,
    TeamMember,
    VisitDraft,
)
from mediation_desk.services.printing.service import RenderedDocument
from tests.conftest import SUITE_NOW
from tests.ui.conftest import save_shot, type_text
from ui.context import AppContext
from ui.dialogs.cases.intake_dialog import IntakeDialog, RegisterHook
from ui.dialogs.patrol.plan_dialog import PlanDialog
from ui.dialogs.patrol.print_preview import PatrolPreviewDialog
from ui.dialogs.patrol.visit_dialog import VisitDialog
from ui.main_window import PAGE_PATROLS, MainWindow
from ui.views.cases.tabs.overview_tab import OverviewTab
from ui.views.patrol.findings_list import COL_CASE
from ui.views.patrol.patrol_view import PatrolView, add_months, counts_text
from ui.views.patrol.week_list import COL_MARK
from ui.views.settings.risk_levels_view import PatrolRiskSettings
from ui.views.today_view import TodayView

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints",
                                       "does not support raise", "does not support grabbing")

TODAY = SUITE_NOW.date()


def _view(ctx: AppContext, qtbot: QtBot) -> PatrolView:
    view = PatrolView(ctx)
    qtbot.addWidget(view)
    view.resize(1248, 690)  # the 1366×768 window less navigation, toolbar and status bar
    view.show()
    qtbot.waitExposed(view)
    return view


def _click_occurrence(view: PatrolView, qtbot: QtBot, occurrence: Occurrence) -> None:
    """Click the patrol's line on the calendar, as a mediator would."""
    view.calendar.select_day(occurrence.on)
    QApplication.processEvents()
    qtbot.mouseClick(view.calendar.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.calendar.line_position(occurrence))


def _plan_through_dialog(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> None:
    """PlanDialog.ask answered by the real dialog, typed into as a mediator would."""

    def ask(parent: QWidget | None, ctx: AppContext, plan_id: str | None = None,
            starts_on: date | None = None) -> PatrolResult | None:
        dialog = PlanDialog(ctx, parent, plan_id=plan_id, starts_on=starts_on)
        qtbot.addWidget(dialog)
        dialog.show()
        type_text(dialog.title_edit, "湖二村定期排查")
        dialog.villages.set_checked("湖二村")
        type_text(dialog.team.add_edit, "林春梅")
        qtbot.keyClick(dialog.team.add_edit, Qt.Key.Key_Return)
        type_text(dialog.team.add_edit, "陈志强")
        qtbot.keyClick(dialog.team.add_edit, Qt.Key.Key_Return)
        dialog.team.set_lead("林春梅")
        dialog.preset_box.setCurrentIndex(dialog.preset_box.findData("weekly"))
        dialog.weekday_box.setCurrentIndex(TODAY.weekday())
        type_text(dialog.focus_edit, "山林土地")
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)
        if dialog.isVisible():  # warnings were shown first (a double booking, a new village)
            qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)
        assert dialog.result() == PlanDialog.DialogCode.Accepted
        return dialog.result_value

    monkeypatch.setattr(PlanDialog, "ask", staticmethod(ask))


def _visit_through_dialog(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, *, zero: bool = False,
                          risk: str = "red") -> list[VisitDialog]:
    opened: list[VisitDialog] = []

    def ask(parent: QWidget | None, ctx: AppContext, occurrence: Occurrence | None = None, *,
            ad_hoc: bool = False, day: date | None = None,
            draft_id: str | None = None) -> PatrolResult | None:
        dialog = VisitDialog(ctx, parent, occurrence, ad_hoc=ad_hoc, day=day, draft_id=draft_id)
        qtbot.addWidget(dialog)
        dialog.show()
        opened.append(dialog)
        type_text(dialog.places_edit, "村委会、3组")
        dialog.households_spin.setValue(9)
        if zero:
            dialog.zero_check.setChecked(True)
        else:
            editor = dialog.editors[0]
            editor.risk_box.setCurrentIndex(editor.risk_box.findData(risk))
            editor.type_box.setCurrentText("山林土地纠纷")
            type_text(editor.summary_edit, "张某与李某因山林界址争执，双方情绪激动")
            type_text(editor.parties_edit, "张某与李某")
            editor.people_spin.setValue(2)
        dialog.accept()
        assert dialog.result() == VisitDialog.DialogCode.Accepted, \
            dialog.general_message.text()
        return dialog.result_value

    monkeypatch.setattr(VisitDialog, "ask", staticmethod(ask))
    return opened


def _intake_registers_as_typed(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> list[dict]:
    """IntakeDialog.ask answered by the real form: the prefilled finding, completed by the
    mediator with what a case needs and a patrol did not note (the second party)."""
    seen: list[dict] = []

    def ask(parent: QWidget | None, ctx: AppContext, draft_id: str | None = None, *,
            prefill: dict | None = None, register: RegisterHook | None = None
            ) -> Registered | None:
        seen.append(dict(prefill or {}))
        dialog = IntakeDialog(ctx, parent, draft_id, prefill=prefill, register=register)
        qtbot.addWidget(dialog)
        dialog._inform = lambda title, text: None  # type: ignore[method-assign]
        dialog.show()
        save_shot(dialog, "patrol_intake_from_finding")
        grid, editor = dialog.grid, dialog.grid.editor
        grid.select(0)
        if not editor.name_edit.text():
            type_text(editor.name_edit, "张某")
        grid.select(1)
        if not editor.name_edit.text():
            type_text(editor.name_edit, "李某")
        dialog.accept()
        assert dialog.registered is not None, [w.text() for w in dialog.findChildren(QWidget)
                                               if hasattr(w, "is_error") and w.is_error]
        return dialog.registered

    monkeypatch.setattr(IntakeDialog, "ask", staticmethod(ask))
    return seen


def test_plan_record_and_make_a_case(ctx: AppContext, qtbot: QtBot,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    view = _view(ctx, qtbot)
    _plan_through_dialog(monkeypatch, qtbot)
    view.plan_button.click()
    assert [p.title for p in ctx.patrols.plans()] == ["湖二村定期排查"]

    todays = view.calendar.month_model.occurrences_on(TODAY)
    assert [o.plan_title for o in todays] == ["湖二村定期排查"]
    assert todays[0].mark == "due"
    _click_occurrence(view, qtbot, todays[0])
    assert view.selected() is not None and view.selected().key == TODAY
    assert view.record_button.isEnabled()

    _visit_through_dialog(monkeypatch, qtbot)
    view.record_button.click()
    recorded = view.calendar.month_model.occurrences_on(TODAY)[0]
    assert recorded.mark == "done" and len(recorded.visit_ids) == 1
    assert view.week.model.data(view.week.model.index(view.week.model.row_of(recorded),
                                                      COL_MARK)) == "已排查"
    assert view.findings.model.rowCount() == 1
    finding = view.findings.model.finding(0)
    assert finding is not None and finding.risk_level == "red" and not finding.case_id

    prefills = _intake_registers_as_typed(monkeypatch, qtbot)
    opened: list[str] = []
    view.open_case.connect(opened.append)
    view.findings.select(finding.id)
    assert view.findings.case_button.isEnabled()
    view.findings.case_button.click()

    assert prefills and prefills[0]["source"] == "排查发现"
    linked = ctx.patrols.finding(finding.id)
    assert linked.case_id and linked.case_number
    assert opened == [linked.case_id]
    detail = ctx.case_detail.load(linked.case_id)
    assert detail.source == "排查发现"
    assert detail.from_finding.endswith(f"排查发现：{finding.summary}")  # linked both ways
    overview = OverviewTab()
    overview.show_detail(detail)
    assert detail.from_finding in overview.values["source"].text()
    row = view.findings.model.row_of(finding.id)
    assert view.findings.model.data(view.findings.model.index(row, COL_CASE)) == \
        linked.case_number
    assert not view.findings.case_button.isEnabled()


def test_zero_report_shows_its_mark(ctx: AppContext, qtbot: QtBot,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    plan_id = _add_plan(ctx, "湖二村定期排查", ("湖二村",), "林春梅", TODAY)
    view = _view(ctx, qtbot)
    occurrence = view.calendar.month_model.occurrences_on(TODAY)[0]
    _click_occurrence(view, qtbot, occurrence)
    _visit_through_dialog(monkeypatch, qtbot, zero=True)
    qtbot.keyClick(view.week.table, Qt.Key.Key_Return)  # Enter on the week list records it
    marked = view.calendar.month_model.occurrences_on(TODAY)[0]
    assert marked.plan_id == plan_id and marked.mark == "zero"
    model = view.week.model
    assert model.data(model.index(model.row_of(marked), COL_MARK)) == "零报告"
    counts = ctx.patrols.month_counts(TODAY.year, TODAY.month)
    assert counts.zero_reports == 1 and counts.patrols_held == 1
    assert view.counts_label.text() == counts_text(counts)


def test_today_shows_a_red_finding_and_todays_patrol(ctx: AppContext, qtbot: QtBot) -> None:
    plan_id = _add_plan(ctx, "湖二村定期排查", ("湖二村",), "林春梅", TODAY)
    _add_plan(ctx, "美溪村定期排查", ("美溪村",), "陈志强", TODAY, member="黄丽华")
    ctx.patrols.record_visit(VisitDraft(
        plan_id=plan_id, occurrence_on=TODAY, on=TODAY, village="湖二村", team=["林春梅"],
        findings=[FindingDraft(summary="宅基地边界争执，扬言动手", parties="张某与李某",
                               risk_level="red")]))
    view = TodayView(ctx)
    qtbot.addWidget(view)
    view.resize(1248, 690)
    view.show()
    qtbot.waitExposed(view)
    findings = view.items("urgent_findings")
    assert len(findings) == 1 and "宅基地边界争执" in findings[0].text(1)
    assert findings[0].foreground(1).color().name() == "#c62828"
    patrols = {item.text(1): item.text(2) for item in view.items("patrols_today")}
    assert set(patrols) == {"湖二村定期排查", "美溪村定期排查"}
    assert "已排查" in patrols["湖二村定期排查"] and "已排查" not in patrols["美溪村定期排查"]
    save_shot(view, "today_with_patrols")


# -- a month of demo-like data, for looking at -----------------------------------------------
def _add_plan(ctx: AppContext, title: str, villages: tuple[str, ...], lead: str, start: date,
              rule: str | None = None, at: str = "09:00", member: str = "陈志强") -> str:
    codes = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
    return ctx.patrols.add_plan(PlanDraft(
        title=title, villages=list(villages),
        team=[TeamMember(lead, "lead"), TeamMember(member, "member")], starts_on=start,
        until=start + timedelta(days=180), time=at, duration_minutes=150,
        rule=rule or f"FREQ=WEEKLY;BYDAY={codes[start.weekday()]}",
        focus=["山林土地", "婚姻家庭"])).id


@pytest.fixture
def mid_month() -> Iterator[date]:
    """A month with weeks behind and ahead: on the first days of a month its calendar has
    nothing yet held, so a month of patrols to look at is made on the 17th."""
    day = date(2026, 12, 17)
    with clock.travelled(datetime.combine(day, time(10))):
        yield day


def demo_month(ctx: AppContext, today: date) -> None:
    """Plans and visits as a township room has them up to ``today`` (at least a fortnight into
    its month): several villages on different cadences, findings of each colour, zero
    reports, missed ones, one cancelled, one moved."""
    assert today.day >= 15
    first = today.replace(day=1)
    plans = [
        _add_plan(ctx, "湖二村定期排查", ("湖二村",), "林春梅", first, "FREQ=DAILY;INTERVAL=10"),
        _add_plan(ctx, "美溪村定期排查", ("美溪村",), "陈志强", first + timedelta(days=2),
                  "FREQ=DAILY;INTERVAL=10", "14:30", member="黄丽华"),
        _add_plan(ctx, "郭埔村、竹山村排查", ("郭埔村", "竹山村"), "黄丽华",
                  first + timedelta(days=1), "FREQ=MONTHLY;BYMONTHDAY=1,16", "08:30",
                  member="林春梅"),
        _add_plan(ctx, "湖头社区周排查", ("湖头社区",), "王建国", first,
                  None, "15:00", member="林春梅"),
    ]
    schedule = ctx.patrols.schedule(first, today - timedelta(days=1), today)
    findings = [
        ("red", "征地补偿分配不均，5组十余户准备集体上访", "湖二村5组村民与村委会"),
        ("orange", "兄弟三人因老人赡养费分摊争吵，已有肢体冲突苗头", "林某兄弟三人"),
        ("yellow", "相邻两户因排水沟堵塞互相指责", "郭某与陈某"),
        ("blue", "租地合同年底到期，双方对续租价格有分歧", "苏某与合作社"),
    ]
    done = 0
    for index, occurrence in enumerate(schedule):
        if index % 7 == 5:
            continue  # left as missed
        if index == 3:
            ctx.patrols.cancel_occurrence(occurrence.plan_id, occurrence.key, "镇里集中开会")
            continue
        village = occurrence.villages[0]
        if done % 3 == 1 and done // 3 < len(findings):
            level, summary, parties = findings[done // 3]
            drafts = [FindingDraft(summary=summary, parties=parties, risk_level=level,
                                   dispute_type="邻里纠纷", people_involved=2,
                                   measure="watch" if level != "yellow" else
                                   "mediated_on_site")]
            ctx.patrols.record_visit(VisitDraft(
                plan_id=occurrence.plan_id, occurrence_on=occurrence.key, on=occurrence.on,
                village=village, team=list(occurrence.team), places="村委会、各村民小组",
                households_visited=12, findings=drafts))
        else:
            ctx.patrols.record_visit(VisitDraft(
                plan_id=occurrence.plan_id, occurrence_on=occurrence.key, on=occurrence.on,
                village=village, team=list(occurrence.team), places="村委会",
                households_visited=8, zero_report=True))
        done += 1
    upcoming = ctx.patrols.schedule(today + timedelta(days=1), today + timedelta(days=20),
                                    today)
    if upcoming:
        moved = upcoming[0]
        ctx.patrols.move_occurrence(moved.plan_id, moved.key, moved.on + timedelta(days=1),
                                    "10:00", "村里办喜事")
    assert plans


def test_a_month_of_patrols_at_1366x768(ctx: AppContext, qtbot: QtBot, mid_month: date) -> None:
    demo_month(ctx, mid_month)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.show_page(PAGE_PATROLS)
    QApplication.processEvents()
    view = window.patrol_view
    marks = {o.mark for o in view.calendar.month_model.all_occurrences()}
    assert {"done", "zero", "missed", "cancelled", "upcoming"} <= marks
    assert view.findings.model.rowCount() >= 1
    view.calendar.select_day(mid_month)
    QApplication.processEvents()
    save_shot(window, "patrol_page")
    view.tabs.setCurrentWidget(view.plans)
    QApplication.processEvents()
    save_shot(view.tabs, "patrol_plans")


def test_export_calendar_and_print_timetable(ctx: AppContext, qtbot: QtBot, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    _add_plan(ctx, "湖二村定期排查", ("湖二村",), "林春梅", TODAY.replace(day=1),
              "FREQ=DAILY;INTERVAL=10")
    view = _view(ctx, qtbot)
    target = tmp_path / "排查日程"
    view.ics_path = lambda suggested: target  # type: ignore[method-assign]
    view.export_button.click()
    saved = target.with_suffix(".ics")
    calendar = icalendar.Calendar.from_ical(saved.read_bytes())
    events = [e for e in calendar.walk("VEVENT")]
    assert events and all("湖二村" in str(e.get("summary")) + str(e.get("location"))
                          for e in events)
    assert str(saved) in view.status.text()

    shown: list[tuple[bytes, str]] = []
    monkeypatch.setattr(view, "preview", lambda pdf, title, kind: shown.append((pdf, kind)))
    view.print_button.click()  # built on a worker thread, then previewed
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    pdf, kind = shown[0]
    assert pdf.startswith(b"%PDF") and kind == "patrol_timetable"


def test_risk_levels_tab_changes_a_findings_deadline(ctx: AppContext, qtbot: QtBot) -> None:
    tab = PatrolRiskSettings(ctx)
    qtbot.addWidget(tab)
    tab.show()
    tab.hours["red"].setValue(48)
    tab.targets["red"].setCurrentText("湖头派出所")
    assert tab.hints["red"].text()  # "= 2 天"
    assert tab.save(), tab.message.text()
    red = ctx.patrol_settings.risk_level("red")
    assert (red.response_hours, red.escalation_target) == (48, "湖头派出所")

    plan_id = _add_plan(ctx, "湖二村定期排查", ("湖二村",), "林春梅", TODAY)
    occurrence = next(o for o in ctx.patrols.schedule(TODAY, TODAY) if o.plan_id == plan_id)
    dialog = VisitDialog(ctx, None, occurrence)
    qtbot.addWidget(dialog)
    dialog._ask_keep = lambda: QMessageBox.StandardButton.No  # type: ignore[method-assign]
    editor = dialog.editors[0]
    editor.risk_box.setCurrentIndex(editor.risk_box.findData("red"))
    assert editor.due_edit.date().toPython() == TODAY + timedelta(days=2)
    assert editor.target_box.currentText() == "湖头派出所"


def test_timetable_preview_saves_without_a_case(ctx: AppContext, qtbot: QtBot,
                                                tmp_path: Path, mid_month: date) -> None:
    """A patrol document belongs to no case: saving it must not report a failed filing."""
    demo_month(ctx, mid_month)
    pdf = documents.patrol_timetable(ctx.patrols.month_sheet(mid_month.year, mid_month.month))
    document = RenderedDocument(
        case_id="", kind="patrol_timetable", title="排查表", pdf=pdf,
        pages=documents.page_count(pdf), sha256=hashlib.sha256(pdf).hexdigest(),
        default_copies=1, warnings=())
    dialog = PatrolPreviewDialog(ctx, document)
    qtbot.addWidget(dialog)
    dialog.resize(1100, 700)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.pdf.status() == QPdfDocument.Status.Ready, timeout=5000)
    qtbot.wait(300)  # QPdfView paints asynchronously
    save_shot(dialog, "patrol_timetable_preview")
    written = dialog.save_to(tmp_path / "排查表.pdf")
    assert written is not None and written.read_bytes() == pdf
    assert dialog.filed_actions == ["save"]
    assert "#ffebee" not in dialog.message_label.styleSheet()  # no error shown


def test_a_visit_draft_on_today_resumes_the_visit_form(ctx: AppContext, qtbot: QtBot,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    plan_id = _add_plan(ctx, "湖二村定期排查", ("湖二村",), "林春梅", TODAY)
    occurrence = next(o for o in ctx.patrols.schedule(TODAY, TODAY) if o.plan_id == plan_id)
    form = VisitDialog(ctx, None, occurrence)
    qtbot.addWidget(form)
    type_text(form.places_edit, "村委会")
    form.drafts.save_now()
    draft_id = form.draft_id
    assert draft_id is not None
    form.done(0)  # left without deciding: the draft stays, as after a crash

    resumed: list[str | None] = []
    monkeypatch.setattr(VisitDialog, "ask", staticmethod(
        lambda parent, context, occurrence=None, **kw: resumed.append(kw.get("draft_id"))))
    view = TodayView(ctx)
    qtbot.addWidget(view)
    view.refresh()
    drafts = view.items("drafts")
    assert len(drafts) == 1 and "排查记录" in drafts[0].text(2)
    view.activate(drafts[0])
    assert resumed == [draft_id]


def test_ending_a_plan_from_the_plan_list(ctx: AppContext, qtbot: QtBot,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    _add_plan(ctx, "湖二村定期排查", ("湖二村",), "林春梅", TODAY - timedelta(days=14))
    view = _view(ctx, qtbot)
    view.tabs.setCurrentWidget(view.plans)
    view.plans.table.selectRow(0)
    assert view.plans.end_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    view.plans.end_button.click()
    plan = ctx.patrols.plans(active_only=False)[0]
    assert plan.until == TODAY, view.status.text()  # still active today: today's may be held
    assert f"{TODAY:%Y-%m-%d}" in view.plans.model.data(view.plans.model.index(0, 4))
    assert not any(o.on > TODAY for o in view.calendar.month_model.all_occurrences())


def test_month_turns_with_keys_and_grey_days(ctx: AppContext, qtbot: QtBot) -> None:
    view = _view(ctx, qtbot)
    start = (view.year, view.month)
    view.calendar.setFocus()
    qtbot.keyClick(view.calendar, Qt.Key.Key_PageDown)
    following = add_months(date(*start, 1), 1)
    assert (view.year, view.month) == (following.year, following.month)
    qtbot.keyClick(view.calendar, Qt.Key.Key_PageUp)
    assert (view.year, view.month) == start
    first_of_next = add_months(date(*start, 1), 1)
    grey = view.calendar.month_model.index_of(first_of_next)  # shown, greyed, after the 31st
    assert grey.isValid()
    qtbot.mouseClick(view.calendar.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.calendar.visualRect(grey).center())
    qtbot.waitUntil(lambda: (view.year, view.month) == (following.year, following.month))
    assert view.calendar.current_day() == first_of_next
    assert view.week.week is not None and view.week.week[0] <= first_of_next
