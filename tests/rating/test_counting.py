"""Which rating counts, the working-day calendar and the figures per village and staff member."""

from __future__ import annotations

import json
from datetime import date

import pytest

from advisor_app.domain import workdays
from advisor_app.domain.clock import china_today
from advisor_app.domain.models import Rating
from advisor_app.reports import figures, rating_board
from advisor_app.reports.scope import month
from advisor_app.services import consultations, ratings
from tests.sync_client.records import consult

V1 = "610502100201"


def test_calendar_follows_holidays_and_swapped_workdays(tmp_path) -> None:
    cal = workdays.load()
    assert not cal.is_workday(date(2026, 10, 5))  # 国庆
    assert cal.is_workday(date(2026, 10, 10))  # a Saturday worked (调休)
    assert not cal.is_workday(date(2026, 2, 17))  # 春节
    assert cal.add_workdays(date(2026, 9, 30), 15) == date(2026, 10, 27)
    assert 2027 in cal.provisional and 2026 not in cal.provisional
    # the township replaces a year with its own file (the 2027 swaps once published)
    (tmp_path / "workdays.json").write_text(
        json.dumps(
            {
                "years": {
                    "2027": {"holidays": [["2027-02-05", "2027-02-11", "春节"]], "workdays": ["2027-02-13"]}
                }
            }
        ),
        encoding="utf-8",
    )
    mine = workdays.load((tmp_path,))
    assert not mine.is_workday(date(2027, 2, 10)) and mine.is_workday(date(2027, 2, 13))
    assert 2027 not in mine.provisional and not mine.is_workday(date(2026, 10, 5))
    (tmp_path / "workdays.json").write_text('{"years": {"2027": {"holidays": [["2027-02-30", "x"]]}}}')
    with pytest.raises(workdays.CalendarError, match="2027"):
        workdays.load((tmp_path,))


def test_self_rating_counts_over_staff_and_board(seeded, capsys) -> None:
    store = seeded
    a = consult(store, V1, "借款", adviser="张明")
    b = consult(store, V1, "离婚", adviser="王芳")
    consultations.close(store, a, grade="满意")
    consultations.close(store, b, no_rating_reason=ratings.SELF_RATING_REASON)
    day = china_today()
    period = month(day.year, day.month)
    with store.session() as s:
        assert figures.satisfaction(s, "610502100", period).by_grade["满意"] == 1
    with store.session() as s:  # the person's own rating of ``a`` arrives (pulled), 不满意
        s.add(Rating(target_kind="consultation", target_id=a, grade="不满意", rated_on=day, source="self"))
    with store.session() as s:
        sat = figures.satisfaction(s, "610502100", period)
        assert sat.by_grade["满意"] == 0 and sat.by_grade["不满意"] == 1  # the staff 满意 no longer counts
        assert ratings.counted_rating(s, "consultation", a).source == "self"
        assert ratings.rating_of(s, "consultation", a).source == "staff"  # staff edit their own only
        rows = rating_board.board(s, "610502100", period, by="staff")
    assert [(r.label, r.rated, r.self_rated, r.bad) for r in rows] == [("张明", 1, 1, 1)]
    assert rows[0].self_share == 100.0 and rows[0].follow_up_rate == 0.0
    bad = [f for f in ratings.follow_ups(store) if f.target_id == a]
    assert bad and bad[0].source_label == "当事人扫码"
    from advisor_app.cli.main import main

    assert main(["--data-dir", str(store.data_dir), "followup", "list"]) == 0
    assert f"{bad[0].id}\t不满意" in capsys.readouterr().out.split("当事人扫码")[0]
    ratings.record_follow_up(
        store,
        bad[0].id,
        {
            "followed_up_by": "司法所李",
            "follow_up_note": "已电话回访",
            "follow_up_action": "重新解答并送达书面意见",
        },
    )
    with store.session() as s:
        total = rating_board.total(rating_board.board(s, "610502100", period))
    assert (total.followed_up, total.rectified, total.follow_up_rate, total.rectify_rate) == (
        1,
        1,
        100.0,
        100.0,
    )
    table = rating_board.as_table(rating_board.board(s, "610502100", period), "村（社区）")
    assert table[0][:3] == ["名次", "村（社区）", "评价数"] and table[1][1] == "桥南村"


def test_rating_ranking_report_exported(seeded, tmp_path) -> None:
    import subprocess

    from openpyxl import load_workbook

    from advisor_app.cli.main import main

    store = seeded
    a = consult(store, V1, "借款", adviser="张明")
    consultations.close(store, a, grade="非常满意")
    day = china_today()
    pdf, xlsx = tmp_path / "rank.pdf", tmp_path / "rank.xlsx"
    for out in (pdf, xlsx):
        assert (
            main(
                [
                    "--data-dir",
                    str(store.data_dir),
                    "report",
                    "rating",
                    "--month",
                    f"{day:%Y-%m}",
                    "-o",
                    str(out),
                ]
            )
            == 0
        )
    words = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "服务评价情况及排名" in words and "桥南村" in words and "张明" in words and "100.0%" in words
    cells = [c for row in load_workbook(xlsx)["评价排名"].iter_rows(values_only=True) for c in row if c]
    assert "自评率" in cells and "张明" in cells


def test_appeal_from_the_command_line(seeded, capsys) -> None:
    from advisor_app.cli.main import main
    from advisor_app.services import setup

    store = seeded
    rid = consult(store, V1, "借款", adviser="张明")
    consultations.close(store, rid, grade="非常不满意")
    (item,) = [f for f in ratings.follow_ups(store) if f.target_id == rid]
    base = ["--data-dir", str(store.data_dir), "followup"]
    assert main([*base, "appeal", item.id, "--reason", "当事人误评"]) == 0
    assert "待司法所裁定" in capsys.readouterr().out
    setup.configure(store, "村法律顾问", "610502100201", user="张明")
    assert main([*base, "decide", item.id, "--upheld", "--by", "张明", "--note", "x"]) != 0
    assert "司法所" in capsys.readouterr().err
    setup.configure(store, "司法所", "610502100000", user="司法所王")
    assert main([*base, "decide", item.id, "--upheld", "--by", "司法所王", "--note", "已核实为误评"]) == 0
    assert "申诉成立" in capsys.readouterr().out
    assert not [f for f in ratings.follow_ups(store, include_done=True) if f.target_id == rid]


@pytest.mark.parametrize("analysed", [False, True])
def test_counted_rule_finds_the_self_rating_by_its_target(seeded, analysed) -> None:
    """The self-rating rule's correlated subquery looks the service's other ratings up by
    ``target_id``, with or without SQLite's statistics for the table. Left to the planner without
    statistics, it searched them by ``target_kind`` — every consultation rating for each rating
    counted — and a month's report on a 100,000-consultation store ran for many minutes."""
    store = seeded
    a = consult(store, V1, "借款", adviser="张明")
    consultations.close(store, a, grade="满意")
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE IF EXISTS sqlite_stat1" if not analysed else "ANALYZE")
    with store.session() as s:
        raw = s.connection().connection.driver_connection
        plan = [
            row[3]
            for row in raw.execute(
                f"EXPLAIN QUERY PLAN SELECT COUNT(*) FROM ratings r WHERE {rating_board.COUNTED}"
            )
        ]
    inner = [line for line in plan if line.startswith("SEARCH s ")]
    assert inner and all("USING INDEX ix_ratings_target_id (target_id=?)" in line for line in inner), plan
