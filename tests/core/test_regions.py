"""Villages typed, pasted and imported; renamed and retired; the installation's scope per role."""

from __future__ import annotations

from datetime import datetime

import pytest

from advisor_app.domain.validation import ValidationError
from advisor_app.services import consultations, listing, regions, setup, users
from tests.conftest import TOWNSHIP, VILLAGE, VILLAGE_2

OTHER_TOWNSHIP = "610528101000"  # 庄里镇
OTHER_VILLAGE = "610528101201"


def _consult(store, region: str, question: str):
    return consultations.create(
        store,
        {
            "region_code": region,
            "occurred_at": datetime(2026, 10, 12, 9, 30),
            "person_name": "甲某",
            "mode": "实地",
            "service_type": "法律咨询解答",
            "category": "民事",
            "question": question,
            "answer": "答复",
        },
    )


def test_lines_as_typed_or_pasted():
    text = (
        "村名,区划代码\n 桥南村 ， ６１０５０２１００２０１\n王 家 村\n\n李家村、张家村\n610502100203\t赵村\n"
    )
    assert regions.parse_village_lines(text) == [
        ("桥南村", "610502100201"),
        ("王家村", None),
        ("李家村", None),
        ("张家村", None),
        ("赵村", "610502100203"),
    ]
    assert regions.parse_village_lines("  \n\n") == []


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig", "utf-8"])
def test_hand_typed_csv_in_gbk_or_utf8(tmp_path, encoding):
    path = tmp_path / f"villages-{encoding}.csv"
    text = " 区划代码 ， 村名 \r\n６１０５０２１００２０５，  新庄村 \r\n610502100206.0,东 坡 村\r\n\r\n,西沟村\r\n"
    path.write_bytes(text.encode(encoding))
    assert regions.read_village_csv(path) == [
        ("新庄村", "610502100205"),
        ("东坡村", "610502100206"),
        ("西沟村", None),
    ]


def test_csv_without_header_and_with_tabs(tmp_path):
    path = tmp_path / "v.csv"
    path.write_bytes("新庄村\t610502100205\n东坡村\t610502100206\n".encode("gbk"))
    assert regions.read_village_csv(path) == [("新庄村", "610502100205"), ("东坡村", "610502100206")]


def test_add_villages_keeps_the_good_lines_and_names_the_bad(seeded):
    seen = []
    regions.subscribe(seen.append)
    try:
        added, errors = setup.add_villages(
            seeded,
            TOWNSHIP,
            [
                ("新庄村", "610502100205"),
                ("外乡村", OTHER_VILLAGE),
                ("", None),
                ("东坡村", None),
                ("坏码村", "12"),
            ],
        )
    finally:
        regions.unsubscribe(seen.append)
    assert [v.name for v in added] == ["新庄村", "东坡村"]
    assert set(errors) == {2, 3, 5}
    assert "不在本乡镇" in errors[2] and "不能为空" in errors[3] and "12 位数字" in errors[5]
    assert seen == [seeded]  # one notice for the batch, naming the store
    codes = {v.code: v for v in setup.villages(seeded)}
    assert "610502100205" in codes and codes["610502100205"].source == "用户导入"
    # the same name again is the same village, not a second one
    assert setup.add_village(seeded, TOWNSHIP, " 东坡村 ").code == added[1].code


def test_rename_and_retire(seeded):
    record = _consult(seeded, VILLAGE_2, "宅基地")
    with pytest.raises(ValidationError) as err:
        setup.rename_village(seeded, VILLAGE_2, "桥南村")
    assert "已有“桥南村”" in err.value.errors["name"]
    setup.rename_village(seeded, VILLAGE_2, "王家新村")
    assert regions.names(seeded)[VILLAGE_2] == "王家新村"
    setup.retire_village(seeded, VILLAGE_2)
    assert [v.code for v in setup.villages(seeded)] == [VILLAGE]
    assert VILLAGE_2 in [v.code for v in setup.township_villages(seeded, include_retired=True)]
    assert record.id in listing.ids(seeded, "consultation")  # its records stay
    setup.add_village(seeded, TOWNSHIP, "王家新村")  # typed again: brought back
    assert VILLAGE_2 in [v.code for v in setup.villages(seeded)]


def test_scope_per_role_without_local_users(seeded):
    with seeded.session() as session:
        from advisor_app.domain.models import Region

        session.add(Region(code=OTHER_VILLAGE, name="庄里村", level="village", parent_code=OTHER_TOWNSHIP))
    mine, theirs = _consult(seeded, VILLAGE, "本乡"), _consult(seeded, OTHER_VILLAGE, "外乡")
    assert users.current_scope(seeded) is None  # not set up yet: everything
    assert set(listing.ids(seeded, "consultation")) == {mine.id, theirs.id}

    setup.configure(seeded, "司法所", TOWNSHIP)
    scope = users.current_scope(seeded)
    assert TOWNSHIP in scope and VILLAGE in scope and OTHER_VILLAGE not in scope
    assert listing.ids(seeded, "consultation") == [mine.id]
    assert "桥南镇" in setup.scope_description(seeded)

    setup.configure(seeded, "村法律顾问", TOWNSHIP)
    setup.set_served_villages(seeded, [VILLAGE_2])
    assert users.current_scope(seeded) == (VILLAGE_2,)
    assert listing.ids(seeded, "consultation") == []
    assert setup.default_region(seeded) == VILLAGE_2
    assert [v.code for v in setup.villages(seeded)] == [VILLAGE_2]

    # the city account's regions (written by the sync client at login) widen it, and say so
    seeded.set_setting(setup.ACCOUNT_REGIONS_SETTING, OTHER_TOWNSHIP)
    assert OTHER_VILLAGE in users.current_scope(seeded)
    assert "市级服务器账号另可查看：庄里镇" in setup.scope_description(seeded)


def test_first_run_role_message_and_pages(store):
    with pytest.raises(ValidationError) as err:
        setup.configure(store, "", TOWNSHIP)
    assert err.value.errors["role"].startswith("身份：请选择身份")
    setup.configure(store, "村法律顾问", TOWNSHIP)
    assert setup.hidden_pages(store) == ("cases",) and "roster" in setup.read_only_pages(store)
    setup.configure(store, "司法所", TOWNSHIP)
    assert setup.hidden_pages(store) == () and setup.read_only_pages(store) == ()
