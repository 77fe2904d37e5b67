"""The 县司法局 (county judicial bureau) in the core: its role, its scope as a range of region codes,
its lists and its reports, on a demo store whose county 临渭区 has four townships (the demo's other
county, 富平县, must never show)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import event, text

from advisor_app.domain import privacy
from advisor_app.domain.clock import china_today
from advisor_app.domain.roles import ROLES, RegionScope, Role, code_prefix, region_filter
from advisor_app.domain.validation import ValidationError
from advisor_app.reports import forms, service
from advisor_app.reports.scope import parse_period
from advisor_app.services import listing, ratings, setup, users
from advisor_app.store import open_store
from tests.demo_stores import build, copy_store

COUNTY = "610502000000"  # 临渭区
OTHER_COUNTY = "610528000000"  # 富平县
TOWNSHIPS = ("610502100000", "610502101000", "610502102000", "610502103000")  # 桥南 阳郭 孝义 下邽
YEAR = parse_period(str(china_today().year))


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    """A demo store (two counties, seven townships) made once; each test configures a copy."""
    return build(
        tmp_path_factory.mktemp("county-demo"), seed=5, consultations=500, cases=160, signed_copies=False
    )


@pytest.fixture
def county(demo_store, tmp_path):
    store = open_store(copy_store(demo_store, tmp_path / "county"))
    setup.configure(store, Role.COUNTY, COUNTY, user="吴科长")
    yield store
    store.close()


def _count(store, table: str, prefix: str) -> int:
    with store.engine.connect() as conn:
        return conn.execute(
            text(f"SELECT COUNT(*) FROM {table} WHERE deleted = 0 AND region_code LIKE :p"),
            {"p": prefix + "%"},
        ).scalar_one()


# --- one vocabulary ---------------------------------------------------------------------------------


def test_the_roles_keep_the_words_stored_before():
    assert [str(r) for r in ROLES] == ["村法律顾问", "人民调解员", "司法所", "县司法局"]
    assert setup.ROLES == ROLES and setup.TOWNSHIP_ROLE == "司法所"


def test_a_store_set_up_before_the_enum_reads_unchanged(store):
    store.set_setting(setup.ROLE_SETTING, "司法所")  # as every older version wrote it
    store.set_setting(setup.REGION_SETTING, TOWNSHIPS[0])
    assert setup.role(store) == Role.TOWNSHIP
    assert setup.read_only_pages(store) == ()  # the township's pages, as before
    assert users.may_read_audit(store)


def test_code_prefixes_follow_the_segments():
    assert code_prefix(COUNTY) == "610502"
    assert code_prefix("610502100000") == "610502100"
    assert code_prefix("610502100201") == "610502100201"
    assert code_prefix("610500000000") == "6105"
    assert code_prefix("abc") == "abc"  # not a 区划代码: only itself


# --- first run (the core's half) ---------------------------------------------------------------------


def test_a_county_is_set_up_with_a_county_and_nothing_else(store):
    with pytest.raises(ValidationError) as refused:
        setup.configure(store, Role.COUNTY, TOWNSHIPS[0])
    assert refused.value.errors == {"region_code": "所在县（区）：请选择县、区或县级市"}
    with pytest.raises(ValidationError) as refused:
        setup.configure(store, Role.COUNTY, "")
    assert refused.value.errors["region_code"].startswith("所在县（区）")
    with pytest.raises(ValidationError) as refused:
        setup.configure(store, Role.TOWNSHIP, COUNTY)  # a 司法所 is not set up with a county
    assert refused.value.errors == {"region_code": "所在地：请选择乡镇或村"}
    with pytest.raises(ValidationError) as refused:
        setup.configure(store, "县局", COUNTY)
    assert "县司法局" in refused.value.errors["role"]  # the message lists the roles there are
    setup.configure(store, Role.COUNTY, COUNTY, user="吴科长")
    assert setup.role(store) == Role.COUNTY and setup.home_region(store) == COUNTY
    assert setup.home_county(store).name == "临渭区"
    assert setup.default_region(store) == COUNTY
    assert setup.scope_description(store).startswith("县司法局：临渭区")


def test_the_counties_offered_are_weinans_eleven(store):
    names = [c.name for c in setup.counties(store)]
    assert len(names) == 11 and names[0] == "临渭区" and "韩城市" in names


# --- scope by code range ------------------------------------------------------------------------------


def test_the_county_scope_is_one_code_range(county):
    scope = setup.installation_scope(county)
    assert isinstance(scope, RegionScope) and scope.prefixes == ("610502",)
    for township in TOWNSHIPS:
        assert township in scope
    assert "610502103299" in scope  # a village this store does not know yet: still the county's
    assert "610528101201" not in scope and OTHER_COUNTY not in scope
    # the known codes come along for the pickers: the county, its four townships and their villages
    assert set(TOWNSHIPS) <= set(scope) and not [c for c in scope if not c.startswith("610502")]


def test_a_county_login_widens_by_the_accounts_range(county):
    county.set_setting(setup.ACCOUNT_REGIONS_SETTING, OTHER_COUNTY)
    assert setup.installation_scope(county).prefixes == ("610502", "610528")


def test_region_filters_use_ranges_not_a_list_of_villages():
    params: dict = {}
    sql = region_filter("t.region_code", RegionScope.of_roots([COUNTY]), params)
    assert " IN " not in sql and params == {"rclo0": "610502", "rchi0": "610502:"}
    assert (
        sql == "((+t.region_code >= :rclo0 AND +t.region_code < :rchi0))"
    )  # row by row, not the region index
    assert region_filter("t.region_code", RegionScope((), ()), {}) == "0 = 1"  # nothing: fails closed
    listed: dict = {}
    assert region_filter("r", ["a", "b"], listed) == "r IN (:rc0, :rc1)" and listed == {
        "rc0": "a",
        "rc1": "b",
    }


def test_the_county_lists_and_search_ask_by_range(county):
    with county.engine.connect() as conn:  # a word of a record of the county, and of the other county's
        word = conn.execute(
            text("SELECT substr(question, 1, 3) FROM consultations WHERE region_code LIKE '610502%' LIMIT 1")
        ).scalar_one()
    statements: list[str] = []

    def seen(_conn, _cursor, statement, params, _context, _many):  # noqa: ANN001
        statements.append(statement)

    event.listen(county.engine, "before_cursor_execute", seen)
    try:
        ids = listing.ids(county, "consultation")
        found = listing.ids(county, "consultation", listing.Filters(text=word))
    finally:
        event.remove(county.engine, "before_cursor_execute", seen)
    assert len(ids) == _count(county, "consultations", "610502") > 0
    assert found and set(found) <= set(ids)
    every = listing.ids(county, "consultation", listing.Filters(text=word, region_codes=None))
    assert set(every) == set(found)  # the list is narrowed to the county whatever is asked
    queries = [s for s in statements if "FROM consultations t" in s or "FROM search_docs d" in s]
    assert len(queries) >= 3, queries  # the list, the search's documents, the list of its hits
    for query in queries:
        assert "region_code IN" not in query, query
        assert "+t.region_code >= ?" in query or "+d.region_code >= ?" in query, query


def test_the_county_lists_show_every_township_and_no_other_county(county):
    ids = set(listing.ids(county, "consultation"))
    per_township = {}
    for township in TOWNSHIPS:
        shown = listing.ids(
            county, "consultation", listing.Filters(region_codes=RegionScope.of_roots([township]))
        )
        assert len(shown) == _count(county, "consultations", township[:9]) > 0
        per_township[township] = set(shown)
    assert ids == set().union(*per_township.values())
    assert len(listing.ids(county, "case")) == _count(county, "cases", "610502") > 0
    # a filter outside the county shows nothing, even as a range
    assert (
        listing.ids(
            county, "consultation", listing.Filters(region_codes=RegionScope.of_roots([OTHER_COUNTY]))
        )
        == []
    )
    assert listing.ids(county, "consultation", listing.Filters(region_codes=("610528101201",))) == []


# --- what a county may do -------------------------------------------------------------------------------


def test_a_county_reads_and_reports(county):
    assert setup.hidden_pages(county) == ()
    assert set(setup.read_only_pages(county)) == {"consultations", "cases", "roster", "activities"}
    assert users.may_read_audit(county)
    for kind in ("consultations", "cases", "roster"):
        assert not privacy.may_unmask(Role.COUNTY, kind)  # figures and masked lists only
    with pytest.raises(ValidationError, match="司法所"):
        ratings.decide_appeal(county, "no-such-rating", upheld=True, decided_by="吴科长", decision="误评")


def test_a_county_reads_the_audit_of_its_county_only(county):
    from advisor_app.services import audit

    with county.session() as session:
        audit.record(session, "查看", "consultations", region_code="610502101201", target_id="a")
        audit.record(session, "查看", "consultations", region_code="610528101201", target_id="b")
    seen = {e.target_id for e in users.audit_events(county)}
    assert "a" in seen and "b" not in seen


def test_a_local_user_of_the_county_sees_the_county(county):
    users.create_user(county, "科长", "correct-horse-9", Role.COUNTY, [COUNTY])
    me = users.current_user(county)
    assert me is not None and me.scope.prefixes == ("610502",)
    assert len(listing.ids(county, "consultation")) == _count(county, "consultations", "610502")
    with pytest.raises(ValidationError) as refused:
        users.create_user(county, "所长", "correct-horse-9", Role.COUNTY, [TOWNSHIPS[0]])
    assert refused.value.errors["region_codes"].startswith("负责区域：")


# --- reports --------------------------------------------------------------------------------------------


def test_the_county_figures_are_the_sum_of_its_townships(county):
    whole = service.compute(county, None, YEAR)
    assert whole.region_code == COUNTY and whole.region_name == "临渭区"
    parts = [service.compute(county, township, YEAR) for township in TOWNSHIPS]
    for item in ("accepted", "success", "performed", "confirmed", "amount_fen"):
        assert getattr(whole.total, item) == sum(getattr(p.total, item) for p in parts), item
    assert whole.total.accepted > 0
    assert whole.consultations.total == sum(p.consultations.total for p in parts) > 0
    assert whole.satisfaction.total == sum(p.satisfaction.total for p in parts)
    assert len(whole.villages) == sum(len(p.villages) for p in parts)
    # and the per-township rows are those townships' own figures
    assert [t.code for t in whole.townships] == list(TOWNSHIPS)
    for row, part in zip(whole.townships, parts, strict=True):
        assert row.name == part.region_name
        assert (row.mediation.accepted, row.mediation.success, row.mediation.amount_fen) == (
            part.total.accepted,
            part.total.success,
            part.total.amount_fen,
        )
        assert row.consultations == part.consultations.total
        assert row.villages == len(part.villages)
    assert service.compute(county, TOWNSHIPS[0], YEAR).townships == []  # nothing below to break down


def test_the_monthly_report_figures_are_the_dashboards(county):
    """The monthly export computes only its own part (service.mediation_figures); it must be the
    same figures the 统计 page shows, for the county, a township and a village."""
    village = next(v.code for v in service.compute(county, TOWNSHIPS[0], YEAR).villages)
    for region in (None, TOWNSHIPS[0], village):
        whole, part = service.compute(county, region, YEAR), service.mediation_figures(county, region, YEAR)
        assert (part.region_code, part.region_name) == (whole.region_code, whole.region_name)
        assert part.mediation == whole.mediation and part.prevention == whole.prevention
        assert part.townships == whole.townships and part.total == whole.total
    assert forms.township_rows(service.mediation_figures(county, None, YEAR))[-1][5] == whole_consultations(
        county
    )


def whole_consultations(store) -> int:
    return service.compute(store, None, YEAR).consultations.total


def test_a_county_may_not_report_on_another_county(county):
    with pytest.raises(ValidationError, match="不在本机负责的范围内"):
        service.compute(county, OTHER_COUNTY, YEAR)


def _pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def test_the_county_report_names_the_county_bureau(county, tmp_path):
    sheet = forms.monthly(county, None, YEAR)
    assert "填报单位：临渭区司法局" in sheet.footer and "司法所" not in sheet.footer
    assert sheet.subtitle.startswith("统计单位：临渭区")
    table = sheet.tables[-1]
    assert table.caption == "附：各乡镇情况"
    assert [r[0] for r in table.rows] == ["桥南镇", "阳郭镇", "孝义镇", "下邽镇", "合计"]
    whole = service.compute(county, None, YEAR)
    assert table.rows[-1][1:3] == [whole.total.accepted, whole.total.success]
    assert sum(r[1] for r in table.rows[:-1]) == table.rows[-1][1]

    xlsx = forms.export([sheet], tmp_path / "月报.xlsx")
    cells = [c.value for row in load_workbook(xlsx).active.iter_rows() for c in row if c.value]
    assert any("临渭区司法局" in str(v) for v in cells) and "附：各乡镇情况" in cells
    pdf = forms.export([forms.monthly(county, None, YEAR)], tmp_path / "月报.pdf")
    assert "临渭区司法局" in re.sub(r"\s+", "", _pdf_text(pdf))

    ledger = forms.ledger(county, None, YEAR)
    assert "填报单位：临渭区司法局" in ledger.footer and ledger.subtitle.startswith("服务地区：临渭区")
    assert len(ledger.tables[0].rows) > 0


def test_a_township_report_keeps_its_office_and_a_village_names_its_township(county):
    assert forms.unit_name(county, TOWNSHIPS[0]) == "桥南镇司法所"
    village = next(
        c for c in setup.installation_scope(county) if c.startswith("610502101") and not c.endswith("000")
    )
    assert forms.unit_name(county, village) == "阳郭镇司法所"
    assert forms.unit_name(county, COUNTY) == "临渭区司法局"


def test_advisor_report_on_a_county_computer(county, tmp_path, capsys):
    from advisor_app.cli.main import main

    month = f"{china_today():%Y-%m}"
    out = tmp_path / "县月报.xlsx"
    assert (
        main(["--data-dir", str(county.data_dir), "report", "monthly", "--month", month, "-o", str(out)]) == 0
    )
    cells = [c.value for row in load_workbook(out).active.iter_rows() for c in row if c.value is not None]
    assert any(str(v).startswith("填报单位：临渭区司法局") for v in cells) and "附：各乡镇情况" in cells
    refused = tmp_path / "富平.xlsx"
    code = main(
        ["--data-dir", str(county.data_dir), "report", "monthly", "--month", month, "--region", OTHER_COUNTY]
        + ["-o", str(refused)]
    )
    assert code == 2 and not refused.exists()
    assert "不在本机负责的范围内" in capsys.readouterr().err
