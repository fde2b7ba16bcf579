"""The program's clock (:mod:`mediation_desk.clock`) as Qt values, for the window's widgets.

Why not Qt's own current date: the window must agree with the services on what day it is — a
test pins the clock and sees 工作台 change, a laptop whose clock is years off shows the same
day everywhere — so every default date and every "not after today" limit comes from here.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QDateTime

from mediation_desk import clock


def today() -> QDate:
    """Today, as the program's clock says."""
    return QDate(clock.today())


def now() -> QDateTime:
    """Now (local wall-clock time, whole seconds), as the program's clock says."""
    return QDateTime(clock.now().replace(microsecond=0))
