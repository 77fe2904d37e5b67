"""SQL of records: the bulk statements of a push, spelled per database: a batch is a few statements, not thousands.

PostgreSQL: revisions are claimed with one ``INSERT … SELECT FROM unnest(arrays) ON CONFLICT DO
NOTHING RETURNING`` (a concurrent push of the same revision waits on its key, then sees it taken);
new records arrive by ``COPY``. SQLite: the whole push runs under ``BEGIN IMMEDIATE`` (one writer
at a time), so a plain read of the revisions already held plus ``executemany`` is exact and cheap.
The DB-API is called directly (``exec_driver_sql``): SQLAlchemy's per-row parameter handling was
a large share of a 5,000-row push.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from operator import attrgetter
from typing import Any, NamedTuple

from sqlalchemy import Connection, DateTime, and_, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError

from sync.server.db import Record, ScopeCheck, SkippedRecord, SyncState, utcnow
from sync.server.regions.scope import Scope


class RecordRow(NamedTuple):
    """One row of ``records`` as a push writes it (the column order of COPY and INSERT)."""

    kind: str
    id: str
    rev: int
    scope: str
    owner: str
    device_id: str
    created_at: str | None
    updated_at: str | None
    deleted: bool
    payload: str
    hash: str
    seq: int
    parent_id: str | None
    sha256: str | None


class RevisionClaim(NamedTuple):
    """A revision a push claims in ``revisions``."""

    kind: str
    id: str
    rev: int
    hash: str


RECORD_COLUMNS = RecordRow._fields
# What an accepted change replaces in a stored record: everything but its key and its owner.
UPDATED_COLUMNS = tuple(c for c in RECORD_COLUMNS if c not in ("kind", "id", "owner"))

RevKey = tuple[str, str, int]


def is_postgres(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def _marks(conn: Connection, n: int) -> str:
    mark = "%s" if is_postgres(conn) else "?"
    return ", ".join([mark] * n)


def _stamp(conn: Connection, when: datetime) -> Any:
    """A timestamp as the dialect stores it (SQLite keeps SQLAlchemy's text spelling)."""
    process = DateTime().dialect_impl(conn.dialect).bind_processor(conn.dialect)
    return process(when) if process else when


def claim_revisions(
    conn: Connection, rows: list[RevisionClaim], account_id: int, now: datetime
) -> set[RevKey]:
    """Insert (kind, id, rev, hash) into ``revisions`` unless already there; the keys inserted."""
    if not rows:
        return set()
    rows = sorted(rows)  # one lock order for every push: two pushes cannot deadlock on keys
    if is_postgres(conn):
        # Kinds, UUIDs, numbers and hex digests have no commas: each column travels as one text
        # parameter split by the server (psycopg dumps list parameters element by element in Python).
        kinds, ids, revs, hashes = (",".join(map(str, col)) for col in zip(*rows, strict=True))
        result = conn.exec_driver_sql(
            "INSERT INTO revisions (kind, record_id, rev, hash, status, account_id, received_at) "
            "SELECT k, i, r::int, h, 'accepted', %s, %s "
            "FROM unnest(string_to_array(%s, ','), string_to_array(%s, ','), string_to_array(%s, ','), "
            "string_to_array(%s, ',')) AS t(k, i, r, h) "
            "ON CONFLICT DO NOTHING RETURNING kind, record_id, rev",
            (account_id, now, kinds, ids, revs, hashes),
        )
        if result.rowcount == len(rows):  # the usual case: all new, no need to read the rows back
            result.close()
            return {(k, i, r) for k, i, r, _h in rows}
        return {(k, i, r) for k, i, r in result}
    held = held_revisions(conn, [(k, i) for k, i, _r, _h in rows])
    fresh = [r for r in rows if (r[0], r[1], r[2]) not in held]
    if fresh:
        stamp = _stamp(conn, now)
        conn.exec_driver_sql(
            "INSERT INTO revisions (kind, record_id, rev, hash, status, account_id, received_at) "
            "VALUES (?, ?, ?, ?, 'accepted', ?, ?)",
            [(k, i, r, h, account_id, stamp) for k, i, r, h in fresh],
        )
    return {(k, i, r) for k, i, r, _h in fresh}


def _id_list(conn: Connection, ids: list[str]) -> tuple[str, Any]:
    """``IN (…)`` over many ids with one parameter: an array on PostgreSQL, a JSON array read by
    json_each on SQLite (no statement text that grows with the batch, no parameter limit)."""
    if is_postgres(conn):
        if not any("," in i for i in ids):  # ids are UUIDs, parent ids nearly always: one text parameter
            return "= ANY(string_to_array(%s, ','))", ",".join(ids)
        return "= ANY(%s)", ids
    return "IN (SELECT value FROM json_each(?))", json.dumps(ids)


def held_revisions(conn: Connection, keys: Iterable[tuple[str, str]]) -> dict[RevKey, str]:
    """Every revision already stored of these records: (kind, id, rev) -> hash."""
    by_kind: dict[str, set[str]] = {}
    for kind, rid in keys:
        by_kind.setdefault(kind, set()).add(rid)
    out: dict[RevKey, str] = {}
    for kind, ids in by_kind.items():
        match, param = _id_list(conn, sorted(ids))
        result = conn.exec_driver_sql(
            f"SELECT record_id, rev, hash FROM revisions WHERE kind = {_marks(conn, 1)} AND record_id {match}",
            (kind, param),
        )
        for rid, rev, digest in result:
            out[(kind, rid, rev)] = digest
    return out


def drop_revisions(conn: Connection, keys: list[RevKey]) -> None:
    if keys:
        m = _marks(conn, 1)
        conn.exec_driver_sql(
            f"DELETE FROM revisions WHERE kind = {m} AND record_id = {m} AND rev = {m}", keys
        )


# PostgreSQL: sequence numbers come from ``record_seq`` (migration 0006) and no lock is held until
# commit. A push announces itself before it takes numbers with a shared transaction-level
# advisory lock whose key holds the last number handed out before its own (PUSH_LOCK below);
# the lock goes when its transaction ends, after the commit is visible. A reader's horizon is the
# last number handed out, read first, lowered to the smallest number announced by a push still
# in flight, read second: everything at or below it is committed or rolled back, so a cursor
# never passes an uncommitted change, and pushes of different villages never wait for each other.
# Key = (schema tag << 40) | number: each schema (a server) sees only its own pushes.
SEQ_BITS = 40
SCHEMA_TAG = "(mod(('record_seq'::regclass)::oid::bigint, 4194301) + 1)"
LAST_SEQ = "SELECT last_value - CASE WHEN is_called THEN 0 ELSE 1 END FROM record_seq"
ANNOUNCE = f"SELECT pg_advisory_xact_lock_shared(({SCHEMA_TAG} << {SEQ_BITS}) | ({LAST_SEQ}))"
IN_FLIGHT = (
    f"SELECT min(((classid::bigint << 32) | objid::bigint) & {(1 << SEQ_BITS) - 1}) FROM pg_locks "
    "WHERE locktype = 'advisory' AND objsubid = 1 "
    "AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
    f"AND ((classid::bigint << 32) | objid::bigint) >> {SEQ_BITS} = {SCHEMA_TAG}"
)


def high_water(conn: Connection) -> int:
    """The visibility horizon: every seq at or below it is committed (or will never be)."""
    if is_postgres(conn):
        last = conn.exec_driver_sql(LAST_SEQ).scalar_one()
        # Read after ``last``, in its own statement (a later snapshot): a push that took numbers
        # up to ``last`` either still holds its lock here or has committed.
        low = conn.exec_driver_sql(IN_FLIGHT).scalar_one()
        return last if low is None else min(last, low)
    return conn.execute(select(SyncState.value).where(SyncState.name == "seq")).scalar_one()


def take_sequences(conn: Connection, n: int) -> list[int]:
    """``n`` new sequence numbers, ascending, for rows written in this transaction. Call it last,
    right before writing: readers stop below them until this transaction ends (see above); on
    SQLite the ``seq`` row is the lock (one writer at a time anyway)."""
    if n == 0:
        return []
    if is_postgres(conn):
        conn.exec_driver_sql(ANNOUNCE)
        return sorted(
            r[0]
            for r in conn.exec_driver_sql("SELECT nextval('record_seq') FROM generate_series(1, %s)", (n,))
        )
    last = conn.execute(
        update(SyncState)
        .where(SyncState.name == "seq")
        .values(value=SyncState.value + n)
        .returning(SyncState.value)
    ).scalar_one()
    return list(range(last - n + 1, last + 1))


def take_sequence(conn: Connection, n: int = 1) -> int:
    """One new sequence number (``n`` = 1; for more use ``take_sequences``: on PostgreSQL the
    numbers of one transaction need not be consecutive)."""
    if n == 0:
        return high_water(conn)
    return take_sequences(conn, n)[-1]


def lock_checks(conn: Connection, keys: Iterable[tuple[str, str]]) -> None:
    """Lock the per-village check rows (scope, kind) this transaction's writes will change, in key
    order (PostgreSQL): the triggers then update rows already held, and two pushes of one village
    queue here instead of deadlocking between their COPY and their updates."""
    keys = sorted(set(keys))
    if not keys or not is_postgres(conn) or any("," in s for s, _k in keys):
        return  # (a scope is a region code; one with a comma only meets the triggers' order)
    scopes, kinds = (",".join(col) for col in zip(*keys, strict=True))
    conn.exec_driver_sql(
        "INSERT INTO scope_checks (scope, kind, count, digest, high) "
        "SELECT s, k, 0, 0, 0 FROM unnest(string_to_array(%s, ','), string_to_array(%s, ',')) "
        "WITH ORDINALITY AS t(s, k, n) ORDER BY n "
        "ON CONFLICT (scope, kind) DO UPDATE SET count = scope_checks.count",
        (scopes, kinds),
    )


def insert_records(conn: Connection, rows: list[RecordRow]) -> None:
    """New records."""
    if not rows:
        return
    names = ", ".join(RECORD_COLUMNS)
    if is_postgres(conn):
        import psycopg

        sql = f"COPY records ({names}) FROM STDIN"
        try:
            raw = conn.connection.driver_connection
            assert raw is not None  # a checked-out connection always has its driver connection
            with raw.cursor() as cursor, cursor.copy(sql) as copy:
                for row in rows:
                    copy.write_row(row)
        except psycopg.Error as exc:
            # Straight from the driver: give callers the SQLAlchemy exception they handle elsewhere
            # (a record another push created first is an IntegrityError, and that push is retried).
            raise DBAPIError.instance(sql, None, exc, psycopg.Error, dialect=conn.dialect) from exc
        return
    conn.exec_driver_sql(f"INSERT INTO records ({names}) VALUES ({_marks(conn, len(RECORD_COLUMNS))})", rows)


def update_records(conn: Connection, rows: list[RecordRow]) -> None:
    """Replaced records (found by kind and id; the owner stays)."""
    if not rows:
        return
    m = "%s" if is_postgres(conn) else "?"
    sets = ", ".join(f"{c} = {m}" for c in UPDATED_COLUMNS)
    values = attrgetter(*UPDATED_COLUMNS)
    params = [(*values(r), r.kind, r.id) for r in rows]
    conn.exec_driver_sql(f"UPDATE records SET {sets} WHERE kind = {m} AND id = {m}", params)


def load_records(
    conn: Connection, keys: Iterable[tuple[str, str]], *, lock: str | None = None
) -> dict[tuple[str, str], Any]:
    """Current rows of these records. ``lock``: "update" or "share" row locks on PostgreSQL (taken
    in key order so concurrent pushes queue instead of deadlocking); ignored on SQLite, where the
    transaction already holds the database's one write lock."""
    by_kind: dict[str, set[str]] = {}
    for kind, rid in keys:
        by_kind.setdefault(kind, set()).add(rid)
    found = {}
    suffix = {"update": " FOR UPDATE", "share": " FOR SHARE"}.get(lock or "", "") if is_postgres(conn) else ""
    for kind in sorted(by_kind):
        match, param = _id_list(conn, sorted(by_kind[kind]))
        result = conn.exec_driver_sql(
            "SELECT kind, id, rev, scope, owner, payload, deleted FROM records "
            f"WHERE kind = {_marks(conn, 1)} AND id {match} ORDER BY id{suffix}",
            (kind, param),
        )
        for row in result:
            found[(row.kind, row.id)] = row
    return found


# --- reading ---------------------------------------------------------------------------------------

PULL_META = ("id", "rev", "scope", "owner", "device_id", "created_at", "updated_at", "deleted")


def _scope_filter(scope: Scope, column: Any = Record.scope, kind: Any = Record.kind):  # noqa: ANN202
    """Rows of the scope: code ranges of the regions (the tree is in the codes, regions.scope),
    plus committees of the regions above."""
    if scope.everything:
        return None
    clauses = [column.between(lo, hi) for lo, hi in scope.ranges()]
    if scope.above:
        clauses.append(and_(kind == "committees", column.in_(sorted(scope.above))))
    return or_(*clauses) if clauses else column.is_(None)


def changed_rows(
    conn: Connection, scope: Scope, after: int, high: int, limit: int, kinds: list[str] | None
) -> list[Any]:
    """Up to ``limit`` rows with after < seq <= high in the scope, by seq: kind, PULL_META, payload, seq.

    Two steps: the page's sequence numbers first (from the ``(scope, seq)`` index alone), then
    only those rows. In one step a township's page sorted all its rows after the cursor, payloads
    and all, on every page: a first pull of 50,000 records read them ten times over. A row changed
    between the two steps moved to a seq above ``high``: the next pull brings it."""
    if is_postgres(conn) and not scope.everything:
        seqs = _page_seqs_by_scope(conn, scope, after, high, limit, kinds)
    else:
        keys = select(Record.seq).where(Record.seq > after, Record.seq <= high)
        flt = _scope_filter(scope)
        if flt is not None:
            keys = keys.where(flt)
        if kinds:
            keys = keys.where(Record.kind.in_(kinds))
        seqs = list(conn.execute(keys.order_by(Record.seq).limit(limit)).scalars())
    if not seqs:
        return []
    columns = (Record.kind, *(getattr(Record, m) for m in PULL_META), Record.payload, Record.seq)
    if is_postgres(conn):
        match, param = "= ANY(string_to_array(%s, ',')::bigint[])", ",".join(map(str, seqs))
    else:
        match, param = "IN (SELECT value FROM json_each(?))", json.dumps(seqs)
    names = ", ".join(c.name for c in columns)
    return list(conn.exec_driver_sql(f"SELECT {names} FROM records WHERE seq {match} ORDER BY seq", (param,)))


BRANCHES = 400  # scopes per statement of a page's keys (a county has ~200 villages and townships)


def _page_seqs_by_scope(
    conn: Connection, scope: Scope, after: int, high: int, limit: int, kinds: list[str] | None
) -> list[int]:
    """The page's sequence numbers on PostgreSQL: a merge of one ordered ``(scope, seq)`` index
    range per region code of the scope that has changed since the cursor (its mark in
    ``scope_checks`` is above it; the marks of everything at or below ``high`` are committed, read
    after it). Each branch reads its codes' entries in seq order and stops after the page: a page
    costs what it brings, not what the scope or the province holds.

    One statement with a range filter (``scope BETWEEN … OR committees above``) let the planner
    walk the whole ``seq`` index filtering rows by scope: a township's last page read every row of
    a 10M-record province (15 s), its other pages every row between two of its own."""
    table = ScopeCheck.__table__.c
    marks = select(table.scope, table.kind).where(table.high > after)
    flt = _scope_filter(scope, table.scope, table.kind)
    if flt is not None:
        marks = marks.where(flt)
    if kinds:
        marks = marks.where(table.kind.in_(kinds))
    branches: dict[str, set[str] | None] = {}
    for code, kind in conn.execute(marks):
        if kinds or not scope.can_write(code):
            # Only these kinds of that code (a code above the scope: its committees).
            held = branches.setdefault(code, set())
            if held is not None:
                held.add(kind)
        else:
            branches[code] = None  # every kind
    if not branches:
        return []
    codes = sorted(branches)
    seqs: list[int] = []
    # after, high and limit are integers written into the text: with them as parameters a
    # prepared statement's generic plan would not know how few rows each branch must read.
    bounds = f"seq > {int(after)} AND seq <= {int(high)}"
    for start in range(0, len(codes), BRANCHES):
        parts, params = [], []
        for code in codes[start : start + BRANCHES]:
            only = branches[code]
            kind_match = ""
            if only is not None:
                kind_match = " AND kind = ANY(%s)"
                params += [code, sorted(only)]
            else:
                params.append(code)
            parts.append(
                f"(SELECT seq FROM records WHERE scope = %s{kind_match} AND {bounds} "
                f"ORDER BY seq LIMIT {int(limit)})"
            )
        sql = f"SELECT seq FROM ({' UNION ALL '.join(parts)}) AS page ORDER BY seq LIMIT {int(limit)}"
        seqs += [r[0] for r in conn.exec_driver_sql(sql, tuple(params))]
    if len(codes) > BRANCHES:
        seqs = sorted(seqs)[:limit]
    return seqs


def revisions_in_scope(conn: Connection, scope: Scope, high: int) -> Any:
    """(kind, id, rev) of every record in the scope with seq <= high."""
    query = select(Record.kind, Record.id, Record.rev).where(Record.seq <= high)
    flt = _scope_filter(scope)
    if flt is not None:
        query = query.where(flt)
    return conn.execute(query)


def note_skipped(conn: Connection, skipped: list[tuple[str, str, int, str]]) -> None:
    """Remember (kind, id, rev, reason) of rows pull left out; a newer revision replaces the note."""
    if not skipped:
        return
    table = SkippedRecord.__table__
    insert = postgresql.insert if is_postgres(conn) else sqlite.insert
    now = utcnow()
    rows = {
        (k[:32], i[:36]): {"kind": k[:32], "id": i[:36], "rev": r, "reason": why, "seen_at": now}
        for k, i, r, why in skipped
    }
    stmt = insert(table).values(list(rows.values()))
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=["kind", "id"],
            set_={"rev": stmt.excluded.rev, "reason": stmt.excluded.reason, "seen_at": stmt.excluded.seen_at},
        )
    )


def skipped_revisions(conn: Connection) -> set[tuple[str, str, int]]:
    """(kind, id, rev) of every row pull has left out (a handful city-wide, if any)."""
    rows = conn.execute(select(SkippedRecord.kind, SkippedRecord.id, SkippedRecord.rev))
    return {(kind, rid, rev) for kind, rid, rev in rows}


# --- the per-village checks (migration 0006: kept by triggers on ``records``) ---------------------


def scope_checks(conn: Connection, scope: Scope) -> tuple[int, dict[str, tuple[int, int]]]:
    """(highest seq, kind -> (count, XOR of record checks)) over the scope, from villages × kinds
    rows in one statement (one snapshot: the counts are those of the records up to that seq)."""
    table = ScopeCheck.__table__.c
    flt = _scope_filter(scope, table.scope, table.kind)
    if is_postgres(conn):
        query = select(
            table.kind, func.sum(table.count), func.bit_xor(table.digest), func.max(table.high)
        ).group_by(table.kind)
        if flt is not None:
            query = query.where(flt)
        out: dict[str, tuple[int, int]] = {}
        high = 0
        for kind, count, digest, top in conn.execute(query):
            out[kind] = (int(count), int(digest))
            high = max(high, top or 0)
        return high, out
    # SQLite (a town's server, not a province's): fold the rows here.
    query = select(table.kind, table.count, table.digest, table.high)
    if flt is not None:
        query = query.where(flt)
    out = {}
    high = 0
    for kind, count, digest, top in conn.execute(query):
        n, d = out.get(kind, (0, 0))
        out[kind] = (n + count, d ^ digest)
        high = max(high, top or 0)
    return high, out


def scope_mark(conn: Connection, scope: Scope) -> int:
    """The highest seq written in the scope (committed): the no-op sync's one indexed read."""
    table = ScopeCheck.__table__.c
    query = select(func.max(table.high))
    flt = _scope_filter(scope, table.scope, table.kind)
    if flt is not None:
        query = query.where(flt)
    return conn.execute(query).scalar() or 0


def skipped_in_scope(conn: Connection, scope: Scope) -> list[tuple[str, str, int]]:
    """(kind, id, rev) of the current revisions pull left out, in the scope (a handful, if any)."""
    query = select(Record.kind, Record.id, Record.rev).join(
        SkippedRecord,
        and_(
            SkippedRecord.kind == Record.kind, SkippedRecord.id == Record.id, SkippedRecord.rev == Record.rev
        ),
    )
    flt = _scope_filter(scope)
    if flt is not None:
        query = query.where(flt)
    return [(k, i, r) for k, i, r in conn.execute(query)]
