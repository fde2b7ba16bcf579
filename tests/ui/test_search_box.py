"""The window's search lists one row per case: number, title, status, the best snippets with
the matched words marked; Enter opens the case (issue 16, item 4)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mediation_desk.domain.lifecycle import Step
from mediation_desk.services.cases.drafts import PartyDraft, RecordDraft
from tests.conftest import neighbour_draft
from tests.ui.conftest import save_shot, type_text
from ui.context import AppContext
from ui.fonts import apply_ui_font, bundled_ui_font
from ui.main_window import MainWindow
from ui.views.cases.case_view import CaseView
from ui.widgets.marked_text import MARKS_ROLE, marked_html
from ui.widgets.search_box import COL_NUMBER, COL_SNIPPETS, COL_STATUS, COL_TITLE


@pytest.fixture
def window(ctx: AppContext, qtbot: QtBot) -> MainWindow:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture(params=[1.0, 1.5], ids=["100%", "150%"])
def text_scale(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[float]:
    before = qapp.font()
    apply_ui_font(qapp, request.param, bundled_ui_font())
    yield float(request.param)
    qapp.setFont(before)


def _two_cases(ctx: AppContext) -> tuple[str, str]:
    first = ctx.intake.register(neighbour_draft()).cases[0]
    second = ctx.intake.register(neighbour_draft(
        summary="张喆的邻居王㛃反映山林界址不清。", dispute_type="山林土地纠纷",
        parties=[PartyDraft(side="applicant", name="王㛃"),
                 PartyDraft(side="respondent", name="苏堃")])).cases[0]
    ctx.casework.take_step(first.case_id, Step.NOTIFY_RIGHTS)
    ctx.casework.add_record(first.case_id, RecordDraft(
        "investigation", datetime(2026, 11, 3, 10), body="询问张喆院墙受损情况"))
    return first.case_id, second.case_id


def test_one_row_per_case_with_status_and_marked_snippets(
        window: MainWindow, ctx: AppContext, qtbot: QtBot, text_scale: float) -> None:
    first, second = _two_cases(ctx)
    box = window.search_box
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_text(box, "张喆")
    found = box.run_search()
    results = box.results
    # The case matched in its title, party, facts and a record: still one row.
    assert [h.case_id for h in found] == [first, second]
    assert results.topLevelItemCount() == 2
    headers = [results.headerItem().text(c) for c in range(results.columnCount())]
    assert headers == ["案件编号", "标题", "状态", "匹配内容"]
    row = results.topLevelItem(0)
    assert row.text(COL_NUMBER) == found[0].number
    assert row.text(COL_TITLE) == "张喆与李明邻里纠纷"
    assert row.text(COL_STATUS) == "调查中"
    assert row.text(COL_SNIPPETS).startswith("当事人：")
    assert "纠纷简要情况：" in row.text(COL_SNIPPETS)
    # Every marked span of the snippet column is the name typed.
    text = row.text(COL_SNIPPETS)
    spans = row.data(COL_SNIPPETS, MARKS_ROLE)
    assert spans and {text[a:b] for a, b in spans} == {"张喆"}
    assert row.data(COL_TITLE, MARKS_ROLE) == [(0, 2)]
    assert results.topLevelItem(1).text(COL_STATUS) == "已登记"
    # The list is on the screen and its columns are not cut.
    popup = box.popup
    assert popup.isVisible()
    screen = box.screen().availableGeometry()
    assert screen.contains(popup.frameGeometry())
    save_shot(popup, f"search_by_case_{round(text_scale * 100)}")
    # Enter opens the case the current row names.
    assert results.currentItem() is row
    qtbot.keyClick(results, Qt.Key.Key_Return)
    view = window.case_tabs.currentWidget()
    assert isinstance(view, CaseView) and view.case_id == first
    assert not popup.isVisible()


def test_nothing_found_says_so(window: MainWindow, ctx: AppContext) -> None:
    type_text(window.search_box, "不存在的词语")
    assert window.search_box.run_search() == []
    only = window.search_box.results.topLevelItem(0)
    assert "不存在的词语" in only.text(COL_TITLE)
    assert not only.flags() & Qt.ItemFlag.ItemIsEnabled


def test_marked_html_escapes_and_bolds() -> None:
    assert marked_html("a<张喆>", [(2, 4)]) == "a&lt;<b>张喆</b>&gt;"
