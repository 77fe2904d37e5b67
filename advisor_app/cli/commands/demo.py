"""`advisor demo-data`: fill the store with a synthetic county (deterministic by seed)."""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING

from advisor_app.cli.commands import COMMAND_HELP

if TYPE_CHECKING:
    from advisor_app.store import Store


def register(sub) -> None:  # noqa: ANN001
    p = sub.add_parser("demo-data", help=COMMAND_HELP["demo-data"])
    p.add_argument("--seed", type=int, default=1, help="随机种子：相同种子生成相同数据")
    p.add_argument("--consultations", type=int, default=2000, help="咨询记录条数")
    p.add_argument("--cases", type=int, default=300, help="纠纷案件数")
    p.add_argument(
        "--no-pdf",
        action="store_true",
        help="不打印、不保存已签署协议的存档 PDF（生成更快，但这些协议不能重印）",
    )
    p.set_defaults(func=run)


def run(args, store: Store) -> int:  # noqa: ANN001
    from advisor_app import demo

    started = time.perf_counter()
    counts = demo.generate(
        store,
        seed=args.seed,
        consultations=args.consultations,
        cases=args.cases,
        signed_copies=not args.no_pdf,
        # Printing the signed agreements is most of the time: one process per core (Linux).
        workers=min(os.cpu_count() or 1, 8),
    )
    elapsed = time.perf_counter() - started
    print(f"已生成演示数据（{elapsed:.1f} 秒）：")
    for table, n in counts.items():
        print(f"  {table}: {n}")
    return 0
