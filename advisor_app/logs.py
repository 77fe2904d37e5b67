"""Logging to a rotating file in the data folder, with a safety net against personal data.

The rule is that code logs only record ids, counts and timings, never a name, an ID number or a
phone. Names cannot be recognised reliably, so the filter below does not try; it masks what has a
shape (18/15-digit 居民身份证号, mobile and landline numbers) in case one slips through in a
message, its arguments or an exception's text.
"""

from __future__ import annotations

import logging
import re
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_DIR = "logs"
LOG_FILE = "advisor.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

# Digits glued to other digits belong to a longer number (a UUID hex run, a hash), so both ends
# must not touch another digit.
_ID_NUMBER = re.compile(r"(?<![0-9])(?:[1-9]\d{16}[0-9Xx]|[1-9]\d{14})(?![0-9Xx])")
_MOBILE = re.compile(r"(?<![0-9])(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?![0-9])")
_LANDLINE = re.compile(r"(?<![0-9])0\d{2,3}-\d{7,8}(?![0-9])")
ID_MASK = "[身份证号已隐去]"
PHONE_MASK = "[电话已隐去]"


def redact(text: str) -> str:
    """``text`` with ID-number and phone-number shapes masked."""
    text = _ID_NUMBER.sub(ID_MASK, text)
    text = _MOBILE.sub(PHONE_MASK, text)
    return _LANDLINE.sub(PHONE_MASK, text)


class RedactionFilter(logging.Filter):
    """Masks ID and phone numbers in the formatted message, the exception text and stack info."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def log_dir(data_dir: Path) -> Path:
    return Path(data_dir) / LOG_DIR


def log_file(data_dir: Path) -> Path:
    return log_dir(data_dir) / LOG_FILE


def setup_logging(data_dir: Path, level: int = logging.INFO) -> Path:
    """Send the root logger to ``<data>/logs/advisor.log`` (rotated, 5 × 1 MB); returns the file.

    Calling it again (another data folder, a test) replaces the handler it installed before.
    """
    path = log_file(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(RedactionFilter())
    handler._advisor = True  # type: ignore[attr-defined]  # marks the handler this module owns
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_advisor", False)]:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    root.setLevel(level)
    # Alembic announces every plugin and migration step at INFO; the upgrade itself is logged by us.
    logging.getLogger("alembic").setLevel(max(level, logging.WARNING))
    logging.captureWarnings(True)
    from advisor_app.diagnostics import app_version

    # Versions only: the data folder's path can hold the Windows user's (personal) name.
    logging.getLogger("advisor").info(
        "started %s, Python %s, %s", app_version(), sys.version.split()[0], sys.platform
    )
    return path


def shutdown_logging() -> None:
    """Close the handler :func:`setup_logging` installed (lets a test or an uninstall remove the folder)."""
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_advisor", False)]:
        root.removeHandler(old)
        old.close()
