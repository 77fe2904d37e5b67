"""服务评价卡: the card the person served takes home to rate the service on a phone (issue 19).

A QR code (drawn by reportlab itself) opening the city server's page for this service, the same
code typed in groups of four for a phone that cannot scan, and the service in plain words. Never
the served person's name or anything else about them: the card may be left lying around. A
device without a rating key prints the card without a code and says why. For a mediation case the
card is its own PDF, never a page of the kept signed agreement.
"""

from __future__ import annotations

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from advisor_app.documents.layout import TEXT_WIDTH, Kit, Para, cn_date, render
from advisor_app.services.rating_codes import KIND_LABELS, NO_SERVER_REASON, Card

QR_SIZE = 46 * mm
RIGHT_WIDTH = QR_SIZE + 8 * mm
LEFT_WIDTH = TEXT_WIDTH - RIGHT_WIDTH
LABEL_WIDTH = 32 * mm


def qr_drawing(url: str, size: float = QR_SIZE) -> Drawing:
    """A QR code of ``url`` (error correction M: a card folded or smudged still scans)."""
    widget = QrCodeWidget(url, barLevel="M")
    x1, y1, x2, y2 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x2 - x1), 0, 0, size / (y2 - y1), 0, 0])
    drawing.add(widget)
    return drawing


def story(kit: Kit, card: Card) -> list[Flowable]:
    """The card as flowables: the service, the QR code and the typed code (or why there is none)."""
    style = ParagraphStyle("card", parent=kit.plain_style)
    big = ParagraphStyle("code", parent=kit.plain_style, fontSize=16, leading=24)
    small = ParagraphStyle("small", parent=kit.plain_style, fontSize=10, leading=15)

    def p(text: str, st: ParagraphStyle = style, label: str | None = None) -> Para:
        return Para(kit.text(text, label), st)

    facts = [
        ("服务", KIND_LABELS[card.kind]),
        ("服务日期", cn_date(card.day)),
        ("村（社区）", card.village),
        (card.staff_label, card.staff or "（未填写）"),
    ]
    if card.number:
        facts.insert(1, ("案号", card.number))
    fact_table = Table(
        [[p(a), p(b, label=a)] for a, b in facts],
        colWidths=[LABEL_WIDTH, LEFT_WIDTH - 16 - LABEL_WIDTH],
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        ),
    )
    if card.code is not None and card.url is not None:
        right: list[Flowable] = [qr_drawing(card.url)]
        how = [
            p("请用手机微信或浏览器扫描右侧二维码，为这次服务评价。"),
            p("不能扫码时，用浏览器打开下面的网址，输入评价码："),
            p(card.url.rsplit("/r/", 1)[0] + "/r", small),
            p(f"评价码：{card.code.grouped}", big),
        ]
    else:
        right = [p("（无二维码）")]
        how = [p(card.reason or "")]
    how.append(p("每次服务只能评价一次；不满意的，司法所会在15个工作日内回访。本卡不含您的个人信息。", small))
    body = Table(
        [[[fact_table, *how], right]],
        colWidths=[LEFT_WIDTH, RIGHT_WIDTH],
        style=TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        ),
    )
    return [kit.title("服务评价卡"), kit.space(2), body]


def belongs_on_record(card: Card) -> bool:
    """On a 法律咨询记录 the card goes with a code, or when the code is missing for want of a key;
    an installation that never syncs prints its records without a card."""
    return card.code is not None or card.reason != NO_SERVER_REASON


def render_card(kit: Kit, card: Card) -> bytes:
    return render(kit, [story(kit, card)], title="服务评价卡")
