"""Start-up by real events: the app's own ``main`` in a subprocess (offscreen), with the start-up
probe (``ADVISOR_STARTUP_PROBE``) reporting what the 工作台 showed when the window was first painted
and when the store had been read — then quitting as a person closing the window would.

The last view must be exact (the same lines the store gives), never stale (a CLI write since means
the cold path), ignored when damaged or foreign, never kept for a store whose user logs in or whose
key is a password, and never plaintext beside an encrypted store.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from advisor_app import last_view
from ui.startup import FIRST_ROWS

ROOT = Path(__file__).resolve().parents[2]
KEY = "3c" * 32
CASE_SHEET = (
    "记录编号,案件编号,受理日期,调委会,所在乡镇,所在村,区划代码,纠纷类型,案件来源,纠纷简要情况,状态,"
    "人民调解员,记录人,结案日期,调解结果,预防类型,涉及人数,当事人1姓名,当事人1类别,当事人2姓名,当事人2类别\n"
    ",,{accepted},桥南镇人民调解委员会,桥南镇,杨湾村,610502100204,邻里,当事人申请,宅基地边界争议。,调解中,"
    "谢文,冯英海,,,,,柏一新,申请人,柏二新,被申请人\n"
)


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory):
    """A configured demo store (fictional villages, cases with visits, agreements and bad ratings)."""
    from advisor_app import demo
    from advisor_app.services import roster, setup, worklist
    from advisor_app.store import open_store

    data = tmp_path_factory.mktemp("startup") / "data"
    store = open_store(data)
    demo.generate(store, seed=3, consultations=300, cases=150, signed_copies=False)
    setup.configure(store, "人民调解员", "610502100000", user="测试")
    roster.add(store, {"region_code": "610502100204", "name": "柏三新"})  # a record waiting to sync
    store.set_setting(worklist.PUSHED_SEQ_SETTING, "0")
    store.close()
    return data


@pytest.fixture
def data(demo_template, tmp_path):
    target = tmp_path / "data"
    shutil.copytree(demo_template, target)
    return target


def _env(tmp_path: Path, probe: Path, **extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "ADVISOR_STARTUP_PROBE": str(probe),
        "ADVISOR_STARTUP_LAUNCHED": repr(time.time()),
    }
    for name in ("ADVISOR_DB_KEY", "ADVISOR_DB_PASSWORD", "ADVISOR_DATA_DIR"):
        env.pop(name, None)
    return {**env, **extra}


def start(data: Path, tmp_path: Path, script: str = "", **extra: str) -> dict:
    """Run the app's ``main`` once (``script`` first, e.g. to answer a dialog); the probe's report."""
    probe = tmp_path / "probe.json"
    probe.unlink(missing_ok=True)
    code = f"import sys\n{script}\nfrom ui.app import main\nsys.exit(main(['--data-dir', sys.argv[1]]))"
    done = subprocess.run(
        [sys.executable, "-c", code, str(data)],
        capture_output=True,
        text=True,
        env=_env(tmp_path, probe, **extra),
        timeout=120,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert probe.exists(), done.stderr[-3000:]
    return json.loads(probe.read_text(encoding="utf-8"))


def expected_lines(data: Path, **env: str) -> tuple[dict[str, list[str]], int, int]:
    """The case numbers the store's own services put on today's 工作台 (list by list), the
    number of 差评回访 and the unsynced count."""
    from advisor_app.domain.clock import china_today
    from advisor_app.services import ratings, worklist
    from advisor_app.store import open_store

    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        store = open_store(data)
        try:
            work = worklist.today_list(store, china_today())
            follow_ups = len(ratings.follow_ups(store))
        finally:
            store.close()
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    numbers = {
        "visits": [i.case_no for i in work.visits_due],
        "overdue": [i.case_no for i in work.overdue_cases],
        "window": [i.case_no for i in work.confirmation_window],
    }
    return numbers, follow_ups, work.unsynced


def _records(shown: dict[str, list[str]]) -> list[str]:
    """The lines that show a record (not the empty-list text nor the sync sentence)."""
    lists = ("visits", "overdue", "window", "follow_ups")
    return [line for name in lists for line in shown[name] if "  —  " in line]


def _case_numbers(shown: dict[str, list[str]]) -> dict[str, list[str]]:
    return {
        name: [line.split("  ")[0] for line in shown[name] if "  —  " in line]
        for name in ("visits", "overdue", "window")
    }


def test_the_first_paint_of_a_warm_start_lists_what_the_store_holds(data, tmp_path):
    first = start(data, tmp_path)
    assert first["warm"] is False  # no view yet: the cold path
    assert _records(first["frame_lines"]) == []  # nothing shown before the store was read
    assert last_view.path(data).exists()  # kept at the clean exit

    second = start(data, tmp_path)
    assert second["warm"] is True
    numbers, follow_ups, unsynced = expected_lines(data)
    assert all(numbers.values()) and follow_ups, "the demo store should fill every list of the 工作台"
    painted = second["frame_lines"]
    # the first lines of each list painted with the window, in the store's order; the rest after
    assert _case_numbers(painted) == {name: lines[:FIRST_ROWS] for name, lines in numbers.items()}
    assert len([line for line in painted["follow_ups"] if "  —  " in line]) == min(follow_ups, FIRST_ROWS)
    # …and really painted: text in every list's viewport (a list whose layout is pending is blank)
    assert second["frame_inked"] == {"visits": True, "overdue": True, "window": True, "follow_ups": True}
    assert unsynced and str(unsynced) in painted["sync"][0]
    shown = second["data_lines"]  # once the store is read: every line, those painted first unchanged
    assert _case_numbers(shown) == numbers
    assert all(shown[name][: len(lines)] == lines for name, lines in painted.items())
    complete = second["complete_lines"]  # the follow-ups read from the store too
    assert {k: v for k, v in complete.items() if k != "follow_ups"} == {
        k: v for k, v in shown.items() if k != "follow_ups"
    }
    assert complete["follow_ups"][: len(painted["follow_ups"])] == painted["follow_ups"]
    assert second["view"] <= second["data"] <= second["complete"]


def test_a_store_written_by_the_cli_since_is_not_shown_stale(data, tmp_path):
    start(data, tmp_path)  # keeps the view
    sheet = tmp_path / "case.csv"
    sheet.write_text(CASE_SHEET.format(accepted=date(2026, 1, 5).isoformat()), encoding="utf-8")
    advisor = str(Path(sys.executable).with_name("advisor"))
    subprocess.run(
        [advisor, "--data-dir", str(data), "import", "cases", str(sheet)], check=True, env=os.environ
    )

    after = start(data, tmp_path)
    assert after["warm"] is False
    assert _records(after["frame_lines"]) == []
    assert any(
        "柏一新" in line for line in _records(after["data_lines"])
    )  # the new case, once the store is read


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\xff not json at all",
        json.dumps({"version": 999, "stamp": []}).encode(),
        b"ADVVIEW1" + b"x" * 40,
    ],
    ids=["damaged", "another version", "encrypted with no key here"],
)
def test_a_damaged_or_foreign_view_is_ignored(data, tmp_path, content):
    start(data, tmp_path)
    kept = json.loads(last_view.path(data).read_text(encoding="utf-8"))
    last_view.path(data).write_bytes(content)
    report = start(data, tmp_path)
    assert report["warm"] is False
    assert _records(report["frame_lines"]) == []
    assert _records(report["data_lines"])  # the store's lines all the same
    assert json.loads(last_view.path(data).read_text(encoding="utf-8"))["version"] == kept["version"]


def test_a_view_of_the_right_version_and_stamp_but_damaged_inside_is_ignored(data, tmp_path):
    start(data, tmp_path)
    last_view.write(data, {"horizon": {"start": "bad"}}, last_view.stamp(data), None)
    report = start(data, tmp_path)
    assert report["warm"] is False and _records(report["data_lines"])


LOGIN = """
from ui import local_login
from advisor_app.services import users

def _exec(self):
    import json, os
    from PySide6.QtWidgets import QApplication
    window = next(w for w in QApplication.topLevelWidgets() if type(w).__name__ == "MainWindow")
    with open(os.environ["LOGIN_SEEN"], "w", encoding="utf-8") as fh:
        json.dump(window.pages["workbench"].shown_lines(), fh, ensure_ascii=False)
    users.sign_in(self.store, "王主任", "mima12345678")
    return 1

local_login.LocalLoginDialog.exec = _exec
"""


def test_a_store_with_a_local_user_never_shows_a_record_before_login(data, tmp_path):
    from advisor_app.services import users
    from advisor_app.store import open_store

    start(data, tmp_path)  # a view from before the user was added
    store = open_store(data)
    users.create_user(store, "王主任", "mima12345678", "人民调解员", ["610502100000"])
    store.close()
    seen = tmp_path / "seen.json"
    report = start(data, tmp_path, LOGIN, LOGIN_SEEN=str(seen))
    assert report["warm"] is False
    assert _records(json.loads(seen.read_text(encoding="utf-8"))) == []  # shown while asking to log in
    assert _records(report["data_lines"])  # after the login: the user's 工作台
    assert not last_view.path(data).exists()  # none kept for a store with local users


def _encryption_on() -> dict[str, str]:
    return {"ADVISOR_STORE_ENCRYPTION": "on"}


def test_a_password_store_keeps_no_view(data, tmp_path):
    pytest.importorskip("sqlcipher3")
    start(data, tmp_path)
    assert last_view.path(data).exists()
    from advisor_app.services import store_access

    os.environ.update(_encryption_on())
    try:
        store_access.encrypt_with_password(data, "mima12345678").close()
    finally:
        os.environ["ADVISOR_STORE_ENCRYPTION"] = "off"
    report = start(data, tmp_path, ADVISOR_DB_PASSWORD="mima12345678", **_encryption_on())
    assert report["warm"] is False
    assert _records(report["data_lines"])
    assert not last_view.path(data).exists()


def test_the_view_of_an_encrypted_store_is_not_plaintext(data, tmp_path):
    pytest.importorskip("sqlcipher3")
    env = {"ADVISOR_DB_KEY": KEY, **_encryption_on()}
    first = start(data, tmp_path, **env)  # the store is encrypted in place at this first open
    names = {
        part
        for name in ("visits", "overdue", "window")
        for line in first["data_lines"][name]
        if "  —  " in line
        for part in line.split("  —  ")[0].split("｜")[-1].split("、")
        if part
    }
    assert names
    raw = last_view.path(data).read_bytes()
    assert raw.startswith(last_view.MAGIC)
    for name in names:
        assert name.encode("utf-8") not in raw
    second = start(data, tmp_path, **env)
    assert second["warm"] is True  # decrypted before the window showed
    numbers, _follow_ups, _unsynced = expected_lines(data, **env)  # (after: opening the store changes it)
    assert _case_numbers(second["frame_lines"]) == numbers


# --- the first paint, in process ------------------------------------------------------------------


def _painted_frame(app, lines: int = 30):
    """The main window's frame as ``ui.app.main`` paints it — no app-wide style sheet yet, the
    navigation list with its own rules — its 工作台 lists holding ``lines`` lines each."""
    from advisor_app.domain.clock import china_today
    from advisor_app.domain.worklist_days import Item, Worklist
    from ui.app import nav_rules, style_sheet
    from ui.main_window import MainWindow
    from ui.startup import FollowUpLine

    today = china_today()
    app.setStyleSheet("")
    window = MainWindow()
    window.nav.setStyleSheet(nav_rules(style_sheet()))
    page = window.pages["workbench"]
    items = [
        Item(f"c{n}", f"（2026）临桥调字第 {n} 号", "邻里｜柏一新、柏二新 宅基地边界争议", today, n - 3)
        for n in range(lines)
    ]
    page._show_lines(Worklist(items, items, items, 2))
    page._show_follow_up_lines(
        [
            FollowUpLine(f"r{n}", "不满意", "法律咨询", "土地流转费没有付", "工作人员录入", today)
            for n in range(lines)
        ],
        today,
    )
    return window, page


def _dispose(window, app) -> None:
    """The window deleted now, not left for later tests: left alive, these frames crashed Qt in a
    later test's make_app (re-polishing every widget under the app-wide sheet) when the whole
    start-up file ran before tests/gui/test_main_window.py. The app's own sequence — apply_style
    after the paint, then 字号 changes re-setting the sheet — was checked not to crash."""
    from PySide6.QtCore import QCoreApplication

    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, 52)  # QEvent.Type.DeferredDelete
    app.processEvents()


def test_the_ink_is_read_from_what_was_painted_not_rendered_again(app):
    """The probe takes its time when the expose has painted the window, then checks the ink in the
    pixels that paint left (``grabWindow``): before the paint they hold none, where a ``grab()``
    would have rendered the lists itself and found ink."""
    from ui.app import wait_exposed
    from ui.startup import inked_lists

    window, _page = _painted_frame(app)
    try:
        window.show()
        before = inked_lists(window, window.screen().grabWindow(window.winId()))
        assert before == dict.fromkeys(before, False)
        assert all(inked_lists(window, window.grab()).values())  # a grab renders: no proof of a paint
        wait_exposed(app, window)
        after = inked_lists(window, window.screen().grabWindow(window.winId()))
        assert after == dict.fromkeys(after, True)
    finally:
        _dispose(window, app)


def test_the_style_sheet_set_after_the_first_paint_changes_nothing_seen(app):
    """``main`` paints the window before the app-wide style sheet is set; setting it after must
    leave the window as painted (the 工作台's boxes bold by font, outside the sheet's group box
    rule; the navigation list with its own copy of its rules). Allowed: the lists' frame corners,
    which the sheet's focus rule draws one level of grey darker."""
    from PySide6.QtGui import QImage

    from ui.app import apply_style, style_sheet, wait_exposed

    window, page = _painted_frame(app)
    try:
        window.show()
        wait_exposed(app, window)
        first = (
            window.screen().grabWindow(window.winId()).toImage().convertToFormat(QImage.Format.Format_RGB32)
        )
        apply_style(app, style_sheet(), window)
        assert window.nav.styleSheet() == "" and app.styleSheet()
        for _ in range(3):
            app.processEvents()
        window.repaint()
        after = (
            window.screen().grabWindow(window.winId()).toImage().convertToFormat(QImage.Format.Format_RGB32)
        )
        assert page.visits[0].font().bold() and not page.visits[1].font().bold()
        assert first.size() == after.size()
        a, b = bytes(first.constBits()), bytes(after.constBits())
        changed = [(x, y) for n, (x, y) in enumerate(zip(a, b, strict=True)) if abs(x - y) > 2]
        differ = sum(1 for x, y in zip(a[::4], b[::4], strict=True) if x != y)
        assert not changed, f"{len(changed)} bytes changed by more than 2 levels"
        assert differ <= 4 * 4  # at most the four corners of the four lists
    finally:
        _dispose(window, app)


def test_a_long_list_is_measured_at_one_width(app):
    """Word-wrapped lines are measured one by one: a list long enough for a scroll bar has it from
    its first layout, so its lines are not measured without it and again once it appears."""
    from PySide6.QtWidgets import QStyledItemDelegate

    from ui.app import wait_exposed
    from ui.main_window import MainWindow

    widths: dict[str, list[int]] = {}

    class Counting(QStyledItemDelegate):
        def __init__(self, name, parent):
            super().__init__(parent)
            self.name = name

        def sizeHint(self, option, index):  # noqa: N802 - Qt override
            widths.setdefault(self.name, []).append(option.rect.width())
            return super().sizeHint(option, index)

    made = MainWindow._workbench

    def counted(self):
        page = made(self)
        for name, widget in (
            ("visits", page.visits[1]),
            ("overdue", page.overdue[1]),
            ("window", page.window[1]),
            ("follow_ups", page.follow_up_list),
        ):
            widget.setItemDelegate(Counting(name, widget))
        return page

    MainWindow._workbench = counted
    try:
        window, page = _painted_frame(app)
    finally:
        MainWindow._workbench = made
    try:
        window.show()
        wait_exposed(app, window)
        for name, measured in widths.items():
            assert len(measured) <= 1.5 * FIRST_ROWS, (name, sorted(set(measured)))
    finally:
        _dispose(window, app)


def test_the_app_font_is_a_family_covering_han_where_the_system_has_one(app):
    """No fallback lookup for Chinese before the first paint: the application font is the family
    the system uses for Chinese UI text (``ui.fonts.HAN_UI_FAMILIES``, first found)."""
    from PySide6.QtGui import QFontDatabase

    from ui.fonts import HAN_UI_FAMILIES

    present = [family for family in HAN_UI_FAMILIES if QFontDatabase.hasFamily(family)]
    if not present:
        pytest.skip("no family covering Han on this system")
    assert app.font().family() == present[0]


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--data-dir", "/data/乡村"],
        ["--data-dir=/data/x"],
        ["--data", "/data/x"],
        ["--data-dir", "/data/x", "-style", "fusion"],
        ["-platform", "offscreen"],
        ["--data-dir=/data/x", "extra"],
    ],
)
def test_the_arguments_are_read_as_argparse_reads_them(argv):
    from ui import app as ui_app

    known, rest = ui_app._parser().parse_known_args(argv)
    assert ui_app.parse_arguments(argv) == (known.data_dir, rest)


def test_a_start_with_only_the_data_folder_builds_no_argparse_parser(monkeypatch):
    """Building the parser costs ~4.5 ms before the first paint (gettext imports ``locale``)."""
    from ui import app as ui_app

    built = []
    made = ui_app._parser
    monkeypatch.setattr(ui_app, "_parser", lambda: built.append(1) or made())
    assert ui_app.parse_arguments([]) == (None, [])
    assert ui_app.parse_arguments(["--data-dir", "/data/x"]) == (Path("/data/x"), [])
    assert ui_app.parse_arguments(["--data-dir=/data/x"]) == (Path("/data/x"), [])
    assert not built
    ui_app.parse_arguments(["--help-me"])
    assert built
