"""A city server's database for tests: a fresh PostgreSQL schema or SQLite file, regions, accounts
and the township committee (shared by the server and sync-client suites)."""

from __future__ import annotations

import uuid
from pathlib import Path

import psycopg

from sync.server.admin import service as admin
from sync.server.database import make_engine, normalise_url, upgrade

ROOT = Path(__file__).resolve().parents[2]


def pg_schema_url(base: str, prefix: str) -> tuple[str, str]:
    """A new schema on the test PostgreSQL and a URL that uses it (unreachable → psycopg raises)."""
    schema = f"{prefix}_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(base.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in base else "?"
    return schema, f"{normalise_url(base)}{sep}options=-csearch_path%3D{schema}"


def seed_city(
    database_url: str,
    data_dir: Path,
    villages: dict[str, tuple[str, str]],
    users: dict[str, tuple[str, list[str]]],
    password: str,
    township: str,
) -> str:
    """Migrate, load the Weinan regions plus demo ``villages`` (code → name, township), add ``users``
    (name → role, regions) and the township's committee; returns the committee's id."""
    engine = make_engine(database_url)
    upgrade(engine)
    admin.import_regions(engine, ROOT / "resources" / "regions" / "weinan.csv")
    extra = data_dir / "villages.csv"
    rows = "".join(
        f"{code},{name},{parent},village,演示数据（虚构）\n" for code, (name, parent) in villages.items()
    )
    extra.write_text("code,name,parent_code,level,source\n" + rows, encoding="utf-8")
    admin.import_regions(engine, extra)
    for name, (role, regions) in users.items():
        admin.add_user(engine, name, role, regions, password)
    committee = admin.add_committee(engine, "桥南镇人民调解委员会", "临桥", "乡镇", township, "tw1")
    engine.dispose()
    return committee
