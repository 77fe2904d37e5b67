"""City and province scale (issue 17): per-village checks, a sequence instead of the seq row lock,
number locks per committee

``scope_checks``: per (scope, kind) the count of records, the XOR of their protocol-2 checks
(``sync.protocol.record_check``) and the highest seq written; kept by triggers on ``records`` in
the transaction of every write (insert, update, tombstone, delete, whoever writes), so the
post-sync check and the no-op sync read villages × kinds rows, never the records.

PostgreSQL: ``record_seq`` numbers accepted changes (no row lock held until commit; the
visibility horizon comes from the pushes in flight, sync/server/changes/repository.py).
``number_locks``: one row per committee, locked while a block is cut.

Revision ID: 0006
Revises: 0005
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The record check in SQL: the same bytes as sync.protocol.record_check.
PG_CHECK = """
CREATE OR REPLACE FUNCTION advisor_check(k text, i text, r integer) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ('x' || left(encode(sha256(convert_to(k || ':' || i || ':' || r::text, 'UTF8')), 'hex'), 16))::bit(64)::bigint
$$
"""

# Statement-level triggers with transition tables: a COPY of 5,000 rows is one upsert per
# (scope, kind), in key order (two pushes of one village cannot deadlock on these rows).
PG_UPSERT = """
INSERT INTO scope_checks (scope, kind, count, digest, high)
SELECT scope, kind, sum(n), bit_xor(h), max(s) FROM ({rows}) d GROUP BY scope, kind ORDER BY scope, kind
ON CONFLICT (scope, kind) DO UPDATE SET
  count = scope_checks.count + EXCLUDED.count,
  digest = scope_checks.digest # EXCLUDED.digest,
  high = greatest(scope_checks.high, EXCLUDED.high)
"""
PG_FUNCTIONS = {
    "insert": PG_UPSERT.format(
        rows="SELECT scope, kind, 1 AS n, advisor_check(kind, id, rev) AS h, seq AS s FROM new_rows"
    ),
    # The old scope's mark moves too: a device there learns that something left its scope.
    "update": PG_UPSERT.format(
        rows="SELECT scope, kind, -1 AS n, advisor_check(kind, id, rev) AS h, "
        "(SELECT max(seq) FROM new_rows) AS s FROM old_rows "
        "UNION ALL SELECT scope, kind, 1, advisor_check(kind, id, rev), seq FROM new_rows"
    ),
    "delete": PG_UPSERT.format(
        rows="SELECT scope, kind, -1 AS n, advisor_check(kind, id, rev) AS h, 0::bigint AS s FROM old_rows"
    ),
}
PG_REFERENCING = {
    "insert": "NEW TABLE AS new_rows",
    "update": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
    "delete": "OLD TABLE AS old_rows",
}

# SQLite: row triggers; advisor_check is registered on every connection (sync.server.database).
# XOR spelled with AND/OR/NOT: (a | b) & ~(a & b).
SQLITE_ADD = """
INSERT INTO scope_checks (scope, kind, count, digest, high)
VALUES (NEW.scope, NEW.kind, 1, advisor_check(NEW.kind, NEW.id, NEW.rev), NEW.seq)
ON CONFLICT (scope, kind) DO UPDATE SET count = count + 1,
  digest = (digest | excluded.digest) & ~(digest & excluded.digest), high = max(high, excluded.high);
"""
SQLITE_REMOVE = """
INSERT INTO scope_checks (scope, kind, count, digest, high)
VALUES (OLD.scope, OLD.kind, -1, advisor_check(OLD.kind, OLD.id, OLD.rev), {high})
ON CONFLICT (scope, kind) DO UPDATE SET count = count - 1,
  digest = (digest | excluded.digest) & ~(digest & excluded.digest), high = max(high, excluded.high);
"""


def upgrade() -> None:
    op.create_table(
        "scope_checks",
        sa.Column("scope", sa.String(length=12), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("count", sa.BigInteger(), nullable=False),
        sa.Column("digest", sa.BigInteger(), nullable=False),
        sa.Column("high", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("scope", "kind", name=op.f("pk_scope_checks")),
    )
    op.create_table(
        "number_locks",
        sa.Column("committee_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("committee_id", name=op.f("pk_number_locks")),
    )
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute(PG_CHECK)
        op.execute(
            "INSERT INTO scope_checks (scope, kind, count, digest, high) "
            "SELECT scope, kind, count(*), coalesce(bit_xor(advisor_check(kind, id, rev)), 0), max(seq) "
            "FROM records GROUP BY scope, kind"
        )
        for event, body in PG_FUNCTIONS.items():
            op.execute(
                f"CREATE FUNCTION records_checks_{event}() RETURNS trigger LANGUAGE plpgsql AS $$ "
                f"BEGIN {body}; RETURN NULL; END $$"
            )
            op.execute(
                f"CREATE TRIGGER records_checks_{event} AFTER {event.upper()} ON records "
                f"REFERENCING {PG_REFERENCING[event]} FOR EACH STATEMENT "
                f"EXECUTE FUNCTION records_checks_{event}()"
            )
        # Sequence numbers from a sequence: MINVALUE 0 so an empty server starts at 0, as before.
        op.execute("CREATE SEQUENCE record_seq MINVALUE 0 START 1")
        op.execute("SELECT setval('record_seq', (SELECT value FROM sync_state WHERE name = 'seq'), true)")
    else:
        op.execute(
            "INSERT INTO scope_checks (scope, kind, count, digest, high) "
            "SELECT scope, kind, count(*), 0, max(seq) FROM records GROUP BY scope, kind"
        )
        # SQLite has no XOR aggregate: fold the existing records in Python, once.
        acc: dict[tuple[str, str], int] = {}
        for scope, kind, check in bind.exec_driver_sql(
            "SELECT scope, kind, advisor_check(kind, id, rev) FROM records"
        ):
            acc[(scope, kind)] = acc.get((scope, kind), 0) ^ check
        if acc:
            bind.exec_driver_sql(
                "UPDATE scope_checks SET digest = ? WHERE scope = ? AND kind = ?",
                [(d, s, k) for (s, k), d in acc.items()],
            )
        op.execute(f"CREATE TRIGGER records_checks_insert AFTER INSERT ON records BEGIN {SQLITE_ADD} END")
        op.execute(
            "CREATE TRIGGER records_checks_update AFTER UPDATE ON records BEGIN "
            f"{SQLITE_REMOVE.format(high='NEW.seq')} {SQLITE_ADD} END"
        )
        op.execute(
            f"CREATE TRIGGER records_checks_delete AFTER DELETE ON records BEGIN {SQLITE_REMOVE.format(high=0)} END"
        )


def downgrade() -> None:
    bind = op.get_bind()
    for event in ("insert", "update", "delete"):
        op.execute(
            f"DROP TRIGGER IF EXISTS records_checks_{event}"
            + (" ON records" if bind.dialect.name == "postgresql" else "")
        )
    if bind.dialect.name == "postgresql":
        op.execute("UPDATE sync_state SET value = (SELECT last_value FROM record_seq) WHERE name = 'seq'")
        for event in ("insert", "update", "delete"):
            op.execute(f"DROP FUNCTION IF EXISTS records_checks_{event}()")
        op.execute("DROP SEQUENCE IF EXISTS record_seq")
        op.execute("DROP FUNCTION IF EXISTS advisor_check(text, text, integer)")
    op.drop_table("number_locks")
    op.drop_table("scope_checks")
