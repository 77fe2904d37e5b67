"""`advisor zero-report --region CODE --month YYYY-MM [--confirm --reason ...]`: 零上报 of a village."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from advisor_app.cli.commands import COMMAND_HELP

if TYPE_CHECKING:
    from advisor_app.store import Store


def register(sub) -> None:  # noqa: ANN001
    p = sub.add_parser("zero-report", help=COMMAND_HELP["zero-report"])
    p.add_argument("--region", required=True, help="村的区划代码")
    p.add_argument("--month", required=True, help="月份 YYYY-MM")
    p.add_argument("--note", help="备注")
    p.add_argument("--confirm", action="store_true", help="本月已有记录时仍零上报（须同时写 --reason）")
    p.add_argument("--reason", help="本月已有记录仍零上报的原因（记入更正说明）")
    p.set_defaults(func=run)


def run(args, store: Store) -> int:  # noqa: ANN001
    from advisor_app.services import users, zero_reports

    users.sign_in_from_env(store)
    confirm, reason = args.confirm, args.reason
    try:
        report = zero_reports.report_zero(
            store, args.region, args.month, args.note, confirm=confirm, reason=reason
        )
    except zero_reports.ZeroReportConflict as conflict:
        if not sys.stdin.isatty():
            print(f"错误：{conflict}（确认请加 --confirm --reason 原因）", file=sys.stderr)
            return 2
        print(str(conflict), file=sys.stderr)
        if input("仍要零上报吗？[y/N] ").strip().lower() not in ("y", "yes", "是"):
            print("已取消", file=sys.stderr)
            return 1
        reason = reason or input("原因：").strip()
        report = zero_reports.report_zero(
            store, args.region, args.month, args.note, confirm=True, reason=reason
        )
    print(
        f"已零上报：{report.region_code} {report.month}"
        + (f"（{report.correction}）" if report.correction else "")
    )
    return 0
