"""Chinese substring search: search_docs and its trigram FTS5 index, filled from existing records.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

from advisor_app.store import search

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    search.create(conn)
    search.rebuild(conn)


def downgrade() -> None:
    for name in ("search_docs_ai", "search_docs_ad", "search_docs_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS search_fts")
    op.execute("DROP TABLE IF EXISTS search_docs")
