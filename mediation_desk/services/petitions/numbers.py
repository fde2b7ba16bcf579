"""Request numbers such as "（2026）湖头访字第3号": a configurable pattern (the case numbers'
rules: {year}, {seq}, {prefix}) and a sequence per year that only goes up — a number on a
printed 来访登记表 is never given to another request.

And finding a request by what a person types: its id, its full number (half- or full-width),
or a short number ("3", "2026-3") as case numbers are found.
"""

from __future__ import annotations

from mediation_desk import clock
from mediation_desk.domain.case_number import (
    format_case_number,
    parse_case_number,
    parse_short_number,
)
from mediation_desk.errors import DomainError, NotFound
from mediation_desk.services.petitions.lists import pattern
from mediation_desk.store.database import Store
from mediation_desk.store.models import Petition, PetitionSequence


def issue_number(store: Store, year: int) -> tuple[str, int]:
    """The next number of ``year`` (inside the caller's transaction)."""
    text, prefix = pattern(store)
    row = PetitionSequence.get_or_none(PetitionSequence.year == year)
    if row is None:
        row = PetitionSequence.create(year=year, last_issued=0)
    seq = row.last_issued + 1
    while True:
        number = format_case_number(text, year=year, seq=seq, prefix=prefix)
        if not Petition.select().where(Petition.number == number).exists():
            break
        seq += 1
    row.last_issued = seq
    row.save()
    return number, seq


def find_petition(store: Store, text: str) -> Petition:
    """The live request named by ``text``; NotFound (exit 1) naming what was typed."""
    typed = text.strip()
    row = Petition.get_live(typed) if typed else None
    if row is not None:
        return row
    found: Petition | None = Petition.live().where(Petition.number == typed).first()
    if found is not None:
        return found
    pattern_text, prefix = pattern(store)
    try:
        parsed = (parse_case_number(pattern_text, prefix, typed)
                  or parse_short_number(typed, clock.today().year))
    except DomainError:
        parsed = None
    if parsed is not None:
        year, seq = parsed
        found = Petition.live().where(Petition.number_year == year,
                                      Petition.number_seq == seq).first()
        if found is not None:
            return found
    raise NotFound(f"找不到信访事项“{typed}”（可用编号、简短编号如 3 或 2026-3，或编号 ID）")
