"""行政区划: a village can be retired (撤并) without losing the records that name it.

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN: rebuilding the table (batch mode) would have to juggle the tables that
    # reference regions; a constant default is all SQLite needs.
    op.add_column("regions", sa.Column("retired", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    op.drop_column("regions", "retired")
