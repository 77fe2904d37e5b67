"""`advisor backup -o FILE` and `advisor restore FILE` (SQLite online backup)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from advisor_app.cli.commands import COMMAND_HELP

if TYPE_CHECKING:
    pass


def register(sub) -> None:  # noqa: ANN001
    p = sub.add_parser("backup", help=COMMAND_HELP["backup"])
    p.add_argument("-o", "--output", type=Path, required=True)
    p.set_defaults(func=run_backup)
    p = sub.add_parser("restore", help=COMMAND_HELP["restore"])
    p.add_argument("file", type=Path)
    p.set_defaults(func_no_store=run_restore)


def run_backup(args, store) -> int:  # noqa: ANN001
    from advisor_app.store.backup import backup_file

    backup_file(store.path, args.output, key=store.key)
    print(f"已备份到 {args.output}")
    return 0


def run_restore(args) -> int:  # noqa: ANN001
    from advisor_app.store import crypto
    from advisor_app.store.backup import NotAStoreError, restore_file
    from advisor_app.store.database import DB_NAME, default_data_dir

    data_dir = args.data_dir or default_data_dir()
    data_dir.mkdir(parents=True, exist_ok=True)
    target = data_dir / DB_NAME
    key = (
        crypto.store_key(data_dir, create=False)
        if crypto.is_encrypted(args.file) or crypto.is_encrypted(target)
        else None
    )
    try:
        restore_file(args.file, target, key=key)
    except NotAStoreError as exc:
        print(f"错误：{exc}，未恢复。", file=sys.stderr)
        return 2
    # Bring a backup made by an older version up to this version's schema.
    from advisor_app.store import open_store

    open_store(data_dir).close()
    print(f"已从 {args.file} 恢复到 {target}")
    return 0
