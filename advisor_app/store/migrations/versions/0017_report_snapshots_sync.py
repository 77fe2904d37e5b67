"""Report snapshots sync (issue 18): exported reports are kept in the syncable ``filed_reports``.

The local ``report_snapshots`` of 0013 had an integer id; a synced record needs a UUID and the
sync columns, and an upgrade never alters or drops a stored row, so the snapshots are copied into
the new table and the old one is left as it was (no longer written). Copies filed for a region are
queued for the next sync (rev 1 and a change-log entry), so what a village filed already reaches
its township; a whole-store one (region "") has no scope, becomes NULL and stays local (rev 0).

Revision ID: 0017
Revises: 0016
"""

import json
import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    table = op.create_table(
        "filed_reports",
        sa.Column("form", sa.String(length=32), nullable=False),
        sa.Column("region_code", sa.String(length=12), nullable=True),
        sa.Column("period", sa.String(length=16), nullable=False),
        sa.Column("exported_at", sa.DateTime(), nullable=False),
        sa.Column("exported_by", sa.String(length=64), nullable=False),
        sa.Column("figures", sa.JSON(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.Column("owner", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_filed_reports")),
    )
    op.create_index(
        "ix_filed_reports_lookup", "filed_reports", ["form", "region_code", "period", "exported_at"]
    )
    conn = op.get_bind()
    old = conn.execute(
        sa.text(
            "SELECT form, region_code, period, exported_at, exported_by, figures FROM report_snapshots ORDER BY id"
        )
    ).all()
    if not old:
        return
    device = conn.execute(sa.text("SELECT value FROM settings WHERE key = 'device_id'")).scalar() or ""
    now = datetime.now(UTC).replace(tzinfo=None)
    rows, logged = [], []
    for form, region, period, raw_at, exported_by, figures in old:
        exported_at = _when(raw_at)
        rid = str(uuid.uuid4())
        rev = 1 if region else 0
        rows.append(
            {
                "form": form,
                "region_code": region or None,
                "period": period,
                "exported_at": exported_at,
                "exported_by": exported_by,
                "figures": _decoded(figures),
                "id": rid,
                "rev": rev,
                "owner": exported_by or "",
                "device_id": device,
                "created_at": exported_at,
                "updated_at": exported_at,
                "deleted": False,
            }
        )
        if rev:
            logged.append({"table_name": "filed_reports", "record_id": rid, "rev": 1, "changed_at": now})
    op.bulk_insert(table, rows)
    if logged:
        change_log = sa.table(
            "change_log",
            sa.column("table_name", sa.String),
            sa.column("record_id", sa.String),
            sa.column("rev", sa.Integer),
            sa.column("changed_at", sa.DateTime),
        )
        op.bulk_insert(change_log, logged)


def _decoded(value: object) -> object:
    # the raw JSON text read back: decoded so the JSON column encodes it once
    return json.loads(value) if isinstance(value, str) else value


def _when(value: object) -> object:
    # a text() read of SQLite gives the stored text; the DateTime column takes only datetimes
    return datetime.fromisoformat(value) if isinstance(value, str) else value


def downgrade() -> None:
    op.execute("DELETE FROM change_log WHERE table_name = 'filed_reports'")
    op.drop_index("ix_filed_reports_lookup", table_name="filed_reports")
    op.drop_table("filed_reports")
