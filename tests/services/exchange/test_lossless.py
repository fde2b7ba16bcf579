"""Lossless exchange (issue 11 item 3): export → import into an empty register gives back
every case as it was.

A register is filled with demo data (every lifecycle status, extensions, follow-ups done and
pending, term performance, private notes, escalations with receipts) plus what the demo does
not make (a planned session, a record written after closing, another mediator's private
note, prevention flags, a recused mediator). The director exports it with private notes, an
empty register imports the file, and the two registers are compared case by case *through
the services the window uses* — the case view (CaseDetailService, with each party revealed),
the register list and 工作台 — not by exporting again.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from mediation_desk import clock
from mediation_desk.domain.lifecycle import CaseStatus
from mediation_desk.services.agenda.today import TodayService
from mediation_desk.services.cases.casework import CaseworkService
from mediation_desk.services.cases.detail import CaseDetail, CaseDetailService
from mediation_desk.services.cases.drafts import RecordDraft
from mediation_desk.services.cases.intake import IntakeService
from mediation_desk.services.cases.register import CaseFilter, RegisterService
from mediation_desk.services.demo.fill import fill_demo
from mediation_desk.services.exchange.importer import import_cases
from mediation_desk.services.patrols.service import PatrolService
from mediation_desk.services.safety.accounts import AccountService, create_register
from mediation_desk.services.safety.audit_check import verify_rows
from mediation_desk.services.shared.actor import Actor
from mediation_desk.services.shared.audit import verify_chain
from mediation_desk.store.database import Store
from mediation_desk.store.models import Case, CaseEvent
from tests.conftest import PASSWORD, ROOM, Register

TODAY = date(2026, 12, 5)
EXTRA = {  # what no demo service makes: prevention flags, a recused mediator, escalations
    "received_on": "2026-06-01", "dispute_type": "征地拆迁纠纷", "village": "湖三村",
    "status": "closed", "outcome": "success", "closed_on": "2026-07-15",
    "people_involved": 12, "group_dispute": True, "prevented_criminal": True,
    "prevented_criminal_people": 3, "prevented_group_petition": True,
    "mediators": [{"name": "林春梅", "role": "lead"},
                  {"name": "郭建华", "role": "member", "recused": True}],
    "parties": [{"side": "applicant", "name": "湖三村村民小组"},
                {"side": "respondent", "kind": "organization", "name": "安溪县湖头建设有限公司",
                 "legal_representative": "陈志明"}],
    "agreement": {"form": "oral", "reached_on": "2026-07-10"},
    "escalations": [{"target": "湖头镇综治中心", "at": "2026-06-02T10:00", "method": "电话",
                     "summary": "群体性纠纷苗头", "received_by": "综治中心 黄明",
                     "received_at": "2026-06-02T15:30", "result": "已派员参与"}],
}


@pytest.fixture(autouse=True)
def pinned_today() -> Iterator[None]:
    with clock.pinned(datetime(2026, 12, 5, 10, 0)):
        yield


def _account(store: Store, admin: Actor, username: str, role: str, name: str) -> Actor:
    account = AccountService(store, admin).add(username, role, PASSWORD, name)
    return Actor(account.id, username, role, name)


def _fill(register: Register, tmp_path: Path) -> Actor:
    """Demo cases and the extras; returns the director."""
    store, admin = register.store, register.actor
    fill_demo(store, admin, cases=40, seed=5, today=TODAY)
    director = _account(store, admin, "guo", "director", "郭主任")
    mediator = _account(store, admin, "tjy", "mediator", "陈志强")
    extra = tmp_path / "extra.json"
    extra.write_text(json.dumps([EXTRA], ensure_ascii=False), encoding="utf-8")
    import_cases(IntakeService(store, admin), extra, TODAY)
    register_list = RegisterService(store, admin)
    open_case = register_list.list_summaries(CaseFilter(status="mediating"))[0]["id"]
    closed_case = register_list.list_summaries(CaseFilter(status="closed"))[0]["id"]
    agreed_case = register_list.list_summaries(CaseFilter(status="agreed"))[0]["id"]
    work = CaseworkService(store, admin)
    work.schedule_followup(agreed_case, date(2026, 12, 7), "林春梅")
    work.extend(open_case, 15, "双方当事人同意延长调解期限")
    work.schedule_session(open_case, datetime(2026, 12, 5, 15, 30), place="问房调解室",
                          note="双方到场")
    work.add_record(closed_case, RecordDraft("investigation", datetime(2026, 12, 1, 15, 0),
                                             body="结案后补充调查：申请人已收到全部款项。"))
    patrols = PatrolService(store, admin)
    finding = next(f for f in patrols.findings() if not f.case_id)
    patrols.link_case(finding.id, closed_case)  # registered before the patrol wrote it up
    patrols.escalate(finding.id, "湖头镇司法所", datetime(2026, 12, 3, 11, 0), "书面",
                     "已立案调解，报司法所备案")
    CaseworkService(store, mediator).add_record(open_case, RecordDraft(
        "note", datetime(2026, 12, 2, 8, 15), body="被申请人私下表示愿意让步，勿外传。"))
    return director


def _term_rows(d: CaseDetail) -> list[tuple[Any, ...]]:
    assert d.agreement is not None
    return [(t.text, t.obligor, t.obligee, t.amount_fen, t.due_on, t.place, t.method,
             t.performance, t.performed_on) for t in d.agreement.terms]


def _case(detail: CaseDetailService, case_id: str) -> dict[str, Any]:
    """Everything the case view shows of one case, ids left out, parties revealed."""
    d = detail.load(case_id, TODAY)
    positions = {r.id: i for i, r in enumerate(d.records)}
    agreement = None
    if d.agreement is not None:
        a = d.agreement
        agreement = (a.form, a.reached_on, a.effective_on, a.facts, a.issues,
                     a.responsibilities, a.warnings, a.confirmation_until, _term_rows(d))
    return {
        "case": (d.number, d.title, d.status, d.status_label, d.received_on, d.source,
                 d.dispute_type, d.village, d.summary, d.requests, d.risk_level, d.procedure,
                 d.amount_fen, d.people_involved, d.deadline_on, d.days_left, d.extension_days,
                 d.refusal_reason, d.termination_reason, d.closed, d.next_steps, d.anonymised),
        "ending": (d.outcome, d.closed_on, d.archived_on),
        "flags": (d.group_dispute, d.prevented),
        "mediators": (d.mediators, d.recused),
        "parties": [(p.side, p.kind, p.name, p.gender, p.ethnicity, p.birth_date, p.id_type,
                     p.id_masked, p.phone_masked, *detail.reveal_party(p.id), p.address,
                     p.occupation, p.legal_representative, p.agent) for p in d.parties],
        "records": [(r.kind, r.at, r.place, r.participants, r.author, r.body, r.private,
                     r.addendum) for r in d.records],
        "agreement": agreement,
        "followups": [(f.due_on, f.done_on, f.visited, f.performance, f.satisfaction,
                       f.visitor, f.sued, f.renewed_conflict, f.measures,
                       positions.get(f.record_id or "")) for f in d.followups],
        "sessions": [(at, place, note) for _id, at, place, note in d.appointments],
        "escalations": d.escalations,
        "steps": [(h.at, h.what) for h in d.history
                  if h.order == -1 and not h.what.startswith("导入")],
    }


def _register_view(store: Store, actor: Actor) -> dict[str, Any]:
    detail = CaseDetailService(store, actor)
    rows = RegisterService(store, actor).list_summaries()
    agenda = TodayService(store, actor).agenda(TODAY)
    return {
        "list": [{k: v for k, v in r.items() if k != "id"} for r in rows],
        "cases": {r["number"]: _case(detail, r["id"]) for r in rows},
        "agenda": {section: [(i.number, i.title, i.text, i.due, i.urgent)
                             for i in getattr(agenda, section)]
                   for section in ("deadlines", "followups", "confirmations", "sessions")},
    }


def test_export_then_import_into_an_empty_register_loses_nothing(register: Register,
                                                                tmp_path: Path) -> None:
    director = _fill(register, tmp_path)
    before = _register_view(register.store, director)
    cases = before["cases"].values()
    # The comparison is not vacuous: everything it must carry is there to carry.
    assert {c["case"][2] for c in cases} == set(CaseStatus)
    performance = Counter(t[7] for c in cases if c["agreement"] for t in c["agreement"][-1])
    assert performance["done"] and performance["promised"]
    assert any(f[1] for c in cases for f in c["followups"])  # visits done
    assert any(f[1] is None for c in cases for f in c["followups"])  # and planned
    assert sum(r[6] for c in cases for r in c["records"]) >= 2  # private records
    assert any(r[7] for c in cases for r in c["records"])  # an addendum
    assert any(c["case"][16] for c in cases)  # an extension
    assert any(c["escalations"] for c in cases) and any(c["sessions"] for c in cases)
    assert any(c["mediators"][1] for c in cases) and any(c["flags"][1] for c in cases)
    assert before["agenda"]["followups"] and before["agenda"]["sessions"]

    docs = RegisterService(register.store, director).export(include_private=True)
    assert RegisterService.omitted_private(docs) == 0
    exported = tmp_path / "register.json"
    exported.write_text(json.dumps(docs, ensure_ascii=False), encoding="utf-8")
    linked = {d["number"] for d in docs if d["from_finding"]}
    assert linked  # demo cases registered from patrol findings

    store, admin, _ = create_register(tmp_path / "empty.db", ROOM, "admin", PASSWORD)
    try:
        _account(store, admin, "guo", "director", "郭主任")
        _account(store, admin, "tjy", "mediator", "陈志强")
        result = import_cases(IntakeService(store, admin), exported, TODAY)
        assert [r.review for r in result.cases if r.review] == []
        assert (verify_rows(), verify_chain()) == (None, None)  # every row written audited
        after = _register_view(store, Actor(director.account_id, "guo", "director", "郭主任"))
        # The patrol finding a case came from travels as text in its arrival record.
        for number in linked:
            case = Case.get(Case.number == number)
            step = CaseEvent.get(CaseEvent.case == case, CaseEvent.step == "import")
            assert "原登记自排查发现：" in step.reason
    finally:
        store.close()

    assert after["list"] == before["list"]
    assert after["agenda"] == before["agenda"]
    assert sorted(after["cases"]) == sorted(before["cases"])
    for number, was in before["cases"].items():
        now = after["cases"][number]
        for part in was:
            assert now[part] == was[part], f"{number} {part}"


def test_private_notes_are_left_out_and_said_so(register: Register, tmp_path: Path) -> None:
    director = _fill(register, tmp_path)
    admin_docs = RegisterService(register.store, register.actor).export()
    director_docs = RegisterService(register.store, director).export(include_private=True)
    private = sum(r["private"] for d in director_docs for r in d["records"])
    assert private >= 2
    assert RegisterService.omitted_private(admin_docs) == private
    assert not any(r["private"] for d in admin_docs for r in d["records"])
    # A re-import of the admin's file says, per case, what it lacks.
    path = tmp_path / "admin.json"
    path.write_text(json.dumps(admin_docs, ensure_ascii=False), encoding="utf-8")
    store, admin, _ = create_register(tmp_path / "other.db", ROOM, "admin", PASSWORD)
    try:
        import_cases(IntakeService(store, admin), path, TODAY)
        reasons = [e.reason for e in CaseEvent.select().where(CaseEvent.step == "import")]
    finally:
        store.close()
    assert sum("导出时略去了" in r for r in reasons) == sum(
        1 for d in admin_docs if d["omitted_private_records"])


def test_what_a_document_says_of_its_history_is_checked(register: Register,
                                                       tmp_path: Path) -> None:
    """Every problem named (record, field, reason), and nothing written: not the good case
    beside them, not a dictionary value, not an arrival record."""
    from mediation_desk.errors import ValidationError
    from mediation_desk.store.models import CaseArrival, Village

    base = {"received_on": "2025-05-06", "dispute_type": "邻里纠纷", "village": "新村",
            "parties": [{"side": "applicant", "name": "张喆"},
                        {"side": "respondent", "name": "李明"}]}
    docs = [base,
            {**base, "extension_days": 10**6},  # (over 20 digits the reader refuses the file)
            {**base, "status": "closed", "closed_on": "2025-01-01"},
            {**base, "status": "archived", "closed_on": "2025-06-01",
             "archived_on": "2025-05-20"},
            {**base, "status": "agreed"},
            {**base, "status": "settled"},
            {**base, "followups": [{"due_on": "2025-05-07", "record": 2}],
             "escalations": [{"target": "", "at": "2025-05-07T10:00",
                              "received_at": "2025-05-07T09:00"}],
             "events": [{"at": "2025-05-07T10:00", "step": "jump"}]}]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(docs, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationError) as refused:
        import_cases(IntakeService(register.store, register.actor), path, TODAY)
    assert [str(p) for p in refused.value.problems] == [
        "第2条案件 延长天数 应在0至3650天之间",
        "第3条案件 结案日期 早于受理日期",
        "第4条案件 归档日期 早于结案日期",
        "第5条案件 案件状态 为“已达成协议”，但没有调解协议",
        "第6条案件 案件状态 应为 registered / notified / investigating / mediating / agreed / "
        "terminated / refused / following_up / closed / archived 之一，实际为“settled”",
        "第7条案件 回访[1] 回访记录 本案没有记录可以对应",
        "第7条案件 上报[1] 上报单位 不能为空",
        "第7条案件 上报[1] 接收时间 早于上报时间",
        "第7条案件 办理经过[1] 步骤 “jump”不是已知的办理步骤",
    ]
    assert (Case.select().count(), CaseArrival.select().count()) == (0, 0)
    assert not Village.select().where(Village.name == "新村").exists()


def test_a_private_note_stays_private_in_the_new_register(register: Register,
                                                         tmp_path: Path) -> None:
    """Its author's account travels by name: here, with no such account, the note is the
    director's to read, not the importing administrator's."""
    doc = {"status": "mediating", "received_on": "2026-11-20", "dispute_type": "邻里纠纷",
           "parties": [{"side": "applicant", "name": "张喆"},
                       {"side": "respondent", "name": "李明"}],
           "records": [{"kind": "note", "at": "2026-11-21T08:00", "body": "私下让步。",
                        "private": True, "author": "陈志强", "author_user": "tjy"},
                       {"kind": "note", "at": "2026-11-22T08:00", "body": "勿外传。",
                        "private": True, "author": "林春梅", "author_user": None}]}
    path = tmp_path / "one.json"
    path.write_text(json.dumps([doc], ensure_ascii=False), encoding="utf-8")
    result = import_cases(IntakeService(register.store, register.actor), path, TODAY)
    case_id = result.cases[0].case_id
    director = _account(register.store, register.actor, "guo", "director", "郭主任")
    assert CaseworkService(register.store, register.actor).records(case_id) == []
    assert [r.body for r in CaseworkService(register.store, director).records(case_id)] == [
        "私下让步。", "勿外传。"]
