"""Correcting a patrol visit already recorded (修改排查记录): a typo in the places, the
households counted, the team, the note, or a finding's wording, parties, type, people, money or
risk level.

Why a mixin of its own: :class:`mediation_desk.services.patrols.service.PatrolService` is near its size
limit, and correcting a record has rules of its own. What the visit *was* stays fixed — its plan,
the occurrence it fulfils and its date (a patrol held on another day is recorded again, not
moved) — and what happened to its findings since stays too: findings are matched by id (by
position when the caller gives none), an existing one keeps its id, status, result, case link
and escalations, and one that became a case or was escalated cannot be removed by a correction.
"""

from __future__ import annotations

import json

from mediation_desk.domain.money import format_yuan
from mediation_desk.errors import NotFound, Problem, ValidationError
from mediation_desk.services.patrols import findings as pf
from mediation_desk.services.patrols import plans as pp
from mediation_desk.services.patrols.risk_levels import PatrolSettingsService
from mediation_desk.services.patrols.types import FindingDraft, PatrolResult, VisitDraft
from mediation_desk.services.shared import audit, field_history
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.database import Store
from mediation_desk.store.models import (
    Case,
    Escalation,
    Finding,
    PatrolPlan,
    PatrolVisit,
    Village,
)

RECORD = "排查记录"
#: Visit fields a correction may change, with the names the audit trail gives them.
VISIT_FIELDS = {"places": "走访地点", "households_visited": "走访户数", "note": "备注",
                "team": "排查人员", "village": "村（社区）"}
#: Finding fields a correction may change. Status, result, case and escalations are not here:
#: they record what was done about the finding, which the finding's own window changes.
FINDING_FIELDS = {"summary": "简要情况", "parties": "当事人", "dispute_type": "纠纷类型",
                  "people_involved": "涉及人数", "amount_fen": "涉及金额",
                  "risk_level": "风险等级", "measure": "处置措施", "responsible": "责任人",
                  "due_on": "办结期限"}


class VisitEdits:
    store: Store
    actor: Actor
    settings: PatrolSettingsService

    def visit_draft(self, visit_id: str) -> VisitDraft:
        """The recorded visit as a draft, to prefill the correction form. Existing findings
        carry no escalation (those already made stay; new ones go through the finding)."""
        visit = _get_visit(visit_id)
        village = Village.get_by_id(visit.village_id).name if visit.village_id else ""
        findings = [FindingDraft(
            summary=f.summary, parties=f.parties, dispute_type=f.dispute_type,
            people_involved=f.people_involved,
            amount=format_yuan(f.amount_fen) if f.amount_fen is not None else "",
            risk_level=f.risk_level, measure=f.measure, responsible=f.responsible,
            due_on=f.due_on, result=f.result, id=f.id) for f in _live_findings(visit.id)]
        return VisitDraft(
            plan_id=visit.plan_id, occurrence_on=visit.occurrence_on, on=visit.on,
            village=village, team=list(json.loads(visit.team or "[]")), places=visit.places,
            households_visited=visit.households_visited, zero_report=bool(visit.zero_report),
            note=visit.note, findings=findings, ad_hoc=visit.plan_id is None,
            extra_id=visit.extra_id or "")

    def update_visit(self, visit_id: str, draft: VisitDraft) -> PatrolResult:
        """Correct a recorded visit; every problem named and nothing written on refusal.

        Refused: another date, plan or occurrence (record the patrol again instead); an empty
        village or team; negative households; a zero report with findings; a finding without
        a risk level (or otherwise bad, as when recording); a village already recorded for the
        same occurrence; removing a finding that became a case or was escalated. Existing
        findings are updated in place (matched by id when the drafts carry ids, else by
        position), extra ones added (with their escalation, if named), missing plain ones
        deleted (soft). An existing finding's ``escalated_to`` and ``result`` are ignored: they belong to the finding's own window.
        """
        visit = _get_visit(visit_id)
        existing = _live_findings(visit.id)
        rows, removed, unknown = _pair(existing, draft.findings)
        problems, amounts = self._check_correction(visit, removed, draft)
        problems += unknown
        if problems:
            raise ValidationError(problems)
        plan = PatrolPlan.get_live(visit.plan_id) if visit.plan_id else None
        warnings: list[str] = []
        village_name = draft.village.strip()
        if plan is not None and village_name not in json.loads(plan.villages):
            warnings.append(f"{village_name}不在计划“{plan.title}”的排查范围内")
        levels = {lv.code: lv for lv in self.settings.risk_levels()}
        with self.store.write() as changes:
            warnings += pp.villages_added([village_name], self.actor, changes)
            village = Village.get(Village.name == village_name)
            before = field_history.snapshot(visit)
            old_village = Village.get_by_id(visit.village_id).name if visit.village_id else ""
            said = self._correct_visit_row(visit, draft, village)
            for i, (f, row) in enumerate(zip(draft.findings, rows, strict=True)):
                label = f"发现[{i + 1}]"
                if row is not None:
                    fields = self._correct_finding(row, f, amounts[i])
                    if row.position != i:  # an earlier finding was removed: keep the order
                        row.position = i
                        row.save()
                    if fields:
                        said.append(f"{label}：{'、'.join(fields)}")
                        if row.case_id:
                            changes.touch("case", row.case_id)
                else:
                    at = plan.start_time if plan is not None else "12:00"
                    pf.write_finding(self.actor, visit, i, f, amounts[i], levels[f.risk_level],
                                     at)
                    said.append(f"新增{label}")
            for row in removed:
                row.soft_delete()
                audit.record(self.actor, "delete", row, detail=f"修改排查记录时删除原第"
                                                               f"{row.position + 1}条发现")
                said.append(f"删除原发现[{row.position + 1}]")
            zero = not draft.findings
            if bool(visit.zero_report) != zero:
                visit.zero_report = zero
                visit.save()
                said.append("零报告")
            if said:
                event = audit.record(self.actor, "update", visit, detail="修改：" + "；".join(said))
                field_history.write_changes(event, field_history.diff(
                    before, visit, {**VISIT_FIELDS, "zero_report": "零报告"},
                    shown={"village": (old_village, village_name)}), case_id=None,
                    record=f"{visit.on.isoformat()}排查记录")
                changes.touch("patrol")
        ids = [r.id for r in _live_findings(visit.id)]
        return PatrolResult(visit.id, changes, warnings, ids)

    def _check_correction(self, visit: PatrolVisit, removed: list[Finding], draft: VisitDraft
                          ) -> tuple[list[Problem], list[int | None]]:
        problems: list[Problem] = []
        again = "如需改动，请删除后重新记录"
        if draft.on != visit.on:
            problems.append(Problem(RECORD, "排查日期",
                                    f"已记录为 {visit.on.isoformat()}，修改记录时不能改日期"
                                    f"（排查另有日期的，请另行记录）"))
        if (draft.plan_id or None) != visit.plan_id:
            problems.append(Problem(RECORD, "排查计划", f"修改记录时不能更换排查计划（{again}）"))
        elif ((draft.occurrence_on is not None and draft.occurrence_on != visit.occurrence_on)
              or (draft.extra_id and draft.extra_id != (visit.extra_id or ""))):
            problems.append(Problem(RECORD, "排查日期", f"修改记录时不能改为另一次排查（{again}）"))
        village = draft.village.strip()
        if not village:
            problems.append(Problem(RECORD, "村（社区）", "不能为空"))
        elif visit.plan_id and _recorded_elsewhere(visit, village):
            problems.append(Problem(RECORD, "村（社区）", f"{village}在这次排查已有记录"))
        found, amounts = pf.check_visit_contents(draft, RECORD, visit.on)
        problems += found
        for row in removed:
            reason = _why_kept(row)
            if reason:
                problems.append(Problem(f"发现[{row.position + 1}]", "",
                                        f"“{row.summary[:20]}”{reason}，不能删除"))
        return problems, amounts

    def _correct_visit_row(self, visit: PatrolVisit, draft: VisitDraft,
                           village: Village) -> list[str]:
        """Apply the visit's own fields; the names of those that changed."""
        values: dict[str, object] = {
            "places": draft.places.strip(), "households_visited": draft.households_visited,
            "note": draft.note.strip(), "team": json.dumps(draft.team, ensure_ascii=False)}
        changed = [name for name, value in values.items() if getattr(visit, name) != value]
        for name in changed:
            setattr(visit, name, values[name])
        if visit.village_id != village.id:
            visit.village = village
            changed.append("village")
        if changed:
            visit.save()
        return [VISIT_FIELDS[name] for name in changed]

    def _correct_finding(self, row: Finding, f: FindingDraft, amount: int | None) -> list[str]:
        """Update one existing finding in place; the names of the fields that changed."""
        values: dict[str, object] = {
            "summary": f.summary, "parties": f.parties, "dispute_type": f.dispute_type,
            "people_involved": f.people_involved, "amount_fen": amount,
            "risk_level": f.risk_level, "measure": f.measure, "responsible": f.responsible,
            "due_on": f.due_on or row.due_on}
        if row.case_id:
            values.pop("measure")  # followed as a case: stays "registered"
        changed = [name for name, value in values.items() if getattr(row, name) != value]
        if not changed:
            return []
        before = field_history.snapshot(row)
        for name in changed:
            setattr(row, name, values[name])
        row.save()
        names = [FINDING_FIELDS[name] for name in changed]
        field_history.record_edit(
            self.actor, row, field_history.diff(before, row, FINDING_FIELDS),
            case_id=row.case_id, record=f"排查发现[{row.position + 1}]",
            detail="修改：" + "、".join(names))
        return names


def _pair(existing: list[Finding], drafts: list[FindingDraft]
          ) -> tuple[list[Finding | None], list[Finding], list[Problem]]:
    """Which recorded finding each draft corrects (None: a new one), which are removed, and
    drafts naming a finding that is not this visit's.

    By id when the drafts carry ids (the window does): removing the first of two findings
    must not move the second's text onto the first's row, status and result. By position
    when none does (a caller correcting in place, as the command line would)."""
    if not any(f.id for f in drafts):
        rows: list[Finding | None] = [existing[i] if i < len(existing) else None
                                      for i in range(len(drafts))]
        return rows, existing[len(drafts):], []
    by_id = {r.id: r for r in existing}
    rows, unknown = [], []
    for i, f in enumerate(drafts, start=1):
        row = by_id.get(f.id) if f.id else None
        if f.id and row is None:
            unknown.append(Problem(f"发现[{i}]", "", "不是这次排查记录的发现"))
        rows.append(row)
    kept = {r.id for r in rows if r is not None}
    return rows, [r for r in existing if r.id not in kept], unknown


def _get_visit(visit_id: str) -> PatrolVisit:
    visit = PatrolVisit.get_live(visit_id)
    if visit is None:
        raise NotFound(f"找不到排查记录 {visit_id}")
    return visit


def _live_findings(visit_id: str) -> list[Finding]:
    return list(Finding.live().where(Finding.visit == visit_id).order_by(Finding.position))


def _recorded_elsewhere(visit: PatrolVisit, village: str) -> bool:
    """Another visit of the same occurrence already records ``village``."""
    return bool(PatrolVisit.live().join(Village).where(
        PatrolVisit.plan == visit.plan_id, PatrolVisit.occurrence_on == visit.occurrence_on,
        PatrolVisit.extra == visit.extra_id, Village.name == village,
        PatrolVisit.id != visit.id).exists())


def _why_kept(row: Finding) -> str:
    """Why a finding cannot be removed by a correction ("" when it can)."""
    if row.case_id:
        case = Case.get_or_none(Case.id == row.case_id)
        return f"已登记为案件 {case.number if case is not None else ''}".rstrip()
    if Escalation.live().where(Escalation.finding == row.id).exists():
        return "已有上报记录"
    return ""
