"""The app: closing a consultation offers the 服务评价卡 (the reason becomes 当事人将扫码评价), an
activity prints its card; the card opens in the print preview (no key here: no QR code, and why)."""

from __future__ import annotations

import subprocess

from PySide6.QtCore import Qt

from advisor_app.domain.clock import china_today
from advisor_app.services import consultations, ratings
from tests.gui.conftest import answers, app, desk, tasks  # noqa: F401 - GUI fixtures
from tests.sync_client.records import consult

VILLAGE = "610502100201"


def _text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "card.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_close_with_rating_card_then_activity_card(app, desk, tasks, qtbot, tmp_path) -> None:  # noqa: F811
    from ui.activity_form import ActivityForm
    from ui.consultation_form import ConsultationForm

    rid = consult(desk, VILLAGE, "合同纠纷", adviser="赵调解")
    form = ConsultationForm(desk, tasks, rid)
    qtbot.addWidget(form)
    form.show()
    qtbot.mouseClick(form.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(form, "rating_dialog", None) is not None, timeout=5000)
    rating = form.rating_dialog
    assert rating.card_button.isVisible()
    qtbot.mouseClick(rating.card_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(rating, "card_preview", None) is not None, timeout=10000)
    assert rating.fields["no_rating_reason"].text() == ratings.SELF_RATING_REASON
    words = _text(rating.card_preview.pdf, tmp_path)
    assert "服务评价卡" in words and "无二维码" in words and "桥南村" in words
    rating.card_preview.close()
    with qtbot.waitSignal(rating.saved, timeout=5000):
        rating.save()
    record = consultations.get(desk, rid)
    assert record.status == "已办结" and record.no_rating_reason == ratings.SELF_RATING_REASON

    from advisor_app.services import activities

    activity = activities.create(
        desk,
        {
            "region_code": VILLAGE,
            "held_on": "2026-11-20",
            "kind": "法治讲座",
            "topic": "防范电信诈骗",
            "place": "村委会",
        },
    )
    dialog = ActivityForm(desk, tasks, activity.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.card_button.isEnabled()
    qtbot.mouseClick(dialog.card_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(dialog, "card_preview", None) is not None, timeout=10000)
    assert "普法宣传活动" in _text(dialog.card_preview.pdf, tmp_path)
    dialog.card_preview.close()


def test_dashboard_exports_the_rating_ranking(app, desk, qtbot, tmp_path) -> None:  # noqa: F811
    from openpyxl import load_workbook

    from ui.dashboard import DashboardView

    rid = consult(desk, VILLAGE, "借款", adviser="赵调解")
    consultations.close(desk, rid, grade="满意")
    view = DashboardView(desk)
    qtbot.addWidget(view)
    today = china_today()
    view.set_scope("610502100000", f"{today:%Y-%m}")
    assert view.rating_button.text() == "导出评价排名…"
    view.export("rating", tmp_path / "rank.xlsx")
    assert view.last_export == tmp_path / "rank.xlsx", view.status.text()
    cells = [
        c for row in load_workbook(view.last_export)["评价排名"].iter_rows(values_only=True) for c in row if c
    ]
    assert "桥南村" in cells and "赵调解" in cells and "100.0%" in cells
