"""`advisor init`: create (or upgrade) the store and load the region code tree."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from advisor_app.cli.commands import COMMAND_HELP

if TYPE_CHECKING:
    from advisor_app.store import Store


def register(sub) -> None:  # noqa: ANN001
    p = sub.add_parser("init", help=COMMAND_HELP["init"])
    p.add_argument("--regions", type=Path, default=None, help="区划代码 CSV（code,name,parent_code,level）")
    p.set_defaults(func=run)


def run(args, store: Store) -> int:  # noqa: ANN001
    from advisor_app.services import regions

    count = regions.load_csv(store, args.regions)
    print(f"数据文件：{store.path}")
    print(f"已载入行政区划 {count} 条；设备编号 {store.device_id}")
    return 0
