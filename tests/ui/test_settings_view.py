"""设置: room names and numbering saved or refused inline, dictionaries, larger text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mediation_desk.services.shared.actor import Actor
from tests.ui.conftest import save_shot, type_text
from ui.context import AppContext
from ui.fonts import BASE_POINT_SIZE, SETTINGS_SCALE, apply_ui_font
from ui.views.settings.settings_view import SettingsView

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture(autouse=True)
def own_settings(tmp_path: Path, qapp: QApplication) -> Iterator[None]:
    """QSettings in the test's folder; the application font back to normal afterwards."""
    default = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.GenericConfigLocation)
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    QSettings().clear()
    yield
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, default)
    apply_ui_font(qapp, 1.0)


def _view(ctx: AppContext, qtbot: QtBot) -> SettingsView:
    view = SettingsView(ctx)
    qtbot.addWidget(view)
    view.resize(1248, 690)  # the 1366×768 window less navigation, toolbar and status bar
    view.show()
    QApplication.processEvents()
    return view


def _retype(widget: object, text: str) -> None:
    widget.clear()  # type: ignore[attr-defined]
    type_text(widget, text)  # type: ignore[arg-type]


def test_room_name_and_prefix_are_saved(ctx: AppContext, qtbot: QtBot) -> None:
    view = _view(ctx, qtbot)
    assert view.room_edit.text() == "问房调解室"
    assert "湖头人调字第12号" in view.example_label.text()
    _retype(view.room_edit, "问房人民调解室")
    _retype(view.prefix_edit, "湖镇")
    assert "湖镇人调字第12号" in view.example_label.text()
    view.days_spin.setValue(45)
    save_shot(view, "settings_view")
    assert view.save()
    assert view.message_label.isVisibleTo(view)
    room = ctx.settings.room()
    assert (room.room_name, room.number_prefix, room.mediation_days) == (
        "问房人民调解室", "湖镇", 45)


def test_bad_values_are_refused_beside_their_fields(ctx: AppContext, qtbot: QtBot) -> None:
    view = _view(ctx, qtbot)
    view.pattern_edit.clear()
    type_text(view.pattern_edit, "{prefix}调字第{seq}号")
    assert "{year}" in view.errors["pattern"].text()  # said as it is typed
    assert view.example_label.text() == "—"
    view.committee_edit.clear()
    assert not view.save()
    assert "{year}" in view.errors["pattern"].text()
    assert view.errors["pattern"].isVisibleTo(view)
    assert view.errors["committee"].text() == "不能为空"
    save_shot(view, "settings_view_errors")
    room = ctx.settings.room()
    assert room.number_pattern == "（{year}）{prefix}人调字第{seq}号"
    assert room.committee_name == "湖头镇人民调解委员会"  # nothing half saved


def test_dictionaries_add_and_deactivate(ctx: AppContext, qtbot: QtBot) -> None:
    view = _view(ctx, qtbot)
    villages = view.villages
    villages.add_edit.setFocus()
    type_text(villages.add_edit, "新湖村")
    villages.add_button.click()
    assert "新湖村" in [v.label for v in ctx.settings.villages()]
    assert villages.add_edit.text() == ""
    type_text(villages.add_edit, "新湖村")
    villages.add_button.click()
    assert "已在列表中" in villages.error_label.text()

    types = view.dispute_types
    view.dictionary_tabs.setCurrentWidget(types)
    types.select("邻里纠纷")
    assert types.toggle_button.isEnabled()
    types.toggle_button.click()
    entry = next(e for e in ctx.settings.entries("dispute_type") if e.label == "邻里纠纷")
    assert not entry.active
    assert "邻里纠纷" in types.labels(active=False)
    assert any("邻里纠纷" in types.list.item(i).text() and "已停用" in
               types.list.item(i).text() for i in range(types.list.count()))
    save_shot(view, "settings_view_dictionaries")
    types.select("邻里纠纷")
    types.toggle_button.click()  # reactivated
    assert "邻里纠纷" in types.labels(active=True)
    assert view.ethnicities.list.count() > 50 and view.ethnicities.add_edit.isHidden()


def test_larger_text_applies_at_once_and_is_remembered(ctx: AppContext, qtbot: QtBot,
                                                       qapp: QApplication) -> None:
    view = _view(ctx, qtbot)
    assert view.scale_box.currentText() == "100%"
    view.scale_box.setCurrentIndex(view.scale_box.findData(1.5))
    assert qapp.font().pointSizeF() == pytest.approx(BASE_POINT_SIZE * 1.5)
    assert float(QSettings().value(SETTINGS_SCALE)) == 1.5
    qtbot.wait(100)  # let the layouts settle on the new size hints
    save_shot(view, "settings_view_150")
    again = SettingsView(ctx)
    qtbot.addWidget(again)
    assert again.scale_box.currentText() == "150%"


def test_a_mediator_sees_the_settings_but_cannot_change_them(ctx: AppContext,
                                                             qtbot: QtBot) -> None:
    account = ctx.accounts.add("lincm", "mediator", "mediator-pass-1", "林春梅")
    mediator = AppContext.build(ctx.store, Actor(account.id, account.username, account.role,
                                                 account.display_name))
    view = _view(mediator, qtbot)
    assert view.permission_note.isVisibleTo(view)
    assert not view.room_edit.isEnabled() and not view.save_button.isEnabled()
    assert not view.villages.add_button.isEnabled()
    assert view.scale_box.isEnabled()  # text size is the user's own
    assert not view.save()  # the service refuses too
    assert "只有调委会主任或管理员" in view.message_label.text()
