"""Every page of the main window, every enabled button, for each role, through real Qt events.

Each role runs in its own process (tests/gui/clickthrough.py): an abort in Qt fails that test
instead of ending the run. The harness records every exception that reaches the crash handler
with the text of the button being pressed; the test fails on any, and on any enabled button that
was not pressed except the stated exclusions (clickthrough.EXCLUDED).
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


def click_through(
    role: str, template: Path, work: Path, **env: str
) -> tuple[subprocess.CompletedProcess, dict]:
    report = work / "report.json"
    done = subprocess.run(
        [sys.executable, str(HERE / "clickthrough.py"), role, str(template), str(work / "run"), str(report)],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "ADVISOR_STORE_ENCRYPTION": "off", **env},
    )
    return done, (json.loads(report.read_text(encoding="utf-8")) if report.exists() else {})


@pytest.mark.parametrize("role", clickthrough.ROLES)
def test_every_enabled_button_of_every_page_works(role, demo_template, tmp_path):
    done, report = click_through(role, demo_template, tmp_path)
    assert done.returncode == 0, f"the app died (exit {done.returncode}):\n{done.stderr[-4000:]}"
    errors = "\n\n".join(f"[{e['button']}]\n{e['traceback']}" for e in report["errors"])
    assert not report["errors"], f"exceptions reached the crash handler:\n{errors}"
    pages = report["pages"]
    every = {"workbench", "consultations", "cases", "roster", "activities", "statistics", "sync", "settings"}
    assert set(pages) | set(report.get("hidden", [])) == every
    assert len(pages) >= 6, report.get("hidden")
    for key, page in pages.items():
        assert page["enabled"], f"{key}: no enabled button found"
        not_pressed = set(page["enabled"]) - {p.split(" → ")[0] for p in page["pressed"]}
        unexplained = not_pressed - set(clickthrough.EXCLUDED)
        assert not unexplained, f"{key}: enabled but not pressed: {sorted(unexplained)} ({page['skipped']})"
    assert sum(len(p["pressed"]) for p in pages.values()) >= 25
    print(role, report["seconds"], "s,", sum(len(p["pressed"]) for p in pages.values()), "buttons pressed")


def test_the_harness_fails_on_an_exception_and_on_an_abort(demo_template, tmp_path):
    done, report = click_through(
        "司法所",
        demo_template,
        tmp_path / "raise",
        CLICKTHROUGH_FAULT="raise",
        CLICKTHROUGH_PAGES="workbench",
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert [e["button"] for e in report["errors"]] == ["workbench: 故障注入"]
    assert "RuntimeError: 故障注入" in report["errors"][0]["traceback"]

    done, report = click_through(
        "司法所",
        demo_template,
        tmp_path / "abort",
        CLICKTHROUGH_FAULT="abort",
        CLICKTHROUGH_PAGES="workbench",
    )
    assert done.returncode != 0 and not report
    assert "QThread: Destroyed while thread" in done.stderr
