"""records.parent_id and records.sha256, indexed

Attachment download (which record refers to this file?) and ownership hand-over (which records
hang under this case?) searched the payload text; these columns copy the two values out of the
payload so both are index lookups. Existing rows are filled from their payloads.

Revision ID: 0002
Revises: 0001
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The parent field of each kind at the time of this migration (sync.protocol.PARENTS may grow
# later; a migration must keep doing what it did).
PARENT_FIELDS = {
    "case_parties": "case_id",
    "mediation_sessions": "case_id",
    "agreements": "case_id",
    "return_visits": "case_id",
    "judicial_confirmations": "case_id",
    "trainings": "legal_literate_id",
    "activity_participants": "activity_id",
    "ratings": "target_id",
    "attachments": "target_id",
}


def upgrade() -> None:
    with op.batch_alter_table("records", schema=None) as batch_op:
        batch_op.add_column(sa.Column("parent_id", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("sha256", sa.String(length=64), nullable=True))
    # Partial indexes: most kinds have neither value, and their rows then cost the indexes nothing.
    for column in ("parent_id", "sha256"):
        where = sa.text(f"{column} IS NOT NULL")
        op.create_index(
            f"ix_records_{column}",
            "records",
            [column],
            unique=False,
            sqlite_where=where,
            postgresql_where=where,
        )

    records = sa.table(
        "records",
        sa.column("kind", sa.String),
        sa.column("id", sa.String),
        sa.column("payload", sa.Text),
        sa.column("parent_id", sa.String),
        sa.column("sha256", sa.String),
    )
    conn = op.get_bind()
    updates = []
    rows = conn.execute(
        sa.select(records.c.kind, records.c.id, records.c.payload).where(
            records.c.kind.in_(list(PARENT_FIELDS))
        )
    )
    for kind, rid, payload in rows:
        data = json.loads(payload)
        parent = data.get(PARENT_FIELDS[kind])
        sha = data.get("sha256") if kind == "attachments" else None
        parent = parent if isinstance(parent, str) and len(parent) <= 36 else None
        sha = sha if isinstance(sha, str) and len(sha) <= 64 else None
        if parent is not None or sha is not None:
            updates.append({"b_kind": kind, "b_id": rid, "b_parent": parent, "b_sha": sha})
    if updates:
        conn.execute(
            records.update()
            .where(records.c.kind == sa.bindparam("b_kind"), records.c.id == sa.bindparam("b_id"))
            .values(parent_id=sa.bindparam("b_parent"), sha256=sa.bindparam("b_sha")),
            updates,
        )


def downgrade() -> None:
    op.drop_index("ix_records_sha256", table_name="records")
    op.drop_index("ix_records_parent_id", table_name="records")
    with op.batch_alter_table("records", schema=None) as batch_op:
        batch_op.drop_column("sha256")
        batch_op.drop_column("parent_id")
