"""Fill a store at any schema revision with rows written in plain SQL valid at that revision.

The columns come from the database itself (PRAGMA table_info / foreign_key_list), so a store made
at a revision added next year is filled the same way without touching this file. Every table gets
``ROWS`` rows with a value in every column; foreign keys point at rows of the referenced table.
"""

from __future__ import annotations

import re
import sqlite3
import uuid
from datetime import date, datetime, timedelta
from typing import Any

ROWS = 2
# Kept by triggers or the FTS engine, or by the migrations themselves.
SKIP = re.compile(r"^(sqlite_|alembic_version$|search_)")

# A few human-meaningful values, so the app's own reading code is exercised too.
KNOWN = {
    ("regions", "code"): ["610502100201", "610502100202"],
    ("regions", "name"): ["桥南村", "王家村"],
    ("regions", "level"): ["village", "village"],
    ("consultations", "question"): ["宅基地边界纠纷怎么处理", "土地流转费被拖欠"],
    ("consultations", "person_name"): ["赵老汉", "钱大姐"],
    ("consultations", "tags"): ["[]", "[]"],
    ("consultations", "service_type"): ["法律咨询解答", "法律服务指引"],
    ("consultations", "mode"): ["实地", "远程"],
    ("consultations", "category"): ["民事", "其他"],
    ("consultations", "subcategory"): ["房屋宅基地", "土地承包"],
    ("consultations", "referral"): ["调解", None],
    ("consultations", "status"): ["已办结", "办理中"],
    ("cases", "case_no"): ["（2025）临桥调字第 1 号", "（2025）临桥调字第 2 号"],
}


def user_tables(conn: sqlite3.Connection) -> list[str]:
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
    return [n for n in names if not SKIP.match(n)]


def _in_dependency_order(conn: sqlite3.Connection, tables: list[str]) -> list[str]:
    deps = {t: {r[2] for r in conn.execute(f"PRAGMA foreign_key_list('{t}')") if r[2] != t} for t in tables}
    ordered: list[str] = []
    while deps:
        ready = sorted(t for t, d in deps.items() if d <= set(ordered))
        assert ready, f"foreign keys form a cycle: {deps}"
        ordered += ready
        for t in ready:
            del deps[t]
    return ordered


def _value(table: str, column: str, declared: str, i: int) -> Any:
    if (table, column) in KNOWN:
        return KNOWN[(table, column)][i]
    kind = declared.upper()
    if "CHAR" in kind or "TEXT" in kind or "CLOB" in kind:
        size = re.search(r"\((\d+)\)", kind)
        text = f"{column}-{i}-旧版数据"
        if column == "id" or (size and int(size.group(1)) == 36):
            return str(uuid.uuid5(uuid.NAMESPACE_URL, f"advisor-desk:{table}.{column}.{i}"))
        return text[: int(size.group(1))] if size else text
    if kind == "JSON":
        return f'{{"v": {i}}}'
    if kind.startswith("DATETIME") or kind.startswith("TIMESTAMP"):
        return (datetime(2025, 3, 1, 9, 30) + timedelta(days=i)).isoformat(sep=" ")
    if kind.startswith("DATE"):
        return (date(2025, 3, 1) + timedelta(days=i)).isoformat()
    if kind.startswith("BOOL"):
        return 0
    if "INT" in kind:
        return 10 + i
    if kind.startswith(("NUMERIC", "DECIMAL", "FLOAT", "REAL", "DOUBLE")):
        return 1.5 + i
    return f"{column}-{i}"


def fill(conn: sqlite3.Connection) -> dict[str, list[tuple[str, ...]]]:
    """Insert the rows; returns table -> the columns written (in order), for :func:`snapshot`."""
    tables = _in_dependency_order(conn, user_tables(conn))
    written: dict[str, list[str]] = {}
    keys: dict[tuple[str, str], list[Any]] = {}
    for table in tables:
        columns = list(conn.execute(f"PRAGMA table_info('{table}')"))
        fks = {r[3]: (r[2], r[4]) for r in conn.execute(f"PRAGMA foreign_key_list('{table}')")}
        names = [c[1] for c in columns]
        rows = []
        for i in range(ROWS):
            row = []
            for _cid, name, declared, _notnull, _default, _pk in columns:
                if name in fks:
                    parent, parent_col = fks[name]
                    if parent == table:
                        row.append(None)  # a self-reference (parent region) stays empty
                        continue
                    row.append(keys[(parent, parent_col or "id")][i])
                else:
                    row.append(_value(table, name, declared, i))
            rows.append(row)
        placeholders = ", ".join("?" * len(names))
        quoted = ", ".join(f'"{n}"' for n in names)
        conn.executemany(f'INSERT INTO "{table}" ({quoted}) VALUES ({placeholders})', rows)
        for position, name in enumerate(names):
            keys[(table, name)] = [r[position] for r in rows]
        written[table] = names
    conn.commit()
    return written


def snapshot(conn: sqlite3.Connection, written: dict[str, list[str]]) -> dict[str, list[tuple]]:
    """The rows of each filled table, restricted to the columns written then, in a stable order."""
    out = {}
    for table, names in written.items():
        quoted = ", ".join(f'"{n}"' for n in names)
        out[table] = sorted(conn.execute(f'SELECT {quoted} FROM "{table}"').fetchall(), key=repr)
    return out
