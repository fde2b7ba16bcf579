"""The known register of the statistics tests, built once per module (it takes seconds)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from mediation_desk.services.safety.accounts import create_register
from tests.conftest import PASSWORD, ROOM, Register
from tests.services.statistics.known_register import Ledger, build


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Register, Ledger]]:
    path = tmp_path_factory.mktemp("stats") / "register.db"
    store, actor, recovery = create_register(path, ROOM, "admin", PASSWORD)
    reg = Register(path, store, actor, recovery)
    ledger = build(reg)
    yield reg, ledger
    store.close()
