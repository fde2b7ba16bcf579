"""Reading the register: filters, newest first, the full document, export → import."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from mediation_desk import clock
from mediation_desk.domain.lifecycle import Step
from mediation_desk.services.cases.casework import CaseworkService
from mediation_desk.services.cases.drafts import AgreementDraft, RecordDraft, TermDraft
from mediation_desk.services.cases.intake import IntakeService
from mediation_desk.services.cases.register import CaseFilter, RegisterService
from mediation_desk.services.cases.validation import validate_case
from mediation_desk.services.exchange.case_format import read_case
from mediation_desk.services.safety.accounts import create_register
from mediation_desk.store.models import AuditEvent
from tests.conftest import PASSWORD, ROOM, Register, neighbour_draft


def _fill(register: Register) -> list[str]:
    intake = IntakeService(register.store, register.actor)
    ids = [
        intake.register(neighbour_draft(received_on=date(2025, 3, 1))).cases[0].case_id,
        intake.register(neighbour_draft(dispute_type="山林土地纠纷", village="美溪村")
                        ).cases[0].case_id,
        intake.register(neighbour_draft(received_on=date(2026, 11, 20))).cases[0].case_id,
    ]
    work = CaseworkService(register.store, register.actor)
    work.take_step(ids[1], Step.NOTIFY_RIGHTS)
    work.add_record(ids[1], RecordDraft("mediation", datetime(2026, 11, 4, 9), body="第一次调解"))
    work.record_agreement(ids[1], AgreementDraft(
        reached_on=date(2026, 11, 6), facts="界址不清",
        terms=[TermDraft("李明补偿张喆林木损失3000元", obligor="李明", obligee="张喆",
                         amount_fen=300000, due_on=date(2026, 12, 1), method="银行转账")]))
    return ids


def test_filters_and_order(register: Register) -> None:
    _fill(register)
    service = RegisterService(register.store, register.actor)
    rows = service.list_summaries()
    assert [r["received_on"] for r in rows] == ["2026-11-20", "2026-11-02", "2025-03-01"]
    assert rows[0]["parties"] == ["张喆", "李明"]
    assert [r["village"] for r in service.list_summaries(CaseFilter(village="美溪村"))] == [
        "美溪村"]
    assert len(service.list_summaries(CaseFilter(year=2025))) == 1
    assert len(service.list_summaries(CaseFilter(status="agreed"))) == 1
    assert len(service.list_summaries(CaseFilter(dispute_type="山林土地纠纷"))) == 1
    assert len(service.list_summaries(CaseFilter(mediator="林春梅"))) == 3
    overdue = service.list_summaries(CaseFilter(overdue_on=date(2026, 11, 28)))
    assert [r["received_on"] for r in overdue] == ["2025-03-01"]


def test_document_has_every_contract_field(register: Register) -> None:
    ids = _fill(register)
    service = RegisterService(register.store, register.actor)
    doc = service.document(service.by_number(service.list_summaries(
        CaseFilter(status="agreed"))[0]["number"]))
    for key in ("format", "id", "number", "status", "received_on", "source", "dispute_type",
                "title", "village", "summary", "requests", "risk_level", "procedure",
                "amount_involved", "people_involved", "mediators", "parties", "records",
                "agreement"):
        assert key in doc
    assert doc["id"] == ids[1]
    assert doc["agreement"]["terms"][0]["amount"] == "3000.00"
    assert doc["parties"][0]["id_number"] == "11010519491231002X"
    assert AuditEvent.select().where(AuditEvent.action == "read").count() == 1


def test_export_reimports_into_an_empty_register(register: Register, tmp_path: Path) -> None:
    _fill(register)
    docs = RegisterService(register.store, register.actor).export()
    register.store.close()
    for i, doc in enumerate(docs):
        draft, problems = read_case(doc, f"第{i + 1}条案件")
        assert problems == [] and validate_case(draft, clock.today()) == []
    store, actor, _ = create_register(tmp_path / "empty.db", ROOM, "admin", PASSWORD)
    try:
        drafts = [read_case(d, "")[0] for d in docs]
        IntakeService(store, actor).register_many(drafts)
        again = RegisterService(store, actor).export()
    finally:
        store.close()
    def same(doc: dict[str, object]) -> dict[str, object]:
        """All but the id and the step saying it was imported (the arrival is recorded)."""
        events = [e for e in doc["events"] if e["step"] != "import"]  # type: ignore[attr-defined,index]
        return {**{k: v for k, v in doc.items() if k != "id"}, "events": events}

    assert [same(d) for d in again] == [same(d) for d in docs]
