"""Visitor requests (信访 / 接访) and their loop: assessment, assignments to departments with
deadlines (督办), joint meetings (联席处置), the answer and a return visit; the duty rota and
appointments (坐班接访 / 预约接访); printouts filed back to a request.

Dates and times are local; dictionary values (category, department) are stored as their
Chinese labels, so a renamed entry never changes what an old request said.
"""

from __future__ import annotations

import peewee
from playhouse import apsw_ext

from mediation_desk.store.base import BaseModel
from mediation_desk.store.models.cases import Case
from mediation_desk.store.models.compounds import Compound
from mediation_desk.store.models.room import Account, Village


class Petition(BaseModel):
    """One visitor's request (信访事项), from registration to its answer and closing.

    ``case`` is set when the request became a mediation case (route 调解处理, source 来访):
    the case finds its request through ``case.petitions``.
    """

    number = peewee.CharField(null=True, unique=True)
    number_year = peewee.IntegerField(null=True)
    number_seq = peewee.IntegerField(null=True)
    received_at = apsw_ext.DateTimeField(index=True)
    channel = peewee.CharField(default="walk_in")  # walk_in|appointment|phone|online|letter
    received_by = peewee.CharField(default="")
    person_name = peewee.CharField(index=True)
    person_gender = peewee.CharField(default="")
    person_id_number = peewee.CharField(default="", index=True)
    person_phone = peewee.CharField(default="")
    person_address = peewee.CharField(default="")
    village = peewee.ForeignKeyField(Village, null=True, backref="petitions")
    village_id: str | None
    compound = peewee.ForeignKeyField(Compound, null=True, backref="petitions")
    compound_id: str | None
    category = peewee.CharField(index=True)
    content = peewee.TextField()
    respondent = peewee.CharField(default="")  # 被反映人或单位, when the request names one
    people_involved = peewee.IntegerField(null=True)
    representatives = peewee.TextField(default="[]")  # JSON list of names (Art 20: ≤ 5)
    status = peewee.CharField(default="registered", index=True)
    # 研判
    route = peewee.CharField(default="")  # mediate | refer | joint | answer
    assessment = peewee.TextField(default="")  # the reasoning
    risk_level = peewee.CharField(default="blue")
    assessed_on = apsw_ext.DateField(null=True)
    assessed_by = peewee.CharField(default="")
    # 反馈
    answer = peewee.TextField(default="")
    answer_method = peewee.CharField(default="")  # in_person | phone | written | online
    answered_on = apsw_ext.DateField(null=True, index=True)
    answered_by = peewee.CharField(default="")
    decision = peewee.CharField(default="")  # support | explain | not_supported
    facts_reasons = peewee.TextField(default="")  # 事实和理由 of the 信访处理意见书
    legal_basis = peewee.TextField(default="")
    satisfaction = peewee.CharField(default="")  # satisfied | basic | unsatisfied
    closed_on = apsw_ext.DateField(null=True, index=True)
    case = peewee.ForeignKeyField(Case, null=True, backref="petitions")
    case_id: str | None
    created_by = peewee.ForeignKeyField(Account, null=True, backref="+")
    created_by_id: str | None


class PetitionSequence(BaseModel):
    """The last request number issued in a year: numbers only go up, never reused."""

    natural_key = ("year",)  # one row a year on every device; merged by maximum (sync)

    year = peewee.IntegerField(unique=True)
    last_issued = peewee.IntegerField(default=0)


class JointMeeting(BaseModel):
    """A joint meeting (联席会议, Arts 11–13) on a request: who came, what was decided, and
    who does what by when (each such task is also an assignment, chased like any other)."""

    petition = peewee.ForeignKeyField(Petition, backref="meetings", on_delete="CASCADE")
    petition_id: str
    held_on = apsw_ext.DateField()
    place = peewee.CharField(default="")
    chaired_by = peewee.CharField(default="")
    departments = peewee.TextField(default="[]")  # JSON list of department labels present
    decisions = peewee.TextField(default="")


class Assignment(BaseModel):
    """督办: a request handed to a department with a deadline, and the department's result.

    ``task`` says what is asked (handle 办理: 60 days; forward 转送或告知去向: 15 days);
    ``extension_days`` is the one extension allowed (Art 34), with its reason. A task decided
    at a joint meeting names the meeting."""

    petition = peewee.ForeignKeyField(Petition, backref="assignments", on_delete="CASCADE")
    petition_id: str
    position = peewee.IntegerField(default=0)
    department = peewee.CharField(index=True)
    task = peewee.CharField(default="handle")
    request = peewee.TextField(default="")  # what the department is asked to do
    responsible = peewee.CharField(default="")
    assigned_on = apsw_ext.DateField()
    due_on = apsw_ext.DateField(index=True)
    extension_days = peewee.IntegerField(default=0)
    extension_reason = peewee.TextField(default="")
    result = peewee.TextField(default="")
    result_on = apsw_ext.DateField(null=True)
    meeting = peewee.ForeignKeyField(JointMeeting, null=True, backref="tasks")
    meeting_id: str | None


class ReturnVisit(BaseModel):
    """A return visit (回访) to a person who was not satisfied with the answer."""

    petition = peewee.ForeignKeyField(Petition, backref="return_visits", on_delete="CASCADE")
    petition_id: str
    due_on = apsw_ext.DateField(index=True)
    done_on = apsw_ext.DateField(null=True)
    visitor = peewee.CharField(default="")
    result = peewee.TextField(default="")
    satisfaction = peewee.CharField(default="")


class DutyRota(BaseModel):
    """坐班接访: who receives visitors on which days, as a recurring rule (RFC 5545 RRULE,
    expanded like a patrol plan's), from ``start_time`` to ``end_time``; appointments are
    booked into its slots of ``slot_minutes``."""

    title = peewee.CharField()
    receivers = peewee.TextField(default="[]")  # JSON list of names, the leader first
    place = peewee.CharField(default="")
    starts_on = apsw_ext.DateField()
    until = apsw_ext.DateField(null=True)
    start_time = peewee.CharField(default="09:00")
    end_time = peewee.CharField(default="12:00")
    slot_minutes = peewee.IntegerField(default=30)
    rule = peewee.TextField()
    note = peewee.TextField(default="")
    active = apsw_ext.BooleanField(default=True)


class VisitAppointment(BaseModel):
    """预约接访: a person booked into a slot of a duty day; ``petition`` once registered."""

    rota = peewee.ForeignKeyField(DutyRota, null=True, backref="appointments")
    rota_id: str | None
    at = apsw_ext.DateTimeField(index=True)
    person_name = peewee.CharField()
    person_phone = peewee.CharField(default="")
    topic = peewee.TextField(default="")
    receiver = peewee.CharField(default="")
    status = peewee.CharField(default="booked")  # booked | done | cancelled
    petition = peewee.ForeignKeyField(Petition, null=True, backref="appointments")
    petition_id: str | None


class PetitionDocument(BaseModel):
    """A form printed or saved for a request, filed back to it (kind, when, who, hash)."""

    petition = peewee.ForeignKeyField(Petition, backref="documents", on_delete="CASCADE")
    petition_id: str
    assignment = peewee.ForeignKeyField(Assignment, null=True, backref="documents")
    assignment_id: str | None
    kind = peewee.CharField()  # registration | supervision | answer
    title = peewee.CharField(default="")
    at = apsw_ext.DateTimeField()
    account = peewee.ForeignKeyField(Account, null=True, backref="+")
    account_id: str | None
    user_name = peewee.CharField(default="")
    action = peewee.CharField(default="print")  # print | save
    copies = peewee.IntegerField(default=1)
    pages = peewee.IntegerField(default=0)
    sha256 = peewee.CharField()
