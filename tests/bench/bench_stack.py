"""The design card's packages against what they replace (issue 16 §1; docs/architecture.md, “Which
library does what, and why”): bulk writes through sqlite-utils or SQLAlchemy Core, and the search
index rebuilt through FTS5's ``rebuild`` (sqlite-utils) or by the row triggers."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from advisor_app import demo
from advisor_app.store import bulk, open_store, search
from tests.bench import Row


def run(workdir: Path) -> list[Row]:
    os.environ["ADVISOR_STORE_ENCRYPTION"] = "off"
    seconds: dict[str, float] = {}
    kept = bulk.WRITER
    try:
        for writer in ("sqlite-utils", "sqlalchemy"):
            bulk.WRITER = writer  # type: ignore[assignment]
            store = open_store(workdir / f"demo-{writer}")
            started = time.perf_counter()
            demo.generate(store, seed=1, consultations=100_000, cases=3_000, signed_copies=False)
            seconds[writer] = time.perf_counter() - started
            if writer == "sqlite-utils":
                store.close()
    finally:
        bulk.WRITER = kept
    rebuilt: dict[str, float] = {}
    how_kept = search.REBUILD
    try:
        for how in ("triggers", "fts-rebuild"):
            search.REBUILD = how
            started = time.perf_counter()
            with store.engine.begin() as conn:
                search.rebuild(conn)
            rebuilt[how] = time.perf_counter() - started
    finally:
        search.REBUILD = how_kept
    store.close()
    return [
        Row(
            "demo-data 100,000 + 3,000, no PDFs, SQLAlchemy Core executemany",
            seconds["sqlalchemy"],
            "s",
            "kept",
            seconds["sqlite-utils"],
            "sqlite-utils insert_all",
        ),
        Row(
            "search rebuild over 103,000 documents, FTS5 'rebuild' (sqlite-utils)",
            rebuilt["fts-rebuild"],
            "s",
            "kept",
            rebuilt["triggers"],
            "row triggers (before)",
        ),
    ]


if __name__ == "__main__":
    for row in run(Path(tempfile.mkdtemp(prefix="bench-stack-"))):
        print(f"{row.figure}: {row.value:.2f} {row.unit}  [{row.baseline_name}: {row.baseline:.2f}]")
