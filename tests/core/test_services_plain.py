"""What a report or a list asks before it reads — the installation's scope, its default region, the
township of a code, the local users and who is signed in — answers alike on a full Store, on the
CLI's direct store (store/direct.py), on a direct store made over a full one, and on a bare DB-API
connection with nothing else; and loading those services imports no SQLAlchemy (issue 16 §2)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from advisor_app.domain.roles import RegionScope
from advisor_app.domain.validation import ValidationError
from advisor_app.reports import scope as report_scope
from advisor_app.services import setup, users
from advisor_app.store import direct
from tests.conftest import TOWNSHIP, VILLAGE, VILLAGE_2

COUNTY = "610502000000"  # 临渭区, 桥南镇's county
CITY = "610500000000"  # 渭南市
OTHER_TOWNSHIP = "610528101000"  # 庄里镇 of 富平县: a city account's extra region
ADMIN, ADVISER, DISABLED = "管理员", "桥南顾问", "停用调解员"
PASSWORDS = {ADMIN: "管理员的密码2026", ADVISER: "顾问的密码2026", DISABLED: "调解员的密码2026"}


class BareStore:
    """Only a DB-API connection, the settings and the user's name: the read functions may use
    nothing else of a store (no engine, no session)."""

    def __init__(self, path) -> None:  # noqa: ANN001 - a Path
        self.conn = sqlite3.connect(path, isolation_level=None)
        self.user = self.setting("user") or "本机用户"

    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if row is None or row[0] is None else row[0]

    def close(self) -> None:
        self.conn.close()


@pytest.fixture
def every_kind(seeded):
    """``kinds()``: the seeded store as each kind of store, opened when called (after the test has
    set the store up); closed at the end."""
    opened: list = []

    def kinds() -> dict:
        db = direct.open_direct(seeded.data_dir)
        assert db is not None  # a plain store at the head revision: the direct path
        found = {
            "full": seeded,
            "direct": db,
            "direct over full": direct.DirectStore.of(seeded),
            "bare connection": BareStore(seeded.path),
        }
        opened.extend(list(found.values())[1:])
        return found

    yield kinds
    for store in opened:
        users.sign_out(store)
        store.close()
    users.sign_out(seeded)


def _answer(call):  # noqa: ANN001, ANN202 - a function of no arguments
    """A function's value, or the Chinese message it refused with (compared as answers too)."""
    try:
        return call()
    except ValidationError as exc:
        return ("ValidationError", exc.errors)


def _scope(scope: RegionScope | None):  # noqa: ANN202
    return None if scope is None else (tuple(scope), scope.prefixes)


def _orm_township(store, code: str):  # noqa: ANN001, ANN202
    """township_of as it was, through the ORM: the reference for the plain SQL one."""
    from advisor_app.domain.models import Region

    with store.session() as session:
        region = session.get(Region, code)
        while region is not None and region.level != "township":
            region = session.get(Region, region.parent_code) if region.parent_code else None
        if region is None:
            return None
        return (
            region.code,
            region.name,
            region.level,
            region.parent_code,
            region.source,
            bool(region.retired),
        )


@pytest.mark.parametrize(
    ("role", "region", "served", "account", "roots", "default", "township"),
    [
        ("村法律顾问", VILLAGE_2, "", "", [VILLAGE_2], VILLAGE_2, TOWNSHIP),
        ("村法律顾问", TOWNSHIP, VILLAGE, OTHER_TOWNSHIP, [VILLAGE, OTHER_TOWNSHIP], VILLAGE, TOWNSHIP),
        ("人民调解员", TOWNSHIP, f"{VILLAGE},{VILLAGE_2}", "", [VILLAGE, VILLAGE_2], None, TOWNSHIP),
        ("人民调解员", VILLAGE, "", "", [VILLAGE], VILLAGE, TOWNSHIP),
        ("司法所", TOWNSHIP, "", "", [TOWNSHIP], TOWNSHIP, TOWNSHIP),
        ("司法所", VILLAGE, "", "", [TOWNSHIP], TOWNSHIP, TOWNSHIP),  # a village as home: its township
        ("县司法局", COUNTY, "", "", [COUNTY], COUNTY, None),
        (None, None, "", "", None, None, None),  # not set up: no limit
    ],
)
def test_each_roles_setup_reads_alike_on_every_kind_of_store(
    seeded, every_kind, monkeypatch, role, region, served, account, roots, default, township
):
    monkeypatch.delenv(users.USER_ENV, raising=False)
    if role:
        seeded.set_setting(setup.ROLE_SETTING, role)
        seeded.set_setting(setup.REGION_SETTING, region)
    seeded.set_setting(setup.SERVED_SETTING, served)
    seeded.set_setting(setup.ACCOUNT_REGIONS_SETTING, account)
    expected_scope = None if roots is None else RegionScope.of_roots(roots).prefixes
    answers = {}
    for kind, store in every_kind().items():
        scope = setup.installation_scope(store)
        assert (scope.prefixes if scope is not None else None) == expected_scope, kind
        assert setup.default_region(store) == default, kind
        home = setup.township_of(store, region) if region else None
        assert (home.code if home is not None else None) == township, kind
        if roots is not None:  # the known villages inside the scope are listed, the others not
            wanted = RegionScope.of_roots(roots)
            assert [c in tuple(scope) for c in (VILLAGE, VILLAGE_2, TOWNSHIP)] == [
                wanted.covers(c) for c in (VILLAGE, VILLAGE_2, TOWNSHIP)
            ], kind
        answers[kind] = (
            _scope(scope),
            setup.default_region(store),
            home,
            setup.role(store),
            setup.home_region(store),
            setup.served_villages(store),
            setup.account_regions(store),
            users.has_users(store),
            _scope(users.current_scope(store)),
            users.current_user(store),
            users.sign_in_from_env(store),
            users.actor(store),
            _answer(lambda store=store: report_scope.allowed_region(store, None)),
            _answer(lambda store=store: report_scope.allowed_region(store, VILLAGE_2)),
        )
    first = answers["full"]
    assert first[7] is False and first[8] == first[0] and first[9] is None and first[11] == "本机用户"
    for kind, answer in answers.items():
        assert answer == first, kind


def test_township_of_gives_what_the_orm_gave(seeded, every_kind):
    added = setup.add_village(seeded, TOWNSHIP, "新建村")  # a village typed in (用户录入)
    retired = setup.retire_village(seeded, setup.add_village(seeded, TOWNSHIP, "撤并村").code)
    codes = [
        VILLAGE,
        VILLAGE_2,
        added.code,
        retired.code,
        TOWNSHIP,
        OTHER_TOWNSHIP,
        COUNTY,
        CITY,
        "619999999999",
    ]
    expected = [_orm_township(seeded, code) for code in codes]
    assert expected[0][:4] == (TOWNSHIP, "桥南镇", "township", COUNTY) and expected[-3:] == [None] * 3
    for kind, store in every_kind().items():
        found = [setup.township_of(store, code) for code in codes]
        assert [tuple(row) if row is not None else None for row in found] == expected, kind
        assert found[0].name == "桥南镇" and found[5].code == OTHER_TOWNSHIP, kind
    assert setup.home_township(seeded) is None  # not set up
    setup.configure(seeded, "司法所", VILLAGE)
    assert setup.home_township(seeded).name == "桥南镇"


@pytest.fixture
def with_users(seeded):
    """A 司法所 installation with local users: the 管理员 (桥南镇), an adviser of one village and a
    disabled mediator; nobody signed in."""
    setup.configure(seeded, "司法所", TOWNSHIP)
    users.create_user(seeded, ADMIN, PASSWORDS[ADMIN], "司法所", [TOWNSHIP])  # the first: signed in
    users.create_user(seeded, ADVISER, PASSWORDS[ADVISER], "村法律顾问", [VILLAGE])
    users.create_user(seeded, DISABLED, PASSWORDS[DISABLED], "人民调解员", [VILLAGE_2])
    users.set_disabled(seeded, DISABLED, True)
    users.sign_out(seeded)
    return seeded


def _signed(found):  # noqa: ANN001, ANN202
    return (
        None
        if found is None
        else (found.name, found.role, found.is_admin, found.region_codes, _scope(found.scope))
    )


def test_local_users_sign_in_alike_on_every_kind_of_store(with_users, every_kind, monkeypatch):
    monkeypatch.delenv(users.USER_ENV, raising=False)
    monkeypatch.delenv(users.PASSWORD_ENV, raising=False)
    answers = {}
    for kind, store in every_kind().items():
        assert users.has_users(store), kind
        assert users.current_user(store) is None and _scope(users.current_scope(store)) == ((), ()), kind
        assert users.sign_in_from_env(store) is None, kind  # no ADVISOR_USER: nobody
        refused = _answer(lambda store=store: report_scope.allowed_region(store, None))
        assert refused[0] == "ValidationError" and "请先登录" in refused[1]["region"], kind

        monkeypatch.setenv(users.USER_ENV, ADVISER)
        monkeypatch.setenv(users.PASSWORD_ENV, "不是这个密码")
        with pytest.raises(users.SignInError, match="用户名或密码不正确"):
            users.sign_in_from_env(store)
        monkeypatch.setenv(users.PASSWORD_ENV, PASSWORDS[ADVISER])
        adviser = users.sign_in_from_env(store)
        assert adviser is not None and users.current_user(store) == adviser, kind
        assert (adviser.role, adviser.is_admin, adviser.region_codes) == ("村法律顾问", False, (VILLAGE,)), (
            kind
        )
        assert VILLAGE in adviser.scope and VILLAGE_2 not in adviser.scope, kind
        assert users.actor(store) == ADVISER and users.current_scope(store) == adviser.scope, kind
        in_scope = report_scope.allowed_region(store, None)
        outside = _answer(lambda store=store: report_scope.allowed_region(store, VILLAGE_2))
        assert in_scope == VILLAGE and "不在您（桥南顾问）负责的范围内" in outside[1]["region"], kind

        with pytest.raises(users.SignInError, match="该用户已停用"):
            users.sign_in(store, DISABLED, PASSWORDS[DISABLED])
        with pytest.raises(users.SignInError, match="用户名或密码不正确"):
            users.sign_in(store, "没有这个人", PASSWORDS[ADMIN])
        admin = users.sign_in(store, f" {ADMIN} ", PASSWORDS[ADMIN])  # the name as typed, spaces and all
        assert (admin.name, admin.is_admin, admin.region_codes) == (ADMIN, True, (TOWNSHIP,)), kind
        assert {VILLAGE, VILLAGE_2, TOWNSHIP} <= set(admin.scope), kind
        answers[kind] = (
            _signed(adviser),
            _signed(admin),
            in_scope,
            outside,
            report_scope.allowed_region(store, None),
        )
        users.sign_out(store)
        assert users.actor(store) == "本机用户", kind
        monkeypatch.delenv(users.USER_ENV)
    for kind, answer in answers.items():
        assert answer == answers["full"], kind


def test_the_services_import_and_answer_without_sqlalchemy(with_users):
    """``advisor_app.services`` (its 零上报 hook: store/flush_hooks.py), ``setup`` and ``users``
    load no SQLAlchemy, and on a direct store their reads and sign-in run without it."""
    with_users.close()
    code = (
        "import sys\n"
        "import advisor_app.services\n"
        "from advisor_app.services import setup, users\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy'))\n"
        "from advisor_app.store import direct\n"
        f"db = direct.open_direct({str(with_users.data_dir)!r})\n"
        "scope = setup.installation_scope(db)\n"
        f"print(scope.prefixes, setup.default_region(db), setup.township_of(db, {VILLAGE!r}).name)\n"
        "signed = users.sign_in_from_env(db)\n"
        "print(users.has_users(db), signed.name, users.actor(db), tuple(users.current_scope(db)))\n"
        "db.close()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy'))\n"
    )
    env = {
        **os.environ,
        "ADVISOR_STORE_ENCRYPTION": "off",
        "PYTHONIOENCODING": "utf-8",
        users.USER_ENV: ADVISER,
        users.PASSWORD_ENV: PASSWORDS[ADVISER],
    }
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines() == [
        "[]",
        f"('610502100',) {TOWNSHIP} 桥南镇",
        f"True {ADVISER} {ADVISER} ('{VILLAGE}',)",
        "[]",
    ]
