"""Mediators (人民调解员): found by name, created on first mention."""

from __future__ import annotations

from mediation_desk.services.shared import audit
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.models import Mediator


def ensure_mediator(name: str, actor: Actor | None) -> Mediator:
    name = name.strip()
    mediator: Mediator | None = Mediator.live().where(Mediator.name == name).first()
    if mediator is None:
        mediator = Mediator.create(name=name)
        audit.record(actor, "create", mediator, detail=name)
    return mediator


def mediator_names() -> list[str]:
    return [m.name for m in Mediator.live().where(Mediator.active == True)  # noqa: E712
            .order_by(Mediator.name)]
