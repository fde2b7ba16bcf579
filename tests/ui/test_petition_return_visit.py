"""回访 on the 接访 page, clicked through on a real register: a request closed with the person
unsatisfied offers its return visit; the dialog records what was found and the satisfaction
now, and the detail pane shows it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from mediation_desk.domain import petitions as rules
from mediation_desk.services.petitions.types import AnswerDraft
from tests.ui.conftest import save_shot, type_text
from tests.ui.test_petition_view import _draft, _ok, _window, on_dialog
from ui.context import AppContext
from ui.dialogs.petitions.return_visit_dialog import ReturnVisitDialog

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints",
                                       "does not support raise", "does not support grabbing")


def test_an_unsatisfied_persons_return_visit_through_its_dialog(ctx: AppContext,
                                                               qtbot: QtBot) -> None:
    received = ctx.petitions.receive(_draft())
    ctx.petitions.assess(received.id, "answer", "属政策咨询，当面解释即可。")
    ctx.petitions.reply(received.id, AnswerDraft(text="已当面解释宅基地审批政策。"))
    ctx.petitions.close(received.id, "unsatisfied")
    window = _window(ctx, qtbot)
    view = window.petition_view
    view.select(received.id)
    assert not view.edit_button.isEnabled()  # closed: the registration stands
    button = view.detail.buttons[rules.RETURN_VISIT]
    assert button.isEnabled()
    due = ctx.petitions.detail(received.id).return_visits[0].due_on
    assert due.isoformat() in view.detail.loop.toPlainText()  # due, shown before the visit
    seen: dict[str, object] = {}

    def visit(dialog: QDialog) -> None:
        assert isinstance(dialog, ReturnVisitDialog)
        assert dialog.visit_box.count() == 1
        _ok(dialog)  # nothing found written down: refused beside the field, dialog open
        seen["refused"] = [label.text() for label in dialog.error_labels()]
        assert dialog.isVisible()
        type_text(dialog.result_edit, "再次解释政策后，来访人表示理解。")
        dialog.satisfaction_box.setCurrentIndex(dialog.satisfaction_box.findData("basic"))
        save_shot(dialog, "petition_return_visit_dialog")
        _ok(dialog)

    on_dialog(ReturnVisitDialog, visit, seen)
    button.click()
    assert "error" not in seen and "left_open" not in seen, seen
    assert seen["refused"] == ["不能为空"], seen
    visits = ctx.petitions.detail(received.id).return_visits
    assert len(visits) == 1 and visits[0].done_on is not None
    assert visits[0].satisfaction == "basic"
    shown = view.detail.loop.toPlainText()
    assert "再次解释政策后，来访人表示理解。" in shown and "基本满意" in shown
    assert not button.isEnabled()  # nothing left to visit
