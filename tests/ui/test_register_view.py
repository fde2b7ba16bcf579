"""The register's risk column and legend, and its 在办 filter, on a room's demo data at
100 % and 150 % text (issue 16, item 7)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mediation_desk.domain.lifecycle import CaseStatus
from mediation_desk.services.cases.register import IN_HAND
from mediation_desk.services.demo.fill import fill_demo
from tests.ui.conftest import save_shot
from ui.context import AppContext
from ui.fonts import apply_ui_font, bundled_ui_font
from ui.main_window import PAGE_CASES, MainWindow


@pytest.fixture(params=[1.0, 1.5], ids=["100%", "150%"])
def text_scale(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[float]:
    before = qapp.font()
    apply_ui_font(qapp, request.param, bundled_ui_font())
    yield float(request.param)
    qapp.setFont(before)


def test_risk_legend_and_in_hand(ctx: AppContext, qtbot: QtBot, text_scale: float) -> None:
    fill_demo(ctx.store, ctx.actor, cases=40, seed=3)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1366, 728)
    win.show()
    qtbot.waitExposed(win)
    win.show_page(PAGE_CASES)
    view = win.register_view
    model = view.model
    assert view.legend.isVisible() and "红色风险" in view.legend.text()
    assert "已结案的不标" in view.legend.text()
    everything = model.rowCount()
    status, risk = model.column_of("status"), model.column_of("risk_level")
    closed_labels = {"已结案", "已归档"}
    for row in range(everything):
        tint = model.data(model.index(row, 0), Qt.ItemDataRole.BackgroundRole)
        if model.data(model.index(row, status)) in closed_labels:
            assert tint is None
        assert model.data(model.index(row, risk)) in {"红", "橙", "黄", "蓝"}
    # The header says what the column is, and it is wide enough for its values.
    assert model.headerData(risk, Qt.Orientation.Horizontal) == "风险等级"
    assert view.table.columnWidth(risk) >= view.table.fontMetrics().horizontalAdvance("风险等级")
    save_shot(win, f"register_risk_{round(text_scale * 100)}")

    view.status_box.setCurrentIndex(view.status_box.findData(IN_HAND))
    assert view.status_box.currentText() == "在办"
    in_hand = model.rowCount()
    assert 0 < in_hand < everything
    shown = {model.data(model.index(r, status)) for r in range(in_hand)}
    assert not shown & closed_labels
    assert ctx.pages.count(view.current_filter()) == in_hand
    assert all(s.value != IN_HAND for s in CaseStatus)
    save_shot(win, f"register_in_hand_{round(text_scale * 100)}")
