"""居民身份证号码 (GB 11643-1999): check character, birth date, sex.

Unknown address codes are accepted on purpose: old numbers keep retired county codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from advisor_app.domain.clock import china_today

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"
_PATTERN = re.compile(r"^\d{17}[\dX]$")


class IdNumberError(ValueError):
    """Raised with a Chinese message saying what is wrong with the number."""


@dataclass(frozen=True)
class IdInfo:
    number: str
    birth_date: date
    gender: str  # 男 / 女

    def age_on(self, day: date) -> int:
        years = day.year - self.birth_date.year
        if (day.month, day.day) < (self.birth_date.month, self.birth_date.day):
            years -= 1
        return years


def check_char(first17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True))
    return CHECK_CHARS[total % 11]


def normalize(raw: str) -> str:
    return raw.strip().replace(" ", "").upper()


def parse(raw: str, today: date | None = None) -> IdInfo:
    number = normalize(raw)
    if "*" in number:
        raise IdNumberError("号码已打码（含 *），无法识别，请使用完整号码")
    if len(number) != 18:
        raise IdNumberError(f"应为 18 位，实际 {len(number)} 位")
    if not _PATTERN.match(number):
        raise IdNumberError("前 17 位应为数字，最后一位为数字或 X")
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError as exc:
        raise IdNumberError(f"出生日期 {number[6:14]} 不存在") from exc
    today = today or china_today()
    if born > today:
        raise IdNumberError(f"出生日期 {born.isoformat()} 晚于今天")
    if born.year < 1900:
        raise IdNumberError(f"出生日期 {born.isoformat()} 早于 1900 年")
    expected = check_char(number[:17])
    if number[17] != expected:
        raise IdNumberError("校验码不符，请核对号码是否抄错")
    gender = "男" if int(number[16]) % 2 == 1 else "女"
    return IdInfo(number=number, birth_date=born, gender=gender)


def mask(number: str | None) -> str:
    """Mask an ID number for lists: 610502********123X."""
    if not number:
        return ""
    if len(number) <= 8:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]
