"""Case-number blocks: reserved only by accounts that number cases for the committee, at most a
day's worth per committee, refused beyond that with a Chinese message."""

from __future__ import annotations

import pytest

from sync.server.admin import service as admin

from .conftest import TOWNSHIP, VILLAGE

COUNTY = "610502000000"  # 临渭区, above 桥南镇


@pytest.fixture
def committee(server) -> str:
    """A committee of its own per test: the daily cap counts per committee."""
    return admin.add_committee(server.engine, "桥南镇人民调解委员会", "临桥", "乡镇", TOWNSHIP, "tw1")


def _reserve(client, committee_id: str, size: int = 50, year: int = 2026):  # noqa: ANN001, ANN202
    return client.post("/v1/numbers/reserve", json={"committee_id": committee_id, "year": year, "size": size})


def test_only_accounts_that_number_cases_for_the_committee_reserve(server, committee):
    # The township's own committee: the township, and its villages (a village numbers its cases
    # under the township's 调委会).
    for user in ("tw1", "adv1", "adv2"):
        r = _reserve(server.client(user), committee, size=5)
        assert r.status_code == 200, (user, r.text)
    # Another township's accounts: as if the committee did not exist.
    for user in ("tw2", "med3"):
        r = _reserve(server.client(user), committee, size=5)
        assert r.status_code == 404 and r.json()["error"]["code"] == "committee_not_found"
    # The city 司法局 numbers no cases.
    r = _reserve(server.client("city"), committee, size=5)
    assert r.status_code == 403 and "案号" in r.json()["error"]["message"]
    # A committee further up (the county's) is readable by a village but not numbered by it.
    county = admin.add_committee(server.engine, "临渭区人民调解委员会", "临渭", "街道", COUNTY, "tw1")
    r = _reserve(server.client("adv1"), county, size=5)
    assert r.status_code == 404


def test_a_day_of_numbers_is_capped_per_committee(server, committee):
    cap = 500  # Settings.numbers_per_day default
    tw, adv = server.client("tw1"), server.client("adv1")
    granted = 0
    for client in (tw, adv, tw):
        r = _reserve(client, committee, size=200)
        assert r.status_code == 200, r.text
        granted += r.json()["last"] - r.json()["first"] + 1
    assert granted == cap  # the third block was cut short to what was left of the day
    for year in (2026, 2027):  # the cap is per committee, whatever the year
        refused = _reserve(adv, committee, size=1, year=year)
        assert refused.status_code == 409
        error = refused.json()["error"]
        assert error["code"] == "number_cap" and "每日上限 500" in error["message"]
        assert error["details"] == {"used": 500, "per_day": 500}
    # Another committee is not held up by this one.
    other = admin.add_committee(server.engine, "桥南村人民调解委员会", "桥南", "村", VILLAGE, "adv1")
    assert _reserve(adv, other, size=10).status_code == 200
