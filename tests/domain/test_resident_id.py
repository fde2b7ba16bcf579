from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mediation_desk.domain.resident_id import (
    ResidentId,
    check_consistency,
    make_resident_id,
    mask_id_number,
    normalize_id_number,
    parse_resident_id,
)
from mediation_desk.errors import DomainError

TODAY = date(2026, 3, 1)

areas = st.from_regex(r"[1-6][0-9]{5}", fullmatch=True)
births = st.dates(min_value=date(1800, 1, 1), max_value=TODAY)
seqs = st.integers(min_value=0, max_value=999)


def reason_for(text: str, today: date = TODAY) -> str:
    with pytest.raises(DomainError) as caught:
        parse_resident_id(text, today=today)
    return caught.value.reason


@pytest.mark.parametrize(
    ("number", "birth", "gender"),
    [
        ("11010519491231002X", date(1949, 12, 31), "female"),
        ("440524188001010014", date(1880, 1, 1), "male"),
        ("360426199101010071", date(1991, 1, 1), "male"),
        ("120103198806018241", date(1988, 6, 1), "female"),
    ],
)
def test_published_valid_examples(number: str, birth: date, gender: str) -> None:
    rid = parse_resident_id(number, today=TODAY)
    assert (rid.number, rid.area_code, rid.birth_date, rid.gender) == (
        number,
        number[:6],
        birth,
        gender,
    )
    assert isinstance(rid, ResidentId)


@pytest.mark.parametrize("number", ["360426199101010072", "110105194912310021"])
def test_published_invalid_examples(number: str) -> None:
    assert reason_for(number) == "校验位错误"


def test_lowercase_and_full_width_input_is_stored_canonically() -> None:
    assert parse_resident_id("11010519491231002x", today=TODAY).number == "11010519491231002X"
    full_width = "１１０１０５　１９４９１２３１　００２Ｘ"
    assert parse_resident_id(full_width, today=TODAY).number == "11010519491231002X"
    assert normalize_id_number(" 1101 0519 4912 3100 2ｘ ") == "11010519491231002X"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("1101051949123100", "应为18位（或旧15位）"),
        ("", "应为18位（或旧15位）"),
        ("11010519491231002Y", "含有非法字符"),
        ("1101051949X231002X", "含有非法字符"),
        ("11010549123100X", "含有非法字符"),
        ("110105194902300021", "出生日期不是真实日期"),
        ("110105179912310021", "出生日期不是真实日期"),
        ("110105491301002", "出生日期不是真实日期"),
        (make_resident_id("350524", date(2027, 1, 1), 11), "出生日期在未来"),
    ],
)
def test_refusal_reasons(text: str, reason: str) -> None:
    assert reason_for(text) == reason


def test_born_today_is_accepted() -> None:
    number = make_resident_id("350524", TODAY, 12)
    assert parse_resident_id(number, today=TODAY).birth_date == TODAY


def test_legacy_15_digit_number_is_kept_as_is() -> None:
    rid = parse_resident_id("350524650301123", today=TODAY)
    assert rid.number == "350524650301123"
    assert rid.area_code == "350524"
    assert rid.birth_date == date(1965, 3, 1)
    assert rid.gender == "male"
    assert parse_resident_id("350524650301124", today=TODAY).gender == "female"


def test_consistency_with_separately_entered_fields() -> None:
    rid = parse_resident_id("11010519491231002X", today=TODAY)
    assert check_consistency(rid, date(1949, 12, 31), "female") == []
    assert check_consistency(rid, date(1949, 12, 31), "女") == []
    assert check_consistency(rid, None, None) == []
    assert check_consistency(rid, date(1950, 1, 1), "男") == [
        "出生日期与身份证号码不符",
        "性别与身份证号码不符",
    ]
    assert check_consistency(rid, None, "male") == ["性别与身份证号码不符"]
    assert check_consistency(rid, None, "未知") == []


def test_mask_id_number() -> None:
    assert mask_id_number("350524196503011234") == "3505**********1234"
    assert mask_id_number("350524650301123") == "3505*******1123"
    assert mask_id_number("AB1234") == "A****4"
    assert mask_id_number("") == ""


def test_make_resident_id_refuses_bad_parts() -> None:
    with pytest.raises(DomainError):
        make_resident_id("35052", date(1990, 1, 1), 1)
    with pytest.raises(DomainError):
        make_resident_id("350524", date(1990, 1, 1), 1000)


@given(areas, births, seqs)
def test_made_numbers_parse_back(area: str, birth: date, seq: int) -> None:
    rid = parse_resident_id(make_resident_id(area, birth, seq), today=TODAY)
    assert rid.birth_date == birth
    assert rid.area_code == area
    assert rid.gender == ("male" if seq % 2 else "female")


@given(areas, births, seqs, st.integers(min_value=0, max_value=17), st.data())
def test_any_single_character_change_is_refused(
    area: str, birth: date, seq: int, position: int, data: st.DataObject
) -> None:
    number = make_resident_id(area, birth, seq)
    alphabet = "0123456789X" if position == 17 else "0123456789"
    replacement = data.draw(st.sampled_from([c for c in alphabet if c != number[position]]))
    changed = number[:position] + replacement + number[position + 1 :]
    with pytest.raises(DomainError):
        parse_resident_id(changed, today=TODAY)


@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize_id_number(text)
    assert normalize_id_number(once) == once


@given(areas, births, seqs)
def test_full_width_input_parses_to_the_same_number(area: str, birth: date, seq: int) -> None:
    number = make_resident_id(area, birth, seq)
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in number.lower())
    assert parse_resident_id(full_width, today=TODAY).number == number
