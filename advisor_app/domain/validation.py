"""Value rules with Chinese messages that name the field.

Services collect every problem of a record into one :class:`ValidationError`, so a form can show
each message beside its field and an import can list them by row.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from advisor_app.domain import idcard
from advisor_app.domain.clock import china_now, china_today, to_china
from advisor_app.domain.fields import label
from advisor_app.domain.vocab import terms

MOBILE = re.compile(r"^1[3-9]\d{9}$")
LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}(-\d{1,6})?$")
SERVICE_NUMBER = re.compile(r"^(12348|12345|110|120|119)$")


# text fields a form fills from a list (所在村 is a village combo): empty, they say 请选择
PICKED_FIELDS = frozenset({"region_code"})


class ValidationError(ValueError):
    """One or more fields are wrong. ``errors`` maps field name to a Chinese message."""

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__("；".join(self.errors.values()))


class Checker:
    """Collects field errors while cleaning a record's values."""

    def __init__(self, data: dict[str, Any]):
        self.data = data
        self.clean: dict[str, Any] = {}
        self.errors: dict[str, str] = {}

    def fail(self, field: str, message: str) -> None:
        self.errors.setdefault(field, f"{label(field)}：{message}")

    def missing(self, field: str, *, choose: bool = False) -> None:
        """A required field left empty: the message says what to do (请填写…, 请选择… for a choice)."""
        choose = choose or field in PICKED_FIELDS
        self.errors.setdefault(field, f"{'请选择' if choose else '请填写'}{label(field)}")

    def raw(self, field: str) -> Any:
        value = self.data.get(field)
        if isinstance(value, str):
            value = value.strip()
            if value == "":
                return None
        return value

    def text(self, field: str, *, required: bool = False, max_len: int = 10000) -> str | None:
        value = self.raw(field)
        if value is None:
            if required:
                self.missing(field)
            self.clean[field] = None
            return None
        value = str(value)
        if len(value) > max_len:
            self.fail(field, f"不能超过 {max_len} 个字")
        self.clean[field] = value
        return value

    def choice(self, field: str, vocabulary: str | Iterable[str], *, required: bool = False) -> str | None:
        allowed = terms(vocabulary) if isinstance(vocabulary, str) else list(vocabulary)
        if required and self.raw(field) is None:
            self.missing(field, choose=True)
        value = self.text(field)
        if value is not None and value not in allowed:
            self.fail(field, f"“{value}”不在可选范围内（{'、'.join(allowed)}）")
        return value

    def choices(self, field: str, vocabulary: str) -> list[str]:
        allowed = terms(vocabulary)
        value = self.data.get(field) or []
        if isinstance(value, str):
            value = [v for v in re.split(r"[、,，;；\s]+", value) if v]
        bad = [v for v in value if v not in allowed]
        if bad:
            self.fail(field, f"“{'、'.join(bad)}”不在可选范围内（{'、'.join(allowed)}）")
        self.clean[field] = list(dict.fromkeys(value))
        return self.clean[field]

    def day(self, field: str, *, required: bool = False, not_future: bool = False) -> date | None:
        value = self.raw(field)
        self.clean[field] = None
        if value is None:
            if required:
                self.missing(field)
            return None
        parsed = parse_date(value)
        if parsed is None:
            self.fail(field, f"“{value}”不是有效日期（格式如 2026-11-28）")
            return None
        if not_future and parsed > china_today():
            self.fail(field, "不能晚于今天")
        if parsed.year < 1900:
            self.fail(field, "不能早于 1900 年")
        self.clean[field] = parsed
        return parsed

    def moment(self, field: str, *, required: bool = False, not_future: bool = False) -> datetime | None:
        value = self.raw(field)
        self.clean[field] = None
        if value is None:
            if required:
                self.missing(field)
            return None
        parsed = parse_datetime(value)
        if parsed is None:
            self.fail(field, f"“{value}”不是有效时间（格式如 2026-11-28 09:30）")
            return None
        # a time later today is refused too; five minutes' grace for a form opened a moment ago
        # and a PC clock a little behind
        if not_future and parsed.date() > china_today():
            self.fail(field, "不能晚于今天")
        elif not_future and parsed.replace(tzinfo=None) > china_now().replace(tzinfo=None) + timedelta(
            minutes=5
        ):
            self.fail(field, "不能晚于现在，请改为实际的时间")
        self.clean[field] = parsed
        return parsed

    def integer(
        self, field: str, *, required: bool = False, minimum: int = 0, maximum: int = 10**9
    ) -> int | None:
        value = self.raw(field)
        self.clean[field] = None
        if value is None:
            if required:
                self.missing(field)
            return None
        try:
            number = int(str(value)) if not isinstance(value, int) else value
        except ValueError:
            self.fail(field, f"“{value}”不是整数")
            return None
        if not minimum <= number <= maximum:
            self.fail(field, f"应在 {minimum} 到 {maximum} 之间")
        self.clean[field] = number
        return number

    def amount(self, field: str, *, required: bool = False) -> Decimal | None:
        """Money in yuan: at most two decimals, not negative, below 10 亿."""
        value = self.raw(field)
        self.clean[field] = None
        if value is None:
            if required:
                self.missing(field)
            return None
        text = str(value).replace(",", "").replace("，", "").removesuffix("元")
        try:
            number = Decimal(text)
        except InvalidOperation:
            self.fail(field, f"“{value}”不是有效金额")
            return None
        if not number.is_finite() or number < 0:
            self.fail(field, "不能为负数")
            return None
        if number != number.quantize(Decimal("0.01")):
            self.fail(field, "最多保留两位小数（分）")
        if number >= Decimal("1000000000"):
            self.fail(field, "金额过大，请核对")
        self.clean[field] = number.quantize(Decimal("0.01"))
        return self.clean[field]

    def phone(self, field: str = "phone", *, required: bool = False) -> str | None:
        value = self.text(field, required=required)
        if value is None:
            return None
        compact = value.replace(" ", "").replace("－", "-").replace("—", "-")
        if compact.startswith("+86"):
            compact = compact[3:]
        digits = compact.replace("-", "")
        if digits.isdigit() and MOBILE.match(digits):
            self.clean[field] = digits
        elif LANDLINE.match(compact) or SERVICE_NUMBER.match(compact):
            self.clean[field] = compact
        else:
            self.fail(field, f"“{value}”不是有效的手机号（11 位）或固定电话（区号-号码）")
        return self.clean.get(field)

    def id_number(self, field: str = "id_number") -> idcard.IdInfo | None:
        value = self.text(field)
        if value is None:
            return None
        try:
            info = idcard.parse(value)
        except idcard.IdNumberError as exc:
            self.fail(field, str(exc))
            return None
        self.clean[field] = info.number
        return info

    def done(self) -> dict[str, Any]:
        if self.errors:
            raise ValidationError(self.errors)
        return self.clean


DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d")
DATETIME_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y/%m/%d %H:%M",
)


def parse_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def parse_datetime(value: Any) -> datetime | None:
    # An offset is converted to China time (business time), not dropped: docs/reports.md.
    if isinstance(value, datetime):
        return to_china(value)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    text = str(value).strip()
    try:
        return to_china(datetime.fromisoformat(text))
    except ValueError:
        pass
    for fmt in DATETIME_FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    day = parse_date(text)
    return datetime(day.year, day.month, day.day) if day else None
