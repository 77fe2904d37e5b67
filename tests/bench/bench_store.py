"""Local store benchmarks: demo data at 100,000 consultations (without and with kept PDFs), search first page,
import of 10,000 rows."""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

from sqlalchemy import select, text

from advisor_app import demo
from advisor_app.io import transfer
from advisor_app.services import regions
from advisor_app.store import open_store, search
from tests.bench import Row


def encryption_cost(workdir: Path, plain_store) -> list[Row]:  # noqa: ANN001
    """The same 100,000-consultation store encrypted with SQLCipher, against the plain one."""
    from advisor_app.store.backup import backup_file

    target = workdir / "encrypted"
    target.mkdir()
    backup_file(plain_store.path, target / "advisor.db")
    os.environ.pop("ADVISOR_STORE_ENCRYPTION", None)
    os.environ["ADVISOR_DB_KEY"] = "5a" * 32
    try:
        started = time.perf_counter()
        encrypted = open_store(target)  # encrypts the plain copy in place
        rows = [Row("encrypt a 100,000-consultation store on upgrade", time.perf_counter() - started, "s")]
        for query in ("工资", "果园承包"):
            with plain_store.engine.connect() as conn:
                base = timed(lambda q=query, c=conn: search.search(c, q, kind="consultation", limit=50))
            with encrypted.engine.connect() as conn:
                ours = timed(lambda q=query, c=conn: search.search(c, q, kind="consultation", limit=50))
            rows.append(
                Row(
                    f"encrypted search first page “{query}”",
                    ours,
                    "ms",
                    "< 100 ms",
                    base,
                    "same, unencrypted",
                )
            )
        from advisor_app.services import consultations

        def log_one(store) -> None:  # noqa: ANN001
            consultations.create(store, {"region_code": "610502100201", "question": "加密写入测试"})

        base = timed(lambda: log_one(plain_store), repeat=15)
        ours = timed(lambda: log_one(encrypted), repeat=15)
        rows.append(
            Row("encrypted: log one consultation (commit, fsync)", ours, "ms", "", base, "same, unencrypted")
        )
        encrypted.close()
        return rows
    finally:
        os.environ.pop("ADVISOR_DB_KEY", None)
        os.environ["ADVISOR_STORE_ENCRYPTION"] = "off"


QUERIES = [
    ("王", "1 字常见"),
    ("资", "1 字"),
    ("工资", "2 字常见"),
    ("赡养", "2 字"),
    ("拖欠工资", "4 字常见"),
    ("果园承包", "4 字少见"),
    ("宅基地证上", "5 字少见"),
]
LIKE_BASELINE = """
    SELECT c.id FROM consultations c
    WHERE c.deleted = 0 AND (c.person_name LIKE :q OR c.question LIKE :q OR c.answer LIKE :q OR c.outcome LIKE :q
                             OR c.subcategory LIKE :q)
    ORDER BY c.occurred_at DESC LIMIT 50
"""


def timed(fn, repeat: int = 7) -> float:
    """Median wall time in ms after one warm-up call."""
    fn()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def demo_data(store) -> list[Row]:  # noqa: ANN001
    """The README's demo, timed in its two parts: the records, then the kept PDFs of the signed agreements.

    ``advisor demo-data`` does both in one call; here the agreements are left unprinted first
    (``signed_copies=False``) and then printed and kept exactly as that call does it (the printing
    service's ``keep_signed``, one forked process per core), so each part has its own target.
    """
    from advisor_app.domain.models import Agreement
    from advisor_app.services import printing

    started = time.perf_counter()
    demo.generate(store, seed=1, consultations=100_000, cases=3_000, signed_copies=False)
    records = time.perf_counter() - started
    with store.session() as session:
        signed = list(
            session.scalars(
                select(Agreement.id).where(Agreement.status == "已签署").order_by(Agreement.created_at)
            )
        )
    workers = min(os.cpu_count() or 1, 8)  # as `advisor demo-data` does
    cpu_before = _cpu()
    started = time.perf_counter()
    kept = printing.keep_signed(store, signed, log_changes=False, workers=workers)
    printing_wall = time.perf_counter() - started
    per_pdf = (_cpu() - cpu_before) / max(kept, 1) * 1000
    return [
        Row("demo-data 100,000 consultations + 3,000 cases, no kept PDFs", records, "s", "< 60 s"),
        Row(
            f"same + kept PDFs of its {kept:,} signed agreements ({workers} proc.)",
            records + printing_wall,
            "s",
            "< 120 s",
        ),
        Row("CPU per kept demo PDF (render, hash, write; all processes)", per_pdf, "ms", "< 40 ms"),
    ]


def _cpu() -> float:
    """CPU seconds of this process and of its finished child processes (the rendering workers)."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def follow_ups(store) -> Row:  # noqa: ANN001
    """The 工作台's 差评回访 on the demo store (thousands of bad ratings), against their former
    reading: the services fetched by primary key in IN lists of 500 (SQLite walked every live
    consultation for each list). Timed alternately, so both see the same load."""
    from advisor_app.services import ratings
    from tests.core.test_follow_ups_set_based import reference_follow_ups

    assert ratings.follow_ups(store) == reference_follow_ups(store)
    ours, base = [], []
    for _ in range(9):
        for fn, samples in ((reference_follow_ups, base), (ratings.follow_ups, ours)):
            started = time.perf_counter()
            fn(store)
            samples.append((time.perf_counter() - started) * 1000)
    return Row(
        f"差评回访 list, 100k demo store ({len(ratings.follow_ups(store)):,} bad ratings)",
        statistics.median(ours),
        "ms",
        "",
        statistics.median(base),
        "services by id, IN lists of 500",
    )


def run(workdir: Path) -> list[Row]:
    rows: list[Row] = []
    os.environ["ADVISOR_STORE_ENCRYPTION"] = "off"  # the plain store; the encrypted one is measured below
    store = open_store(workdir / "big")
    rows.extend(demo_data(store))

    with store.engine.connect() as conn:
        for query, label in QUERIES:
            ours = timed(lambda q=query: search.search(conn, q, kind="consultation", limit=50))
            base = timed(lambda q=query: conn.execute(text(LIKE_BASELINE), {"q": f"%{q}%"}).all())
            rows.append(
                Row(f"search first page “{query}” ({label})", ours, "ms", "< 100 ms", base, "plain LIKE scan")
            )

    rows.append(follow_ups(store))
    rows.extend(encryption_cost(workdir, store))

    export = workdir / "consultations-10k.csv"
    export_xlsx = workdir / "consultations-10k.xlsx"
    with store.session() as session:
        ids = list(session.scalars(text("SELECT id FROM consultations ORDER BY occurred_at LIMIT 10000")))
    transfer.export(store, "consultations", export, ids=ids)
    transfer.export(store, "consultations", export_xlsx, ids=ids)
    store.close()
    for path in (export, export_xlsx):
        target = open_store(workdir / f"import-{path.suffix[1:]}")
        regions.load_csv(target)
        started = time.perf_counter()
        report = transfer.import_file(target, "consultations", path)
        elapsed = time.perf_counter() - started
        assert report.created == 10_000 and not report.errors
        rows.append(Row(f"import 10,000 consultations ({path.suffix})", elapsed, "s", ""))
        target.close()
    return rows
