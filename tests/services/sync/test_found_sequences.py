"""A sequence the heavier random state machine found on 2026-12-05: three laptops add terms to
one agreement, a conflict is resolved on the desk, bundles go round out of order. The desk's
``audit verify`` then called the merged agreement "changed outside the program": a clean
apply of one laptop's update onto a row merged earlier held content no audit event vouched
for. The importer now vouches for every updated row (services/sync/importer.py)."""

from __future__ import annotations

from typing import Any

from tests.services.sync.test_convergence import Machine


def test_concurrent_terms_on_one_agreement_leave_the_desk_verifiable(register: Any) -> None:
    state = Machine()
    try:
        state.import_(device='desk', n=45)
        state.import_(device='desk', n=11)
        state.export(device='desk')
        state.add_a_term(device='l2', k=95, n=29)
        state.register_a_case(a=3, b=3, device='l1')
        state.register_a_case(a=3, b=3, device='desk')
        state.add_a_term(device='l2', k=7, n=32)
        state.import_(device='l0', n=36)
        state.resolve_a_conflict(device='l2', mine=False, n=21)
        state.import_(device='l1', n=19)
        state.resolve_a_conflict(device='desk', mine=True, n=19)
        state.import_(device='l0', n=15)
        state.export(device='l1')
        state.register_a_case(a=1, b=2, device='l2')
        state.add_a_term(device='l0', k=42, n=24)
        state.import_(device='l1', n=48)
        state.register_a_case(a=1, b=0, device='l0')
        state.add_a_term(device='l1', k=20, n=29)
        state.type_in_a_paper_case(device='l2', k=1)
        state.import_(device='desk', n=30)
        state.resolve_a_conflict(device='l2', mine=True, n=43)
        state.resolve_a_conflict(device='desk', mine=True, n=9)
        state.type_in_a_paper_case(device='l0', k=1)
        state.export(device='desk')
        state.export(device='l2')
        state.type_in_a_paper_case(device='l2', k=3)
        state.register_a_case(a=3, b=1, device='desk')
        state.add_a_term(device='l2', k=57, n=2)
        state.register_a_case(a=0, b=0, device='l1')
        state.register_a_case(a=0, b=2, device='l0')
        state.resolve_a_conflict(device='l1', mine=False, n=3)
        state.import_(device='l1', n=23)
        state.register_a_case(a=1, b=3, device='desk')
        state.import_(device='desk', n=39)
        state.register_a_case(a=2, b=2, device='l1')
        state.import_(device='desk', n=47)
        state.import_(device='l1', n=4)
        state.register_a_case(a=1, b=2, device='desk')
        state.type_in_a_paper_case(device='l0', k=2)
        state.register_a_case(a=1, b=1, device='l0')
        state.resolve_a_conflict(device='l2', mine=False, n=15)
        state.type_in_a_paper_case(device='l2', k=1)
        state.resolve_a_conflict(device='l2', mine=False, n=9)
        state.export(device='l1')
        state.resolve_a_conflict(device='l0', mine=False, n=9)
        state.import_(device='l1', n=29)
        state.resolve_a_conflict(device='l0', mine=True, n=6)
        state.register_a_case(a=2, b=0, device='l1')
        state.type_in_a_paper_case(device='l2', k=2)
        state.export(device='l2')
        state.import_(device='l0', n=12)
        state.register_a_case(a=1, b=2, device='desk')
        state.resolve_a_conflict(device='l2', mine=True, n=38)
        state.type_in_a_paper_case(device='l0', k=2)
        state.import_(device='l1', n=20)
        state.add_a_term(device='l1', k=50, n=35)
        state.type_in_a_paper_case(device='desk', k=3)
        state.register_a_case(a=0, b=1, device='l1')
        state.resolve_a_conflict(device='l1', mine=True, n=17)
        state.type_in_a_paper_case(device='l1', k=2)
        state.converged()
    finally:
        for store in state.stores.values():
            store.close()
        state.clock.__exit__(None, None, None)
    register.store.activate()
