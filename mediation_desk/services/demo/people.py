"""Invented people and organisations for demo cases: names, ID numbers, phones, addresses.

Deterministic for a given :class:`random.Random`. ID numbers are valid (GB 11643 check
character, real birth dates, the gender digit matching the gender) and unique within one
demo run, except that a few people come back in later cases — as they do in a real room,
which is what the intake's "this party appeared before" warning is for.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta
from typing import TypeVar

from mediation_desk.domain.dictionaries import DEFAULT_VILLAGES
from mediation_desk.domain.resident_id import make_resident_id
from mediation_desk.services.cases.drafts import PartyDraft
from mediation_desk.services.demo import text as T

_X = TypeVar("_X")

USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
RETURNING_SHARE = 0.04  # people who come back with another dispute
REMEMBERED = 3000


def weighted(rng: random.Random, items: Sequence[tuple[_X, float]]) -> _X:
    return rng.choices([i[0] for i in items], [i[1] for i in items])[0]


def surname_of(name: str) -> str:
    return next((s for s, _ in T.SURNAMES if len(s) > 1 and name.startswith(s)), name[:1])


def uscc(body17: str) -> str:
    """A unified social credit code (GB 32100-2015) with its check character."""
    total = sum(USCC_CHARS.index(c) * w for c, w in zip(body17, USCC_WEIGHTS, strict=True))
    return body17 + USCC_CHARS[(31 - total % 31) % 31]


class People:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used_ids: set[str] = set()
        self.seen: list[PartyDraft] = []

    # -- pieces -----------------------------------------------------------------------------
    def surname(self) -> str:
        return weighted(self.rng, T.SURNAMES)

    def name(self, gender: str, surname: str | None = None) -> str:
        rng = self.rng
        chars = T.MALE_CHARS if gender == "male" else T.FEMALE_CHARS
        given = [rng.choice(chars) for _ in range(1 if rng.random() < 0.25 else 2)]
        if rng.random() < 0.015:
            given[-1] = rng.choice(T.RARE_MALE if gender == "male" else T.RARE_FEMALE)
        return (surname or self.surname()) + "".join(given)

    def mobile(self) -> str:
        return self.rng.choice(T.MOBILE_PREFIXES) + f"{self.rng.randrange(10**8):08d}"

    def landline(self) -> str:
        return f"0595-2{self.rng.randrange(3, 8)}{self.rng.randrange(10**6):06d}"

    def village_address(self, village: str) -> str:
        rng = self.rng
        if village.endswith("社区"):
            return f"安溪县湖头镇{rng.choice(T.STREETS)}{rng.randint(1, 260)}号"
        return f"安溪县湖头镇{village}{rng.randint(1, 12)}组{rng.randint(1, 120)}号"

    def resident_id(self, birth: date, gender: str) -> str:
        area = weighted(self.rng, T.AREA_CODES)
        while True:
            seq = self.rng.randrange(500) * 2 + (1 if gender == "male" else 0)
            number = make_resident_id(area, birth, seq)
            if number not in self.used_ids:
                self.used_ids.add(number)
                return number

    def birth(self, on: date, youngest: int = 18, oldest: int = 85) -> date:
        start = max(date(1940, 1, 1), date(on.year - oldest, 1, 1))
        end = min(date(2005, 12, 31), date(on.year - youngest, 12, 31))
        return start + timedelta(days=self.rng.randrange((end - start).days + 1))

    # -- parties ----------------------------------------------------------------------------
    def person(self, side: str, on: date, village: str, *, gender: str | None = None,
               surname: str | None = None, born: date | None = None,
               occupation: str | None = None) -> PartyDraft:
        """A new person — or, now and then, someone who came to the room before."""
        rng = self.rng
        if gender is None and surname is None and born is None and self.seen \
                and rng.random() < RETURNING_SHARE:
            old = rng.choice(self.seen)
            return PartyDraft(side=side, name=old.name, gender=old.gender,
                              ethnicity=old.ethnicity, birth_date=old.birth_date,
                              id_number=old.id_number, phone=old.phone, address=old.address,
                              occupation=old.occupation)
        gender = gender or rng.choice(("male", "female"))
        birth = born or self.birth(on)
        age = on.year - birth.year
        if occupation is None:
            occupation = "退休" if age >= 62 and rng.random() < 0.5 else weighted(
                rng, T.OCCUPATIONS)
        home = village if rng.random() < 0.8 else rng.choice(DEFAULT_VILLAGES)
        address = self.village_address(home) if rng.random() < 0.93 else (
            rng.choice(T.ELSEWHERE) + f"{rng.randint(1, 300)}号")
        party = PartyDraft(
            side=side, name=self.name(gender, surname), gender=gender,
            ethnicity=weighted(rng, T.ETHNICITIES), birth_date=birth,
            id_number=self.resident_id(birth, gender) if rng.random() < 0.97 else "",
            phone=self.mobile() if rng.random() < 0.95 else self.landline(),
            address=address, occupation=occupation)
        if age >= 70 and rng.random() < 0.3:
            party.agent = self.name("male", surname_of(party.name)) + "（儿子）"
        self.seen.append(party)
        if len(self.seen) > REMEMBERED:
            del self.seen[: REMEMBERED // 2]
        return party

    def organization(self, kind: str, side: str, village: str) -> PartyDraft:
        rng = self.rng
        name = rng.choice(T.ORG_NAMES[kind]).format(x=rng.choice(T.TRADE_NAMES), v=village)
        head = {"village": "54", "coop": "93"}.get(kind, "91")
        body = head + "350524" + "".join(rng.choice(USCC_CHARS) for _ in range(9))
        return PartyDraft(
            side=side, kind="organization", name=name, id_type="other", id_number=uscc(body),
            phone=self.landline() if rng.random() < 0.7 else self.mobile(),
            address=self.village_address(village),
            legal_representative=self.name(rng.choice(("male", "male", "female"))))

    def family(self, kin: str, on: date, village: str) -> tuple[PartyDraft, PartyDraft, dict[
            str, str]]:
        """An applicant and a respondent related as ``kin``, and the words for the relation."""
        rng = self.rng
        extra: dict[str, str] = {}
        if kin == "spouses":
            ga = "female" if rng.random() < 0.6 else "male"
            a = self.person("applicant", on, village, gender=ga, born=self.birth(on, 22, 70))
            b_born = a.birth_date + timedelta(days=rng.randint(-1500, 1500)) \
                if a.birth_date else None
            if b_born is not None:
                b_born = max(date(1940, 1, 1), min(b_born, date(on.year - 20, 1, 1)))
            b = self.person("respondent", on, village, born=b_born,
                            gender="male" if ga == "female" else "female")
            b.address = a.address
        elif kin == "siblings":
            surname = self.surname()
            a = self.person("applicant", on, village, gender="male", surname=surname,
                            born=self.birth(on, 35, 75))
            b = self.person("respondent", on, village, gender="male", surname=surname,
                            born=self.birth(on, 35, 75))
        else:  # parent_child: the old parent applies against a grown child
            ga = rng.choice(("male", "female"))
            parent_born = self.birth(on, 70, 85)
            a = self.person("applicant", on, village, gender=ga, born=parent_born,
                            occupation="退休" if rng.random() < 0.5 else "农民")
            gb = rng.choice(("male", "female"))
            child_born = date(min(parent_born.year + rng.randint(20, 32), on.year - 20, 2005),
                              rng.randint(1, 12), rng.randint(1, 28))
            b = self.person("respondent", on, village, gender=gb, born=child_born,
                            surname=surname_of(a.name) if ga == "male" else None)
            extra["rel"], extra["child"] = T.RELATIONS[(ga, gb)]
            extra["parent"] = "父亲" if ga == "male" else "母亲"
        return a, b, extra
