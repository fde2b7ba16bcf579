"""Screening patrols: plans, their exceptions, visits and findings, and escalations (上报)
of a case or a finding."""

from __future__ import annotations

import peewee
from playhouse import apsw_ext

from mediation_desk.store.base import BaseModel
from mediation_desk.store.models.cases import Case
from mediation_desk.store.models.room import Account, Village


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
    """One patrol held (排查记录): against an occurrence of a plan, or ad hoc when ``plan`` and
    ``occurrence_on`` are empty. A zero report (零报告) is a visit with no findings.

    The occurrence is named by ``occurrence_on`` (its planned date) and, for an extra visit
    (专项排查), by ``extra`` as well: an extra may fall on the planned date of an occurrence
    moved away, or beside a planned one on the same day, and each keeps its own visits."""

    plan = peewee.ForeignKeyField(PatrolPlan, null=True, backref="visits")
    plan_id: str | None
    occurrence_on = apsw_ext.DateField(null=True, index=True)  # the planned date it fulfils
    extra = peewee.ForeignKeyField(PatrolChange, null=True, backref="visits")
    extra_id: str | None
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
    resolved_on = apsw_ext.DateField(null=True, index=True)
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
