"""Issue 18: follow-ups recorded, amendments and confirmations counted right, event dates,
time zones, 零上报 against the records, GB/T 8170 rounding, snapshots with 更正."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select, update

from advisor_app.cli.main import main as cli
from advisor_app.domain.case_flow import FlowError
from advisor_app.domain.models import Agreement, Case, Rating, ZeroReport
from advisor_app.domain.validation import ValidationError, parse_datetime
from advisor_app.reports import figures, forms, service
from advisor_app.reports.scope import month, parse_period
from advisor_app.services import cases, consultations, ratings, screening, worklist, zero_reports
from advisor_app.store import open_store

VILLAGE, VILLAGE_2, TOWNSHIP = "610502100201", "610502100202", "610502100000"


def _case(store, accepted: date, region: str = VILLAGE) -> Case:
    return cases.register(
        store,
        {
            "committee_id": store.committee_id,
            "region_code": region,
            "dispute_type": "邻里",
            "source": "当事人申请",
            "summary": "邻里纠纷",
            "accepted_on": accepted,
            "parties": [{"role": "申请人", "name": "甲某"}, {"role": "被申请人", "name": "乙某"}],
        },
    )


def _sign(store, case_id: str, yuan: str, day: date, draft_id: str | None = None) -> Agreement:
    if cases.get(store, case_id).status == "受理":
        cases.add_session(store, case_id, {"held_at": datetime.combine(day, datetime.min.time())})
    draft = cases.save_agreement(
        store,
        case_id,
        {"facts": "事实", "terms": ["赔偿"], "performance": "当场", "amount_yuan": yuan},
        draft_id,
    )
    return cases.sign_agreement(store, draft.id, day)


def _total(store, period: str, as_of: date = date(2026, 12, 31)) -> figures.MediationRow:
    return service.compute(store, TOWNSHIP, parse_period(period), as_of).total


def _bad_consultation(store, day: date) -> str:
    record = consultations.create(
        store,
        {"region_code": VILLAGE, "occurred_at": datetime.combine(day, datetime.min.time()), "question": "问"},
    )
    consultations.close(store, record.id, grade="不满意", comment="没解决")
    with store.session() as session:
        rating = session.scalars(select(Rating).where(Rating.target_id == record.id)).one()
        rating.rated_on = day
        rating.follow_up_due = ratings.add_working_days(day, ratings.FOLLOW_UP_WORKING_DAYS)
        return rating.id


# --- 0. 差评回访 ----------------------------------------------------------------------------------------


def test_follow_up_is_recorded_and_leaves_the_overdue_count(seeded):
    rating_id = _bad_consultation(seeded, date(2026, 10, 5))
    as_of = date(2026, 11, 26)
    figs = service.compute(seeded, TOWNSHIP, month(2026, 10), as_of)
    assert [f["id"] for f in figs.overdue.follow_ups] == [rating_id]
    [item] = ratings.follow_ups(seeded, region_codes=[TOWNSHIP])
    assert (item.id, item.grade, item.target_label, item.done) == (rating_id, "不满意", "法律咨询", False)
    assert item.days_left(as_of) < 0

    with pytest.raises(ValidationError) as missing:
        ratings.record_follow_up(seeded, rating_id, {"followed_up_by": "王所长"})
    assert set(missing.value.errors) == {"follow_up_note", "follow_up_action"}
    assert "回访情况" in missing.value.errors["follow_up_note"]
    with pytest.raises(ValidationError, match="不能早于评价日期"):
        ratings.record_follow_up(
            seeded,
            rating_id,
            {
                "followed_up_by": "王",
                "followed_up_on": "2026-10-01",
                "follow_up_note": "x",
                "follow_up_action": "y",
            },
        )

    ratings.record_follow_up(
        seeded,
        rating_id,
        {
            "followed_up_by": "王所长",
            "followed_up_on": "2026-10-20",
            "follow_up_note": "工资仍未追回",
            "follow_up_action": "已引导申请法律援助",
        },
    )
    figs = service.compute(seeded, TOWNSHIP, month(2026, 10), as_of)
    assert figs.overdue.follow_ups == []
    assert figs.satisfaction.bad[0].followed_up_on == date(2026, 10, 20)
    assert ratings.follow_ups(seeded, region_codes=[TOWNSHIP]) == []
    [done] = ratings.follow_ups(seeded, region_codes=[VILLAGE], include_done=True)
    assert (done.followed_up_by, done.follow_up_note, done.follow_up_action) == (
        "王所长",
        "工资仍未追回",
        "已引导申请法律援助",
    )
    assert ratings.follow_ups(seeded, region_codes=[VILLAGE_2], include_done=True) == []


def test_follow_up_of_a_good_rating_is_refused(seeded):
    record = consultations.create(
        seeded, {"region_code": VILLAGE, "occurred_at": "2026-10-05 09:00", "question": "问"}
    )
    consultations.close(seeded, record.id, grade="满意")
    with seeded.session() as session:
        rating_id = session.scalars(select(Rating.id).where(Rating.target_id == record.id)).one()
    with pytest.raises(ValidationError, match="不是差评"):
        ratings.record_follow_up(
            seeded, rating_id, {"followed_up_by": "王", "follow_up_note": "x", "follow_up_action": "y"}
        )


def test_cli_lists_and_records_a_follow_up(seeded, capsys):
    rating_id = _bad_consultation(seeded, date(2026, 10, 5))
    data_dir = str(seeded.data_dir)
    seeded.close()
    assert cli(["--data-dir", data_dir, "followup", "list"]) == 0
    out, err = capsys.readouterr()
    assert rating_id in out and "超期" in out and "未回访 1 条" in err
    args = ["--data-dir", data_dir, "followup", "record", rating_id, "--by", "王所长", "--on", "2026-10-20"]
    assert cli([*args, "--found", "已当面解释", "--action", "重新解答"]) == 0
    assert cli(["--data-dir", data_dir, "followup", "list"]) == 0
    out, err = capsys.readouterr()
    assert rating_id not in out.split("已登记回访")[-1] and "未回访 0 条" in err
    assert cli(["--data-dir", data_dir, "followup", "list", "--all"]) == 0
    assert "已回访 2026-10-20 王所长" in capsys.readouterr().out
    with pytest.raises(SystemExit):  # 处理措施 is required
        cli(["--data-dir", data_dir, "followup", "record", rating_id, "--by", "王", "--found", "x"])
    assert (
        cli(
            [
                "--data-dir",
                data_dir,
                "followup",
                "record",
                "nope",
                "--by",
                "王",
                "--found",
                "x",
                "--action",
                "y",
            ]
        )
        == 2
    )


# --- 2. amendments and confirmations ------------------------------------------------------------------


def test_amending_a_signed_agreement_keeps_the_case_successful_and_not_overdue(seeded):
    case = _case(seeded, date(2026, 10, 1))
    first = _sign(seeded, case.id, "1000", date(2026, 10, 10))
    draft = cases.new_version(seeded, first.id)
    assert cases.get(seeded, case.id).status == "达成协议"
    with pytest.raises(FlowError, match="待签署"):
        cases.new_version(seeded, first.id)
    # weeks later, the new version is still unsigned: one success, nothing overdue
    figs = service.compute(seeded, TOWNSHIP, month(2026, 10), date(2026, 11, 26))
    assert (figs.total.accepted, figs.total.success) == (1, 1)
    assert figs.overdue.cases == []
    assert [w["agreement_id"] for w in figs.overdue.confirmation_window] == []  # 10-10 + 30 < 11-26
    assert worklist.overdue_cases(seeded, date(2026, 11, 26)) == []  # the 工作台 agrees
    second = _sign(seeded, case.id, "1500", date(2026, 11, 29), draft.id)
    assert second.version == 2 and cases.get(seeded, case.id).status == "达成协议"
    # the amendment is not a second success; October's amount is what was in force then
    assert (_total(seeded, "2026-10").success, _total(seeded, "2026-10").amount_fen) == (1, 100000)
    assert (_total(seeded, "2026-11").success, _total(seeded, "2026-11").amount_fen) == (0, 0)
    assert _total(seeded, "2026").amount_fen == 150000


def test_amending_a_performed_case_signs_without_leaving_its_status(seeded):
    case = _case(seeded, date(2026, 10, 1))
    first = _sign(seeded, case.id, "1000", date(2026, 10, 10))
    cases.record_performance(seeded, first.id, "已履行", date(2026, 10, 20))
    draft = cases.new_version(seeded, first.id)
    _sign(seeded, case.id, "800", date(2026, 11, 5), draft.id)
    assert cases.get(seeded, case.id).status == "履行"


def test_confirmations_belong_to_their_agreement_version(seeded):
    case = _case(seeded, date(2026, 10, 1))
    first = _sign(seeded, case.id, "1000", date(2026, 10, 10))
    applied = cases.apply_confirmation(seeded, case.id, date(2026, 10, 12), "临渭区人民法院")
    assert applied.agreement_id == first.id
    with pytest.raises(FlowError, match="已申请"):
        cases.apply_confirmation(seeded, case.id, date(2026, 10, 13))
    cases.decide_confirmation(seeded, applied.id, "已确认", date(2026, 10, 20))
    draft = cases.new_version(seeded, first.id)
    second = _sign(seeded, case.id, "1200", date(2026, 11, 29), draft.id)
    # the new version has its own 30-day window, open although the old version was confirmed
    figs = service.compute(seeded, TOWNSHIP, month(2026, 11), date(2026, 12, 1))
    assert [(w["agreement_id"], w["days_left"]) for w in figs.overdue.confirmation_window] == [
        (second.id, 28)
    ]
    assert [(w.case_id, w.days) for w in worklist.confirmation_window(seeded, date(2026, 12, 1))] == [
        (case.id, 28)
    ]
    with pytest.raises(FlowError, match="作废"):
        cases.apply_confirmation(seeded, case.id, date(2026, 12, 1), agreement_id=first.id)
    # October keeps its confirmation (decided while that version was in force)
    assert _total(seeded, "2026-10").confirmed == 1
    # a decision on the old version after it was superseded does not count
    late = _case(seeded, date(2026, 10, 2))
    old = _sign(seeded, late.id, "100", date(2026, 10, 3))
    pending = cases.apply_confirmation(seeded, late.id, date(2026, 10, 4))
    newer = cases.new_version(seeded, old.id)
    _sign(seeded, late.id, "200", date(2026, 10, 10), newer.id)
    cases.decide_confirmation(seeded, pending.id, "已确认", date(2026, 10, 16))
    assert _total(seeded, "2026-10").confirmed == 1
    assert len(cases.confirmations(seeded, case.id, agreement_id=second.id)) == 0


# --- 5. each figure by the date of its own event -------------------------------------------------------


def test_each_item_counts_in_the_month_of_its_own_event(seeded):
    case = _case(seeded, date(2026, 10, 20))
    signed = _sign(seeded, case.id, "2500", date(2026, 11, 3))
    cases.record_performance(seeded, signed.id, "已履行", date(2026, 11, 10))
    applied = cases.apply_confirmation(seeded, case.id, date(2026, 11, 4))
    october = _total(seeded, "2026-10")
    assert (october.accepted, october.success, october.performed, october.amount_fen) == (1, 0, 0, 0)
    cases.decide_confirmation(seeded, applied.id, "已确认", date(2026, 12, 1))
    november = _total(seeded, "2026-11")
    assert (november.accepted, november.success, november.performed, november.confirmed) == (0, 1, 1, 0)
    assert november.amount_fen == 250000 and november.rate is None
    assert _total(seeded, "2026-12").confirmed == 1
    # October's figures did not move when November's events happened
    assert _total(seeded, "2026-10") == october
    ids = service.records(seeded, TOWNSHIP, parse_period("2026-11"), "mediation", "success|total=合计")
    assert ids == ("cases", [case.id])


def test_rounding_follows_gbt_8170():
    assert figures.gbt8170(Decimal("6.25"), 1) == 6.2  # 五成双: the kept digit is even
    assert figures.gbt8170(Decimal("6.35"), 1) == 6.4
    assert figures.gbt8170(Decimal("6.251"), 1) == 6.3
    assert figures.MediationRow("x", accepted=16, success=1).rate == 6.2  # 6.25 %
    assert figures.MediationRow("x", amount_fen=1_234_550).amount_wan == 1.2346  # 1.23455 万
    assert figures.MediationRow("x", amount_fen=1_234_450).amount_wan == 1.2344


# --- 3. time zones -----------------------------------------------------------------------------------------


def test_an_offset_is_converted_to_china_time_and_none_is_china_time():
    assert parse_datetime("2026-11-30T16:30:00+00:00") == datetime(2026, 12, 1, 0, 30)
    assert parse_datetime("2026-12-01T00:30:00+08:00") == datetime(2026, 12, 1, 0, 30)
    assert parse_datetime("2026-11-30 16:30") == datetime(2026, 11, 30, 16, 30)


def test_a_utc_service_time_counts_in_the_china_month(seeded):
    consultations.create(
        seeded, {"region_code": VILLAGE, "occurred_at": "2026-11-30T16:30:00+00:00", "question": "问"}
    )
    assert service.compute(seeded, TOWNSHIP, month(2026, 11), date(2026, 12, 2)).consultations.total == 0
    assert service.compute(seeded, TOWNSHIP, month(2026, 12), date(2026, 12, 2)).consultations.total == 1


# --- 4. 零上报 and the records -----------------------------------------------------------------------------


def _status(store, code: str, period: str = "2026-10") -> str:
    figs = service.compute(store, TOWNSHIP, parse_period(period), date(2026, 11, 26))
    return next(v.report_status for v in figs.villages if v.code == code)


def test_zero_report_for_a_month_with_records_needs_confirmation(seeded):
    _case(seeded, date(2026, 10, 8))
    with pytest.raises(zero_reports.ZeroReportConflict, match="受理案件 1 条"):
        zero_reports.report_zero(seeded, VILLAGE, "2026-10")
    with seeded.session() as session:
        assert session.scalars(select(ZeroReport)).all() == []
    report = zero_reports.report_zero(seeded, VILLAGE, "2026-10", confirm=True, reason="案件系误录，待删除")
    assert "受理案件 1 条" in report.correction and "误录" in report.correction
    assert _status(seeded, VILLAGE) == "有上报（零上报已更正）"
    # no records: a plain zero report, no correction
    assert zero_reports.report_zero(seeded, VILLAGE_2, "2026-10").correction is None
    assert _status(seeded, VILLAGE_2) == "零上报"


def test_a_record_added_to_a_zero_reported_month_records_the_correction(seeded):
    zero_reports.report_zero(seeded, VILLAGE, "2026-10")
    assert zero_reports.zero_report_for(seeded, VILLAGE, date(2026, 10, 9)) is not None
    # a consultation is no dispute: the zero report stands
    consultations.create(
        seeded, {"region_code": VILLAGE, "occurred_at": "2026-10-09 10:00", "question": "问"}
    )
    assert _status(seeded, VILLAGE) == "有上报"
    _case(seeded, date(2026, 10, 9))
    with seeded.session() as session:
        report = session.scalars(select(ZeroReport)).one()
        assert "2026-10-09 受理案件" in report.correction and report.rev == 2
    assert _status(seeded, VILLAGE) == "有上报（零上报已更正）"


def test_a_contradiction_from_elsewhere_is_shown_not_hidden(seeded):
    zero_reports.report_zero(seeded, VILLAGE, "2026-10")
    _case(seeded, date(2026, 10, 8))
    with seeded.session() as session:  # as a sync from an older client would leave it
        session.execute(update(ZeroReport).values(correction=None, corrected_on=None))
    assert _status(seeded, VILLAGE) == "有上报（与零上报矛盾）"


def test_cli_zero_report_needs_confirm_when_the_month_has_records(seeded, capsys):
    _case(seeded, date(2026, 10, 8))
    data_dir = str(seeded.data_dir)
    seeded.close()
    base = ["--data-dir", data_dir, "zero-report", "--region", VILLAGE, "--month", "2026-10"]
    assert cli(base) == 2
    assert "--confirm" in capsys.readouterr().err
    assert cli([*base, "--confirm", "--reason", "误录"]) == 0
    assert "经确认仍零上报" in capsys.readouterr().out


# --- 5. snapshots and 更正 -------------------------------------------------------------------------------


def test_a_second_export_of_a_period_lists_the_corrections(seeded, tmp_path):
    _case(seeded, date(2026, 10, 8))
    first = forms.monthly_filed(seeded, TOWNSHIP, month(2026, 10), by="王")
    assert not any(t.caption.startswith("四、更正") for t in first.tables)
    assert "GB/T 8170" in first.subtitle
    late = _case(seeded, date(2026, 10, 20))
    _sign(seeded, late.id, "300", date(2026, 10, 25))
    second = forms.monthly_filed(seeded, TOWNSHIP, month(2026, 10))
    corrections = second.tables[-1]
    assert corrections.caption.startswith("四、更正")
    assert ["一、受理数（件）", "合计", 1, 2, 1] in corrections.rows
    assert ["一、调解成功数（件）", "邻里", 0, 1, 1] in corrections.rows
    forms.export([second], tmp_path / "m.xlsx")
    third = forms.monthly_filed(seeded, TOWNSHIP, month(2026, 10))
    assert third.tables[-1].rows == [["无更正", "", "", "", ""]]
    # another period has its own snapshots
    november = forms.monthly_filed(seeded, TOWNSHIP, month(2026, 11))
    assert not any(t.caption.startswith("四、更正") for t in november.tables)


# --- 6. small inconsistencies --------------------------------------------------------------------------------


def test_onsite_drill_down_lists_activities_too(seeded):
    from advisor_app.services import activities

    visit = consultations.create(
        seeded,
        {"region_code": VILLAGE, "occurred_at": "2026-10-09 10:00", "question": "问", "duration_minutes": 30},
    )
    lecture = activities.create(
        seeded,
        {
            "region_code": VILLAGE,
            "held_on": date(2026, 10, 10),
            "place": "村委会",
            "topic": "民法典",
            "duration_minutes": 90,
        },
    )
    figs = service.compute(seeded, TOWNSHIP, month(2026, 10), date(2026, 11, 26))
    assert next(v for v in figs.villages if v.code == VILLAGE).onsite_minutes == 120
    kind, ids = service.records(seeded, TOWNSHIP, month(2026, 10), "onsite", VILLAGE)
    assert (kind, ids) == ("services", [visit.id, lecture.id])
    lines = service.describe(seeded, kind, ids)
    assert "实地咨询" in lines[0] and "30 分钟" in lines[0] and "民法典" in lines[1]


def test_missing_subcategory_is_unclassified_in_figures_and_hot_topics(seeded):
    from advisor_app.reports import hot_topics

    for day in range(1, 8):
        consultations.create(
            seeded, {"region_code": VILLAGE, "occurred_at": f"2026-10-{day:02d} 10:00", "question": "问"}
        )
    figs = service.compute(seeded, TOWNSHIP, month(2026, 10), date(2026, 11, 26))
    assert figs.consultations.by_subcategory == {"未分类": 7}
    with seeded.session() as session:
        counts = hot_topics.category_counts(
            session, "610502100", date(2026, 10, 1), date(2026, 11, 1), "consultations"
        )
    flat = repr(counts)
    assert "未分类" in flat and "其他" not in flat


def test_cli_monthly_report_twice_lists_the_corrections(seeded, tmp_path, capsys):
    from openpyxl import load_workbook

    _case(seeded, date(2026, 10, 8))
    data_dir = str(seeded.data_dir)
    seeded.close()
    base = ["--data-dir", data_dir, "report", "monthly", "--month", "2026-10", "--region", TOWNSHIP]
    assert cli([*base, "-o", str(tmp_path / "first.xlsx")]) == 0
    from advisor_app.store import open_store

    store = open_store(data_dir)
    store.committee_id = store.setting("test_committee_id")
    try:
        _case(store, date(2026, 10, 9))
    finally:
        store.close()
    assert cli([*base, "-o", str(tmp_path / "second.xlsx")]) == 0

    def cells(name: str) -> list[str]:
        sheet = load_workbook(tmp_path / name).worksheets[0]
        return [str(v) for row in sheet.iter_rows(values_only=True) for v in row if v is not None]

    assert not any("更正" in c for c in cells("first.xlsx"))
    second = cells("second.xlsx")
    assert any(c.startswith("四、更正") for c in second) and "一、受理数（件）" in second
    assert any("GB/T 8170" in c for c in second)


def test_a_screening_in_a_zero_reported_month_asks_first(seeded):
    zero_reports.report_zero(seeded, VILLAGE, "2026-10")
    data = {"region_code": VILLAGE, "held_on": date(2026, 10, 15), "disputes_found": 1}
    with pytest.raises(zero_reports.ZeroReportExists, match="2026-10 本村已零上报"):
        screening.record_screening(seeded, data)
    assert _status(seeded, VILLAGE) == "零上报"
    screening.record_screening(seeded, data, confirm=True)
    with seeded.session() as session:
        assert "2026-10-15 排查发现纠纷" in session.scalars(select(ZeroReport)).one().correction
    assert _status(seeded, VILLAGE) == "有上报（零上报已更正）"
    # corrected once: the next record of the month needs no confirmation
    screening.record_screening(seeded, {**data, "held_on": date(2026, 10, 20)})


def test_a_filing_written_in_plain_sql_is_the_row_the_orm_writes(seeded):
    """`advisor report monthly` keeps its snapshot without the ORM (store/plain_sql.py): the row and
    its change-log entry must be what the store's session hooks write for the same record — every
    column of the same SQLite type, the same values but for the id and the times, the times in the
    same text format — and the ORM must read it back as the record it wrote."""
    from advisor_app.domain.models import ReportSnapshot
    from advisor_app.store import plain_sql

    store = seeded
    values = {
        "form": "monthly",
        "region_code": VILLAGE,
        "period": "2026-11",
        "exported_at": datetime(2026, 12, 1, 2, 3, 4, 56),
        "exported_by": "张明",
        "figures": {"一、调解": {"合计": {"受理数": 3, "金额": 1.5, "备注": "𠀋"}}},
    }
    with store.session() as session:
        session.add(ReportSnapshot(id="orm", **values))
    with plain_sql.writing(store) as conn:
        plain_sql.insert_synced(conn, "filed_reports", {"id": "plain", **values}, store)

    def raw(sql: str, key: str) -> dict:
        with store.engine.connect() as conn:
            cur = conn.exec_driver_sql(sql, (key,))
            names = [d[0] for d in cur.cursor.description]
            row = cur.fetchone()
            assert row is not None, key
            return dict(zip(names, row, strict=True))

    times = ("created_at", "updated_at", "changed_at", "seq")
    for sql in (
        "SELECT *, typeof(figures) AS t1, typeof(deleted) AS t2, typeof(created_at) AS t3 FROM filed_reports WHERE id = ?",
        "SELECT table_name, rev, changed_at, seq FROM change_log WHERE record_id = ?",
    ):
        orm, plain = raw(sql, "orm"), raw(sql, "plain")
        assert {k: v for k, v in orm.items() if k not in (*times, "id")} == {
            k: v for k, v in plain.items() if k not in (*times, "id")
        }
        for key in set(times) & set(orm) - {"seq"}:
            assert len(orm[key]) == len(plain[key]) and orm[key][10] == plain[key][10] == " ", (
                key,
                orm,
                plain,
            )
    with store.session() as session:
        back = session.get(ReportSnapshot, "plain")
        assert back is not None and back.figures == values["figures"] and back.rev == 1
        assert back.exported_at == values["exported_at"] and back.device_id == store.device_id


def test_an_export_that_fails_or_is_cancelled_files_nothing(seeded, tmp_path, capsys):
    """A workbook still open in Excel (here: a folder where the file should go), an unknown suffix
    or a cancel keeps no filing: the next export's 更正 are against what was really sent."""
    from advisor_app.reports import snapshots

    period = month(2026, 10)
    blocked = tmp_path / "月报.xlsx"
    blocked.mkdir()  # the file cannot be written under this name
    with pytest.raises(OSError):
        forms.export_monthly_filed(seeded, TOWNSHIP, period, blocked, by="王")
    with pytest.raises(ValueError, match="输出文件"):
        forms.export_monthly_filed(seeded, TOWNSHIP, period, tmp_path / "月报.txt", by="王")
    assert (
        forms.export_monthly_filed(seeded, TOWNSHIP, period, tmp_path / "c.xlsx", cancelled=lambda: True)
        is None
    )
    assert not (tmp_path / "c.xlsx").exists()
    assert snapshots.filings(seeded, TOWNSHIP) == []
    seeded.close()
    assert cli(["--data-dir", str(seeded.data_dir), "report", "monthly", "--month", "2026-10",
                "--region", TOWNSHIP, "-o", str(tmp_path / "月报.txt")]) == 2  # fmt: skip
    assert "输出文件" in capsys.readouterr().err
    written = tmp_path / "ok.xlsx"
    assert cli(["--data-dir", str(seeded.data_dir), "report", "monthly", "--month", "2026-10",
                "--region", TOWNSHIP, "-o", str(written)]) == 0  # fmt: skip
    store = open_store(seeded.data_dir)
    try:
        (filing,) = snapshots.filings(store, TOWNSHIP)
        assert filing.corrections is None and written.stat().st_size > 0
    finally:
        store.close()
