"""Making and reading local records in tests (through the store's own session: change log and all)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select

from advisor_app.domain.models import SYNCABLE, Consultation
from advisor_app.store import Store


def consult(store: Store, region: str, question: str, **extra: Any) -> str:
    with store.session() as s:
        rec = Consultation(
            region_code=region, occurred_at=datetime(2026, 3, 1, 9, 30), question=question, **extra
        )
        s.add(rec)
    return rec.id


def edit(store: Store, rid: str, **values: Any) -> None:
    with store.session() as s:
        rec = s.get(Consultation, rid)
        for k, v in values.items():
            setattr(rec, k, v)


def snapshot(
    store: Store, kinds: tuple[str, ...] = ("consultations",)
) -> dict[tuple[str, str], tuple[int, bool]]:
    """(kind, id) -> (rev, deleted) of every record of ``kinds`` held locally."""
    out = {}
    with store.session() as s:
        for kind in kinds:
            table = SYNCABLE[kind].__table__
            for rid, rev, deleted in s.execute(select(table.c.id, table.c.rev, table.c.deleted)):
                out[(kind, rid)] = (rev, deleted)
    return out


def server_snapshot(
    engine: Any, kinds: tuple[str, ...] = ("consultations",)
) -> dict[tuple[str, str], tuple[int, bool]]:
    from sync.server.db import Record

    with engine.connect() as conn:
        rows = conn.execute(
            select(Record.kind, Record.id, Record.rev, Record.deleted).where(Record.kind.in_(kinds))
        )
        return {(k, i): (r, bool(d)) for k, i, r, d in rows}


def questions(store: Store) -> dict[str, str]:
    with store.session() as s:
        return dict(s.execute(select(Consultation.id, Consultation.question)).all())
