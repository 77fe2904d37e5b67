"""Shared fixtures: a real store in a temporary data folder, with regions and one committee.

Migrating a new store takes about a second, so each kind of store is built once per test session
as a template and copied for every test (the copy gets a device id of its own).
"""

from __future__ import annotations

import os
import sqlite3
import sys

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Stores in tests are unencrypted unless a test asks for encryption (tests/core/test_encryption.py);
# otherwise a keyring set by one test would encrypt every store opened after it.
os.environ.setdefault("ADVISOR_STORE_ENCRYPTION", "off")

VILLAGE = "610502100201"
VILLAGE_2 = "610502100202"
TOWNSHIP = "610502100000"


@pytest.fixture(scope="session")
def _templates(tmp_path_factory):
    from advisor_app.domain.models import Region
    from advisor_app.services import committees, regions
    from advisor_app.store import open_store

    root = tmp_path_factory.mktemp("templates")
    open_store(root / "empty").close()
    seeded = open_store(root / "seeded")
    regions.load_csv(seeded)
    with seeded.session() as session:
        session.add(
            Region(
                code=VILLAGE, name="桥南村", level="village", parent_code=TOWNSHIP, source="演示数据（虚构）"
            )
        )
        session.add(
            Region(
                code=VILLAGE_2,
                name="王家村",
                level="village",
                parent_code=TOWNSHIP,
                source="演示数据（虚构）",
            )
        )
    committee = committees.create(
        seeded,
        {"name": "桥南镇人民调解委员会", "short_name": "临桥", "kind": "乡镇", "region_code": TOWNSHIP},
    )
    seeded.set_setting("test_committee_id", committee.id)
    seeded.close()
    return root


def _copy(template, target):
    from advisor_app.store import open_store

    target.mkdir(parents=True)
    with sqlite3.connect(template / "advisor.db") as src, sqlite3.connect(target / "advisor.db") as dst:
        src.backup(dst)
        dst.execute("DELETE FROM settings WHERE key = 'device_id'")
    return open_store(target)


@pytest.fixture
def store(_templates, tmp_path):
    s = _copy(_templates / "empty", tmp_path / "data")
    yield s
    s.close()


@pytest.fixture
def seeded(_templates, tmp_path):
    """A store with the Weinan region tree, two demo villages under 桥南镇 and its committee."""
    s = _copy(_templates / "seeded", tmp_path / "data")
    s.committee_id = s.setting("test_committee_id")  # handy for tests
    yield s
    s.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item):
    """Answer the questions that closing a test's leftover widgets asks.

    pytest-qt closes the widgets a test registered before its fixtures are torn down; a form with
    unsaved edits then asks 是否保存 in a modal box that nobody will click, and the whole run hangs.
    Here such a question is answered "discard" (or the box's escape answer) and a notice is dropped.
    """
    dialogs = sys.modules.get("ui.dialogs")
    if dialogs is None:
        return (yield)
    ask, inform = dialogs.ask, dialogs.inform
    if getattr(ask, "__module__", "") == "ui.dialogs":  # a test's own answers (monkeypatched) stay in charge

        def discard(_parent, _title, _text, answers=(dialogs.YES, dialogs.NO)):
            return dialogs.DISCARD if dialogs.DISCARD in answers else answers[-1]

        dialogs.ask = discard
    if getattr(inform, "__module__", "") == "ui.dialogs":
        dialogs.inform = lambda *_args, **_kwargs: None
    try:
        return (yield)
    finally:
        dialogs.ask, dialogs.inform = ask, inform
