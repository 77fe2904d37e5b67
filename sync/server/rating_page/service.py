"""The rules of the phone page: which codes are good, what the page may show, one rating per
service, and the ratings record made when (or as soon as) the rated record is on the server.

A code is checked against the key of the device that printed it (``advisor_app.services.rating_codes``);
a device revoked later still vouches for the cards it printed up to the day it was revoked. The
page shows the kind and the day the code carries; once the record has arrived, also the village
and the adviser's, mediator's or speaker's name — never the served person's data. A rating given
before its record arrived waits in ``phone_ratings``; the push that brings the record (or the
next view of the page) makes the ratings record, owned by the record's owner, in its village's
scope, ``source = self``, so it syncs down like any record.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from advisor_app.domain import workdays
from advisor_app.domain.clock import china_today
from advisor_app.domain.vocab import terms
from advisor_app.services import rating_codes
from advisor_app.services.rating_codes import CodeError, RatingCode
from sync.protocol import canonical_json, kind_spec, payload_hash
from sync.server.changes.repository import RecordRow, insert_records, lock_checks, take_sequence
from sync.server.database import Db
from sync.server.db import utcnow
from sync.server.rating_page import repository
from sync.server.regions.scope import scope_of

log = logging.getLogger("advisor_server.rating_page")

FOLLOW_UP_WORKING_DAYS = 15
# what went wrong, for 不满意 / 非常不满意 (choices on the page; free text beside them)
PROBLEM_CHOICES = (
    "服务态度不好",
    "问题没有解决",
    "解答听不懂",
    "等候或办理时间太长",
    "没有按约定时间服务",
    "收取费用或财物",
    "其他",
)
COMMENT_MAX = 500
# code kind -> (records kind, payload field naming the staff member, how the page names them)
TARGETS = {
    "consultation": ("consultations", "adviser", "法律顾问"),
    "case": ("cases", "mediator", "人民调解员"),
    "activity": ("activities", "speaker", "主讲人"),
}
TABLE_KINDS = {table: kind for kind, (table, _f, _l) in TARGETS.items()}
RATING_NAMESPACE = uuid.UUID("6f1d3c52-9b0e-4f51-8a43-1a7e3c0d2b19")
# per address, per window of ten minutes (shared by every worker through the database)
WINDOW = timedelta(minutes=10)
LIMITS = {"view": 120, "submit": 20, "bad_code": 20}


class PageError(Exception):
    """A refusal shown as a page: HTTP status, title and a sentence in plain Chinese."""

    def __init__(self, status: int, title: str, message: str, *, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.status, self.title, self.message, self.retry_after = status, title, message, retry_after


@dataclass
class View:
    code: RatingCode
    village: str | None = None  # after the record arrived
    person: str | None = None  # the adviser's / mediator's / speaker's name
    person_label: str = ""
    rated_grade: str | None = None  # already rated: one rating per service

    @property
    def arrived(self) -> bool:
        return self.village is not None


def rate_limit(db: Db, address: str, bucket: str) -> None:
    """429 once an address has used up its requests of the window (a flood, or someone guessing codes)."""
    with db.write() as conn:
        count = repository.count_hit(conn, f"page:{bucket}:{address}"[:160], WINDOW, utcnow())
    if count > LIMITS[bucket]:
        log.warning("rating page throttled", extra={"bucket": bucket})
        raise PageError(
            429, "请求太频繁", "请求太频繁，请过十分钟再试。", retry_after=int(WINDOW.total_seconds())
        )


def note_bad_code(db: Db, address: str) -> None:
    """Count a wrong code; someone trying codes is stopped long before a guess could succeed."""
    with db.write() as conn:
        repository.count_hit(conn, f"page:bad_code:{address}"[:160], WINDOW, utcnow())


def guard_guessing(db: Db, address: str) -> None:
    """429 for every code (good or not) once an address has sent too many wrong ones."""
    with db.read() as conn:
        wrong = repository.hits(conn, f"page:bad_code:{address}"[:160], WINDOW, utcnow())
    if wrong >= LIMITS["bad_code"]:
        log.warning("rating page: too many wrong codes", extra={"bucket": "bad_code"})
        raise PageError(
            429,
            "请求太频繁",
            "输错评价码的次数太多，请过十分钟再试。",
            retry_after=int(WINDOW.total_seconds()),
        )


def checked_code(conn: Connection, text: str) -> tuple[RatingCode, Any]:
    """The code and its device row; PageError 404 for a code no device of ours signed."""
    try:
        code = rating_codes.parse(text)
    except CodeError as exc:
        raise PageError(404, "评价码无效", str(exc)) from exc
    device = repository.device_key(conn, code.device_no)
    invalid = PageError(
        404, "评价码无效", "这个评价码无效：请核对评价卡上的评价码，或请工作人员重新打印评价卡。"
    )
    if device is None or not device.rating_key:
        raise invalid
    try:
        key = rating_codes.key_from_text(device.rating_key)
    except CodeError as exc:
        raise invalid from exc
    if not rating_codes.verify(key, code):
        raise invalid
    # A revoked device (a new login, a lost laptop) still vouches for the cards it printed until then.
    if device.revoked_at is not None and code.day > device.revoked_at.date() + timedelta(days=1):
        raise invalid
    if code.day > china_today() + timedelta(days=1):
        raise invalid
    return code, device


def view(db: Db, text: str) -> View:
    with db.read() as conn:
        code, device = checked_code(conn, text)
        waiting = repository.phone_rating(conn, code.device_no, code.kind, code.ref)
    if waiting is not None and waiting.record_id is None:
        _link_quietly(db, code, device)
    with db.read() as conn:
        return _view(conn, code, device)


def _view(conn: Connection, code: RatingCode, device: Any) -> View:
    out = View(code=code, person_label=TARGETS[code.kind][2])
    done = repository.phone_rating(conn, code.device_no, code.kind, code.ref)
    if done is not None:
        out.rated_grade = done.grade
    target = _target(conn, code, device)
    if target is not None:
        out.village = repository.region_name(conn, target.scope) or ""
        payload = json.loads(target.payload)
        name = payload.get(TARGETS[code.kind][1])
        out.person = name if isinstance(name, str) and name.strip() else None
    return out


def _target(conn: Connection, code: RatingCode, device: Any) -> Any:
    """The record the code rates, when it is on the server and in the printing account's regions."""
    table = TARGETS[code.kind][0]
    candidates = [
        r
        for r in repository.records_with_ref(conn, table, f"{code.ref:010x}")
        if code.matches(r.id) and not r.deleted
    ]
    if not candidates:
        return None
    scope = scope_of(conn, device.account_id, device.role)
    mine = sorted((r for r in candidates if scope.can_write(r.scope)), key=lambda r: r.id)
    return mine[0] if mine else None


def read_form(form: dict[str, list[str]]) -> tuple[dict[str, Any], dict[str, str]]:
    """(clean values, field -> Chinese message) of a submitted form."""
    errors: dict[str, str] = {}
    grade = (form.get("grade") or [""])[0]
    if grade not in terms("satisfaction_grades"):
        errors["grade"] = "请选择一项满意程度"
    comment = (form.get("comment") or [""])[0].strip()
    if len(comment) > COMMENT_MAX:
        errors["comment"] = f"意见建议不能超过 {COMMENT_MAX} 个字（现有 {len(comment)} 个）"
    chosen = [p for p in form.get("problem", []) if p in PROBLEM_CHOICES]
    if len(chosen) != len(form.get("problem", [])):
        errors["problem"] = "哪里做得不好：选项不正确，请重新选择"
    detail = (form.get("problem_text") or [""])[0].strip()
    if len(detail) > COMMENT_MAX:
        errors["problem_text"] = f"具体情况不能超过 {COMMENT_MAX} 个字（现有 {len(detail)} 个）"
    bad = grade in terms("bad_grades")
    if bad and not chosen and not detail and "problem" not in errors:
        errors["problem"] = "您选择了不满意：请选出哪里做得不好，或写几句具体情况"
    for name, value in (("comment", comment), ("problem_text", detail)):
        if any(ord(ch) < 32 and ch not in "\n\r\t" for ch in value):
            errors[name] = "含有不允许的控制字符"
    problems = None
    if bad and (chosen or detail):
        problems = "、".join(chosen) + ("：" if chosen and detail else "") + detail
    clean = {"grade": grade, "comment": comment or None, "problems": problems}
    return clean, errors


def submit(db: Db, text: str, clean: dict[str, Any]) -> View:
    """Keep the rating (one per code) and, when the record is here already, its ratings record."""
    with db.write() as conn:
        code, device = checked_code(conn, text)
        if repository.phone_rating(conn, code.device_no, code.kind, code.ref) is not None:
            raise PageError(409, "已经评价过了", "这次服务已经评价过了，每次服务只能评价一次。谢谢您！")
        try:
            phone_id = repository.add_phone_rating(
                conn,
                {
                    "device_no": code.device_no,
                    "kind": code.kind,
                    "ref": code.ref,
                    "code": code.text,
                    "code_day": code.day.isoformat(),
                    "grade": clean["grade"],
                    "rated_on": china_today().isoformat(),
                    "comment": clean["comment"],
                    "problems": clean["problems"],
                    "created_at": utcnow(),
                },
            )
        except IntegrityError as exc:  # the same code submitted twice at once: the other one won
            raise PageError(
                409, "已经评价过了", "这次服务已经评价过了，每次服务只能评价一次。谢谢您！"
            ) from exc
        target = _target(conn, code, device)
        if target is not None:
            _make_rating(conn, code, phone_id, target)
    log.info("phone rating", extra={"kind": code.kind, "bad": clean["grade"] in terms("bad_grades")})
    with db.read() as conn:
        return _view(conn, code, device)


def link_arrived(db: Db, changes: Iterable[Any]) -> int:
    """After a push: ratings by phone waiting for one of the pushed records get their ratings record."""
    refs: dict[int, list[Any]] = {}
    for c in changes:
        if c.kind in TABLE_KINDS and not c.deleted:
            try:
                refs.setdefault(rating_codes.ref_of(c.id), []).append(c)
            except CodeError:
                continue
    if not refs:
        return 0
    made = 0
    with db.read() as conn:
        if not repository.any_waiting(conn):  # the usual case: one indexed read per push
            return 0
        waiting = repository.waiting_for(conn, refs)
    for row in waiting:
        code = rating_codes.parse(row.code)
        with db.read() as conn:
            device = repository.device_key(conn, code.device_no)
        made += _link_quietly(db, code, device)
    return made


def _link_quietly(db: Db, code: RatingCode, device: Any) -> int:
    try:
        with db.write() as conn:
            row = repository.phone_rating(conn, code.device_no, code.kind, code.ref)
            if row is None or row.record_id is not None:
                return 0
            target = _target(conn, code, device)
            if target is None:
                return 0
            return 0 if _make_rating(conn, code, row.id, target) is None else 1
    except IntegrityError:  # linked at the same moment by another worker (same rating id)
        return 0


def _make_rating(conn: Connection, code: RatingCode, phone_id: int, target: Any) -> str | None:
    """The ratings record of a phone rating (source = self), numbered like any accepted change.

    None when the field contract refuses it: the phone rating is kept, waiting, and logged — never a
    5xx, neither to the person on the phone nor to the device whose push brought the record."""
    row = repository.phone_rating(conn, code.device_no, code.kind, code.ref)
    rated_on = date.fromisoformat(row.rated_on)
    bad = row.grade in terms("bad_grades")
    payload: dict[str, Any] = {
        "target_kind": code.kind,
        "target_id": target.id,
        "grade": row.grade,
        "rated_on": rated_on.isoformat(),
        "comment": row.comment,
        "follow_up_due": workdays.add_workdays(rated_on, FOLLOW_UP_WORKING_DAYS).isoformat() if bad else None,
        "follow_up_note": None,
        "followed_up_on": None,
        "followed_up_by": None,
        "follow_up_action": None,
        "source": "self",
        "problems": row.problems,
    }
    spec = kind_spec("ratings")
    problems = spec.check_payload(payload, deleted=False)
    if problems:  # a field the schema refuses would reach no device: keep it waiting, say so
        log.error("phone rating refused by the schema", extra={"fields": sorted(problems)})
        return None
    spec.fill_defaults(payload)
    rating_id = str(uuid.uuid5(RATING_NAMESPACE, f"{code.device_no}:{code.kind}:{code.ref}"))
    now = datetime.now(UTC).replace(tzinfo=None).isoformat()
    # last, as a push does: the village's check row, then the number (docs/server.md)
    lock_checks(conn, [(target.scope, "ratings")])
    seq = take_sequence(conn, 1)
    insert_records(
        conn,
        [
            RecordRow(
                kind="ratings",
                id=rating_id,
                rev=1,
                scope=target.scope,
                owner=target.owner,
                device_id="phone",
                created_at=now,
                updated_at=now,
                deleted=False,
                payload=canonical_json(payload),
                hash=payload_hash(payload, False),
                seq=seq,
                parent_id=target.id,
                sha256=None,
            )
        ],
    )
    repository.mark_linked(conn, phone_id, target.id, rating_id, utcnow())
    return rating_id
