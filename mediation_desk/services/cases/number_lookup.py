"""Finding a case by the number a person types: in full, or short (``82``, ``2026-82``).

Why one resolver: every command that takes a NUMBER (show, print, edit, history, attach,
export, retention) must accept the same forms (contract.md v2), and an administrator at a
terminal types "82", not "（2026）湖头人调字第82号" with full-width brackets through an IME.
The number as typed is tried first; then the short forms, by the year and sequence stored
with each case (so a change of the number pattern never breaks them); then the full form
with half- and full-width characters folded.
"""

from __future__ import annotations

import json
from datetime import date

from mediation_desk import clock
from mediation_desk.domain.case_number import DEFAULT_PATTERN, parse_case_number, parse_short_number
from mediation_desk.errors import DomainError, NotFound
from mediation_desk.store.models import Case, Setting


def _setting(key: str, default: str) -> str:
    row = Setting.live().where(Setting.key == key).first()
    return str(json.loads(row.value)) if row is not None else default


def find_case(text: str, today: date | None = None) -> Case:
    """The live case ``text`` names; NotFound (saying which forms were tried) otherwise.

    ``today`` decides the year of a number given without one (default: the clock's)."""
    typed = text.strip()
    case: Case | None = Case.live().where(Case.number == typed).first() if typed else None
    if case is None and typed:
        year = (today or clock.today()).year
        found = parse_short_number(typed, year)
        if found is None:
            try:
                found = parse_case_number(_setting("number_pattern", DEFAULT_PATTERN),
                                          _setting("number_prefix", ""), typed)
            except DomainError:
                found = None
        if found is not None:
            case = Case.live().where(Case.number_year == found[0],
                                     Case.number_seq == found[1]).first()
    if case is None:
        raise NotFound(f"找不到编号为“{typed}”的案件（可写完整编号，或写“82”表示今年第82号、"
                       "“2026-82”表示2026年第82号）")
    return case
