"""Issue 18 over a real city server on loopback: the new fields travel (履行 date on a signed
agreement, a recorded 差评回访, a zero report's 更正) and the server accepts them."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select

from advisor_app.domain.clock import china_today
from advisor_app.domain.models import Agreement, Case, Rating, ZeroReport
from advisor_app.services import cases, consultations, ratings, zero_reports
from tests.sync_client.conftest import V1, device, memory_keyring, server  # noqa: F401 (fixtures)


def _stored(city, kind: str, record_id: str) -> dict:
    from sync.server.db import Record

    with city.engine.connect() as conn:
        return json.loads(
            conn.execute(
                select(Record.payload).where(Record.kind == kind, Record.id == record_id)
            ).scalar_one()
        )


def test_performance_date_follow_up_and_zero_report_correction_sync(server, device):  # noqa: F811
    a = device("a", server.url, "adv1")
    a.client.sync()  # the township's committee arrives
    with a.store.session() as s:
        case = Case(
            committee_id=server.committee_id,
            region_code=V1,
            dispute_type="邻里",
            source="当事人申请",
            summary="排水沟纠纷",
            accepted_on=date(2026, 3, 1),
            due_on=date(2026, 3, 31),
            status="达成协议",
        )
        s.add(case)
        s.flush()
        agreement = Agreement(
            case_id=case.id, status="已签署", terms=["疏通排水沟"], signed_on=date(2026, 3, 5)
        )
        s.add(agreement)
    zero_reports.report_zero(a.store, V1, "2026-04")
    record = consultations.create(
        a.store, {"region_code": V1, "occurred_at": "2026-03-09 10:00", "question": "问"}
    )
    consultations.close(a.store, record.id, grade="不满意")
    assert a.client.sync().rejected == 0

    # 已履行 with its date on a signed agreement: allowed after signing, like ``performed``
    cases.record_performance(a.store, agreement.id, "已履行", date(2026, 3, 20))
    with a.store.session() as s:
        rating_id = s.scalars(select(Rating.id).where(Rating.target_id == record.id)).one()
    ratings.record_follow_up(
        a.store,
        rating_id,
        {
            "followed_up_by": "王所长",
            "followed_up_on": china_today(),
            "follow_up_note": "已解释",
            "follow_up_action": "重新解答",
        },
    )
    with a.store.session() as s:  # a case accepted in the zero-reported month
        s.add(
            Case(
                committee_id=server.committee_id,
                region_code=V1,
                dispute_type="邻里",
                source="当事人申请",
                summary="补录",
                accepted_on=date(2026, 4, 2),
                due_on=date(2026, 5, 2),
            )
        )
    report = a.client.sync()
    assert (
        report.rejected == 0 and a.store.conflict_count() == 0 if hasattr(a.store, "conflict_count") else True
    )
    assert report.rejected == 0
    stored = _stored(server, "agreements", agreement.id)
    assert (stored["performed"], stored["performed_on"]) == ("已履行", "2026-03-20")
    stored = _stored(server, "ratings", rating_id)
    assert (stored["followed_up_by"], stored["follow_up_action"]) == ("王所长", "重新解答")
    with a.store.session() as s:
        zero = s.scalars(select(ZeroReport)).one()
    assert "2026-04-02 受理案件" in _stored(server, "zero_reports", zero.id)["correction"]
