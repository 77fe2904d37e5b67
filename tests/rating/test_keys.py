"""The device key: issued at login, fetched at the next sync by a device logged in before the
feature; without it the card prints without a QR code and says why."""

from __future__ import annotations

import subprocess

from sqlalchemy import update

from advisor_app.cli.main import main
from advisor_app.services import rating_codes
from sync.client import credentials
from sync.server.db import Device
from tests.sync_client.records import consult

from .conftest import V1


def _qr_texts(pdf, tmp) -> list[str]:
    """The QR codes on every page of the PDF, as a phone camera would read them."""
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(tmp / "p")], check=True)
    out = []
    for page in sorted(tmp.glob("p*.png")):
        found = subprocess.run(["zbarimg", "--raw", "-q", str(page)], capture_output=True, text=True)
        out += found.stdout.split()
    return out


def _qr_count(pdf, tmp) -> int:
    return len(_qr_texts(pdf, tmp))


def test_device_from_before_gets_its_key_at_next_sync(server, device, tmp_path, capsys) -> None:
    village = device("v1", server.url, "adv1")
    url, user = village.client.server_url, village.client.username
    # as if logged in before rating by phone: no key here, none on the server
    credentials.forget_rating_key(url, user)
    with server.engine.begin() as conn:
        conn.execute(update(Device).values(rating_key=None))
    rid = consult(village.store, V1, "邻里纠纷", adviser="张明")
    card = tmp_path / "nokey.pdf"
    assert (
        main(["--data-dir", str(village.store.data_dir), "print", "rating-card", rid, "-o", str(card)]) == 0
    )
    assert "没有评价密钥" in capsys.readouterr().err
    words = subprocess.run(["pdftotext", str(card), "-"], capture_output=True, text=True, check=True).stdout
    assert "没有评价密钥" in words and "无二维码" in words and "评价码：" not in words
    assert _qr_count(card, tmp_path) == 0

    village.client.sync()
    number, key = credentials.load_rating_key(url, user)
    assert len(bytes.fromhex(key)) == 32
    (tmp_path / "again").mkdir()
    card2 = tmp_path / "again" / "card.pdf"
    assert (
        main(["--data-dir", str(village.store.data_dir), "print", "rating-card", rid, "-o", str(card2)]) == 0
    )
    assert _qr_count(card2, tmp_path / "again") == 1
    # the code verifies against the key the server now holds for this device
    code = rating_codes.make(bytes.fromhex(key), number, "consultation", rating_codes.EPOCH, rid)
    import httpx

    assert httpx.get(rating_codes.page_url(server.url, code)).status_code == 200


def test_logout_forgets_the_key_and_a_revoked_device_vouches_only_for_old_cards(server, device) -> None:
    village = device("v1", server.url, "adv1")
    url, user = village.client.server_url, village.client.username
    assert credentials.load_rating_key(url, user) is not None
    village.client.logout()
    assert credentials.load_rating_key(url, user) is None


def test_consultation_record_carries_the_card(server, device, tmp_path) -> None:
    village = device("v1", server.url, "adv1")
    rid = consult(village.store, V1, "工伤赔偿", adviser="张明", person_name="王五")
    out = tmp_path / "record.pdf"
    assert (
        main(["--data-dir", str(village.store.data_dir), "print", "consultation", rid, "-o", str(out)]) == 0
    )
    words = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "法律咨询记录" in words and "王五" in words and "服务评价卡" in words
    (found,) = _qr_texts(out, tmp_path)
    import httpx

    assert httpx.get(found).status_code == 200 and rating_codes.parse(found.rsplit("/", 1)[1]).matches(rid)
