"""Export then import gives the same records; bad rows are listed and the good ones kept."""

import csv

import pytest
from openpyxl import Workbook, load_workbook

from advisor_app import demo
from advisor_app.io import transfer
from advisor_app.io.tabular import TableFormatError
from advisor_app.services import regions
from advisor_app.store import open_store


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    store = open_store(tmp_path_factory.mktemp("source"))
    demo.generate(store, seed=11, consultations=300, cases=60, signed_copies=False)  # no printing here
    yield store
    store.close()


def empty_store(path):
    store = open_store(path)
    regions.load_csv(store)
    return store


def rows_of(path):
    """The data rows (the export stamp, which names the time, is left out)."""
    if path.suffix == ".csv":
        with path.open(encoding="utf-8-sig") as fh:
            return list(csv.reader(line for line in fh if not line.startswith("#")))
    return [list(r) for r in load_workbook(path).worksheets[0].values]


@pytest.mark.parametrize("kind", transfer.KINDS)
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_import_round_trip(source, tmp_path, kind, suffix):
    first = tmp_path / f"first{suffix}"
    count = transfer.export(source, kind, first, full=True)
    assert count > 0
    target = empty_store(tmp_path / "target")
    try:
        report = transfer.import_file(target, kind, first)
        assert report.errors == [] and report.created == count
        second = tmp_path / f"second{suffix}"
        transfer.export(target, kind, second, full=True)
        assert rows_of(second) == rows_of(first)
        again = transfer.import_file(target, kind, first)
        assert (again.created, again.updated) == (0, count), "re-importing updates instead of duplicating"
    finally:
        target.close()


def test_roster_headers_are_what_a_clerk_expects(source, tmp_path):
    path = tmp_path / "roster.xlsx"
    transfer.export(source, "roster", path)
    headers = rows_of(path)[0]
    for needed in ("姓名", "性别", "身份证号", "联系电话", "所在村"):
        assert needed in headers


def write_xlsx(path, rows):
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)


def test_bad_rows_are_reported_by_row_and_field_and_good_rows_kept(tmp_path):
    store = empty_store(tmp_path / "s")
    try:
        path = tmp_path / "roster.xlsx"
        write_xlsx(
            path,
            [
                ["姓名", "性别", "身份证号", "联系电话", "所在乡镇", "所在村", "区划代码"],
                ["赵秀英", "女", "11010519491231002X", "13912345678", "桥南镇", "桥南村", "610502100201"],
                ["钱多多", "男", "110105194912310021", "13912345678", "桥南镇", "桥南村", "610502100201"],
                ["", "男", None, "123", "桥南镇", "桥南村", "610502100201"],
                ["孙立", "男", None, "0913-2123456", "桥南镇", "王家村", "610502100202"],
                ["周海", "男", None, None, None, "不存在村", None],
            ],
        )
        report = transfer.import_file(store, "roster", path)
        assert report.created == 2
        assert report.rejected_rows == [3, 4, 6]
        messages = {(e.row, e.field): e.message for e in report.errors}
        assert messages[(3, "id_number")].startswith("身份证号：校验码")
        assert messages[(4, "name")] == "请填写姓名"
        assert messages[(4, "phone")].startswith("联系电话：")
        assert "找不到“不存在村”" in messages[(6, "region_code")]
        assert str(report.errors[0]).startswith("第 3 行：")
        from advisor_app.services.roster import village_counts

        counts = {c.code: c.active for c in village_counts(store)}
        assert counts == {"610502100201": 1, "610502100202": 1}
    finally:
        store.close()


def test_files_that_are_not_tables_are_refused(tmp_path):
    store = empty_store(tmp_path / "s")
    try:
        bogus = tmp_path / "x.xlsx"
        bogus.write_bytes(b"PK\x03\x04 not really a workbook")
        with pytest.raises(TableFormatError, match="无法读取"):
            transfer.import_file(store, "roster", bogus)
        pdf = tmp_path / "x.pdf"
        pdf.write_bytes(b"%PDF-1.4")
        with pytest.raises(TableFormatError, match="不支持"):
            transfer.import_file(store, "roster", pdf)
        headers_only = tmp_path / "wrong.csv"
        headers_only.write_text("名字,电话\n张三,139\n", encoding="utf-8")
        with pytest.raises(TableFormatError, match="缺少必需的列：姓名、所在村"):
            transfer.import_file(store, "roster", headers_only)
    finally:
        store.close()


def test_gbk_csv_from_chinese_excel_is_read(tmp_path):
    store = empty_store(tmp_path / "s")
    try:
        path = tmp_path / "gbk.csv"
        path.write_bytes(
            "姓名,所在村,区划代码,所在乡镇\n吴桂芳,桥南村,610502100201,桥南镇\n".encode("gb18030")
        )
        assert transfer.import_file(store, "roster", path).created == 1
    finally:
        store.close()


def test_case_numbers_from_an_import_are_not_issued_again(source, tmp_path):
    path = tmp_path / "cases.xlsx"
    transfer.export(source, "cases", path, full=True)
    target = empty_store(tmp_path / "t")
    try:
        transfer.import_file(target, "cases", path)
        from sqlalchemy import select

        from advisor_app.domain.models import Case, Committee
        from advisor_app.services import numbering

        with target.session() as session:
            committee = session.scalars(select(Committee)).first()
            year = session.scalars(select(Case.number_year).where(Case.committee_id == committee.id)).first()
            existing = set(session.scalars(select(Case.case_no)))
            new_no, _, _ = numbering.next_number(session, committee, year)
        assert new_no not in existing
    finally:
        target.close()


def test_exports_are_masked_by_default_and_stamped(source, tmp_path):
    path = tmp_path / "roster.xlsx"
    transfer.export(source, "roster", path)
    book = load_workbook(path)
    table = [list(r) for r in book.worksheets[0].values]
    ids = [row[table[0].index("身份证号")] for row in table[1:]]
    phones = [row[table[0].index("联系电话")] for row in table[1:]]
    assert all("********" in v for v in ids if v) and any(ids)
    assert all("****" in v for v in phones if v) and any(phones)
    stamp = dict(book["导出说明"].values)
    assert (
        stamp["导出人"] == source.user
        and stamp["身份证号和电话"] == "已打码"
        and stamp["记录数"] == str(len(table) - 1)
    )
    target = empty_store(tmp_path / "t")
    try:
        report = transfer.import_file(target, "roster", path)
        assert report.created == 0 and all(
            "已打码" in e.message for e in report.errors if e.field == "id_number"
        )
    finally:
        target.close()


def test_csv_export_names_who_and_when(source, tmp_path):
    path = tmp_path / "c.csv"
    transfer.export(source, "consultations", path)
    head = path.read_text(encoding="utf-8-sig").splitlines()[:4]
    assert head[0] == f"# 导出人：{source.user}" and head[1].startswith("# 导出时间：")


def test_full_export_needs_a_role_that_may_see_it(source, tmp_path):
    source.set_setting("role", "村法律顾问")
    try:
        with pytest.raises(PermissionError, match="不能导出完整"):
            transfer.export(source, "roster", tmp_path / "r.xlsx", full=True)
        transfer.export(source, "consultations", tmp_path / "c.xlsx", full=True)
    finally:
        with source.session() as session:
            from advisor_app.domain.models import Setting

            session.delete(session.get(Setting, "role"))


def test_a_rating_keeps_its_own_day_through_export_and_import(seeded, tmp_path):
    """A service on 11-28 rated on 12-01 stays rated on 12-01 (the import once re-dated it to 11-28)."""
    from datetime import date

    from sqlalchemy import select

    from advisor_app.domain.models import Rating
    from advisor_app.services import consultations
    from advisor_app.services.ratings import add_working_days

    source = seeded
    target = empty_store(tmp_path / "b")
    try:
        record = consultations.create(
            source, {"region_code": "610502100201", "occurred_at": "2026-11-28 16:00", "question": "工资"}
        )
        consultations.close(source, record.id, grade="不满意", comment="未解决")
        with source.session() as session:
            rating = session.scalars(select(Rating)).one()
            rating.rated_on = date(2026, 12, 1)
            rating.follow_up_due = add_working_days(date(2026, 12, 1), 15)
        path = tmp_path / "c.csv"
        transfer.export(source, "consultations", path, full=True)
        for store in (target, source):  # into an empty store, and back into the same one
            assert transfer.import_file(store, "consultations", path).errors == []
            with store.session() as session:
                rating = session.scalars(select(Rating).where(Rating.deleted.is_(False))).one()
                assert rating.rated_on == date(2026, 12, 1)
                assert rating.follow_up_due == add_working_days(date(2026, 12, 1), 15)  # from the rating
        with source.session() as session:
            assert session.scalars(select(Rating)).one().comment == "未解决"  # left alone
    finally:
        target.close()


def test_an_offset_in_an_imported_time_is_converted_to_china_time(tmp_path):
    from datetime import datetime

    from sqlalchemy import select

    from advisor_app.domain.models import Consultation

    store = empty_store(tmp_path / "s")
    try:
        path = tmp_path / "c.xlsx"
        write_xlsx(
            path,
            [
                ["咨询时间", "区划代码", "所在村", "咨询内容"],
                ["2026-11-30T16:30:00+00:00", "610502100201", "桥南村", "工资"],
                ["2026-11-30 16:30", "610502100201", "桥南村", "土地"],
            ],
        )
        assert transfer.import_file(store, "consultations", path).errors == []
        with store.session() as session:
            times = sorted(session.scalars(select(Consultation.occurred_at)))
        assert times == [datetime(2026, 11, 30, 16, 30), datetime(2026, 12, 1, 0, 30)]
    finally:
        store.close()
