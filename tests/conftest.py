"""Shared fixtures: a real store in a temporary data folder, with regions and one committee."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

VILLAGE = "610502100201"
VILLAGE_2 = "610502100202"
TOWNSHIP = "610502100000"


@pytest.fixture
def store(tmp_path):
    from advisor_app.store import open_store

    s = open_store(tmp_path / "data")
    yield s
    s.close()


@pytest.fixture
def seeded(store):
    """A store with the Weinan region tree, two demo villages under 桥南镇 and its committee."""
    from advisor_app.domain.models import Region
    from advisor_app.services import committees, regions

    regions.load_csv(store)
    with store.session() as session:
        session.add(Region(code=VILLAGE, name="桥南村", level="village", parent_code=TOWNSHIP, source="演示数据（虚构）"))
        session.add(Region(code=VILLAGE_2, name="王家村", level="village", parent_code=TOWNSHIP, source="演示数据（虚构）"))
    committee = committees.create(
        store, {"name": "桥南镇人民调解委员会", "short_name": "临桥", "kind": "乡镇", "region_code": TOWNSHIP}
    )
    store.committee_id = committee.id  # handy for tests
    return store
