"""The window's edge (issue 11, item 5): text with a direction override or a control
character, a count or text beyond the documented limits, is refused beside its field when the
case is registered — nothing is written — exactly as an import or the command line refuses it.
(Shown here: "赔偿\u202e0005元" displays as 赔偿元5000.)"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.conftest import save_shot, type_text
from ui.context import AppContext
from ui.dialogs.cases.intake_dialog import IntakeDialog

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints",
                                       "does not support raise", "does not support grabbing")


def test_hostile_text_is_refused_beside_its_field(ctx: AppContext, qtbot: QtBot) -> None:
    dialog = IntakeDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog._inform = lambda title, text: None  # type: ignore[method-assign]
    dialog._ask_keep = lambda: QMessageBox.StandardButton.No  # type: ignore[method-assign]
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.case.type_box.setCurrentText("邻里纠纷")
    type_text(dialog.case.village_box.lineEdit(), "湖二村")
    type_text(dialog.case.summary_edit, "赔偿\u202e0005元")  # shows as 赔偿元5000
    grid, editor = dialog.grid, dialog.grid.editor
    grid.select(0)
    type_text(editor.name_edit, "张\u202e三")
    grid.select(1)
    type_text(editor.name_edit, "李明")

    dialog.accept()

    assert dialog.isVisible() and dialog.result() != IntakeDialog.DialogCode.Accepted
    assert ctx.pages.count() == 0
    shown = " ".join(label.text() for label in dialog.case.messages.values()) + " " + \
        " ".join(label.text() for label in editor.messages.values()) + " " + \
        grid.general_message.text()
    assert "改变文字方向的隐藏字符（U+202E）" in shown
    grid.select(0)
    assert "改变文字方向" in editor.messages["name"].text()
    save_shot(dialog, "intake_refused_direction_override")
