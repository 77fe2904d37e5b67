"""Start the desktop app with the installation's safety nets: the log file and the crash handler.

``ui.app.main`` may install them itself (see the hook lines in docs/installing.md); doing it again
here is harmless, both are idempotent.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def data_dir_from(argv: list[str]) -> Path:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--data-dir", type=Path, default=None)
    args, _ = parser.parse_known_args(argv)
    if args.data_dir is not None:
        return args.data_dir
    from advisor_app.store.database import default_data_dir

    return default_data_dir()


def run_app(argv: list[str]) -> int:
    data_dir = data_dir_from(argv)
    from advisor_app.logs import setup_logging

    setup_logging(data_dir)
    from ui.crash import install

    install(data_dir)
    from ui.app import main

    return main(argv)
