"""Mainland resident ID numbers (居民身份证号码, GB 11643-1999): normalising, checking, masking.

Why check at all: an ID number is printed on the agreement and submitted to the court for
judicial confirmation; a mistyped digit there means a refused application and another trip for
the parties. The check character catches every single-digit typo and most swaps, so we refuse
numbers that fail it instead of storing them.

Why accept sloppy input: mediators type with pinyin IMEs, which often leave full-width digits
("１１０１…") or a lower-case "x". We normalise those silently and store the canonical form.

Not every party has a mainland ID (HK/Macau/Taiwan permits, foreign permanent residence cards):
the service layer must record the document type and only call :func:`parse_resident_id` for
mainland resident IDs.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Literal

from mediation_desk.domain.errors import DomainError

Gender = Literal["male", "female"]

WEIGHTS: tuple[int, ...] = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"
EARLIEST_BIRTH = date(1800, 1, 1)
_DIGITS = frozenset("0123456789")

_GENDER_WORDS: dict[str, Gender] = {
    "male": "male",
    "m": "male",
    "男": "male",
    "female": "female",
    "f": "female",
    "女": "female",
}


@dataclass(frozen=True)
class ResidentId:
    """A checked ID number and the facts it encodes.

    ``number`` is the canonical form: 18 characters (upper-case X), or the 15 digits of a
    legacy number exactly as issued — we never "upgrade" a 15-digit number, because the
    18-digit one is a different document the party may not hold.
    """

    number: str
    area_code: str
    birth_date: date
    gender: Gender


def normalize_id_number(text: str) -> str:
    """Canonical form of what was typed: NFKC (full-width → half-width), no spaces, upper X.

    Idempotent, never raises: it only cleans; :func:`parse_resident_id` decides validity.
    """
    cleaned = unicodedata.normalize("NFKC", text)
    # Again after dropping spaces, so that the result is stable (idempotent) under NFKC.
    cleaned = unicodedata.normalize("NFKC", "".join(ch for ch in cleaned if not ch.isspace()))
    return cleaned.replace("x", "X")


def check_character(first17: str) -> str:
    """The GB 11643-1999 check character for the first 17 digits."""
    total = sum(int(digit) * weight for digit, weight in zip(first17, WEIGHTS, strict=True))
    return CHECK_CHARS[total % 11]


def _birth_date(year: int, month: int, day: int, today: date) -> date:
    try:
        born = date(year, month, day)
    except ValueError:
        raise DomainError("出生日期不是真实日期") from None
    if born < EARLIEST_BIRTH:
        # Centenarians born in the 1800s exist; anything earlier is a typo.
        raise DomainError("出生日期不是真实日期")
    if born > today:
        raise DomainError("出生日期在未来")
    return born


def parse_resident_id(text: str, *, today: date) -> ResidentId:
    """Check an 18-digit (or legacy 15-digit) ID number and read its birth date and gender.

    The checks run from the coarsest to the finest so that the reason shown is the one the
    mediator can act on: wrong characters, wrong length, impossible date, then check digit.
    ``today`` is required (a pure rule reads no clock): callers pass :func:`mediation_desk.clock.today`.
    """
    number = normalize_id_number(text)
    if any(ch not in _DIGITS and ch != "X" for ch in number):
        raise DomainError("含有非法字符")
    if len(number) not in (15, 18):
        raise DomainError("应为18位（或旧15位）")
    if len(number) == 15:
        if "X" in number:
            raise DomainError("含有非法字符")
        # Legacy numbers (issued before 1999) carry a 2-digit year of the 1900s, no check digit.
        born = _birth_date(1900 + int(number[6:8]), int(number[8:10]), int(number[10:12]), today)
        sequence_digit = int(number[14])
    else:
        if "X" in number[:17]:
            raise DomainError("含有非法字符")
        born = _birth_date(int(number[6:10]), int(number[10:12]), int(number[12:14]), today)
        if check_character(number[:17]) != number[17]:
            raise DomainError("校验位错误")
        sequence_digit = int(number[16])
    gender: Gender = "male" if sequence_digit % 2 == 1 else "female"
    return ResidentId(number=number, area_code=number[:6], birth_date=born, gender=gender)


def check_consistency(rid: ResidentId, birth_date: date | None, gender: str | None) -> list[str]:
    """Reasons why separately entered birth date / gender disagree with the ID number.

    Returned as warnings rather than raised: the form lets mediators type all three, and a
    mismatch usually means one field is wrong — the mediator must decide which. ``gender``
    may be "male"/"female" or "男"/"女"; an unrecognised or blank value is not compared.
    """
    reasons: list[str] = []
    if birth_date is not None and birth_date != rid.birth_date:
        reasons.append("出生日期与身份证号码不符")
    if gender is not None:
        known = _GENDER_WORDS.get(gender.strip().lower())
        if known is not None and known != rid.gender:
            reasons.append("性别与身份证号码不符")
    return reasons


def make_resident_id(area_code: str, birth: date, seq: int) -> str:
    """Build a valid 18-digit number; ``seq`` (0–999) sets gender: odd male, even female.

    Used for demo data and tests, so they never need a real person's number.
    """
    if len(area_code) != 6 or any(ch not in _DIGITS for ch in area_code):
        raise DomainError("地区码应为6位数字")
    if not 0 <= seq <= 999:
        raise DomainError("顺序码应在0至999之间")
    if not 1000 <= birth.year <= 9999:
        raise DomainError("出生日期不是真实日期")
    first17 = f"{area_code}{birth:%Y%m%d}{seq:03d}"
    return first17 + check_character(first17)


def mask_id_number(number: str) -> str:
    """Show only the first 4 and last 4 characters ("3505**********1234").

    PIPL Art 51 asks for de-identification: lists, exports and screens that do not need the
    full number show this form. The area prefix and tail are enough to tell parties apart.
    Short numbers (other document types) keep at most one character at each end.
    """
    text = normalize_id_number(number)
    if len(text) > 8:
        return text[:4] + "*" * (len(text) - 8) + text[-4:]
    if len(text) > 2:
        return text[0] + "*" * (len(text) - 2) + text[-1]
    return "*" * len(text)
