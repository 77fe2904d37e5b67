"""`advisor print rating-card RECORD -o FILE.pdf`: the 服务评价卡 of a consultation, activity or case.

RECORD is a consultation's or activity's id, or a case's id or number. The card carries the QR
code and the typed 评价码 made with this installation's rating key (from the keyring; issued at
login, or at the next sync for an installation logged in before). Without a key it prints
without a code and says why (also on stderr).
"""

from __future__ import annotations

import sys


def register(sub) -> None:  # noqa: ANN001, ARG001 - argparse's subparsers action
    """No subcommand of its own: ``advisor print rating-card`` (print_doc) calls :func:`run`."""


def run(args, store) -> int:  # noqa: ANN001
    from advisor_app.documents.rating_card import render_card
    from advisor_app.services import rating_codes
    from advisor_app.services.printing import _kit

    try:
        kind, record_id = rating_codes.find_record(store, args.number)
    except LookupError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    card = rating_codes.card_for(store, kind, record_id, device_key(store), page_base(store))
    pdf = render_card(_kit(store), card)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(pdf)
    if card.reason:
        print(f"注意：{card.reason}", file=sys.stderr)
    elif card.code is not None:  # no reason: the card carries its code
        print(f"评价码 {card.code.grouped}")
    print(f"已生成 {args.output}（{len(pdf) // 1024} KB）")
    return 0


def card(store, kind: str, record_id: str):  # noqa: ANN001, ANN201
    """The card of a record, with its code when this installation has a key (None: no such record)."""
    from advisor_app.services import rating_codes

    try:
        return rating_codes.card_for(store, kind, record_id, device_key(store), page_base(store))
    except LookupError:
        return None


def page_base(store) -> str | None:  # noqa: ANN001
    """The address phones open: ``rating_page_url`` when the township set one (a public name for
    the server), else the sync server's address."""
    return store.setting("rating_page_url") or store.setting("server_url") or None


def device_key(store) -> tuple[int, str] | None:  # noqa: ANN001
    from sync.client import credentials
    from sync.client.errors import KeyringUnavailable

    try:
        return credentials.load_rating_key(store.setting("server_url"), store.setting("sync_user"))
    except KeyringUnavailable:
        return None
