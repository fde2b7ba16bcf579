"""Type rows follow the dispute-type list in force for the period: an entry retired later is
still a row of earlier periods, an entry added later is not a row of earlier ones; a case
keeps the label it was recorded with and is counted under it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mediation_desk import clock
from mediation_desk.domain.periods import Period
from mediation_desk.services.cases.intake import IntakeService
from mediation_desk.services.safety.accounts import create_register
from mediation_desk.services.settings.service import SettingsService
from mediation_desk.services.statistics.service import StatisticsService
from tests.conftest import PASSWORD, ROOM, Register, neighbour_draft


def _labels(reg: Register, period: Period) -> list[str]:
    return [r.label for r in StatisticsService(reg.store, reg.actor).figures(period).type_rows]


def test_the_list_in_force_for_each_period(tmp_path: Path) -> None:
    with clock.pinned(date(2026, 1, 5)):  # the register was set up then
        store, actor, recovery = create_register(tmp_path / "r.db", ROOM, "admin", PASSWORD)
    register = Register(tmp_path / "r.db", store, actor, recovery)
    try:
        _check(register)
    finally:
        store.close()


def _check(register: Register) -> None:
    settings = SettingsService(register.store, register.actor)
    with clock.pinned(date(2026, 6, 10)):
        IntakeService(register.store, register.actor).register(
            neighbour_draft(received_on=date(2026, 6, 1), dispute_type="消费纠纷"))
    with clock.pinned(date(2026, 9, 15)):
        retired = next(e for e in settings.entries("dispute_type") if e.label == "消费纠纷")
        settings.set_entry_active(retired.id, False)
        settings.add_entry("dispute_type", "农村建房纠纷")
    june, october = Period.month(2026, 6), Period.month(2026, 10)
    assert "消费纠纷" in _labels(register, june)
    assert _labels(register, june)[0] == "婚姻家庭纠纷"  # the first list, in its order
    assert "消费纠纷" in _labels(register, Period.year(2019))  # older cases: the first list
    assert "农村建房纠纷" not in _labels(register, june)
    assert "消费纠纷" not in _labels(register, october)
    assert _labels(register, october)[-1] == "农村建房纠纷"
    assert "消费纠纷" in _labels(register, Period.quarter(2026, 3))  # retired within it
    figures = StatisticsService(register.store, register.actor).figures(Period.year(2026))
    assert figures.received_by_type == {"消费纠纷": 1}
    assert figures.dictionary_version >= 2
