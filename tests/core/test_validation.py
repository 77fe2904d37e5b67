from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advisor_app.domain.clock import china_today
from advisor_app.domain.validation import Checker, ValidationError


def check(field, method, value, **kw):
    c = Checker({field: value})
    result = getattr(c, method)(field, **kw)
    return c, result


@pytest.mark.parametrize(
    "phone", ["13912345678", "139 1234 5678", "+8613912345678", "0913-2123456", "029-88881234-12", "12348"]
)
def test_good_phones(phone):
    c, _ = check("phone", "phone", phone)
    assert not c.errors


@pytest.mark.parametrize("phone", ["1391234567", "23912345678", "123", "abc", "0913-12"])
def test_bad_phones_name_the_field(phone):
    c, _ = check("phone", "phone", phone)
    assert c.errors["phone"].startswith("联系电话：")


def test_required_text_message_names_the_field():
    c = Checker({"question": "   "})
    c.text("question", required=True)
    with pytest.raises(ValidationError) as info:
        c.done()
    assert info.value.errors == {"question": "请填写咨询内容"}


def test_required_choice_and_date_say_what_to_do():
    c = Checker({"mode": "", "accepted_on": None})
    c.choice("mode", "service_modes", required=True)
    c.day("accepted_on", required=True)
    assert c.errors["mode"].startswith("请选择") and "不在可选范围" not in c.errors["mode"]
    assert c.errors["accepted_on"].startswith("请填写")
    assert all(len(message) > len("请选择") for message in c.errors.values())  # the field is named


def test_impossible_and_future_dates():
    c, _ = check("accepted_on", "day", "2026-02-30")
    assert "不是有效日期" in c.errors["accepted_on"]
    c, _ = check("accepted_on", "day", (china_today() + timedelta(days=1)).isoformat(), not_future=True)
    assert "不能晚于今天" in c.errors["accepted_on"]
    c, value = check("accepted_on", "day", "2026年3月5日")
    assert value == date(2026, 3, 5) and not c.errors


@given(st.decimals(min_value=0, max_value=Decimal("999999999.99"), places=2))
def test_amounts_round_trip(amount):
    c, value = check("amount_yuan", "amount", str(amount))
    assert not c.errors
    assert value == amount


@pytest.mark.parametrize(
    ("value", "fragment"), [("-5", "负数"), ("12.345", "两位小数"), ("壹万", "有效金额"), ("1e12", "过大")]
)
def test_bad_amounts(value, fragment):
    c, _ = check("amount_yuan", "amount", value)
    assert fragment in c.errors["amount_yuan"]


def test_amount_accepts_separators_and_unit():
    _, value = check("amount_yuan", "amount", "12,000元")
    assert value == Decimal("12000.00")


def test_choice_lists_the_allowed_values():
    c, _ = check("mode", "choice", "飞鸽传书", vocabulary="service_modes")
    assert "实地" in c.errors["mode"] and "飞鸽传书" in c.errors["mode"]
