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


def test_events_name_the_local_user_at_the_keyboard(seeded, tmp_path):
    from advisor_app.services import users

    users.create_user(seeded, "王所长", "所长的密码2026", "司法所", ["610502100000"])
    users.sign_in(seeded, "王所长", "所长的密码2026")
    try:
        transfer.export(seeded, "roster", tmp_path / "roster.xlsx")
        assert audit.events(seeded)[0].actor == "王所长"
    finally:
        users.sign_out(seeded)


def test_cli_search_is_limited_to_the_signed_in_users_villages(seeded, monkeypatch, capsys):
    from advisor_app.cli.commands import search as search_cmd
    from advisor_app.services import consultations, users
    from tests.conftest import VILLAGE_2

    consultations.create(seeded, {"region_code": VILLAGE, "question": "宅基地界址不清"})
    consultations.create(seeded, {"region_code": VILLAGE_2, "question": "宅基地被占用"})
    users.create_user(seeded, "管理员", "管理员的密码2026", "司法所", ["610502100000"])
    users.sign_in(seeded, "管理员", "管理员的密码2026")
    users.create_user(seeded, "桥南顾问", "顾问的密码2026", "村法律顾问", [VILLAGE])
    users.sign_out(seeded)
    monkeypatch.setenv("ADVISOR_USER", "桥南顾问")
    monkeypatch.setenv("ADVISOR_USER_PASSWORD", "顾问的密码2026")

    class Args:
        text, kind, limit = "宅基地", None, 50

    try:
        search_cmd.run(Args, seeded)
    finally:
        users.sign_out(seeded)
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1 and "界址不清" in lines[0]
