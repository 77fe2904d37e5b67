"""Rating by phone (issue 19): who gave a rating (staff / self) and what went wrong.

``source``: ``staff`` (工作人员录入, every rating so far) or ``self`` (当事人扫码: given by the person
served on the city server's phone page and pulled like any record). ``problems``: the 不满意 choices
and text from the phone page. ``appeal_*``: the 申诉 of a mistaken or malicious rating (filed by the
village, decided by the township; an upheld one no longer counts).

Revision ID: 0015
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN with a constant default: no table rebuild for a store of any size.
    op.add_column("ratings", sa.Column("source", sa.String(length=8), nullable=False, server_default="staff"))
    op.add_column("ratings", sa.Column("problems", sa.Text(), nullable=True))
    # 申诉 of a mistaken or malicious rating: filed by the village, decided by the township
    op.add_column("ratings", sa.Column("appeal_status", sa.String(length=8), nullable=True))
    op.add_column("ratings", sa.Column("appeal_reason", sa.Text(), nullable=True))
    op.add_column("ratings", sa.Column("appeal_filed_on", sa.Date(), nullable=True))
    op.add_column("ratings", sa.Column("appeal_decided_by", sa.String(length=64), nullable=True))
    op.add_column("ratings", sa.Column("appeal_decided_on", sa.Date(), nullable=True))
    op.add_column("ratings", sa.Column("appeal_decision", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("ratings") as batch:
        for name in (
            "appeal_decision",
            "appeal_decided_on",
            "appeal_decided_by",
            "appeal_filed_on",
            "appeal_reason",
            "appeal_status",
        ):
            batch.drop_column(name)
        batch.drop_column("problems")
        batch.drop_column("source")
