"""Figures a county can file: 差评回访 recorded, 履行 dated, 零上报 corrections, report snapshots.

Revision ID: 0013
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMNs (nullable): a batch rebuild would have to juggle the tables that refer to these.
    op.add_column("ratings", sa.Column("followed_up_by", sa.String(length=64), nullable=True))
    op.add_column("ratings", sa.Column("follow_up_action", sa.Text(), nullable=True))
    op.add_column("agreements", sa.Column("performed_on", sa.Date(), nullable=True))
    op.add_column("zero_reports", sa.Column("correction", sa.Text(), nullable=True))
    op.add_column("zero_reports", sa.Column("corrected_on", sa.Date(), nullable=True))
    # Agreements performed before this column existed: the signing day is the only date known
    # (the figures read COALESCE(performed_on, signed_on) too, for rows synced from older clients).
    op.execute(
        "UPDATE agreements SET performed_on = signed_on WHERE performed = '已履行' AND performed_on IS NULL"
    )
    # 调解成功 counts by the signing day; a confirmation belongs to its agreement version.
    op.create_index(op.f("ix_agreements_signed_on"), "agreements", ["signed_on"])
    op.create_index(op.f("ix_agreements_performed_on"), "agreements", ["performed_on"])
    op.create_index(
        op.f("ix_judicial_confirmations_agreement_id"), "judicial_confirmations", ["agreement_id"]
    )
    op.create_table(
        "report_snapshots",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("form", sa.String(length=32), nullable=False),
        sa.Column("region_code", sa.String(length=12), nullable=False),
        sa.Column("period", sa.String(length=16), nullable=False),
        sa.Column("exported_at", sa.DateTime(), nullable=False),
        sa.Column("exported_by", sa.String(length=64), nullable=False),
        sa.Column("figures", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_snapshots")),
    )
    op.create_index("ix_report_snapshots_lookup", "report_snapshots", ["form", "region_code", "period", "id"])


def downgrade() -> None:
    op.drop_index("ix_report_snapshots_lookup", table_name="report_snapshots")
    op.drop_table("report_snapshots")
    op.drop_index(op.f("ix_judicial_confirmations_agreement_id"), table_name="judicial_confirmations")
    op.drop_index(op.f("ix_agreements_signed_on"), table_name="agreements")
    op.drop_index(op.f("ix_agreements_performed_on"), table_name="agreements")
    with op.batch_alter_table("zero_reports") as batch:
        batch.drop_column("corrected_on")
        batch.drop_column("correction")
    with op.batch_alter_table("agreements") as batch:
        batch.drop_column("performed_on")
    with op.batch_alter_table("ratings") as batch:
        batch.drop_column("follow_up_action")
        batch.drop_column("followed_up_by")
