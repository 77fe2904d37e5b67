"""The agreement clause library (resources/clauses/clauses.json): suggestions per dispute type."""

from __future__ import annotations

import json
from functools import cache

from advisor_app.resources import resource_path


@cache
def library() -> dict:
    with resource_path("clauses", "clauses.json").open(encoding="utf-8") as fh:
        return json.load(fh)


def suggestions(dispute_type: str | None) -> list[str]:
    """Clauses for this dispute type first, then the ones every agreement may use."""
    data = library()
    return list(data["types"].get(dispute_type or "", [])) + list(data["common"])
