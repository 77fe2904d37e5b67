"""GUI fixtures: the real app set-up (translations, settings in a temp folder), a task manager
that is shut down after each test, and a configured store."""

from __future__ import annotations

import pytest

VILLAGE = "610502100201"


@pytest.fixture
def app(qapp, tmp_path):
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    from ui.app import make_app

    return make_app()


@pytest.fixture
def tasks(app):
    from ui.tasks import TaskManager

    manager = TaskManager()
    yield manager
    manager.shutdown()
    assert not manager._db.isRunning()


@pytest.fixture
def desk(seeded):
    """The seeded store set up as a mediator's installation in 桥南镇 (villages 桥南村, 王家村)."""
    from advisor_app.services import setup

    setup.configure(seeded, "人民调解员", "610502100000", user="赵调解")
    seeded.set_setting(setup.COMMITTEE_SETTING, seeded.committee_id)
    return seeded


@pytest.fixture
def answers(monkeypatch):
    """Answer message boxes from a list (first in, first out); records the questions asked."""
    from ui import dialogs

    state = {"queue": [], "asked": [], "informed": []}

    def ask(_parent, title, text, answers=(dialogs.YES, dialogs.NO)):
        state["asked"].append((title, text))
        return state["queue"].pop(0) if state["queue"] else answers[-1]

    monkeypatch.setattr(dialogs, "ask", ask)
    monkeypatch.setattr(
        dialogs, "inform", lambda _p, title, text, error=False: state["informed"].append((title, text))
    )
    return state


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    """A small demo store (advisor_app.demo: four townships, 400 consultations, 60 cases), built
    once per session; the click-through copies it for each role."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    import clickthrough

    return clickthrough.build_template(tmp_path_factory.mktemp("demo") / "data")
