"""Covering indexes for the lists' id columns (newest first) over live records.

Revision ID: 0005
Revises: 0004
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_consultations_live_time", "consultations", ["deleted", "occurred_at", "id"]),
    ("ix_cases_live_accepted", "cases", ["deleted", "accepted_on", "id"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _ in INDEXES:
        op.drop_index(name, table_name=table)
