"""`advisor diagnose`: versions, paths, font, keyring, database health and sync backlog for a support call.

It reads the database read-only and never upgrades it, so it works on a store that no longer opens.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

from advisor_app.cli.commands import COMMAND_HELP


def register(sub) -> None:  # noqa: ANN001
    p = sub.add_parser("diagnose", help=COMMAND_HELP["diagnose"])
    p.add_argument("--full", action="store_true", help="完整的数据库完整性检查（较慢；默认为快速检查）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.add_argument(
        "--self-test", type=Path, metavar="空文件夹", help="在该文件夹中建库、打印协议书并检查密钥存储"
    )
    p.set_defaults(func_no_store=run)


def run(args) -> int:  # noqa: ANN001
    from advisor_app import diagnostics
    from advisor_app.store.database import default_data_dir

    if args.self_test is not None:
        result = diagnostics.self_test(args.self_test)
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0 if result["ok"] else 1
    lines = diagnostics.report(args.data_dir or default_data_dir(), full_check=args.full)
    if args.json:
        print(json.dumps([asdict(line) for line in lines], ensure_ascii=False, indent=1))
    else:
        print(diagnostics.format_report(lines))
    # A problem found is reported by exit code too, so a script (or the support person) can tell.
    problems = [line for line in lines if line.problem]
    if problems and not args.json:
        print(f"\n发现 {len(problems)} 个问题（标“！”的行）", file=sys.stderr)
    serious = ("完整性", "数据库", diagnostics.SIGNED_LABEL)  # a signed agreement not as signed is one too
    return 1 if any(line.problem and line.label.startswith(serious) for line in problems) else 0
