"""坐班接访 and 预约接访: who receives visitors on which days, and appointments booked into the
slots of those days.

A rota is a recurring rule (RFC 5545 RRULE) expanded on demand as patrol plans are
(:mod:`mediation_desk.domain.recurrence`): occurrences are never stored. A duty day runs from
``start_time`` to ``end_time`` in slots of ``slot_minutes``; an appointment must fall on one
of those slots, and a slot holds one appointment — a second booking of it is refused, naming
who already has it (masked phone only).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from mediation_desk import clock
from mediation_desk.domain import recurrence
from mediation_desk.domain.errors import DomainError
from mediation_desk.domain.phone import mask_phone, validate_phone
from mediation_desk.errors import NotFound, PermissionDenied, Problem, ValidationError
from mediation_desk.services.petitions.types import PetitionResult
from mediation_desk.services.shared import audit, field_history
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.database import Store
from mediation_desk.store.models import DutyRota, VisitAppointment

MAX_SLOT_MINUTES = 240
ROTA_LABELS = {"title": "名称", "receivers": "接访人员", "place": "地点", "starts_on": "开始日期",
               "until": "结束日期", "start_time": "开始时间", "end_time": "结束时间",
               "slot_minutes": "每个预约时段（分钟）", "rule": "周期", "note": "备注",
               "active": "有效"}


@dataclass
class RotaDraft:
    title: str = ""
    receivers: list[str] = field(default_factory=list)  # the leader first
    place: str = ""
    starts_on: date | None = None
    until: date | None = None
    start_time: str = "09:00"
    end_time: str = "12:00"
    slot_minutes: int = 30
    rule: str = "FREQ=WEEKLY;BYDAY=MO"
    note: str = ""


@dataclass(frozen=True)
class RotaView:
    id: str
    title: str
    receivers: tuple[str, ...]
    place: str
    starts_on: date
    until: date | None
    start_time: str
    end_time: str
    slot_minutes: int
    rule: str
    rule_text: str
    note: str
    active: bool


@dataclass(frozen=True)
class DutyDay:
    """One duty occurrence: who receives, where, from when to when."""

    on: date
    rota_id: str
    title: str
    receivers: tuple[str, ...]
    place: str
    start_time: str
    end_time: str


@dataclass(frozen=True)
class SlotView:
    at: datetime
    rota_id: str
    receiver: str
    appointment_id: str  # "" = free
    person: str  # the booked person's name ("" = free)


@dataclass
class AppointmentDraft:
    at: datetime | None = None
    person_name: str = ""
    person_phone: str = ""
    topic: str = ""
    receiver: str = ""


@dataclass(frozen=True)
class AppointmentView:
    id: str
    at: datetime
    person_name: str
    person_phone: str  # masked
    topic: str
    receiver: str
    status: str  # booked | done | cancelled
    petition_id: str | None


def _rota_view(r: DutyRota) -> RotaView:
    return RotaView(r.id, r.title, tuple(json.loads(r.receivers or "[]")), r.place,
                    r.starts_on, r.until, r.start_time, r.end_time, r.slot_minutes, r.rule,
                    recurrence.describe(r.rule, r.starts_on), r.note, bool(r.active))


def _appointment_view(a: VisitAppointment) -> AppointmentView:
    return AppointmentView(a.id, a.at, a.person_name,
                           mask_phone(a.person_phone) if a.person_phone else "", a.topic,
                           a.receiver, a.status, a.petition_id)


def check_rota(draft: RotaDraft) -> list[Problem]:
    record = "坐班接访安排"
    out = []
    if not draft.title.strip():
        out.append(Problem(record, "名称", "不能为空"))
    draft.receivers = [n.strip() for n in draft.receivers if n.strip()]
    if not draft.receivers:
        out.append(Problem(record, "接访人员", "至少需要一人（带班领导在前）"))
    if draft.starts_on is None:
        out.append(Problem(record, "开始日期", "不能为空"))
    elif draft.until is not None and draft.until < draft.starts_on:
        out.append(Problem(record, "结束日期", f"早于开始日期（{draft.starts_on.isoformat()}）"))
    times = []
    for label, text in (("开始时间", draft.start_time), ("结束时间", draft.end_time)):
        try:
            times.append(recurrence.parse_time(text))
        except DomainError as exc:
            out.append(Problem(record, label, exc.reason))
    if len(times) == 2 and times[1] <= times[0]:
        out.append(Problem(record, "结束时间", "应晚于开始时间"))
    if not 5 <= draft.slot_minutes <= MAX_SLOT_MINUTES:
        out.append(Problem(record, "每个预约时段", f"应在5至{MAX_SLOT_MINUTES}分钟之间"))
    reason = recurrence.rule_problem(draft.rule, draft.starts_on, draft.until,
                                     draft.start_time if not out else "09:00")
    if reason:
        out.append(Problem(record, "周期", reason.replace("排查", "坐班")))
    return out


class RotaService:
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor

    def _require_manager(self) -> None:
        if self.actor.role not in ("director", "admin"):
            raise PermissionDenied("只有调委会主任或管理员可以安排坐班接访")

    # -- the rota -----------------------------------------------------------------------------
    def save_rota(self, draft: RotaDraft, rota_id: str | None = None) -> PetitionResult:
        """Add a rota or change one (director or administrator)."""
        self._require_manager()
        row = None
        if rota_id is not None:
            row = DutyRota.get_live(rota_id)
            if row is None:
                raise NotFound(f"找不到坐班安排 {rota_id}")
        problems = check_rota(draft)
        if problems:
            raise ValidationError(problems)
        values = {"title": draft.title.strip(),
                  "receivers": json.dumps(draft.receivers, ensure_ascii=False),
                  "place": draft.place.strip(), "starts_on": draft.starts_on,
                  "until": draft.until, "start_time": draft.start_time.strip(),
                  "end_time": draft.end_time.strip(), "slot_minutes": draft.slot_minutes,
                  "rule": recurrence.normalise_rule(draft.rule), "note": draft.note.strip(),
                  "active": True}
        with self.store.write() as changes:
            if row is None:
                row = DutyRota.create(**values)
                audit.record(self.actor, "create", row, detail=f"坐班接访：{row.title}")
            else:
                before = field_history.snapshot(row)
                for key, value in values.items():
                    setattr(row, key, value)
                row.save()
                field_history.record_edit(self.actor, row, field_history.diff(
                    before, row, ROTA_LABELS), case_id=None, record=f"坐班接访 {row.title}")
            changes.touch("rota")
        return PetitionResult(row.id, changes)

    def end_rota(self, rota_id: str, on: date) -> PetitionResult:
        """The rota's last day; later duty days disappear, appointments already booked stay."""
        self._require_manager()
        row = DutyRota.get_live(rota_id)
        if row is None:
            raise NotFound(f"找不到坐班安排 {rota_id}")
        if on < row.starts_on:
            raise ValidationError(Problem(row.title, "结束日期", "早于开始日期"))
        with self.store.write() as changes:
            before = field_history.snapshot(row)
            row.until = min(on, row.until) if row.until else on
            row.save()
            field_history.record_edit(self.actor, row, field_history.diff(
                before, row, {"until": "结束日期"}), case_id=None, record=f"坐班接访 {row.title}")
            changes.touch("rota")
        return PetitionResult(row.id, changes)

    def rotas(self, active_only: bool = True, today: date | None = None) -> list[RotaView]:
        today = today or clock.today()
        views = [_rota_view(r) for r in DutyRota.live().order_by(DutyRota.starts_on)]
        return [v for v in views if not active_only or v.until is None or v.until >= today]

    def duty(self, start: date, end: date) -> list[DutyDay]:
        """The duty days in ``start``…``end`` (inclusive), by date and time."""
        days = []
        for r in DutyRota.live().where(DutyRota.active == True):  # noqa: E712
            for on in recurrence.occurrences(r.rule, r.starts_on, r.start_time, start, end,
                                             r.until):
                days.append(DutyDay(on, r.id, r.title, tuple(json.loads(r.receivers or "[]")),
                                    r.place, r.start_time, r.end_time))
        return sorted(days, key=lambda d: (d.on, d.start_time, d.title))

    # -- appointments -------------------------------------------------------------------------
    def slots(self, on: date) -> list[SlotView]:
        """Every slot of the day's duty, free or booked."""
        booked = {a.at: a for a in VisitAppointment.live().where(
            VisitAppointment.at >= datetime.combine(on, time.min),
            VisitAppointment.at < datetime.combine(on + timedelta(days=1), time.min),
            VisitAppointment.status != "cancelled")}
        out = []
        for day in self.duty(on, on):
            row = DutyRota.get_by_id(day.rota_id)
            at = datetime.combine(on, recurrence.parse_time(day.start_time))
            end = datetime.combine(on, recurrence.parse_time(day.end_time))
            while at < end:
                a = booked.get(at)
                out.append(SlotView(at, day.rota_id, day.receivers[0] if day.receivers else "",
                                    a.id if a else "", a.person_name if a else ""))
                at += timedelta(minutes=row.slot_minutes)
        return sorted(out, key=lambda s: s.at)

    def book(self, draft: AppointmentDraft, today: date | None = None) -> PetitionResult:
        """Book a person into a slot. Refused: a time that is no slot of a duty day, a slot
        already booked, a time already past, a phone that is no phone."""
        today = today or clock.today()
        record = "预约接访"
        problems = []
        if not draft.person_name.strip():
            problems.append(Problem(record, "预约人 姓名", "不能为空"))
        if draft.person_phone.strip():
            try:
                draft.person_phone = validate_phone(draft.person_phone)
            except DomainError as exc:
                problems.append(Problem(record, "预约人 联系电话", exc.reason))
        slot = None
        if draft.at is None:
            problems.append(Problem(record, "预约时段", "不能为空"))
        elif draft.at.date() < today:
            problems.append(Problem(record, "预约时段", "不能早于今天"))
        else:
            at = draft.at.replace(second=0, microsecond=0)
            slot = next((s for s in self.slots(at.date()) if s.at == at), None)
            if slot is None:
                problems.append(Problem(record, "预约时段",
                                        f"{at:%Y-%m-%d %H:%M} 不是坐班接访的预约时段"))
            elif slot.appointment_id:
                problems.append(Problem(record, "预约时段",
                                        f"{at:%Y-%m-%d %H:%M} 已有预约（{slot.person}），"
                                        "一个时段只能预约一人"))
        if problems:
            raise ValidationError(problems)
        assert slot is not None
        with self.store.write() as changes:
            row = VisitAppointment.create(
                rota=slot.rota_id, at=slot.at, person_name=draft.person_name.strip(),
                person_phone=draft.person_phone, topic=draft.topic.strip(),
                receiver=draft.receiver.strip() or slot.receiver, status="booked")
            audit.record(self.actor, "create", row, detail=f"预约接访 {slot.at:%Y-%m-%d %H:%M}")
            changes.touch("rota")
        return PetitionResult(row.id, changes)

    def cancel(self, appointment_id: str) -> PetitionResult:
        row = VisitAppointment.get_live(appointment_id)
        if row is None:
            raise NotFound(f"找不到预约 {appointment_id}")
        if row.status != "booked":
            raise ValidationError(Problem("预约接访", "状态", "只有尚未接待的预约可以取消"))
        with self.store.write() as changes:
            before = field_history.snapshot(row)
            row.status = "cancelled"
            row.save()
            field_history.record_edit(self.actor, row, field_history.diff(
                before, row, {"status": "状态"}), case_id=None,
                record=f"预约接访 {row.at:%Y-%m-%d %H:%M}", detail="取消预约")
            changes.touch("rota")
        return PetitionResult(row.id, changes)

    def appointments(self, start: date, end: date,
                     include_cancelled: bool = False) -> list[AppointmentView]:
        query = VisitAppointment.live().where(
            VisitAppointment.at >= datetime.combine(start, time.min),
            VisitAppointment.at < datetime.combine(end + timedelta(days=1), time.min))
        if not include_cancelled:
            query = query.where(VisitAppointment.status != "cancelled")
        return [_appointment_view(a) for a in query.order_by(VisitAppointment.at)]

    def appointment(self, appointment_id: str) -> AppointmentView:
        row = VisitAppointment.get_live(appointment_id)
        if row is None:
            raise NotFound(f"找不到预约 {appointment_id}")
        return _appointment_view(row)

    def appointment_person(self, appointment_id: str) -> tuple[str, str]:
        """Name and full phone of a booked person, to prefill the request form (audited)."""
        row = VisitAppointment.get_live(appointment_id)
        if row is None:
            raise NotFound(f"找不到预约 {appointment_id}")
        with self.store.write() as changes:
            audit.record(self.actor, "reveal", row, detail="登记来访时沿用预约人的电话")
            changes.touch("audit")
        return row.person_name, row.person_phone
