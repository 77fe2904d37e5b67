"""审计: record who viewed, exported or printed personal data, and list it.

Events are append-only (the store refuses to change or delete one) and sync up like other records,
so the township and the city can read them within their regions.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from advisor_app.domain.models import AuditEvent, Region
from advisor_app.store import Store

ACTIONS = ("查看", "导出", "打印", "恢复", "显示密钥")


def record(
    session: Session,
    action: str,
    target_kind: str,
    *,
    region_code: str,
    target_id: str | None = None,
    detail: str = "",
    actor: str | None = None,
) -> AuditEvent:
    """Add an event inside the caller's unit of work (``detail``: kinds and counts, never names)."""
    if action not in ACTIONS:
        raise ValueError(f"未知的审计动作：{action}")
    event = AuditEvent(
        actor=actor or session.info.get("user", ""),
        action=action,
        target_kind=target_kind,
        target_id=target_id,
        region_code=region_code,
        detail=detail[:256],
    )
    session.add(event)
    return event


def log(store: Store, action: str, target_kind: str, **kwargs: str | None) -> AuditEvent:
    """Record one event in its own unit of work; the region defaults to the installation's."""
    from advisor_app.services import users  # users records its own events through this module

    with store.session() as session:
        if not kwargs.get("region_code"):
            kwargs["region_code"] = _home_region(store, session)
        kwargs.setdefault("actor", users.actor(store))  # the local user at the keyboard, if any
        return record(session, action, target_kind, **kwargs)  # type: ignore[arg-type]


def _home_region(store: Store, session: Session) -> str:
    """The installation's region; a headless store without one files events under its first village."""
    from advisor_app.services import setup

    home = setup.home_region(store)
    if home:
        return home
    first = session.scalars(
        select(Region.code).where(Region.level == "village").order_by(Region.code)
    ).first()
    return first or ""


def events(
    store: Store, *, since: datetime | None = None, actor: str | None = None, limit: int = 500
) -> list[AuditEvent]:
    """Newest first."""
    query = select(AuditEvent).order_by(AuditEvent.at.desc()).limit(limit)
    if since is not None:
        query = query.where(AuditEvent.at >= since)
    if actor is not None:
        query = query.where(AuditEvent.actor == actor)
    with store.session() as session:
        return list(session.scalars(query))
