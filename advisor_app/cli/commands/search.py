"""`advisor search TEXT`: Chinese substring search over consultations and cases, one match a line.

Runs on the direct store (``store.direct``: the driver alone, no SQLAlchemy) limited to the
installation's regions. With local users the person signs in first (``ADVISOR_USER``, checked by
services.users through the ORM) and their own regions limit the search: that part opens the full
store; the search itself is the same SQL on the same kind of connection.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from advisor_app.cli.commands import COMMAND_HELP

if TYPE_CHECKING:
    from advisor_app.store import Store
    from advisor_app.store.direct import DirectStore


def register(sub) -> None:  # noqa: ANN001
    p = sub.add_parser("search", help=COMMAND_HELP["search"])
    p.add_argument("text", help="关键词，多个词用空格分开（同时包含）")
    p.add_argument("--kind", choices=["consultation", "case"], default=None)
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(func=run, direct=True)


def run(args, db: DirectStore | Store) -> int:  # noqa: ANN001
    from advisor_app.domain.record_kinds import info_of
    from advisor_app.store import direct
    from advisor_app.store import search as store_search

    with direct.as_direct(db) as db:
        if db.has_local_users():
            from advisor_app.services import users

            store = db.full_store()
            users.sign_in_from_env(store)  # only the signed-in user's villages are searched
            scope = users.current_scope(store)
        else:
            scope = direct.installation_scope(db.conn)
        with db.reading() as conn:
            hits = store_search.search(conn, args.text, kind=args.kind, region_codes=scope, limit=args.limit)
    for hit in hits:
        print(f"{info_of(hit.kind).short}\t{hit.sort_at[:10]}\t{hit.record_id}\t{hit.title}")
    if not hits:
        print("没有找到匹配的记录")
    return 0
