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


def test_an_incomplete_demo_register_is_built_again(tmp_path: Path, qapp: QApplication,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """What an older version left after a failed first start — a register with some cases
    and no mark of a fill that ended — is set aside (kept) and the demo built again."""
    from mediation_desk.paths import demo_register
    from mediation_desk.services.cases.intake import IntakeService
    from mediation_desk.services.cases.register_pages import RegisterPages
    from mediation_desk.services.demo import demo_filled
    from mediation_desk.services.safety.accounts import create_register
    from tests.conftest import ROOM, neighbour_draft
    from ui.app import DEMO_PASSWORD, DEMO_USER

    monkeypatch.setenv("MEDIATION_DESK_HOME", str(tmp_path))
    monkeypatch.setattr("ui.app.DEMO_CASES", 30)
    half, actor, _ = create_register(demo_register(), ROOM, DEMO_USER, DEMO_PASSWORD,
                                     encrypted=False)
    IntakeService(half, actor).register(neighbour_draft())
    half.close()
    store, actor = open_demo(qapp)
    try:
        assert RegisterPages(store, actor).count() == 30
        assert demo_filled(store) is not None
    finally:
        store.close()
    kept = [p.name for p in demo_register().parent.iterdir() if "incomplete" in p.name]
    assert len(kept) == 1 and kept[0].startswith("register.db.incomplete-")
