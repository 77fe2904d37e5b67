"""`advisor export|import consultations|cases|roster`: spreadsheets with Chinese headers."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from advisor_app.cli.commands import COMMAND_HELP

if TYPE_CHECKING:
    from advisor_app.store import Store


def register(sub) -> None:  # noqa: ANN001
    # The kinds from the registry (plain data): io.transfer (the services, openpyxl) loads only
    # when a file is written or read, not for `--help`.
    from advisor_app.domain.record_kinds import EXPORTS

    p = sub.add_parser("export", help=COMMAND_HELP["export"])
    p.add_argument("kind", choices=EXPORTS)
    p.add_argument("-o", "--output", type=Path, required=True, help="输出文件（.xlsx 或 .csv）")
    p.add_argument("--full", action="store_true", help="导出完整的身份证号和电话（默认打码；需本机身份允许）")
    p.set_defaults(func=run_export)
    p = sub.add_parser("import", help=COMMAND_HELP["import"])
    p.add_argument("kind", choices=EXPORTS)
    p.add_argument("file", type=Path)
    p.set_defaults(func=run_import)


def run_export(args, store: Store) -> int:  # noqa: ANN001
    from advisor_app.domain.record_kinds import name_of
    from advisor_app.io import transfer

    count = transfer.export(store, args.kind, args.output, full=args.full)
    masked = "完整" if args.full else "身份证号和电话已打码"
    print(f"已导出{name_of(args.kind)} {count} 条到 {args.output}（{masked}）")
    return 0


def run_import(args, store: Store) -> int:  # noqa: ANN001
    from advisor_app.domain.record_kinds import name_of
    from advisor_app.io import transfer
    from advisor_app.io.tabular import TableFormatError

    try:
        report = transfer.import_file(store, args.kind, args.file)
    except TableFormatError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    for error in report.errors:
        print(f"错误：{error}", file=sys.stderr)
    print(
        f"{name_of(args.kind)}：新增 {report.created} 条，更新 {report.updated} 条，拒绝 {len(report.rejected_rows)} 行"
    )
    return 1 if report.errors else 0
