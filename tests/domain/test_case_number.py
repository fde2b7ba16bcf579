from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mediation_desk.domain.case_number import (
    DEFAULT_PATTERN,
    NumberBlock,
    allocate,
    format_case_number,
    next_sequence,
    parse_case_number,
    parse_short_number,
    reserve_block,
    validate_pattern,
)
from mediation_desk.errors import DomainError

ONLY_KNOWN = "编号格式只能包含{year}、{seq}、{prefix}"


def test_default_pattern() -> None:
    number = format_case_number(DEFAULT_PATTERN, year=2026, seq=12, prefix="湖头")
    assert number == "（2026）湖头人调字第12号"
    assert parse_case_number(DEFAULT_PATTERN, "湖头", number) == (2026, 12)


def test_parse_tolerates_half_width_parentheses_and_digits() -> None:
    assert parse_case_number(DEFAULT_PATTERN, "湖头", "(2026)湖头人调字第12号") == (2026, 12)
    assert parse_case_number(DEFAULT_PATTERN, "湖头", " （２０２６）湖头人调字第１２号 ") == (
        2026,
        12,
    )


@pytest.mark.parametrize(
    "text",
    [
        "（2026）安溪人调字第12号",  # another committee's prefix
        "（2026）湖头人调字第012号",  # stray zero padding
        "（2026）湖头人调字第0号",
        "（26）湖头人调字第12号",
        "（2026）湖头人调字第号",
        "2026-12",
        "",
    ],
)
def test_parse_rejects_other_texts(text: str) -> None:
    assert parse_case_number(DEFAULT_PATTERN, "湖头", text) is None


def test_zero_padding() -> None:
    pattern = "湖头人调〔{year}〕{seq:03d}号"
    assert format_case_number(pattern, year=2026, seq=7, prefix="") == "湖头人调〔2026〕007号"
    assert format_case_number(pattern, year=2026, seq=1234, prefix="") == "湖头人调〔2026〕1234号"
    assert parse_case_number(pattern, "", "湖头人调〔2026〕007号") == (2026, 7)
    assert parse_case_number(pattern, "", "湖头人调〔2026〕7号") is None
    assert parse_case_number(pattern, "", "湖头人调〔2026〕000号") is None


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        ("{year}-{seq}-{room}", ONLY_KNOWN),
        ("{year}-{seq!r}", ONLY_KNOWN),
        ("{year:04d}-{seq}", ONLY_KNOWN),
        ("{year}-{seq:>5}", ONLY_KNOWN),
        ("{year}-{0}", ONLY_KNOWN),
        ("{year}-{seq", "编号格式中的花括号不成对"),
        ("{prefix}第{seq}号", "编号格式须包含且只包含一次{year}和{seq}"),
        ("{year}年", "编号格式须包含且只包含一次{year}和{seq}"),
        ("{year}{seq}-{seq}", "编号格式须包含且只包含一次{year}和{seq}"),
    ],
)
def test_invalid_patterns(pattern: str, reason: str) -> None:
    with pytest.raises(DomainError) as caught:
        validate_pattern(pattern)
    assert caught.value.reason == reason


def test_format_refuses_bad_values() -> None:
    with pytest.raises(DomainError):
        format_case_number(DEFAULT_PATTERN, year=26, seq=1, prefix="湖头")
    with pytest.raises(DomainError):
        format_case_number(DEFAULT_PATTERN, year=2026, seq=0, prefix="湖头")


def test_escaped_braces_are_literal() -> None:
    pattern = "{{{year}}}-{seq}"
    assert format_case_number(pattern, year=2026, seq=3, prefix="") == "{2026}-3"
    assert parse_case_number(pattern, "", "{2026}-3") == (2026, 3)


# Literal pieces include digits and regex metacharacters on purpose.
_ALPHABET = "人调字第号湖头安溪（）()〔〕[]-_.*+?^$|\\/#：:0123456789ABCxyz"
literals = st.text(alphabet=_ALPHABET, max_size=6)
placeholders = st.permutations(["{year}", "{seq}", "{prefix}"])
seq_fields = st.sampled_from(["{seq}", "{seq:03d}", "{seq:05d}", "{seq:01d}"])


@given(
    placeholders,
    seq_fields,
    st.lists(literals, min_size=4, max_size=4),
    st.text(alphabet=_ALPHABET, max_size=4),
    st.integers(min_value=1000, max_value=9999),
    st.integers(min_value=1, max_value=10**7),
)
def test_format_parse_round_trip(
    order: list[str], seq_field: str, pieces: list[str], prefix: str, year: int, seq: int
) -> None:
    fields = [seq_field if f == "{seq}" else f for f in order]
    pattern = pieces[0] + "".join(f + p for f, p in zip(fields, pieces[1:], strict=True))
    validate_pattern(pattern)
    text = format_case_number(pattern, year=year, seq=seq, prefix=prefix)
    assert parse_case_number(pattern, prefix, text) == (year, seq)


def test_allocate_skips_taken_numbers() -> None:
    assert next_sequence(0) == 1
    assert allocate(0, set()) == 1
    assert allocate(11, {12, 13, 15}) == 14
    assert allocate(11, {3, 5}) == 12
    with pytest.raises(DomainError):
        allocate(-1, set())


@given(st.integers(min_value=0, max_value=500), st.sets(st.integers(min_value=0, max_value=600)))
def test_allocate_never_reuses(last: int, taken: set[int]) -> None:
    issued = allocate(last, taken)
    assert issued > last
    assert issued not in taken
    assert all(n in taken for n in range(last + 1, issued))  # it is the smallest free one


def test_number_blocks_keep_devices_apart() -> None:
    desk = reserve_block(2026, highest_reserved=0, size=1000)
    laptop = reserve_block(2026, highest_reserved=desk.last, size=100)
    assert (desk.first, desk.last) == (1, 1000)
    assert (laptop.first, laptop.last) == (1001, 1100)
    assert 1000 in desk and 1000 not in laptop
    assert laptop.allocate(0, set()) == 1001
    assert laptop.allocate(1001, {1003}) == 1002
    assert laptop.allocate(1099, {1100}) is None
    with pytest.raises(DomainError):
        NumberBlock(year=2026, first=5, last=4)
    with pytest.raises(DomainError):
        reserve_block(2026, highest_reserved=0, size=0)


@pytest.mark.parametrize(("text", "expected"), [
    ("82", (2026, 82)), ("2025-82", (2025, 82)), ("2025/7", (2025, 7)),
    ("2025年82号", (2025, 82)), ("第82号", (2026, 82)), ("８２", (2026, 82)),
    (" 2025 - 3 ", (2025, 3)), ("0", None), ("82a", None), ("25-82", None),
    ("（2026）湖头人调字第82号", None), ("", None),
])
def test_short_numbers(text: str, expected: tuple[int, int] | None) -> None:
    assert parse_short_number(text, 2026) == expected
