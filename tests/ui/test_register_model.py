"""The register's table model, tested without widgets: counts, pages, sorting, filters."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mediation_desk import clock
from mediation_desk.services.cases.drafts import PartyDraft
from mediation_desk.services.cases.register import CaseFilter
from mediation_desk.services.cases.register_pages import PAGE_SIZE
from tests.conftest import neighbour_draft
from ui.context import AppContext
from ui.models.register_model import RegisterModel


def _fill(ctx: AppContext, n: int) -> None:
    drafts = []
    for i in range(n):
        draft = neighbour_draft(received_on=date(2026, 1, 1) + timedelta(days=i % 300))
        draft.parties = [PartyDraft(side="applicant", name=f"申请人{i}", phone="13912345678"),
                         PartyDraft(side="respondent", name=f"被申请人{i}")]
        drafts.append(draft)
    ctx.intake.register_many(drafts)


def test_pages_load_lazily_and_never_in_data(ctx: AppContext, qtbot: QtBot) -> None:
    _fill(ctx, PAGE_SIZE + 30)
    model = RegisterModel(ctx.pages)
    model.reload()
    assert model.rowCount() == PAGE_SIZE + 30
    assert model.columnCount() == 10
    first = model.index(0, 0)
    assert model.data(first).startswith("（2026）湖头人调字第")
    # A row on the second page is not loaded yet: a placeholder, then a fetch on the next turn.
    late = model.index(PAGE_SIZE + 5, 1)
    assert model.data(late) is None
    with qtbot.waitSignal(model.dataChanged, timeout=2000):
        pass
    assert model.data(late).startswith("申请人")


def test_phone_is_masked_and_overdue_is_red(ctx: AppContext) -> None:
    ctx.intake.register(neighbour_draft(received_on=clock.today() - timedelta(days=45)))
    model = RegisterModel(ctx.pages)
    model.reload()
    contact = model.index(0, 3)
    assert model.data(contact) == "139****5678"
    days = model.index(0, 8)
    assert "15" in model.data(days)
    assert model.data(days, Qt.ItemDataRole.ForegroundRole) is not None


def test_sort_and_filter(ctx: AppContext) -> None:
    ctx.intake.register(neighbour_draft(received_on=date(2025, 5, 1)))
    ctx.intake.register(neighbour_draft(received_on=date(2026, 5, 1), village="美溪村"))
    model = RegisterModel(ctx.pages)
    model.reload()
    received = 7
    assert model.data(model.index(0, received)) == "2026-05-01"
    model.sort(received, Qt.SortOrder.AscendingOrder)
    assert model.data(model.index(0, received)) == "2025-05-01"
    model.reload(CaseFilter(village="美溪村"))
    assert model.rowCount() == 1
    assert model.data(model.index(0, 5)) == "美溪村"
