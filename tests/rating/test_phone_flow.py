"""The rating by phone without a browser: code made offline, page, submit, sync down, follow-up."""

from __future__ import annotations

import re
from datetime import date, datetime

import httpx
import pytest
from sqlalchemy import select

from advisor_app.domain.clock import china_today
from advisor_app.domain.models import Rating
from advisor_app.services import rating_codes
from sync.client import credentials
from tests.sync_client.records import consult

from .conftest import V1, V2


def _code(dev, rid: str, kind: str = "consultation", day: date | None = None) -> rating_codes.RatingCode:
    number, key = credentials.load_rating_key(dev.client.server_url, dev.client.username)
    return rating_codes.make(bytes.fromhex(key), number, kind, day or date(2026, 3, 1), rid)


def _form(http: httpx.Client, url: str) -> str:
    page = http.get(url)
    assert page.status_code == 200, page.text
    return re.search(r'name="t" value="([^"]+)"', page.text).group(1)


@pytest.mark.parametrize("backend", ["server", "pg_server"])
def test_rating_before_record_waits_then_syncs_down(backend, request, device) -> None:
    server = request.getfixturevalue(backend)
    village = device("v1", server.url, "adv1")
    township = device("tw", server.url, "tw1")
    rid = consult(village.store, V1, "土地承包合同到期怎么办", adviser="张顾问", person_name="李四")
    code = _code(village, rid)
    url = rating_codes.page_url(server.url, code)
    with httpx.Client(follow_redirects=False) as http:
        token = _form(http, url)
        page = http.get(url).text
        assert "法律咨询" in page and "2026年3月1日" in page
        assert "张顾问" not in page and "李四" not in page  # the record has not arrived yet
        sent = http.post(
            url, data={"t": token, "grade": "不满意", "problem": ["问题没有解决"], "problem_text": "没说清楚"}
        )
        assert sent.status_code == 303, sent.text
        again = http.post(url, data={"t": token, "grade": "满意"})
        assert again.status_code == 409
    village.client.sync()  # the record arrives: the waiting rating becomes a ratings record
    report = village.client.sync(check_digests=True)
    assert report.check == "ok" and not report.repaired_kinds  # the server-made record is counted
    with village.store.session() as s:
        rating = s.scalars(select(Rating).where(Rating.target_id == rid)).one()
        assert (rating.source, rating.grade, rating.problems) == ("self", "不满意", "问题没有解决：没说清楚")
        assert rating.follow_up_due is not None
    township.client.sync()
    with township.store.session() as s:
        assert s.scalars(select(Rating).where(Rating.target_id == rid)).one().source == "self"
    with httpx.Client() as http:
        shown = http.get(url).text
        assert "桥南村" in shown and "张顾问" in shown and "李四" not in shown and "不满意" in shown


def test_forged_altered_and_foreign_codes_refused(server, device) -> None:
    village = device("v1", server.url, "adv1")
    other = device("v2", server.url, "adv2")
    rid = consult(village.store, V1, "借款")
    good = _code(village, rid)
    forged = rating_codes.make(b"x" * 32, good.device_no, "consultation", date(2026, 3, 1), rid)
    altered = list(good.text)
    altered[3] = "Z" if altered[3] != "Z" else "Y"
    with httpx.Client() as http:
        assert http.get(rating_codes.page_url(server.url, forged)).status_code == 404
        assert http.get(f"{server.url}/r/{''.join(altered)}").status_code == 404
        assert http.get(f"{server.url}/r/not-a-code").status_code == 404
        assert "评价码无效" in http.get(f"{server.url}/r/{''.join(altered)}").text
    # a code of another village's device naming this record never links to it
    foreign = _code(other, rid)
    village.client.sync()
    with httpx.Client() as http:
        token = _form(http, rating_codes.page_url(server.url, foreign))
        http.post(rating_codes.page_url(server.url, foreign), data={"t": token, "grade": "满意"})
    other.client.sync()
    village.client.sync()
    with village.store.session() as s:
        assert s.scalars(select(Rating).where(Rating.target_id == rid)).first() is None
    _ = V2


def test_csrf_and_flood(server, device) -> None:
    village = device("v1", server.url, "adv1")
    rid = consult(village.store, V1, "借款")
    url = rating_codes.page_url(server.url, _code(village, rid))
    with httpx.Client() as http:
        _form(http, url)
        assert http.post(url, data={"t": "wrong-token-wrong-token", "grade": "满意"}).status_code == 403
        token = http.cookies["rk"]
        assert (
            http.post(
                url, data={"t": token, "grade": "满意"}, headers={"Origin": "https://evil.example"}
            ).status_code
            == 403
        )
        assert http.post(url, data={"t": token, "grade": "不满意"}).status_code == 422  # reason missing
    with httpx.Client() as http:
        statuses = [http.get(f"{server.url}/r/0000-0000-0000-0000-0000-0001").status_code for _ in range(25)]
        assert statuses[0] == 404 and statuses[-1] == 429
        assert http.get(url).status_code == 429  # even a good code, once this address guessed too often


def test_page_headers_escaping_typed_code_and_revoked_device(server, device) -> None:
    from sqlalchemy import update

    from sync.server.db import Device

    village = device("v1", server.url, "adv1")
    rid = consult(village.store, V1, "借款")
    code = _code(village, rid)
    url = rating_codes.page_url(server.url, code)
    with httpx.Client(follow_redirects=False) as http:
        page = http.get(url)
        headers = page.headers
        assert headers["content-type"].startswith("text/html")
        assert "script-src" not in headers["content-security-policy"]
        assert headers["content-security-policy"].startswith("default-src 'none'; style-src 'sha256-")
        assert headers["x-frame-options"] == "DENY" and headers["x-content-type-options"] == "nosniff"
        assert headers["cache-control"] == "no-store" and "<script" not in page.text
        assert "rk=" in headers["set-cookie"] and "httponly" in headers["set-cookie"].lower()
        # typed from the card, lower case with dashes and spaces: to the page
        typed = http.get(f"{server.url}/r", params={"code": code.grouped.lower().replace("-", " - ")})
        assert typed.status_code == 303 and typed.headers["location"] == f"/r/{code.text}"
        assert http.get(f"{server.url}/r", params={"code": "ABC"}).status_code == 422
        token = re.search(r'name="t" value="([^"]+)"', page.text).group(1)
        sent = http.post(url, data={"t": token, "grade": "满意", "comment": "<script>alert(1)</script>"})
        assert sent.status_code == 303
        thanks = http.get(url)
        assert "<script>" not in thanks.text
    # a revoked device (a lost laptop) vouches only for cards up to the day it was revoked
    later = _code(village, consult(village.store, V1, "另一件"), day=china_today())
    with server.engine.begin() as conn:
        conn.execute(update(Device).values(revoked_at=datetime(2026, 6, 1)))
    assert httpx.get(rating_codes.page_url(server.url, later)).status_code == 404
    assert httpx.get(url).status_code == 200  # the card of 2026-03-01 was printed before


def test_township_records_the_follow_up_of_a_village_rating(server, device) -> None:
    """差评回访 is the township's job: its follow-up of a rating the village owns syncs (those
    fields only; any other change to the rating stays a conflict)."""
    from advisor_app.services import ratings

    village = device("v1", server.url, "adv1")
    township = device("tw", server.url, "tw1")
    rid = consult(village.store, V1, "工资拖欠", adviser="张明")
    url = rating_codes.page_url(server.url, _code(village, rid))
    with httpx.Client() as http:
        token = _form(http, url)
        http.post(url, data={"t": token, "grade": "非常不满意", "problem": ["服务态度不好"]})
    village.client.sync()
    village.client.sync()
    township.client.sync()
    (item,) = [f for f in ratings.follow_ups(township.store) if f.target_id == rid]
    ratings.record_follow_up(
        township.store,
        item.id,
        {
            "followed_up_by": "司法所王",
            "follow_up_note": "已电话回访，当事人说明情况",
            "follow_up_action": "约谈顾问，重新解答",
        },
    )
    report = township.client.sync()
    assert report.conflicts == 0 and report.pushed == 1
    village.client.sync()
    assert not [f for f in ratings.follow_ups(village.store) if f.target_id == rid]  # done, also here
    with village.store.session() as s:
        assert s.get(Rating, item.id).followed_up_by == "司法所王"
    with township.store.session() as s:  # changing the grade is not the township's to do
        s.get(Rating, item.id).grade = "满意"
    assert township.client.sync().conflicts == 1


def test_appeal_filed_by_village_decided_by_township(server, device) -> None:
    """申诉: the village says the rating is mistaken; only the township decides; upheld, it no longer
    counts and needs no call back, on every device."""
    from advisor_app.domain.validation import ValidationError
    from advisor_app.reports import rating_board
    from advisor_app.reports.scope import month
    from advisor_app.services import ratings, setup

    village = device("v1", server.url, "adv1")
    township = device("tw", server.url, "tw1")
    setup.configure(township.store, "司法所", "610502100000", user="司法所王")
    rid = consult(village.store, V1, "宅基地", adviser="张明")
    url = rating_codes.page_url(server.url, _code(village, rid))
    with httpx.Client() as http:
        token = _form(http, url)
        http.post(
            url, data={"t": token, "grade": "非常不满意", "problem": ["其他"], "problem_text": "打错了"}
        )
    village.client.sync()
    village.client.sync()
    (item,) = [f for f in ratings.follow_ups(village.store) if f.target_id == rid]
    with pytest.raises(ValidationError, match="司法所"):
        ratings.decide_appeal(village.store, item.id, upheld=True, decided_by="张明", decision="自己裁定")
    ratings.file_appeal(village.store, item.id, "当事人来电说误点了非常不满意")
    assert village.client.sync().rejected == 0
    township.client.sync()
    ratings.decide_appeal(
        township.store, item.id, upheld=True, decided_by="司法所王", decision="已核实为误评"
    )
    assert township.client.sync().conflicts == 0
    village.client.sync()
    today = china_today()
    for store in (village.store, township.store):
        assert not [f for f in ratings.follow_ups(store, include_done=True) if f.target_id == rid]
        with store.session() as s:
            assert s.get(Rating, item.id).appeal_status == "申诉成立"
            assert (
                rating_board.total(rating_board.board(s, "610502100", month(today.year, today.month))).rated
                == 0
            )


def test_village_cannot_decide_its_own_appeal_on_the_wire(server, device) -> None:
    village = device("v1", server.url, "adv1")
    rid = consult(village.store, V1, "债务", adviser="张明")
    url = rating_codes.page_url(server.url, _code(village, rid))
    with httpx.Client() as http:
        token = _form(http, url)
        http.post(url, data={"t": token, "grade": "不满意", "problem": ["其他"]})
    village.client.sync()
    village.client.sync()
    with village.store.session() as s:  # around the service's role check, as a modified client would
        rating = s.scalars(select(Rating).where(Rating.target_id == rid)).one()
        rating.appeal_status, rating.appeal_decided_by = "申诉成立", "张明"
    assert village.client.sync().rejected == 1
