"""Amounts in Chinese capitals (大写金额): checked against an independent reader of the capitals."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advisor_app.domain.money import MAX_FEN, capitals, capitals_fen, figures_fen, to_fen, written_fen

DIGIT = {c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
SMALL = {"拾": 10, "佰": 100, "仟": 1000}


def read_capitals(text: str) -> int:
    """Parse capitals back to 分, written independently of the converter."""
    assert text.endswith(("整", "分")), text
    text = text.removesuffix("整")
    fen = 0
    if "元" in text:
        yuan_text, text = text.split("元")
        fen += _read_integer(yuan_text) * 100
    if "角" in text:
        jiao_text, text = text.split("角")
        fen += DIGIT[jiao_text.removeprefix("零")] * 10
    if text.endswith("分"):
        fen += DIGIT[text.removesuffix("分").removeprefix("零")]
    return fen


def _read_integer(text: str) -> int:
    if "亿" in text:
        high, low = text.rsplit("亿", 1)
        return _read_wan(high) * 10**8 + _read_wan(low)
    return _read_wan(text)


def _read_wan(text: str) -> int:
    if "万" in text:
        high, low = text.split("万", 1)
        return _read_group(high) * 10**4 + _read_group(low)
    return _read_group(text)


def _read_group(text: str) -> int:
    total = digit = 0
    for char in text:
        if char in SMALL:
            total += digit * SMALL[char]
            digit = 0
        else:
            digit = DIGIT[char]
    return total + digit


@given(st.integers(min_value=0, max_value=10**14))
def test_capitals_read_back_to_the_same_amount(fen: int) -> None:
    assert read_capitals(capitals_fen(fen)) == fen


@given(st.integers(min_value=0, max_value=10**14))
def test_capitals_follow_the_writing_rules(fen: int) -> None:
    text = capitals_fen(fen)
    assert "零零" not in text
    assert not text.startswith("零") or fen == 0
    assert text.endswith("整") == (fen % 10 == 0)
    assert not any(c.isdigit() for c in text)
    assert "零元" not in text or fen == 0
    assert not text.replace("整", "").endswith("零")


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_yuan_and_fen_forms_agree(amount: Decimal) -> None:
    fen = to_fen(amount)
    assert capitals(amount) == capitals_fen(fen)
    assert Decimal(figures_fen(fen).replace(",", "")) == amount


@pytest.mark.parametrize(
    ("fen", "expected"),
    [
        (1200000, "壹万贰仟元整"),
        (100500, "壹仟零伍元整"),
        (10000100000, "壹亿零壹仟元整"),
        (105, "壹元零伍分"),
        (1050, "壹拾元伍角整"),
        (0, "零元整"),
    ],
)
def test_examples_from_the_banking_rules(fen: int, expected: str) -> None:
    assert capitals_fen(fen) == expected


def test_written_form_has_figures_and_capitals() -> None:
    assert written_fen(1200000) == "人民币 12,000.00 元（大写：人民币壹万贰仟元整）"


@pytest.mark.parametrize("bad", ["-1", "1.234", "abc"])
def test_bad_amounts_are_refused_in_chinese(bad: str) -> None:
    with pytest.raises(ValueError, match="金额"):
        capitals(bad)


def test_amount_beyond_range_is_refused() -> None:
    with pytest.raises(ValueError, match="超出"):
        capitals_fen(MAX_FEN + 1)
