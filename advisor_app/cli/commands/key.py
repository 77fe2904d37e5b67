"""`advisor key show|status`: the store's encryption key, for the office safe (restoring on a new PC)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from advisor_app.cli.commands import COMMAND_HELP

if TYPE_CHECKING:
    from advisor_app.store import Store


def register(sub) -> None:  # noqa: ANN001
    p = sub.add_parser("key", help=COMMAND_HELP["key"])
    p.add_argument("action", choices=["status", "show"])
    p.add_argument("--yes", action="store_true", help="确认显示密钥（请妥善保管，勿外传）")
    p.set_defaults(func=run)


def run(args, store: Store) -> int:  # noqa: ANN001
    from advisor_app.store import crypto

    if store.key is None:
        print("数据库未加密（本机没有可用的系统密钥环，也未设置密码）")
        return 0 if args.action == "status" else 1
    if args.action == "status":
        source = "密码" if (store.data_dir / crypto.SALT_FILE).exists() else "系统密钥环"
        print(f"数据库已加密（SQLCipher AES-256），密钥保存在：{source}")
        return 0
    if not args.yes:
        print("显示密钥需加 --yes 确认：持有密钥和数据文件的人可以读取全部数据。", file=sys.stderr)
        return 2
    from advisor_app.services import audit

    audit.log(store, "显示密钥", "store", detail="advisor key show")
    print(store.key.hex())
    print("在新电脑上恢复备份前，设置环境变量 ADVISOR_DB_KEY 为上面的密钥。", file=sys.stderr)
    return 0
