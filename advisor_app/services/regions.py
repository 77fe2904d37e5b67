"""行政区划: loading the code tree and answering which villages lie under a region."""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

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


# --- villages typed, pasted or imported by the user --------------------------------------------------

_HEADER_NAMES = {"村名", "名称", "村", "村（社区）", "村(社区)", "村居", "村委会", "name"}
_HEADER_CODES = {"区划代码", "代码", "统计用区划代码", "code"}


def clean_name(text: str | None) -> str:
    """A village name as typed: full-width letters/digits folded, every space inside removed."""
    text = unicodedata.normalize("NFKC", text or "")
    return re.sub(r"\s+", "", text)


def clean_code(text: str | None) -> str:
    """A 区划代码 as typed in a spreadsheet: full-width digits, spaces, a trailing ``.0`` from Excel."""
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))
    return text[:-2] if re.fullmatch(r"\d+\.0", text) else text


def parse_village_lines(text: str) -> list[tuple[str, str | None]]:
    """One village per line: ``村名`` or ``村名 区划代码`` (comma, tab or spaces between; the code
    may come first); a line of names separated by 、 or commas gives one village each. Blank lines
    and a 村名/区划代码 header are skipped."""
    entries: list[tuple[str, str | None]] = []
    for raw in (text or "").splitlines():
        line = unicodedata.normalize("NFKC", raw).strip()
        fields = [f.strip() for f in re.split(r"[,;\t、]", line) if f.strip()]
        if len(fields) == 1:
            fields = fields[0].split()
        if not fields:
            continue
        codes = [f for f in fields if _is_code(f)]
        names = [f for f in fields if not _is_code(f)]
        if all(clean_name(n) in _HEADER_NAMES | _HEADER_CODES for n in names) and not codes:
            continue  # the header row
        if not codes and len(re.split(r"[,;\t、]", line)) > 1:
            entries.extend((clean_name(n), None) for n in names)
        else:
            entries.append((clean_name("".join(names)), clean_code(codes[0]) if codes else None))
    return [e for e in entries if e[0] or e[1]]


def _is_code(text: str) -> bool:
    return re.fullmatch(r"\d+(\.0)?", clean_code(text)) is not None


def _entry(parts: list[str]) -> tuple[str, str | None]:
    codes = [p for p in parts if _is_code(p)]
    names = [p for p in parts if not _is_code(p)]
    return clean_name("".join(names)), (clean_code(codes[0]) if codes else None)


def decode_text(data: bytes) -> str:
    """A hand-made file's text: UTF-8 (with or without BOM), else GBK/GB18030 (Excel on Windows)."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def read_village_csv(path: Path) -> list[tuple[str, str | None]]:
    """Villages from a CSV of 村名/区划代码 (header optional, columns in either order; comma,
    full-width comma, semicolon or tab between)."""
    text = decode_text(Path(path).read_bytes()).replace("，", ",")
    sample = text[:2000]
    delimiter = max((",", "\t", ";"), key=sample.count)
    rows = [[c.strip() for c in row] for row in csv.reader(text.splitlines(), delimiter=delimiter)]
    rows = [r for r in rows if any(r)]
    if not rows:
        return []
    header = [clean_name(c) for c in rows[0]]
    name_col = next((i for i, c in enumerate(header) if c in _HEADER_NAMES), None)
    code_col = next((i for i, c in enumerate(header) if c in _HEADER_CODES), None)
    if name_col is None and code_col is None:
        return [_entry([c for c in r if c]) for r in rows]
    entries = []
    for row in rows[1:]:
        name = row[name_col] if name_col is not None and name_col < len(row) else ""
        code = row[code_col] if code_col is not None and code_col < len(row) else ""
        entries.append((clean_name(name), clean_code(code) or None))
    return entries


# --- change notification ---------------------------------------------------------------------------
# The core imports no Qt: the GUI subscribes a callback (it re-emits a Qt signal, which crosses to
# the GUI thread by itself), so an open form sees a village added, renamed or retired at once.

_listeners: list[Callable[[Store], None]] = []


def subscribe(callback: Callable[[Store], None]) -> None:
    """``callback(store)`` after the villages (or the home region) of ``store`` changed."""
    if callback not in _listeners:
        _listeners.append(callback)


def unsubscribe(callback: Callable[[Store], None]) -> None:
    if callback in _listeners:
        _listeners.remove(callback)


def notify_changed(store: Store) -> None:
    for callback in list(_listeners):
        callback(store)


def apply_regions(store: Store, rows: list[dict[str, Any]]) -> int:
    """Regions from the city server (``GET /v1/regions``: code, name, level, parent_code), merged
    into the local tree and announced; a village the server no longer lists is left alone (its
    records still name it)."""
    rows = [r for r in rows if r.get("code") and r.get("level") in LEVELS]
    with store.session() as session:
        for row in sorted(rows, key=lambda r: LEVELS.index(r["level"])):
            known = session.get(Region, row["code"])
            if known is None:
                session.add(
                    Region(
                        code=row["code"],
                        name=row["name"],
                        level=row["level"],
                        parent_code=row.get("parent_code"),
                        source="市级服务器",
                    )
                )
            else:
                known.name, known.level, known.parent_code = row["name"], row["level"], row.get("parent_code")
            session.flush()
    if rows:
        notify_changed(store)
    return len(rows)
