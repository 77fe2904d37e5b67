"""Logs: a rotating file in the data folder that never receives an ID number or a phone number."""

import logging

import pytest

from advisor_app.logs import ID_MASK, PHONE_MASK, log_file, redact, setup_logging, shutdown_logging

ID_NUMBER = "61050219800101123X"
OLD_ID_NUMBER = "610502800101123"
MOBILE = "13912345678"


@pytest.fixture
def log_path(tmp_path):
    path = setup_logging(tmp_path)
    yield path
    shutdown_logging()


def test_log_file_lives_in_the_data_folder(log_path, tmp_path):
    assert log_path == log_file(tmp_path) == tmp_path / "logs" / "advisor.log"
    logging.getLogger("advisor.test").info("saved consultation %s", "0b7c3f5e-1111-4222-8333-944455556666")
    text = log_path.read_text(encoding="utf-8")
    assert "started" in text and "0b7c3f5e-1111-4222-8333-944455556666" in text


def test_id_and_phone_never_reach_the_log_file(log_path):
    log = logging.getLogger("advisor.test")
    log.warning("party id %s phone %s", ID_NUMBER, MOBILE)  # as arguments
    log.warning(f"inline {ID_NUMBER.lower()} / 139-1234-5678 / +86 139 1234 5678 / {OLD_ID_NUMBER}")
    log.error("landline %s", "0913-2123456")
    try:
        raise ValueError(f"身份证号 {ID_NUMBER} 校验码不符，联系电话 {MOBILE}")
    except ValueError:
        log.exception("import failed")
    log.info("stack", stack_info=True, extra={"ignored": MOBILE})
    text = log_path.read_text(encoding="utf-8")
    for secret in (ID_NUMBER, ID_NUMBER.lower(), OLD_ID_NUMBER, MOBILE, "1234-5678", "1234 5678", "2123456"):
        assert secret not in text
    assert text.count(ID_MASK) == 4 and text.count(PHONE_MASK) == 5
    assert "ValueError" in text and "Traceback" in text, "the traceback itself is kept"


def test_redaction_leaves_ids_counts_and_dates_alone():
    kept = "case 3f2a9c1e-77aa-4b1c-9d2e-123456789012 saved, 1500 rows in 0.84 s on 2026-11-28 rev 12"
    assert redact(kept) == kept
    assert redact("sha 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") == (
        "sha 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
    )


def test_file_rotates_instead_of_growing(log_path, monkeypatch):
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "_advisor", False))
    handler.maxBytes = 2000
    log = logging.getLogger("advisor.test")
    for i in range(200):
        log.info("row %d of the import checked", i)
    rotated = sorted(log_path.parent.glob("advisor.log*"))
    assert len(rotated) == 1 + handler.backupCount
    assert all(p.stat().st_size <= 2200 for p in rotated)
