"""Money on agreements: parsed to integer fen (分), printed in figures and in capitals.

Why integer fen: amounts are summed into monthly reports (协议涉及金额); floats drift, and a
report that is off by a fen invites questions. Why capitals (大写): an agreement states every
amount also in capital numerals so it cannot be altered by adding a stroke; we follow the
People's Bank rules for writing amounts on vouchers (正确填写票据和结算凭证的基本规定).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from mediation_desk.domain.errors import DomainError

MAX_YUAN = 10**12
MAX_FEN = MAX_YUAN * 100

BAD_FORMAT = "金额格式不正确"
NEGATIVE = "金额不能为负数"
TOO_PRECISE = "金额最多两位小数"
TOO_LARGE = "金额超出范围"

_NUMBER = re.compile(r"(?P<sign>[+-]?)(?P<int>[0-9][0-9,]*|)(?:\.(?P<frac>[0-9]*))?")
_GROUPED = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+")

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")


def _from_decimal(value: Decimal) -> int:
    if not value.is_finite():
        raise DomainError(BAD_FORMAT)
    if value < 0:
        raise DomainError(NEGATIVE)
    # Count decimals from the exact digits: Decimal arithmetic rounds to 28 digits, which
    # could silently turn "1.0000000000000000000000000001" into a whole number.
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    trailing_zeros = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    if value != 0 and exponent + trailing_zeros < -2:
        raise DomainError(TOO_PRECISE)
    if value > MAX_YUAN:
        raise DomainError(TOO_LARGE)
    return int(value * 100)  # at most 15 significant digits here, so exact


def parse_yuan(text: str | int | Decimal) -> int:
    """An amount in yuan, as typed or stored, converted to fen.

    Accepts "12000", "12000.00", "1,200.5", "１２０００" (full-width), "￥500", "500元".
    Thousands separators must be in the right places: "12,50" is refused rather than guessed,
    because in some habits it means 12.50 and in others 1250.
    """
    if isinstance(text, bool):
        raise DomainError(BAD_FORMAT)
    if isinstance(text, int):
        return _from_decimal(Decimal(text))
    if isinstance(text, Decimal):
        return _from_decimal(text)
    cleaned = unicodedata.normalize("NFKC", text)
    cleaned = "".join(ch for ch in cleaned if not ch.isspace())
    cleaned = cleaned.removeprefix("¥").removesuffix("元")
    match = _NUMBER.fullmatch(cleaned)
    if match is None or not (match["int"] or match["frac"]):
        raise DomainError(BAD_FORMAT)
    whole = match["int"]
    if "," in whole:
        if not _GROUPED.fullmatch(whole):
            raise DomainError(BAD_FORMAT)
        whole = whole.replace(",", "")
    try:
        value = Decimal(f"{whole or '0'}.{match['frac'] or '0'}")
    except InvalidOperation:  # pragma: no cover - the regex admits only digits
        raise DomainError(BAD_FORMAT) from None
    if match["sign"] == "-" and value != 0:
        raise DomainError(NEGATIVE)
    return _from_decimal(value)


def format_yuan(fen: int) -> str:
    """Figures with exactly two decimals and no separators ("12000.00"), as on agreements."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}{yuan}.{cents:02d}"


def _group_capital(group: int) -> str:
    """A 0–9999 group in capitals, with one 零 for each run of inner zeros (1010 → 壹仟零壹拾)."""
    out: list[str] = []
    pending_zero = False
    for power in range(3, -1, -1):
        digit = group // 10**power % 10
        if digit == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out.append("零")
            pending_zero = False
        out.append(_DIGITS[digit] + _SMALL_UNITS[power])
    return "".join(out)


def _yuan_capital(yuan: int) -> str:
    """Whole yuan in capitals (without 元), in 4-digit groups of 万 and 亿."""
    groups: list[int] = []
    while yuan:
        yuan, group = divmod(yuan, 10_000)
        groups.append(group)
    out: list[str] = []
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            continue
        # A gap before this group (a zero group, or a group under 1000) is read as one 零.
        if out and (group < 1000 or groups[index + 1] == 0):
            out.append("零")
        out.append(_group_capital(group))
        if index == 3:
            out.append("万亿" if groups[2] == 0 else "万")
        elif index == 2:
            out.append("亿")
        elif index == 1:
            out.append("万")
    return "".join(out)


def chinese_capital(fen: int) -> str:
    """Capital numerals for an amount in fen: 1234560 → "壹万贰仟叁佰肆拾伍元陆角".

    Rules applied: "整" only after 元 (never after 角 or 分); "零" before the fen when the jiao
    is zero ("元零柒分"); "壹拾" always written in full; zero is "零元整".
    """
    if fen < 0:
        raise DomainError(NEGATIVE)
    if fen > MAX_FEN:
        raise DomainError(TOO_LARGE)
    yuan, cents = divmod(fen, 100)
    jiao, fen_digit = divmod(cents, 10)
    if yuan == 0 and cents == 0:
        return "零元整"
    out = _yuan_capital(yuan) + "元" if yuan else ""
    if cents == 0:
        return out + "整"
    if jiao:
        out += _DIGITS[jiao] + "角"
    elif yuan:
        out += "零"
    if fen_digit:
        out += _DIGITS[fen_digit] + "分"
    return out
