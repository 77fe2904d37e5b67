"""After a sync both sides prove they agree: per-kind count and digest of (id, rev) in the scope
(protocol 2: ``sync.protocol.table_check``, an XOR the server keeps per village).

Locally a record counts at the revision the server is known to hold (a queued edit is not yet the
server's business); records the server has never accepted are left out. A mismatch is repaired
without asking anyone: the kind is pulled again from the start, and records the server turns out
not to hold are queued again.
"""

from __future__ import annotations

from sqlalchemy import Connection, select

from advisor_app.domain.models import SYNCABLE, ChangeLog, utcnow
from sync.client import quarantine, state
from sync.protocol import table_check


def local_tables(conn: Connection) -> dict[str, dict[str, object]]:
    out = {}
    st = state.STATES
    for kind, model in SYNCABLE.items():
        table = model.__table__
        revs = dict(
            conn.execute(
                select(table.c.id, st.c.server_rev)
                .join(st, (st.c.kind == kind) & (st.c.record_id == table.c.id))
                .where(st.c.server_rev > 0)
            ).all()
        )
        # A quarantined revision is held: the server has it and this device has it set aside.
        revs.update(quarantine.held(conn, kind))
        pairs = list(revs.items())
        out[kind] = {"count": len(pairs), "digest": table_check(kind, pairs)}
    return out


def mismatched(conn: Connection, server_tables: dict[str, dict[str, object]]) -> list[str]:
    mine = local_tables(conn)
    return [
        k
        for k in SYNCABLE
        if mine[k]
        != {
            "count": server_tables.get(k, {}).get("count", 0),
            "digest": server_tables.get(k, {}).get("digest", table_check(k, [])),
        }
    ]


def requeue_missing(conn: Connection, kind: str, server_ids: set[str]) -> int:
    """Local records believed sent that the server does not hold: queue them again as new."""
    st = state.STATES
    table = SYNCABLE[kind].__table__
    rows = conn.execute(
        select(table.c.id, table.c.rev)
        .join(st, (st.c.kind == kind) & (st.c.record_id == table.c.id))
        .where(st.c.server_rev > 0)
    ).all()
    lost = [(rid, rev) for rid, rev in rows if rid not in server_ids]
    if lost:
        now = utcnow()
        conn.execute(
            ChangeLog.__table__.insert(),
            [{"table_name": kind, "record_id": rid, "rev": rev, "changed_at": now} for rid, rev in lost],
        )
        state.save_states(conn, [state.state_row(kind, rid, 0, "sent", 0) for rid, _rev in lost])
    return len(lost)
