"""`advisor report monthly|ledger|roster|rating|filed|hot`: the township office's exports from the command line."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from advisor_app.cli.commands import COMMAND_HELP

if TYPE_CHECKING:
    from advisor_app.store import Store


def _signature(args: argparse.Namespace):  # noqa: ANN202
    from advisor_app.reports.forms import Signature

    on = date.fromisoformat(args.date) if getattr(args, "date", None) else None
    return (
        Signature(unit=args.unit or "", filler=args.filler or "", on=on)
        if (args.unit or args.filler or on)
        else None
    )


def _monthly(args: argparse.Namespace, store: Store) -> int:
    from advisor_app.reports import forms
    from advisor_app.reports.scope import parse_period
    from advisor_app.services import users

    # Kept as the period's snapshot; a second export of the period lists the 更正 since the first.
    written = forms.export_monthly_filed(
        store, args.region, parse_period(args.month), args.output, _signature(args), by=users.actor(store)
    )
    print(f"已导出：{written}")
    return 0


def _ledger(args: argparse.Namespace, store: Store) -> int:
    from advisor_app.reports import forms
    from advisor_app.reports.scope import parse_period

    sheet = forms.ledger(store, args.region, parse_period(args.month), args.adviser, _signature(args))
    print(f"已导出：{forms.export([sheet], args.output)}（{len(sheet.tables[0].rows)} 条）")
    return 0


def _roster(args: argparse.Namespace, store: Store) -> int:
    from advisor_app.reports import forms

    if Path(args.output).suffix.lower() != ".xlsx":
        raise ValueError("输出文件：花名册只导出 .xlsx")
    print(f"已导出：{forms.export([forms.roster(store, args.region)], args.output)}")
    return 0


def _hot(args: argparse.Namespace, store: Store) -> int:
    from advisor_app.reports import hot_topics
    from advisor_app.reports.scope import parse_period

    topics = hot_topics.detect(store, args.region, parse_period(args.month))
    if not topics:
        print("本月没有发现明显上升的热点")
    for topic in topics:
        print(f"{topic.explanation}（记录 {len(topic.record_ids)} 条）")
    return 0


def _rating(args: argparse.Namespace, store: Store) -> int:
    from advisor_app.reports import forms, rating_board
    from advisor_app.reports.scope import parse_period

    sheet = rating_board.sheet(store, args.region, parse_period(args.month))
    print(f"已导出：{forms.export([sheet], args.output)}")
    return 0


def _filed(args: argparse.Namespace, store: Store) -> int:
    from datetime import UTC

    from sqlalchemy import select

    from advisor_app.domain.clock import to_china
    from advisor_app.domain.models import Region
    from advisor_app.reports import snapshots
    from advisor_app.reports.scope import allowed_region

    region = allowed_region(store, args.region)
    if not region:
        raise ValueError("地区：请用 --region 指定村或乡镇（报送记录按地区保存）")
    filings = [
        f for f in snapshots.filings(store, region) if not args.month or f.snapshot.period == args.month
    ]
    with store.session() as session:
        names = {code: name for code, name in session.execute(select(Region.code, Region.name))}
    if not filings:
        print("没有报送记录")
    for filing in filings:
        snap = filing.snapshot
        when = f"{to_china(snap.exported_at.replace(tzinfo=UTC)):%Y-%m-%d %H:%M}"
        where = f"{names.get(snap.region_code or '', '')}（{snap.region_code}）"
        if filing.corrections is None:
            what = "首次报送"
        elif not filing.corrections:
            what = "无更正"
        else:
            listed = "；".join(
                f"{d.row}·{d.column} {'' if d.before is None else d.before} → {'' if d.after is None else d.after}"
                for d in filing.corrections
            )
            what = f"更正 {len(filing.corrections)} 项：{listed}"
        print(f"{where} {snap.period} {when} 报送 {snap.exported_by or '—'}　{what}")
    return 0


def register(subparsers) -> None:  # noqa: ANN001 - argparse's private subparsers action
    """Every export runs on the direct store (``direct=True``: the figures, the scope and the filed
    snapshot are plain SQL, so no SQLAlchemy is imported); the 报送记录 list reads the ORM's objects."""
    report = subparsers.add_parser("report", help=COMMAND_HELP["report"])
    sub = report.add_subparsers(dest="report", metavar="报表", required=True)

    def common(p: argparse.ArgumentParser, month: bool = True) -> None:
        if month:
            p.add_argument("--month", required=True, help="统计期间：2026-11（也可 2026-Q4 或 2026）")
        p.add_argument("--region", default=None, help="区划代码（村、乡镇或区县），默认全部")

    def signed(p: argparse.ArgumentParser) -> None:
        p.add_argument("-o", "--output", required=True, help="输出文件 .xlsx 或 .pdf")
        p.add_argument("--unit", default=None, help="填报单位")
        p.add_argument("--filler", default=None, help="填报人")
        p.add_argument("--date", default=None, help="填报日期 YYYY-MM-DD（默认今天）")

    monthly = sub.add_parser("monthly", help="人民调解工作统计月报表")
    common(monthly)
    signed(monthly)
    monthly.set_defaults(func=_monthly, direct=True)

    ledger = sub.add_parser("ledger", help="法律顾问工作台账")
    common(ledger)
    ledger.add_argument("--adviser", default=None, help="法律顾问姓名（默认全部）")
    signed(ledger)
    ledger.set_defaults(func=_ledger, direct=True)

    roster = sub.add_parser("roster", help="法律明白人花名册（.xlsx）")
    common(roster, month=False)
    roster.add_argument("-o", "--output", required=True, help="输出文件 .xlsx")
    roster.set_defaults(func=_roster, direct=True)

    rating = sub.add_parser("rating", help="服务评价情况及排名（自评率、满意率、回访率、整改率）")
    common(rating)
    rating.add_argument("-o", "--output", required=True, help="输出文件 .xlsx 或 .pdf")
    rating.set_defaults(func=_rating, direct=True)

    filed = sub.add_parser("filed", help="已报送的月报表：本地区及下辖各村的报送记录和更正")
    filed.add_argument("--month", default=None, help="统计期间：2026-11（默认全部）")
    filed.add_argument("--region", default=None, help="区划代码（村或乡镇），默认本机负责的地区")
    filed.set_defaults(func=_filed)

    hot = sub.add_parser("hot", help="热点研判：本月明显上升的纠纷类型和关键词")
    common(hot)
    hot.set_defaults(func=_hot, direct=True)
