"""Whose cases are "mine" (我的): the cases where the logged-in user is a mediator.

An account is one person; a mediator on a case is a row of 调解员 (who need not have an
account). The two meet through the account's linked mediator where one is set, and otherwise
by name — the account's display name is the name the room writes on its cases (林春梅). A
recused mediator (回避) is no longer on the case.
"""

from __future__ import annotations

import peewee

from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.models import Account, CaseMediator, Mediator


def my_mediators(actor: Actor) -> peewee.ModelSelect[Mediator]:
    """Ids of the 调解员 rows that are the actor: the account's own, or of the same name."""
    account = Account.get_live(actor.account_id)
    linked = account.mediator_id if account is not None else None
    condition = Mediator.name == actor.name
    if linked:
        condition = condition | (Mediator.id == linked)
    return Mediator.select(Mediator.id).where(Mediator.deleted_at.is_null(), condition)


def my_cases(actor: Actor) -> peewee.ModelSelect[CaseMediator]:
    """Ids of the cases the actor mediates (not recused)."""
    return (CaseMediator.select(CaseMediator.case)
            .where(CaseMediator.mediator.in_(my_mediators(actor)),
                   CaseMediator.deleted_at.is_null(),
                   CaseMediator.recused == False))  # noqa: E712
