"""Correcting a registered request: the same checks as registering it, each changed field's
before and after in the history (ID numbers and phones masked), nothing written on refusal."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest

from mediation_desk import clock
from mediation_desk.errors import ValidationError
from mediation_desk.services.petitions.service import PetitionService
from mediation_desk.services.petitions.types import AnswerDraft
from mediation_desk.services.safety.audit_check import verify_audit
from mediation_desk.store.models import AuditEvent, Compound, FieldChange, Petition
from tests.conftest import Register
from tests.services.petitions.conftest import request_draft

TODAY = date(2026, 12, 5)


@pytest.fixture(autouse=True)
def _pinned() -> Iterator[None]:
    with clock.pinned(TODAY):
        yield


def _counts() -> tuple[int, int, int]:
    return Petition.select().count(), AuditEvent.select().count(), FieldChange.select().count()


def test_an_edit_records_each_changed_field_before_and_after(
        petitions: PetitionService, register: Register) -> None:
    pid = petitions.receive(request_draft()).id
    draft = petitions.registration(pid)
    assert draft.person_id_number == "11010519491231002X"  # the form gets the full values
    assert draft.village == "美坂村" and draft.compound == ""
    draft.channel = "phone"
    draft.person_phone = "139 1234 5670"
    draft.compound = "湖头花园"
    draft.category = "物业管理"
    draft.content = "小区物业停水三天，要求尽快恢复供水。"
    draft.people_involved = 30
    draft.representatives = ["郭秀琴", "黄志明"]
    result = petitions.edit_request(pid, draft)
    assert any("湖头花园" in w for w in result.warnings)  # a new compound, added to the list
    row = Petition.get_by_id(pid)
    assert (row.channel, row.person_phone, row.category) == ("phone", "13912345670", "物业管理")
    assert row.compound_id == Compound.get(Compound.name == "湖头花园").id
    assert row.number == "（2026）湖头访字第1号"  # the number stays
    changes = {c.field: (c.before, c.after) for c in FieldChange.select()
               .where(FieldChange.entity_id == pid)}
    assert changes["channel"] == ("来访", "来电")
    assert changes["person_phone"] == ("139****5678", "139****5670")  # masked in the history
    assert changes["compound"] == ("", "湖头花园")
    assert changes["people_involved"] == ("1", "30")
    assert changes["representatives"] == ("", "郭秀琴；黄志明")
    assert "village" not in changes and "person_name" not in changes
    detail = petitions.detail(pid)
    assert detail.compound == "湖头花园" and detail.people_involved == 30
    assert verify_audit(register.store) == []


def test_an_edit_changing_nothing_writes_nothing(petitions: PetitionService) -> None:
    pid = petitions.receive(request_draft()).id
    before = _counts()
    petitions.edit_request(pid, petitions.registration(pid))
    assert _counts() == before


def test_bad_fields_are_refused_with_their_names_and_nothing_written(
        petitions: PetitionService) -> None:
    pid = petitions.receive(request_draft()).id
    before = _counts()
    draft = petitions.registration(pid)
    draft.person_name = " "
    draft.person_id_number = "110105194912310021"
    draft.content = ""
    draft.channel = "fax"
    with pytest.raises(ValidationError) as caught:
        petitions.edit_request(pid, draft)
    fields = {p.field for p in caught.value.problems}
    assert {"来访人 姓名", "来访人 身份证号码", "诉求内容", "来访方式"} <= fields
    assert all(p.record == "信访事项（2026）湖头访字第1号" for p in caught.value.problems)
    assert _counts() == before
    assert Petition.get_by_id(pid).person_name == "郭秀琴"


def test_the_time_received_may_not_move_after_a_later_step(
        petitions: PetitionService) -> None:
    pid = petitions.receive(request_draft()).id
    petitions.assess(pid, "answer", "属政策咨询，当场解释即可。", today=date(2026, 12, 2))
    draft = petitions.registration(pid)
    draft.received_at = datetime(2026, 12, 4, 10, 0)
    with pytest.raises(ValidationError) as caught:
        petitions.edit_request(pid, draft)
    assert [p.field for p in caught.value.problems] == ["来访时间"]
    assert "研判日期" in caught.value.problems[0].reason
    draft.received_at = datetime(2026, 12, 6, 10, 0)  # after today
    with pytest.raises(ValidationError):
        petitions.edit_request(pid, draft)


def test_a_closed_request_is_not_edited(petitions: PetitionService) -> None:
    pid = petitions.receive(request_draft()).id
    petitions.assess(pid, "answer", "属政策咨询，当场解释即可。")
    petitions.reply(pid, AnswerDraft(text="已当面解释相关政策。", method="in_person"))
    petitions.close(pid, "satisfied")
    draft = petitions.registration(pid)
    draft.content = "改过的诉求"
    with pytest.raises(ValidationError) as caught:
        petitions.edit_request(pid, draft)
    assert "已办结" in caught.value.problems[0].reason
