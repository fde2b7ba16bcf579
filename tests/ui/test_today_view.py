"""工作台: an overdue case, a follow-up due, today's session and an unfinished intake draft."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from mediation_desk.domain.lifecycle import Step
from mediation_desk.services.cases.drafts import AgreementDraft, RecordDraft, TermDraft
from mediation_desk.store.changes import ChangeSet
from tests.conftest import SUITE_NOW, neighbour_draft
from tests.ui.conftest import save_shot
from ui.context import AppContext
from ui.views.today_view import TodayView

TODAY = SUITE_NOW.date()
# A view shown as its own window offscreen: the platform cannot apply size hints (harmless).
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _agreed_case(ctx: AppContext) -> str:
    case_id = ctx.intake.register(neighbour_draft(
        received_on=TODAY - timedelta(days=10), dispute_type="宅基地纠纷",
        summary="双方因宅基地界址发生争执。")).cases[0].case_id
    ctx.casework.take_step(case_id, Step.NOTIFY_RIGHTS)
    ctx.casework.add_record(case_id, RecordDraft(
        "mediation", datetime.combine(TODAY - timedelta(days=2), time(9, 30)),
        place="问房调解室", participants=["张喆", "李明"], body="双方陈述，调解员释法说理。"))
    ctx.casework.record_agreement(case_id, AgreementDraft(
        reached_on=TODAY - timedelta(days=2), facts="界址不清", issues="界址",
        responsibilities="双方各让一步",
        terms=[TermDraft("李明于本月底前拆除越界围墙", obligor="李明", obligee="张喆",
                         due_on=TODAY + timedelta(days=20))]))
    return case_id


def _view(ctx: AppContext, qtbot: QtBot) -> TodayView:
    view = TodayView(ctx)
    qtbot.addWidget(view)
    view.resize(1248, 690)  # the 1366×768 window less navigation, toolbar and status bar
    view.show()
    QApplication.processEvents()
    return view


def _find(view: TodayView, section: str, needle: str) -> QTreeWidgetItem:
    for item in view.items(section):
        if any(needle in item.text(column) for column in range(4)):
            return item
    raise AssertionError(f"{needle!r} not in {section}: "
                         f"{[item.text(1) for item in view.items(section)]}")


def test_the_day_shows_what_is_due_and_opens_it(ctx: AppContext, qtbot: QtBot) -> None:
    overdue = ctx.intake.register(neighbour_draft(received_on=TODAY - timedelta(days=40)))
    overdue_id, overdue_number = overdue.cases[0].case_id, overdue.cases[0].number
    agreed_id = _agreed_case(ctx)
    ctx.casework.schedule_followup(agreed_id, TODAY)
    ctx.casework.schedule_session(agreed_id, datetime.combine(TODAY, time(15, 0)),
                                  place="湖二村村委会")
    draft_id = ctx.autosave.save("intake", {"summary": "王秀英与陈建国土地承包纠纷"},
                                 title="王秀英 土地承包纠纷")

    view = _view(ctx, qtbot)
    assert ctx.actor.name in view.greeting_label.text()
    assert f"{TODAY.year}年{TODAY.month}月{TODAY.day}日" in view.greeting_label.text()
    assert view.stack.currentWidget() is view.tree

    late = _find(view, "deadlines", overdue_number)
    assert "已超过调解期限10天" in late.text(2)
    assert late.foreground(0).color().name() == "#c62828"
    assert view.section_items["deadlines"].text(0).endswith("（1）")
    _find(view, "followups", "回访日期")
    _find(view, "sessions", "15:00 湖二村村委会")
    draft = _find(view, "drafts", "王秀英 土地承包纠纷")
    save_shot(view, "today_view")

    with qtbot.waitSignal(view.open_case, timeout=1000) as opened:
        view.tree.setCurrentItem(late)
        qtbot.keyClick(view.tree, Qt.Key.Key_Return)
    assert opened.args == [overdue_id]
    with qtbot.waitSignal(view.open_case, timeout=1000) as opened:
        view.activate(_find(view, "followups", "回访日期"))
    assert opened.args == [agreed_id]
    with qtbot.waitSignal(view.resume_intake, timeout=1000) as resumed:
        view.tree.itemDoubleClicked.emit(draft, 1)
    assert resumed.args == [draft_id]


def test_a_record_draft_opens_its_case(ctx: AppContext, qtbot: QtBot) -> None:
    case_id = ctx.intake.register(neighbour_draft(received_on=TODAY)).cases[0].case_id
    ctx.autosave.save("record", {"body": "调解笔录草稿"}, case_ref=case_id, title="调解笔录")
    view = _view(ctx, qtbot)
    with qtbot.waitSignal(view.open_case, timeout=1000) as opened:
        view.activate(_find(view, "drafts", "调解笔录"))
    assert opened.args == [case_id]


def test_refreshes_only_for_changes_it_shows(ctx: AppContext, qtbot: QtBot) -> None:
    view = _view(ctx, qtbot)
    assert view.stack.currentWidget() is view.empty_label  # a new register: nothing due
    save_shot(view, "today_view_empty")

    draft_id = ctx.autosave.save("intake", {"summary": "…"}, title="未写完的登记")
    assert view.stack.currentWidget() is view.tree
    assert [item.text(1) for item in view.items("drafts")] == ["未写完的登记"]
    view.tree.setCurrentItem(view.items("drafts")[0])
    ctx.autosave.save("intake", {"summary": "……"}, draft_id=draft_id, title="未写完的登记")
    assert view.tree.currentItem() is view.items("drafts")[0]  # selection survives a reload
    ctx.autosave.discard(draft_id)
    assert view.items("drafts") == []
    assert view.stack.currentWidget() is view.empty_label

    calls: list[int] = []
    view.refresh = lambda: calls.append(1)  # type: ignore[method-assign]
    ctx.bus.publish(ChangeSet({"settings", "dictionary"}))
    assert calls == []
    ctx.bus.publish(ChangeSet({"appointment"}))
    assert calls == [1]
    view.hide()
    ctx.bus.publish(ChangeSet({"case"}))
    assert calls == [1]  # hidden: only marked stale …
    view.show()
    assert calls == [1, 1]  # … and reloaded when shown
