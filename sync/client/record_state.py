"""Each record's sync state for the lists (保存在本机 / 待发送 / 已发送 / 被拒 / 冲突).

For a page of rows: one query for their revisions and one for their states. ``ui`` calls this for
the rows a table is showing (a short read on the GUI thread, like the rows themselves).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from advisor_app.domain.models import SYNCABLE
from advisor_app.store import Store
from sync.client import state
from sync.client.records import chunks

LABELS = {"local": "保存在本机", "queued": "待发送", "sent": "已发送", "rejected": "被拒", "conflict": "冲突"}


@dataclass(frozen=True)
class RecordState:
    state: str  # local / queued / sent / rejected / conflict
    message: str = ""  # the server's reason, in Chinese
    field: str | None = None  # the field the reason is about, when the server named one

    @property
    def label(self) -> str:
        return LABELS[self.state]


def states_for(store: Store, kind: str, ids: Iterable[str]) -> dict[str, RecordState]:
    ids = list(ids)
    synced = bool(store.setting("server_url"))
    table = SYNCABLE[kind].__table__
    out: dict[str, RecordState] = {}
    with store.engine.connect() as conn:
        revs: dict[str, int] = {}
        for chunk in chunks(ids):
            revs.update(conn.execute(select(table.c.id, table.c.rev).where(table.c.id.in_(chunk))).all())
        known = state.load_states(conn, kind, ids)
    for rid, rev in revs.items():
        st = known.get(rid)
        if not synced and st is None:
            out[rid] = RecordState("local")
        elif st is None:
            out[rid] = RecordState("queued")
        elif st["state"] in ("rejected", "conflict") and st["pushed_rev"] >= rev:
            out[rid] = RecordState(st["state"], st["message"] or "", st["field"])
        elif st["state"] == "conflict" and st["server_rev"] == rev:
            out[rid] = RecordState("conflict", st["message"] or "", st["field"])
        elif st["server_rev"] == rev:
            out[rid] = RecordState("sent")
        else:
            out[rid] = RecordState("queued")
    return out
