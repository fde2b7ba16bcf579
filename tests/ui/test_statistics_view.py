"""The 统计 page and the report dialogs, offscreen, on a real register: the figures beside last
year, a click down to the cases, the charts and their PNGs, the workbook written in the
background; 统计事项 and the 以案释法 editor from a case."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCharts import QScatterSeries, QStackedBarSeries
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from mediation_desk import clock
from mediation_desk.domain.lifecycle import Step
from mediation_desk.domain.periods import Period
from mediation_desk.services.cases.drafts import AgreementDraft, TermDraft
from mediation_desk.services.statistics.types import CaseLine
from mediation_desk.store.models import Brief, Case
from tests.conftest import neighbour_draft
from tests.ui.conftest import save_shot, type_text
from ui.context import AppContext
from ui.dialogs.briefs.brief_dialog import BriefDialog
from ui.dialogs.statistics.case_facts_dialog import CaseFactsDialog
from ui.dialogs.statistics.cases_dialog import CasesDialog
from ui.views.statistics.statistics_view import StatisticsView

TODAY = date(2026, 12, 10)


@pytest.fixture(autouse=True)
def pinned_clock() -> object:
    with clock.pinned(TODAY):
        yield


def _cases(ctx: AppContext) -> list[str]:
    """Three November cases: two agreed (one on 30 November), one terminated."""
    ids = []
    for received, agreed, amount in ((date(2026, 11, 2), date(2026, 11, 5), 500000),
                                     (date(2026, 11, 20), date(2026, 11, 30), 120000),
                                     (date(2026, 11, 25), None, 0)):
        case_id = ctx.intake.register(neighbour_draft(received_on=received)).cases[0].case_id
        ctx.casework.take_step(case_id, Step.NOTIFY_RIGHTS)
        if agreed:
            ctx.casework.record_agreement(case_id, AgreementDraft(
                form="written", reached_on=agreed, terms=[TermDraft(
                    "李明赔偿张喆", obligor="李明", obligee="张喆", amount_fen=amount)]))
        else:
            ctx.casework.take_step(case_id, Step.TERMINATE, "分歧较大", on=date(2026, 11, 28))
        ids.append(case_id)
    return ids


def _view(ctx: AppContext, qtbot: QtBot) -> StatisticsView:
    view = StatisticsView(ctx)
    qtbot.addWidget(view)
    view.resize(1248, 680)
    view.show()
    qtbot.waitExposed(view)
    view.picker.set_period(Period.month(2026, 11))
    return view


def _row(view: StatisticsView, label: str) -> int:
    return next(i for i, r in enumerate(view.figures.rows) if r.label == label)


def test_the_figures_beside_last_year_and_the_cases_behind(ctx: AppContext, qtbot: QtBot,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    ids = _cases(ctx)
    view = _view(ctx, qtbot)
    received = _row(view, "受理纠纷（件）")
    assert view.figures.item(received, 1).text() == "3"
    assert view.figures.item(received, 2).text() == "0"
    assert view.figures.item(received, 3).text() == "+3"
    rate = _row(view, "调解成功率")
    assert view.figures.item(rate, 1).text() == "66.7%"
    amount = _row(view, "协议涉及金额（元）")
    assert view.figures.item(amount, 1).text() == "6,200.00"
    neighbours = next(i for i, t in enumerate(view.types.types) if t.label == "邻里纠纷")
    assert view.types.item(neighbours, 1).text() == "3"

    asked: list[tuple[str, list[CaseLine]]] = []

    def fake_ask(parent: object, title: str, lines: list[CaseLine]) -> str | None:
        asked.append((title, lines))
        return lines[0].id

    monkeypatch.setattr(CasesDialog, "ask", fake_ask)
    opened: list[str] = []
    view.open_case.connect(opened.append)
    terminated = _row(view, "终止调解（件）")
    view.figures.setCurrentCell(terminated, 0)
    qtbot.keyClick(view.figures, Qt.Key.Key_Return)
    assert [line.id for line in asked[-1][1]] == [ids[2]]
    assert opened == [ids[2]] and "2026年11月" in asked[-1][0]
    view.types.cellDoubleClicked.emit(neighbours, 0)
    assert {line.id for line in asked[-1][1]} == set(ids)
    save_shot(view, "statistics_figures")

    view.picker.step(-1)  # October: nothing received
    assert view.figures.item(_row(view, "受理纠纷（件）"), 1).text() == "0"


def test_new_cases_refresh_the_page(ctx: AppContext, qtbot: QtBot) -> None:
    view = _view(ctx, qtbot)
    assert view.figures.item(_row(view, "受理纠纷（件）"), 1).text() == "0"
    ctx.intake.register(neighbour_draft(received_on=date(2026, 11, 3)))
    assert view.figures.item(_row(view, "受理纠纷（件）"), 1).text() == "1"


def test_the_charts_and_their_pictures(ctx: AppContext, qtbot: QtBot, tmp_path: Path) -> None:
    _cases(ctx)
    view = _view(ctx, qtbot)
    view.tabs.setCurrentIndex(3)
    bars = view.type_panel.view.chart().series()[0]
    assert isinstance(bars, QStackedBarSeries)
    assert sum(s.at(11) for s in bars.barSets()) == 3  # November is the last of twelve
    dots = [s for s in view.rate_panel.view.chart().series() if isinstance(s, QScatterSeries)]
    assert [(p.x(), p.y()) for p in dots[0].points()] == [(11.0, 66.7)]
    coverage = view.coverage_panel.view.chart().series()
    assert sum(s.count() for s in coverage) == 26 * 30  # every village, every day
    for i, panel in enumerate((view.type_panel, view.rate_panel, view.coverage_panel)):
        view.charts.setCurrentIndex(i)
        qtbot.wait(20)
        written = panel.export_png(tmp_path / f"chart{i}")
        image = QImage(str(written))
        assert written.suffix == ".png" and image.width() > 300 and image.height() > 200
        save_shot(view, f"statistics_chart{i}")


def test_the_county_workbook_is_written_in_the_background(ctx: AppContext, qtbot: QtBot,
                                                          tmp_path: Path) -> None:
    _cases(ctx)
    view = _view(ctx, qtbot)
    done: list[Path] = []
    view.write_workbook(tmp_path / "县局报表", on_finished=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=20000)
    assert done[0].name == "县局报表.xlsx"
    wb = load_workbook(done[0], data_only=True)
    title, ref = next(iter(wb.defined_names["received"].destinations))
    assert wb[title][ref.replace("$", "")].value == 3
    assert "已保存到" in view.message.text()


def test_report_facts_are_recorded_from_the_case(ctx: AppContext, qtbot: QtBot) -> None:
    case_id = _cases(ctx)[0]
    dialog = CaseFactsDialog(ctx, case_id)
    qtbot.addWidget(dialog)
    box, spin = dialog.prevention["prevented_criminal"]
    assert spin is not None and not spin.isEnabled()
    box.setChecked(True)
    spin.setValue(2)
    dialog.applied_box.setChecked(True)
    dialog.court_edit.setText("")
    dialog.accept()
    assert any("受理法院" in label.text() or "不能为空" in label.text()
               for label in dialog.error_labels())
    assert not Case.get_by_id(case_id).prevented_criminal  # refused: nothing written
    type_text(dialog.court_edit, "安溪县人民法院")
    dialog.result_box.setCurrentIndex(1)
    dialog.applied_edit.setDate(dialog.applied_edit.date().addDays(-3))
    dialog.ruled_edit.setDate(dialog.ruled_edit.date().addDays(-1))
    save_shot(dialog, "case_facts_dialog")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted, [lab.text() for lab in
                                                          dialog.error_labels()]
    case = Case.get_by_id(case_id)
    assert case.prevented_criminal and case.prevented_criminal_people == 2


def test_the_brief_editor_refuses_a_name_until_it_is_removed(ctx: AppContext,
                                                            qtbot: QtBot) -> None:
    case_id = _cases(ctx)[0]
    dialog = BriefDialog(ctx, case_id)
    qtbot.addWidget(dialog)
    dialog.resize(1248, 700)
    dialog.show()
    assert dialog.save_button.isEnabled()
    assert "张某" in dialog.editors["facts"].toPlainText()
    process = dialog.editors["process"]
    process.moveCursor(process.textCursor().MoveOperation.End)
    type_text(process, "张喆当场表示同意。")
    qtbot.waitUntil(lambda: dialog.leaks.count() > 0, timeout=3000)
    assert not dialog.save_button.isEnabled()
    assert "张喆" in dialog.leaks.item(0).text()
    assert process.extraSelections()  # the name is marked in the text
    save_shot(dialog, "brief_dialog_leak")
    process.setPlainText(process.toPlainText().replace("张喆", "申请人"))
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=3000)
    assert dialog.save()
    assert Brief.select().where(Brief.case == case_id).count() == 1
    save_shot(dialog, "brief_dialog_saved")


def test_a_report_preview_saves_and_audits_the_report(ctx: AppContext, qtbot: QtBot,
                                                      tmp_path: Path) -> None:
    from mediation_desk.store.models import AuditEvent
    from ui.dialogs.statistics.report_preview import ReportPreviewDialog

    _cases(ctx)
    period = Period.month(2026, 11)
    document = ctx.reports.render("disclosure", period)
    dialog = ReportPreviewDialog(ctx, document, period)
    qtbot.addWidget(dialog)
    written = dialog.save_to(tmp_path / "公示.pdf")
    assert written is not None and written.read_bytes() == document.pdf
    assert dialog.filed_actions == ["save"]
    event = AuditEvent.select().order_by(AuditEvent.seq.desc()).first()
    assert (event.action, event.entity_id) == ("report", "2026年11月")


def test_the_article_library_is_edited_by_the_administrator(ctx: AppContext,
                                                            qtbot: QtBot) -> None:
    from ui.dialogs.briefs.articles_dialog import ArticlesDialog

    dialog = ArticlesDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.save_button.isEnabled()  # the test register's actor is its administrator
    dialog.list.setCurrentRow(0)
    assert dialog.key == "民法典:288"
    dialog.text_edit.setPlainText(dialog.text_edit.toPlainText() + "（本室注）")
    dialog.save()
    assert dialog.changed and ctx.articles.article("民法典:288").text.endswith("（本室注）")
    dialog.toggle_active()
    assert not ctx.articles.article("民法典:288").active
    assert "（已停用）" in dialog.list.item(0).text()


def test_case_counts_are_ticked_on_whole_numbers(qapp: object) -> None:
    """A bar of 2 must stand on the tick labelled 2 (Qt's default split of 0–5 put ticks at
    1.25, 2.5 … labelled "1", "2")."""
    from PySide6.QtCharts import QValueAxis

    from ui.views.statistics.charts import _whole_number_ticks

    for highest, top, ticks in ((0, 5, 6), (2, 5, 6), (9, 10, 6), (33, 35, 8), (99, 100, 6)):
        axis = QValueAxis()
        _whole_number_ticks(axis, highest)
        step = axis.max() / (axis.tickCount() - 1)
        assert (axis.min(), axis.max(), axis.tickCount()) == (0, top, ticks)
        assert step == int(step) and axis.max() > highest
