"""A 县司法局's main window over demo data of its county (临渭区: 桥南镇, 阳郭镇, 孝义镇, 下邽镇; the
demo's other county 富平县 must never show): read-only lists with township then village filters, a
row opened read-only, 统计 whose cards are the sum of the townships' figures (each computed by the
service), and the monthly report exported by its button, signed by 临渭区司法局. Clicks and keys."""

from __future__ import annotations

import subprocess

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton
from sqlalchemy import text

from advisor_app.domain.clock import china_today
from advisor_app.domain.roles import Role
from advisor_app.reports import service
from advisor_app.reports.scope import parse_period
from advisor_app.services import setup
from tests.demo_stores import build, copy_store

LEFT = Qt.MouseButton.LeftButton
COUNTY = "610502000000"
TOWNSHIPS = {
    "610502100000": "桥南镇",
    "610502101000": "阳郭镇",
    "610502102000": "孝义镇",
    "610502103000": "下邽镇",
}
YEAR = str(china_today().year)


@pytest.fixture(scope="module")
def county_template(tmp_path_factory):
    return build(
        tmp_path_factory.mktemp("county-gui"), seed=7, consultations=400, cases=150, signed_copies=False
    )


@pytest.fixture
def county(county_template, tmp_path):
    from advisor_app.store import open_store

    store = open_store(copy_store(county_template, tmp_path / "county"))
    setup.configure(store, Role.COUNTY, COUNTY, user="吴科长")
    yield store
    store.close()


def _counts(store, table: str) -> dict[str, int]:
    """Records per township code prefix (9 digits), read straight from the table."""
    with store.engine.connect() as conn:
        rows = conn.execute(
            text(f"SELECT substr(region_code, 1, 9), COUNT(*) FROM {table} WHERE deleted = 0 GROUP BY 1")
        )
        return dict(rows.all())


def _step_to(qtbot, combo, wanted: str) -> None:
    """The closed pick list stepped with the arrow keys up to ``wanted``."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == wanted:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    raise AssertionError(f"{wanted} not offered: {[combo.itemText(i) for i in range(combo.count())]}")


def _window(store, tasks, qtbot):
    from ui.main_window import MainWindow

    window = MainWindow(store, tasks)
    qtbot.addWidget(window)
    window.show()
    return window


def test_county_lists_show_every_township_read_only(app, county, tasks, qtbot):
    window = _window(county, tasks, qtbot)
    page = window.show_page("consultations")
    listed = page.list
    qtbot.waitUntil(lambda: listed.model.rowCount() > 0 and "…" not in listed.count.text(), timeout=20000)
    per_township = _counts(county, "consultations")
    mine = {k: n for k, n in per_township.items() if k.startswith("610502")}
    assert len(mine) == 4 and any(not k.startswith("610502") for k in per_township)  # 富平县's exist
    assert listed.model.rowCount() == sum(mine.values())
    assert not listed.new_button.isVisible()  # a county logs no consultation

    # township first, then village
    assert listed.township.isVisible()
    assert [listed.township.itemText(i) for i in range(1, listed.township.count())] == list(
        TOWNSHIPS.values()
    )
    all_villages = listed.village.count()
    _step_to(qtbot, listed.township, "阳郭镇")
    qtbot.waitUntil(lambda: listed.model.rowCount() == mine["610502101"], timeout=20000)
    offered = [listed.village.itemData(i) for i in range(1, listed.village.count())]
    assert (
        offered and all(code.startswith("610502101") for code in offered) and len(offered) < all_villages - 1
    )
    village = listed.village.itemText(1)
    _step_to(qtbot, listed.village, village)
    qtbot.waitUntil(lambda: listed.model.rowCount() < mine["610502101"], timeout=20000)
    region_col = listed.model.columns.index("region")
    rows = listed.model.rowCount()
    assert rows == 0 or {listed.model.index(r, region_col).data() for r in range(rows)} == {village}
    qtbot.mouseClick(listed.clear_button, LEFT)  # all townships, all villages again
    qtbot.waitUntil(lambda: listed.model.rowCount() == sum(mine.values()), timeout=20000)
    assert listed.township.currentIndex() == 0 and listed.village.count() == all_villages

    # a row opens read-only: the list's columns, the phone masked; no consultation form
    phone_col = listed.model.columns.index("phone")
    row = next(r for r in range(listed.model.rowCount()) if listed.model.index(r, phone_col).data())
    view = listed.view
    view.scrollTo(listed.model.index(row, 1))
    rect = view.visualRect(listed.model.index(row, 1))
    qtbot.mouseClick(view.viewport(), LEFT, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), LEFT, pos=rect.center())
    from ui.pages import RecordView

    record = page.last_dialog
    assert isinstance(record, RecordView) and record.isVisible()
    qtbot.waitUntil(lambda: bool(record.values), timeout=10000)
    assert record.values["question"] and "****" in record.values["phone"]
    record.reject()

    cases = window.show_page("cases")
    qtbot.waitUntil(
        lambda: cases.list.model.rowCount() > 0 and "…" not in cases.list.count.text(), timeout=20000
    )
    case_counts = _counts(county, "cases")
    assert cases.list.model.rowCount() == sum(n for k, n in case_counts.items() if k.startswith("610502"))
    assert not cases.list.new_button.isVisible()


def test_the_workbenchs_new_buttons_say_a_county_only_reads(app, county, tasks, qtbot, answers):
    window = _window(county, tasks, qtbot)
    bench = window.pages["workbench"]
    button = next(b for b in bench.findChildren(QPushButton) if b.text() == "登记咨询")
    qtbot.mouseClick(button, LEFT)
    assert answers["informed"] and "县司法局" in answers["informed"][-1][1]
    assert window.pages["consultations"].last_dialog is None  # no form opened


def test_statistics_of_the_county_add_up_its_townships(app, county, tasks, qtbot, tmp_path, monkeypatch):
    window = _window(county, tasks, qtbot)
    stats = window.show_page("statistics")
    assert stats.region() == COUNTY
    period = stats.period_box.lineEdit()
    period.selectAll()
    qtbot.keyClicks(period, YEAR)
    qtbot.keyClick(period, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: stats.data is not None and stats.data.figures.period.label == f"{YEAR}年", timeout=30000
    )
    # each township computed by the service on its own; the county's cards are their sums
    parts = [service.compute(county, code, parse_period(YEAR)) for code in TOWNSHIPS]
    accepted = sum(p.total.accepted for p in parts)
    success = sum(p.total.success for p in parts)
    consultations = sum(p.consultations.total for p in parts)
    assert accepted > 0 and consultations > 0
    assert stats.cards["accepted"].text().startswith(str(accepted))
    assert stats.cards["success"].text().startswith(str(success))
    assert stats.cards["consultations"].text().startswith(str(consultations))
    # 各乡镇情况: one row per township, each its own figures
    table = stats.township_table
    assert table.isVisible() and table.rowCount() == 4
    for row, part in enumerate(parts):
        assert table.item(row, 0).text() == part.region_name
        assert table.item(row, 1).text() == str(part.total.accepted)
        assert table.item(row, 5).text() == str(part.consultations.total)

    # the monthly report from its button names the county's bureau
    target = tmp_path / "county.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(stats.monthly_button, LEFT)
    qtbot.waitUntil(lambda: target.exists() and "已导出" in stats.status.text(), timeout=30000)
    cells = [c.value for row in load_workbook(target).active.iter_rows() for c in row if c.value is not None]
    assert any("填报单位：临渭区司法局" in str(v) for v in cells)
    assert "附：各乡镇情况" in cells and "桥南镇" in cells and "下邽镇" in cells

    pdf = tmp_path / "county.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), ""))
    qtbot.mouseClick(stats.monthly_button, LEFT)
    qtbot.waitUntil(lambda: pdf.exists() and "已导出" in stats.status.text(), timeout=30000)
    words = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    assert "临渭区司法局" in "".join(words.split())

    # double-click a township: the page looks at it
    rect = table.visualItemRect(table.item(1, 0))
    # a press first: the view takes a double-click only where the press landed
    qtbot.mouseClick(table.viewport(), LEFT, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), LEFT, pos=rect.center())
    qtbot.waitUntil(
        lambda: stats.data is not None and stats.data.figures.region_name == "阳郭镇", timeout=30000
    )
    assert stats.cards["accepted"].text().startswith(str(parts[1].total.accepted))
    assert not stats.township_table.isVisible()  # a township has nothing below to break down


def test_the_settings_show_the_county_and_its_villages_by_township(app, county, tasks, qtbot, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    asked: list[tuple] = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: asked.append(a) or ("", False))
    window = _window(county, tasks, qtbot)
    settings = window.show_page("settings")
    assert settings.region_label.text() == "临渭区" and settings.role_label.text() == "县司法局"
    editor = settings.villages
    items = [editor.list.item(i).text() for i in range(editor.list.count())]
    assert items and {t.split("　")[0] for t in items} == set(TOWNSHIPS.values())
    assert not editor.add_button.isEnabled()  # kept by the townships
    qtbot.mouseDClick(
        editor.list.viewport(), LEFT, pos=editor.list.visualItemRect(editor.list.item(0)).center()
    )
    assert asked == []  # a double-click renames nothing: the townships keep their villages
    assert settings.privacy.audit_button.isEnabled()  # 审计记录 of the county


def test_a_local_user_of_the_county_is_given_the_county(app, county, qtbot):
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    from advisor_app.services import users
    from ui.local_login import UserDialog

    dialog = UserDialog(county)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.role.currentText() == "县司法局"
    picker = dialog.regions
    assert [picker.item(i).text() for i in range(picker.count())] == ["临渭区（全县）"]
    dialog.name.setFocus()
    typed = QInputMethodEvent("", [])
    typed.setCommitString("吴科长")
    QApplication.sendEvent(dialog.name, typed)
    rect = picker.visualItemRect(picker.item(0))
    qtbot.mouseClick(picker.viewport(), LEFT, pos=rect.center())
    qtbot.keyClick(picker, Qt.Key.Key_Space)  # ticks the county
    assert picker.item(0).checkState() == Qt.CheckState.Checked
    qtbot.keyClicks(dialog.password, "correct-horse-9")
    qtbot.keyClicks(dialog.repeat, "correct-horse-9")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), LEFT)
    assert dialog.created is not None, dialog.error.text()
    me = users.current_user(county)
    assert me is not None and me.role == Role.COUNTY and me.scope.prefixes == ("610502",)
