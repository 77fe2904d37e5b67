"""The desktop's core helpers (listing, worklist, drafts, legal aid, setup), tested without Qt."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from advisor_app.domain.clock import china_today
from advisor_app.domain.validation import ValidationError
from advisor_app.services import cases, consultations, legal_aid, listing, setup, worklist
from advisor_app.services.drafts import Drafts

VILLAGE = "610502100201"  # the villages of the `seeded` fixture
VILLAGE_2 = "610502100202"

PARTIES = [
    {"name": "张三", "role": "申请人", "id_number": "11010519491231002X"},
    {"name": "李四", "role": "被申请人", "phone": "13800000000"},
]


def _consult(store, n: int, **extra):
    return consultations.create(
        store,
        {
            "region_code": VILLAGE if n % 2 else VILLAGE_2,
            "person_name": f"咨询人{n}",
            "occurred_at": datetime(2026, 1, 1, 9) + timedelta(days=n),
            "subcategory": "劳动报酬" if n % 3 == 0 else "婚姻家庭",
            "question": f"第{n}号问题：拖欠工资怎么办" if n % 3 == 0 else f"第{n}号问题：离婚财产分割",
            **extra,
        },
    )


def test_listing_sorts_filters_and_searches(seeded):
    made = [_consult(seeded, n) for n in range(12)]
    newest_first = listing.ids(seeded, "consultation")
    assert newest_first == [c.id for c in reversed(made)]
    oldest_first = listing.ids(seeded, "consultation", descending=False)
    assert oldest_first == [c.id for c in made]
    village = listing.ids(seeded, "consultation", listing.Filters(region_codes=(VILLAGE,)))
    assert set(village) == {c.id for n, c in enumerate(made) if n % 2}
    wages = listing.ids(seeded, "consultation", listing.Filters(type="劳动报酬"))
    assert set(wages) == {c.id for n, c in enumerate(made) if n % 3 == 0}
    dated = listing.ids(
        seeded, "consultation", listing.Filters(date_from=date(2026, 1, 3), date_to=date(2026, 1, 5))
    )
    assert set(dated) == {made[2].id, made[3].id, made[4].id}
    text = listing.ids(seeded, "consultation", listing.Filters(text="拖欠工资"))
    assert set(text) == set(wages)
    both = listing.ids(seeded, "consultation", listing.Filters(text="离婚", region_codes=(VILLAGE,)))
    assert set(both) == {c.id for n, c in enumerate(made) if n % 2 and n % 3}
    by_name = listing.ids(seeded, "consultation", sort="person_name", descending=False)
    assert len(by_name) == 12
    rows = listing.rows(seeded, "consultation", newest_first[:3])
    assert rows[made[-1].id][1] == "咨询人11"
    assert rows[made[-1].id][2] == "桥南村"
    assert len(rows[made[-1].id]) == len(listing.columns("consultation"))


def test_listing_cases_roster_activities(seeded):
    case = cases.register(
        seeded,
        {
            "committee_id": seeded.committee_id,
            "region_code": VILLAGE,
            "dispute_type": "邻里",
            "summary": "宅基地边界争执",
            "parties": PARTIES,
        },
    )
    assert listing.ids(seeded, "case", listing.Filters(text="张三")) == [case.id]
    assert listing.ids(seeded, "case", listing.Filters(status="归档")) == []
    row = listing.rows(seeded, "case", [case.id])[case.id]
    assert "张三" in row[4] and "李四" in row[4]
    from advisor_app.services import activities, roster

    member = roster.add(seeded, {"region_code": VILLAGE, "name": "王五"})
    assert listing.ids(seeded, "legal_literate", listing.Filters(text="王五")) == [member.id]
    act = activities.create(
        seeded, {"region_code": VILLAGE, "held_on": china_today(), "place": "村委会", "topic": "民法典宣讲"}
    )
    assert listing.ids(seeded, "activity", listing.Filters(text="民法典")) == [act.id]
    assert listing.ids(seeded, "activity", listing.Filters(text="刑法")) == []


def test_worklist_finds_overdue_visits_and_confirmation_window(seeded):
    today = china_today()
    old = cases.register(
        seeded,
        {
            "committee_id": seeded.committee_id,
            "region_code": VILLAGE,
            "dispute_type": "邻里",
            "summary": "久拖未结",
            "parties": PARTIES,
            "accepted_on": today - timedelta(days=40),
        },
    )
    fresh = cases.register(
        seeded,
        {
            "committee_id": seeded.committee_id,
            "region_code": VILLAGE,
            "dispute_type": "合同",
            "summary": "刚受理",
            "parties": PARTIES,
        },
    )
    cases.add_session(seeded, fresh.id, {"held_at": datetime.now()})
    agreement = cases.save_agreement(
        seeded,
        fresh.id,
        {
            "facts": "事实",
            "terms": ["李四赔偿张三 500 元"],
            "performance": "当场付清",
            "performance_deadline": today + timedelta(days=3),
        },
    )
    cases.sign_agreement(seeded, agreement.id, today)
    work = worklist.today_list(seeded, today)
    assert [i.case_id for i in work.overdue_cases] == [old.id]
    assert work.overdue_cases[0].days == -10
    assert [i.case_id for i in work.visits_due] == [fresh.id]
    assert [i.case_id for i in work.confirmation_window] == [fresh.id]
    assert work.confirmation_window[0].days == 30
    assert work.unsynced > 0
    cases.apply_confirmation(seeded, fresh.id, today)
    assert worklist.confirmation_window(seeded, today) == []
    seeded.set_setting(worklist.PUSHED_SEQ_SETTING, "999999999")
    assert worklist.unsynced_count(seeded) == 0


def test_drafts_round_trip_in_the_store(store):
    drafts = Drafts(store)
    assert drafts.load("consultation-new") is None
    assert drafts.save("consultation-new", {"question": "问题", "when": date(2026, 1, 2)})
    assert drafts.load("consultation-new") == {"question": "问题", "when": "2026-01-02"}
    assert drafts.save("consultation-new", {"question": "改过的问题"})  # one row per form, replaced
    assert drafts.load("consultation-new") == {"question": "改过的问题"}
    assert drafts.keys() == ["consultation-new"]
    assert not drafts.folder.exists()  # nothing in the data folder any more
    drafts.discard("consultation-new")
    assert drafts.load("consultation-new") is None


def test_legal_aid_hints():
    wage = legal_aid.hints(["农民工"], "劳动报酬", "老板拖欠工资半年")
    articles = [h.article for h in wage]
    assert "第三十一条" in articles and "第四十二条" in articles
    violence = legal_aid.hints([], "婚姻家庭", "丈夫长期家暴")
    assert violence[0].article == "第三十二条"
    assert legal_aid.hints([], "邻里", "邻居种树挡光") == []
    military = legal_aid.hints(["军人军属"], "合同", "买卖合同纠纷")
    assert any(h.article == "优先办理" for h in military)


def test_setup_configures_role_region_and_committee(store):
    with pytest.raises(ValidationError) as err:
        setup.configure(store, "村长", "000")
    assert set(err.value.errors) == {"role", "region_code"}
    township = setup.townships(store)[0]
    setup.configure(store, "人民调解员", township.code, user="赵调解")
    assert setup.is_configured(store) and store.user == "赵调解"
    village = setup.add_village(store, township.code, "新庄村")
    assert village.code.startswith(township.code[:9]) and village.parent_code == township.code
    assert setup.add_village(store, township.code, "新庄村").code == village.code
    assert [v.code for v in setup.villages(store)] == [village.code]
    committee = setup.committee(store)
    assert committee.region_code == township.code
    assert setup.committee(store).id == committee.id


def test_list_export_writes_exactly_the_listed_records(seeded, tmp_path):
    import openpyxl

    from ui import hooks

    made = [_consult(seeded, n) for n in range(6)]
    shown = listing.ids(seeded, "consultation", listing.Filters(type="劳动报酬"))
    assert len(shown) == 2
    path = hooks.export_list(seeded, "consultation", shown, tmp_path / "list.xlsx")
    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    body = [r for r in rows[1:] if any(r)]
    assert len(body) == 2 and len(made) == 6
    assert not hooks.can_export("activity")
