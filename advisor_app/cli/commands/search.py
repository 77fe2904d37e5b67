"""`advisor search TEXT`: Chinese substring search over consultations and cases, one match a line.

Runs on the direct store (``store.direct``: the driver alone, no SQLAlchemy), limited to the
installation's regions — or, with local users, to those of the person signed in from
``ADVISOR_USER`` / ``ADVISOR_USER_PASSWORD`` (services.users reads users and scopes in plain SQL).
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
    from advisor_app.services import users
    from advisor_app.store import plain_sql
    from advisor_app.store import search as store_search

    # With local users, only the signed-in user's villages are searched (nobody signed in:
    # nothing); without, the installation's. Plain SQL on the driver (services.users, .setup).
    users.sign_in_from_env(db)
    scope = users.current_scope(db)
    with plain_sql.reading(db) as conn:
        hits = store_search.search(conn, args.text, kind=args.kind, region_codes=scope, limit=args.limit)
    for hit in hits:
        print(f"{info_of(hit.kind).short}\t{hit.sort_at[:10]}\t{hit.record_id}\t{hit.title}")
    if not hits:
        print("没有找到匹配的记录")
    return 0
