"""Form drafts: what was typed but not saved, kept as JSON files in the data folder.

Each write goes to a temporary file that replaces the draft in one step (``os.replace``), so a
crash or a power cut leaves either the old draft or the new one, never half a file.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

_SAFE = re.compile(r"[^A-Za-z0-9_.-]")


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"草稿中有无法保存的值：{type(value).__name__}")


class Drafts:
    """The drafts of one data folder, one file per form (``key``, e.g. ``consultation-new``)."""

    def __init__(self, data_dir: Path):
        self.folder = Path(data_dir) / "drafts"

    def path(self, key: str) -> Path:
        return self.folder / f"{_SAFE.sub('_', key)}.json"

    def save(self, key: str, data: dict[str, Any]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        payload = json.dumps(
            {"key": key, "saved_at": datetime.now().isoformat(timespec="seconds"), "data": data},
            ensure_ascii=False,
            default=_default,
        )
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".draft-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(payload)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path(key))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def load(self, key: str) -> dict[str, Any] | None:
        """The draft's fields, or None when there is none (or it cannot be read)."""
        try:
            with self.path(key).open(encoding="utf-8") as fh:
                return json.load(fh)["data"]
        except (OSError, ValueError, KeyError):
            return None

    def saved_at(self, key: str) -> str | None:
        try:
            with self.path(key).open(encoding="utf-8") as fh:
                return json.load(fh).get("saved_at")
        except (OSError, ValueError):
            return None

    def discard(self, key: str) -> None:
        self.path(key).unlink(missing_ok=True)

    def keys(self) -> list[str]:
        if not self.folder.is_dir():
            return []
        found = []
        for path in sorted(self.folder.glob("*.json")):
            try:
                found.append(json.loads(path.read_text(encoding="utf-8"))["key"])
            except (OSError, ValueError, KeyError):
                continue
        return found
