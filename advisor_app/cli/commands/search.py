"""`advisor search TEXT`: Chinese substring search over consultations and cases, one match a line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from advisor_app.cli.commands import COMMAND_HELP

if TYPE_CHECKING:
    from advisor_app.store import Store


def register(sub) -> None:  # noqa: ANN001
    p = sub.add_parser("search", help=COMMAND_HELP["search"])
    p.add_argument("text", help="关键词，多个词用空格分开（同时包含）")
    p.add_argument("--kind", choices=["consultation", "case"], default=None)
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(func=run)


def run(args, store: Store) -> int:  # noqa: ANN001
    from advisor_app.domain.record_kinds import info_of
    from advisor_app.services import users
    from advisor_app.store import search as store_search

    users.sign_in_from_env(store)  # with local users, only the signed-in user's villages are searched
    with store.engine.connect() as conn:
        hits = store_search.search(
            conn, args.text, kind=args.kind, region_codes=users.current_scope(store), limit=args.limit
        )
    for hit in hits:
        print(f"{info_of(hit.kind).short}\t{hit.sort_at[:10]}\t{hit.record_id}\t{hit.title}")
    if not hits:
        print("没有找到匹配的记录")
    return 0
