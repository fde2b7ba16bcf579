from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mediation_desk.domain.money import MAX_FEN, chinese_capital, format_yuan, parse_yuan
from mediation_desk.errors import DomainError

amounts = st.integers(min_value=0, max_value=MAX_FEN)


@pytest.mark.parametrize(
    ("typed", "fen"),
    [
        ("12000", 1_200_000),
        ("12000.00", 1_200_000),
        ("1,200.5", 120_050),
        ("１２０００", 1_200_000),
        ("１２，０００．５０", 1_200_050),
        (" 500 元", 50_000),
        ("￥500", 50_000),
        ("0.07", 7),
        (".5", 50),
        ("12.500", 1_250),
        ("0", 0),
        ("-0", 0),
        (12000, 1_200_000),
        (Decimal("12345.60"), 1_234_560),
        (Decimal("1E+3"), 100_000),
        ("1000000000000", MAX_FEN),
    ],
)
def test_parse_yuan(typed: str | int | Decimal, fen: int) -> None:
    assert parse_yuan(typed) == fen


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("", "金额格式不正确"),
        ("abc", "金额格式不正确"),
        ("十二元", "金额格式不正确"),
        ("12,50", "金额格式不正确"),
        ("1,2000", "金额格式不正确"),
        ("1.2.3", "金额格式不正确"),
        ("1e3", "金额格式不正确"),
        (".", "金额格式不正确"),
        (True, "金额格式不正确"),
        (Decimal("NaN"), "金额格式不正确"),
        ("-5", "金额不能为负数"),
        (-5, "金额不能为负数"),
        (Decimal("-0.01"), "金额不能为负数"),
        ("12.345", "金额最多两位小数"),
        ("1.0000000000000000000000000001", "金额最多两位小数"),
        ("1000000000000.01", "金额超出范围"),
    ],
)
def test_parse_yuan_refusals(typed: str | int | Decimal, reason: str) -> None:
    with pytest.raises(DomainError) as caught:
        parse_yuan(typed)
    assert caught.value.reason == reason


def test_format_yuan() -> None:
    assert format_yuan(1_200_000) == "12000.00"
    assert format_yuan(7) == "0.07"
    assert format_yuan(0) == "0.00"
    assert format_yuan(-150) == "-1.50"


@pytest.mark.parametrize(
    ("yuan", "capital"),
    [
        ("5000.00", "伍仟元整"),
        ("12345.60", "壹万贰仟叁佰肆拾伍元陆角"),
        ("10005.07", "壹万零伍元零柒分"),
        ("0", "零元整"),
        ("100000000", "壹亿元整"),
        ("1010.00", "壹仟零壹拾元整"),
        ("10", "壹拾元整"),
        ("100000", "壹拾万元整"),
        ("100100", "壹拾万零壹佰元整"),
        ("100000001", "壹亿零壹元整"),
        ("100001000", "壹亿零壹仟元整"),
        ("0.60", "陆角"),
        ("0.07", "柒分"),
        ("1680.32", "壹仟陆佰捌拾元叁角贰分"),
        ("1000000000000", "壹万亿元整"),
        ("100500000000", "壹仟零伍亿元整"),
        ("10010000", "壹仟零壹万元整"),
    ],
)
def test_chinese_capital(yuan: str, capital: str) -> None:
    assert chinese_capital(parse_yuan(yuan)) == capital


def test_chinese_capital_refuses_negative() -> None:
    with pytest.raises(DomainError):
        chinese_capital(-1)


@given(amounts)
def test_parse_format_round_trip(fen: int) -> None:
    assert parse_yuan(format_yuan(fen)) == fen


@given(amounts)
def test_capital_writing_rules(fen: int) -> None:
    text = chinese_capital(fen)
    assert "零零" not in text
    assert text.endswith("整") == (fen % 100 == 0)
    assert text.endswith(("整", "角", "分"))
    assert not text.startswith("零") or text == "零元整"
    # Every 拾/佰/仟 has its digit written out ("壹拾", never a bare "拾").
    for index, char in enumerate(text):
        if char in "拾佰仟":
            assert index > 0
            assert text[index - 1] in "壹贰叁肆伍陆柒捌玖"
