"""Controlled vocabularies (纠纷类型, 案件来源, 满意度 …) kept as versioned data in resources/vocab."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from advisor_app.resources import resource_path


@cache
def vocabularies() -> dict[str, Any]:
    with resource_path("vocab", "vocabularies.json").open(encoding="utf-8") as fh:
        return json.load(fh)


def terms(name: str) -> list[str]:
    """The allowed values of one vocabulary, e.g. ``terms("dispute_types")``."""
    return list(vocabularies()[name])


def version() -> str:
    return str(vocabularies()["version"])
