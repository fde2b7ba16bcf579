"""Shared fixtures: a real encrypted register in a temporary folder, and Qt offscreen.

``MEDIATION_DESK_TEST_FONTS=bundled-only`` runs the suite as on a machine with no Chinese font
but the one the program ships (a bare Linux, a fresh CI image): fontconfig is pointed at an
empty folder before anything asks it, so the printing chain, the window's font choice and every
CLI the tests start (they inherit the environment) all find no system font. The suite must pass
both ways: ``MEDIATION_DESK_TEST_FONTS=bundled-only ./test.sh`` and plain ``./test.sh``.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from mediation_desk import clock
from mediation_desk.services.cases.drafts import (
    CaseDraft,
    MediatorDraft,
    PartyDraft,
)
from mediation_desk.services.safety.accounts import RoomSettings, create_register
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.database import Store

#: One verdict per commit: every property test draws the same examples on every run and
#: machine (CI must not pass or fail by luck). ``MEDIATION_DESK_EXPLORE=1`` draws new ones —
#: run it now and then to look for what the fixed examples miss.
hypothesis_settings.register_profile("fixed", derandomize=True, database=None)
hypothesis_settings.register_profile("explore")
hypothesis_settings.load_profile("explore" if os.environ.get("MEDIATION_DESK_EXPLORE")
                                 else "fixed")


def _bundled_fonts_only() -> None:
    folder = Path(tempfile.mkdtemp(prefix="md-no-fonts-"))
    (folder / "fonts").mkdir()
    config = folder / "fonts.conf"
    config.write_text(f"<?xml version='1.0'?>\n<fontconfig><dir>{folder / 'fonts'}</dir>"
                      f"<cachedir>{folder / 'cache'}</cachedir></fontconfig>\n",
                      encoding="utf-8")
    os.environ["FONTCONFIG_FILE"] = str(config)


# Before any test asks fontconfig (fc-list) or starts Qt: importing the program asks neither.
if os.environ.get("MEDIATION_DESK_TEST_FONTS") == "bundled-only":
    _bundled_fonts_only()


PASSWORD = "secret-pass-1"
ROOM = RoomSettings("问房调解室", "湖头镇人民调解委员会", "湖头")


#: The moment the suite starts on, whatever the machine's clock says (issue 10): an ordinary
#: Monday, so no test depends on the real date. Tests about other days pin their own
#: (``clock.travelled``) or sweep many (``tests/days.py``); faketime runs of the suite
#: then show whether anything reads the system clock behind ``clock``'s back.
SUITE_NOW = datetime(2026, 12, 7, 10, 0)


@pytest.fixture(autouse=True)
def suite_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The program's clock runs from :data:`SUITE_NOW`, in this process and in the command
    line processes tests start (through ``MEDIATION_DESK_NOW``)."""
    monkeypatch.setenv(clock.ENV_NOW, SUITE_NOW.isoformat(timespec="minutes"))
    with clock.travelled(SUITE_NOW):
        yield


class Register:
    """An open test register: its file, store and administrator."""

    def __init__(self, path: Path, store: Store, actor: Actor, recovery: str | None) -> None:
        self.path = path
        self.store = store
        self.actor = actor
        self.recovery = recovery


@pytest.fixture
def register(tmp_path: Path) -> Iterator[Register]:
    path = tmp_path / "register.db"
    store, actor, recovery = create_register(path, ROOM, "admin", PASSWORD)
    yield Register(path, store, actor, recovery)
    store.close()


def neighbour_draft(**overrides: object) -> CaseDraft:
    """A typical neighbours' dispute as a mediator would register it."""
    draft = CaseDraft(
        received_on=date(2026, 11, 2),
        source="当事人申请",
        dispute_type="邻里纠纷",
        village="湖二村",
        summary="申请人张喆与被申请人李明系前后邻居，被申请人新建房屋的屋檐滴水落入申请人院内。",
        requests=["被申请人改建屋檐排水", "赔偿院墙修复费用"],
        mediators=[MediatorDraft("林春梅", "lead"), MediatorDraft("陈志强", "recorder")],
        parties=[
            PartyDraft(side="applicant", name="张喆", id_number="11010519491231002X",
                       phone="13912345678", address="安溪县湖头镇湖二村3组45号"),
            PartyDraft(side="respondent", name="李明", gender="male",
                       id_number="360426199101010071", phone="0595-23456789"),
        ],
    )
    for key, value in overrides.items():
        setattr(draft, key, value)
    return draft
