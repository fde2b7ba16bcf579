"""What an edit replaced and what it wrote, field by field (the 操作记录's before and after).

Why beside the audit trail and not inside it: the trail is hash-chained and can never be
changed, yet the values an edit replaced are often what the parties said (a summary, an
agreement's wording). When a file's retention period ends those must go with the rest of the
personal data (PIPL Arts 19, 47), so they live here, one row per changed field, linked to the
audit event that certifies who changed it and when; retention blanks them. ID numbers and
phones are stored masked: the history is read by many and must not be a way round the mask.
"""

from __future__ import annotations

import peewee

from mediation_desk.store.base import BaseModel


class FieldChange(BaseModel):
    """One field of one row changed by one audited edit."""

    event_id = peewee.CharField(max_length=36, index=True)  # the AuditEvent
    case_id = peewee.CharField(max_length=36, null=True, index=True)
    entity = peewee.CharField()  # table name, as the audit event has it
    entity_id = peewee.CharField(max_length=36)
    record = peewee.CharField(default="")  # which record, in words: "当事人 张喆", "协议第2条"
    field = peewee.CharField()  # the column's code: summary, phone, amount_fen, …
    label = peewee.CharField(default="")  # the field's Chinese name: 纠纷简要情况
    before = peewee.TextField(default="")
    after = peewee.TextField(default="")
    position = peewee.IntegerField(default=0)  # order within the event
