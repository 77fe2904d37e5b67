"""评价码: the code on a 服务评价卡 that lets the person served rate the service on a phone.

Made on the village PC without a connection, checked by the city server before the record has
arrived. The code is 120 bits, written as 24 characters of Crockford base32 (in groups of four on
paper, plain in the QR code's address):

    kind (2 bits) | service day (14 bits, days since 2025-01-01) | device number (20 bits)
    | reference (40 bits: the first 10 hex digits of the record's UUID) | tag (44 bits)

``tag`` is the first 44 bits of HMAC-SHA256 over the other 76 bits with the device's rating key,
which the server issues at login (``/v1/auth/rating-key`` for a device logged in before) and keeps
per device. Without the key nobody can make a code the server accepts (2^44 tries against a
rate-limited page), a changed character breaks the tag, and the code carries no name, phone or
text: only what the phone page may show before the record arrives (the kind and the day) and
what the server needs to find the key and, later, the record. The reference is random (uuid4), so
it says nothing either.

Pure Python, no store and no network: the server imports it too.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import date, timedelta

from advisor_app.domain import record_kinds  # plain data: no models, no store (the server imports this)


def _service_name(kind: str) -> str:
    """The service a kind's 评价 rates, as the card names it (record_kinds' ``service``)."""
    name = record_kinds.info_of(kind).service
    if name is None:
        raise KeyError(kind)
    return name


EPOCH = date(2025, 1, 1)
KINDS = ("consultation", "case", "activity")  # index = the code's 2-bit kind: never reordered
KIND_LABELS = {kind: _service_name(kind) for kind in KINDS}
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
LENGTH = 24
TAG_BITS = 44
MAX_DEVICE = (1 << 20) - 1
MAX_DAYS = (1 << 14) - 1
_DECODE = {c: i for i, c in enumerate(ALPHABET)} | {"I": 1, "L": 1, "O": 0}
_SEPARATORS = re.compile(r"[\s\-_.]")
DOMAIN = b"advisor-rating-code-v1"


class CodeError(ValueError):
    """Not a code this server could have made (the message is shown to the person typing it)."""


@dataclass(frozen=True)
class RatingCode:
    kind: str  # consultation / case / activity
    day: date
    device_no: int
    ref: int  # 40 bits of the record's UUID
    tag: int

    @property
    def text(self) -> str:
        return _encode(self._bits() << TAG_BITS | self.tag)

    @property
    def grouped(self) -> str:
        """The code as typed from paper: six groups of four."""
        t = self.text
        return "-".join(t[i : i + 4] for i in range(0, LENGTH, 4))

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    def _bits(self) -> int:
        days = (self.day - EPOCH).days
        return ((KINDS.index(self.kind) << 14 | days) << 20 | self.device_no) << 40 | self.ref

    def matches(self, record_id: str) -> bool:
        return ref_of(record_id) == self.ref


def ref_of(record_id: str) -> int:
    """The 40-bit reference of a record id (its first 10 hex digits)."""
    hexits = record_id.replace("-", "")[:10]
    if len(hexits) != 10:
        raise CodeError("记录编号不正确")
    try:
        return int(hexits, 16)
    except ValueError as exc:
        raise CodeError("记录编号不正确") from exc


def _tag(key: bytes, bits: int) -> int:
    digest = hmac.new(key, DOMAIN + bits.to_bytes(10, "big"), hashlib.sha256).digest()
    return int.from_bytes(digest[:6], "big") >> (48 - TAG_BITS)


def make(key: bytes, device_no: int, kind: str, day: date, record_id: str) -> RatingCode:
    """The code of one service, signed with the device's key."""
    if kind not in KINDS:
        raise CodeError(f"服务类型“{kind}”不能评价")
    if not 0 < device_no <= MAX_DEVICE:
        raise CodeError("设备编号超出范围")
    days = (day - EPOCH).days
    if not 0 <= days <= MAX_DAYS:
        raise CodeError(f"日期 {day.isoformat()} 超出评价码可表示的范围")
    unsigned = RatingCode(kind, day, device_no, ref_of(record_id), 0)
    return RatingCode(kind, day, device_no, unsigned.ref, _tag(key, unsigned._bits()))


def parse(text: str) -> RatingCode:
    """The fields of a typed or scanned code (not yet verified: see ``verify``)."""
    clean = _SEPARATORS.sub("", text or "").upper()
    if len(clean) != LENGTH:
        raise CodeError(f"评价码应为 {LENGTH} 位字母或数字（现为 {len(clean)} 位），请核对评价卡")
    value = 0
    for ch in clean:
        digit = _DECODE.get(ch)
        if digit is None:
            raise CodeError(f"评价码中有不该出现的字符“{ch}”，请核对评价卡")
        value = value << 5 | digit
    tag = value & ((1 << TAG_BITS) - 1)
    bits = value >> TAG_BITS
    ref = bits & ((1 << 40) - 1)
    device_no = (bits >> 40) & MAX_DEVICE
    days = (bits >> 60) & MAX_DAYS
    kind_index = bits >> 74
    if kind_index >= len(KINDS) or device_no == 0:
        raise CodeError("评价码无效，请核对评价卡")
    return RatingCode(KINDS[kind_index], EPOCH + timedelta(days=days), device_no, ref, tag)


def verify(key: bytes, code: RatingCode) -> bool:
    """True when the tag was made with ``key`` (constant-time comparison)."""
    expected = _tag(key, code._bits())
    return hmac.compare_digest(expected.to_bytes(6, "big"), code.tag.to_bytes(6, "big"))


def _encode(value: int) -> str:
    out = []
    for _ in range(LENGTH):
        out.append(ALPHABET[value & 31])
        value >>= 5
    return "".join(reversed(out))


def page_url(base_url: str, code: RatingCode) -> str:
    """The address in the QR code: the city server's phone page for this code."""
    return f"{base_url.rstrip('/')}/r/{code.text}"


def key_from_text(text: str) -> bytes:
    """The device key as kept in the keyring (hex) → bytes; a damaged key is refused."""
    try:
        key = bytes.fromhex(text)
    except ValueError as exc:
        raise CodeError("本机保存的评价密钥已损坏，请重新登录同步服务器") from exc
    if len(key) < 16:
        raise CodeError("本机保存的评价密钥已损坏，请重新登录同步服务器")
    return key


# --- the card's facts, read from the local store (imports inside: the server imports this module) ---

NO_KEY_REASON = (
    "本机还没有评价密钥（登录同步服务器时发放；本功能上线前登录的电脑在下次同步时取得），"
    "所以本卡没有二维码：请联网同步一次后重新打印，或由工作人员当面登记评价。"
)
NO_SERVER_REASON = (
    "本机没有登录市级同步服务器，当事人无法扫码评价：请登录并同步后重新打印，或由工作人员当面登记评价。"
)


@dataclass
class Card:
    """What a 服务评价卡 prints: the service in plain words and, when the device has a key, its code."""

    kind: str
    record_id: str
    day: date
    village: str
    staff_label: str
    staff: str
    code: RatingCode | None = None
    url: str | None = None
    reason: str | None = None  # why there is no code
    number: str | None = None  # a case's number (案号): the parties recognise their case by it


STAFF = {
    "consultation": ("adviser", "法律顾问"),
    "case": ("mediator", "人民调解员"),
    "activity": ("speaker", "主讲人"),
}


def find_record(store, text: str) -> tuple[str, str]:  # noqa: ANN001 - advisor_app.store.Store
    """(kind, id) of a consultation, activity or case named by its id or its case number."""
    from sqlalchemy import select

    from advisor_app.domain.models import Activity, Case, Consultation

    wanted = text.strip()
    with store.session() as session:
        for kind, model in (("consultation", Consultation), ("activity", Activity), ("case", Case)):
            row = session.get(model, wanted)
            if row is not None and not row.deleted:
                return kind, row.id
        case = session.scalars(select(Case).where(Case.case_no == wanted, Case.deleted.is_(False))).first()
        if case is not None:
            return "case", case.id
    raise LookupError(f"找不到记录“{wanted}”：请填写咨询记录、普法活动的编号或案件编号")


def card_for(
    store,  # noqa: ANN001 - advisor_app.store.Store
    kind: str,
    record_id: str,
    key: tuple[int, str] | None,
    base_url: str | None,
) -> Card:
    """The card of one service; ``key`` = (device number, hex key) from the keyring, or None."""
    from advisor_app.domain.clock import china_today, to_china
    from advisor_app.domain.models import Region

    model = record_kinds.info_of(kind).model
    with store.session() as session:
        row = session.get(model, record_id)
        if row is None or row.deleted:
            raise LookupError(f"找不到记录 {record_id}")
        if kind == "consultation":
            day = to_china(row.occurred_at).date()
        elif kind == "activity":
            day = row.held_on
        else:
            day = row.closed_on or china_today()
        region = session.get(Region, row.region_code)
        field_name, label = STAFF[kind]
        card = Card(
            kind=kind,
            record_id=record_id,
            day=day,
            village=region.name if region else row.region_code,
            staff_label=label,
            staff=getattr(row, field_name) or "",
            number=getattr(row, "case_no", None) if kind == "case" else None,
        )
    if not base_url:
        card.reason = NO_SERVER_REASON
    elif key is None:
        card.reason = NO_KEY_REASON
    else:
        card.code = make(key_from_text(key[1]), key[0], kind, day, record_id)
        card.url = page_url(base_url, card.code)
    return card
