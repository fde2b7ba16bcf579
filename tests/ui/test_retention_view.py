"""保存期限 page: files due are listed and anonymised after a confirmation; periods are saved;
a mediator only looks."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from mediation_desk import clock
from mediation_desk.domain.lifecycle import Step
from mediation_desk.services.safety.accounts import open_register
from mediation_desk.services.safety.retention import RetentionService
from tests.conftest import Register, neighbour_draft
from tests.ui.conftest import save_shot
from ui.context import AppContext
from ui.main_window import PAGE_SETTINGS, MainWindow
from ui.views.safety.retention_view import RetentionView

FAR_FUTURE = date(2099, 1, 1)


def _archived(ctx: AppContext) -> tuple[str, str]:
    registered = ctx.intake.register(neighbour_draft()).cases[0]
    ctx.casework.take_step(registered.case_id, Step.REFUSE, "被申请人拒绝调解")
    ctx.casework.take_step(registered.case_id, Step.CLOSE)
    ctx.casework.take_step(registered.case_id, Step.ARCHIVE)
    return registered.case_id, ctx.case_detail.load(registered.case_id).number


def _view(ctx: AppContext, qtbot: QtBot) -> RetentionView:
    view = RetentionView(ctx)
    qtbot.addWidget(view)
    view.resize(1248, 690)
    view.show()
    return view


def test_an_administrator_anonymises_a_file_due(ctx: AppContext, qtbot: QtBot) -> None:
    case_id, number = _archived(ctx)
    view = _view(ctx, qtbot)
    assert view.numbers() == []  # archived today: years to go
    assert not view.anonymise_button.isEnabled()
    view.refresh(FAR_FUTURE)
    assert view.numbers() == [number]
    asked: list[int] = []

    def refuse(count: int) -> bool:
        asked.append(count)
        return False

    view._confirm = refuse  # type: ignore[method-assign]
    assert not view.anonymise_selected()  # nothing ticked: nothing asked
    view.set_checked(case_id)
    assert view.anonymise_button.isEnabled()
    save_shot(view, "retention_due")
    assert not view.anonymise_selected()  # "No": nothing changes
    assert asked == [1] and view.numbers() == [number]
    assert "张喆" in ctx.case_detail.load(case_id).title

    view._confirm = lambda count: True  # type: ignore[method-assign]
    assert view.anonymise_selected()
    assert ctx.case_detail.load(case_id).title.startswith("当事人甲与当事人乙")
    assert view.numbers() == [] and not view.anonymise_button.isEnabled()
    assert view.due_message.kind == "note" and number in view.due_message.text()
    save_shot(view, "retention_done")


def test_a_changed_period_is_saved(ctx: AppContext, qtbot: QtBot) -> None:
    case_id, number = _archived(ctx)
    view = _view(ctx, qtbot)
    assert view.default_spin.value() == 10 and "邻里纠纷" in view.spins
    archived = ctx.case_detail.load(case_id)
    assert archived.number == number
    in_eleven_years = date(clock.today().year + 11, 1, 1)
    view.refresh(in_eleven_years)
    assert view.numbers() == [number]
    view.spins["邻里纠纷"].setValue(30)
    view.default_spin.setValue(12)
    assert view.save()
    assert view.policy_message.kind == "note"
    policy = RetentionService(ctx.store, ctx.actor).policy()
    assert policy[""] == 12 and policy["邻里纠纷"] == 30
    assert "婚姻家庭纠纷" not in policy  # untouched rows keep following the default
    assert view.numbers() == []  # 30 years now: not due in eleven
    assert view.spins["邻里纠纷"].minimum() == 1  # a period of its own from now on


def test_a_director_sees_the_files_but_no_actions_and_a_mediator_neither(
        ctx: AppContext, register: Register, qtbot: QtBot) -> None:
    """Which files are due is for the director and the administrator (issue 11: a mediator
    could run ``retention due``); only the administrator anonymises."""
    _archived(ctx)
    ctx.accounts.add("zhu", "director", "zhuren-2026", "主任")
    ctx.accounts.add("lin", "mediator", "chunmei-2026", "林春梅")
    register.store.close()  # one register open per process
    for name, password, sees in (("zhu", "zhuren-2026", True), ("lin", "chunmei-2026", False)):
        store, actor = open_register(register.path, name, password)
        try:
            view = _view(AppContext.build(store, actor), qtbot)
            view.refresh(FAR_FUTURE)
            assert len(view.numbers()) == (1 if sees else 0)
            assert view.due_box.isVisibleTo(view) == sees
            assert view.read_only_note.isVisible()
            for button in (view.save_button, view.anonymise_button, view.select_all_button):
                assert not button.isVisible()
            assert not view.default_spin.isEnabled()
            assert not any(spin.isEnabled() for spin in view.spins.values())
            assert view.checked_ids() == [] and not view.anonymise_selected()
            save_shot(view, f"retention_{actor.role}")
        finally:
            store.close()


def test_the_page_is_the_fourth_settings_tab(ctx: AppContext, qtbot: QtBot) -> None:
    _archived(ctx)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.show_page(PAGE_SETTINGS)
    tabs = window.settings_tabs
    assert tabs.indexOf(window.retention_view) == 3
    tabs.setCurrentWidget(window.retention_view)
    window.retention_view.refresh(FAR_FUTURE)
    qtbot.wait(20)
    save_shot(window, "retention_window")
