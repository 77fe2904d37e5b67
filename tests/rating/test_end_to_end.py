"""Issue 19 end to end: the card printed by the CLI is scanned from its PDF (zbarimg), opened in a
real headless chromium at 360 px with WeChat's user agent and JavaScript off, rated 不满意 with a
reason; then the village syncs and shows the rating (当事人扫码), the township's follow-up list
has it, due in 15 working days by the holiday calendar, and the ranking changes."""

from __future__ import annotations

import os
import subprocess
import time
from datetime import date
from pathlib import Path

from sqlalchemy import select

from advisor_app.cli.main import main
from advisor_app.domain import workdays
from advisor_app.domain.clock import china_today
from advisor_app.domain.models import Rating
from advisor_app.reports import rating_board
from advisor_app.reports.scope import month
from advisor_app.services import rating_codes, ratings
from tests.sync_client.records import consult

from .conftest import TOWNSHIP, V1
from .webdriver import Phone

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def scan(pdf: Path, tmp: Path) -> str:
    """The QR code's text as a phone camera would read it from the printed page."""
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp / "page")], check=True
    )
    page = next(tmp.glob("page*.png"))
    out = subprocess.run(["zbarimg", "--raw", "-q", str(page)], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def pdf_text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_card_scanned_and_rated_on_a_phone_reaches_village_and_township(server, device, tmp_path) -> None:
    village = device("v1", server.url, "adv1")
    township = device("tw", server.url, "tw1")
    rid = consult(village.store, V1, "宅基地边界纠纷怎么处理", adviser="张明", person_name="李秀英")
    period = month(china_today().year, china_today().month)
    with township.store.session() as s:
        before = rating_board.total(rating_board.board(s, "610502100", period))
    assert before.rated == 0

    card = tmp_path / "card.pdf"
    assert (
        main(["--data-dir", str(village.store.data_dir), "print", "rating-card", rid, "-o", str(card)]) == 0
    )
    words = pdf_text(card)
    assert "服务评价卡" in words and "评价码" in words and "张明" in words and "桥南村" in words
    assert "李秀英" not in words and "宅基地" not in words  # nothing about the person or the matter
    url = scan(card, tmp_path)
    code = rating_codes.parse(url.rsplit("/", 1)[1])
    assert url.startswith(server.url + "/r/") and code.grouped in words.replace(" ", "")

    phone = Phone(width=360)
    try:
        phone.open(url)  # the record has not reached the server yet: the page shows only the code's facts
        shown = phone.text
        assert (
            "法律咨询" in shown and "2026年3月1日" in shown and "张明" not in shown and "李秀英" not in shown
        )
        metrics = phone.cdp("Page.getLayoutMetrics")["cssContentSize"]
        assert metrics["width"] <= 360  # nothing wider than the phone
        assert phone.rect("label.opt")["height"] >= 48 and phone.rect("button[type=submit]")["height"] >= 48
        phone.click("input[value='不满意']")
        phone.click("button[type=submit]")  # 不满意 without saying what went wrong: asked, kept
        deadline = time.monotonic() + 10
        while "请选出哪里做得不好" not in (shown := phone.text):
            assert time.monotonic() < deadline, shown
            time.sleep(0.05)
        if os.environ.get("ADVISOR_SCREENSHOTS") or not (SHOTS / "rating-error-360.png").exists():
            SHOTS.mkdir(parents=True, exist_ok=True)
            (SHOTS / "rating-error-360.png").write_bytes(phone.screenshot())
        phone.click("input[value='问题没有解决']")
        phone.type("#problem_text", "说好回电话一直没有回")
        if os.environ.get("ADVISOR_SCREENSHOTS") or not (SHOTS / "rating-page-360.png").exists():
            SHOTS.mkdir(parents=True, exist_ok=True)
            (SHOTS / "rating-page-360.png").write_bytes(phone.screenshot())
        phone.click("button[type=submit]")
        try:
            phone.wait_url("/thanks", 5)
        except AssertionError:
            print(phone.text)
            raise
        assert "谢谢您的评价" in phone.text and "15个工作日内回访" in phone.text
        if os.environ.get("ADVISOR_SCREENSHOTS") or not (SHOTS / "rating-thanks-360.png").exists():
            (SHOTS / "rating-thanks-360.png").write_bytes(phone.screenshot())
        phone.open(url)  # one rating per service
        assert "谢谢您的评价" in phone.text and "不满意" in phone.text
    finally:
        phone.close()

    village.client.sync()  # pushes the consultation: the waiting rating gets its record …
    village.client.sync()  # … and comes down
    with village.store.session() as s:
        rating = s.scalars(select(Rating).where(Rating.target_id == rid)).one()
        assert (rating.source, rating.grade) == ("self", "不满意")
        assert rating.problems == "问题没有解决：说好回电话一直没有回"
        assert rating.follow_up_due == workdays.add_workdays(rating.rated_on, 15)

    phone = Phone(width=360)  # the record has arrived: the page names the village and the adviser
    try:
        phone.open(url)
        shown = phone.text
        assert "桥南村" in shown and "张明" in shown and "李秀英" not in shown and "宅基地" not in shown
        if os.environ.get("ADVISOR_SCREENSHOTS") or not (SHOTS / "rating-arrived-360.png").exists():
            (SHOTS / "rating-arrived-360.png").write_bytes(phone.screenshot())
    finally:
        phone.close()

    township.client.sync()
    due = [f for f in ratings.follow_ups(township.store) if f.target_id == rid]
    assert len(due) == 1 and due[0].grade == "不满意" and due[0].follow_up_due == rating.follow_up_due
    with township.store.session() as s:
        rows = rating_board.board(s, "610502100", period)
        staff = rating_board.board(s, "610502100", period, by="staff")
    after = rating_board.total(rows)
    assert (after.rated, after.self_rated, after.bad, after.followed_up) == (1, 1, 1, 0)
    assert rows[0].label == "桥南村" and after.self_share == 100.0 and after.satisfaction == 0.0
    assert staff[0].label == "张明"
    _ = (TOWNSHIP, date)
