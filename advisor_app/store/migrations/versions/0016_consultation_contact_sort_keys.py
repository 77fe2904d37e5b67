"""List sort keys (issue 15 §6): the pinyin of record names, so 姓名 sorts as a clerk reads it.

The consultation's 联系电话 / 身份证号 needed no column: they live on the 服务对象 (persons) record
the consultation points to (``services.consultations.CONTACT``).

``sort_keys`` is local (never synced): one row per named record, keyed by its id, holding the name
it was made from; ``services.listing`` fills missing or stale rows before a sort by name.

Revision ID: 0016
Revises: 0015
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sort_keys",
        sa.Column("record_id", sa.String(length=36), primary_key=True),
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.Column("key", sa.String(length=400), nullable=False),
    )
    op.create_index("ix_sort_keys_key", "sort_keys", ["key"])
    # The keys of the names already there, made once here (about 4 s per 100,000 names) rather
    # than at the first click on 姓名; later records get theirs before a sort (services.listing).
    from advisor_app.services.listing import sort_key

    conn = op.get_bind()
    for table, column in (("legal_literates", "name"), ("consultations", "person_name")):
        rows = conn.execute(
            sa.text(f"SELECT id, {column} FROM {table} WHERE {column} IS NOT NULL AND {column} <> ''")
        ).all()
        if rows:
            conn.execute(
                sa.text("INSERT OR REPLACE INTO sort_keys (record_id, name, key) VALUES (:id, :name, :key)"),
                [{"id": rid, "name": name, "key": sort_key(name)} for rid, name in rows],
            )


def downgrade() -> None:
    op.drop_index("ix_sort_keys_key", table_name="sort_keys")
    op.drop_table("sort_keys")
