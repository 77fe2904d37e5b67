"""设置/首次运行 → 从 CSV 导入…: a file that is not a village list is refused whole, in Chinese,
naming the file (and the line); in a real list the bad lines are named and the good ones kept."""

from __future__ import annotations

import zipfile

import pytest

from advisor_app.services import regions

TOWNSHIP = "610502100000"

# The first bytes of a real 1×1 PNG: what a clerk picks by mistake from 文档.
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15"
    b"\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


def _refused(path, *words):
    with pytest.raises(regions.VillageFileError) as caught:
        regions.read_village_csv(path, TOWNSHIP)
    message = str(caught.value)
    assert path.name in message, message
    for word in words:
        assert word in message, message
    return message


def test_a_png_is_refused(tmp_path):
    path = tmp_path / "照片.png"
    path.write_bytes(PNG)
    _refused(path, "PNG 图片", "不是 CSV")


def test_an_xlsx_is_refused(tmp_path):
    path = tmp_path / "村名单.xlsx"
    with zipfile.ZipFile(path, "w") as book:
        book.writestr("xl/workbook.xml", "<workbook/>")
    _refused(path, "Excel", "另存为 CSV")


def test_binary_without_a_known_signature_is_refused(tmp_path):
    path = tmp_path / "数据.csv"
    path.write_bytes(b"abc\x00\x01\x02" * 50)
    _refused(path, "二进制")


@pytest.mark.parametrize("content", [b"", b"\r\n \n\t\n"])
def test_an_empty_file_is_refused(tmp_path, content):
    path = tmp_path / "空.csv"
    path.write_bytes(content)
    _refused(path, "空文件")


def test_a_header_without_a_name_column_is_refused(tmp_path):
    path = tmp_path / "代码.csv"
    path.write_text("区划代码,人口\n610502100201,1200\n", encoding="utf-8")
    _refused(path, "第 1 行", "村名")


def test_a_csv_of_another_shape_is_refused(tmp_path):
    path = tmp_path / "花名册.csv"
    path.write_text(
        "姓名,性别,电话,住址\n张三,男,13800000000,桥南村\n李四,女,13900000000,王家村\n", encoding="utf-8"
    )
    _refused(path, "不像村名单", "列")


def test_an_english_table_is_refused(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("id,value\nfoo,1\nbar,2\nbaz,3\n", encoding="utf-8")
    _refused(path, "不含汉字")


def test_text_that_is_neither_utf8_nor_gbk_is_refused(tmp_path):
    path = tmp_path / "乱码.csv"
    path.write_bytes(b"\xff\xfe\xfd\xfc" * 10 + b"\n" + b"\x81\x20" * 10)
    _refused(path)


def test_mostly_bad_lines_refuse_the_whole_file(tmp_path):
    path = tmp_path / "村.csv"
    path.write_text(
        "村名,区划代码\n桥南村,610502100201\n坏村,12\n外村,610528101201\n\x07村,\n", encoding="utf-8"
    )
    message = _refused(path, "只有 1 行可用", "第 3 行")
    assert "桥南村" not in message  # nothing is added, so nothing is named as added


def test_a_real_list_keeps_its_good_lines_and_names_the_bad(tmp_path):
    long_name = "长" * 65
    path = tmp_path / "村名单.csv"
    path.write_bytes(
        (
            "村名,区划代码\n"
            "桥南村,610502100201\n"
            "王家村,\n"
            f"{long_name},610502100203\n"
            "李家\x1b村,610502100204\n"
            "外乡村,610528101201\n"
            "短码村,6105021002\n"
            "\n"
            "张家村,610502100205\n"
            "赵村,610502100206\n"
            "钱村,610502100207\n"
            "孙村,610502100208\n"
        ).encode("gbk")
    )
    rows = regions.read_village_csv(path, TOWNSHIP)
    assert rows == [
        ("桥南村", "610502100201"),
        ("王家村", None),
        ("张家村", "610502100205"),
        ("赵村", "610502100206"),
        ("钱村", "610502100207"),
        ("孙村", "610502100208"),
    ]
    assert rows.lines == [2, 3, 9, 10, 11, 12]  # lines of the file, blank line counted
    assert set(rows.problems) == {4, 5, 6, 7}
    assert "超过 64 个字" in rows.problems[4]
    assert "控制字符" in rows.problems[5]
    assert "不在本乡镇" in rows.problems[6]
    assert "12 位数字" in rows.problems[7]
    text = rows.problem_text()
    assert "村名单.csv 第 4 行" in text and "村名单.csv 第 7 行" in text


def test_without_a_township_only_the_shape_of_the_code_is_checked(tmp_path):
    path = tmp_path / "v.csv"
    path.write_text("外乡村,610528101201\n桥南村,610502100201\n", encoding="utf-8")
    assert regions.read_village_csv(path) == [("外乡村", "610528101201"), ("桥南村", "610502100201")]
    assert regions.read_village_csv(path, TOWNSHIP) == [("桥南村", "610502100201")]


def test_a_row_of_too_many_columns_without_header_is_named(tmp_path):
    path = tmp_path / "v.csv"
    path.write_text("桥南村,610502100201\n王家村\n李家村,张家村,赵村\n钱村\n", encoding="utf-8")
    rows = regions.read_village_csv(path, TOWNSHIP)
    assert rows == [("桥南村", "610502100201"), ("王家村", None), ("钱村", None)]
    assert "看不出哪一列是村名" in rows.problems[3]
