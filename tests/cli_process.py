"""`advisor` as a whole process under ``python -X importtime``: what it printed and which modules it
imported (tests that check a command's import tree: tests/core/test_cli_start.py and others)."""

from __future__ import annotations

import os
import subprocess
import sys


def run_advisor(data_dir, *words: str, **env: str) -> tuple[set[str], subprocess.CompletedProcess]:
    """Run ``advisor --data-dir DATA_DIR WORDS…`` (unencrypted store unless ``env`` says otherwise)
    and return the modules it imported and the finished process; a non-zero exit fails the test."""
    base = {**os.environ, "PYTHONIOENCODING": "utf-8", "ADVISOR_STORE_ENCRYPTION": "off"}
    for name in ("ADVISOR_DATA_DIR", "ADVISOR_DB_KEY"):
        base.pop(name, None)
    done = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "advisor_app.cli.main",
            "--data-dir",
            str(data_dir),
            *words,
        ],
        capture_output=True,
        text=True,
        env={**base, **env},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stderr.splitlines()
    modules = {line.rsplit("|", 1)[1].strip() for line in lines if line.startswith("import time:")}
    return modules, done
