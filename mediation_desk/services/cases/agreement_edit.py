"""Correcting a recorded agreement: which parts changed, and what becomes of each term.

Why corrections are allowed at all: the agreement is typed in the room, printed, read to the
parties and corrected before they sign (domain.md, Arts 28–29); a printed 人民调解协议书 even
refuses to print while 争议事项 or 各方责任 are empty. Refusing edits after recording is one of
the known failures of existing systems.

What a follow-up already found about a term (Art 31, supervising performance) is a finding
about *that obligation*. So a term whose text is unchanged is the same obligation: its row is
kept — its id, its history, its performance (已履行 / 未履行) and the day it was performed —
and only its other details are corrected. It is matched at the same position first, then
anywhere, so removing term 1 does not orphan what was found about terms 2 and 3. A term whose
text changed is a new obligation and starts as a new term does (即时履行 / 承诺履行 from its
due date); the old row is soft-deleted, and if a follow-up had found it performed or not, the
mediator is told that finding no longer applies. A kept term that was merely 即时履行 or
承诺履行 (nothing found yet) follows its corrected due date and the corrected reached date.

Audit details name parts and term numbers, never the wording: the trail cannot be anonymised
when the retention period ends, so it must not become a second copy of what the parties said.
The wording before and after goes to the history's field changes instead, which retention
clears with the rest (services/shared/field_history.py).
"""

from __future__ import annotations

from mediation_desk.domain.dictionaries import PERFORMANCE as PERFORMANCE_LABELS
from mediation_desk.domain.terms import initial_performance
from mediation_desk.services.cases.drafts import AgreementDraft, TermDraft
from mediation_desk.services.shared import audit, field_history
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.models import Agreement, AgreementTerm, Case, PrintedDocument

ARCHIVED = "已归档的卷宗不能修改协议"
NO_AGREEMENT = "本案还没有协议，请先记录协议"
#: The agreement's own fields, with the names the printed form gives them.
HEADER_LABELS: tuple[tuple[str, str], ...] = (
    ("form", "协议形式"), ("reached_on", "达成日期"), ("facts", "主要事实"),
    ("issues", "争议事项"), ("responsibilities", "各方责任"))
TERMS_LABEL = "协议条款"
#: Printed kinds the parties sign: once one of these is printed, a correction means a new
#: paper and new signatures (the signed paper no longer matches the register).
SIGNED_KINDS = ("agreement", "oral-agreement")
#: Performance a follow-up found (as opposed to the initial 即时 / 承诺 classification).
FOUND = ("done", "not_done")
TERM_FIELDS = ("text", "obligor", "obligee", "amount_fen", "due_on", "place", "method")
#: A term's fields with the names the printed agreement gives them (history's before/after).
TERM_LABELS = {"text": "条款内容", "obligor": "义务人", "obligee": "权利人",
               "amount_fen": "金额", "due_on": "履行期限", "place": "履行地点",
               "method": "履行方式", "performance": "履行情况", "performed_on": "履行日期",
               "position": "条款序号"}


def changed_header(agreement: Agreement, draft: AgreementDraft) -> list[str]:
    """The Chinese names of the agreement's own fields that ``draft`` changes."""
    return [label for name, label in HEADER_LABELS
            if getattr(agreement, name) != getattr(draft, name)]


def times_printed(case: Case) -> int:
    """How many times the agreement was printed or saved for signing."""
    return int(PrintedDocument.live().where(PrintedDocument.case == case,
                                            PrintedDocument.kind.in_(SIGNED_KINDS)).count())


def printed_warning(times: int) -> str:
    return f"协议已打印过（{times}次），修改后请重新打印并由各方重新签名"


def _same(row: AgreementTerm, term: TermDraft) -> bool:
    return str(row.text).strip() == term.text.strip()


def _match(old: list[AgreementTerm], terms: list[TermDraft]) -> tuple[
        dict[int, AgreementTerm], list[AgreementTerm]]:
    """Which stored term each new term keeps (by index), and the stored terms left over."""
    free = {row.id: row for row in old}  # in position order
    kept: dict[int, AgreementTerm] = {}
    for index, term in enumerate(terms):
        if index < len(old) and old[index].id in free and _same(old[index], term):
            kept[index] = free.pop(old[index].id)
    for index, term in enumerate(terms):
        if index not in kept:
            row = next((r for r in free.values() if _same(r, term)), None)
            if row is not None:
                kept[index] = free.pop(row.id)
    return kept, list(free.values())


def correct_terms(actor: Actor, agreement: Agreement, draft: AgreementDraft,
                  dates_moved: bool) -> tuple[bool, list[str]]:
    """Make the stored terms those of ``draft`` (see the module's docstring for what is kept);
    returns whether any term changed and warnings about follow-up findings that lapsed.
    ``dates_moved``: the reached date changed, so 即时 / 承诺 is worked out again."""
    case_id = agreement.case_id
    old = list(AgreementTerm.live().where(AgreementTerm.agreement == agreement)
               .order_by(AgreementTerm.position))
    kept, dropped = _match(old, draft.terms)
    changed = False
    for position, term in enumerate(draft.terms):
        values: dict[str, object] = {name: getattr(term, name) for name in TERM_FIELDS}
        values["position"] = position
        fresh = initial_performance(term.due_on, draft.reached_on)
        row = kept.get(position)
        if row is None:
            row = AgreementTerm.create(agreement=agreement, performance=fresh, **values)
            field_history.record_edit(
                actor, row, field_history.diff({}, row, TERM_LABELS), case_id=case_id,
                record=f"协议第{position + 1}条", action="create", detail=f"第{position + 1}条")
            changed = True
            continue
        if row.performance not in FOUND and (dates_moved or row.due_on != term.due_on):
            values["performance"] = fresh
        differs = {name: value for name, value in values.items()
                   if getattr(row, name) != value}
        if differs:
            before = field_history.snapshot(row)
            for name, value in differs.items():
                setattr(row, name, value)
            row.save()
            field_history.record_edit(
                actor, row, field_history.diff(before, row, TERM_LABELS), case_id=case_id,
                record=f"协议第{position + 1}条", detail=f"第{position + 1}条")
            changed = True
    warnings: list[str] = []
    for row in dropped:
        before = field_history.snapshot(row)
        row.soft_delete()
        gone = [field_history.Change(name, label, field_history.show_value(
            "agreement_term", name, before.get(name)), "")
            for name, label in TERM_LABELS.items()
            if name in TERM_FIELDS and before.get(name) not in (None, "")]
        event = audit.record(actor, "delete", row, detail=f"原第{row.position + 1}条")
        field_history.write_changes(event, gone, case_id=case_id,
                                    record=f"原协议第{row.position + 1}条")
        changed = True
        if row.performance in FOUND:
            found = PERFORMANCE_LABELS.get(row.performance, row.performance)
            warnings.append(f"原第{row.position + 1}条协议条款回访时记录为“{found}”，"
                            "该条已修改或删除，请在下次回访时重新记录履行情况")
    return changed, warnings
