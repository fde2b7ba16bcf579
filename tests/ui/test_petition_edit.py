"""Correcting a registered request on the 接访 page, clicked through on a real register: the
编辑 button opens the receiving form filled with what was registered, a change is saved with
its before and after in the history and shown in the detail pane, a bad value is refused
beside its field with nothing written."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from mediation_desk.store.models import FieldChange, Petition
from tests.ui.conftest import save_shot, type_text
from tests.ui.test_petition_view import _draft, _ok, _window, on_dialog
from ui.context import AppContext
from ui.dialogs.petitions.request_edit_dialog import RequestEditDialog

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints",
                                       "does not support raise", "does not support grabbing")


def test_the_edit_button_corrects_the_registration(ctx: AppContext, qtbot: QtBot) -> None:
    received = ctx.petitions.receive(_draft())
    again = ctx.petitions.receive(_draft(content="再次反映排水沟问题。"))
    window = _window(ctx, qtbot)
    view = window.petition_view
    view.select(received.id)
    assert view.edit_button.isEnabled()
    seen: dict[str, object] = {}

    def edit(dialog: QDialog) -> None:
        assert isinstance(dialog, RequestEditDialog)
        # Filled with what was registered, the full ID number to correct.
        assert dialog.name_edit.text() == "郭秀琴"
        assert dialog.id_edit.text() == "11010519491231002X"
        assert dialog.village_box.currentText() == "美坂村"
        assert dialog.category_box.currentText() == "农村建房"
        dialog._show_earlier()  # the person's other visit, not the request itself
        note = dialog.earlier_note.text()
        assert again.number in note and f"{received.number} " not in note
        dialog.channel_box.setCurrentIndex(dialog.channel_box.findData("phone"))
        dialog.compound_box.setCurrentText("湖头花园")
        dialog.content_edit.clear()
        type_text(dialog.content_edit, "小区物业停水三天，要求尽快恢复供水。")
        save_shot(dialog, "petition_request_edit_dialog")
        _ok(dialog)

    on_dialog(RequestEditDialog, edit, seen)
    view.edit_button.click()
    assert "error" not in seen and "left_open" not in seen, seen
    detail = ctx.petitions.detail(received.id)
    assert detail.channel == "phone" and detail.compound == "湖头花园"
    assert "恢复供水" in view.detail.loop.toPlainText()
    fields = {c.field for c in FieldChange.select()
              .where(FieldChange.entity_id == received.id)}
    assert fields == {"channel", "compound", "content"}


def test_a_bad_edit_is_refused_beside_the_field_and_nothing_is_written(
        ctx: AppContext, qtbot: QtBot) -> None:
    received = ctx.petitions.receive(_draft())
    window = _window(ctx, qtbot)
    view = window.petition_view
    view.select(received.id)
    seen: dict[str, object] = {}

    def edit(dialog: QDialog) -> None:
        assert isinstance(dialog, RequestEditDialog)
        dialog.name_edit.clear()
        dialog.id_edit.setText("110105194912310021")
        _ok(dialog)
        seen["errors"] = [label.text() for label in dialog.error_labels()]
        seen["open"] = dialog.isVisible()
        dialog.reject()

    on_dialog(RequestEditDialog, edit, seen)
    view.edit_button.click()
    assert "error" not in seen, seen
    assert seen["open"] is True
    errors = seen["errors"]
    assert isinstance(errors, list) and len(errors) == 2
    assert any("不能为空" in e for e in errors)
    assert Petition.get_by_id(received.id).person_name == "郭秀琴"
    assert FieldChange.select().where(FieldChange.entity_id == received.id).count() == 0
