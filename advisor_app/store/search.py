"""Chinese substring search over consultations and cases.

``search_docs`` holds one row per record (title, body text, date); ``search_fts`` is an
external-content FTS5 table over it with the trigram tokenizer. Trigrams only match terms of three
or more characters, and on SQLite 3.40 a LIKE routed through a trigram table can miss short CJK
patterns, so terms of one or two characters are matched with LIKE against ``search_docs`` itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from advisor_app.domain.roles import region_filter
from advisor_app.store.plain_sql import rows

if TYPE_CHECKING:  # SQLAlchemy is imported where its text() is used: `advisor search` runs without it
    from sqlalchemy import Connection

DDL = (
    """CREATE TABLE IF NOT EXISTS search_docs (
        rowid INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        record_id TEXT NOT NULL UNIQUE,
        sort_at TEXT NOT NULL,
        region_code TEXT,
        title TEXT NOT NULL,
        body TEXT NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS ix_search_docs_sort ON search_docs (sort_at)",
    """CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
        body, content='search_docs', content_rowid='rowid', tokenize='trigram')""",
    """CREATE TRIGGER IF NOT EXISTS search_docs_ai AFTER INSERT ON search_docs BEGIN
        INSERT INTO search_fts(rowid, body) VALUES (new.rowid, new.body); END""",
    """CREATE TRIGGER IF NOT EXISTS search_docs_ad AFTER DELETE ON search_docs BEGIN
        INSERT INTO search_fts(search_fts, rowid, body) VALUES ('delete', old.rowid, old.body); END""",
    """CREATE TRIGGER IF NOT EXISTS search_docs_au AFTER UPDATE ON search_docs BEGIN
        INSERT INTO search_fts(search_fts, rowid, body) VALUES ('delete', old.rowid, old.body);
        INSERT INTO search_fts(rowid, body) VALUES (new.rowid, new.body); END""",
)

# One SELECT per kind builds its documents; used both for a full rebuild and for single records.
CONSULTATION_DOCS = """
    SELECT 'consultation' AS kind, c.id AS record_id, c.occurred_at AS sort_at, c.region_code,
           coalesce(c.person_name, '') || '｜' || coalesce(c.subcategory, c.category) || '｜'
               || substr(c.question, 1, 40) AS title,
           coalesce(c.person_name, '') || ' ' || coalesce(c.subcategory, '') || ' ' || c.question || ' '
               || coalesce(c.answer, '') || ' ' || coalesce(c.outcome, '') || ' ' || coalesce(r.name, '') AS body
    FROM consultations c LEFT JOIN regions r ON r.code = c.region_code
    WHERE c.deleted = 0
"""
CASE_DOCS = """
    SELECT 'case' AS kind, k.id AS record_id, k.accepted_on AS sort_at, k.region_code,
           coalesce(k.case_no, '（未编号）') || '｜' || k.dispute_type || '｜'
               || coalesce((SELECT group_concat(p.name, '、') FROM case_parties p
                            WHERE p.case_id = k.id AND p.deleted = 0), '') AS title,
           coalesce(k.case_no, '') || ' ' || k.dispute_type || ' '
               || coalesce((SELECT group_concat(p.name, ' ') FROM case_parties p
                            WHERE p.case_id = k.id AND p.deleted = 0), '') || ' '
               || k.summary || ' ' || coalesce(k.result, '') || ' ' || coalesce(r.name, '') AS body
    FROM cases k LEFT JOIN regions r ON r.code = k.region_code
    WHERE k.deleted = 0
"""
_INSERT = "INSERT INTO search_docs (kind, record_id, sort_at, region_code, title, body) "


def create(conn: Connection) -> None:
    for statement in DDL:
        conn.exec_driver_sql(statement)


TRIGGERS = ("search_docs_ai", "search_docs_ad", "search_docs_au")
# How rebuild() refills the FTS index: "fts-rebuild" (kept) or "triggers" (before issue 16; the
# baseline of tests/bench/bench_stack.py). Figures in docs/architecture.md.
REBUILD: str = "fts-rebuild"


def rebuild(conn: Connection) -> None:
    """Rebuild every document and the FTS index; used after bulk loads and by the migration that adds search.

    The documents are one INSERT … SELECT per kind. The index is then built in one pass by FTS5's
    ``rebuild`` command, run through sqlite-utils (``Table.rebuild_fts``) on the store's own
    connection, with the row triggers dropped for the while (DDL is transactional in SQLite: another
    connection sees the old triggers or the new ones, never none) — instead of one trigger call per
    deleted and per inserted document: over a full index of 103,000 documents about half the time
    (the deletes were the slow part); into an empty one the same within noise.
    """
    from advisor_app.store import bulk

    if REBUILD == "triggers":
        conn.exec_driver_sql("DELETE FROM search_docs")
        conn.exec_driver_sql(_INSERT + CONSULTATION_DOCS)
        conn.exec_driver_sql(_INSERT + CASE_DOCS)
        return
    for name in TRIGGERS:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    conn.exec_driver_sql("DELETE FROM search_docs")
    conn.exec_driver_sql(_INSERT + CONSULTATION_DOCS)
    conn.exec_driver_sql(_INSERT + CASE_DOCS)
    fts = bulk.database(conn).table("search_fts")
    fts.rebuild_fts()
    create(conn)  # the triggers back, as the migration made them


def reindex(conn: Connection, kind: str, record_ids: Iterable[str]) -> None:
    """Refresh the documents of some records (deleted ones drop out)."""
    from sqlalchemy import text

    ids = list(dict.fromkeys(record_ids))
    if not ids:
        return
    source, alias = (CONSULTATION_DOCS, "c") if kind == "consultation" else (CASE_DOCS, "k")
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        params = {f"i{n}": rid for n, rid in enumerate(chunk)}
        marks = ", ".join(f":i{n}" for n in range(len(chunk)))
        conn.execute(text(f"DELETE FROM search_docs WHERE record_id IN ({marks})"), params)
        conn.execute(text(_INSERT + source + f" AND {alias}.id IN ({marks})"), params)


@dataclass(frozen=True)
class Hit:
    kind: str  # consultation / case
    record_id: str
    sort_at: str
    title: str


def _like_escape(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search(
    conn: Any,
    query: str,
    *,
    kind: str | None = None,
    region_codes: Iterable[str] | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[Hit]:
    """Records whose text contains every whitespace-separated term of ``query``, newest first.

    A common term matches thousands of records, and collecting all of them through the trigram
    index only to keep the newest page is the slow case; so the page is first looked for among
    the newest ``RECENT_WINDOW`` documents with a plain scan, and the index is used only when that
    window does not fill it. Both paths give the same order, so the result is the same.

    ``conn``: a SQLAlchemy ``Connection`` (the desktop) or a DB-API one (the CLI's direct store,
    ``store.direct``); the SQL is the driver's own either way (``plain_sql.rows``).
    """
    terms = [t for t in query.split() if t]
    if not terms:
        return []
    where: list[str] = []
    params: dict[str, Any] = {"limit": limit, "offset": offset}
    for n, term in enumerate(terms):
        params[f"like{n}"] = f"%{_like_escape(term)}%"
    likes = [f"d.body LIKE :like{n} ESCAPE '\\'" for n in range(len(terms))]
    if kind:
        params["kind"] = kind
        where.append("d.kind = :kind")
    if region_codes is not None:  # a scope by code ranges (roles.RegionScope), else the codes listed
        where.append(region_filter("d.region_code", region_codes, params, "r"))
    columns = "d.kind, d.record_id, d.sort_at, d.title"
    order = "ORDER BY d.sort_at DESC, d.rowid DESC"

    # The newest documents are those at or after the window's oldest date: an index range scan
    # from the top that stops as soon as the page is full.
    cutoff = "d.sort_at >= coalesce((SELECT sort_at FROM search_docs ORDER BY sort_at DESC LIMIT 1 OFFSET :edge), '')"
    params["edge"] = RECENT_WINDOW - 1
    recent = f"SELECT {columns} FROM search_docs d WHERE {' AND '.join([cutoff, *where, *likes])} {order} LIMIT :limit OFFSET :offset"
    hits = [Hit(*row) for row in rows(conn, recent, params)]
    if len(hits) == limit:
        return hits

    long_terms = [t for t in terms if len(t) >= 3]
    if long_terms:
        params["match"] = " AND ".join('"' + t.replace('"', '""') + '"' for t in long_terms)
        where.append("d.rowid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH :match)")
    # Terms of one or two characters cannot use trigrams: LIKE on the documents themselves.
    where.extend(like for like, term in zip(likes, terms, strict=True) if len(term) < 3)
    sql = (
        f"SELECT {columns} FROM search_docs d WHERE {' AND '.join(where)} {order} LIMIT :limit OFFSET :offset"
    )
    return [Hit(*row) for row in rows(conn, sql, params)]


RECENT_WINDOW = 4000
