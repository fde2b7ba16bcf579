"""The Qt binding must survive a long session: PySide6 6.12.0 under Python 3.11 loses one
reference to ``None`` on every call of a Qt method that returns nothing, and aborts the
process ("deallocating None") after a few thousand calls — an hour of a mediator's work.
The pins stay on a release without that bug (pyproject.toml); this test fails if a pin moves
back onto one."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel


def test_twenty_thousand_void_calls_lose_no_reference_to_none(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel()
    qtbot.addWidget(label)
    font = QFont()
    before = sys.getrefcount(None)
    for _ in range(10_000):  # twice what None holds under Python 3.11
        font.setPointSizeF(12.0)
        label.setText("调解")
    after = sys.getrefcount(None)
    assert sys.version_info >= (3, 12) or before - after < 100
    assert label.text() == "调解" and font.pointSizeF() == 12.0
