"""Helpers to build columnar batches and to page through pulls."""

from __future__ import annotations

import gzip
import json
import uuid
from typing import Any

import httpx

# --- building batches ---------------------------------------------------------------------------


def new_id() -> str:
    return str(uuid.uuid4())


def consultation(region: str, **over: Any) -> dict[str, Any]:
    rec = {
        "id": new_id(),
        "rev": 1,
        "base_rev": 0,
        "scope": region,
        "region_code": region,
        "occurred_at": "2026-03-01T09:30:00",
        "question": "宅基地边界怎么认定？",
        "service_type": "法律咨询解答",
        "mode": "实地",
        "category": "民事",
        "status": "办理中",
        "tags": [],
    }
    rec.update(over)
    return rec


def case(region: str, committee_id: str, **over: Any) -> dict[str, Any]:
    rec = {
        "id": new_id(),
        "rev": 1,
        "base_rev": 0,
        "scope": region,
        "region_code": region,
        "committee_id": committee_id,
        "dispute_type": "邻里",
        "source": "当事人申请",
        "summary": "邻里排水纠纷",
        "accepted_on": "2026-03-01",
        "due_on": "2026-03-31",
        "status": "受理",
    }
    rec.update(over)
    return rec


def batch(**kinds: list[dict[str, Any]]) -> dict[str, Any]:
    """Columnar batch: per kind the union of the records' fields, then rows."""
    out = {}
    for kind, records in kinds.items():
        fields = list(dict.fromkeys(f for r in records for f in r))
        out[kind] = {"fields": fields, "rows": [[r.get(f) for f in fields] for r in records]}
    return {"changes": out}


def push(client: httpx.Client, body: dict[str, Any], *, gz: bool = True) -> httpx.Response:
    data = json.dumps(body, ensure_ascii=False).encode()
    headers = {"Content-Type": "application/json"}
    if gz:
        data = gzip.compress(data, 6)
        headers["Content-Encoding"] = "gzip"
    return client.post("/v1/changes", content=data, headers=headers)


def pull_all(
    client: httpx.Client, after: int = 0, limit: int = 1000, kinds: str | None = None
) -> tuple[dict, int]:
    """Every record in scope after ``after``: {(kind, id): row dict}, final cursor."""
    seen: dict[tuple[str, str], dict] = {}
    while True:
        params = {"after": after, "limit": limit}
        if kinds:
            params["kinds"] = kinds
        r = client.get("/v1/changes", params=params)
        assert r.status_code == 200, r.text
        page = r.json()
        for kind, block in page["changes"].items():
            for row in block["rows"]:
                rec = dict(zip(block["fields"], row, strict=True))
                seen[(kind, rec["id"])] = rec
        after = page["cursor"]
        if not page["more"]:
            return seen, after
