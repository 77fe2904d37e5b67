"""`advisor audit [--since DATE]`: who viewed, exported or printed personal data (审计记录)."""

from __future__ import annotations

import sys
from datetime import date, datetime
from typing import TYPE_CHECKING

from advisor_app.cli.commands import COMMAND_HELP

if TYPE_CHECKING:
    from advisor_app.store import Store


def register(sub) -> None:  # noqa: ANN001
    p = sub.add_parser("audit", help=COMMAND_HELP["audit"])
    p.add_argument("--since", type=date.fromisoformat, default=None, help="起始日期 YYYY-MM-DD")
    p.add_argument("--actor", default=None, help="只看某人的记录")
    p.add_argument("--limit", type=int, default=500, help="最多显示条数（默认 500）")
    p.set_defaults(func=run)


def run(args, store: Store) -> int:  # noqa: ANN001
    from advisor_app.services import users

    users.sign_in_from_env(store)
    since = datetime.combine(args.since, datetime.min.time()) if args.since else None
    shown = 0
    for event in users.audit_events(store, since=since, actor_name=args.actor, limit=args.limit):
        print(
            "\t".join(
                (
                    f"{event.at:%Y-%m-%d %H:%M:%S}",
                    event.actor,
                    event.action,
                    event.target_kind,
                    event.target_id or "",
                    event.region_code,
                    event.detail,
                )
            )
        )
        shown += 1
    print(f"共 {shown} 条", file=sys.stderr)
    return 0
