"""Demo generation is one all-or-nothing job (issue 10): a failure half way leaves the register
as it was, and the window's demo register appears at its place only once complete.

The failure is a real one: a fill asked to end later than the program's clock registers its
newest cases "in the future", and intake refuses them — after the older batches went in.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from mediation_desk import clock
from mediation_desk.errors import ValidationError
from mediation_desk.services.cases.intake import IntakeService
from mediation_desk.services.demo import build_demo_register, demo_filled, fill_demo, set_aside
from mediation_desk.services.safety.accounts import open_register
from mediation_desk.services.shared import audit
from mediation_desk.store.models import SYNCED_MODELS
from tests.conftest import ROOM, Register, neighbour_draft

DEMO_USER, DEMO_PASSWORD = "demo", "demo-register"


def _rows() -> dict[str, int]:
    return {m.__name__: m.select().count() for m in SYNCED_MODELS}


def test_a_fill_that_fails_half_way_leaves_the_register_as_it_was(register: Register) -> None:
    IntakeService(register.store, register.actor).register(neighbour_draft())
    before = _rows()
    progress: list[int] = []
    with pytest.raises(ValidationError, match="不能晚于今天"):
        fill_demo(register.store, register.actor, cases=60, seed=3, batch_size=10,
                  today=clock.today() + timedelta(days=200),
                  progress=lambda done, _total: progress.append(done))
    assert progress and progress[0] == 10  # batches had gone in before the refusal
    assert _rows() == before
    assert demo_filled(register.store) is None
    assert audit.verify_chain() is None


def test_a_fill_that_ends_marks_the_register(register: Register) -> None:
    assert demo_filled(register.store) is None
    summary = fill_demo(register.store, register.actor, cases=12, seed=3)
    mark = demo_filled(register.store)
    assert mark is not None and mark["cases"] == 12 == summary["cases"]
    assert mark["today"] == clock.today().isoformat()


def test_a_demo_register_appears_only_when_complete(tmp_path: Path) -> None:
    path = tmp_path / "demo" / "register.db"
    path.parent.mkdir()
    (path.parent / "register.db.building-999999").write_bytes(b"left by a killed build")
    with pytest.raises(ValidationError):
        build_demo_register(path, ROOM, DEMO_USER, DEMO_PASSWORD, cases=40, seed=1,
                            today=clock.today() + timedelta(days=200))
    assert list(path.parent.iterdir()) == []  # nothing at its place, nothing beside it

    summary = build_demo_register(path, ROOM, DEMO_USER, DEMO_PASSWORD, cases=12, seed=1)
    assert sorted(p.name for p in path.parent.iterdir()) == ["register.db"]
    store, _ = open_register(path, DEMO_USER, DEMO_PASSWORD)
    try:
        assert demo_filled(store) == {k: v for k, v in summary.items() if k != "seconds"}
    finally:
        store.close()
    with pytest.raises(Exception, match="不会覆盖"):
        build_demo_register(path, ROOM, DEMO_USER, DEMO_PASSWORD, cases=1, seed=1)


def test_an_incomplete_register_is_set_aside_whole(tmp_path: Path) -> None:
    path = tmp_path / "register.db"
    build_demo_register(path, ROOM, DEMO_USER, DEMO_PASSWORD, cases=3, seed=1)
    aside = set_aside(path)
    assert not path.exists() and aside.exists()
    assert aside.name.startswith("register.db.incomplete-")
    store, _ = open_register(aside, DEMO_USER, DEMO_PASSWORD)  # kept, and still opens
    store.close()
