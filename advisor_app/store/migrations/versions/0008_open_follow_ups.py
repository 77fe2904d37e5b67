"""A partial index over the bad ratings still waiting for their follow-up (差评回访).

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_ratings_follow_up_open",
        "ratings",
        ["follow_up_due"],
        sqlite_where=sa.text("followed_up_on IS NULL AND follow_up_due IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_ratings_follow_up_open", table_name="ratings")
