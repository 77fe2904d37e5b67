"""Indexes for township figures and lists: (village, date) on consultations, cases and activities.

Revision ID: 0003
Revises: 0002
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_consultations_region_time", "consultations", ["region_code", "occurred_at"]),
    ("ix_cases_region_accepted", "cases", ["region_code", "accepted_on"]),
    ("ix_activities_region_held", "activities", ["region_code", "held_on"]),
    ("ix_ratings_kind_rated", "ratings", ["target_kind", "rated_on"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _ in INDEXES:
        op.drop_index(name, table_name=table)
