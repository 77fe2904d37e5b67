"""卷宗 ticks: “纸质材料已归卷” for a required paper document, with who and when (synced like the case).

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_file_ticks",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("item", sa.String(length=32), nullable=False),
        sa.Column("ticked_by", sa.String(length=64), nullable=False),
        sa.Column("ticked_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.Column("owner", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_case_file_ticks_case_id_cases")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_file_ticks")),
    )
    with op.batch_alter_table("case_file_ticks") as batch:
        batch.create_index(batch.f("ix_case_file_ticks_case_id"), ["case_id"], unique=False)


def downgrade() -> None:
    op.drop_table("case_file_ticks")
