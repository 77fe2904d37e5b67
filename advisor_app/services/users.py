"""本机用户: who is signed in on a shared PC, and which regions they may see.

An installation without local users works as before (one person, every record: scope ``None``).
Once the first user is made (she becomes the 管理员 who adds the others) every list, search, the
工作台 and exports are limited to the signed-in user's villages, and nobody signed in sees nothing.

The signed-in user belongs to the open :class:`Store` object (one process, one person at the
keyboard), not to a database session, so the core asks :func:`current_scope` wherever it reads.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time
import weakref
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from advisor_app.domain.roles import HOME_LEVELS, ROLES, RegionScope, Role
from advisor_app.domain.validation import ValidationError
from advisor_app.services import setup
from advisor_app.store import plain_sql

if TYPE_CHECKING:
    from advisor_app.domain.models import LocalUser
    from advisor_app.store import Store
    from advisor_app.store.direct import DirectStore

# SQLAlchemy and the models are imported inside the functions that write users (the ORM's units of
# work). Whether there are users, the scope (current_scope) and signing in are plain SQL on the
# driver's connection (store/plain_sql.py): they answer alike on a full Store and on the CLI's
# direct store (store/direct.py), and importing this module loads no SQLAlchemy.

MIN_PASSWORD = 8
LOCK_SETTING = "privacy.lock_minutes"
DEFAULT_LOCK_MINUTES = 10
MAX_FAILURES = 5  # wrong passwords in a row before sign-in pauses
PAUSE_SECONDS = 60
# scrypt cost for sign-in: ~50 ms here, slow enough against guessing a stolen file's hashes
_N, _R, _P = 2**14, 8, 1


class SignInError(PermissionError):
    """Wrong name or password, or too many attempts (message in Chinese)."""


@dataclass(frozen=True)
class SignedIn:
    """The person at the keyboard: name, role, the regions given and the villages they cover."""

    name: str
    role: str
    is_admin: bool
    region_codes: tuple[str, ...]
    scope: RegionScope


class UserRow(NamedTuple):
    """A local user as :func:`sign_in` reads her (plain SQL): what :func:`_signed` needs of her."""

    name: str
    role: str
    is_admin: bool
    region_codes: list[str]
    password_hash: str
    disabled: bool


# Keyed by the store object the person signed in on: a full Store, or the CLI's direct store.
_signed_in: weakref.WeakKeyDictionary[Store | DirectStore, SignedIn] = weakref.WeakKeyDictionary()
_failures: dict[tuple[int, str], list[float]] = {}


# --- passwords ------------------------------------------------------------------------------------


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        got = hashlib.scrypt(
            password.encode("utf-8"),
            salt=bytes.fromhex(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(digest) // 2,
            maxmem=128 * 1024 * 1024,
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got.hex(), digest)


# --- users ----------------------------------------------------------------------------------------


def has_users(store: Store | DirectStore) -> bool:
    with plain_sql.reading(store) as conn:
        return conn.execute("SELECT 1 FROM local_users LIMIT 1").fetchone() is not None


def all_users(store: Store) -> list[LocalUser]:
    from sqlalchemy import select

    from advisor_app.domain.models import LocalUser

    with store.session() as session:
        return list(session.scalars(select(LocalUser).order_by(LocalUser.name)))


def _check(store: Store, name: str, role: str, region_codes: list[str], password: str | None) -> dict:
    from advisor_app.domain.models import Region

    errors: dict[str, str] = {}
    if not name.strip():
        errors["name"] = "用户名：不能为空"
    elif len(name.strip()) > 64:
        errors["name"] = "用户名：不能超过 64 个字"
    if role not in ROLES:
        errors["role"] = f"身份：“{role}”不在可选范围内（{'、'.join(ROLES)}）"
    # a 县司法局 is given counties; the others villages or townships
    levels = HOME_LEVELS[Role.COUNTY] if role == Role.COUNTY else HOME_LEVELS[Role.TOWNSHIP]
    what = "县（区）" if role == Role.COUNTY else "村或乡镇"
    if not region_codes:
        errors["region_codes"] = f"负责区域：请至少选择一个{what}"
    else:
        with store.session() as session:
            for code in region_codes:
                region = session.get(Region, code)
                if region is None or region.level not in levels:
                    errors["region_codes"] = f"负责区域：{code} 不是本机已知的{what}"
                    break
    if password is not None and len(password) < MIN_PASSWORD:
        errors["password"] = f"密码：至少 {MIN_PASSWORD} 位"
    return errors


def create_user(store: Store, name: str, password: str, role: str, region_codes: list[str]) -> LocalUser:
    """Add a local user. The first one becomes the 管理员; later ones need the 管理员 signed in."""
    from advisor_app.domain.models import LocalUser

    first = not has_users(store)
    if not first:
        me = current_user(store)
        if me is None or not me.is_admin:
            raise PermissionError("只有管理员可以添加本机用户")
    name = name.strip()
    errors = _check(store, name, role, region_codes, password)
    with store.session() as session:
        if not errors and session.get(LocalUser, name) is not None:
            errors["name"] = f"用户名：“{name}”已存在"
        if errors:
            raise ValidationError(errors)
        user = LocalUser(
            name=name,
            role=role,
            region_codes=list(dict.fromkeys(region_codes)),
            password_hash=hash_password(password),
            is_admin=first,
            disabled=False,
        )
        session.add(user)
    if first:
        _signed_in[store] = _signed(store, user)
    return user


def change_password(store: Store, name: str, old: str | None, new: str) -> None:
    """A user changes her own password (with the old one); the 管理员 resets anyone's."""
    from advisor_app.domain.models import LocalUser

    me = current_user(store)
    if me is None or (me.name != name and not me.is_admin):
        raise PermissionError("只能修改自己的密码（管理员可重设他人的密码）")
    if len(new) < MIN_PASSWORD:
        raise ValidationError({"password": f"密码：至少 {MIN_PASSWORD} 位"})
    with store.session() as session:
        user = session.get(LocalUser, name)
        if user is None:
            raise ValidationError({"name": f"用户名：“{name}”不存在"})
        if me.name == name and not verify_password(old or "", user.password_hash):
            raise ValidationError({"old_password": "原密码：不正确"})
        user.password_hash = hash_password(new)


def set_disabled(store: Store, name: str, disabled: bool) -> None:
    from advisor_app.domain.models import LocalUser

    me = current_user(store)
    if me is None or not me.is_admin:
        raise PermissionError("只有管理员可以停用本机用户")
    if me.name == name:
        raise ValidationError({"name": "用户名：管理员不能停用自己"})
    with store.session() as session:
        user = session.get(LocalUser, name)
        if user is None:
            raise ValidationError({"name": f"用户名：“{name}”不存在"})
        user.disabled = disabled


# --- signing in -----------------------------------------------------------------------------------


def _scope_of(store: Store | DirectStore, region_codes: list[str]) -> RegionScope:
    """Everything under the codes given (a township covers its villages, a county its townships):
    their code ranges, and the codes of this store inside them (for the pickers)."""
    roots = [c for c in region_codes if isinstance(c, str)]
    ranges = RegionScope.of_roots(roots)
    params: dict[str, str] = {}
    with plain_sql.reading(store) as conn:
        rows = conn.execute(f"SELECT code FROM regions WHERE {ranges.sql('code', params)}", params).fetchall()
    return RegionScope.of_roots(roots, (row[0] for row in rows))


def _user_row(store: Store | DirectStore, name: str) -> UserRow | None:
    """The user ``name`` read with plain SQL (``region_codes`` is the JSON list the ORM keeps)."""
    with plain_sql.reading(store) as conn:
        row = conn.execute(
            "SELECT name, role, is_admin, region_codes, password_hash, disabled FROM local_users"
            " WHERE name = :name",
            {"name": name},
        ).fetchone()
    if row is None:
        return None
    codes = json.loads(row[3]) if row[3] else []
    return UserRow(
        row[0], row[1], bool(row[2]), codes if isinstance(codes, list) else [], row[4], bool(row[5])
    )


def _signed(store: Store | DirectStore, user: LocalUser | UserRow) -> SignedIn:
    codes = [c for c in (user.region_codes or []) if isinstance(c, str)]
    return SignedIn(user.name, user.role, bool(user.is_admin), tuple(codes), _scope_of(store, codes))


def sign_in(store: Store | DirectStore, name: str, password: str) -> SignedIn:
    """Check the password and make this the user of ``store``; pauses after repeated failures."""
    key = (id(store), name.strip())
    now = time.monotonic()
    recent = [t for t in _failures.get(key, []) if now - t < PAUSE_SECONDS]
    if len(recent) >= MAX_FAILURES:
        wait = int(PAUSE_SECONDS - (now - recent[0])) + 1
        raise SignInError(f"密码错误次数过多，请 {wait} 秒后再试")
    user = _user_row(store, name.strip())
    # The hash runs even for an unknown name, so timing does not tell which names exist.
    ok = verify_password(password, user.password_hash if user else hash_password(secrets.token_hex(8)))
    if not ok or user is None or user.disabled:
        recent.append(now)
        _failures[key] = recent
        raise SignInError("用户名或密码不正确" if user is None or not ok else "该用户已停用")
    _failures.pop(key, None)
    signed = _signed(store, user)
    _signed_in[store] = signed
    return signed


def unlock(store: Store | DirectStore, password: str) -> SignedIn:
    """The lock screen: the same person signs in again."""
    me = current_user(store)
    if me is None:
        raise SignInError("没有已登录的用户")
    return sign_in(store, me.name, password)


def sign_out(store: Store | DirectStore) -> None:
    _signed_in.pop(store, None)


def current_user(store: Store | DirectStore) -> SignedIn | None:
    return _signed_in.get(store)


def current_scope(store: Store | DirectStore) -> RegionScope | None:
    """The regions the person at the keyboard may see; ``None`` = no limit (no local users and
    an installation not set up yet). Without local users: the installation's own regions (a
    司法所 its township, a 县司法局 its county; setup.installation_scope).

    With local users and nobody signed in, the scope is empty: nothing is shown (fails closed).
    """
    me = _signed_in.get(store)
    if me is not None:
        return me.scope
    return RegionScope((), ()) if has_users(store) else setup.installation_scope(store)


def narrow(
    store: Store | DirectStore, region_codes: RegionScope | tuple[str, ...] | list[str] | None
) -> RegionScope | tuple[str, ...] | None:
    """``region_codes`` (a filter asked for, ``None``: all) cut down to the current scope.

    A :class:`RegionScope` filter (e.g. one township of a county) stays a range; codes listed
    stay a list of those inside the scope.
    """
    scope = current_scope(store)
    if scope is None:
        return (
            None
            if region_codes is None
            else region_codes
            if isinstance(region_codes, RegionScope)
            else tuple(region_codes)
        )
    if region_codes is None:
        return scope
    if isinstance(region_codes, RegionScope):
        return region_codes.within(scope)
    return tuple(c for c in region_codes if c in scope)


def current_role(store: Store | DirectStore) -> str | None:
    """The signed-in user's role, else the installation's (设置)."""
    me = _signed_in.get(store)
    return me.role if me is not None else setup.role(store)


def actor(store: Store | DirectStore) -> str:
    """Who is named in audit events: the local user when there is one, else the account."""
    me = _signed_in.get(store)
    return me.name if me is not None else store.user


AUDIT_ROLES = (Role.TOWNSHIP, Role.COUNTY)  # who reads the 审计记录 of their scope


def may_read_audit(store: Store | DirectStore) -> bool:
    """审计记录 are for the 司法所 and the 县司法局 (and the local 管理员)."""
    me = _signed_in.get(store)
    if me is not None:
        return me.is_admin or me.role in AUDIT_ROLES
    return setup.role(store) in (None, *AUDIT_ROLES)


# --- app lock -------------------------------------------------------------------------------------


def lock_minutes(store: Store) -> int:
    try:
        return max(1, int(store.setting(LOCK_SETTING) or DEFAULT_LOCK_MINUTES))
    except ValueError:
        return DEFAULT_LOCK_MINUTES


def set_lock_minutes(store: Store, minutes: int) -> None:
    if not 1 <= int(minutes) <= 240:
        raise ValidationError({"lock_minutes": "自动锁定：请填写 1 到 240 分钟"})
    store.set_setting(LOCK_SETTING, str(int(minutes)))


# --- headless use ---------------------------------------------------------------------------------

USER_ENV = "ADVISOR_USER"
PASSWORD_ENV = "ADVISOR_USER_PASSWORD"


def sign_in_password_from_env() -> str:
    import os

    return os.environ.get(PASSWORD_ENV, "")


def sign_in_from_env(store: Store | DirectStore) -> SignedIn | None:
    """The CLI acts as ``ADVISOR_USER`` (password in ``ADVISOR_USER_PASSWORD``) when local users exist."""
    import os

    name = os.environ.get(USER_ENV)
    if not name or not has_users(store):
        return None
    return sign_in(store, name, sign_in_password_from_env())


# --- audit from the user's side -------------------------------------------------------------------


def record_view(
    store: Store, target_kind: str, target_id: str | None, region_code: str, detail: str = ""
) -> None:
    """A 查看 event for full particulars shown on screen, naming the signed-in user (no personal data)."""
    from advisor_app.services import audit

    with store.session() as session:
        event = audit.record(
            session, "查看", target_kind, region_code=region_code or "", target_id=target_id, detail=detail
        )
        event.actor = actor(store)


def audit_events(
    store: Store, *, since: datetime | None = None, actor_name: str | None = None, limit: int = 500
) -> list:
    """The 审计记录 the signed-in user may read: 司法所, 县司法局 or 管理员, within their regions
    (a county's by its code range)."""
    from advisor_app.services import audit

    if not may_read_audit(store):
        raise PermissionError("审计记录仅司法所、县司法局身份（或本机管理员）可以查看")
    scope = current_scope(store)
    found = audit.events(store, since=since, actor=actor_name, limit=limit)
    if scope is None:
        return found
    return [event for event in found if event.region_code in scope]
