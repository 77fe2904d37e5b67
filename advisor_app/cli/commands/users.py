"""`advisor users list|add|passwd|disable|enable`: local users of a shared PC (本机用户).

The first user added becomes the 管理员; later changes act as the user named in ``ADVISOR_USER``
(password in ``ADVISOR_USER_PASSWORD``). Passwords are read from standard input, never arguments.
"""

from __future__ import annotations

import getpass
import sys
from typing import TYPE_CHECKING

from advisor_app.cli.commands import COMMAND_HELP

if TYPE_CHECKING:
    from advisor_app.store import Store


def register(sub) -> None:  # noqa: ANN001
    from advisor_app.services import setup

    p = sub.add_parser("users", help=COMMAND_HELP["users"])
    p.add_argument("action", choices=["list", "add", "passwd", "disable", "enable", "lock-minutes"])
    p.add_argument("name", nargs="?", help="用户名（lock-minutes：分钟数）")
    p.add_argument("--role", choices=setup.ROLES)
    p.add_argument("--region", action="append", default=[], help="负责的村或乡镇代码（可多次）")
    p.add_argument("--password-stdin", action="store_true", help="从标准输入读密码（第一行）")
    p.set_defaults(func=run)


def _password(args) -> str:  # noqa: ANN001
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    return getpass.getpass("密码：")


def run(args, store: Store) -> int:  # noqa: ANN001
    from advisor_app.services import users

    users.sign_in_from_env(store)
    if args.action == "list":
        for user in users.all_users(store):
            flags = "管理员" if user.is_admin else ""
            flags += "（已停用）" if user.disabled else ""
            print("\t".join((user.name, user.role, "、".join(user.region_codes or []), flags)))
        print(f"自动锁定：空闲 {users.lock_minutes(store)} 分钟", file=sys.stderr)
        return 0
    if not args.name:
        print("错误：请给出用户名", file=sys.stderr)
        return 2
    if args.action == "lock-minutes":
        users.set_lock_minutes(store, int(args.name))
        print(f"自动锁定：空闲 {users.lock_minutes(store)} 分钟")
        return 0
    if args.action == "add":
        users.create_user(store, args.name, _password(args), args.role or "", args.region)
        print(f"已添加本机用户 {args.name}" + ("（管理员）" if len(users.all_users(store)) == 1 else ""))
    elif args.action == "passwd":
        me = users.current_user(store)
        old = users.sign_in_password_from_env() if me is not None and me.name == args.name else None
        users.change_password(store, args.name, old, _password(args))
        print("密码已修改")
    else:
        users.set_disabled(store, args.name, args.action == "disable")
        print("已停用" if args.action == "disable" else "已启用")
    return 0
