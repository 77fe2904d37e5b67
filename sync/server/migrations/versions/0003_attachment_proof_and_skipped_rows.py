"""blob_uploaders (who proved they hold a file's bytes) and skipped_records (rows pull cannot serve)

Attachments by proof: a file is readable only through an attachment record in the reader's
scope, and such a record is accepted only from an account that uploaded the bytes (or could
already read them). ``blob_uploaders`` keeps who uploaded what; the first uploader of each blob
stored before this migration is carried over from ``blobs.account_id``.

``skipped_records``: a stored row that pull cannot serialize is left out of the page (and of the
summary) and remembered here by (kind, id, rev), so the post-sync check does not count it.

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "blob_uploaders",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", "account_id", name=op.f("pk_blob_uploaders")),
    )
    op.execute(
        "INSERT INTO blob_uploaders (sha256, account_id, created_at) SELECT sha256, account_id, created_at FROM blobs"
    )
    op.create_table(
        "skipped_records",
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=64), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "id", name=op.f("pk_skipped_records")),
    )
    op.create_index("ix_number_blocks_committee_created", "number_blocks", ["committee_id", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_number_blocks_committee_created", table_name="number_blocks")
    op.drop_table("skipped_records")
    op.drop_table("blob_uploaders")
