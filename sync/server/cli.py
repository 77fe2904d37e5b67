"""`advisor-server`: run the city sync server and do its admin work."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from sync.server import logs
from sync.server.admin import service as admin
from sync.server.database import data_dir, default_url, make_engine, normalise_url, upgrade
from sync.server.regions.scope import ROLES


def _engine(args: argparse.Namespace):  # noqa: ANN202
    return make_engine(args.database_url)


def _password(args: argparse.Namespace) -> str:
    if not args.password_stdin:
        raise admin.AdminError("请用 --password-stdin 从标准输入提供密码（不要写在命令行里）")
    return sys.stdin.readline().rstrip("\r\n")


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    os.environ["ADVISOR_SERVER_DATABASE_URL"] = args.database_url
    os.environ["ADVISOR_SERVER_DATA_DIR"] = str(args.data_dir)
    # Each worker's connection pool is its share of the budget (database.pool_size).
    os.environ["ADVISOR_SERVER_WORKERS"] = str(args.workers)
    if not args.no_migrate:
        upgrade(_engine(args))
    uvicorn.run(
        "sync.server.app:app_from_env",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        proxy_headers=True,
        forwarded_allow_ips=args.forwarded_allow_ips,
        access_log=False,
        log_level="warning",
    )
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    applied = upgrade(_engine(args))
    print("数据库结构已更新到最新版本。" if applied else "数据库结构已是最新版本。")
    return 0


def cmd_region_import(args: argparse.Namespace) -> int:
    n = admin.import_regions(_engine(args), Path(args.file))
    print(f"已导入 {n} 个区划。")
    return 0


def cmd_committee_add(args: argparse.Namespace) -> int:
    rid = admin.add_committee(_engine(args), args.name, args.short_name, args.kind, args.region, args.owner)
    print(rid)
    return 0


def cmd_committee_list(args: argparse.Namespace) -> int:
    for c in admin.list_committees(_engine(args)):
        print(
            f"{c['id']}  {c['region_code']}  {c['short_name']}  {c['name']}  （{c['kind']}，归属 {c['owner']}）"
        )
    return 0


def cmd_user_add(args: argparse.Namespace) -> int:
    admin.add_user(_engine(args), args.name, args.role, args.region or [], _password(args))
    print(f"已添加用户 {args.name}（{args.role}）。")
    return 0


def cmd_user_passwd(args: argparse.Namespace) -> int:
    admin.set_password(_engine(args), args.name, _password(args), revoke_devices=not args.keep_devices)
    print(f"已重置 {args.name} 的密码" + ("。" if args.keep_devices else "，其设备需重新登录。"))
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    for u in admin.list_users(_engine(args)):
        flag = "（已停用）" if u["disabled"] else ""
        print(f"{u['username']}  {u['role']}  {','.join(u['regions'])}{flag}")
    return 0


def cmd_device_list(args: argparse.Namespace) -> int:
    for d in admin.list_devices(_engine(args), args.user):
        state = "已吊销" if d["revoked"] else "有效"
        print(
            f"{d['id']}  {d['user']}  {d['device_id']}  {d['name']}  最近 {d['last_seen_at'] or '-'}  {state}"
        )
    return 0


def cmd_device_revoke(args: argparse.Namespace) -> int:
    admin.revoke_device(_engine(args), args.id)
    print(f"已吊销设备 {args.id} 的令牌。")
    return 0


def cmd_owner_transfer(args: argparse.Namespace) -> int:
    record = None
    if args.record:
        kind, _, rid = args.record.partition(":")
        record = (kind, rid)
    n = admin.transfer(_engine(args), args.to, record=record, from_user=args.from_user, region=args.region)
    print(f"已移交 {n} 条记录给 {args.to}。")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    print(json.dumps(admin.counts(_engine(args)), ensure_ascii=False, indent=1))
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="advisor-server", description="乡村法律服务工作台 · 市级同步服务器")
    p.add_argument("--database-url", help="postgresql://… 或 sqlite:///…（默认：数据文件夹中的 SQLite）")
    p.add_argument("--data-dir", help="数据文件夹（附件、默认数据库）；也可用 ADVISOR_SERVER_DATA_DIR")
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("serve", help="运行同步服务器")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8400)
    s.add_argument("--workers", type=int, default=1)
    s.add_argument("--forwarded-allow-ips", default="127.0.0.1", help="trusted reverse proxy addresses")
    s.add_argument("--no-migrate", action="store_true", help="do not upgrade the schema on start")
    s.set_defaults(func=cmd_serve)
    sub.add_parser("migrate", help="升级数据库结构（Alembic）").set_defaults(func=cmd_migrate)
    sub.add_parser("stats", help="各类记录数").set_defaults(func=cmd_stats)

    region = sub.add_parser("region", help="行政区划").add_subparsers(dest="action", required=True)
    r = region.add_parser("import", help="导入区划代码 CSV（code,name,parent_code,level）")
    r.add_argument("file")
    r.set_defaults(func=cmd_region_import)

    committee = sub.add_parser("committee", help="人民调解委员会").add_subparsers(
        dest="action", required=True
    )
    c = committee.add_parser("add")
    c.add_argument("--name", required=True)
    c.add_argument("--short-name", required=True, help="案号中的简称，如“临桥”")
    c.add_argument("--kind", required=True)
    c.add_argument("--region", required=True)
    c.add_argument("--owner", required=True, help="account that maintains the committee")
    c.set_defaults(func=cmd_committee_add)
    committee.add_parser("list").set_defaults(func=cmd_committee_list)

    user = sub.add_parser("user", help="账号").add_subparsers(dest="action", required=True)
    u = user.add_parser("add")
    u.add_argument("name")
    u.add_argument("--role", required=True, choices=list(ROLES))
    u.add_argument("--region", action="append")
    u.add_argument("--password-stdin", action="store_true")
    u.set_defaults(func=cmd_user_add)
    u = user.add_parser("passwd", help="重置密码（默认同时吊销其全部设备令牌）")
    u.add_argument("name")
    u.add_argument("--password-stdin", action="store_true")
    u.add_argument("--keep-devices", action="store_true")
    u.set_defaults(func=cmd_user_passwd)
    user.add_parser("list").set_defaults(func=cmd_user_list)

    device = sub.add_parser("device", help="设备令牌").add_subparsers(dest="action", required=True)
    d = device.add_parser("list")
    d.add_argument("--user")
    d.set_defaults(func=cmd_device_list)
    d = device.add_parser("revoke")
    d.add_argument("id", type=int)
    d.set_defaults(func=cmd_device_revoke)

    owner = sub.add_parser("owner", help="记录归属").add_subparsers(dest="action", required=True)
    o = owner.add_parser("transfer", help="移交一条记录（连同下属记录）或一个账号的全部记录")
    o.add_argument("--to", required=True)
    o.add_argument("--record", help="KIND:UUID, e.g. cases:…")
    o.add_argument("--from", dest="from_user")
    o.add_argument("--region")
    o.set_defaults(func=cmd_owner_transfer)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.data_dir:
        os.environ["ADVISOR_SERVER_DATA_DIR"] = args.data_dir
    args.data_dir = data_dir()
    args.database_url = normalise_url(args.database_url or default_url())
    logs.setup("WARNING")
    try:
        if args.func not in (cmd_serve, cmd_migrate):
            upgrade(_engine(args))  # admin commands work on a fresh SQLite file too
        return args.func(args)
    except admin.AdminError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
