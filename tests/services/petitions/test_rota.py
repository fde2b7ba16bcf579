"""The duty rota changed and ended: a correction keeps its before and after, an ended rota
has no duty days after its last day while appointments already booked stay, a rota on any
recurrence rule (not only weekly) gives its duty days and slots; refusals write nothing."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from mediation_desk.errors import PermissionDenied, ValidationError
from mediation_desk.services.petitions.rota import AppointmentDraft, RotaDraft, RotaService
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.models import AuditEvent, DutyRota, FieldChange
from tests.conftest import SUITE_NOW, Register

TODAY = SUITE_NOW.date()  # a Monday


def _draft(**overrides: object) -> RotaDraft:
    draft = RotaDraft(title="镇领导坐班接访", receivers=["陈镇长", "林春梅"],
                      place="镇综治中心接访室", starts_on=TODAY)
    for key, value in overrides.items():
        setattr(draft, key, value)
    return draft


@pytest.fixture
def rota(register: Register) -> RotaService:
    return RotaService(register.store, register.actor)


def test_a_rota_corrected_keeps_before_and_after(rota: RotaService) -> None:
    rid = rota.save_rota(_draft()).id
    rota.save_rota(_draft(rule="FREQ=WEEKLY;BYDAY=WE", place="镇便民服务中心",
                          end_time="11:00"), rid)
    view = rota.rotas()[0]
    assert (view.rule, view.place, view.end_time) == ("FREQ=WEEKLY;BYDAY=WE", "镇便民服务中心",
                                                      "11:00")
    assert [d.on for d in rota.duty(TODAY, date(2026, 12, 16))] == [date(2026, 12, 9),
                                                                     date(2026, 12, 16)]
    fields = {c.field for c in FieldChange.select().where(FieldChange.entity_id == rid)}
    assert fields == {"rule", "place", "end_time"}
    assert len(rota.rotas()) == 1  # the same rota, not a second one


def test_ending_a_rota_drops_later_days_and_keeps_booked_appointments(
        rota: RotaService) -> None:
    rid = rota.save_rota(_draft()).id
    booked = rota.book(AppointmentDraft(at=datetime(2026, 12, 21, 9, 30),
                                        person_name="郭秀琴", topic="排水沟被占")).id
    rota.end_rota(rid, date(2026, 12, 14))
    assert [d.on for d in rota.duty(TODAY, date(2027, 1, 31))] == [TODAY, date(2026, 12, 14)]
    assert rota.appointment(booked).status == "booked"
    assert FieldChange.get(FieldChange.entity_id == rid).field == "until"
    # A later end never lengthens an ended rota; ending before its start is refused.
    rota.end_rota(rid, date(2027, 1, 31))
    assert DutyRota.get_by_id(rid).until == date(2026, 12, 14)
    events = AuditEvent.select().count()
    with pytest.raises(ValidationError, match="结束日期"):
        rota.end_rota(rid, date(2026, 12, 1))
    assert AuditEvent.select().count() == events
    assert rota.rotas(today=date(2026, 12, 15)) == []  # an ended rota leaves the list


def test_only_the_director_or_an_administrator_changes_or_ends_a_rota(
        rota: RotaService, register: Register) -> None:
    rid = rota.save_rota(_draft()).id
    mediator = RotaService(register.store, Actor("x", "lin", "mediator", "林春梅"))
    with pytest.raises(PermissionDenied):
        mediator.end_rota(rid, date(2026, 12, 14))
    with pytest.raises(PermissionDenied):
        mediator.save_rota(_draft(place="别处"), rid)
    assert DutyRota.get_by_id(rid).until is None


def test_a_rota_on_other_rules_than_weekly(rota: RotaService) -> None:
    rota.save_rota(_draft(title="每半月坐班", rule="FREQ=MONTHLY;BYMONTHDAY=1,16",
                          starts_on=date(2026, 12, 1)))
    days = [d.on for d in rota.duty(TODAY, date(2027, 1, 31))]
    assert days == [date(2026, 12, 16), date(2027, 1, 1), date(2027, 1, 16)]
    assert len(rota.slots(date(2026, 12, 16))) == 6
    with pytest.raises(ValidationError, match="周期"):
        rota.save_rota(_draft(rule="FREQ=SOMETIMES"))
