"""Every page of the main window, every enabled button, for each role, through real Qt events.

Each role runs in its own process (tests/gui/clickthrough.py): an abort in Qt fails that test
instead of ending the run. The harness records every exception that reaches the crash handler
with the text of the button being pressed; the test fails on any, and on any enabled button that
was not pressed except the stated exclusions (clickthrough.EXCLUDED), and on any database write
made on the GUI thread other than the draft autosave.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

import clickthrough  # noqa: E402


def click_through(role: str, template: Path, work: Path, **env: str) -> subprocess.Popen:
    work.mkdir(parents=True, exist_ok=True)
    return subprocess.Popen(
        [
            sys.executable,
            str(HERE / "clickthrough.py"),
            role,
            str(template),
            str(work / "run"),
            str(work / "report.json"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "ADVISOR_STORE_ENCRYPTION": "off", **env},
    )


def finish(process: subprocess.Popen, work: Path) -> tuple[int, str, dict]:
    try:
        _out, err = process.communicate(timeout=240)
    except subprocess.TimeoutExpired:
        process.kill()
        _out, err = process.communicate()
    report = work / "report.json"
    return (
        process.returncode,
        err,
        (json.loads(report.read_text(encoding="utf-8")) if report.exists() else {}),
    )


@pytest.fixture(scope="session")
def runs(demo_template, tmp_path_factory):
    """The roles click through at the same time (each mostly waits for its own events)."""
    root = tmp_path_factory.mktemp("clickthrough")
    started = {
        role: click_through(role, demo_template, root / str(n)) for n, role in enumerate(clickthrough.ROLES)
    }
    return {role: finish(process, root / str(n)) for n, (role, process) in enumerate(started.items())}


def unexplained(part: dict, *, allow_disabled: bool = False) -> set[str]:
    not_pressed = set(part["enabled"]) - {p.split(" → ")[0] for p in part["pressed"]}
    allowed = set(clickthrough.EXCLUDED)
    if allow_disabled:  # a step of the case (e.g. a new agreement version) may rightly disable a button
        allowed |= {name for name, why in part["skipped"].items() if why.startswith("disabled")}
    return not_pressed - allowed


@pytest.mark.parametrize("role", clickthrough.ROLES)
def test_every_enabled_button_of_every_page_works(role, runs):
    code, stderr, report = runs[role]
    assert code == 0, f"the app died (exit {code}):\n{stderr[-4000:]}"
    errors = "\n\n".join(f"[{e['button']}]\n{e['traceback']}" for e in report["errors"])
    assert not report["errors"], f"exceptions reached the crash handler:\n{errors}"
    # no database write on the GUI thread but the draft autosave (clickthrough.GUI_WRITES_ALLOWED)
    assert not report["gui_thread_writes"], report["gui_thread_writes"]
    pages = report["pages"]
    every = {"workbench", "consultations", "cases", "roster", "activities", "statistics", "sync", "settings"}
    assert set(pages) | set(report.get("hidden", [])) == every
    assert len(pages) >= 6, report.get("hidden")
    for key, page in pages.items():
        assert page["enabled"], f"{key}: no enabled button found"
        assert not unexplained(page), (
            f"{key}: enabled but not pressed: {unexplained(page)} ({page['skipped']})"
        )
    assert sum(len(p["pressed"]) for p in pages.values()) >= 25
    cases = report.get("case_window", {})
    if "cases" in pages and "cases" not in report["read_only"]:
        opened = {name.split(" / ")[0] for name in cases}
        assert len(opened) >= 5, opened  # a new case and one of each status found in the demo data
        for name, tab in cases.items():
            assert not unexplained(tab, allow_disabled=True), (
                f"{name}: not pressed: {unexplained(tab, allow_disabled=True)}"
            )
        pressed = [p for tab in cases.values() for p in tab["pressed"]]
        assert any("协议草稿" in p for p in pressed), "保存协议草稿 was never pressed"
        assert any("→" in p for p in pressed), "no menu action was clicked (打印案件文书)"
    print(
        role,
        report["seconds"],
        "s:",
        sum(len(p["pressed"]) for p in pages.values()),
        "buttons on the pages,",
        sum(len(t["pressed"]) for t in cases.values()),
        "in case windows",
    )


def test_the_harness_fails_on_an_exception_and_on_an_abort(demo_template, tmp_path):
    pages = {"CLICKTHROUGH_PAGES": "workbench"}
    raising = click_through("司法所", demo_template, tmp_path / "raise", CLICKTHROUGH_FAULT="raise", **pages)
    aborting = click_through("司法所", demo_template, tmp_path / "abort", CLICKTHROUGH_FAULT="abort", **pages)
    code, stderr, report = finish(raising, tmp_path / "raise")
    assert code == 0, stderr[-3000:]
    assert [e["button"] for e in report["errors"]] == ["workbench: 故障注入"]
    assert "RuntimeError: 故障注入" in report["errors"][0]["traceback"]

    code, stderr, report = finish(aborting, tmp_path / "abort")
    assert code != 0 and not report
    assert "QThread: Destroyed while thread" in stderr
