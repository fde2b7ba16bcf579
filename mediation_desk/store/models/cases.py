"""Cases and everything a case's dossier holds: parties, mediators' roles, records, the
agreement and its terms, follow-ups, the steps of its legal life and planned sessions.

Money is stored as integer fen (no float rounding in a legal document); dictionary values
(dispute type, source, ethnicity) as their Chinese labels, because a county may rename an
entry and old cases must keep what was chosen."""

from __future__ import annotations

import peewee
from playhouse import apsw_ext

from mediation_desk.store.base import BaseModel
from mediation_desk.store.models.compounds import Compound
from mediation_desk.store.models.room import Account, Mediator, Village


class Case(BaseModel):
    """One dispute handled by the room, from registration to archive."""

    number = peewee.CharField(null=True, unique=True)
    number_year = peewee.IntegerField(null=True)
    number_seq = peewee.IntegerField(null=True)
    title = peewee.CharField()
    status = peewee.CharField(index=True)
    received_on = apsw_ext.DateField(index=True)
    source = peewee.CharField()
    dispute_type = peewee.CharField(index=True)
    village = peewee.ForeignKeyField(Village, null=True, backref="cases", index=True)
    village_id: str | None
    summary = peewee.TextField(default="")
    requests = peewee.TextField(default="[]")  # JSON list of strings
    risk_level = peewee.CharField(default="blue")
    procedure = peewee.CharField(default="normal")  # normal | simple
    amount_fen = peewee.BigIntegerField(null=True)
    people_involved = peewee.IntegerField(null=True)
    group_dispute = apsw_ext.BooleanField(default=False)
    deadline_on = apsw_ext.DateField(index=True)
    extension_days = peewee.IntegerField(default=0)
    refusal_reason = peewee.TextField(default="")
    termination_reason = peewee.TextField(default="")
    outcome = peewee.CharField(default="")  # success | failure | terminated | refused
    closed_on = apsw_ext.DateField(null=True, index=True)
    archived_on = apsw_ext.DateField(null=True)
    anonymised_on = apsw_ext.DateField(null=True)  # personal data removed after retention
    prevented_criminal = apsw_ext.BooleanField(default=False)
    prevented_criminal_people = peewee.IntegerField(default=0)
    prevented_suicide = apsw_ext.BooleanField(default=False)
    prevented_group_fight = apsw_ext.BooleanField(default=False)
    prevented_group_petition = apsw_ext.BooleanField(default=False)
    created_by = peewee.ForeignKeyField(Account, null=True, backref="+")
    created_by_id: str | None
    # Added for the monthly report (migration 12): the day mediation was ended (终止调解),
    # which is when a terminated case counts, and the people of the two prevention figures
    # reported in 件/人 beside 防止民转刑.
    terminated_on = apsw_ext.DateField(null=True, index=True)
    prevented_group_fight_people = peewee.IntegerField(default=0)
    prevented_group_petition_people = peewee.IntegerField(default=0)
    # The residential compound (小区) of a property dispute, for the property-management
    # alliance's per-compound history (issue 15, migration 20).
    compound = peewee.ForeignKeyField(Compound, null=True, backref="cases")
    compound_id: str | None


class CaseMediator(BaseModel):
    """A mediator's role on a case (lead 主持人 / member 参与 / recorder 记录人)."""

    case = peewee.ForeignKeyField(Case, backref="mediator_roles", on_delete="CASCADE")
    case_id: str
    mediator = peewee.ForeignKeyField(Mediator, backref="case_roles")
    mediator_id: str
    role = peewee.CharField(default="member")
    recused = apsw_ext.BooleanField(default=False)
    position = peewee.IntegerField(default=0)


class Party(BaseModel):
    """A person or organisation in one case's dispute, with their side.

    Details are kept per case (an address or phone changes over the years and each dossier
    must show what was true then); the same person across cases is found by ID number.
    """

    case = peewee.ForeignKeyField(Case, backref="parties", on_delete="CASCADE")
    case_id: str
    position = peewee.IntegerField(default=0)
    side = peewee.CharField()  # applicant | respondent | third_party
    kind = peewee.CharField(default="person")  # person | organization
    name = peewee.CharField(index=True)
    name_initials = peewee.CharField(default="", index=True)  # pinyin initials, " "-separated
    gender = peewee.CharField(default="")
    ethnicity = peewee.CharField(default="")
    birth_date = apsw_ext.DateField(null=True)
    id_type = peewee.CharField(default="resident_id")  # resident_id | other
    id_number = peewee.CharField(default="", index=True)
    phone = peewee.CharField(default="")
    address = peewee.CharField(default="")
    occupation = peewee.CharField(default="")
    legal_representative = peewee.CharField(default="")
    agent = peewee.CharField(default="")


class Record(BaseModel):
    """A written record: investigation 调查, mediation session 调解, private note, follow-up."""

    case = peewee.ForeignKeyField(Case, backref="records", on_delete="CASCADE")
    case_id: str
    kind = peewee.CharField()  # investigation | mediation | note | followup
    at = apsw_ext.DateTimeField()
    place = peewee.CharField(default="")
    participants = peewee.TextField(default="[]")  # JSON list of names
    author = peewee.CharField(default="")
    author_account = peewee.ForeignKeyField(Account, null=True, backref="+")
    author_account_id: str | None
    body = peewee.TextField(default="")
    private = apsw_ext.BooleanField(default=False)
    addendum = apsw_ext.BooleanField(default=False)  # written after the case was closed


class Agreement(BaseModel):
    """The mediation agreement (调解协议), written 书面 or oral 口头."""

    natural_key = ("case",)

    case = peewee.ForeignKeyField(Case, backref="agreements", unique=True, on_delete="CASCADE")
    case_id: str
    form = peewee.CharField(default="written")
    reached_on = apsw_ext.DateField(index=True)
    effective_on = apsw_ext.DateField(null=True)
    facts = peewee.TextField(default="")
    issues = peewee.TextField(default="")
    responsibilities = peewee.TextField(default="")
    # Judicial confirmation (司法确认, Art 33), recorded when the parties applied and the
    # court ruled (migration 12): ``confirmation_result`` confirmed | rejected | "" (pending
    # or never applied); ``confirmation_on`` the day of the court's ruling.
    confirmation_applied_on = apsw_ext.DateField(null=True)
    confirmation_court = peewee.CharField(default="")
    confirmation_result = peewee.CharField(default="")
    confirmation_on = apsw_ext.DateField(null=True, index=True)
    # What the agreement settles that no court confirms (migration 25, issue 16): declaring an
    # identity relation (涉及身份关系: marriage, parentage, adoption) or confirming ownership
    # of property or IP (涉及物权、知识产权确权). Set by the mediator; drives the warning and
    # leaves the judicial-confirmation clause off the printed agreement.
    identity_relation = apsw_ext.BooleanField(default=False)
    ownership_confirmation = apsw_ext.BooleanField(default=False)


class AgreementTerm(BaseModel):
    """One numbered term: who must do what, how much, where, how and by when."""

    agreement = peewee.ForeignKeyField(Agreement, backref="terms", on_delete="CASCADE")
    agreement_id: str
    position = peewee.IntegerField(default=0)
    text = peewee.TextField()
    obligor = peewee.CharField(default="")
    obligee = peewee.CharField(default="")
    amount_fen = peewee.BigIntegerField(null=True)
    due_on = apsw_ext.DateField(null=True)
    place = peewee.CharField(default="")
    method = peewee.CharField(default="")
    performance = peewee.CharField(default="promised")  # immediate|promised|done|not_done
    performed_on = apsw_ext.DateField(null=True)


class FollowUp(BaseModel):
    """A planned or done follow-up visit (回访) supervising performance (Art 31)."""

    case = peewee.ForeignKeyField(Case, backref="followups", on_delete="CASCADE")
    case_id: str
    due_on = apsw_ext.DateField(index=True)
    done_on = apsw_ext.DateField(null=True)
    record = peewee.ForeignKeyField(Record, null=True, backref="+")
    record_id: str | None
    visited = peewee.CharField(default="")
    performance = peewee.CharField(default="")
    satisfaction = peewee.CharField(default="")
    sued = apsw_ext.BooleanField(default=False)
    renewed_conflict = peewee.TextField(default="")
    measures = peewee.TextField(default="")
    visitor = peewee.CharField(default="")


class CaseEvent(BaseModel):
    """One step of a case's legal life: the move, its reason and who made it."""

    case = peewee.ForeignKeyField(Case, backref="events", on_delete="CASCADE")
    case_id: str
    at = apsw_ext.DateTimeField()
    step = peewee.CharField()
    from_status = peewee.CharField()
    to_status = peewee.CharField()
    reason = peewee.TextField(default="")
    account = peewee.ForeignKeyField(Account, null=True, backref="+")
    account_id: str | None


class Appointment(BaseModel):
    """A planned mediation session or visit (shown on 工作台 on its day)."""

    case = peewee.ForeignKeyField(Case, backref="appointments", on_delete="CASCADE")
    case_id: str
    at = apsw_ext.DateTimeField(index=True)
    kind = peewee.CharField(default="mediation")  # mediation | investigation | followup
    place = peewee.CharField(default="")
    note = peewee.TextField(default="")
    done = apsw_ext.BooleanField(default=False)
