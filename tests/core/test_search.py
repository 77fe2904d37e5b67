"""Search agrees with a brute-force substring scan for 1-, 2- and 3+-character queries."""

import random

import pytest
from sqlalchemy import text

from advisor_app import demo
from advisor_app.services import consultations
from advisor_app.store import search
from tests.conftest import VILLAGE


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    from advisor_app.store import open_store

    store = open_store(tmp_path_factory.mktemp("search"))
    demo.generate(store, seed=7, consultations=1500, cases=150, signed_copies=False)  # no printing here
    yield store
    store.close()


def brute_force(conn, query):
    terms = query.lower().split()
    rows = conn.execute(text("SELECT record_id, body FROM search_docs")).all()
    return {rid for rid, body in rows if all(t in body.lower() for t in terms)}


QUERIES = [
    "王",
    "工",
    "资",
    "宅基",
    "工资",
    "离婚",
    "拖欠工资",
    "排水沟堵塞",
    "包工头",
    "调字第",
    "（2026）",
    "100%",
    "a_b",
    "婚姻 房子",
    "法律援助 老人",
    "不存在的词语",
    "X",
    "张 工资",
]


@pytest.mark.parametrize("query", QUERIES)
def test_search_matches_brute_force(demo_store, query):
    with demo_store.engine.connect() as conn:
        found = {h.record_id for h in search.search(conn, query, limit=100000)}
        assert found == brute_force(conn, query)


def test_random_substrings_of_real_text(demo_store):
    rng = random.Random(3)
    with demo_store.engine.connect() as conn:
        bodies = [b for (b,) in conn.execute(text("SELECT body FROM search_docs"))]
        for _ in range(60):
            body = rng.choice(bodies).strip()
            length = rng.choice((1, 2, 3, 4, 6))
            start = rng.randrange(0, max(1, len(body) - length))
            query = body[start : start + length].strip()
            if not query or " " in query:
                continue
            found = {h.record_id for h in search.search(conn, query, limit=100000)}
            assert found == brute_force(conn, query), query


def test_results_are_newest_first_and_paged(demo_store):
    with demo_store.engine.connect() as conn:
        page1 = search.search(conn, "工资", limit=10)
        page2 = search.search(conn, "工资", limit=10, offset=10)
    dates = [h.sort_at for h in page1 + page2]
    assert dates == sorted(dates, reverse=True)
    assert not {h.record_id for h in page1} & {h.record_id for h in page2}


def test_edits_and_deletes_reach_the_index(seeded):
    record = consultations.create(
        seeded, {"region_code": VILLAGE, "person_name": "欧阳娜", "question": "承包地被收回"}
    )
    with seeded.engine.connect() as conn:
        assert [h.record_id for h in search.search(conn, "欧阳")] == [record.id]
    consultations.update(seeded, record.id, {"question": "果园合同纠纷"})
    with seeded.engine.connect() as conn:
        assert search.search(conn, "承包地") == []
        assert [h.record_id for h in search.search(conn, "果园合同")] == [record.id]
    consultations.delete(seeded, record.id)
    with seeded.engine.connect() as conn:
        assert search.search(conn, "果园") == []


def test_case_found_by_party_name_and_number(seeded):
    from tests.core.test_cases import register

    case = register(seeded)
    with seeded.engine.connect() as conn:
        assert [h.record_id for h in search.search(conn, "李建国")] == [case.id]
        assert [h.record_id for h in search.search(conn, "临桥调字第 1 号".replace(" ", ""))] == []
        assert [h.record_id for h in search.search(conn, "调字第")] == [case.id]
        assert [h.kind for h in search.search(conn, "桂兰", kind="case")] == ["case"]


def brute_force_ordered(conn, query):
    terms = query.lower().split()
    rows = conn.execute(
        text("SELECT record_id, body FROM search_docs ORDER BY sort_at DESC, rowid DESC")
    ).all()
    return [rid for rid, body in rows if all(t in body.lower() for t in terms)]


@pytest.mark.parametrize("window", [50, 400, 100000])
@pytest.mark.parametrize("query", ["工资", "王", "拖欠工资", "离婚", "法律援助 老人", "宅基地证上"])
def test_pages_match_brute_force_whichever_path_answers(demo_store, monkeypatch, window, query):
    monkeypatch.setattr(search, "RECENT_WINDOW", window)
    with demo_store.engine.connect() as conn:
        expected = brute_force_ordered(conn, query)
        for limit, offset in ((5, 0), (20, 0), (20, 20), (50, 100)):
            page = [h.record_id for h in search.search(conn, query, limit=limit, offset=offset)]
            assert page == expected[offset : offset + limit], (limit, offset)
