"""`advisor login`, `advisor logout`, `advisor sync`, `advisor sync-status`, `advisor conflicts`.

The sync client is imported inside the commands, so the rest of the CLI starts without it;
`sync-status` reads the local state only (``sync.client.local_status``: plain SQL, no network
client, no protocol rules, no ORM models). It and `conflicts` run on the direct store
(``store.direct``: the driver alone, no SQLAlchemy); `conflicts` opens the full store only to list
or resolve conflicts (the ORM models and the protocol's fields), never for the usual “none”.
"""

from __future__ import annotations

import getpass
import sys

from advisor_app.cli.commands import COMMAND_HELP


def register(sub) -> None:  # noqa: ANN001
    p = sub.add_parser("login", help=COMMAND_HELP["login"])
    p.add_argument("--server", required=True, help="服务器地址，如 https://sync.example.gov.cn")
    p.add_argument("--user", required=True, help="账号")
    p.add_argument("--password-stdin", action="store_true", help="从标准输入读取密码")
    p.set_defaults(func=run_login)
    p = sub.add_parser("logout", help=COMMAND_HELP["logout"])
    p.set_defaults(func=run_logout)
    p = sub.add_parser("sync", help=COMMAND_HELP["sync"])
    p.add_argument("--check", action="store_true", help="无论有无变化都核对两边的数据")
    p.set_defaults(func=run_sync)
    p = sub.add_parser("sync-status", help=COMMAND_HELP["sync-status"])
    p.set_defaults(func=run_status, direct=True)
    p = sub.add_parser("conflicts", help=COMMAND_HELP["conflicts"])
    p.add_argument("--keep", choices=["mine", "theirs"], help="处理一个冲突：保留本机版本或服务器版本")
    p.add_argument("--id", type=int, help="冲突编号（与 --keep 一起用）")
    p.set_defaults(func=run_conflicts, direct=True)


def _client(store):  # noqa: ANN001, ANN202
    from sync.client import SyncClient

    return SyncClient(store)


def _fail(exc) -> int:  # noqa: ANN001
    print(f"错误：{exc.message}", file=sys.stderr)
    return 3 if exc.code in ("invalid_token", "not_logged_in", "bad_credentials") else 2


def run_login(args, store) -> int:  # noqa: ANN001
    from sync.client import SyncError

    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("密码：")
    if not password:
        print("错误：密码：不能为空", file=sys.stderr)
        return 2
    try:
        account = _client(store).login(args.server, args.user, password)
    except SyncError as exc:
        return _fail(exc)
    print(
        f"已登录 {args.server}：{account['username']}（{account['role']}，区域 {'、'.join(account['regions']) or '全市'}）"
    )
    return 0


def run_logout(args, store) -> int:  # noqa: ANN001
    from sync.client import SyncError

    try:
        queued = _client(store).logout()
    except SyncError as exc:
        return _fail(exc)
    print("已退出登录。" + (f"本机还有 {queued} 条记录未同步，已保留，重新登录后会发送。" if queued else ""))
    return 0


def run_sync(args, store) -> int:  # noqa: ANN001
    from sync.client import SyncError

    def progress(stage: str, done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\r{stage} {done}/{total}", end="", file=sys.stderr, flush=True)

    try:
        report = _client(store).sync(progress, check_digests=True if args.check else None)
    except SyncError as exc:
        return _fail(exc)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"同步完成：{report.summary()}（{report.seconds:.1f} 秒）")
    return 0


def run_status(args, db) -> int:  # noqa: ANN001 - db: a store.direct.DirectStore
    from sync.client import local_status

    status = local_status.status(db)
    print(f"服务器：{status.server_url or '未设置（仅本机保存）'}")
    print(f"账号：{status.username or '未登录'}")
    print(f"上次同步：{status.last_sync or '从未'}")
    print(
        f"待发送：{status.queued} 条　被拒：{status.rejected} 条　冲突：{status.conflicts} 条"
        f"　已隔离：{status.quarantined} 条"
    )
    if status.last_error:
        print(f"上次错误：{status.last_error}")
    if status.quarantined:
        # Only kind, id prefix, revision and the reason (field names and rules, never a value).
        print("已隔离的记录（本机暂时无法写入；服务器上的新版本到达后自动替换）：")
        quarantined = local_status.quarantine_listing(db.conn)
        for item in quarantined:
            print(f"  {item.kind_label}\t{item.record_id[:8]}\t第 {item.rev} 版\t{item.reason}")
    return 0


def run_conflicts(args, db) -> int:  # noqa: ANN001 - db: a store.direct.DirectStore
    if not args.keep:
        from sync.client import local_status

        # The usual answer, “none”, is one count; only listing conflicts needs the models and the
        # protocol's fields (which fields differ).
        if not local_status.open_conflict_count(db.conn):
            print("没有待处理的冲突")
            return 0
    from sync.client import conflicts

    store = db.full_store()

    if args.keep:
        if args.id is None:
            print("错误：冲突编号：请用 --id 指定", file=sys.stderr)
            return 2
        (conflicts.keep_mine if args.keep == "mine" else conflicts.keep_theirs)(store, args.id)
        print(f"冲突 {args.id} 已处理（保留{'本机' if args.keep == 'mine' else '服务器'}版本）")
        return 0
    items = conflicts.open_conflicts(store)
    if not items:
        print("没有待处理的冲突")
    for c in items:
        fields = "、".join(lbl for _f, lbl, _m, _t in c.differing()) or "（内容相同）"
        print(f"{c.id}\t{c.kind}\t{c.record_id[:8]}\t{c.message}\t不同字段：{fields}")
    return 0
