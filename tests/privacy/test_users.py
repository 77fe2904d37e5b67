"""本机用户: sign-in, the first user as 管理员, and every read limited to the user's regions."""

from datetime import date, datetime

import pytest

from advisor_app.domain.validation import ValidationError
from advisor_app.io import transfer
from advisor_app.services import cases, consultations, listing, roster, users, worklist
from tests.conftest import TOWNSHIP, VILLAGE, VILLAGE_2

PASSWORD = "correct-horse"


@pytest.fixture
def two_villages(seeded):
    """One consultation, case and roster member in each of the two villages of 桥南镇."""
    store = seeded
    made = {}
    for code, name in ((VILLAGE, "赵甲"), (VILLAGE_2, "钱乙")):
        made[code] = (
            consultations.create(
                store,
                {
                    "region_code": code,
                    "occurred_at": datetime(2026, 10, 5, 9),
                    "question": f"{name}问宅基地",
                    "person_name": name,
                },
            ).id,
            cases.register(
                store,
                {
                    "committee_id": store.committee_id,
                    "region_code": code,
                    "dispute_type": "邻里",
                    "source": "当事人申请",
                    "summary": f"{name}宅基地纠纷",
                    "accepted_on": date(2026, 9, 1),
                    "parties": [{"role": "申请人", "name": name}, {"role": "被申请人", "name": "某某"}],
                },
            ).id,
            roster.add(store, {"region_code": code, "name": f"{name}明白人", "phone": "13800138000"}).id,
        )
    store.made = made
    yield store
    users.sign_out(store)


def test_no_local_users_means_no_limit(two_villages):
    store = two_villages
    assert not users.has_users(store) and users.current_scope(store) is None
    assert len(listing.ids(store, "consultation")) == 2


def test_first_user_is_admin_and_adds_others(two_villages):
    store = two_villages
    admin = users.create_user(store, "所长", PASSWORD, "司法所", [TOWNSHIP])
    assert admin.is_admin and users.current_user(store).name == "所长"
    users.create_user(store, "王顾问", PASSWORD, "村法律顾问", [VILLAGE])
    users.sign_in(store, "王顾问", PASSWORD)
    with pytest.raises(PermissionError):
        users.create_user(store, "李调解", PASSWORD, "人民调解员", [VILLAGE_2])


def test_user_fields_are_checked_in_chinese(two_villages):
    with pytest.raises(ValidationError) as err:
        users.create_user(two_villages, " ", "short", "校长", ["999"])
    assert set(err.value.errors) == {"name", "role", "region_codes", "password"}
    assert all("：" in m for m in err.value.errors.values())


def test_password_is_kept_only_as_scrypt_hash(two_villages):
    store = two_villages
    users.create_user(store, "所长", PASSWORD, "司法所", [TOWNSHIP])
    (stored,) = users.all_users(store)
    assert PASSWORD not in stored.password_hash and stored.password_hash.startswith("scrypt$")
    assert users.verify_password(PASSWORD, stored.password_hash)
    assert not users.verify_password(PASSWORD + "x", stored.password_hash)


def test_wrong_passwords_pause_sign_in(two_villages):
    store = two_villages
    users.create_user(store, "所长", PASSWORD, "司法所", [TOWNSHIP])
    for _ in range(users.MAX_FAILURES):
        with pytest.raises(users.SignInError, match="不正确"):
            users.sign_in(store, "所长", "wrong-password")
    with pytest.raises(users.SignInError, match="秒后再试"):
        users.sign_in(store, "所长", PASSWORD)  # even the right one, during the pause


def test_each_user_sees_only_their_villages_everywhere(two_villages, tmp_path):
    store = two_villages
    users.create_user(store, "所长", PASSWORD, "司法所", [TOWNSHIP])
    users.create_user(store, "王顾问", PASSWORD, "村法律顾问", [VILLAGE])
    mine = store.made[VILLAGE]

    users.sign_in(store, "王顾问", PASSWORD)
    assert users.current_scope(store) == (VILLAGE,)
    assert listing.ids(store, "consultation") == [mine[0]]
    assert listing.ids(store, "case") == [mine[1]]
    assert listing.ids(store, "legal_literate") == [mine[2]]
    # search, and a filter asking for the other village, still stay inside
    assert listing.ids(store, "consultation", listing.Filters(text="宅基地")) == [mine[0]]
    assert listing.ids(store, "case", listing.Filters(text="钱乙")) == []
    assert listing.ids(store, "case", listing.Filters(region_codes=(VILLAGE_2,))) == []
    overdue = worklist.overdue_cases(store, date(2026, 11, 28))
    assert [item.case_id for item in overdue] == [mine[1]]
    path = tmp_path / "cases.csv"
    assert transfer.export(store, "cases", path) == 1
    assert "钱乙" not in path.read_text(encoding="utf-8-sig")

    users.sign_in(store, "所长", PASSWORD)  # the township sees both villages
    assert set(users.current_scope(store)) >= {TOWNSHIP, VILLAGE, VILLAGE_2}
    assert len(listing.ids(store, "case")) == 2
    assert len(worklist.overdue_cases(store, date(2026, 11, 28))) == 2


def test_nobody_signed_in_sees_nothing(two_villages, tmp_path):
    store = two_villages
    users.create_user(store, "所长", PASSWORD, "司法所", [TOWNSHIP])
    users.sign_out(store)
    assert users.current_scope(store) == ()
    assert (
        listing.ids(store, "consultation") == []
        and listing.ids(store, "case", listing.Filters(text="赵甲")) == []
    )
    assert worklist.today_list(store, date(2026, 11, 28)).overdue_cases == []
    assert transfer.export(store, "consultations", tmp_path / "x.csv") == 0


def test_phones_are_masked_in_lists(two_villages):
    store = two_villages
    member = store.made[VILLAGE][2]
    row = listing.rows(store, "legal_literate", [member])[member]
    phone = row[listing.columns("legal_literate").index("phone")]
    assert phone == "138****8000"


def test_full_export_follows_the_signed_in_role(two_villages, tmp_path):
    store = two_villages
    users.create_user(store, "所长", PASSWORD, "司法所", [TOWNSHIP])
    users.create_user(store, "王顾问", PASSWORD, "村法律顾问", [VILLAGE])
    users.sign_in(store, "王顾问", PASSWORD)
    with pytest.raises(PermissionError):
        transfer.export(store, "roster", tmp_path / "r.csv", full=True)
    users.sign_in(store, "所长", PASSWORD)
    transfer.export(store, "roster", tmp_path / "r.csv", full=True)
    assert "13800138000" in (tmp_path / "r.csv").read_text(encoding="utf-8-sig")


def test_lock_minutes_setting(two_villages):
    store = two_villages
    assert users.lock_minutes(store) == users.DEFAULT_LOCK_MINUTES == 10
    users.set_lock_minutes(store, 3)
    assert users.lock_minutes(store) == 3
    with pytest.raises(ValidationError):
        users.set_lock_minutes(store, 0)
