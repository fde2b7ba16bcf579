"""Demo data for the monthly report's own facts: a few cases that prevented something (民转刑,
群体性械斗, 群体性上访, 自杀) and written agreements confirmed by the court, so the 统计 page and
the county workbook of a demo register show every block filled, as a real room's would.

Through :class:`~mediation_desk.services.statistics.case_facts.CaseFactsService`, like a
mediator's entries; its own random stream, so the cases and patrols of a seed stay the same.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from mediation_desk.services.shared.actor import Actor
from mediation_desk.services.statistics.case_facts import CaseFacts, CaseFactsService, Confirmation
from mediation_desk.store.database import Store
from mediation_desk.store.models import Agreement, Case

PREVENTION_SHARE = 0.05
CONFIRMATION_SHARE = 0.12
COURT = "安溪县人民法院"


def fill_report_facts(store: Store, actor: Actor, rng: random.Random, today: date) -> dict[str, int]:
    service = CaseFactsService(store, actor)
    counts = {"prevented": 0, "confirmed": 0}
    with store.db.atomic():
        for case in Case.select(Case.id, Case.group_dispute).order_by(Case.received_on,
                                                                       Case.number_seq):
            if rng.random() >= PREVENTION_SHARE:
                continue
            kind = rng.choice(("criminal", "criminal", "group_fight", "group_petition",
                               "suicide"))
            facts = CaseFacts(
                group_dispute=case.group_dispute or kind in ("group_fight", "group_petition"),
                prevented_criminal=kind == "criminal",
                prevented_criminal_people=rng.randint(1, 3) if kind == "criminal" else 0,
                prevented_suicide=kind == "suicide",
                prevented_group_fight=kind == "group_fight",
                prevented_group_fight_people=rng.randint(6, 25) if kind == "group_fight" else 0,
                prevented_group_petition=kind == "group_petition",
                prevented_group_petition_people=rng.randint(5, 40)
                if kind == "group_petition" else 0)
            service.update_facts(case.id, facts)
            counts["prevented"] += 1
        for agreement in (Agreement.select(Agreement.case, Agreement.reached_on)
                          .where(Agreement.form == "written").order_by(Agreement.reached_on)):
            if rng.random() >= CONFIRMATION_SHARE:
                continue
            applied = agreement.reached_on + timedelta(days=rng.randint(1, 25))
            ruled = applied + timedelta(days=rng.randint(3, 15))
            if ruled > today:
                continue
            result = "confirmed" if rng.random() < 0.93 else "rejected"
            service.record_confirmation(agreement.case_id,
                                        Confirmation(applied, COURT, result, ruled))
            counts["confirmed"] += result == "confirmed"
    return counts
