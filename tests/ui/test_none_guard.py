"""The guard against PySide6 6.12.0 losing a reference to None on every call of a Qt method
that returns nothing (ui/none_guard.py): a long session must not abort the program."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont

from ui.none_guard import EXTRA_REFERENCES, protect_none


def test_a_long_session_of_qt_calls_leaves_none_alive() -> None:
    protect_none()
    protect_none()  # a second start (tests, self-test) adds nothing more
    before = sys.getrefcount(None)
    assert sys.version_info >= (3, 12) or EXTRA_REFERENCES < before < 2 * EXTRA_REFERENCES
    font = QFont()
    for _ in range(20_000):  # four times what None has without the guard under 3.11
        font.setPointSizeF(12.0)
    after = sys.getrefcount(None)
    # Whatever the binding does with its references, None is still far from zero.
    assert sys.version_info >= (3, 12) or after > EXTRA_REFERENCES // 2
    assert font.pointSizeF() == 12.0
