"""Start-up pieces of the window program: one instance per register, the demo register."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from ui.app import SingleInstance, open_demo


def test_second_start_on_the_same_register_knocks(tmp_path: Path, qtbot: QtBot) -> None:
    path = tmp_path / "room.db"
    first = SingleInstance(path)
    assert first.acquire()
    window = QWidget()
    qtbot.addWidget(window)
    first.listen(window)
    second = SingleInstance(path)
    try:
        assert not second.acquire()
        assert second.holder().split("@")[0].isdigit()
        assert second.knock()  # the first instance answers and comes forward
    finally:
        first.release()
    third = SingleInstance(path)
    assert third.acquire()  # free again once the first has gone
    third.release()


def test_demo_register_is_filled_and_separate(tmp_path: Path, qapp: QApplication,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEDIATION_DESK_HOME", str(tmp_path))
    monkeypatch.setattr("ui.app.DEMO_CASES", 40)
    store, actor = open_demo(qapp)
    try:
        from mediation_desk.services.cases.register_pages import RegisterPages

        assert RegisterPages(store, actor).count() == 40
        assert store.path == tmp_path / "demo" / "register.db"
        assert store.db_key is None  # opened without a password prompt
    finally:
        store.close()
    again, _ = open_demo(qapp)  # the second demo start opens the same file
    again.close()
