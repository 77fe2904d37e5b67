"""Server migration 0006 on a server with records: the per-village checks are filled from them
(count, XOR of record checks, highest seq), the triggers keep them from then on, PostgreSQL's
sequence continues after the last number, and the migration goes down and up again."""

from __future__ import annotations

from alembic import command
from sqlalchemy import delete, insert, select, text, update

from sync.protocol import canonical_json, record_check
from sync.server.changes.repository import high_water, take_sequences
from sync.server.database import alembic_config, upgrade
from sync.server.db import Record, ScopeCheck

from .conftest import VILLAGE, VILLAGE_2
from .helpers import new_id
from .test_migrations import engine  # noqa: F401 - the fixture (SQLite file, PostgreSQL schema)


def _truth(conn) -> dict[tuple[str, str], tuple[int, int, int]]:  # noqa: ANN001
    out: dict[tuple[str, str], tuple[int, int, int]] = {}
    for kind, rid, rev, scope, seq in conn.execute(
        select(Record.kind, Record.id, Record.rev, Record.scope, Record.seq)
    ):
        n, d, h = out.get((scope, kind), (0, 0, 0))
        out[(scope, kind)] = (n + 1, d ^ record_check(kind, rid, rev), max(h, seq))
    return out


def _kept(conn) -> dict[tuple[str, str], tuple[int, int, int]]:  # noqa: ANN001
    return {
        (s, k): (n, d, h)
        for s, k, n, d, h in conn.execute(
            select(ScopeCheck.scope, ScopeCheck.kind, ScopeCheck.count, ScopeCheck.digest, ScopeCheck.high)
        )
        if n
    }


def _agree(conn) -> None:  # noqa: ANN001
    """Counts and XORs equal the records'; a mark is at least the highest seq held (a record that
    left a village raised that village's mark too: its devices learn something changed)."""
    kept, truth = _kept(conn), _truth(conn)
    assert {k: v[:2] for k, v in kept.items()} == {k: v[:2] for k, v in truth.items()}
    assert all(kept[k][2] >= truth[k][2] for k in truth)


def test_checks_are_filled_on_upgrade_and_kept_by_the_triggers(engine):  # noqa: F811
    cfg = alembic_config(engine)
    command.upgrade(cfg, "0005")
    with engine.begin() as conn:
        for seq in range(1, 41):
            conn.execute(
                insert(Record).values(
                    kind="consultations" if seq % 3 else "cases",
                    id=new_id(),
                    rev=seq % 4 + 1,
                    scope=VILLAGE if seq % 2 else VILLAGE_2,
                    owner="adv1",
                    device_id="d",
                    deleted=False,
                    payload=canonical_json({"n": seq}),
                    hash="0" * 64,
                    seq=seq,
                )
            )
        conn.execute(text("UPDATE sync_state SET value = 40 WHERE name = 'seq'"))
    assert upgrade(engine)
    with engine.connect() as conn:
        assert _kept(conn) == _truth(conn)
        assert high_water(conn) == 40

    # Writes after the upgrade: insert, a new revision moving village, a tombstone, a delete.
    with engine.begin() as conn:
        seqs = take_sequences(conn, 3)
        assert seqs[0] > 40
        rid = new_id()
        conn.execute(
            insert(Record).values(
                kind="cases", id=rid, rev=1, scope=VILLAGE, owner="adv1", device_id="d", deleted=False,
                payload="{}", hash="0" * 64, seq=seqs[0],
            )
        )  # fmt: skip
        conn.execute(update(Record).where(Record.id == rid).values(rev=2, scope=VILLAGE_2, seq=seqs[1]))
        victim = conn.execute(select(Record.id).where(Record.kind == "consultations").limit(1)).scalar_one()
        conn.execute(update(Record).where(Record.id == victim).values(rev=9, deleted=True, seq=seqs[2]))
        other = conn.execute(
            select(Record.id).where(Record.kind == "cases", Record.id != rid).limit(1)
        ).scalar_one()
        conn.execute(delete(Record).where(Record.id == other))
    with engine.connect() as conn:
        _agree(conn)
        assert (
            conn.execute(
                select(ScopeCheck.high).where(ScopeCheck.scope == VILLAGE, ScopeCheck.kind == "cases")
            ).scalar_one()
            == seqs[1]
        )
        assert high_water(conn) == seqs[2]

    command.downgrade(cfg, "0005")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT value FROM sync_state WHERE name = 'seq'")).scalar_one() >= seqs[2]
    command.upgrade(cfg, "head")
    with engine.connect() as conn:
        assert _kept(conn) == _truth(conn)  # filled afresh: marks are the records' own
