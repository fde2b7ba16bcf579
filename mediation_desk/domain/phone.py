"""Phone numbers of parties and mediators: one canonical spelling, checked, and masked.

Why normalise: the same number typed as "139 1234 5678", "+86-13912345678" or with full-width
digits from a pinyin IME must be found by search and must not create a duplicate party.
Canonical forms: mobiles are 11 bare digits ("13912345678"); landlines are
"area-number" ("0595-23456789"), with an extension written "转123" as on Chinese forms.

Why require an area code on landlines: patrol laptops record parties from several counties and
a bare 7–8-digit number cannot be dialled from elsewhere; it is almost always incomplete.
"""

from __future__ import annotations

import re
import unicodedata

from mediation_desk.domain.errors import DomainError

_MOBILE = re.compile(r"1[3-9][0-9]{9}")
# Area code, subscriber number (never starting with 0), optional extension; the "joined" form
# is the same without the hyphen, split later by the known lengths of area codes.
_EXTENSION = r"(?:(?:-|转|ext\.?|EXT\.?)(?P<ext>[0-9]{1,6}))?"
_LANDLINE = re.compile(r"(?P<area>0[0-9]{2,3})-(?P<number>[1-9][0-9]{6,7})" + _EXTENSION)
_LANDLINE_JOINED = re.compile(r"(?P<digits>0[0-9]{9,11})" + _EXTENSION)
_DASHES = str.maketrans({"—": "-", "–": "-", "‐": "-", "‑": "-", "−": "-"})

INVALID_PHONE = "不是有效的手机号码或固定电话"


def _area_length(digits: str) -> int:
    """Mainland area codes: 010 and 020–029 have 3 digits, all others 4 (e.g. 0595 Quanzhou)."""
    return 3 if digits.startswith(("010", "02")) else 4


def _clean(text: str) -> str:
    cleaned = unicodedata.normalize("NFKC", text).translate(_DASHES)
    # Normalise again after removing spaces: NFKC can turn a character into space + combining
    # mark, and the mark then composes with whatever preceded the space.
    cleaned = unicodedata.normalize("NFKC", "".join(ch for ch in cleaned if not ch.isspace()))
    # "(0595)23456789" → "0595-23456789"
    cleaned = re.sub(r"^\((0[0-9]{2,3})\)-?", r"\1-", cleaned)
    return cleaned


def _strip_country_code(cleaned: str) -> str:
    for prefix in ("+86", "0086"):
        if cleaned.startswith(prefix):
            rest = cleaned[len(prefix) :].lstrip("-")
            # International landline form drops the trunk 0: +86-595-23456789.
            if rest and not rest.startswith(("0", "1")):
                rest = "0" + rest
            return rest
    bare = cleaned.replace("-", "")
    if bare.startswith("86") and _MOBILE.fullmatch(bare[2:]):
        return bare[2:]
    return cleaned


def normalize_phone(text: str) -> str:
    """Canonical spelling of a phone number; never raises.

    Unrecognisable input is returned cleaned (NFKC, no spaces) so the caller can show it back;
    use :func:`validate_phone` to refuse it.
    """
    cleaned = _strip_country_code(_clean(text))
    bare = cleaned.replace("-", "")
    if _MOBILE.fullmatch(bare):
        return bare
    match = _LANDLINE.fullmatch(cleaned)
    if match:
        area, number, ext = match["area"], match["number"], match["ext"]
    else:
        joined = _LANDLINE_JOINED.fullmatch(cleaned)
        if not joined:
            return cleaned
        digits = joined["digits"]
        cut = _area_length(digits)
        area, number, ext = digits[:cut], digits[cut:], joined["ext"]
        if not re.fullmatch(r"[1-9][0-9]{6,7}", number):
            return cleaned
    result = f"{area}-{number}"
    return f"{result}转{ext}" if ext else result


def is_mobile(text: str) -> bool:
    """Whether the (normalised) number is a mainland mobile — SMS reminders need one."""
    return _MOBILE.fullmatch(normalize_phone(text)) is not None


def validate_phone(text: str) -> str:
    """The canonical form of a mainland mobile or landline (with area code), or DomainError."""
    normal = normalize_phone(text)
    if _MOBILE.fullmatch(normal):
        return normal
    if re.fullmatch(r"0[0-9]{2,3}-[1-9][0-9]{6,7}(?:转[0-9]{1,6})?", normal):
        return normal
    raise DomainError(INVALID_PHONE)


def mask_phone(phone: str) -> str:
    """Hide the middle of a number for lists and exports ("139****5678", "0595-****6789").

    Keeps just enough for a mediator to recognise a party's number (PIPL Art 51
    de-identification). Extensions are dropped; unrecognised text keeps only its last 4.
    """
    normal = normalize_phone(phone)
    if _MOBILE.fullmatch(normal):
        return normal[:3] + "****" + normal[-4:]
    landline = re.fullmatch(r"(0[0-9]{2,3})-([0-9]+)(?:转[0-9]+)?", normal)
    if landline:
        area, number = landline.groups()
        return f"{area}-" + "*" * (len(number) - 4) + number[-4:]
    if len(normal) > 4:
        return "*" * (len(normal) - 4) + normal[-4:]
    return "*" * len(normal)
