"""The design card's packages against what they replace (issue 16 §1; docs/architecture.md, “Which
library does what, and why”): bulk writes through sqlite-utils or SQLAlchemy Core, and the search
index rebuilt through FTS5's ``rebuild`` (sqlite-utils) or by the row triggers, and a 10,000-row
spreadsheet import with its new consultations written in bulk or through the ORM."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

from advisor_app import demo
from advisor_app.io import transfer
from advisor_app.services import regions
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
    with store.session() as session:
        ids = list(session.scalars(text("SELECT id FROM consultations ORDER BY occurred_at LIMIT 10000")))
    files = [workdir / "import-10k.csv", workdir / "import-10k.xlsx"]
    for path in files:
        transfer.export(store, "consultations", path, ids=ids)
    store.close()
    imports: dict[tuple[str, bool], float] = {}
    try:
        for path in files:
            for bulk_new in (False, True):
                transfer.BULK_NEW = bulk_new
                target = open_store(workdir / f"import-{path.suffix[1:]}-{bulk_new}")
                regions.load_csv(target)
                started = time.perf_counter()
                report = transfer.import_file(target, "consultations", path)
                imports[(path.suffix, bulk_new)] = time.perf_counter() - started
                assert report.created == 10_000 and not report.errors
                target.close()
    finally:
        transfer.BULK_NEW = True
    rows = [
        Row(
            f"import 10,000 new consultations ({suffix}), new rows in bulk",
            imports[(suffix, True)],
            "s",
            "kept",
            imports[(suffix, False)],
            "ORM unit of work (before)",
        )
        for suffix in (".csv", ".xlsx")
    ]
    return rows + [
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
