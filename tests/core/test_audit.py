"""Audit events: exports, prints and key display are recorded without personal data; append-only."""

import pytest

from advisor_app.domain.models import AuditEvent
from advisor_app.io import transfer
from advisor_app.services import audit, cases, printing
from tests.conftest import VILLAGE
from tests.core.test_cases import register


def test_export_and_print_are_audited_without_names(seeded, tmp_path):
    case = register(seeded)
    transfer.export(seeded, "cases", tmp_path / "cases.xlsx")
    printing.case_document(seeded, "registration", case.id)
    events = audit.events(seeded)
    assert [e.action for e in events] == ["打印", "导出"]
    printed, exported = events
    assert (printed.target_kind, printed.target_id, printed.region_code) == ("cases", case.id, VILLAGE)
    assert exported.detail.startswith("纠纷案件 1 条，打码")
    assert all(e.actor == seeded.user for e in events)
    text = " ".join(e.detail for e in events)
    for party in cases.get(seeded, case.id).parties:
        assert party.name not in text and (party.id_number or "-") not in text


def test_audit_events_cannot_be_changed_or_deleted(seeded):
    event = audit.log(seeded, "查看", "cases", target_id="x", region_code=VILLAGE)
    with pytest.raises(PermissionError, match="只能追加"), seeded.session() as session:
        session.get(AuditEvent, event.id).detail = "抹掉"
    with pytest.raises(PermissionError, match="只能追加"), seeded.session() as session:
        session.delete(session.get(AuditEvent, event.id))
    assert audit.events(seeded)[0].detail == ""


def test_unknown_action_is_refused(seeded):
    with pytest.raises(ValueError, match="未知的审计动作"):
        audit.log(seeded, "篡改", "cases", region_code=VILLAGE)
