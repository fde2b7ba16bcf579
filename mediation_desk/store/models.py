"""The register's tables: cases and everything a case's dossier holds.

Names follow domain.md's glossary. Money is stored as integer fen (no float rounding in a
legal document); dictionary values (dispute type, source, ethnicity) are stored as their
Chinese labels, because a county may rename an entry and old cases must keep what was chosen.
"""

from __future__ import annotations

import peewee
from playhouse import apsw_ext

from mediation_desk.store.base import BaseModel


class Device(BaseModel):
    """One installation: the room's desk 调解室主机 or a patrol laptop 巡查笔记本."""

    name = peewee.CharField()
    kind = peewee.CharField(default="desk")  # desk | laptop


class Setting(BaseModel):
    """Room settings: a key and a JSON value (room name, committee, number pattern, …)."""

    key = peewee.CharField(unique=True)
    value = peewee.TextField()


class Mediator(BaseModel):
    """A person who mediates (人民调解员); may or may not have an account."""

    name = peewee.CharField(index=True)
    phone = peewee.CharField(default="")
    active = apsw_ext.BooleanField(default=True)


class Account(BaseModel):
    """Someone who logs in: a mediator, the committee director or an administrator."""

    username = peewee.CharField(unique=True)
    display_name = peewee.CharField(default="")
    role = peewee.CharField(default="mediator")  # mediator | director | admin
    password_hash = peewee.CharField()
    active = apsw_ext.BooleanField(default=True)
    mediator = peewee.ForeignKeyField(Mediator, null=True, backref="accounts")
    mediator_id: str | None


class Village(BaseModel):
    """A village, community or grid (村 / 社区 / 网格) a case or patrol belongs to."""

    name = peewee.CharField(unique=True)
    active = apsw_ext.BooleanField(default=True)


class DictEntry(BaseModel):
    """One value of an editable dictionary (dispute types, sources, ethnicities).

    ``version`` is the dictionary's version when the entry was added or last changed, so a
    report can say which list a figure was counted against.
    """

    kind = peewee.CharField(index=True)
    label = peewee.CharField()
    position = peewee.IntegerField(default=0)
    active = apsw_ext.BooleanField(default=True)
    version = peewee.IntegerField(default=1)

    class Meta:
        indexes = ((("kind", "label"), True),)


class NumberSequence(BaseModel):
    """The last case number issued in a year: numbers only ever go up, never reused."""

    year = peewee.IntegerField(unique=True)
    last_issued = peewee.IntegerField(default=0)


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
    closed_on = apsw_ext.DateField(null=True)
    archived_on = apsw_ext.DateField(null=True)
    anonymised_on = apsw_ext.DateField(null=True)  # personal data removed after retention
    prevented_criminal = apsw_ext.BooleanField(default=False)
    prevented_criminal_people = peewee.IntegerField(default=0)
    prevented_suicide = apsw_ext.BooleanField(default=False)
    prevented_group_fight = apsw_ext.BooleanField(default=False)
    prevented_group_petition = apsw_ext.BooleanField(default=False)
    created_by = peewee.ForeignKeyField(Account, null=True, backref="+")
    created_by_id: str | None


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

    case = peewee.ForeignKeyField(Case, backref="agreements", unique=True, on_delete="CASCADE")
    case_id: str
    form = peewee.CharField(default="written")
    reached_on = apsw_ext.DateField()
    effective_on = apsw_ext.DateField(null=True)
    facts = peewee.TextField(default="")
    issues = peewee.TextField(default="")
    responsibilities = peewee.TextField(default="")


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


class PatrolPlan(BaseModel):
    """A recurring screening patrol (排查计划): villages, a team with one lead, a cadence.

    The cadence is an RFC 5545 RRULE expanded by python-dateutil from ``starts_on`` at
    ``start_time``; occurrences are never stored, only their exceptions (:class:`PatrolChange`),
    so a plan edited later still agrees with what was planned.
    """

    title = peewee.CharField(index=True)
    villages = peewee.TextField(default="[]")  # JSON list of village names
    team = peewee.TextField(default="[]")  # JSON list of {"name", "role": lead|member}
    starts_on = apsw_ext.DateField()
    until = apsw_ext.DateField(null=True)
    start_time = peewee.CharField(default="09:00")  # HH:MM, local
    duration_minutes = peewee.IntegerField(default=120)
    rule = peewee.TextField()  # RRULE without the "RRULE:" prefix
    focus = peewee.TextField(default="[]")  # JSON list of topics
    note = peewee.TextField(default="")
    active = apsw_ext.BooleanField(default=True)


class PatrolChange(BaseModel):
    """An exception to a plan's cadence: an occurrence cancelled or moved, or an extra visit.

    ``original_on`` names the planned occurrence (cancel, move); an extra visit has none.
    """

    plan = peewee.ForeignKeyField(PatrolPlan, backref="changes", on_delete="CASCADE")
    plan_id: str
    kind = peewee.CharField()  # cancel | move | extra
    original_on = apsw_ext.DateField(null=True)
    new_on = apsw_ext.DateField(null=True)
    new_time = peewee.CharField(default="")  # HH:MM; empty = the plan's time
    reason = peewee.TextField(default="")


class PatrolVisit(BaseModel):
    """One patrol held (排查记录): against a planned occurrence, or ad hoc when ``plan`` and
    ``occurrence_on`` are empty. A zero report (零报告) is a visit with no findings."""

    plan = peewee.ForeignKeyField(PatrolPlan, null=True, backref="visits")
    plan_id: str | None
    occurrence_on = apsw_ext.DateField(null=True, index=True)  # the planned date it fulfils
    on = apsw_ext.DateField(index=True)
    village = peewee.ForeignKeyField(Village, null=True, backref="patrol_visits")
    village_id: str | None
    team = peewee.TextField(default="[]")  # JSON list of names, lead first
    places = peewee.TextField(default="")
    households_visited = peewee.IntegerField(default=0)
    zero_report = apsw_ext.BooleanField(default=False)
    note = peewee.TextField(default="")
    recorded_by = peewee.ForeignKeyField(Account, null=True, backref="+")
    recorded_by_id: str | None


class Finding(BaseModel):
    """A dispute or risk found on a patrol (排查发现 / 纠纷线索), its measure and later result.

    ``case`` is set when the finding became a registered case (source 排查发现): the case
    finds its finding through ``case.findings``, the finding its case here.
    """

    visit = peewee.ForeignKeyField(PatrolVisit, backref="findings", on_delete="CASCADE")
    visit_id: str
    position = peewee.IntegerField(default=0)
    summary = peewee.TextField()
    parties = peewee.TextField(default="")
    dispute_type = peewee.CharField(default="")
    people_involved = peewee.IntegerField(null=True)
    amount_fen = peewee.BigIntegerField(null=True)
    risk_level = peewee.CharField(index=True)  # red | orange | yellow | blue
    measure = peewee.CharField(default="watch")  # mediated_on_site | registered | referred | watch
    responsible = peewee.CharField(default="")
    due_on = apsw_ext.DateField(null=True, index=True)
    status = peewee.CharField(default="open", index=True)  # open | resolved | closed
    result = peewee.TextField(default="")
    resolved_on = apsw_ext.DateField(null=True)
    case = peewee.ForeignKeyField(Case, null=True, backref="findings")
    case_id: str | None


class Escalation(BaseModel):
    """A report or hand-over (上报/移交, Art 25) and its receipt."""

    case = peewee.ForeignKeyField(Case, null=True, backref="escalations", on_delete="CASCADE")
    case_id: str | None
    target = peewee.CharField()
    at = apsw_ext.DateTimeField()
    method = peewee.CharField(default="")
    summary = peewee.TextField(default="")
    received_by = peewee.CharField(default="")
    received_at = apsw_ext.DateTimeField(null=True)
    result = peewee.TextField(default="")
    finding = peewee.ForeignKeyField(Finding, null=True, backref="escalations")
    finding_id: str | None


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


class PrintedDocument(BaseModel):
    """A document printed or saved as PDF, filed back to its case (architecture.md §4):
    which form, when, by whom, how many copies, and the SHA-256 of the PDF bytes, so a paper
    in the dossier can be matched to what the program produced."""

    case = peewee.ForeignKeyField(Case, backref="printed_documents", on_delete="CASCADE")
    case_id: str
    kind = peewee.CharField()  # a contract.md print kind: agreement, notice, dossier, …
    title = peewee.CharField(default="")
    at = apsw_ext.DateTimeField()
    account = peewee.ForeignKeyField(Account, null=True, backref="+")
    account_id: str | None
    user_name = peewee.CharField(default="")
    action = peewee.CharField(default="print")  # print | save
    copies = peewee.IntegerField(default=1)
    pages = peewee.IntegerField(default=0)
    sha256 = peewee.CharField()


class Draft(BaseModel):
    """Unfinished typing (an intake form, a record, agreement terms), saved as it is typed.

    Local to this device and its user: a crash or power cut loses nothing, and the draft is
    offered again at the next start. Kept inside the encrypted file, never in a temp file.
    """

    account = peewee.CharField(index=True)
    kind = peewee.CharField()  # intake | record | agreement
    case_ref = peewee.CharField(default="")  # the case a record/agreement draft belongs to
    title = peewee.CharField(default="")
    payload = peewee.TextField()


class AuditEvent(BaseModel):
    """Append-only, hash-chained trail of who did what (per device chain)."""

    seq = peewee.IntegerField()
    device = peewee.CharField(max_length=36)
    at = apsw_ext.DateTimeField()
    account = peewee.CharField(default="")
    action = peewee.CharField()
    entity = peewee.CharField(default="")
    entity_id = peewee.CharField(default="")
    row_hash = peewee.CharField(default="")
    detail = peewee.TextField(default="")
    prev_hash = peewee.CharField(default="")
    hash = peewee.CharField()

    class Meta:
        indexes = ((("device", "seq"), True),)


SYNCED_MODELS: tuple[type[BaseModel], ...] = (
    Device,
    Setting,
    Mediator,
    Account,
    Village,
    DictEntry,
    NumberSequence,
    Case,
    CaseMediator,
    Party,
    Record,
    Agreement,
    AgreementTerm,
    FollowUp,
    PatrolPlan,
    PatrolChange,
    PatrolVisit,
    Finding,
    Escalation,
    CaseEvent,
    Appointment,
    PrintedDocument,
    AuditEvent,
)

#: Tables that stay on this device (never synced): unfinished drafts.
LOCAL_MODELS: tuple[type[BaseModel], ...] = (Draft,)
