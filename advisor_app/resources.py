"""Locate the shipped resources/ folder (vocabularies, regions, clause library, translations).

Order: ``ADVISOR_RESOURCES``; the frozen bundle (PyInstaller's ``sys._MEIPASS``); the source tree
(an editable install, which is how ``make run`` and ``make test`` install the project).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    env = os.environ.get("ADVISOR_RESOURCES")
    if env:
        return Path(env)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"缺少资源文件：{path}")
    return path
