"""Rating by phone (issue 19): a per-device key for the 评价码 and the ratings given on the phone page

``devices.rating_key``: the HMAC key an installation signs its 评价码 with (issued at login, or at
the next sync for a device logged in before). ``phone_ratings``: one rating per code, kept until
the rated record arrives and a ratings record is made for it.

Revision ID: 0005
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("devices") as batch:
        batch.add_column(sa.Column("rating_key", sa.String(length=64), nullable=True))
    op.create_table(
        "phone_ratings",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("device_no", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("ref", sa.BigInteger(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("code_day", sa.String(length=10), nullable=False),
        sa.Column("grade", sa.String(length=8), nullable=False),
        sa.Column("rated_on", sa.String(length=10), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("problems", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=True),
        sa.Column("rating_id", sa.String(length=36), nullable=True),
        sa.Column("linked_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_phone_ratings")),
        sa.UniqueConstraint("device_no", "kind", "ref", name="uq_phone_ratings_code"),
    )
    op.create_index(op.f("ix_phone_ratings_ref"), "phone_ratings", ["ref"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_phone_ratings_ref"), table_name="phone_ratings")
    op.drop_table("phone_ratings")
    with op.batch_alter_table("devices") as batch:
        batch.drop_column("rating_key")
