"""Subcommands of `advisor`. Each module exposes ``register(subparsers)``; a subparser it adds sets
``func=callable(args, store) -> int`` (or ``func_no_store=callable(args) -> int``).

``COMMANDS`` names the module that registers each subcommand, so that running one command imports
only its own module (start-up budget: a command answers in under 0.5 s as a whole process). A test
checks the table against what the modules register; a name missing from it still works (every
module is then loaded), only slower. Keep module-level imports of command modules light: heavy
libraries (reportlab, openpyxl, the sync client) are imported inside the command functions.
"""

COMMANDS: dict[str, str] = {
    "audit": "audit",
    "backup": "backup",
    "restore": "backup",
    "demo-data": "demo",
    "diagnose": "diagnose",
    "init": "init",
    "key": "key",
    "print": "print_doc",
    "report": "report",
    "retention": "retention",
    "search": "search",
    "login": "sync_cmd",
    "logout": "sync_cmd",
    "sync": "sync_cmd",
    "sync-status": "sync_cmd",
    "conflicts": "sync_cmd",
    "export": "tabular",
    "followup": "followup",
    "zero-report": "zero_report",
    "import": "tabular",
    "users": "users",
}
