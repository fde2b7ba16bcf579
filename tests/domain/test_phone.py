from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mediation_desk.domain.phone import is_mobile, mask_phone, normalize_phone, validate_phone
from mediation_desk.errors import DomainError

mobiles = st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("13912345678", "13912345678"),
        ("139 1234 5678", "13912345678"),
        ("139-1234-5678", "13912345678"),
        ("+86 139 1234 5678", "13912345678"),
        ("+8613912345678", "13912345678"),
        ("8613912345678", "13912345678"),
        ("１３９１２３４５６７８", "13912345678"),
        ("0595-23456789", "0595-23456789"),
        ("0595 23456789", "0595-23456789"),
        ("059523456789", "0595-23456789"),
        ("(0595)23456789", "0595-23456789"),
        ("（０５９５）２３４５６７８９", "0595-23456789"),
        ("０５９５－２３４５６７８９", "0595-23456789"),
        ("01012345678", "010-12345678"),
        ("010-1234567", "010-1234567"),
        ("02112345678", "021-12345678"),
        ("0595-23456789转123", "0595-23456789转123"),
        ("0595-23456789-123", "0595-23456789转123"),
        ("+86-595-23456789", "0595-23456789"),
    ],
)
def test_valid_numbers_normalise(typed: str, canonical: str) -> None:
    assert normalize_phone(typed) == canonical
    assert validate_phone(typed) == canonical


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "23456789",  # local number without area code
        "12345678901",  # 12x is not a mobile prefix
        "1391234567",  # 10 digits
        "139123456789",  # 12 digits
        "0595-0123456",  # subscriber numbers do not start with 0
        "0595-123456",  # too short
        "电话13912345678",
        "abc",
    ],
)
def test_invalid_numbers_are_refused(typed: str) -> None:
    with pytest.raises(DomainError) as caught:
        validate_phone(typed)
    assert caught.value.reason == "不是有效的手机号码或固定电话"


def test_mask_phone() -> None:
    assert mask_phone("13912345678") == "139****5678"
    assert mask_phone("+86 139 1234 5678") == "139****5678"
    assert mask_phone("0595-23456789转123") == "0595-****6789"
    assert mask_phone("2345") == "****"


def test_is_mobile() -> None:
    assert is_mobile("139 1234 5678")
    assert not is_mobile("0595-23456789")


@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize_phone(text)
    assert normalize_phone(once) == once


@given(mobiles, st.sampled_from(["", "+86", "+86 ", "86", "0086"]), st.sampled_from(["", " ", "-"]))
def test_any_spelling_of_a_mobile_validates_to_the_bare_number(
    mobile: str, country: str, sep: str
) -> None:
    typed = country + sep.join([mobile[:3], mobile[3:7], mobile[7:]])
    assert validate_phone(typed) == mobile
    masked = mask_phone(typed)
    assert masked == mobile[:3] + "****" + mobile[-4:]
