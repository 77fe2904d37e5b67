"""Benchmarks, run by `make bench` (never by the test suite).

Each ``bench_*.py`` module exposes ``run(workdir: Path) -> list[Row]``; ``python -m tests.bench``
runs them all (or those named with ``-k``) and prints one table.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Row:
    figure: str  # what was measured, in plain words
    value: float
    unit: str  # s, ms, MB, B/record, …
    target: str = ""  # the budget, e.g. "< 100 ms"
    baseline: float | None = None  # the same work done the plain way, in the same unit
    baseline_name: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline in (None, 0):
            return None
        return self.value / self.baseline
