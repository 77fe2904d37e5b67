"""`advisor followup list|record|appeal|decide`: 差评回访 — the follow-up call of each bad rating,
and the 申诉 of a mistaken or malicious one (filed by the village, decided by the township).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from advisor_app.cli.commands import COMMAND_HELP

if TYPE_CHECKING:
    from advisor_app.store import Store


def register(sub) -> None:  # noqa: ANN001
    p = sub.add_parser("followup", help=COMMAND_HELP["followup"])
    actions = p.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="列出差评回访（默认只列未回访的）")
    listing.add_argument("--region", help="村或乡镇的区划代码")
    listing.add_argument("--all", action="store_true", help="也列出已回访的")
    listing.set_defaults(func=run_list)
    record = actions.add_parser("record", help="登记一条差评的回访")
    record.add_argument("rating_id", help="评价记录编号（followup list 第一列）")
    record.add_argument("--by", required=True, help="回访人")
    record.add_argument("--on", help="回访日期 YYYY-MM-DD（默认今天）")
    record.add_argument("--found", required=True, help="回访情况：了解到什么")
    record.add_argument("--action", dest="done", required=True, help="处理措施：做了什么")
    record.set_defaults(func=run_record)
    appeal = actions.add_parser("appeal", help="申诉：评价有误或恶意（由司法所裁定）")
    appeal.add_argument("rating_id", help="评价记录编号（followup list 第一列）")
    appeal.add_argument("--reason", required=True, help="申诉理由")
    appeal.set_defaults(func=run_appeal)
    decide = actions.add_parser(
        "decide", help="司法所裁定申诉：--upheld 成立（该评价不再计入）或 --rejected 不成立"
    )
    decide.add_argument("rating_id", help="评价记录编号")
    verdict = decide.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--upheld", action="store_true", help="申诉成立")
    verdict.add_argument("--rejected", action="store_true", help="申诉不成立")
    decide.add_argument("--by", required=True, help="裁定人")
    decide.add_argument("--note", required=True, help="裁定理由")
    decide.set_defaults(func=run_decide)


def run_list(args, store: Store) -> int:  # noqa: ANN001
    from advisor_app.domain.clock import china_today
    from advisor_app.services import ratings, users

    users.sign_in_from_env(store)
    today = china_today()
    items = ratings.follow_ups(
        store, region_codes=[args.region] if args.region else None, include_done=args.all
    )
    for item in items:
        if item.done:
            state = f"已回访 {item.followed_up_on:%Y-%m-%d} {item.followed_up_by or ''}".rstrip()
        elif item.follow_up_due is None:
            state = "待回访"
        else:
            left = item.days_left(today) or 0
            state = (
                f"超期 {-left} 天" if left < 0 else f"{item.follow_up_due:%Y-%m-%d} 前回访（剩 {left} 天）"
            )
        print(
            f"{item.id}\t{item.grade}\t{item.rated_on:%Y-%m-%d}\t{item.target_label}\t{item.title}\t{state}"
            f"\t{item.source_label}" + (f"\t{item.problems}" if item.problems else "")
        )
    open_count = sum(1 for i in items if not i.done)
    overdue = sum(1 for i in items if (i.days_left(today) or 0) < 0)
    print(f"共 {len(items)} 条，未回访 {open_count} 条，其中超期 {overdue} 条", file=sys.stderr)
    return 0


def run_record(args, store: Store) -> int:  # noqa: ANN001
    from advisor_app.services import ratings, users

    users.sign_in_from_env(store)
    data = {"followed_up_by": args.by, "follow_up_note": args.found, "follow_up_action": args.done}
    if args.on:
        data["followed_up_on"] = args.on
    rating = ratings.record_follow_up(store, args.rating_id, data)
    print(f"已登记回访：{rating.followed_up_on:%Y-%m-%d} {rating.followed_up_by}")
    return 0


def run_appeal(args, store: Store) -> int:  # noqa: ANN001
    from advisor_app.services import ratings, users

    users.sign_in_from_env(store)
    rating = ratings.file_appeal(store, args.rating_id, args.reason)
    print(f"已提出申诉：{rating.appeal_filed_on:%Y-%m-%d}，待司法所裁定")
    return 0


def run_decide(args, store: Store) -> int:  # noqa: ANN001
    from advisor_app.services import ratings, users

    users.sign_in_from_env(store)
    rating = ratings.decide_appeal(
        store, args.rating_id, upheld=bool(args.upheld), decided_by=args.by, decision=args.note
    )
    print(f"已裁定：{rating.appeal_status}")
    return 0
