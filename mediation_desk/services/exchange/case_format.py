"""The open exchange format for cases (``mediation-desk/case@1``, contract.md).

Reading turns a JSON object into a :class:`CaseDraft` and a list of problems about its *shape*
(a date that is not a date, money that is not money); the rules about its *content* are
:mod:`validation`'s. Writing produces the same format from a stored case, so an export
re-imports into an empty register unchanged.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from mediation_desk.domain.money import format_yuan, parse_yuan
from mediation_desk.errors import DomainError, Problem
from mediation_desk.services.cases.drafts import (
    AgreementDraft,
    CaseDraft,
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

    def datetime(self, obj: dict[str, Any], key: str, label: str) -> datetime | None:
        value = obj.get(key)
        if value in (None, ""):
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
                              r.text(m, "role", f"调解员[{i}] 角色", "lead") or "lead"))
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
                private=bool(rec.get("private", False))))
    if doc.get("agreement") is not None:
        a = r.obj(doc["agreement"], "协议")
        if a is not None:
            draft.agreement = _read_agreement(r, a)
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
        ))
    return agreement


def _opt_date(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _opt_money(fen: int | None) -> str | None:
    return format_yuan(fen) if fen is not None else None


def write_case(case: dict[str, Any]) -> dict[str, Any]:
    """The document for a case snapshot (see :func:`register.case_snapshot`)."""
    doc: dict[str, Any] = {"format": FORMAT}
    doc.update(case)
    return doc


def document_money(fen: int | None) -> str | None:
    return _opt_money(fen)


def document_date(value: date | None) -> str | None:
    return _opt_date(value)
