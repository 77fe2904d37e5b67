"""Sync client bookkeeping: pull cursor, per-record sync state, local conflict copies.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_cursors",
        sa.Column("name", sa.String(32), nullable=False),
        sa.Column("server", sa.String(256), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("push_mark", sa.Integer(), nullable=False),
        sa.Column("checked_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("name", name="pk_sync_cursors"),
    )
    op.create_table(
        "sync_record_states",
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("server_rev", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("pushed_rev", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(32), nullable=True),
        sa.Column("message", sa.Text(), nullable=True),
        sa.Column("field", sa.String(64), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "record_id", name="pk_sync_record_states"),
    )
    op.create_index("ix_sync_record_states_state", "sync_record_states", ["state"])
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("reason", sa.String(32), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("mine", sa.JSON(), nullable=False),
        sa.Column("mine_rev", sa.Integer(), nullable=False),
        sa.Column("theirs", sa.JSON(), nullable=True),
        sa.Column("theirs_rev", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("resolution", sa.String(16), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_sync_conflicts"),
    )
    op.create_index("ix_sync_conflicts_record_id", "sync_conflicts", ["record_id"])
    op.create_index("ix_sync_conflicts_status", "sync_conflicts", ["status"])


def downgrade() -> None:
    op.drop_table("sync_conflicts")
    op.drop_table("sync_record_states")
    op.drop_table("sync_cursors")
