"""Demo stores for tests: built once per module or session, copied for each test (a copy of a small
SQLite file is far cheaper than generating the demo again)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path


def build(target: Path, *, seed: int, consultations: int, cases: int, signed_copies: bool = True) -> Path:
    """An unencrypted demo store (advisor_app.demo) in ``target``; returns ``target``."""
    os.environ.setdefault("ADVISOR_STORE_ENCRYPTION", "off")
    from advisor_app import demo
    from advisor_app.store import open_store

    store = open_store(target)
    demo.generate(store, seed=seed, consultations=consultations, cases=cases, signed_copies=signed_copies)
    store.close()
    return target


def copy_store(template: Path, target: Path) -> Path:
    """A copy of the store in ``template`` as a new installation (its own device id on opening)."""
    target.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(template / "advisor.db") as src, sqlite3.connect(target / "advisor.db") as dst:
        src.backup(dst)
        dst.execute("DELETE FROM settings WHERE key = 'device_id'")
    return target
