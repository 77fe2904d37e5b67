from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advisor_app.domain import idcard
from advisor_app.domain.clock import china_today


def make(address: str, born: date, seq: int) -> str:
    body = f"{address}{born:%Y%m%d}{seq:03d}"
    return body + idcard.check_char(body)


def test_documented_example_is_valid():
    info = idcard.parse("11010519491231002X")
    assert info.birth_date == date(1949, 12, 31)
    assert info.gender == "女"
    assert info.age_on(date(2026, 11, 28)) == 76


@given(
    address=st.from_regex(r"\A[1-6]\d{5}\Z"),
    born=st.dates(min_value=date(1900, 1, 1), max_value=china_today()),
    seq=st.integers(min_value=0, max_value=999),
)
def test_generated_numbers_parse_back(address, born, seq):
    info = idcard.parse(make(address, born, seq))
    assert info.birth_date == born
    assert info.gender == ("男" if seq % 2 else "女")


@given(
    born=st.dates(min_value=date(1900, 1, 1), max_value=china_today()),
    seq=st.integers(min_value=0, max_value=999),
    position=st.integers(min_value=0, max_value=16),
    delta=st.integers(min_value=1, max_value=9),
)
def test_any_single_digit_change_is_caught(born, seq, position, delta):
    number = make("610502", born, seq)
    digits = list(number)
    digits[position] = str((int(digits[position]) + delta) % 10)
    changed = "".join(digits)
    # A changed digit either breaks the date or the check character; it is never silently accepted.
    with pytest.raises(idcard.IdNumberError):
        idcard.parse(changed)


def test_unknown_address_code_is_accepted():
    assert idcard.parse(make("999999", date(1980, 5, 6), 123)).gender == "男"


@pytest.mark.parametrize(
    ("number", "fragment"),
    [
        ("11010519491231002", "18 位"),
        ("1101051949123100AX", "数字"),
        ("110105194902300021", "不存在"),
        ("11010519491231002Y", "数字"),
        ("110105194912310021", "校验码"),
    ],
)
def test_bad_numbers_explain_themselves(number, fragment):
    with pytest.raises(idcard.IdNumberError, match=fragment):
        idcard.parse(number)


def test_future_birth_date_rejected():
    tomorrow = china_today() + timedelta(days=1)
    with pytest.raises(idcard.IdNumberError, match="晚于今天"):
        idcard.parse(make("610502", tomorrow, 1))


def test_lowercase_x_and_spaces_are_normalised():
    assert idcard.parse(" 11010519491231002x ").number == "11010519491231002X"


def test_mask_keeps_region_and_tail_only():
    assert idcard.mask("11010519491231002X") == "110105********002X"
    assert idcard.mask(None) == ""
