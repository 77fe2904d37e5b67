"""服务评价卡 from the app: the card of a consultation, case or activity, printed through the
print preview (rating by phone, docs/rating.md).

The device's rating key comes from the keyring (sync.client.credentials); without one the card
prints without a QR code and says why, exactly as ``advisor print rating-card`` does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from advisor_app.services.store_access import Store


def card_pdf(store: Store, kind: str, record_id: str) -> tuple[bytes, str]:
    """(PDF bytes, file title) of the card; runs off the GUI thread."""
    from advisor_app.documents.fonts import chain
    from advisor_app.documents.layout import Kit
    from advisor_app.documents.rating_card import render_card
    from advisor_app.services import rating_codes
    from sync.client import credentials
    from sync.client.errors import KeyringUnavailable

    url, user = store.setting("server_url"), store.setting("sync_user")
    try:
        key = credentials.load_rating_key(url, user)
    except KeyringUnavailable:
        key = None
    base = store.setting("rating_page_url") or url or None
    card = rating_codes.card_for(store, kind, record_id, key, base)
    pdf = render_card(Kit(chain(store.setting("pdf_font"))), card)
    from PySide6.QtCore import QCoreApplication

    title = QCoreApplication.translate("RatingCard", "Rating card-%1-%2.pdf")
    return pdf, title.replace("%1", rating_codes.KIND_LABELS[kind]).replace("%2", card.day.isoformat())


def show_card(widget: Any, kind: str, record_id: str) -> None:
    """Render the card with the widget's task runner and open it in the print preview."""
    from ui import hooks

    store = widget.store

    def show(result: tuple[bytes, str]) -> None:
        widget.card_preview = hooks.preview_dialog()(result[0], result[1], widget)
        widget.card_preview.show()

    widget.run(lambda: card_pdf(store, kind, record_id), show)


def record_pdf(store: Store, record_id: str) -> tuple[bytes, str]:
    """The 法律咨询记录 with its 服务评价卡 (QR code when this installation has a key)."""
    from advisor_app.services import printing, rating_codes
    from sync.client import credentials
    from sync.client.errors import KeyringUnavailable

    url, user = store.setting("server_url"), store.setting("sync_user")
    try:
        key = credentials.load_rating_key(url, user)
    except KeyringUnavailable:
        key = None
    card = rating_codes.card_for(
        store, "consultation", record_id, key, store.setting("rating_page_url") or url
    )
    from PySide6.QtCore import QCoreApplication

    title = QCoreApplication.translate("RatingCard", "Consultation record")
    return printing.consultation_record(store, record_id, card), title
