"""A visitor's request as a receptionist types it, and the services on a test register."""

from __future__ import annotations

from datetime import datetime

import pytest

from mediation_desk.services.petitions.service import PetitionService
from mediation_desk.services.petitions.types import RequestDraft
from tests.conftest import Register


def request_draft(**overrides: object) -> RequestDraft:
    """郭秀琴 of 美坂村 complains that a neighbour's new house blocks her drain."""
    draft = RequestDraft(
        received_at=datetime(2026, 12, 1, 9, 30), channel="walk_in", received_by="林春梅",
        person_name="郭秀琴", person_id_number="11010519491231002X", person_phone="13912345678",
        person_address="安溪县湖头镇美坂村5组12号", village="美坂村", category="农村建房",
        content="邻居黄某新建房屋占用公共排水沟，雨天积水倒灌入户，要求镇里责令恢复排水沟。",
        respondent="黄文彬", people_involved=1)
    for key, value in overrides.items():
        setattr(draft, key, value)
    return draft


@pytest.fixture
def petitions(register: Register) -> PetitionService:
    return PetitionService(register.store, register.actor)
