"""`advisor retention status|apply [--dry-run]`: strip personal data past the retention period."""

from __future__ import annotations

import sys
from datetime import date
from typing import TYPE_CHECKING

from advisor_app.cli.commands import COMMAND_HELP
from advisor_app.domain.clock import china_today

if TYPE_CHECKING:
    from advisor_app.store import Store


def register(sub) -> None:  # noqa: ANN001
    from advisor_app.services import retention

    p = sub.add_parser("retention", help=COMMAND_HELP["retention"])
    p.add_argument("action", choices=["status", "apply", "set"])
    p.add_argument("--dry-run", action="store_true", help="只统计，不修改")
    p.add_argument("--kind", choices=sorted(retention.RULES), help="set：记录类型")
    p.add_argument("--years", type=int, help="set：保存年限")
    p.add_argument("--today", type=date.fromisoformat, default=None, help=argparse_hidden())
    p.set_defaults(func=run)


def argparse_hidden() -> str:
    import argparse

    return argparse.SUPPRESS


def run(args, store: Store) -> int:  # noqa: ANN001
    from advisor_app.services import retention, users

    users.sign_in_from_env(store)
    today = args.today or china_today()
    if args.action == "status":
        for info in retention.status(store, today).values():
            extra = f"，另有 {info['not_owner']} 条属其他账号（由其自行处理）" if info["not_owner"] else ""
            print(
                f"{info['label']}：保存 {info['years']} 年（{info['why']}），"
                f"{info['cutoff']:%Y-%m-%d} 以前的已到期 {info['due']} 条{extra}"
            )
        return 0
    me = users.current_user(store)
    if users.has_users(store) and (me is None or not me.is_admin):
        print("错误：只有本机管理员可以修改保存期限或删除到期个人信息", file=sys.stderr)
        return 2
    if args.action == "set":
        if not args.kind or args.years is None:
            print("错误：set 需要 --kind 和 --years", file=sys.stderr)
            return 2
        retention.set_years(store, args.kind, args.years)
        print(f"{retention.RULES[args.kind].label}：保存 {retention.years(store, args.kind)} 年")
        return 0
    outcome = retention.apply(store, today, dry_run=args.dry_run)
    verb = "将删除个人信息" if args.dry_run else "已删除个人信息"
    for kind, rule in retention.RULES.items():
        n = outcome.due.get(kind, 0)
        skipped = outcome.skipped_not_owner.get(kind, 0)
        print(f"{rule.label}：{verb} {n} 条" + (f"（{skipped} 条属其他账号，未处理）" if skipped else ""))
    if not args.dry_run:
        print(
            f"附件：作废 {outcome.attachments_tombstoned} 条，删除文件 {outcome.files_deleted} 个；"
            f"不再使用的人员记录 {outcome.persons_tombstoned} 条；"
            f"已签署协议书 {outcome.signed_agreements_stripped} 份删除个人信息（金额、日期等统计内容保留，不能再重印）"
        )
    return 0
