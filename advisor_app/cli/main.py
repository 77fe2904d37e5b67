"""`advisor`: the headless CLI over the same local store as the desktop app.

Subcommands live in ``advisor_app.cli.commands``; each module registers its own parsers. A
command that only reads declares ``direct=True`` and gets the store through the DB-API driver
(``advisor_app.store.direct``), without importing SQLAlchemy, whenever opening needs nothing more.
Errors are reported in Chinese on stderr with a non-zero exit code, never as a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from advisor_app.cli import argparse_zh, commands


def _chosen_command(argv: Sequence[str]) -> str | None:
    """The subcommand named on the command line (the first word that is not an option or its value)."""
    words = list(argv)
    i = 0
    while i < len(words):
        word = words[i]
        if word == "--data-dir":
            i += 2
            continue
        if word.startswith("-"):
            i += 1
            continue
        return word
    return None


def _command_modules(argv: Sequence[str] | None) -> list[str] | None:
    """The command modules to load: only the chosen command's; none when no command is named (the
    list in ``advisor --help`` comes from ``COMMAND_HELP``); all of them for a name not in the table."""
    name = _chosen_command(sys.argv[1:] if argv is None else argv)
    if name is None:
        return None
    if name in commands.COMMANDS:
        return [commands.COMMANDS[name]]
    return _every_module()


def _every_module() -> list[str]:
    import pkgutil

    return sorted(m.name for m in pkgutil.iter_modules(commands.__path__))


def build_parser(
    argv: Sequence[str] | None = None, *, every_command: bool = False
) -> argparse.ArgumentParser:
    argparse_zh.install()
    parser = argparse.ArgumentParser(prog="advisor", description="乡村法律服务工作台 命令行工具")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="数据文件夹（默认：系统用户数据目录，或 ADVISOR_DATA_DIR）",
    )
    sub = parser.add_subparsers(dest="command", metavar="命令", required=True)
    names = _every_module() if every_command else _command_modules(argv)
    if names is None:
        for command, text in commands.COMMAND_HELP.items():
            sub.add_parser(command, help=text)
        return parser
    for name in names:
        module = importlib.import_module(f"{commands.__name__}.{name}")
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    try:
        if getattr(args, "func_no_store", None):
            return int(args.func_no_store(args) or 0)
        if getattr(args, "direct", False):
            return _run_direct(args)
        from advisor_app.logs import setup_logging
        from advisor_app.store import open_store

        store = open_store(args.data_dir)
        setup_logging(store.data_dir)
        try:
            return int(args.func(args, store) or 0)
        finally:
            store.close()
    except KeyboardInterrupt:
        print("已取消", file=sys.stderr)
        return 130
    except Exception as exc:
        if _explain(exc):
            return 2
        raise


def _run_direct(args: argparse.Namespace) -> int:
    """A command that declared ``direct=True`` gets a ``store.direct.DirectStore``: opened through the
    DB-API driver alone when that is enough (no SQLAlchemy to import), else made over the full store
    (``open_store`` creates, upgrades, encrypts or refuses with its Chinese error), so the command
    runs the same SQL either way."""
    from advisor_app.logs import setup_logging
    from advisor_app.store.direct import DirectStore, open_direct

    db = open_direct(args.data_dir)
    store = None
    if db is None:
        from advisor_app.store import open_store

        store = open_store(args.data_dir)
        db = DirectStore.of(store)
    setup_logging(db.data_dir)
    try:
        return int(args.func(args, db) or 0)
    finally:
        try:
            db.close()
        finally:
            if store is not None:
                store.close()


def _loaded(module: str, name: str) -> type[BaseException] | None:
    """The exception class ``module.name`` if that module is loaded, else ``None``.

    The CLI's error types are looked up, not imported: an exception of a class whose module was
    never imported cannot have been raised, and importing the validation rules or the store only
    to catch nothing would cost every command that does not use them (start-up budget).
    """
    found = sys.modules.get(module)
    return getattr(found, name) if found is not None else None


def _explain(exc: Exception) -> bool:
    """Print a user's error in Chinese (every field of a form's ValidationError); ``False`` for a bug."""
    validation_error = _loaded("advisor_app.domain.validation", "ValidationError")
    if validation_error is not None and isinstance(exc, validation_error):
        for message in exc.errors.values():  # type: ignore[attr-defined]
            print(f"错误：{message}", file=sys.stderr)
        return True
    # FlowError (case flow) is a ValueError; StoreLockedError (no key for an encrypted store) is not.
    locked = _loaded("advisor_app.store.crypto", "StoreLockedError")
    expected = (LookupError, ValueError, OSError, *((locked,) if locked is not None else ()))
    if isinstance(exc, expected):
        print(f"错误：{exc}", file=sys.stderr)
        return True
    return False


if __name__ == "__main__":
    sys.exit(main())
