"""Demo data: every status, valid by the same rules as real input, deterministic, searchable."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from mediation_desk import clock
from mediation_desk.domain.lifecycle import CaseStatus
from mediation_desk.domain.phone import validate_phone
from mediation_desk.domain.resident_id import check_consistency, parse_resident_id
from mediation_desk.services.cases.register import RegisterService
from mediation_desk.services.cases.search import SearchService
from mediation_desk.services.cases.validation import validate_case
from mediation_desk.services.demo.fill import fill_demo
from mediation_desk.services.exchange.case_format import read_case
from mediation_desk.services.safety.accounts import create_register
from mediation_desk.services.shared import audit
from mediation_desk.store.models import Case, Party
from tests.conftest import PASSWORD, ROOM, Register

CASES = 60


@pytest.fixture
def demo(register: Register) -> tuple[Register, dict[str, object]]:
    summary = fill_demo(register.store, register.actor, cases=CASES, seed=11)
    return register, summary


def test_every_status_occurs(demo: tuple[Register, dict[str, object]]) -> None:
    _, summary = demo
    stored = Counter(c.status for c in Case.live())
    assert set(stored) == {s.value for s in CaseStatus}
    assert sum(stored.values()) == CASES
    assert summary["statuses"] == {s.value: stored[s.value] for s in CaseStatus}
    # Old cases are mostly finished: a register looks like years of work, not a to-do list.
    assert stored["closed"] + stored["archived"] > CASES // 2


def test_every_case_passes_the_import_rules(demo: tuple[Register, dict[str, object]]) -> None:
    register, _ = demo
    service = RegisterService(register.store, register.actor)
    today = clock.today()
    for i, case in enumerate(service.query()):
        doc = service.document(case, audit_read=False)
        draft, problems = read_case(doc, f"第{i + 1}条案件")
        assert problems == []
        assert validate_case(draft, today, doc["number"]) == []
        assert doc["parties"] and doc["mediators"]


def test_ids_phones_and_dates_are_real(demo: tuple[Register, dict[str, object]]) -> None:
    today = clock.today()
    people = [p for p in Party.live() if p.kind == "person" and p.id_number]
    assert people
    for p in people:
        rid = parse_resident_id(p.id_number, today=today)
        assert check_consistency(rid, p.birth_date, p.gender) == []
        assert date(1940, 1, 1) <= rid.birth_date <= date(2005, 12, 31)
    local = sum(p.id_number.startswith("350524") for p in people)
    assert local > len(people) * 0.6  # mostly Anxi county
    for p in Party.live():
        if p.phone:
            assert validate_phone(p.phone) == p.phone
    for case in Case.live():
        assert case.received_on <= today
        if case.closed_on:
            assert case.received_on <= case.closed_on <= today
        if case.archived_on:
            assert case.closed_on is not None and case.closed_on <= case.archived_on


def test_audit_chain_holds(demo: tuple[Register, dict[str, object]]) -> None:
    assert audit.verify_chain() is None


def test_same_seed_same_register(tmp_path: Path) -> None:
    def titles(name: str, seed: int) -> list[tuple[str, str]]:
        store, actor, _ = create_register(tmp_path / name, ROOM, "admin", PASSWORD)
        try:
            fill_demo(store, actor, cases=25, seed=seed, today=clock.today())
            return [(c.number, c.title) for c in
                    Case.live().order_by(Case.number_year, Case.number_seq)]
        finally:
            store.close()

    first = titles("a.db", 5)
    assert first == titles("b.db", 5)
    assert first != titles("c.db", 6)


def test_search_finds_a_party_by_a_two_character_name(
        demo: tuple[Register, dict[str, object]]) -> None:
    register, _ = demo
    party = next(p for p in Party.live().order_by(Party.created_at)
                 if p.kind == "person" and len(p.name) == 2)
    results = SearchService(register.store, register.actor).search(party.name, limit=200)
    assert party.case_id in {r.case_id for r in results}
    by_initials = SearchService(register.store, register.actor).search(
        party.name_initials.split()[0], limit=500)
    assert party.case_id in {r.case_id for r in by_initials}
