"""The facts of a case that only the monthly report counts: whether it is a group dispute, what
the mediation prevented (防止民转刑, 自杀, 群体性械斗, 群体性上访 — cases and people), and the
judicial confirmation of its agreement (applied, court, ruling).

Why a service of their own: these are not part of intake or of the agreement a party signs;
the mediator records them when they become known (a court rules weeks later), from the case's
概况 tab. Each change is validated, written and audited in one transaction like any edit.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from mediation_desk import clock
from mediation_desk.domain.deadlines import confirmation_deadline
from mediation_desk.errors import NotFound, Problem, ValidationError
from mediation_desk.services.shared import audit
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.changes import ChangeSet
from mediation_desk.store.database import Store
from mediation_desk.store.models import Agreement, Case

RECORD = "统计事项"
CONFIRMATION_RESULTS = {"": "尚未裁定", "confirmed": "裁定确认有效", "rejected": "裁定驳回申请"}
MAX_PEOPLE = 100_000

#: (flag field, people field or "", label) of each prevention figure, in report order.
PREVENTIONS: tuple[tuple[str, str, str], ...] = (
    ("prevented_criminal", "prevented_criminal_people", "防止民间纠纷转化为刑事案件"),
    ("prevented_suicide", "", "防止民间纠纷引起自杀"),
    ("prevented_group_fight", "prevented_group_fight_people", "防止群体性械斗"),
    ("prevented_group_petition", "prevented_group_petition_people", "防止群体性上访"),
)
FIELD_LABELS = {"group_dispute": "群体性纠纷",
                **{flag: label for flag, _, label in PREVENTIONS},
                **{people: f"{label}人数" for _, people, label in PREVENTIONS if people}}


@dataclass(frozen=True)
class CaseFacts:
    group_dispute: bool = False
    prevented_criminal: bool = False
    prevented_criminal_people: int = 0
    prevented_suicide: bool = False
    prevented_group_fight: bool = False
    prevented_group_fight_people: int = 0
    prevented_group_petition: bool = False
    prevented_group_petition_people: int = 0


@dataclass(frozen=True)
class Confirmation:
    """司法确认 of the case's agreement: applied on, court, result code, day of the ruling."""

    applied_on: date | None = None
    court: str = ""
    result: str = ""  # "" | confirmed | rejected
    ruled_on: date | None = None


@dataclass(frozen=True)
class FactsResult:
    changes: ChangeSet
    warnings: list[str]


class CaseFactsService:
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor

    @staticmethod
    def _case(case_id: str) -> Case:
        case = Case.get_live(case_id)
        if case is None:
            raise NotFound(f"找不到案件 {case_id}")
        return case

    # -- prevention and group dispute ----------------------------------------------------------
    def facts(self, case_id: str) -> CaseFacts:
        case = self._case(case_id)
        return CaseFacts(**{f.name: getattr(case, f.name) for f in fields(CaseFacts)})

    @staticmethod
    def problems(facts: CaseFacts) -> list[Problem]:
        """A people count needs its figure ticked and must be a sensible number."""
        found = []
        for flag, people, label in PREVENTIONS:
            if not people:
                continue
            count = getattr(facts, people)
            if not 0 <= count <= MAX_PEOPLE:
                found.append(Problem(RECORD, f"{label}人数", f"应在0至{MAX_PEOPLE}之间"))
            elif count and not getattr(facts, flag):
                found.append(Problem(RECORD, f"{label}人数", f"未勾选“{label}”，人数应为0"))
        return found

    def update_facts(self, case_id: str, facts: CaseFacts) -> FactsResult:
        return self.save(case_id, facts, None)

    def save(self, case_id: str, facts: CaseFacts | None,
             confirmation: Confirmation | None) -> FactsResult:
        """Record the report facts and/or the confirmation together, all or nothing (the
        window's 统计事项 dialog saves both at once)."""
        problems = self.problems(facts) if facts is not None else []
        if problems:
            raise ValidationError(problems)
        with self.store.write() as changes:
            case = self._case(case_id)
            warnings: list[str] = []
            if confirmation is not None:
                warnings = self._confirm(case, confirmation)
            if facts is not None:
                self._facts(case, facts)
            if confirmation is not None or facts is not None:
                changes.touch("case", case.id)
            if confirmation is not None:
                changes.touch("agreement", case.id)
        return FactsResult(changes, warnings)

    def _facts(self, case: Case, facts: CaseFacts) -> None:
        said = []
        for f in fields(CaseFacts):
            new = getattr(facts, f.name)
            if getattr(case, f.name) != new:
                setattr(case, f.name, new)
                shown = ("是" if new else "否") if isinstance(new, bool) else str(new)
                said.append(f"{FIELD_LABELS[f.name]}：{shown}")
        if said:
            case.save()
            audit.record(self.actor, "update", case, detail="统计事项 " + "；".join(said))

    # -- judicial confirmation -------------------------------------------------------------------
    def confirmation(self, case_id: str) -> Confirmation | None:
        """The recorded confirmation, or None when the case has no agreement to confirm."""
        agreement = Agreement.live().where(Agreement.case == case_id).first()
        if agreement is None:
            return None
        return Confirmation(agreement.confirmation_applied_on, agreement.confirmation_court,
                            agreement.confirmation_result, agreement.confirmation_on)

    def record_confirmation(self, case_id: str, c: Confirmation) -> FactsResult:
        """Record the application and, when it comes, the court's ruling."""
        return self.save(case_id, None, c)

    def _confirm(self, case: Case, c: Confirmation) -> list[str]:
        """Validate and write the confirmation; warns (does not refuse) when the application
        was later than the 30 days Art 33 allows: the court decides, the register records
        what happened."""
        today = clock.today()
        agreement = Agreement.live().where(Agreement.case == case).first()
        found = []
        if agreement is None:
            raise ValidationError(Problem(RECORD, "司法确认", "本案还没有调解协议"))
        if agreement.form == "oral" and c.applied_on is not None:
            found.append(Problem(RECORD, "司法确认", "口头协议没有协议书，不能申请司法确认"))
        effective = agreement.effective_on or agreement.reached_on
        if c.applied_on is not None:
            if c.applied_on > today:
                found.append(Problem(RECORD, "申请日期", "不能晚于今天"))
            elif c.applied_on < effective:
                found.append(Problem(RECORD, "申请日期", "早于协议生效日期"))
            if not c.court.strip():
                found.append(Problem(RECORD, "受理法院", "不能为空"))
        if c.result not in CONFIRMATION_RESULTS:
            found.append(Problem(RECORD, "裁定结果", "应为 confirmed / rejected 或空"))
        if c.result and c.applied_on is None:
            found.append(Problem(RECORD, "裁定结果", "尚未填写申请日期"))
        if c.result and c.ruled_on is None:
            found.append(Problem(RECORD, "裁定日期", "已填写裁定结果，须填写裁定日期"))
        if c.ruled_on is not None:
            if not c.result:
                found.append(Problem(RECORD, "裁定日期", "须同时选择裁定结果"))
            if c.ruled_on > today:
                found.append(Problem(RECORD, "裁定日期", "不能晚于今天"))
            elif c.applied_on is not None and c.ruled_on < c.applied_on:
                found.append(Problem(RECORD, "裁定日期", "早于申请日期"))
        if found:
            raise ValidationError(found)
        warnings = []
        if c.applied_on is not None and c.applied_on > confirmation_deadline(effective):
            warnings.append("申请日期已超过协议生效后三十日，法院可能不予受理")
        before = (agreement.confirmation_applied_on, agreement.confirmation_court,
                  agreement.confirmation_result, agreement.confirmation_on)
        after = (c.applied_on, c.court.strip() if c.applied_on else "", c.result, c.ruled_on)
        if before != after:
            (agreement.confirmation_applied_on, agreement.confirmation_court,
             agreement.confirmation_result, agreement.confirmation_on) = after
            agreement.save()
            shown = "；".join(x for x in (
                f"申请{c.applied_on.isoformat()}" if c.applied_on else "未申请",
                after[1], CONFIRMATION_RESULTS[c.result],
                c.ruled_on.isoformat() if c.ruled_on else "") if x)
            audit.record(self.actor, "update", agreement, detail=f"司法确认 {shown}")
        return warnings
