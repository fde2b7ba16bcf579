"""The loop's figures by their definitions (services/petitions/figures.py): received by the
visit's day, answered in time against 60 days plus an extension, overdue as of the period's
end, satisfaction by the closing day — and the block in ``report monthly``'s JSON."""

from __future__ import annotations

from datetime import date, datetime

from mediation_desk import clock
from mediation_desk.domain.periods import Period
from mediation_desk.services.petitions.service import PetitionService
from mediation_desk.services.petitions.types import AnswerDraft
from mediation_desk.services.statistics.service import StatisticsService, contract_json
from tests.conftest import Register
from tests.services.petitions.conftest import request_draft


def _request(petitions: PetitionService, day: date, route: str = "refer") -> str:
    pid = petitions.receive(request_draft(received_at=datetime.combine(
        day, datetime.min.time()).replace(hour=9))).id
    petitions.assess(pid, route, "研判意见")
    return pid


def test_the_loop_figures_of_a_month(register: Register, petitions: PetitionService) -> None:
    with clock.pinned(date(2026, 11, 30)):
        old = _request(petitions, date(2026, 8, 1), "answer")  # answered after 60 days
        late = _request(petitions, date(2026, 10, 20))  # assigned, never answered
        petitions.assign(late, "镇司法所", date(2026, 11, 10))
        quick = _request(petitions, date(2026, 11, 3), "answer")
        extended = _request(petitions, date(2026, 9, 1))
        aid = petitions.assign(extended, "镇人社所", date(2026, 10, 31)).id
        petitions.extend(aid, 30, "需调取社保缴费记录")
        _request(petitions, date(2026, 11, 25))  # received, nothing else yet
        for pid, satisfaction in ((old, "unsatisfied"), (quick, "satisfied"),
                                  (extended, "basic")):
            petitions.reply(pid, AnswerDraft("已答复。", "phone", date(2026, 11, 28)))
            petitions.close(pid, satisfaction)
    stats = StatisticsService(register.store, register.actor)
    with clock.pinned(date(2026, 12, 7)):
        november = stats.figures(Period.month(2026, 11)).visitors
        assert november is not None
        assert (november.received, november.answered_in_time, november.overdue) == (2, 2, 1)
        assert (november.satisfied, november.basically_satisfied, november.unsatisfied) == (
            1, 1, 1)
        october = stats.figures(Period.month(2026, 10)).visitors
        assert october is not None and (october.received, october.overdue) == (1, 0)
        block = contract_json(stats.figures(Period.month(2026, 11)))["petitions"]
        assert block == {"received": 2, "answered_in_time": 2, "overdue": 1, "satisfied": 1,
                         "basically_satisfied": 1, "unsatisfied": 1}
