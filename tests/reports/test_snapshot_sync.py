"""Issue 18: a filed monthly report (its snapshot) syncs up to the township over a real city server
on loopback, with its 更正 after a re-filing; the township's own filing does not go down to villages."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from advisor_app.cli.main import main
from advisor_app.domain.models import Case, ChangeLog, ReportSnapshot
from advisor_app.reports import forms, snapshots
from advisor_app.reports.scope import month
from tests.sync_client.conftest import TOWNSHIP, V1, V2, device, memory_keyring, pg_server, server  # noqa: F401

NOVEMBER = month(2026, 11)
ACCEPTED = "受理数（件）"
MAIN = "一、矛盾纠纷调解情况（按纠纷类型）"


def _accept(store, committee_id: str, day: date, dispute_type: str = "邻里") -> None:
    with store.session() as s:
        s.add(
            Case(
                committee_id=committee_id,
                region_code=V1,
                dispute_type=dispute_type,
                source="当事人申请",
                summary="排水沟纠纷",
                accepted_on=day,
                due_on=date.fromordinal(day.toordinal() + 30),
            )
        )


def _server_scopes(city) -> dict[str, str]:
    from sync.server.db import Record

    with city.engine.connect() as conn:
        return dict(conn.execute(select(Record.id, Record.scope).where(Record.kind == "filed_reports")).all())


def _snapshot_ids(store) -> set[str]:
    with store.session() as s:
        return set(s.scalars(select(ReportSnapshot.id)))


@pytest.mark.parametrize("backend", ["server", "pg_server"])
def test_village_filing_and_its_correction_reach_the_township(backend, request, device, capsys):  # noqa: F811
    server = request.getfixturevalue(backend)  # noqa: F811 - SQLite file, then a PostgreSQL schema
    village = device("v1", server.url, "adv1")
    township = device("tw", server.url, "tw1")
    other_village = device("v2", server.url, "adv2")
    village.client.sync()  # the township's committee arrives
    _accept(village.store, server.committee_id, date(2026, 11, 3))
    forms.monthly_filed(village.store, V1, NOVEMBER, by="桥南村调解员")
    assert village.client.sync().rejected == 0

    township.client.sync()
    filed = snapshots.filings(township.store, TOWNSHIP)
    assert [(f.snapshot.region_code, f.snapshot.period, f.corrections) for f in filed] == [
        (V1, "2026-11", None)
    ]
    first = filed[0].snapshot
    assert first.exported_by == "桥南村调解员"
    assert first.figures[MAIN][ACCEPTED]["合计"] == 1

    # A case entered late for November: the village files again; the township sees the 更正.
    _accept(village.store, server.committee_id, date(2026, 11, 20), "婚姻家庭")
    sheet = forms.monthly_filed(village.store, V1, NOVEMBER, by="桥南村调解员")
    assert sheet.tables[-1].caption.startswith(snapshots.CORRECTIONS_CAPTION)
    assert village.client.sync().rejected == 0
    township.client.sync()
    filed = snapshots.filings(township.store, TOWNSHIP)
    assert [(f.snapshot.region_code, f.snapshot.period) for f in filed] == [(V1, "2026-11")] * 2
    corrections = {(d.row, d.column): (d.before, d.after) for d in filed[1].corrections or []}
    assert corrections[(ACCEPTED, "合计")] == (1, 2)
    assert corrections[(ACCEPTED, "婚姻家庭")] in ((0, 1), (None, 1))
    assert (ACCEPTED, "邻里") not in corrections

    # ... and in `advisor report filed` on the township's device.
    assert main(["--data-dir", str(township.store.data_dir), "report", "filed", "--region", TOWNSHIP]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and all(line.startswith(f"桥南村（{V1}） 2026-11 ") for line in lines)
    assert lines[0].endswith("首次报送") and "桥南村调解员" in lines[0]
    assert f"更正 {len(corrections)} 项：{ACCEPTED}·合计 1 → 2" in lines[1]

    # The township exports the village's report: compared with what the village filed last, and
    # the figures it pulled are the same, so nothing to correct.
    again = forms.monthly_filed(township.store, V1, NOVEMBER, by="司法所")
    assert again.tables[-1].rows == [["无更正", "", "", "", ""]]

    # The township's own filing goes up (scope = the township), never down to a village.
    forms.monthly_filed(township.store, TOWNSHIP, NOVEMBER, by="司法所")
    assert township.client.sync().rejected == 0
    scopes = _server_scopes(server)
    assert sorted(scopes.values()) == sorted([V1, V1, V1, TOWNSHIP])
    own = {rid for rid, scope in scopes.items() if scope == TOWNSHIP}
    village.client.sync()
    other_village.client.sync()
    assert _snapshot_ids(village.store) == set(scopes) - own  # its own two and the township's copy of it
    assert _snapshot_ids(other_village.store) == set()  # another village's filings are not its business


def test_whole_store_snapshot_stays_local(tmp_path):
    """No region (an installation not set up): nothing to file it under on a server, so it is
    written without a revision or a change-log entry and never queued."""
    from advisor_app.store import open_store

    store = open_store(tmp_path / "store")
    try:
        forms.monthly_filed(store, None, NOVEMBER)
        sheet = forms.monthly_filed(store, None, NOVEMBER)
        assert sheet.tables[-1].rows == [["无更正", "", "", "", ""]]
        with store.session() as s:
            rows = s.scalars(select(ReportSnapshot)).all()
            assert [(r.region_code, r.rev) for r in rows] == [(None, 0), (None, 0)]
            logged = s.scalar(
                select(func.count()).select_from(ChangeLog).where(ChangeLog.table_name == "filed_reports")
            )
        assert logged == 0
    finally:
        store.close()


def test_a_village_cannot_file_its_townships_report(server, device):  # noqa: F811
    """The scope rule read the other way: a filing for the township pushed by a village account is
    refused (403 out_of_scope: marked 被拒 here, nothing stored on the server)."""
    from sync.client import record_state

    village = device("v1", server.url, "adv1")
    with village.store.session() as s:
        snapshot = ReportSnapshot(form="monthly", region_code=TOWNSHIP, period="2026-11", figures={"一": {}})
        s.add(snapshot)
    assert village.client.sync().rejected == 1
    state = record_state.states_for(village.store, "filed_reports", [snapshot.id])[snapshot.id]
    assert state.label == "被拒" and "不属于本账号负责的区域" in state.message
    assert _server_scopes(server) == {}


def test_upgrade_copies_local_snapshots_and_queues_the_regional_ones(tmp_path):
    """Migration 0017: the snapshots of 0013 are copied into filed_reports (the old table is left as
    it was); one filed for a village is queued for the next sync, a whole-store one stays local."""
    import sqlite3

    from advisor_app.store import migrate, open_store
    from advisor_app.store.engine import sqlite_engine

    data_dir = tmp_path / "old"
    data_dir.mkdir()
    path = data_dir / "advisor.db"
    engine = sqlite_engine(path)
    migrate.upgrade(engine, path, "0015")
    engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.executemany(
            "INSERT INTO report_snapshots (form, region_code, period, exported_at, exported_by, figures) "
            "VALUES ('monthly', ?, '2026-11', ?, ?, ?)",
            [
                (V1, "2026-12-01 02:00:00", "调解员", '{"一": {"受理数（件）": {"合计": 3}}}'),
                ("", "2026-12-01 03:00:00", "", '{"一": {}}'),
            ],
        )
    store = open_store(data_dir)
    try:
        with store.session() as s:
            rows = {r.region_code: r for r in s.scalars(select(ReportSnapshot))}
            logged = s.scalars(
                select(ChangeLog.record_id).where(ChangeLog.table_name == "filed_reports")
            ).all()
        assert set(rows) == {V1, None}
        village, whole = rows[V1], rows[None]
        assert (village.rev, village.exported_by, village.figures) == (
            1,
            "调解员",
            {"一": {"受理数（件）": {"合计": 3}}},
        )
        assert village.exported_at.isoformat() == "2026-12-01T02:00:00"
        assert whole.rev == 0 and logged == [village.id]
        with sqlite3.connect(store.path) as conn:
            assert conn.execute("SELECT COUNT(*) FROM report_snapshots").fetchone()[0] == 2
    finally:
        store.close()
