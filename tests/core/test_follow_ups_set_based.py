"""差评回访 read in set-based queries: the same list, in the same order, as the former reading (the
bad ratings first, then their services by primary key in chunks of 500), on a demo store.

``reference_follow_ups`` is that former reading, kept here as the answer to compare with (and as the
baseline of the bench row in tests/bench/bench_store.py). It filtered a scope with a prefix cut of
every trailing zero, so a township (6105021…) also took in its neighbours 6105021 01…–09…: where the
scope is a township, the expected list is the unscoped reference cut to the township's code range.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import date
from typing import Any

import pytest
from sqlalchemy import text

from advisor_app.domain.roles import Role
from advisor_app.services import ratings, setup
from tests.demo_stores import copy_store

COUNTY = "610502000000"
TOWNSHIP = "610502100000"  # 桥南镇 (the demo's other townships of 临渭区: 阳郭镇 610502101000 …)
NEIGHBOUR = "610502101"  # 阳郭镇's code range
UNLISTED_VILLAGE = "610502100299"  # a village of 桥南镇 the region table does not list


# --- the former reading ---------------------------------------------------------------------------

REFERENCE_TARGETS = {
    "consultation": (
        "法律咨询",
        "SELECT id, region_code, substr(occurred_at, 1, 16) || '　' || COALESCE(person_name, '') "
        "|| '　' || substr(question, 1, 30) FROM consultations WHERE deleted = 0",
    ),
    "case": (
        "纠纷调解",
        "SELECT id, region_code, COALESCE(case_no, '') || '　' || dispute_type FROM cases WHERE deleted = 0",
    ),
    "activity": (
        "普法活动",
        "SELECT id, region_code, held_on || '　' || topic FROM activities WHERE deleted = 0",
    ),
}


def _reference_covers(code: str, region: str) -> bool:
    stem = code.rstrip("0") if code.endswith("000") else code
    return region.startswith(stem) if stem else True


def reference_follow_ups(
    store: Any, *, region_codes: list[str] | None = None, include_done: bool = False
) -> list[ratings.FollowUp]:
    """``ratings.follow_ups`` as it read before the set-based queries (one query per 500 services)."""
    from advisor_app.domain.vocab import terms
    from advisor_app.services import users

    scope = users.narrow(store, None if region_codes is None else tuple(region_codes))
    bad = terms("bad_grades")
    params: dict[str, Any] = {f"g{i}": g for i, g in enumerate(bad)}
    where = f"r.deleted = 0 AND r.grade IN ({', '.join(f':g{i}' for i in range(len(bad)))})"
    where += f" AND COALESCE(r.appeal_status, '') <> '{ratings.APPEAL_UPHELD}'"
    if not include_done:
        where += " AND r.followed_up_on IS NULL"
    with store.session() as session:
        rows = session.execute(
            text(
                "SELECT r.id, r.target_kind, r.target_id, r.grade, r.rated_on, r.comment, r.follow_up_due, "
                "r.followed_up_on, r.followed_up_by, r.follow_up_note, r.follow_up_action, r.source, r.problems, "
                "r.appeal_status "
                f"FROM ratings r WHERE {where}"
            ),
            params,
        ).all()
        targets: dict[tuple[str, str], tuple[str, str]] = {}
        for kind, (_, sql) in REFERENCE_TARGETS.items():
            ids = [r[2] for r in rows if r[1] == kind]
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ", ".join(f":i{n}" for n in range(len(chunk)))
                found = session.execute(
                    text(f"{sql} AND id IN ({marks})"), {f"i{n}": v for n, v in enumerate(chunk)}
                )
                targets.update({(kind, t[0]): (t[1], t[2]) for t in found})
    out = []
    for r in rows:
        target = targets.get((r[1], r[2]))
        if target is None:
            continue
        region, title = target
        if scope is not None and not any(_reference_covers(code, region) for code in scope):
            continue
        out.append(
            ratings.FollowUp(
                id=r[0],
                target_kind=r[1],
                target_label=REFERENCE_TARGETS[r[1]][0],
                target_id=r[2],
                title=title or "",
                region_code=region,
                grade=r[3],
                rated_on=date.fromisoformat(str(r[4])[:10]),
                comment=r[5],
                follow_up_due=date.fromisoformat(str(r[6])[:10]) if r[6] else None,
                followed_up_on=date.fromisoformat(str(r[7])[:10]) if r[7] else None,
                followed_up_by=r[8],
                follow_up_note=r[9],
                follow_up_action=r[10],
                source=r[11] or "staff",
                problems=r[12],
                appeal_status=r[13],
            )
        )
    out.sort(key=lambda f: (f.done, f.follow_up_due or date.max, f.rated_on, f.id))
    return out


# --- a demo store with every case of a bad rating --------------------------------------------------


def _vary(db: sqlite3.Connection) -> None:
    """The demo's bad ratings are all open, on consultations and cases: add the other cases — done,
    commented, filed by the person, under 申诉 (open, rejected, upheld), deleted, about a deleted or
    missing service, about an activity, without a due day, in a village the region table lacks."""
    bad = [
        r[0] for r in db.execute("SELECT id FROM ratings WHERE grade IN ('不满意', '非常不满意') ORDER BY id")
    ]
    assert len(bad) > 100, "the demo store has too few bad ratings to compare"

    def each(step: int, sql: str, offset: int = 0) -> None:
        db.executemany(sql, [(rid,) for rid in bad[offset::step]])

    each(
        5,
        "UPDATE ratings SET followed_up_on = date(rated_on, '+3 days'), followed_up_by = '回访人',"
        " follow_up_note = '已电话回访', follow_up_action = '已改进' WHERE id = ?",
    )
    each(3, "UPDATE ratings SET comment = '调解员态度差', problems = '等待时间长' WHERE id = ?", 1)
    each(4, "UPDATE ratings SET source = 'self' WHERE id = ?", 2)
    each(7, f"UPDATE ratings SET appeal_status = '{ratings.APPEAL_UPHELD}' WHERE id = ?", 3)
    each(11, f"UPDATE ratings SET appeal_status = '{ratings.APPEAL_OPEN}' WHERE id = ?", 4)
    each(13, f"UPDATE ratings SET appeal_status = '{ratings.APPEAL_REJECTED}' WHERE id = ?", 5)
    each(17, "UPDATE ratings SET deleted = 1 WHERE id = ?", 6)
    each(19, "UPDATE ratings SET follow_up_due = NULL WHERE id = ?", 7)
    each(23, "UPDATE ratings SET target_id = 'no-such-service' WHERE id = ?", 8)
    # equal due and rating days: the order's last key (the id) decides
    each(29, "UPDATE ratings SET follow_up_due = '2026-03-02', rated_on = '2026-02-09' WHERE id = ?", 9)
    for table, kind in (("consultations", "consultation"), ("cases", "case")):
        db.execute(
            f"UPDATE {table} SET deleted = 1 WHERE id IN (SELECT target_id FROM ratings"  # noqa: S608
            f" WHERE target_kind = '{kind}' AND grade IN ('不满意', '非常不满意') ORDER BY id LIMIT 4)"
        )
    db.execute(
        "UPDATE consultations SET region_code = ? WHERE id IN (SELECT target_id FROM ratings"
        " WHERE target_kind = 'consultation' AND grade = '非常不满意' AND deleted = 0 ORDER BY id DESC LIMIT 3)",
        (UNLISTED_VILLAGE,),
    )
    # activities: the demo rates none, so some of its bad ratings are moved onto activities
    activities = [r[0] for r in db.execute("SELECT id FROM activities WHERE deleted = 0 ORDER BY id LIMIT 9")]
    assert activities, "the demo store has no activities"
    moved = bad[10::31][: len(activities)]
    db.executemany(
        "UPDATE ratings SET target_kind = 'activity', target_id = ? WHERE id = ?",
        list(zip(activities, moved, strict=False)),
    )
    db.execute("UPDATE activities SET deleted = 1 WHERE id = ?", (activities[0],))
    db.commit()


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory):
    from advisor_app import demo
    from advisor_app.store import open_store

    os.environ.setdefault("ADVISOR_STORE_ENCRYPTION", "off")
    path = tmp_path_factory.mktemp("follow-ups")
    store = open_store(path)
    demo.generate(store, seed=11, consultations=3000, cases=300, signed_copies=False)
    store.close()
    with sqlite3.connect(path / "advisor.db") as db:
        _vary(db)
    return path


@pytest.fixture
def demo_store(demo_template, tmp_path):
    from advisor_app.store import open_store

    store = open_store(copy_store(demo_template, tmp_path / "demo"))
    yield store
    store.close()


def _kinds(items: list[ratings.FollowUp]) -> set[str]:
    return {f.target_kind for f in items}


@pytest.mark.parametrize("include_done", [False, True])
def test_same_list_and_order_as_before_without_scope(demo_store, include_done):
    before = reference_follow_ups(demo_store, include_done=include_done)
    assert len(before) > 50 and _kinds(before) == {"consultation", "case", "activity"}
    assert any(f.done for f in before) == include_done
    assert any(f.appeal_status for f in before) and any(f.follow_up_due is None for f in before)
    assert ratings.follow_ups(demo_store, include_done=include_done) == before


@pytest.mark.parametrize("region", ["610502100201", "610502101203", COUNTY])
def test_same_list_for_a_village_or_county_asked_for(demo_store, region):
    before = reference_follow_ups(demo_store, region_codes=[region], include_done=True)
    assert before, f"no bad rating in {region}"
    assert ratings.follow_ups(demo_store, region_codes=[region], include_done=True) == before


def test_a_county_installation_sees_its_range_as_before(demo_store):
    setup.configure(demo_store, Role.COUNTY, COUNTY, user="吴科长")
    everything = reference_follow_ups(demo_store)  # the scope is the installation's now
    before = [f for f in everything if f.region_code.startswith("610502")]
    assert before == everything and len(before) > 50
    assert any(f.region_code == UNLISTED_VILLAGE for f in before)
    assert ratings.follow_ups(demo_store) == before


def test_a_township_sees_its_own_range_only(demo_store):
    unscoped = reference_follow_ups(demo_store, include_done=True)
    assert any(f.region_code.startswith(NEIGHBOUR) for f in unscoped)
    expected = [f for f in unscoped if f.region_code.startswith(TOWNSHIP[:9])]
    assert expected and any(f.region_code == UNLISTED_VILLAGE for f in expected)

    assert ratings.follow_ups(demo_store, region_codes=[TOWNSHIP], include_done=True) == expected
    setup.configure(demo_store, Role.TOWNSHIP, TOWNSHIP, user="李所长")
    assert ratings.follow_ups(demo_store, include_done=True) == expected
    # asking for a neighbour's village from the township's installation gives nothing
    assert ratings.follow_ups(demo_store, region_codes=[NEIGHBOUR + "203"], include_done=True) == []
