"""The open exchange format for cases (``mediation-desk/case@1``, contract.md).

Reading turns a JSON object into a :class:`CaseDraft` and a list of problems about its *shape*
(a date that is not a date, money that is not money); the rules about its *content* are
:mod:`validation`'s and :mod:`arrival`'s. Beyond what intake takes, a document carries how the
case went — status, closing and archiving dates, outcome, follow-ups, escalations, planned
sessions, the steps of its legal life — read into :class:`ArrivalDraft`, so an export
(:mod:`case_document`) re-imports into an empty register as it was.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from mediation_desk.domain.money import parse_yuan
from mediation_desk.errors import DomainError, Problem
from mediation_desk.services.cases.drafts import (
    AgreementDraft,
    AppointmentDraft,
    ArrivalDraft,
    CaseDraft,
    EscalationDraft,
    EventDraft,
    FollowUpDraft,
    MediatorDraft,
    PartyDraft,
    RecordDraft,
    TermDraft,
)

FORMAT = "mediation-desk/case@1"


class _Reader:
    """Reads typed values out of a JSON object, collecting problems instead of raising."""

    def __init__(self, record: str) -> None:
        self.record = record
        self.problems: list[Problem] = []

    def fail(self, field: str, reason: str) -> None:
        self.problems.append(Problem(self.record, field, reason))

    def text(self, obj: dict[str, Any], key: str, label: str, default: str = "") -> str:
        value = obj.get(key, default)
        if value is None:
            return default
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str):
            self.fail(label, "应为文字")
            return default
        return value.strip()

    def date(self, obj: dict[str, Any], key: str, label: str) -> date | None:
        value = obj.get(key)
        if value in (None, ""):
            return None
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.fail(label, f"日期格式应为 YYYY-MM-DD，实际为“{value}”")
            return None

    def datetime(self, obj: dict[str, Any], key: str, label: str,
                 required: bool = True) -> datetime | None:
        value = obj.get(key)
        if value in (None, ""):
            if required:
                self.fail(label, "不能为空")
            return None
        try:
            return datetime.fromisoformat(str(value)).replace(tzinfo=None)
        except ValueError:
            self.fail(label, f"时间格式应为 YYYY-MM-DDTHH:MM，实际为“{value}”")
            return None

    def money(self, obj: dict[str, Any], key: str, label: str) -> int | None:
        value = obj.get(key)
        if value in (None, ""):
            return None
        try:
            return parse_yuan(value)
        except DomainError as exc:
            self.fail(label, exc.reason)
            return None

    def integer(self, obj: dict[str, Any], key: str, label: str) -> int | None:
        value = obj.get(key)
        if value in (None, ""):
            return None
        if isinstance(value, bool):
            self.fail(label, "应为整数")
            return None
        try:
            number = int(str(value))
        except ValueError:
            self.fail(label, f"应为整数，实际为“{value}”")
            return None
        return number

    def flag(self, obj: dict[str, Any], key: str, label: str) -> bool:
        value = obj.get(key)
        if value in (None, ""):
            return False
        if not isinstance(value, bool):
            self.fail(label, f"应为 true 或 false，实际为“{value}”")
            return False
        return value

    def items(self, obj: dict[str, Any], key: str, label: str) -> list[Any]:
        value = obj.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(label, "应为列表")
            return []
        return value

    def obj(self, value: Any, label: str) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.fail(label, "应为对象（JSON object）")
            return None
        return value


def read_case(doc: Any, record: str) -> tuple[CaseDraft, list[Problem]]:
    """A draft from one case document; problems name ``record`` (e.g. "第2条案件")."""
    r = _Reader(record)
    draft = CaseDraft()
    if not isinstance(doc, dict):
        r.fail("", "应为一个案件对象（JSON object）")
        return draft, r.problems
    fmt = doc.get("format", FORMAT)
    if fmt != FORMAT:
        r.fail("format", f"格式应为 {FORMAT}，实际为“{fmt}”")
    draft.number = r.text(doc, "number", "案件编号")
    draft.received_on = r.date(doc, "received_on", "受理日期")
    draft.source = r.text(doc, "source", "案件来源", "当事人申请") or "当事人申请"
    draft.dispute_type = r.text(doc, "dispute_type", "纠纷类型")
    draft.title = r.text(doc, "title", "标题")
    draft.village = r.text(doc, "village", "村（社区）")
    draft.summary = r.text(doc, "summary", "纠纷简要情况")
    draft.requests = [str(x).strip() for x in r.items(doc, "requests", "申请事项") if str(x).strip()]
    draft.risk_level = r.text(doc, "risk_level", "风险等级", "blue") or "blue"
    draft.procedure = r.text(doc, "procedure", "程序", "normal") or "normal"
    draft.amount_fen = r.money(doc, "amount_involved", "涉及金额")
    draft.people_involved = r.integer(doc, "people_involved", "涉及人数")
    for i, item in enumerate(r.items(doc, "mediators", "调解员"), start=1):
        m = r.obj(item, f"调解员[{i}]")
        if m is not None:
            draft.mediators.append(
                MediatorDraft(r.text(m, "name", f"调解员[{i}] 姓名"),
                              r.text(m, "role", f"调解员[{i}] 角色", "lead") or "lead",
                              r.flag(m, "recused", f"调解员[{i}] 回避")))
    for i, item in enumerate(r.items(doc, "parties", "当事人"), start=1):
        p = r.obj(item, f"当事人[{i}]")
        if p is not None:
            draft.parties.append(_read_party(r, p, f"当事人[{i}]"))
    for i, item in enumerate(r.items(doc, "records", "记录"), start=1):
        rec = r.obj(item, f"记录[{i}]")
        if rec is None:
            continue
        at = r.datetime(rec, "at", f"记录[{i}] 时间")
        participants = r.items(rec, "participants", f"记录[{i}] 参加人")
        if at is not None:
            draft.records.append(RecordDraft(
                kind=r.text(rec, "kind", f"记录[{i}] 类型"), at=at,
                place=r.text(rec, "place", f"记录[{i}] 地点"),
                participants=[str(x) for x in participants],
                author=r.text(rec, "author", f"记录[{i}] 记录人"),
                body=r.text(rec, "body", f"记录[{i}] 内容"),
                private=r.flag(rec, "private", f"记录[{i}] 不公开"),
                addendum=r.flag(rec, "addendum", f"记录[{i}] 结案后补充"),
                author_user=r.text(rec, "author_user", f"记录[{i}] 记录人账户")))
    if doc.get("agreement") is not None:
        a = r.obj(doc["agreement"], "协议")
        if a is not None:
            draft.agreement = _read_agreement(r, a)
    draft.arrival = _read_arrival(r, doc)
    return draft, r.problems


def _read_party(r: _Reader, p: dict[str, Any], label: str) -> PartyDraft:
    return PartyDraft(
        side=r.text(p, "side", f"{label} 身份", "applicant"),
        kind=r.text(p, "kind", f"{label} 类型", "person") or "person",
        name=r.text(p, "name", f"{label} 姓名"),
        gender=r.text(p, "gender", f"{label} 性别"),
        ethnicity=r.text(p, "ethnicity", f"{label} 民族"),
        birth_date=r.date(p, "birth_date", f"{label} 出生日期"),
        id_type=r.text(p, "id_type", f"{label} 证件类型", "resident_id") or "resident_id",
        id_number=r.text(p, "id_number", f"{label} 身份证号码"),
        phone=r.text(p, "phone", f"{label} 联系电话"),
        address=r.text(p, "address", f"{label} 住址"),
        occupation=r.text(p, "occupation", f"{label} 职业"),
        legal_representative=r.text(p, "legal_representative", f"{label} 法定代表人"),
        agent=r.text(p, "agent", f"{label} 委托代理人"),
    )


def _read_agreement(r: _Reader, a: dict[str, Any]) -> AgreementDraft:
    agreement = AgreementDraft(
        form=r.text(a, "form", "协议 形式", "written") or "written",
        reached_on=r.date(a, "reached_on", "协议 达成日期"),
        effective_on=r.date(a, "effective_on", "协议 生效日期"),
        facts=r.text(a, "facts", "协议 纠纷主要事实"),
        issues=r.text(a, "issues", "协议 争议事项"),
        responsibilities=r.text(a, "responsibilities", "协议 各方责任"),
    )
    for i, item in enumerate(r.items(a, "terms", "协议条款"), start=1):
        t = r.obj(item, f"协议条款[{i}]")
        if t is None:
            continue
        agreement.terms.append(TermDraft(
            text=r.text(t, "text", f"协议条款[{i}] 内容"),
            obligor=r.text(t, "obligor", f"协议条款[{i}] 义务人"),
            obligee=r.text(t, "obligee", f"协议条款[{i}] 权利人"),
            amount_fen=r.money(t, "amount", f"协议条款[{i}] 金额"),
            due_on=r.date(t, "due_on", f"协议条款[{i}] 履行期限"),
            place=r.text(t, "place", f"协议条款[{i}] 履行地点"),
            method=r.text(t, "method", f"协议条款[{i}] 履行方式"),
            performance=r.text(t, "performance", f"协议条款[{i}] 履行情况"),
            performed_on=r.date(t, "performed_on", f"协议条款[{i}] 履行日期"),
        ))
    return agreement


def _read_arrival(r: _Reader, doc: dict[str, Any]) -> ArrivalDraft:
    """How the case went, as far as the document says (all optional: a document written by
    hand for a new case says none of it)."""
    a = ArrivalDraft(
        status=r.text(doc, "status", "案件状态"), outcome=r.text(doc, "outcome", "调解结果"),
        closed_on=r.date(doc, "closed_on", "结案日期"),
        archived_on=r.date(doc, "archived_on", "归档日期"),
        anonymised_on=r.date(doc, "anonymised_on", "匿名化日期"),
        deadline_on=r.date(doc, "deadline_on", "调解期限"),
        extension_days=r.integer(doc, "extension_days", "延长天数") or 0,
        refusal_reason=r.text(doc, "refusal_reason", "拒绝调解理由"),
        termination_reason=r.text(doc, "termination_reason", "终止调解原因"),
        group_dispute=r.flag(doc, "group_dispute", "群体性纠纷")
        if doc.get("group_dispute") is not None else None,
        prevented_criminal=r.flag(doc, "prevented_criminal", "防止民转刑"),
        prevented_criminal_people=r.integer(doc, "prevented_criminal_people",
                                            "防止民转刑人数") or 0,
        prevented_suicide=r.flag(doc, "prevented_suicide", "防止自杀"),
        prevented_group_fight=r.flag(doc, "prevented_group_fight", "防止群体性械斗"),
        prevented_group_petition=r.flag(doc, "prevented_group_petition", "防止群体性上访"),
        from_finding=r.text(doc, "from_finding", "排查发现"),
        omitted_private=r.integer(doc, "omitted_private_records", "略去的不公开记录") or 0,
        carried_review=[str(x).strip() for x in r.items(doc, "review", "待核对")
                        if str(x).strip()],
    )
    for i, item in enumerate(r.items(doc, "followups", "回访"), start=1):
        f = r.obj(item, f"回访[{i}]")
        due = r.date(f, "due_on", f"回访[{i}] 计划日期") if f is not None else None
        if f is None:
            continue
        if due is None:
            r.fail(f"回访[{i}] 计划日期", "不能为空")
            continue
        a.followups.append(FollowUpDraft(
            due_on=due, done_on=r.date(f, "done_on", f"回访[{i}] 回访日期"),
            visited=r.text(f, "visited", f"回访[{i}] 回访对象"),
            performance=r.text(f, "performance", f"回访[{i}] 履行情况"),
            satisfaction=r.text(f, "satisfaction", f"回访[{i}] 满意度"),
            sued=r.flag(f, "sued", f"回访[{i}] 是否起诉"),
            renewed_conflict=r.text(f, "renewed_conflict", f"回访[{i}] 矛盾反复"),
            measures=r.text(f, "measures", f"回访[{i}] 措施"),
            visitor=r.text(f, "visitor", f"回访[{i}] 回访人"),
            record=r.integer(f, "record", f"回访[{i}] 回访记录")))
    for i, item in enumerate(r.items(doc, "escalations", "上报"), start=1):
        e = r.obj(item, f"上报[{i}]")
        at = r.datetime(e, "at", f"上报[{i}] 上报时间") if e is not None else None
        if e is None or at is None:
            continue
        a.escalations.append(EscalationDraft(
            target=r.text(e, "target", f"上报[{i}] 上报单位"), at=at,
            method=r.text(e, "method", f"上报[{i}] 方式"),
            summary=r.text(e, "summary", f"上报[{i}] 内容"),
            received_by=r.text(e, "received_by", f"上报[{i}] 接收人"),
            received_at=r.datetime(e, "received_at", f"上报[{i}] 接收时间", required=False),
            result=r.text(e, "result", f"上报[{i}] 处理结果")))
    for i, item in enumerate(r.items(doc, "appointments", "预约"), start=1):
        p = r.obj(item, f"预约[{i}]")
        at = r.datetime(p, "at", f"预约[{i}] 时间") if p is not None else None
        if p is None or at is None:
            continue
        a.appointments.append(AppointmentDraft(
            at=at, kind=r.text(p, "kind", f"预约[{i}] 类型", "mediation") or "mediation",
            place=r.text(p, "place", f"预约[{i}] 地点"), note=r.text(p, "note", f"预约[{i}] 备注"),
            done=r.flag(p, "done", f"预约[{i}] 已完成")))
    for i, item in enumerate(r.items(doc, "events", "办理经过"), start=1):
        ev = r.obj(item, f"办理经过[{i}]")
        at = r.datetime(ev, "at", f"办理经过[{i}] 时间") if ev is not None else None
        if ev is None or at is None:
            continue
        a.events.append(EventDraft(
            at=at, step=r.text(ev, "step", f"办理经过[{i}] 步骤"),
            from_status=r.text(ev, "from", f"办理经过[{i}] 原状态"),
            to_status=r.text(ev, "to", f"办理经过[{i}] 新状态"),
            reason=r.text(ev, "reason", f"办理经过[{i}] 原因"),
            by=r.text(ev, "by", f"办理经过[{i}] 操作人")))
    return a
