"""Fixtures for window tests: an AppContext on a real encrypted register, and Chinese typing.

``qtbot.keyClicks`` with Chinese text aborts the process (a Qt assertion), so Chinese is typed
as a pinyin IME delivers it: an input-method event carrying a commit string.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from tests.conftest import Register
from ui.context import AppContext
from ui.fonts import apply_ui_font
from ui.i18n import install_translators
from ui.none_guard import protect_none

SHOTS = Path(__file__).resolve().parent.parent.parent / "build" / "screenshots"


@pytest.fixture(scope="session", autouse=True)
def chinese_ui(qapp: QApplication) -> None:
    """Translations and a CJK font, as the real start-up installs them (and the guard it
    sets against PySide6 6.12.0 losing references to None, see ui/none_guard.py)."""
    protect_none()
    qapp._translators = install_translators(qapp)  # type: ignore[attr-defined]
    apply_ui_font(qapp)


@pytest.fixture
def ctx(register: Register) -> Iterator[AppContext]:
    yield AppContext.build(register.store, register.actor)


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` as an input method commits it (works for 㛃 and 𠮷)."""
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def save_shot(widget: QWidget, name: str) -> Path:
    """Render a widget to build/screenshots/NAME.png for a person to look at."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    widget.grab().save(str(path))
    return path
