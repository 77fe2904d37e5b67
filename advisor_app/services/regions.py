"""行政区划: loading the code tree and answering which villages lie under a region."""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from advisor_app.domain.models import Region
from advisor_app.resources import resource_path
from advisor_app.store import Store

LEVELS = ("city", "county", "township", "village")


def load_csv(store: Store, path: Path | None = None) -> int:
    """Upsert regions from a CSV with columns code, name, parent_code, level[, source]."""
    path = path or resource_path("regions", "weinan.csv")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    with store.session() as session:
        for row in sorted(rows, key=lambda r: LEVELS.index(r["level"])):
            session.merge(
                Region(
                    code=row["code"],
                    name=row["name"],
                    parent_code=row.get("parent_code") or None,
                    level=row["level"],
                    source=row.get("source", ""),
                )
            )
            session.flush()
    return len(rows)


def descendants(session: Session, code: str, level: str | None = None) -> list[Region]:
    """Every region under ``code`` (itself included), optionally of one level."""
    found: list[Region] = []
    frontier = [code]
    while frontier:
        regions = list(session.scalars(select(Region).where(Region.code.in_(frontier))))
        found.extend(regions)
        frontier = list(session.scalars(select(Region.code).where(Region.parent_code.in_(frontier))))
    return [r for r in found if level is None or r.level == level]


def villages_under(store: Store, code: str) -> list[Region]:
    with store.session() as session:
        return sorted(descendants(session, code, "village"), key=lambda r: r.code)


def all_villages(store: Store) -> list[Region]:
    with store.session() as session:
        return list(session.scalars(select(Region).where(Region.level == "village").order_by(Region.code)))


def names(store: Store) -> dict[str, str]:
    with store.session() as session:
        return dict(session.execute(select(Region.code, Region.name)).all())


def find_village(session: Session, text: str) -> Region | None:
    """A village by its 12-digit code or its exact name (what a clerk types in a spreadsheet)."""
    text = text.strip()
    if text.isdigit():
        return session.get(Region, text)
    return session.scalars(select(Region).where(Region.name == text, Region.level == "village")).first()
