"""Session hooks that keep the sync metadata and the change log (one place, every write).

A service writes through an ORM session; before the flush every new or modified syncable record
gets its revision, device, owner and times; after the flush its change is appended to
``change_log`` and the search documents of consultations and cases are refreshed, all inside the
same transaction. A session that applies changes pulled from the server sets
``session.info["remote"] = True``: those records keep the revision they came with.
"""

from __future__ import annotations

from sqlalchemy import event, insert
from sqlalchemy.orm import Session

from advisor_app.domain.models import AuditEvent, Case, CaseParty, ChangeLog, Consultation, SyncMixin, utcnow
from advisor_app.store import search


def install(session_factory) -> None:  # noqa: ANN001 - a sessionmaker
    event.listen(session_factory, "before_flush", _before_flush)
    event.listen(session_factory, "after_flush", _after_flush)


def _before_flush(session: Session, _context, _instances) -> None:  # noqa: ANN001
    if session.info.get("remote"):
        return
    now = utcnow()
    device = session.info.get("device_id", "")
    user = session.info.get("user", "")
    touched = session.info.setdefault("touched", [])
    for obj in session.new:
        if isinstance(obj, SyncMixin):
            obj.rev = 1
            obj.device_id = device
            obj.owner = obj.owner or user
            obj.created_at = obj.created_at or now
            obj.updated_at = now
            touched.append(obj)
    for obj in [*session.dirty, *session.deleted]:
        if isinstance(obj, AuditEvent):
            raise PermissionError("审计记录只能追加，不能修改或删除")
    for obj in session.dirty:
        if isinstance(obj, SyncMixin) and session.is_modified(obj, include_collections=False):
            obj.rev = (obj.rev or 0) + 1
            obj.device_id = device
            obj.updated_at = now
            touched.append(obj)


def _after_flush(session: Session, _context) -> None:  # noqa: ANN001
    touched: list[SyncMixin] = session.info.pop("touched", [])
    conn = session.connection()
    if touched:
        conn.execute(
            insert(ChangeLog),
            [
                {
                    "table_name": obj.__tablename__,
                    "record_id": obj.id,
                    "rev": obj.rev,
                    "changed_at": obj.updated_at,
                }
                for obj in touched
            ],
        )
    # session.new / session.dirty still hold the flushed objects here (local or pulled).
    written = [*session.new, *session.dirty]
    search.reindex(conn, "consultation", [o.id for o in written if isinstance(o, Consultation)])
    search.reindex(
        conn,
        "case",
        [o.id for o in written if isinstance(o, Case)]
        + [o.case_id for o in written if isinstance(o, CaseParty)],
    )
