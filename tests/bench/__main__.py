"""`python -m tests.bench [-k NAME]`: run every benchmark module and print one table."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
import tempfile
import time
from pathlib import Path

import tests.bench as bench_pkg
from tests.bench import Row


def main() -> int:
    parser = argparse.ArgumentParser(prog="make bench")
    parser.add_argument("-k", default="", help="only modules whose name contains this")
    args = parser.parse_args()
    rows: list[tuple[str, Row]] = []
    failed = []
    for info in sorted(pkgutil.iter_modules(bench_pkg.__path__), key=lambda m: m.name):
        if not info.name.startswith("bench_") or args.k not in info.name:
            continue
        module = importlib.import_module(f"tests.bench.{info.name}")
        started = time.perf_counter()
        with tempfile.TemporaryDirectory(prefix=info.name) as tmp:
            try:
                for row in module.run(Path(tmp)):
                    rows.append((info.name, row))
            except Exception as exc:  # a broken benchmark is reported, the others still run
                failed.append((info.name, exc))
        print(f"[{info.name}] {time.perf_counter() - started:.1f} s", file=sys.stderr)
    print(f"\n{'module':<22} {'figure':<52} {'value':>12} {'target':>12} {'baseline':>12} {'ratio':>7}")
    for name, row in rows:
        base = f"{row.baseline:.4g}" if row.baseline is not None else ""
        ratio = f"{row.ratio:.3f}" if row.ratio is not None else ""
        print(
            f"{name:<22} {row.figure:<52} {row.value:>9.4g} {row.unit:<2} {row.target:>12} {base:>12} {ratio:>7}"
        )
        if row.baseline_name:
            print(f"{'':<22}   baseline: {row.baseline_name}")
    for name, exc in failed:
        print(f"FAILED {name}: {exc!r}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
