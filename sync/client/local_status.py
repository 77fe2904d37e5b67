"""同步状态 from the local store alone: what the next sync sends (待发送), what the server refused
(被拒), open conflicts (冲突) and revisions set aside (已隔离).

``advisor sync-status`` and the desktop's status bar ask this without a network. It is plain SQL
in the driver's own form (``advisor_app.store.plain_sql.rows``), run on a SQLAlchemy connection of the
store's engine (the desktop, the sync client) or on the DB-API connection of the CLI's direct store:
no SQLAlchemy to import, no ORM models, no transport (requests), no field rules of the protocol, so
the command starts in a fraction of what the whole client costs to import. The sync client counts and selects what it pushes with these same functions
(``sync.client.state`` re-exports them), so the 待发送 shown is what the next push sends.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from advisor_app.store.plain_sql import in_list, reading, rows, scalar

if TYPE_CHECKING:
    from advisor_app.store import Store
    from advisor_app.store.direct import DirectStore

# A SQLAlchemy Connection of the store's engine, or a DB-API connection (store.direct).
Connection = Any

CURSOR = "changes"  # the name of the pull cursor's row in sync_cursors
CHUNK = 500  # ids per IN (…): well below SQLite's limit on bound parameters
# Refusals that may pass by themselves: the parent arrives, the file gets uploaded (the upload
# runs before each batch, so an attachment record sent again brings its file along).
RETRY_REASONS = ("parent_missing", "attachment_unproven")
STATE_COLUMNS = ("kind", "record_id", "server_rev", "state", "pushed_rev", "reason", "message", "field")

_SYNCED_TABLES = (
    # The shape every synced model has (SyncMixin: a text ``id`` primary key and a ``rev``);
    # tests/core/test_cli_start.py keeps this equal to the models' SYNCABLE, which this module
    # does not import (it would map every model).
    "SELECT m.name FROM sqlite_master AS m WHERE m.type = 'table'"
    " AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) AS c WHERE c.name = 'rev')"
    " AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) AS c WHERE c.name = 'id' AND c.pk = 1)"
)
_STATES = f"SELECT {', '.join(STATE_COLUMNS)} FROM sync_record_states WHERE kind = :kind AND record_id IN "


def chunks(items: list, size: int = CHUNK) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def synced_tables(conn: Connection) -> set[str]:
    """The record kinds (tables) that travel, read from the store's schema."""
    return {row[0] for row in rows(conn, _SYNCED_TABLES)}


def push_mark(conn: Connection) -> int:
    """The change-log sequence the push has handled up to (0 before the first sync)."""
    return scalar(conn, "SELECT push_mark FROM sync_cursors WHERE name = :name", {"name": CURSOR}) or 0


def pending_changes(conn: Connection, after: int) -> tuple[dict[str, list[str]], int]:
    """Records written since the push mark, by kind in log order, and the highest log seq seen."""
    high = scalar(conn, "SELECT max(seq) FROM change_log") or 0
    out: dict[str, list[str]] = {}
    if high <= after:
        return out, high
    seen: set[tuple[str, str]] = set()
    logged = rows(
        conn,
        "SELECT table_name, record_id FROM change_log WHERE seq > :after AND seq <= :high ORDER BY seq",
        {"after": after, "high": high},
    )
    for kind, rid in logged:
        if (kind, rid) not in seen:
            seen.add((kind, rid))
            out.setdefault(kind, []).append(rid)
    return out, high


def retry_later(conn: Connection) -> dict[str, list[str]]:
    """Records the server refused for a reason that may pass by itself (the parent arrives later)."""
    out: dict[str, list[str]] = {}
    params: dict[str, Any] = {}
    refused = rows(
        conn,
        "SELECT kind, record_id FROM sync_record_states WHERE state = 'rejected'"
        f" AND reason IN {in_list('reason', RETRY_REASONS, params)}",
        params,
    )
    for kind, rid in refused:
        out.setdefault(kind, []).append(rid)
    return out


def load_states(conn: Connection, kind: str, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The sync state rows of these records (:data:`STATE_COLUMNS`), by record id."""
    out = {}
    for chunk in chunks(list(ids)):
        params: dict[str, Any] = {"kind": kind}
        for row in rows(conn, _STATES + in_list("id", chunk, params), params):
            st = dict(zip(STATE_COLUMNS, row, strict=True))
            out[st["record_id"]] = st
    return out


def needs_sending(rev: int, st: dict[str, Any] | None) -> bool:
    """Whether a record at local revision ``rev`` goes up in the next push (one rule for the push
    and for the 待发送 count, so the count is what the next sync sends)."""
    if st is None:
        return True
    if st["server_rev"] == rev:
        return False  # the server has this revision (a resumed sync)
    # judged already; sent again only after a new edit or a resolution (a missing parent may arrive)
    return not (
        st["state"] in ("rejected", "conflict")
        and st["pushed_rev"] == rev
        and st["reason"] not in RETRY_REASONS
    )


def queued_records(conn: Connection) -> dict[str, list[str]]:
    """Records the next push will send, by kind: the change log past the push mark plus refusals
    that may pass by themselves, less what the server already holds or has judged."""
    queued, _high = pending_changes(conn, push_mark(conn))
    for kind, ids in retry_later(conn).items():
        have = set(queued.get(kind, []))
        queued.setdefault(kind, []).extend(i for i in ids if i not in have)
    out: dict[str, list[str]] = {}
    if not queued:
        return out
    synced = synced_tables(conn)
    for kind, ids in queued.items():
        if kind not in synced:
            continue
        # ``kind`` is one of the store's own table names (checked just above), safe to quote in.
        revs: dict[str, int] = {}
        for chunk in chunks(ids):
            params: dict[str, Any] = {}
            revs_of = f'SELECT id, rev FROM "{kind}" WHERE id IN {in_list("id", chunk, params)}'
            revs.update((rid, rev) for rid, rev in rows(conn, revs_of, params))
        known = load_states(conn, kind, ids)
        send = [rid for rid in ids if rid in revs and needs_sending(revs[rid], known.get(rid))]
        if send:
            out[kind] = send
    return out


def queued_count(conn: Connection) -> int:
    return sum(len(ids) for ids in queued_records(conn).values())


def problem_counts(conn: Connection) -> dict[str, int]:
    """Records by sync state other than ``sent`` (rejected, conflict), and ``conflicts_open``."""
    found = rows(conn, "SELECT state, count(*) FROM sync_record_states WHERE state != 'sent' GROUP BY state")
    counts = {state: n for state, n in found}
    counts["conflicts_open"] = open_conflict_count(conn)
    return counts


def open_conflict_count(conn: Connection) -> int:
    """Conflicts waiting for a person's decision (``sync.client.conflicts.open_conflicts`` lists them)."""
    return scalar(conn, "SELECT count(*) FROM sync_conflicts WHERE status = 'open'")


@dataclass
class Quarantined:
    """One pulled revision set aside (隔离) on this device."""

    kind: str
    record_id: str
    rev: int
    field: str | None
    reason: str
    quarantined_at: Any

    @property
    def kind_label(self) -> str:
        # The registry maps the models; imported only when a quarantined record is listed.
        from advisor_app.domain import record_kinds

        return record_kinds.name_of(self.kind)


def quarantine_count(conn: Connection) -> int:
    return scalar(conn, "SELECT count(*) FROM sync_quarantine")


def quarantine_listing(conn: Connection, limit: int = 500) -> list[Quarantined]:
    """Quarantined revisions, newest first."""
    found = rows(
        conn,
        "SELECT kind, record_id, rev, field, reason, quarantined_at FROM sync_quarantine"
        " ORDER BY quarantined_at DESC, kind, record_id LIMIT :limit",
        {"limit": limit},
    )
    return [
        Quarantined(kind, rid, rev, field, reason, _when(at)) for kind, rid, rev, field, reason, at in found
    ]


def _when(value: Any) -> Any:
    """A stored timestamp as the ORM's DateTime column gives it (SQLite keeps it as text)."""
    return datetime.fromisoformat(value) if isinstance(value, str) else value


@dataclass
class SyncStatus:
    server_url: str | None
    username: str | None
    logged_in: bool
    last_sync: str | None
    last_error: str | None
    queued: int
    rejected: int
    conflicts: int
    quarantined: int = 0


def status(store: Store | DirectStore, last_ok: datetime | None = None) -> SyncStatus:
    """The sync state of ``store`` (``last_ok``: a running client's newer, not yet saved, last sync),
    the full store or the direct one (one read transaction either way)."""
    settings = store.settings()
    with reading(store) as conn:
        queued = queued_count(conn)
        counts = problem_counts(conn)
        held_aside = quarantine_count(conn)
    server_url = settings.get("server_url")
    username = settings.get("sync_user")
    return SyncStatus(
        server_url=server_url,
        username=username or None,
        logged_in=bool(server_url and username),
        last_sync=last_ok.isoformat(timespec="seconds") if last_ok else settings.get("sync_last_ok"),
        last_error=settings.get("sync_last_error") or None,
        queued=queued,
        rejected=counts.get("rejected", 0),
        conflicts=counts.get("conflicts_open", 0),
        quarantined=held_aside,
    )
