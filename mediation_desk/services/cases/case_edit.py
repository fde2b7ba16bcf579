"""Correcting a case's own facts after registration (修改案件信息): title, summary, village,
residential compound (小区, for the property alliance's per-compound history), dispute type, source, risk level, amount and people involved, group-dispute flag.

Why one method for the window and the command line (``edit NUMBER FIELD=VALUE…``): the same
value must be refused, normalised and audited the same way whoever types it. Values arrive as
text, as typed — "12,000", "红", "是" — and are parsed here. Dictionary values (dispute type,
source) and villages must be ones the room already keeps: a correction picks from the lists,
and a new village or type is added in 设置 first (a new compound in 接访 → 小区), so a typo ("湖二材") cannot split one
village in two. Every changed field is recorded with its before and after
(:mod:`mediation_desk.services.shared.field_history`); nothing changed → nothing written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from mediation_desk.domain.dictionaries import RISK_LEVELS
from mediation_desk.domain.money import format_yuan, parse_yuan
from mediation_desk.errors import DomainError, NotFound, Problem, ValidationError
from mediation_desk.services.cases import indexing
from mediation_desk.services.settings.dictionaries import labels as dictionary_labels
from mediation_desk.services.shared import field_history
from mediation_desk.services.shared.actor import Actor
from mediation_desk.services.shared.field_history import Change
from mediation_desk.store.changes import ChangeSet
from mediation_desk.store.database import Store
from mediation_desk.store.models import Case, Compound, Village

#: The fields a correction may change (contract.md's names), with their Chinese names.
FIELDS: dict[str, str] = {
    "title": "案件名称",
    "summary": "纠纷简要情况",
    "village": "村（社区）",
    "compound": "小区",
    "dispute_type": "纠纷类型",
    "source": "案件来源",
    "risk_level": "风险等级",
    "amount_involved": "涉及金额",
    "people_involved": "涉及人数",
    "group_dispute": "群体性纠纷",
}
TITLE_MAX = 100
MAX_PEOPLE = 100_000
YES = {"是", "true", "yes", "y", "1", "群体性", "对"}
NO = {"否", "false", "no", "n", "0", "不是", ""}
CLOSED_FILE = "已归档或已匿名化的卷宗不能修改"


@dataclass
class EditResult:
    """What a correction changed: the field changes (as the history shows them) and the
    change set for the window."""

    changes: ChangeSet
    fields: list[Change] = field(default_factory=list)


def current_values(case: Case) -> dict[str, str]:
    """The case's editable fields as text, as the correction form and ``edit`` take them."""
    village = Village.get_by_id(case.village_id).name if case.village_id else ""
    compound = Compound.get_by_id(case.compound_id).name if case.compound_id else ""
    return {
        "title": case.title, "summary": case.summary, "village": village, "compound": compound,
        "dispute_type": case.dispute_type, "source": case.source,
        "risk_level": case.risk_level,
        "amount_involved": format_yuan(case.amount_fen) if case.amount_fen is not None else "",
        "people_involved": str(case.people_involved) if case.people_involved is not None
        else "",
        "group_dispute": "是" if case.group_dispute else "否",
    }


class _Parser:
    """Turns typed text into stored values, collecting every problem."""

    def __init__(self, record: str, case: Case) -> None:
        self.record = record
        self.case = case
        self.problems: list[Problem] = []

    def refuse(self, name: str, reason: str) -> None:
        self.problems.append(Problem(self.record, FIELDS.get(name, name), reason))

    def title(self, text: str) -> Any:
        value = text.strip()
        if not value:
            self.refuse("title", "不能为空")
        elif len(value) > TITLE_MAX:
            self.refuse("title", f"不能超过{TITLE_MAX}个字（实际{len(value)}个）")
        return value

    def summary(self, text: str) -> Any:
        return text.strip()

    def village(self, text: str) -> Any:
        name = text.strip()
        if not name:
            return None
        row = Village.live().where(Village.name == name).first()
        if row is None:
            self.refuse("village", f"“{name}”不在村（社区）列表中，请先在“设置”中添加")
            return None
        return row.id

    def compound(self, text: str) -> Any:
        name = text.strip()
        if not name:
            return None
        row = Compound.live().where(Compound.name == name).first()
        if row is None:
            self.refuse("compound", f"“{name}”不在小区名录中，请先在“接访 → 小区”中添加")
            return None
        return row.id

    def _dictionary(self, name: str, kind: str, text: str) -> Any:
        value = text.strip()
        if value == getattr(self.case, name):
            return value
        if value not in dictionary_labels(kind):
            self.refuse(name, f"“{value}”不在{FIELDS[name]}列表中" if value else "不能为空")
        return value

    def dispute_type(self, text: str) -> Any:
        return self._dictionary("dispute_type", "dispute_type", text)

    def source(self, text: str) -> Any:
        return self._dictionary("source", "source", text)

    def risk_level(self, text: str) -> Any:
        value = text.strip().lower().removesuffix("色")
        by_label = {label: code for code, label in RISK_LEVELS.items()}
        code = value if value in RISK_LEVELS else by_label.get(value)
        if code is None:
            self.refuse("risk_level", "应为 " + " / ".join(
                f"{c}（{label}）" for c, label in RISK_LEVELS.items()) + f" 之一，实际为“{text}”")
        return code

    def amount_involved(self, text: str) -> Any:
        if not text.strip():
            return None
        try:
            return parse_yuan(text.strip())
        except DomainError as exc:
            self.refuse("amount_involved", f"{exc.reason}（“{text}”）")
            return None

    def people_involved(self, text: str) -> Any:
        value = text.strip()
        if not value:
            return None
        try:
            number = int(value)
        except ValueError:
            self.refuse("people_involved", f"应为整数，实际为“{text}”")
            return None
        if not 0 <= number <= MAX_PEOPLE:
            self.refuse("people_involved", f"应在0至{MAX_PEOPLE}之间")
        return number

    def group_dispute(self, text: str) -> Any:
        value = text.strip().lower()
        if value in YES:
            return True
        if value not in NO:
            self.refuse("group_dispute", f"应为“是”或“否”，实际为“{text}”")
        return False


#: Each field's stored column on Case.
COLUMNS = {"amount_involved": "amount_fen", "village": "village", "compound": "compound"}


class CaseEditService:
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor

    def values(self, case_id: str) -> dict[str, str]:
        """The editable fields of a case as text (the correction form's starting values)."""
        return current_values(self._case(case_id))

    def _case(self, case_id: str) -> Case:
        case = Case.get_live(case_id)
        if case is None:
            raise NotFound(f"找不到案件 {case_id}")
        return case

    def correct(self, case_id: str, values: Mapping[str, str]) -> EditResult:
        """Change the named fields (text as typed) — all of them or, on any problem, none.

        ValidationError names each unknown field and each bad value with the case's number.
        """
        with self.store.write() as changes:
            case = self._case(case_id)
            record = f"案件{case.number}" if case.number else "案件"
            unknown = [name for name in values if name not in FIELDS]
            if unknown:
                raise ValidationError([Problem(record, name, "不能修改：可修改的字段为 "
                                               + " ".join(FIELDS)) for name in unknown])
            if case.archived_on is not None or case.anonymised_on is not None:
                raise ValidationError(Problem(record, "", CLOSED_FILE))
            parser = _Parser(record, case)
            parse: dict[str, Callable[[str], Any]] = {name: getattr(parser, name)
                                                      for name in FIELDS}
            parsed = {name: parse[name](str(text)) for name, text in values.items()}
            if parser.problems:
                raise ValidationError(parser.problems)
            before = current_values(case)
            for name, value in parsed.items():
                setattr(case, COLUMNS.get(name, name), value)
            after = current_values(case)
            fields = [Change(name, label, self._shown(name, before[name]),
                             self._shown(name, after[name]))
                      for name, label in FIELDS.items() if before[name] != after[name]]
            if not fields:
                return EditResult(changes, [])
            case.save()
            field_history.record_edit(self.actor, case, fields, case_id=case.id)
            if {"title", "summary"} & {c.field for c in fields}:
                indexing.reindex_case(self.store, case.id)
            changes.touch("case", case.id)
            if any(c.field == "compound" for c in fields):
                changes.touch("compound")  # its history lists the case
        return EditResult(changes, fields)

    @staticmethod
    def _shown(name: str, text: str) -> str:
        if name == "risk_level":
            return RISK_LEVELS.get(text, text)
        if name == "amount_involved" and text:
            return f"{text}元"
        return text
