"""Case numbers such as "（2026）湖头人调字第12号": a configurable pattern and a per-year sequence.

There is no national format, so the pattern is a setting. It may use only three placeholders:
``{year}``, ``{seq}`` (optionally zero-padded, ``{seq:03d}``) and ``{prefix}`` (the committee's
abbreviation, e.g. "湖头"). Anything richer would let a typo in the settings produce numbers
that can no longer be parsed back — and the number is printed on every document.

Numbers are never reused, even when a case registered in error is deleted: the number may
already be on a printed notice, in a register book or in a monthly report, and a second case
with the same number would make the paper trail ambiguous. A gap is the honest record.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from string import Formatter

from mediation_desk.domain.errors import DomainError

DEFAULT_PATTERN = "（{year}）{prefix}人调字第{seq}号"

_ONLY_KNOWN = "编号格式只能包含{year}、{seq}、{prefix}"
_PAD_SPEC = re.compile(r"0([1-9])d")

# One piece of a parsed pattern: literal text, then an optional field name and pad width.
_Piece = tuple[str, str | None, int]


def _pieces(pattern: str) -> list[_Piece]:
    try:
        parsed = list(Formatter().parse(pattern))
    except ValueError:
        raise DomainError("编号格式中的花括号不成对") from None
    pieces: list[_Piece] = []
    for literal, field, spec, conversion in parsed:
        if field is None:
            pieces.append((literal, None, 0))
            continue
        if field not in ("year", "seq", "prefix") or conversion:
            raise DomainError(_ONLY_KNOWN)
        width = 0
        if spec:
            padded = _PAD_SPEC.fullmatch(spec)
            if field != "seq" or padded is None:
                raise DomainError(_ONLY_KNOWN)
            width = int(padded.group(1))
        pieces.append((literal, field, width))
    return pieces


def validate_pattern(pattern: str) -> None:
    """Refuse a pattern that could issue ambiguous or unparseable numbers.

    It must contain ``{year}`` and ``{seq}`` exactly once each: without the year, numbers
    repeat every January (one sequence per year); without the sequence they always repeat.
    """
    fields = [field for _, field, _ in _pieces(pattern) if field is not None]
    if fields.count("year") != 1 or fields.count("seq") != 1:
        raise DomainError("编号格式须包含且只包含一次{year}和{seq}")


def format_case_number(pattern: str, *, year: int, seq: int, prefix: str) -> str:
    """Render a case number; the pattern is validated first."""
    validate_pattern(pattern)
    if not 1000 <= year <= 9999:
        raise DomainError("年份应为四位数")
    if seq < 1:
        raise DomainError("序号应为正整数")
    return pattern.format(year=year, seq=seq, prefix=prefix)


def _fold(text: str) -> str:
    """Make half- and full-width forms compare equal: "(2026)" matches "（2026）"."""
    return unicodedata.normalize("NFKC", text)


def _seq_regex(width: int) -> str:
    # Exactly what ``format`` produces: no stray leading zeros, so parse∘format is exact.
    if width <= 1:
        return r"(?P<seq>[1-9][0-9]*)"
    return rf"(?P<seq>[0-9]{{{width}}}|[1-9][0-9]{{{width},}})"


def parse_case_number(pattern: str, prefix: str, text: str) -> tuple[int, int] | None:
    """``(year, seq)`` if ``text`` is a number in this pattern and prefix, else None.

    Both sides are NFKC-folded, so half-/full-width parentheses and digits typed by an IME
    still match; everything else must match exactly. None (not an error) because callers use
    it to ask "is this one of ours?" — for example when importing another room's records.
    """
    validate_pattern(pattern)
    parts: list[str] = []
    for literal, field, width in _pieces(pattern):
        parts.append(re.escape(_fold(literal)))
        if field == "year":
            parts.append(r"(?P<year>[1-9][0-9]{3})")
        elif field == "seq":
            parts.append(_seq_regex(width))
        elif field == "prefix":
            parts.append(re.escape(_fold(prefix)))
    match = re.fullmatch("".join(parts), _fold(text.strip()))
    if match is None:
        return None
    seq = int(match["seq"])
    if seq < 1:
        return None
    return int(match["year"]), seq


def next_sequence(last_issued: int) -> int:
    """The next number after ``last_issued`` (0 when none has been issued this year)."""
    if last_issued < 0:
        raise DomainError("序号不能为负数")
    return last_issued + 1


def allocate(last_issued: int, taken: Iterable[int]) -> int:
    """Smallest sequence number greater than ``last_issued`` and not in ``taken``.

    ``taken`` holds numbers already used by any means (imported from a patrol laptop, typed
    in by hand for a paper case). Never returns a number at or below ``last_issued`` — numbers
    are not reused, even after deletion (see module docstring).
    """
    used = set(taken)
    candidate = next_sequence(last_issued)
    while candidate in used:
        candidate += 1
    return candidate


@dataclass(frozen=True)
class NumberBlock:
    """A range of sequence numbers reserved for one device for one year (inclusive).

    Patrol laptops work offline; if each may only issue numbers from its own block, two
    devices can never issue the same number, and no network is needed to guarantee it.
    """

    year: int
    first: int
    last: int

    def __post_init__(self) -> None:
        if not 1 <= self.first <= self.last:
            raise DomainError("号段范围不正确")

    def __contains__(self, seq: object) -> bool:
        return isinstance(seq, int) and self.first <= seq <= self.last

    def allocate(self, last_issued: int, taken: Iterable[int]) -> int | None:
        """Like :func:`allocate`, but within the block; None when the block is used up.

        ``last_issued`` is the highest number this device has issued from the block (or 0).
        """
        candidate = allocate(max(last_issued, self.first - 1), taken)
        return candidate if candidate <= self.last else None


def reserve_block(year: int, highest_reserved: int, size: int) -> NumberBlock:
    """The next block of ``size`` numbers after everything reserved or issued so far."""
    if size < 1:
        raise DomainError("号段大小应为正整数")
    first = next_sequence(highest_reserved)
    return NumberBlock(year=year, first=first, last=first + size - 1)


_SHORT = re.compile(r"(?:(?P<year>[1-9][0-9]{3})\s*[-/.年]\s*)?第?(?P<seq>[0-9]+)号?")


def parse_short_number(text: str, year: int) -> tuple[int, int] | None:
    """``(year, seq)`` for a short case number typed on the command line, else None.

    Administrators say "82" or "2026-82", not "（2026）湖头人调字第82号": "82" is this
    ``year``'s 第82号, "2026-82" (also "2026/82", "2026年82号") that year's. Full-width
    digits count (NFKC). A full number is not short: callers try it as typed first.
    """
    match = _SHORT.fullmatch(_fold(text.strip()))
    if match is None:
        return None
    seq = int(match["seq"])
    if seq < 1:
        return None
    return (int(match["year"]) if match["year"] else year), seq
