"""The register's tables, one module per capability; import them from here.

Names follow domain.md's glossary. Every synced table is a :class:`BaseModel` (UUID key,
row version, soft deletion: architecture.md §2, §7). A new capability adds its module here
and its tables to :data:`SYNCED_MODELS` (or :data:`LOCAL_MODELS`) and to a migration.
"""

from __future__ import annotations

import peewee

from mediation_desk.store.base import BaseModel
from mediation_desk.store.models.attachments import Attachment, AttachmentChunk, AttachmentContent
from mediation_desk.store.models.audit import AuditEvent
from mediation_desk.store.models.briefs import Brief, LawArticle
from mediation_desk.store.models.cases import (
    Agreement,
    AgreementTerm,
    Appointment,
    Case,
    CaseEvent,
    CaseMediator,
    FollowUp,
    Party,
    Record,
)
from mediation_desk.store.models.compounds import Compound
from mediation_desk.store.models.drafts import Draft
from mediation_desk.store.models.exchange import CaseArrival
from mediation_desk.store.models.history import FieldChange
from mediation_desk.store.models.patrols import (
    Escalation,
    Finding,
    PatrolChange,
    PatrolPlan,
    PatrolVisit,
)
from mediation_desk.store.models.petitions import (
    Assignment,
    DutyRota,
    JointMeeting,
    Petition,
    PetitionDocument,
    PetitionSequence,
    ReturnVisit,
    VisitAppointment,
)
from mediation_desk.store.models.printing import PrintedDocument
from mediation_desk.store.models.room import (
    Account,
    Device,
    DictEntry,
    Mediator,
    NumberSequence,
    Setting,
    Village,
)
from mediation_desk.store.models.sync import NumberLease, SyncConflict

__all__ = [
    "CONTENT_MODELS",
    "LOCAL_MODELS",
    "SYNCED_MODELS",
    "Account",
    "Agreement",
    "AgreementTerm",
    "Appointment",
    "Assignment",
    "Attachment",
    "AttachmentChunk",
    "AttachmentContent",
    "AuditEvent",
    "BaseModel",
    "Brief",
    "Case",
    "CaseArrival",
    "CaseEvent",
    "CaseMediator",
    "Compound",
    "Device",
    "DictEntry",
    "Draft",
    "DutyRota",
    "Escalation",
    "FieldChange",
    "Finding",
    "FollowUp",
    "JointMeeting",
    "LawArticle",
    "Mediator",
    "NumberLease",
    "NumberSequence",
    "Party",
    "PatrolChange",
    "PatrolPlan",
    "PatrolVisit",
    "Petition",
    "PetitionDocument",
    "PetitionSequence",
    "PrintedDocument",
    "Record",
    "ReturnVisit",
    "Setting",
    "SyncConflict",
    "Village",
    "VisitAppointment",
]

SYNCED_MODELS: tuple[type[BaseModel], ...] = (
    Device,
    Setting,
    Mediator,
    Account,
    Village,
    DictEntry,
    NumberSequence,
    Compound,
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
    CaseArrival,
    Brief,
    LawArticle,
    AuditEvent,
    FieldChange,
    Attachment,
    Petition,
    PetitionSequence,
    JointMeeting,
    Assignment,
    ReturnVisit,
    DutyRota,
    VisitAppointment,
    PetitionDocument,
    NumberLease,
    SyncConflict,
)

#: Tables that stay on this device (never synced): unfinished drafts.
LOCAL_MODELS: tuple[type[BaseModel], ...] = (Draft,)

#: Attachment bytes, keyed by SHA-256 and never changed: they travel between devices as
#: files named by hash, not through the session changeset (too big for it, and immutable).
CONTENT_MODELS: tuple[type[peewee.Model], ...] = (AttachmentContent, AttachmentChunk)
