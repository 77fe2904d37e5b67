"""Subcommands of `advisor`. Each module exposes ``register(subparsers)``; a subparser it adds sets
``func=callable(args, store) -> int`` (or ``func_no_store=callable(args) -> int``). Modules are found by
name, so a new command is a new file here."""
